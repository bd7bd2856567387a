"""JSON: a listing's records or a document's data, as the README documents them."""

from __future__ import annotations

import json

from ..text import UNSAFE
from .view import Listing


def _escape(match) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(value) -> str:
    """JSON text in which no control or bidi character appears raw (all are \\u escapes)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    # These characters can only stand inside JSON strings, where \\uXXXX means the same.
    return UNSAFE.sub(_escape, text)


def render(view, terminal) -> None:
    if isinstance(view, Listing):
        value = {**view.meta, view.name: view.records} if view.meta else view.records
    else:
        value = view.data
    terminal.write(dumps(value) + "\n")
