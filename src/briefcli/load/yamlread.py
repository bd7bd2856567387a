"""Strict, bounded YAML reading that remembers where every value came from.

PyYAML is used only as a parser: we read its events and build plain Python values ourselves, so
that

* every scalar stays the text the author wrote (no YAML 1.1 guessing: ``NO``, ``1:30``, ``1.10``
  and ``on`` are strings; the models decide what a field's text means). Only the YAML 1.2 nulls
  ``~``, ``null`` and an empty plain value become ``None``;
* a key given twice in one mapping is an error naming both lines;
* anchors, aliases and tags are refused, so nothing can expand;
* nesting deeper than :data:`MAX_DEPTH` is refused before it costs anything;
* the file's size is checked before it is read, and only regular files are opened.

The result is the value plus a table of positions: for each path (a tuple of keys and list
indexes) the 1-based line and column of its value, and for mapping entries of its key too.
"""

from __future__ import annotations

import os
import re

from .problems import DataError, Problem

MAX_DEPTH = 64
DEFAULT_MAX_ITEMS = 500_000
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The same characters in UTF-8: C0 controls and DEL are bytes of their own (no byte of a longer
# character is below 0x80), C1 controls are C2 80 to C2 9F. Deleting every other byte finds the
# first kind in one C pass, ten times as fast as the regular expression on the decoded text.
_C0 = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_NOT_C0 = bytes(sorted(set(range(256)) - set(_C0)))
_C1 = re.compile(rb"\xc2[\x80-\x9f]")

def max_items() -> int:
    """The most items one list may hold (the records of a section, the topics of a quote...):
    BRIEFCLI_MAX_ITEMS if set, else 500,000."""
    raw = os.environ.get("BRIEFCLI_MAX_ITEMS", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_ITEMS


def too_many(count: int, limit: int) -> str:
    return (f"a list of more than {limit:,} items (the limit; raise it with "
            "BRIEFCLI_MAX_ITEMS)" if count > limit else "")


class Positions:
    """Where each value (and each mapping key) of a document stands."""

    def __init__(self) -> None:
        self.values: dict[tuple, tuple[int, int]] = {}
        self.keys: dict[tuple, tuple[int, int]] = {}

    def of(self, path: tuple, key: bool = False) -> tuple[int, int] | None:
        """The position of ``path``, or of its nearest ancestor that has one."""
        return nearest(self.values, self.keys, path, key)


def nearest(values: dict, keys: dict, path: tuple, key: bool = False) -> tuple[int, int] | None:
    """The position of ``path`` (its key's with ``key``), or of its nearest placed ancestor."""
    path = tuple(path)
    if key and path in keys:
        return keys[path]
    while path:
        if path in values:
            return values[path]
        path = path[:-1]
    return values.get(())


def _fail(name: str, message: str, line: int | None = None, column: int | None = None):
    raise DataError([Problem(name, message, line, column)])


def read_text(path: str, name: str | None = None, limit: int | None = None) -> str:
    """Read a regular file as UTF-8 text, refusing what is too large or not text."""
    from ..dataset.files import read_bytes

    name = name or path
    return decode(read_bytes(path, name, limit)[0], name)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode(raw: bytes, name: str) -> str:
    """UTF-8 bytes to text; a byte-order mark is dropped, control characters are refused."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", "replace")
        line, col = _line_col(good, len(good))
        _fail(name, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})", line, col)
    text = text.removeprefix("\ufeff")
    bad = (raw.translate(None, _NOT_C0) or _C1.search(raw)) and _CONTROL.search(text)
    if bad:
        line, col = _line_col(text, bad.start())
        _fail(name, f"control character U+{ord(bad.group()):04X} is not allowed", line, col)
    return text


def _mark(event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def parse(text: str, name: str) -> tuple[object, Positions]:
    """Parse one YAML document into plain values and their positions (with PyYAML, imported
    here: reading a file's bytes, or the fast reader, does not need it)."""
    import yaml

    if not text.strip():
        _fail(name, "the file is empty")
    positions = Positions()
    # libyaml's parser when it is there, the pure-Python one otherwise
    parser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)(text)
    try:
        return _build(parser, name, positions), positions
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        if exc.context and exc.context_mark and exc.problem:
            where = exc.context_mark
            problem = f"{exc.context} (line {where.line + 1}, column {where.column + 1}): {problem}"
        if mark is None:
            _fail(name, f"not valid YAML: {problem}")
        _fail(name, f"not valid YAML: {problem}", mark.line + 1, mark.column + 1)
    except yaml.YAMLError as exc:  # errors without a position
        _fail(name, f"not valid YAML: {str(exc).splitlines()[0]}")
    finally:
        parser.dispose()


def _build(parser, name: str, positions: Positions) -> object:
    import yaml

    get = parser.get_event
    get()  # StreamStart
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        _fail(name, "the file holds no YAML document")
    # stack entries: [container, path, pending_key, key_mark]
    stack: list[list] = []
    limit = max_items()
    root = None
    seen_keys: list[dict] = []
    while True:
        event = get()
        kind = type(event)
        if kind is yaml.DocumentEndEvent:
            break
        if kind is yaml.AliasEvent or getattr(event, "anchor", None):
            line, col = _mark(event)
            _fail(name, "anchors and aliases (& and *) are not allowed", line, col)
        if getattr(event, "tag", None) and not (kind is yaml.ScalarEvent and event.tag == "!"):
            line, col = _mark(event)
            _fail(name, f"tags ({_short(event.tag)!r} here) are not allowed", line, col)
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = stack.pop()[0]
            if kind is yaml.MappingEndEvent:
                seen_keys.pop()
            if not stack:
                root = value
                continue
            _attach(stack, seen_keys, value, None, positions, name, limit)
            continue
        if kind is yaml.ScalarEvent:
            value = event.value
            if not event.style and value in _NULLS:
                value = None
            top = stack[-1] if stack else None
            if top is not None and isinstance(top[0], dict) and top[2] is None:
                # a mapping key
                key_mark = _mark(event)
                if value is None:
                    _fail(name, "a mapping key cannot be empty", *key_mark)
                if value in seen_keys[-1]:
                    first = seen_keys[-1][value]
                    _fail(
                        name,
                        f"key {_short(value)!r} is given twice (first on line {first})",
                        *key_mark,
                    )
                seen_keys[-1][value] = key_mark[0]
                top[2] = value
                top[3] = key_mark
                continue
            if not stack:
                root = value
                positions.values[()] = _mark(event)
                continue
            _attach(stack, seen_keys, value, _mark(event), positions, name, limit)
            continue
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if len(stack) >= MAX_DEPTH:
                _fail(name, f"nested deeper than {MAX_DEPTH} levels", *_mark(event))
            container: object = {} if kind is yaml.MappingStartEvent else []
            if stack:
                top = stack[-1]
                if isinstance(top[0], dict) and top[2] is None:
                    _fail(name, "a mapping key must be plain text", *_mark(event))
                path = top[1] + ((top[2],) if isinstance(top[0], dict) else (len(top[0]),))
            else:
                path = ()
            positions.values[path] = _mark(event)
            stack.append([container, path, None, None])
            if kind is yaml.MappingStartEvent:
                seen_keys.append({})
            continue
    event = get()
    if not isinstance(event, yaml.StreamEndEvent):
        _fail(name, "the file holds more than one YAML document", *_mark(event))
    return root


def _attach(stack, seen_keys, value, mark, positions: Positions, name: str, limit: int) -> None:
    """Put a finished value into the container on top of the stack."""
    top = stack[-1]
    container = top[0]
    if isinstance(container, dict):
        key = top[2]
        path = top[1] + (key,)
        container[key] = value
        positions.keys[path] = top[3]
        top[2] = None
    else:
        path = top[1] + (len(container),)
        if len(container) >= limit:
            line, column = positions.values[top[1]]
            _fail(name, too_many(limit + 1, limit), line, column)
        container.append(value)
    if mark is not None:
        positions.values[path] = mark


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
