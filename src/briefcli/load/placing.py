"""Positions of a file that the compiled parser read, worked out by the strict reader on demand.

Only a problem needs a position, and most loads have none, so nothing is placed up front. When
a position is asked for, the strict reader (:mod:`briefcli.load.yamlread`) reads just the part
of the file that holds it: the section's first lines for a section or the top level, or the one
record for a path inside a record. Each part's reading is checked against the value already
read (the same record, the same section head); where the file's layout does not allow a part
to be cut out cleanly, the strict reader reads the whole file once. Either way every position
is the strict reader's own.
"""

from __future__ import annotations

import re

from .yamlread import Positions, nearest


class PlacedOnDemand(Positions):
    """Positions of ``text`` (whose value is ``value``), each worked out when first asked for."""

    def __init__(self, text: str, name: str, value: dict | list) -> None:
        self._data = text.encode("utf-8")  # half the memory of most str texts, or less
        self._name = name
        self._value = value
        self._values: dict = {}
        self._keys: dict = {}
        self._sections: dict | None = None  # section -> [start, end, line, record starts]
        self._done: set = set()
        self._whole = False

    # -- the public face of Positions --------------------------------------------------------

    def of(self, path: tuple, key: bool = False):
        path = tuple(path)
        self._place(path)
        return nearest(self._values, self._keys, path, key)

    @property
    def values(self) -> dict:
        self._read_whole()
        return self._values

    @property
    def keys(self) -> dict:
        self._read_whole()
        return self._keys

    # -- working positions out ---------------------------------------------------------------

    def _read_whole(self) -> None:
        if self._whole:
            return
        from .yamlread import parse

        _, positions = parse(self._data.decode("utf-8"), self._name)
        self._values, self._keys = positions.values, positions.keys
        self._whole = True

    def _place(self, path: tuple) -> None:
        if self._whole:
            return
        if not isinstance(self._value, dict) or not self._value or not self._cut():
            self._read_whole()
            return
        if path and path[0] in self._sections:
            section = path[0]
        else:  # the top level, or no such section: the top level's place answers
            section, path = next(iter(self._sections)), ()
        parts = [(section,)]
        if len(path) >= 2 and isinstance(self._value[section], list):
            parts.append((section, path[1]))
        for part in parts:
            if part not in self._done and not self._read_part(part):
                self._read_whole()
                return

    def _cut(self) -> bool:
        """Find where each section starts; False when the file's layout does not show them
        plainly (then the whole file is read)."""
        if self._sections is not None:
            return bool(self._sections)
        self._sections = {}
        data, at = self._data, 0
        starts = []
        for key in self._value:
            pattern = re.compile(rb"^" + re.escape(key.encode("utf-8")) + rb":(?=[ \n]|\Z)", re.M)
            found = pattern.search(data, at)
            if found is None:
                self._sections = {}
                return False
            starts.append((key, found.start()))
            at = found.end()
        ends = [start for _, start in starts[1:]] + [len(data)]
        line = 1
        previous = 0
        for (key, start), end in zip(starts, ends):
            line += data.count(b"\n", previous, start)
            previous = start
            self._sections[key] = [start, end, line, None]
        return True

    def _items(self, section: str) -> list[tuple[int, int]] | None:
        """Where each record of a list section starts (its dash line: offset, line number);
        None when they cannot be told apart plainly."""
        entry = self._sections[section]
        if entry[3] is None:
            data, (start, end, line) = self._data, entry[:3]
            items: list[tuple[int, int]] = []
            first = re.compile(rb"^( *)-[ \n]", re.M).search(data, start, end)
            if first is not None:
                dash = re.compile(rb"^" + first.group(1) + rb"-[ \n]", re.M)
                previous = start
                for found in dash.finditer(data, first.start(), end):
                    line += data.count(b"\n", previous, found.start())
                    previous = found.start()
                    items.append((previous, line))
            entry[3] = items if len(items) == len(self._value[section]) else False
        return entry[3] if entry[3] is not False else None

    def _read_part(self, part: tuple) -> bool:
        """Read one section's head, or one record, with the strict reader; False if its reading
        is not the value already read."""
        from .problems import DataError
        from .yamlread import parse

        self._done.add(part)
        section = part[0]
        start, end, line, _ = self._sections[section]
        expected = self._value[section]
        items = self._items(section) if isinstance(expected, list) else []
        if items is None:
            return False
        if len(part) == 1:  # the section head: its key and its first record, or all of it
            cut = items[1][0] if len(items) > 1 else end
            want = {section: expected[:1] if items else expected}
            chunk, offset, inner = self._data[start:cut], line - 1, ()
        else:
            index = part[1]
            if not isinstance(index, int) or not 0 <= index < len(items):
                return True  # no such record: its section answers
            stop = items[index + 1][0] if index + 1 < len(items) else end
            begin, first_line = items[index]
            chunk, offset = self._data[begin:stop], first_line - 1
            want, inner = [expected[index]], (section,)
        try:
            got, positions = parse(chunk.decode("utf-8"), self._name)
        except DataError:
            return False
        if got != want:
            return False
        first = section == next(iter(self._sections))
        for mapping, into in ((positions.values, self._values), (positions.keys, self._keys)):
            for path, (row, column) in mapping.items():
                if not path and not (first and not inner):
                    continue  # a chunk's own top: the file's top only in its first section
                if inner:
                    path = inner + (part[1],) + path[1:]
                into[path] = (row + offset, column)
        return True
