"""JSON: a listing's records or a document's data, as the README documents them."""

from __future__ import annotations

import json
import re

from ..text import UNSAFE
from .view import Listing


def _escape(match: re.Match) -> str:
    """One character as JSON's \\u escape; beyond U+FFFF as its UTF-16 surrogate pair."""
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def dumps(value, also: str = "") -> str:
    """JSON text in which no control, bidi or invisible character appears raw (all are \\u
    escapes); ``also`` names more characters to escape the same way (JSON-LD: '<>&')."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    # These characters can only stand inside JSON strings, where \\uXXXX means the same.
    unsafe = re.compile(f"{UNSAFE.pattern}|[{re.escape(also)}]") if also else UNSAFE
    return unsafe.sub(_escape, text)


def render(view, terminal) -> None:
    if isinstance(view, Listing):
        value = {**view.meta, view.name: view.records} if view.meta else view.records
    else:
        value = view.data
    terminal.write(dumps(value) + "\n")
