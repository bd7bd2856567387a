"""A fast reader for the block-style YAML that briefcli datasets are written in.

:func:`parse` gives exactly what :func:`briefcli.load.yamlread.parse` gives (the same values,
the same positions) several times faster and in far less memory, for the part of YAML that
datasets use:

* block mappings whose keys are plain words (``id``, ``as_of``...) and block sequences, each
  nested deeper than its parent, a mapping allowed to start on a ``- `` line;
* one-line scalars: plain, 'single-quoted' and "double-quoted" (common escapes);
* folded and literal blocks (``>``, ``>-``, ``|``...) without more-indented lines;
* one-line flow sequences and mappings of plain words (``[a, b]``, ``{text: ..., date: ...}``);
* comments and blank lines.

Anything else (anchors, tags, multi-line plain or quoted scalars, indentless sequences, empty
values, tabs, unusual characters...) and anything wrong (a key given twice, nesting too deep)
makes it stop and hand the whole text to ``yamlread.parse``, so that a file outside the subset
still loads, and a bad file gets the strict reader's own error message, word for word.

For large files (:data:`LAZY_FROM` characters and up) the positions of values inside records
are not built up front, since only a problem report needs them: a
:class:`~briefcli.load.lazypositions.LazyPositions` keeps where each record's lines start and
reads a record again when one of its positions is asked for. That keeps a 45 MB dataset's
positions to a few megabytes instead of several hundred.
"""

from __future__ import annotations

import re
from array import array

from .yamlread import MAX_DEPTH, Positions

LAZY_FROM = 1_000_000  # characters

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# What libyaml reads differently from a plain Python reading: tabs, CR, BOM, NEL, the Unicode
# line separators, and the characters YAML does not allow in a stream.
_UNUSUAL = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.\-]*):(?: +|$)")
# First characters that make a value something other than a plain scalar.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_PLAIN = re.compile(r"[^\s,\[\]{}#&*!|>'\"%@`?:\-][^,\[\]{}:#]*")
_FLOW_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.\-]*): +")
_BLOCK_HEADER = re.compile(r"([|>])([+-]?)(?: +#.*| *)$")
_DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*)"(?: +#.*| *)$')
_SINGLE = re.compile(r"'((?:[^']|'')*)'(?: +#.*| *)$")
_AFTER = re.compile(r"(?: +#.*| *)")
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_SIMPLE_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}


class Unsupported(Exception):
    """The text is outside the subset (or wrong): let the strict reader handle it."""


def parse(text: str, name: str) -> tuple[object, Positions]:
    """Parse one YAML document into plain values and positions, as ``yamlread.parse`` does."""
    from . import yamlread

    try:
        return read(text)
    except Unsupported:
        return yamlread.parse(text, name)


def read(text: str, lazy: bool | None = None) -> tuple[object, Positions]:
    """The fast reading alone; :class:`Unsupported` when the text is outside the subset."""
    if not text.strip() or text[0] == "\ufeff" or _UNUSUAL.search(text):
        raise Unsupported
    if lazy is None:
        lazy = len(text) >= LAZY_FROM
    if not lazy:
        reader = _Reader(text, 0, full=True)
        value = reader.run()
        positions = Positions()
        positions.values, positions.keys = reader.values, reader.keys
        return value, positions
    reader = _Reader(text, 0, full=False)
    value = reader.run()
    if not isinstance(value, dict):
        raise Unsupported
    from .lazypositions import LazyPositions

    return value, LazyPositions(text, reader)


class _Frame:
    __slots__ = ("kind", "indent", "container", "path", "pending", "pending_mark")

    def __init__(self, kind: str, indent: int, container, path: tuple) -> None:
        self.kind = kind  # "map" or "seq"
        self.indent = indent  # column (0-based) of its keys or dashes
        self.container = container
        self.path = path
        self.pending = None  # a key (map) or True (seq) whose value starts on a later line
        self.pending_mark = None


class _Reader:
    """One pass over the lines. With ``full`` it keeps every position; without, only those of
    paths up to one element long, and it notes where each section entry starts."""

    def __init__(self, text: str, line_offset: int, full: bool) -> None:
        self.text = text
        self.line_offset = line_offset
        self.full = full
        self.values: dict = {}
        self.keys: dict = {}
        self.strings: dict = {}
        self.starts = array("q")
        self.lines = array("q")
        self.entries: dict = {}

    # -- helpers ------------------------------------------------------------------------------

    def _note(self, path: tuple, mark) -> None:
        if self.full or len(path) <= 1:
            self.values[path] = mark

    def _entry(self, frame: _Frame, entry, offset: int, line: int) -> None:
        """In lazy mode, remember where a section's entry starts."""
        if self.full or len(frame.path) != 1:
            return
        section = frame.path[0]
        index = len(self.starts)
        self.starts.append(offset)
        self.lines.append(line)
        kind = self.entries.get(section)
        if frame.kind == "seq":
            if kind is None:
                kind = self.entries[section] = ["seq", index, 0]
            kind[2] += 1
        else:
            if kind is None:
                kind = self.entries[section] = ["map", {}, 0]
            kind[1][entry] = index

    def _attach(self, frame: _Frame, value, mark) -> None:
        container = frame.container
        if frame.kind == "map":
            key = frame.pending
            path = frame.path + (key,)
            container[key] = value
            if self.full or len(path) <= 1:
                self.keys[path] = frame.pending_mark
            frame.pending = None
        else:
            path = frame.path + (len(container),)
            container.append(value)
            frame.pending = None
        if mark is not None:
            self._note(path, mark)

    def _plain(self, raw: str) -> object:
        value = raw
        if value in _NULLS:
            return None
        if len(value) <= 64:
            value = self.strings.setdefault(value, value)
        return value

    # -- the pass -----------------------------------------------------------------------------

    def run(self) -> object:
        text = self.text
        n = len(text)
        pos = 0
        lineno = self.line_offset
        stack: list[_Frame] = []
        full, keys, values = self.full, self.keys, self.values
        key_match, intern, indicators, nulls = _KEY.match, self.strings.setdefault, _INDICATORS, _NULLS
        root = None
        have_root = False
        while pos < n:
            nl = text.find("\n", pos)
            if nl < 0:
                nl = n
            line = text[pos:nl]
            start = pos
            pos = nl + 1
            lineno += 1
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                continue
            ind = len(line) - len(content)
            top = stack[-1] if stack else None

            if top is None or top.indent != ind or top.pending is not None:
                # The structure changes: close what this line is outside of, or open what it
                # starts (the root, or the block under a "key:" or "-" line).
                while stack and stack[-1].indent > ind:
                    self._close(stack)
                top = stack[-1] if stack else None
                if top is None:
                    if have_root:
                        raise Unsupported  # text after the root node
                    top = self._open(stack, content, ind, (), lineno)
                    have_root = True
                    root = top.container
                elif top.pending is not None:
                    if ind == top.indent:
                        raise Unsupported  # an empty value, or an indentless sequence
                    if len(stack) >= MAX_DEPTH:
                        raise Unsupported
                    key = top.pending
                    path = top.path + ((key,) if top.kind == "map" else (len(top.container),))
                    top = self._open(stack, content, ind, path, lineno)
                elif top.indent != ind:
                    raise Unsupported
            if not full and len(stack) == 1:
                # a line of the root mapping: the entry before it ends here
                self.starts.append(start)
                self.lines.append(0)

            if top.kind == "seq":
                if content[0] != "-" or (len(content) > 1 and content[1] != " "):
                    raise Unsupported
                if not full and len(top.path) == 1:
                    self._entry(top, len(top.container), start, lineno)
                rest = content[1:].lstrip(" ")
                col = ind + len(content) - len(rest)
                m = key_match(rest) if rest else None
                if m is None:
                    pos, lineno = self._item(stack, top, rest, col, pos, lineno)
                    continue
                # "- key: ...": a mapping starts on the dash line
                if len(stack) >= MAX_DEPTH:
                    raise Unsupported
                path = top.path + (len(top.container),)
                top = _Frame("map", col, {}, path)
                stack[-1].container.append(top.container)
                if full or len(path) <= 1:
                    values[path] = (lineno, col + 1)
                stack.append(top)
                content, ind = rest, col
            else:
                m = key_match(content)
                if m is None:
                    raise Unsupported
                if not full and len(top.path) == 1:
                    self._entry(top, m.group(1), start, lineno)

            # A "key: value" line of the mapping ``top``.
            key = m.group(1)
            container = top.container
            if key in container or key in nulls:
                raise Unsupported  # given twice, or empty: the strict reader says so
            key = intern(key, key)
            rest = content[m.end():]
            keep = full or not top.path
            if not rest or rest[0] == "#":
                top.pending = key  # the value is a block on the next lines
                top.pending_mark = (lineno, ind + 1)
                continue
            if rest[0] not in indicators:
                cut = rest.find(" #")
                value = (rest if cut < 0 else rest[:cut]).rstrip(" ")
                if ": " in value or value[-1] == ":":
                    raise Unsupported
                if value in nulls:
                    value = None
                elif len(value) <= 64:
                    value = intern(value, value)
                container[key] = value
                if keep:
                    path = top.path + (key,)
                    keys[path] = (lineno, ind + 1)
                    values[path] = (lineno, ind + m.end() + 1)
                continue
            top.pending = key
            top.pending_mark = (lineno, ind + 1)
            value, mark, pos, lineno = self._value(stack, top, rest, ind + m.end(), pos, lineno)
            self._attach(top, value, mark)
        while stack:
            self._close(stack)
        if not have_root:
            raise Unsupported
        if not full:
            self.starts.append(n)
            self.lines.append(0)
        return root

    def _open(self, stack: list[_Frame], content: str, ind: int, path: tuple, lineno: int):
        """Open the block collection that ``content`` starts."""
        if content[0] == "-" and (len(content) == 1 or content[1] == " "):
            frame = _Frame("seq", ind, [], path)
        elif _KEY.match(content):
            frame = _Frame("map", ind, {}, path)
        else:
            raise Unsupported  # a scalar where a block collection should start
        if stack:
            parent = stack[-1]
            if parent.kind == "map":
                parent.container[parent.pending] = frame.container
                if self.full or len(path) <= 1:
                    self.keys[path] = parent.pending_mark
            else:
                parent.container.append(frame.container)
            parent.pending = None
        self._note(path, (lineno, ind + 1))
        stack.append(frame)
        return frame

    def _close(self, stack: list[_Frame]) -> None:
        frame = stack.pop()
        if frame.pending is not None:
            raise Unsupported  # "key:" or "-" with nothing under it: a null, left to libyaml

    def _item(self, stack, top: _Frame, rest: str, col: int, pos: int, lineno: int):
        """A sequence entry that is not a mapping: "-" alone, or "- value"."""
        if not rest or rest[0] == "#":
            top.pending = True  # the item is a block on the next lines
            return pos, lineno
        if rest[0] == "-":
            raise Unsupported
        top.pending = True
        value, mark, pos, lineno = self._value(stack, top, rest, col, pos, lineno)
        self._attach(top, value, mark)
        return pos, lineno

    def _value(self, stack, frame: _Frame, rest: str, col: int, pos: int, lineno: int):
        """A value that starts on this line at column ``col``; returns it, its mark, and where
        reading goes on."""
        mark = (lineno, col + 1)
        first = rest[0]
        if first not in _INDICATORS:
            end = rest.find(" #")
            if end >= 0:
                rest = rest[:end]
            rest = rest.rstrip(" ")
            if ": " in rest or rest.endswith(":"):
                raise Unsupported
            return self._plain(rest), mark, pos, lineno
        if first == '"':
            m = _DOUBLE.match(rest)
            if m is None:
                raise Unsupported
            body = m.group(1)
            if "\\" in body:
                body = _ESCAPE.sub(_unescape, body)
            return body, mark, pos, lineno
        if first == "'":
            m = _SINGLE.match(rest)
            if m is None:
                raise Unsupported
            return m.group(1).replace("''", "'"), mark, pos, lineno
        if first == "[" or first == "{":
            if len(stack) >= MAX_DEPTH:
                raise Unsupported
            path = frame.path + ((frame.pending,) if frame.kind == "map" else (len(frame.container),))
            value = self._flow(rest, col, lineno, path)
            return value, None, pos, lineno
        if first == "|" or first == ">":
            m = _BLOCK_HEADER.match(rest)
            if m is None:
                raise Unsupported
            value, pos, lineno = self._block(m.group(1), m.group(2), frame.indent, pos, lineno)
            return value, mark, pos, lineno
        raise Unsupported

    def _flow(self, rest: str, col: int, lineno: int, path: tuple):
        """A one-line flow sequence of plain words, or mapping of plain words to plain words."""
        close = "]" if rest[0] == "[" else "}"
        end = rest.find(close)
        if end < 0:
            raise Unsupported
        if not _AFTER.fullmatch(rest, end + 1):
            raise Unsupported
        inner = rest[1:end]
        keep = self.full or len(path) <= 1  # the positions of what is inside
        if keep:
            self.values[path] = (lineno, col + 1)
        if not inner.strip(" "):
            return [] if close == "]" else {}
        if close == "]":
            items = []
            offset = 1
            for part in inner.split(","):
                word = part.strip(" ")
                if not word or not _FLOW_PLAIN.fullmatch(word):
                    raise Unsupported
                if keep:
                    at = col + offset + (len(part) - len(part.lstrip(" ")))
                    self.values[path + (len(items),)] = (lineno, at + 1)
                items.append(self._plain(word))
                offset += len(part) + 1
            return items
        mapping: dict = {}
        offset = 1
        for part in inner.split(","):
            lead = len(part) - len(part.lstrip(" "))
            body = part.strip(" ")
            m = _FLOW_KEY.match(body)
            if m is None:
                raise Unsupported
            key, word = m.group(1), body[m.end():]
            if key in _NULLS or key in mapping or not _FLOW_PLAIN.fullmatch(word):
                raise Unsupported
            key = self.strings.setdefault(key, key)
            if keep:
                at = col + offset + lead
                self.keys[path + (key,)] = (lineno, at + 1)
                self.values[path + (key,)] = (lineno, at + m.end() + 1)
            mapping[key] = self._plain(word)
            offset += len(part) + 1
        return mapping

    def _block(self, style: str, chomp: str, parent: int, pos: int, lineno: int):
        """A folded (>) or literal (|) block whose header ended the line before ``pos``."""
        text = self.text
        n = len(text)
        lines: list[str] = []
        indent = None
        blank_spaces = 0
        while pos < n:
            nl = text.find("\n", pos)
            if nl < 0:
                raise Unsupported  # the file ends inside the block without a line break
            line = text[pos:nl]
            content = line.lstrip(" ")
            spaces = len(line) - len(content)
            if not content:
                if indent is None:
                    blank_spaces = max(blank_spaces, spaces)
                elif spaces > indent:
                    raise Unsupported  # spaces beyond the indentation: more-indented text
                lines.append("")
            else:
                if indent is None:
                    if spaces <= parent or blank_spaces > spaces:
                        raise Unsupported  # an empty block, or odd leading blank lines
                    indent = spaces
                if spaces < indent:
                    break
                if spaces > indent:
                    raise Unsupported  # more-indented lines fold differently
                lines.append(line[indent:])
            pos = nl + 1
            lineno += 1
        if indent is None:
            raise Unsupported
        trailing = 0
        while lines and lines[-1] == "":
            lines.pop()
            trailing += 1
        if style == "|":
            value = "\n".join(lines)
        else:
            parts = [lines[0]]
            empties = 0
            for line in lines[1:]:
                if not line:
                    empties += 1
                    continue
                parts.append("\n" * empties if empties else " ")
                parts.append(line)
                empties = 0
            value = "".join(parts)
        if chomp == "":
            value += "\n"
        elif chomp == "+":
            value += "\n" * (1 + trailing)
        return value, pos, lineno


def _unescape(match: re.Match) -> str:
    code = match.group(1)
    if len(code) == 1:
        try:
            return _SIMPLE_ESCAPES[code]
        except KeyError:
            raise Unsupported from None
    char = chr(int(code[1:], 16))
    if "\ud800" <= char <= "\udfff":
        raise Unsupported
    return char
