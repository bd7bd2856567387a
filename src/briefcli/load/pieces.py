"""A large dataset file cut into pieces that are read one at a time, to bound memory.

The compiled parser builds a whole file's values at once: about eleven times the file's size
for a file of short records. A file whose layout shows plainly where its sections and records
start is therefore cut, between records, into pieces of :data:`SIZE` records; each piece is a
small dataset file of its own (the section's key line, then its records), read, validated and
stored before the next is read, so only one piece's values are alive at a time.

A cut is made only where a record plainly starts, and a cut that turns out not to be at a
record's start leaves a piece that cannot be read (the caller then reads the whole file):

* a section is a line at column 0 of the form ``key:`` (its records on the lines below), or
  ``key: value``; any other line at column 0 (but comments) means no cut;
* a record is a line of the section's dash at the indentation of its first record; a block
  scalar's or a plain scalar's text never starts there, and a quoted scalar cut in two leaves
  the piece before it unreadable, so the caller reads the whole file instead;
* a key given twice, or a section over the item limit, means no cut either, so that the
  whole file's reading says so with its line.

The caller also checks that a section a piece continues ended, in the piece before, after a
multiple of the cache's block (as the cut counted), and tests hold every piece's reading, put
together, to the whole file's.
"""

from __future__ import annotations

import re

SIZE = 4096  # records per piece: a multiple of the cache's block (256 records)

_TOP = re.compile(r"\n([^ #\n-][^\n]*)")  # a line at column 0 (but the first): a section's
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?:[ ]+([^\n]*))?")
_OPEN = re.compile(r"[ ]*(?:#[^\n]*)?")  # nothing after "key:" but a comment: a block below
_FIRST = re.compile(r"(?:[ ]*(?:#[^\n]*)?\n)*( *)-(?=[ \n])")  # blank or comment lines, a dash
_COMMENTS = re.compile(r"(?:[ ]*(?:#[^\n]*)?\n)*")


class Piece:
    """Where a piece starts and ends in the text; the section it starts inside, if any
    (``key``), with that section's key line to put before it (``head``) and how many of the
    section's records come before it (``first``)."""

    __slots__ = ("start", "end", "key", "first")

    def __init__(self, start: int, end: int, key: str | None = None, first: int = 0) -> None:
        self.start, self.end, self.key, self.first = start, end, key, first

    @property
    def head(self) -> str:
        return f"{self.key}:\n" if self.key is not None else ""

    def text(self, whole: str) -> str:
        return self.head + whole[self.start : self.end]


def cut(text: str, limit: int, size: int | None = None) -> list[Piece] | None:
    """``text`` cut between records into pieces of at most ``size`` records of a section
    (a multiple of the cache's block); None when it has too few records to be worth cutting,
    or its layout does not show plainly where to cut."""
    size = size or SIZE
    tops = [(m.start(1), m.group(1)) for m in _TOP.finditer(text)]  # (start, line)
    if text[:1] not in ("", " ", "#", "\n", "-"):
        line_end = text.find("\n")
        tops.insert(0, (0, text[:line_end] if line_end >= 0 else text))
    if not tops or not _COMMENTS.fullmatch(text, 0, tops[0][0]):
        return None
    keys: set[str] = set()
    cuts: list[tuple[int, str, int]] = []  # where a piece starts, in which section, at which record
    for number, (start, line) in enumerate(tops):
        found = _KEY.fullmatch(line)
        if found is None or found.group(1) in keys:
            return None  # a line the cut cannot read, or a key given twice
        key = found.group(1)
        keys.add(key)
        if found.group(2) is not None and not _OPEN.fullmatch(found.group(2)):
            continue  # a value on the key's line: nothing to cut
        body_end = tops[number + 1][0] if number + 1 < len(tops) else len(text)
        first = _FIRST.match(text, start + len(line) + 1, body_end)
        if first is None:
            continue  # not a block list (a mapping, or empty)
        dash = re.compile("\n" + first.group(1) + "-(?=[ \\n])")
        dashes = dash.finditer(text, first.start(1), body_end)
        starts = [first.start(1), *(m.start() + 1 for m in dashes)]  # (each dash after its "\n")
        if len(starts) > limit:
            return None  # the whole file's reading says where the section goes over
        cuts.extend((starts[at], key, at) for at in range(size, len(starts), size))
    if not cuts:
        return None
    ends = [at for at, _, _ in cuts] + [len(text)]
    return [Piece(0, ends[0])] + [Piece(start, end, key, first)
                                  for (start, key, first), end in zip(cuts, ends[1:])]
