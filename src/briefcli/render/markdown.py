"""Markdown: listings as pipe tables, documents as headed sections. Data is escaped."""

from __future__ import annotations

import re
from itertools import islice

from ..text import clean
from .view import Listing, cell, pieces
from .walk import Walker

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])")


def escape(text: object) -> str:
    """Data as literal Markdown text: punctuation that means something is backslashed.

    '&' is escaped too, so that '&lt;' in data shows as written rather than as '<'.
    """
    return _SPECIAL.sub(r"\\\1", clean(cell(text)))


def _paragraph(text: str) -> str:
    """Escaped text that starts a block: a leading '-', '+' or '1.' must not start a list."""
    if text[:1] in ("-", "+"):
        return "\\" + text
    return _ORDERED_START.sub(r"\1\\\2", text)


def _cell(column, record) -> str:
    """A table cell on one line, its marked stretch (a search match) in strong emphasis."""
    out = (f"**{escape(p)}**" if marked else escape(p) for p, marked in pieces(column, record))
    return " ".join("".join(out).split())


class Markdown(Walker):
    def head(self, doc):
        return [f"# {escape(doc.title)}", ""] + (
            [f"_{escape(doc.subtitle)}_", ""] if doc.subtitle else []
        )

    def section(self, heading, blocks):
        return [f"## {escape(heading)}", "", *blocks]

    def title(self, value, listing):
        return [f"## {escape(value)}", ""]

    def caption(self, value):
        return [f"_{escape(value)}_"]

    def empty(self, value):
        return [f"_{escape(value)}_", ""]

    def listing(self, listing):
        return self.table(listing)  # cards are a terminal's way; Markdown has tables

    def listing_block(self, listing):
        return self.each_row(listing) if listing.records else self.block(listing)

    def table(self, listing):
        return list(self.each_row(listing))

    def each_row(self, listing):
        """The table's lines, each row's made when it is reached."""
        yield "| " + " | ".join(escape(c.header) for c in listing.shown) + " |"
        yield "|" + "|".join("---" for _ in listing.shown) + "|"
        for record in listing.records:
            yield "| " + " | ".join(_cell(c, record) for c in listing.shown) + " |"
        yield ""

    def fields(self, pairs):
        return [f"- **{escape(k)}:** {escape(v)}" for k, v in pairs] + [""]

    def paragraph(self, value, style):
        text = _paragraph(" ".join(escape(value).split()))
        if style == "quote":
            return [f"> {text}", ""]
        if style == "note":
            return [f"_{text}_", ""]
        return [text, ""]


def to_markdown(view) -> str:
    return "".join(_joined(Markdown().walk(view)))


def render(view, terminal) -> None:
    if isinstance(view, Listing):  # a listing's rows are made and written a batch at a time
        terminal.write_each(_joined(Markdown().listing_parts(view)))
    else:
        terminal.write(to_markdown(view))


def _joined(lines, batch: int = 1024):
    """``lines`` joined into the text of a Markdown file (no blank line at its end, one line
    break), given ``batch`` lines at a time: the newlines at the end of what is made so far
    are kept back until a line that is not blank follows them."""
    lines = iter(lines)
    tail, first = "", True
    while chunk := list(islice(lines, batch)):
        text = ("" if first else "\n") + "\n".join(chunk)
        first = False
        body = text.rstrip("\n")
        if body:
            yield tail + body
            tail = text[len(body):]
        else:
            tail += text
    yield "\n"
