"""Rich tables and cards for the terminal. Every string from data becomes a plain Text."""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..text import clean
from .view import Column, Listing, cell, pieces
from .walk import Walker

# How a record's standing (Listing.tone) shows at a terminal with colour.
TONES = {"overdue": "bold red", "due": "bold yellow"}


def text(value: object, style: str = "") -> Text:
    """Data as Text: sanitised and never parsed for markup or emoji codes."""
    return Text(clean(cell(value)), style=style)


def marked(column: Column, record: dict, style: str = "") -> Text:
    """A column's value, its marked stretch (a search match) in bold."""
    out = Text(style=style)
    for piece, is_marked in pieces(column, record):
        out.append(clean(piece), style="bold" if is_marked else "")
    return out


class Terminal(Walker):
    def listing_parts(self, listing):
        # At a terminal an empty answer is one sentence, which already says what is empty.
        if not listing.records:
            return iter(self.empty(listing.empty))
        return super().listing_parts(listing)

    def listing_block(self, listing):
        if listing.records and listing.layout == "cards":
            return self.each_card(listing)  # made as they are written: never held whole
        return self.block(listing)

    def head(self, doc):
        return [text(doc.title, "bold")] + ([text(doc.subtitle, "dim")] if doc.subtitle else [])

    def section(self, heading, blocks):
        return [Text(""), text(heading, "bold underline"), *blocks]

    def title(self, value, listing):
        return [text(value, "bold")] + ([Text("")] if listing.layout == "cards" else [])

    def caption(self, value):
        return [text(value, "dim")]

    def empty(self, value):
        return [text(value, "italic")]

    def table(self, listing: Listing):
        rows = [[marked(c, r) for c in listing.shown] for r in listing.records]
        grids = [rows]
        short = [n for n, c in enumerate(listing.shown) if not c.wide]
        if any("\n" in row[n].plain for row in rows for n in short):
            # short values of several lines (people's counts by kind) each on one line, first,
            # where the width allows it
            grids.insert(0, [[_joined(v) if n in short else v for n, v in enumerate(row)]
                             for row in rows])
        # as cards, a listing's title (shown above it on a page of its own) gets its blank line
        lead = [Text("")] if listing.title else []
        return [_Fitting(listing, grids, lambda: lead + self.cards(listing))]

    def card(self, index, listing, record, short, wide):
        """The short values on a line, the first in bold; each wide value below, indented."""
        out = [Text("")] if index else []
        line = Text(style=_tone(listing, record) or "")
        for number, (_, value) in enumerate(short):
            if number:
                line.append(" · ", style="dim")
            # one line: a value of several lines (people's counts by kind) joins up here
            line.append(clean(" ".join(value.split())), style="bold" if number == 0 else "")
        out.append(line)
        for column in wide:
            if column.style == "note":
                body = Text.assemble((f"{column.header}: ", "dim"), marked(column, record, "dim"))
            else:
                body = marked(column, record)
            out.append(Padding(body, (0, 0, 0, 4), expand=False))
        return out

    def fields(self, pairs):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for key, value in pairs:
            grid.add_row(text(key), text(value))
        return [grid]

    def paragraph(self, value, style):
        if style == "quote":
            return [Padding(text(value), (0, 0, 0, 2), expand=False)]
        return [text(value, "italic" if style == "note" else "")]


def _tone(listing: Listing, record: dict) -> str | None:
    return TONES.get(listing.tone(record)) if listing.tone else None


def _grid(listing: Listing, rows: list[list[Text]], widest: list[int], records=None) -> Table:
    """A listing's table: short columns never wrap (each as wide as ``widest`` says: its longest
    line), wide ones take the room left. Rows are styled by the standing of ``records``."""
    grid = Table(box=box.SIMPLE_HEAD, show_edge=False, show_lines=False,
                 header_style="bold", expand=False)
    for number, column in enumerate(listing.shown):
        if column.wide:
            grid.add_column(text(column.header), ratio=1, min_width=20, overflow="fold")
        else:
            grid.add_column(text(column.header), no_wrap=True, min_width=widest[number])
    for number, row in enumerate(rows):
        grid.add_row(*row, style=_tone(listing, records[number]) if records else None)
    return grid


def _widest(listing: Listing, rows: list[list[Text]]) -> list[int]:
    """Each short column's longest line, its header's included (0 for a wide one): a short
    column never wraps, so a table narrower than that would crop it."""
    return [0 if column.wide else max(
        cell_len(line) for value in (text(column.header), *(row[number] for row in rows))
        for line in value.plain.split("\n"))
        for number, column in enumerate(listing.shown)]


def _joined(value: Text) -> Text:
    """A value of several lines on one: its line breaks become spaces."""
    out = value.copy()
    out.plain = value.plain.replace("\n", " ")
    return out


class _Fitting:
    """The first of ``grids`` (each the rows of a table of ``listing``) whose columns fit the
    width, else the same records as cards: a narrow terminal never loses a column.

    Whether a table fits is measured on a stand-in: the rows that hold, in some column, the
    widest cell or the cell with the longest word. A column's measure is the largest of its
    cells', each a Text's (longest word, longest line) padded and capped, so the stand-in
    measures the same as the whole table, without measuring every cell of a long listing
    twice more before it is drawn."""

    def __init__(self, listing: Listing, grids: list[list[list[Text]]], cards) -> None:
        self.listing = listing
        self.grids = grids
        self.cards = cards

    def _fits(self, console, options) -> tuple[list[list[Text]], list[int], Table] | None:
        """The first grid that fits: its rows, short columns' widths and stand-in."""
        from rich.measure import Measurement

        unbounded = options.update(max_width=max(1000, options.max_width))
        for rows in self.grids:
            widest = _widest(self.listing, rows)
            stand_in = _grid(self.listing, _extremes(rows, console, unbounded), widest)
            if Measurement.get(console, unbounded, stand_in).minimum <= options.max_width:
                return rows, widest, stand_in
        return None

    def __rich_console__(self, console, options):
        fits = self._fits(console, options)
        if fits:
            rows, widest, _ = fits
            yield _grid(self.listing, rows, widest, self.listing.records)
        else:
            yield Group(*self.cards())

    def plain_lines(self, console) -> list[str] | None:
        """The lines Rich draws for this without colour, less the spaces that end them, drawn
        here: Rich's drawing of each cell took most of a long table's time (12 s for 12,504
        people). Column widths are Rich's, worked out on the stand-in; None where only Rich
        can draw it (a tab, characters of other than one cell, box characters other than the
        usual)."""
        from ..console import plain_lines as plain_group

        fits = self._fits(console, console.options)
        if fits:
            rows, _, stand_in = fits
            return _plain_table(self.listing, rows, stand_in, console, console.options)
        drawn = plain_group(Group(*self.cards()), console)
        return None if drawn is None else drawn.split("\n")[:-1]


def _plain_table(listing: Listing, rows: list[list[Text]], stand_in: Table, console,
                 options) -> list[str] | None:
    """``rows`` as ``stand_in`` (a grid of some of them) draws them without colour: its box,
    padding and column widths, short columns unwrapped, wide ones folded, a row as tall as its
    tallest cell, the header row aligned to its foot."""
    from ..console import folded

    head = box.SIMPLE_HEAD.substitute(options, safe=console.safe_box)
    if head is not box.SIMPLE_HEAD or options.legacy_windows:
        return None
    try:  # Rich's own sums, as Table.__rich_console__ makes them
        widths = stand_in._calculate_column_widths(
            console, options.update_width(options.max_width - stand_in._extra_width))
    except (AttributeError, TypeError):  # another Rich: let it draw
        return None
    if min(widths, default=0) < 3:  # a column with no room for text inside its padding
        return None
    out: list[str] = []
    header = [text(column.header) for column in listing.shown]
    for number, row in enumerate([header, *rows]):
        cells = []
        for width, value, column in zip(widths, row, listing.shown):
            # a short column's lines as they are, a wide one's folded; each within its width
            # (a short column is as wide as its longest line: else it fits no table)
            lines = folded(value.plain, width - 2 if column.wide else None)
            if lines is None or any(len(line) > width - 2 for line in lines):
                return None
            cells.append(lines)
        height = max(map(len, cells))
        blank = [""] * height
        cells = [(blank[len(c):] + c) if number == 0 else (c + blank[len(c):]) for c in cells]
        for line in zip(*cells):
            out.append(" ".join(f" {piece.ljust(width - 2)} "
                                for piece, width in zip(line, widths)).rstrip(" "))
        if number == 0:
            out.append(head.get_row(widths, "head", edge=False).rstrip(" "))
    return out


def _extremes(rows: list[list[Text]], console, options) -> list[list[Text]]:
    """The rows that hold, for some column, the largest of its cells' measures (minimum or
    maximum), in their order."""
    best: dict[tuple[int, int], tuple[int, int]] = {}  # (column, 0 min / 1 max) -> (width, row)
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            for which, width in enumerate(value.__rich_measure__(console, options)):
                if width > best.get((column, which), (-1, 0))[0]:
                    best[column, which] = (width, number)
    return [rows[n] for n in sorted({n for _, n in best.values()})]


def render(view, terminal) -> None:
    if isinstance(view, Listing):  # a listing of cards is drawn and written a few at a time
        terminal.show_each(Terminal().listing_parts(view))
    else:
        terminal.show(Group(*Terminal().walk(view)))
