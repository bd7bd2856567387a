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


def _indented(value) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, written by orjson when it can.

    With an indent, the standard library encodes in Python (about 0.5 s for 20,000 quotes);
    orjson writes the same text some 15 times faster. A value orjson refuses (an integer over
    64 bits, a key that is not a string) goes to the standard library instead.
    """
    import orjson

    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(value, ensure_ascii=False, indent=2)


def dumps(value, also: str = "") -> str:
    """JSON text in which no control, bidi or invisible character appears raw (all are \\u
    escapes); ``also`` names more characters to escape the same way (JSON-LD: '<>&')."""
    text = _indented(value)
    # These characters can only stand inside JSON strings, where \\uXXXX means the same.
    unsafe = re.compile(f"{UNSAFE.pattern}|[{re.escape(also)}]") if also else UNSAFE
    return unsafe.sub(_escape, text)


def render(view, terminal) -> None:
    if isinstance(view, Listing) and not view.meta and view.records:
        terminal.write_each(_listed(view.records))
        return
    if isinstance(view, Listing):
        value = {**view.meta, view.name: view.records} if view.meta else view.records
    else:
        value = view.data
    terminal.write(dumps(value) + "\n")


def _listed(records: list, batch: int = 256):
    """``dumps(records) + "\n"`` (a list that is not empty), made and given ``batch`` records
    at a time: each batch written as a list, whose records stand between its brackets as they
    stand in the whole list."""
    yield "[\n"
    for at in range(0, len(records), batch):
        inner = dumps(records[at : at + batch])[2:-2]  # '[\n' ... '\n]'
        yield inner + (",\n" if at + batch < len(records) else "\n]\n")
