"""The one console facade: data to stdout, messages to stderr, nothing read as markup.

Every Rich console briefcli uses is made here, with markup, emoji codes and highlighting off, so
text from a dataset is only ever shown, never interpreted. Text is sanitised by the renderers
(:func:`briefcli.text.clean`) before it reaches a console; messages are sanitised here.
"""

from __future__ import annotations

import sys


class Terminal:
    def __init__(self) -> None:
        self._out = None
        self._err = None

    def _console(self, stderr: bool):
        from rich.console import Console

        return Console(
            stderr=stderr, markup=False, emoji=False, highlight=False, soft_wrap=False
        )

    @property
    def out(self):
        if self._out is None:
            self._out = self._console(stderr=False)
        return self._out

    @property
    def err(self):
        if self._err is None:
            self._err = self._console(stderr=True)
        return self._err

    def show(self, renderable) -> None:
        """A Rich renderable (built from clean Text) to stdout."""
        self.out.print(renderable)

    def write(self, text: str) -> None:
        """Finished text (JSON, CSV, Markdown) to stdout, as it is."""
        sys.stdout.write(text)
        sys.stdout.flush()

    def message(self, text: str) -> None:
        """A message for the person, to stderr, one line per line of text, sanitised."""
        from .text import clean  # here: --version and --help need no sanitiser

        for line in str(text).splitlines() or [""]:
            sys.stderr.write(clean(line, one_line=True) + "\n")
        sys.stderr.flush()


terminal = Terminal()
