"""Plain result objects between the queries and the renderers.

A :class:`Listing` is a list of records plus the columns a table, CSV or Markdown shows of
them; its JSON is the records themselves
(or, with ``meta``, an object holding them). A :class:`Document` is a titled series of blocks
(paragraphs, field lists and listings); its JSON is ``data``. Renderers know nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Plain classes, not dataclasses: making six dataclasses costs about 5 ms at each start-up,
# a fifth of what `briefcli people` may take beyond Typer and Rich. _Plain gives them what the
# dataclasses gave: equality and a readable repr.


class _Plain:
    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self.__slots__)

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Column(_Plain):
    """One column of a listing.

    ``value`` gives the text people read; ``raw`` (default: ``value``) what CSV holds under the
    stable snake_case name ``key`` (default: from the header). ``when`` gives a date record:
    CSV then holds its wording under ``key`` and its bounds under ``key_earliest`` and
    ``key_latest``. ``style`` says how a wide column reads below a card: ``quote`` (quoted
    words) or ``note`` (a remark, shown as "Header: value"). ``mark`` gives the (start, end)
    of a stretch of the value to mark (a search match): bold in a terminal, strong in Markdown.
    A column with ``shown=False`` is for CSV only (a figure the table shows in another way).
    ``link`` gives where a page links the cell to: the anchor of another record.
    """

    __slots__ = ("header", "value", "wide", "key", "raw", "when", "style", "mark", "shown",
                 "link")

    def __init__(
        self,
        header: str,
        value: Callable[[dict], object],
        wide: bool = False,
        key: str | None = None,
        raw: Callable[[dict], object] | None = None,
        when: Callable[[dict], dict | None] | None = None,
        style: str = "",
        mark: Callable[[dict], tuple[int, int] | None] | None = None,
        shown: bool = True,
        link: Callable[[dict], str] | None = None,
    ) -> None:
        self.header = header
        self.value = value
        self.wide = wide  # takes the room left; wraps
        self.key = key or "_".join(re.findall(r"[a-z0-9]+", header.lower()))
        self.raw = raw or value
        self.when = when
        self.style = style
        self.mark = mark
        self.shown = shown
        self.link = link

    def __hash__(self) -> int:
        return hash((self.header, self.value, self.wide, self.key))


class Listing(_Plain):
    __slots__ = ("name", "records", "columns", "title", "caption", "empty", "meta", "layout",
                 "anchor", "tone")

    def __init__(
        self,
        name: str,
        records: list[dict],
        columns: list[Column],
        title: str | None = None,
        caption: str | None = None,
        empty: str = "Nothing found.",
        meta: dict | None = None,
        layout: str = "table",
        anchor: Callable[[dict], str] | None = None,
        tone: Callable[[dict], str | None] | None = None,
    ) -> None:
        self.name = name
        self.records = records
        self.columns = columns
        self.title = title
        self.caption = caption
        self.empty = empty
        self.meta = meta  # when set, the JSON is {**meta, name: records}
        self.layout = layout  # or "cards": one block per record, for long text
        self.anchor = anchor  # a record's id in a page, for links to it (ids are [a-z0-9._-])
        self.tone = tone  # a record's standing that a terminal shows in colour ("overdue", "due")

    @property
    def shown(self) -> list[Column]:
        """The columns people read (CSV has them all)."""
        return [c for c in self.columns if c.shown]


class Paragraph(_Plain):
    __slots__ = ("text", "style")

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style  # "", "quote" or "note"


class Fields(_Plain):
    __slots__ = ("pairs",)

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs


class Section(_Plain):
    __slots__ = ("heading", "blocks")

    def __init__(self, heading: str, blocks: list | None = None) -> None:
        self.heading = heading
        self.blocks = [] if blocks is None else blocks


class Document(_Plain):
    __slots__ = ("name", "title", "data", "sections", "subtitle")

    def __init__(
        self,
        name: str,
        title: str,
        data: dict,
        sections: list[Section] | None = None,
        subtitle: str | None = None,
    ) -> None:
        self.name = name
        self.title = title
        self.data = data
        self.sections = [] if sections is None else sections
        self.subtitle = subtitle


def cell(value: object) -> str:
    """A cell's text: lists joined with '; ', None as ''."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    return str(value)


def pieces(column: Column, record: dict) -> list[tuple[str, bool]]:
    """A column's text for a record as (text, marked) pieces, for renderers that mark."""
    value = cell(column.value(record))
    span = column.mark(record) if column.mark else None
    if not span:
        return [(value, False)]
    start, end = span
    return [(p, m) for p, m in ((value[:start], False), (value[start:end], True),
                                (value[end:], False)) if p]
