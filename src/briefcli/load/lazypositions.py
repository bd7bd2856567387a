"""Positions of a large YAML file, worked out record by record when first asked for."""

from __future__ import annotations

from array import array

from .yamlread import Positions, nearest

_BLOCK = 1 << 16  # bytes of text compressed together


class LazyPositions(Positions):
    """Positions of a large file, worked out record by record when first asked for.

    The reading pass keeps the positions of the sections (paths of one element) and where the
    lines of each record (each entry of a section) start. Asking for a position inside a record
    reads that record's lines again with full positions.
    """

    def __init__(self, text: str, reader) -> None:
        import zlib

        # The text is kept as UTF-8, compressed in blocks (several times smaller than the str); a
        # record's lines are decompressed when one of its positions is asked for.
        self._starts = array("q")  # where each entry's first line starts, in bytes
        self._blocks: list[bytes] = []
        buffer = bytearray()
        done = previous = 0
        for start in reader.starts:  # the same in characters; the last is the end of the text
            piece = text[previous:start].encode("utf-8")
            done += len(piece)
            self._starts.append(done)
            previous = start
            buffer += piece
            while len(buffer) >= _BLOCK or (start == len(text) and buffer):
                self._blocks.append(zlib.compress(bytes(buffer[:_BLOCK]), 1))
                del buffer[:_BLOCK]
        self._cached = (-1, b"")
        self._values = reader.values
        self._keys = reader.keys
        self._lines = reader.lines  # the line number where each entry starts
        self._entries = reader.entries  # section -> ["seq", first index, count] or ["map", {key: index}, 0]
        self._done: set = set()

    def _bytes(self, start: int, end: int) -> bytes:
        import zlib

        out = []
        for block in range(start // _BLOCK, (end - 1) // _BLOCK + 1):
            if self._cached[0] != block:
                self._cached = (block, zlib.decompress(self._blocks[block]))
            out.append(self._cached[1])
        first = start // _BLOCK * _BLOCK
        return b"".join(out)[start - first : end - first]

    def _index(self, section, entry) -> int | None:
        kind = self._entries.get(section)
        if kind is None:
            return None
        if kind[0] == "seq":
            if not isinstance(entry, int) or isinstance(entry, bool):
                return None
            index = kind[1] + entry
            return index if 0 <= entry < kind[2] else None
        return kind[1].get(entry)

    def _materialise(self, path: tuple) -> None:
        if len(path) < 2 or path[:2] in self._done:
            return
        self._done.add(path[:2])
        index = self._index(path[0], path[1])
        if index is None:
            return
        start, end = self._starts[index], self._starts[index + 1]
        text = self._bytes(start, end).decode("utf-8")
        from .fastyaml import _Reader

        reader = _Reader(text, self._lines[index] - 1, full=True)
        reader.run()
        prefix = path[:2]
        for sub, mark in reader.values.items():
            if sub:
                self._values[prefix + sub[1:]] = mark
        for sub, mark in reader.keys.items():
            self._keys[prefix + sub[1:]] = mark

    def _materialise_all(self) -> None:
        for section, kind in self._entries.items():
            entries = range(kind[2]) if kind[0] == "seq" else kind[1]
            for entry in entries:
                self._materialise((section, entry))

    @property
    def values(self) -> dict:
        self._materialise_all()
        return self._values

    @property
    def keys(self) -> dict:
        self._materialise_all()
        return self._keys

    def of(self, path: tuple, key: bool = False):
        path = tuple(path)
        self._materialise(path)
        return nearest(self._values, self._keys, path, key)
