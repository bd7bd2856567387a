"""Markdown: listings as pipe tables, documents as headed sections. Data is escaped."""

from __future__ import annotations

import re

from ..text import clean
from .view import Document, Fields, Listing, Paragraph, cell

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


def _table(listing: Listing) -> list[str]:
    if not listing.records:
        return [f"_{escape(listing.empty)}_"]
    lines = [
        "| " + " | ".join(escape(c.header) for c in listing.columns) + " |",
        "|" + "|".join("---" for _ in listing.columns) + "|",
    ]
    for record in listing.records:
        row = (" ".join(escape(c.value(record)).split()) for c in listing.columns)
        lines.append("| " + " | ".join(row) + " |")
    return lines


def _block(block) -> list[str]:
    if isinstance(block, Listing):
        return _table(block)
    if isinstance(block, Fields):
        return [f"- **{escape(k)}:** {escape(v)}" for k, v in block.pairs]
    if isinstance(block, Paragraph):
        text = _paragraph(" ".join(escape(block.text).split()))
        if block.style == "quote":
            return [f"> {text}"]
        if block.style == "note":
            return [f"_{text}_"]
        return [text]
    raise TypeError(f"no Markdown for {type(block).__name__}")


def to_markdown(view) -> str:
    lines: list[str] = []
    if isinstance(view, Listing):
        if view.title:
            lines += [f"## {escape(view.title)}", ""]
        lines += _table(view)
        if view.caption:
            lines += ["", f"_{escape(view.caption)}_"]
        return "\n".join(lines) + "\n"
    assert isinstance(view, Document)
    lines += [f"# {escape(view.title)}", ""]
    if view.subtitle:
        lines += [f"_{escape(view.subtitle)}_", ""]
    for section in view.sections:
        lines += [f"## {escape(section.heading)}", ""]
        for block in section.blocks:
            lines += _block(block) + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def render(view, terminal) -> None:
    terminal.write(to_markdown(view))

