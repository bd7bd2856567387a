"""The one console facade: data to stdout, messages to stderr, nothing read as markup.

Every Rich console briefcli uses is made here, with markup, emoji codes and highlighting off, so
text from a dataset is only ever shown, never interpreted. Text is sanitised by the renderers
(:func:`briefcli.text.clean`) before it reaches a console; messages are sanitised here.
"""

from __future__ import annotations

import sys


class Terminal:
    """Consoles are made when used, so they follow the current streams and environment.

    ``file`` replaces stdout (tests render into a buffer this way); ``width`` fixes the width.
    """

    def __init__(self, file=None, width: int | None = None) -> None:
        self.file = file
        self.width = width

    def _console(self, stderr: bool):
        from rich.console import Console

        return Console(
            file=None if stderr else self.file,
            width=self.width,
            stderr=stderr,
            markup=False,
            emoji=False,
            highlight=False,
            soft_wrap=False,
        )

    @property
    def out(self):
        return self._console(stderr=False)

    @property
    def err(self):
        return self._console(stderr=True)

    def show(self, renderable) -> None:
        """A Rich renderable (built from clean Text) to stdout."""
        self.out.print(renderable)

    def write(self, text: str) -> None:
        """Finished text (JSON, CSV, Markdown) to stdout, as it is."""
        stream = self.file or sys.stdout
        stream.write(text)
        stream.flush()

    def message(self, text: str) -> None:
        """A message for the person, to stderr, one line per line of text, sanitised."""
        from .text import clean  # here: --version and --help need no sanitiser

        for line in str(text).splitlines() or [""]:
            sys.stderr.write(clean(line, one_line=True) + "\n")
        sys.stderr.flush()


terminal = Terminal()
