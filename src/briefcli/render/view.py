"""Plain result objects between the queries and the renderers.

A :class:`Listing` is a list of records plus the columns a table, CSV or Markdown shows of
them; its JSON is the records themselves
(or, with ``meta``, an object holding them). A :class:`Document` is a titled series of blocks
(paragraphs, field lists and listings); its JSON is ``data``. Renderers know nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[dict], str]
    wide: bool = False  # takes the room left; wraps


@dataclass
class Listing:
    name: str
    records: list[dict]
    columns: list[Column]
    title: str | None = None
    caption: str | None = None
    empty: str = "Nothing found."
    meta: dict | None = None  # when set, the JSON is {**meta, name: records}
    layout: str = "table"  # or "cards": one block per record, for long text


@dataclass
class Paragraph:
    text: str
    style: str = ""  # "", "quote" or "note"


@dataclass
class Fields:
    pairs: list[tuple[str, str]]


@dataclass
class Section:
    heading: str
    blocks: list = field(default_factory=list)


@dataclass
class Document:
    name: str
    title: str
    data: dict
    sections: list[Section] = field(default_factory=list)
    subtitle: str | None = None


def cell(value: object) -> str:
    """A cell's text: lists joined with '; ', None as ''."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    return str(value)
