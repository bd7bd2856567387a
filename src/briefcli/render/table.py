"""Rich tables and panels for the terminal. Every string from data becomes a plain Text."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..text import clean
from .view import Document, Fields, Listing, Paragraph, cell

# How a record's standing (Listing.tone) shows at a terminal with colour.
TONES = {"overdue": "bold red", "due": "bold yellow"}


def text(value: object, style: str = "") -> Text:
    """Data as Text: sanitised and never parsed for markup or emoji codes."""
    return Text(clean(cell(value)), style=style)


def table(listing: Listing) -> Table | Text:
    if not listing.records:
        return text(listing.empty, "italic")
    grid = Table(
        title=text(listing.title, "bold") if listing.title else None,
        caption=text(listing.caption) if listing.caption else None,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        show_lines=False,
        header_style="bold",
        title_justify="left",
        expand=False,
    )
    for column in listing.columns:
        if column.wide:
            grid.add_column(text(column.header), ratio=1, min_width=20, overflow="fold")
        else:
            grid.add_column(text(column.header), overflow="fold")
    for record in listing.records:
        grid.add_row(*(text(c.value(record)) for c in listing.columns), style=_tone(listing, record))
    return grid


def _tone(listing: Listing, record: dict) -> str | None:
    return TONES.get(listing.tone(record)) if listing.tone else None


def cards(listing: Listing) -> Group | Text:
    """One block per record: the short columns on a line, the wide column below, indented."""
    if not listing.records:
        return text(listing.empty, "italic")
    wide = [c for c in listing.columns if c.wide]
    short = [c for c in listing.columns if not c.wide]
    parts = []
    if listing.title:
        parts += [text(listing.title, "bold"), Text("")]
    for number, record in enumerate(listing.records):
        if number:
            parts.append(Text(""))
        values = [clean(cell(c.value(record))) for c in short]
        line = Text(style=_tone(listing, record) or "")
        for index, value in enumerate(v for v in values if v):
            if index:
                line.append(" · ", style="dim")
            line.append(value, style="bold" if index == 0 else "")
        parts.append(line)
        for column in wide:
            parts.append(Padding(text(column.value(record)), (0, 0, 0, 4), expand=False))
    if listing.caption:
        parts += [Text(""), text(listing.caption, "dim")]
    return Group(*parts)


class _Fitting:
    """A table where it fits the width, else the same records as cards: a narrow terminal
    never loses a column."""

    def __init__(self, view: Listing) -> None:
        self.view = view

    def __rich_console__(self, console, options):
        from rich.measure import Measurement

        grid = table(self.view)
        unbounded = options.update(max_width=max(1000, options.max_width))
        if Measurement.get(console, unbounded, grid).minimum > options.max_width:
            yield cards(self.view)
        else:
            yield grid


def listing(view: Listing):
    if view.layout == "cards" or not view.records:
        return cards(view)
    return _Fitting(view)


def _block(block):
    if isinstance(block, Listing):
        return listing(block)
    if isinstance(block, Fields):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for key, value in block.pairs:
            grid.add_row(text(key), text(value))
        return grid
    if isinstance(block, Paragraph):
        if block.style == "quote":
            return Padding(text(block.text), (0, 0, 0, 2), expand=False)
        return text(block.text, "italic" if block.style == "note" else "")
    raise TypeError(f"no table rendering for {type(block).__name__}")


def document(doc: Document) -> Group:
    parts = [text(doc.title, "bold")]
    if doc.subtitle:
        parts.append(text(doc.subtitle, "dim"))
    for section in doc.sections:
        parts.append(Text(""))
        parts.append(text(section.heading, "bold underline"))
        for block in section.blocks:
            parts.append(_block(block))
    return Group(*parts)


def render(view, terminal) -> None:
    if isinstance(view, Listing):
        terminal.show(listing(view))
    else:
        terminal.show(document(view))
