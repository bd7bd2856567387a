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

import functools
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
    a command prints): each Text wrapped as Rich's Text.wrap wraps it (by :func:`_wrapped` where
    every character takes one cell, else by Text.wrap itself), without the rest of Rich's
    rendering, which takes three times as long; and a table that draws its own plain lines
    (``plain_lines(console)``, None when it cannot). None for anything else (a Rich table, a
    tab)."""
    from rich.cells import cell_len
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    if type(renderable) is not Group:
        return None
    width, out = console.width, []
    for item in renderable.renderables:
        drawn_plain = getattr(item, "plain_lines", None)  # a table of briefcli's (render.table)
        if drawn_plain is not None:
            lines = drawn_plain(console)
            if lines is None:
                return None
            out.extend(lines)
            continue
        left, fitted = 0, False
        if type(item) is Padding and not (item.top or item.right or item.bottom):
            left, fitted, item = item.left, not item.expand, item.renderable
        if type(item) is not Text or item.end != "\n" or width - left < 1:
            return None
        plain = item.plain
        if "\t" in plain:  # Rich expands tabs as it prints, not as it wraps
            return None
        lines = plain.split("\n")
        ours = all(map(_one_cell_each, lines))  # then a line's cells are its characters
        measure = len if ours else cell_len
        if fitted and not any(map(measure, lines)):
            continue  # Padding fits itself to the text: none at all, no line
        pad = " " * left
        if len(lines) == 1 and measure(plain) <= width - left:
            out.append((pad + plain).rstrip(" "))  # one line that fits: nothing to wrap
            continue
        if (not ours or item.no_wrap or item.overflow not in (None, "fold")
                or item.justify not in (None, "default", "left")):
            out.extend((pad + line.plain).rstrip(" ") for line in item.wrap(console, width - left))
            continue
        for line in lines:
            out.extend((pad + piece).rstrip(" ") for piece in _wrapped(line, width - left))
    return "\n".join(out) + "\n" if out else ""


def folded(plain: str, width: int | None) -> list[str] | None:
    """A Text's ``plain`` text in lines of ``width`` cells as Rich's ``Text.wrap`` folds it (no
    justification; not at all for None), each line as long as it is; None where only Rich can
    say (a tab, a character of other than one cell)."""
    if "\t" in plain:
        return None
    lines = plain.split("\n")
    if not all(map(_one_cell_each, lines)):
        return None
    if width is None:
        return lines
    return [piece for line in lines for piece in _wrapped(line, width)]


_WORD = re.compile(r"\s*\S+\s*")  # a word, with the spaces before it (the first only) and after


def _one_cell_each(line: str) -> bool:
    """Whether Rich measures every character of ``line`` as one cell (most text does, curly
    quotes and accents too; Rich's own measure goes character by character for anything but
    Latin, which made wrapping a listing's cards most of the time it took to print)."""
    return all(map(_one_cell, set(line)))


@functools.lru_cache(maxsize=4096)  # bounded: a dataset may hold every character there is
def _one_cell(char: str) -> bool:
    from rich.cells import cell_len

    return cell_len(char) == 1


def _wrapped(line: str, width: int) -> list[str]:
    """``line`` (no line break; every character one cell, see :func:`_one_cell_each`) cut into
    lines of ``width`` as Rich's ``Text.wrap`` cuts it (overflow "fold", no justification):
    a word goes on when its letters fit in what is left of the line, its spaces after it even
    where they do not; else it starts the next line; a word longer than a line is cut into
    pieces of a line each, the last of which the next word may follow. A line that its last
    word's spaces take past ``width`` loses as many of them as it must, as Rich crops it."""
    if len(line) <= width:
        return [line]
    cuts: list[int] = []
    used = 0  # cells of the current line
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        letters = len(word.rstrip())
        if letters <= width - used:
            used += len(word)
        elif letters > width:
            for at in range(start, match.end(), width):
                if at:
                    cuts.append(at)
                used = min(width, match.end() - at)
        elif used and start:
            cuts.append(start)
            used = len(word)
    bounds = [0, *cuts, len(line)]
    pieces = [line[a:b] for a, b in zip(bounds, bounds[1:])]
    for n, piece in enumerate(pieces):
        if len(piece) > width:  # only spaces (of any kind) go past the width
            spaces = len(piece) - len(piece.rstrip())
            pieces[n] = piece[: len(piece) - min(spaces, len(piece) - width)][:width]
    return pieces


def _drawn(renderable, console) -> str:
    """What ``console`` prints for ``renderable``, with no trailing spaces."""
    text = plain_lines(renderable, console) if console.color_system is None else None
    if text is None:
        with console.capture() as captured:
            console.print(renderable)
        text = strip_trailing_spaces(captured.get())
    return text


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
        self.write(_drawn(renderable, console))

    def show_each(self, renderables, batch: int = 256) -> None:
        """Renderables to stdout as :meth:`show` shows them in one Group, drawn and written
        ``batch`` at a time: a long listing is never held whole, and its first lines are
        written while the rest is drawn."""
        from itertools import islice

        from rich.console import Group

        console = self.out
        renderables = iter(renderables)

        def drawn():
            while chunk := list(islice(renderables, batch)):
                yield _drawn(Group(*chunk), console)

        self.write_each(drawn())

    def write(self, text: str) -> None:
        """Finished text (JSON, CSV, Markdown, a rendered table) to stdout, paged if long."""
        self.write_each([text])

    def write_each(self, texts) -> None:
        """Finished text in pieces, as they are made, to stdout; paged if long (see
        :mod:`briefcli.pager`)."""
        stream = self.file or sys.stdout
        if self.file is None and self.pager:
            from .pager import page

            texts = page(texts, stream)
        for text in texts:
            stream.write(text)
        stream.flush()

    def message(self, text: str) -> None:
        """A message for the person, to stderr, one line per line of text, sanitised."""
        from .text import clean  # here: --version and --help need no sanitiser

        for line in str(text).splitlines() or [""]:
            sys.stderr.write(clean(line, one_line=True) + "\n")
        sys.stderr.flush()


terminal = Terminal()
