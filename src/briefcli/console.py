"""The one console facade: data to stdout, messages to stderr, nothing read as markup.

Every Rich console briefcli uses is made here, with markup, emoji codes and highlighting off, so
text from a dataset is only ever shown, never interpreted. Text is sanitised by the renderers
(:func:`briefcli.text.clean`) before it reaches a console; messages are sanitised here.

What reaches the terminal follows the usual conventions:

* colour and styles only when stdout is a terminal, and none at all (not even bold) when
  ``NO_COLOR`` is set to anything but the empty string;
* no trailing spaces on any line (tables pad their cells; a pipe does not need that);
* output longer than the screen, at a terminal, goes through a pager as git's does:
  ``$BRIEFCLI_PAGER``, else ``$PAGER``, else ``less``, with ``LESS=FRX`` unless ``LESS`` is
  set; ``--no-pager`` or an empty or ``cat`` pager turns it off. Never when piped.
"""

from __future__ import annotations

import os
import re
import sys

_TAIL = re.compile(r"(?:[ \t]|\x1b\[[0-9;]*m)+$", re.MULTILINE)
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def no_color() -> bool:
    """Whether the person asked for no colour (https://no-color.org/: set and not empty)."""
    return bool(os.environ.get("NO_COLOR"))


def strip_trailing_spaces(text: str) -> str:
    """Each line without the spaces at its end (style codes there are kept)."""
    return _TAIL.sub(lambda m: "".join(_SGR.findall(m.group())), text)


def plain_lines(renderable, console) -> str | None:
    """What ``console`` prints for ``renderable`` without colour, with no trailing spaces, when
    it is a Group of Text and of Text indented by Padding (a listing of cards, the most records
    a command prints): each Text wrapped by Rich's own Text.wrap, without the rest of Rich's
    rendering, which takes three times as long. None for anything else (a table, a tab)."""
    from rich.cells import cell_len
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    if type(renderable) is not Group:
        return None
    width, out = console.width, []
    for item in renderable.renderables:
        left, fitted = 0, False
        if type(item) is Padding and not (item.top or item.right or item.bottom):
            left, fitted, item = item.left, not item.expand, item.renderable
        if type(item) is not Text or item.end != "\n" or width - left < 1:
            return None
        plain = item.plain
        if "\t" in plain:  # Rich expands tabs as it prints, not as it wraps
            return None
        if fitted and not any(map(cell_len, plain.split("\n"))):
            continue  # Padding fits itself to the text: none at all, no line
        pad = " " * left
        if "\n" not in plain and cell_len(plain) <= width - left:
            out.append((pad + plain).rstrip(" "))  # one line that fits: nothing to wrap
            continue
        out.extend((pad + line.plain).rstrip(" ") for line in item.wrap(console, width - left))
    return "\n".join(out) + "\n" if out else ""


class Terminal:
    """Consoles are made when used, so they follow the current streams and environment.

    ``file`` replaces stdout (tests render into a buffer this way); ``width`` fixes the width;
    ``pager`` False never pages.
    """

    def __init__(self, file=None, width: int | None = None, pager: bool = True) -> None:
        self.file = file
        self.width = width
        self.pager = pager

    def _console(self, stderr: bool):
        from rich.console import Console

        options = {"color_system": None} if no_color() else {}
        return Console(
            file=None if stderr else self.file,
            width=self.width,
            stderr=stderr,
            markup=False,
            emoji=False,
            highlight=False,
            soft_wrap=False,
            **options,
        )

    @property
    def out(self):
        return self._console(stderr=False)

    @property
    def err(self):
        return self._console(stderr=True)

    def show(self, renderable) -> None:
        """A Rich renderable (built from clean Text) to stdout."""
        console = self.out
        text = plain_lines(renderable, console) if console.color_system is None else None
        if text is None:
            with console.capture() as captured:
                console.print(renderable)
            text = strip_trailing_spaces(captured.get())
        self.write(text)

    def write(self, text: str) -> None:
        """Finished text (JSON, CSV, Markdown, a rendered table) to stdout, paged if long."""
        stream = self.file or sys.stdout
        if self.file is None and self.pager:
            from .pager import page

            if page(text, stream):
                return
        stream.write(text)
        stream.flush()

    def message(self, text: str) -> None:
        """A message for the person, to stderr, one line per line of text, sanitised."""
        from .text import clean  # here: --version and --help need no sanitiser

        for line in str(text).splitlines() or [""]:
            sys.stderr.write(clean(line, one_line=True) + "\n")
        sys.stderr.flush()


terminal = Terminal()
