"""A dataset file that has no cache entry, read and validated into plain values: its blocks
serialised, its record counts, its summary, its dataset section and its quotes' passages.

Plain values, because a helper process may read the file (:mod:`.helper`) and hand them back;
a large file is read a piece at a time (:mod:`briefcli.load.pieces`), the later pieces on a
second CPU. Any problem gives None: the full reading then says what is wrong, with its line
and column (:func:`briefcli.load.check_all`).
"""

from __future__ import annotations


def read_fresh(file, reading, progress) -> tuple | None:
    """Read and validate a file that has no entry, a piece at a time when it is large (see
    :mod:`briefcli.load.pieces`), the later pieces of a very large one on a second core (see
    :mod:`.helper`), as plain values (it may be read by a helper process): the digest of the
    bytes read, its blocks as (bytes, digest) by name, its record counts, its summary, its
    dataset section or None, and its quotes' passages by source; None if it has any problem,
    or a piece cannot be read."""
    from ..load import _text
    from ..load.outline import joined

    text = _text(reading, file.real, file.name)
    value = reading.digests.get(file.real)
    cut = _cut(text)
    if cut is None:
        whole = _whole(file, text)
        return None if whole is None else (value, *whole)
    from ..cache.answer import BLOCK
    from ..cache.entries import summary_chunks
    from . import helper

    sizes = [piece.end - piece.start for piece in cut]
    read = helper.each(cut, lambda piece: _piece(file, text, piece), sizes, progress.read,
                       share=helper.can_share(len(text), len(cut)))
    if read is None:
        return None
    summaries, chunks, counts, dataset, passages = [], {}, {}, None, {}
    for piece, (piece_chunks, piece_counts, summary, piece_passages, piece_dataset) in zip(cut, read):
        for key in piece_counts:  # the records before it as the cut counted them, or read whole
            before = piece.first if key == piece.key else 0
            if counts.get(key, 0) != before or before % BLOCK:
                return None
        for key, count in piece_counts.items():
            counts[key] = counts.get(key, 0) + count
        chunks.update(piece_chunks)
        summaries.append(summary)
        for source, words in piece_passages.items():
            passages.setdefault(source, []).extend(words)
        if piece_dataset:
            dataset = piece_dataset[0]
    del read
    summary = joined(summaries)
    chunks.update((name, (blob.data, blob.digest))
                  for name, blob in summary_chunks(summary).items())
    return value, chunks, counts, summary, dataset, passages


def _cut(text: str) -> list | None:
    """The pieces a file's text is read in (see :mod:`briefcli.load.pieces`); None: whole."""
    from ..load import fastread, pieces
    from ..load.yamlread import max_items

    return pieces.cut(text, max_items()) if fastread.scanned(text) else None


def _piece(file, text: str, piece) -> tuple | None:
    """One piece of a file read and validated, as plain values (it may be read by the helper
    process): its blocks as (bytes, digest) by name, its record counts, its summary, its
    quotes' passages by source, and its dataset section if it has one (in a list); None if it
    has any problem."""
    from ..cache.entries import block_counts, section_chunks
    from ..load import fastread
    from ..load.outline import summarise

    value = fastread.read_scanned(piece.text(text))
    sections = _validated(file, value) if value is not None else None
    del value
    if sections is None:
        return None
    before = {piece.key: piece.first} if piece.key is not None else {}
    chunks = {name: (blob.data, blob.digest)
              for name, blob in section_chunks(sections, before).items()}
    passages: dict[str, list[str]] = {}
    summary = summarise(sections, passages)
    dataset = [sections["dataset"]] if "dataset" in sections else []
    return chunks, block_counts(sections), summary, passages, dataset


def parsed(file, reading) -> tuple | None:
    """The first half of :func:`read_fresh` for a file read whole: the digest of its bytes and
    its parsed value, for :func:`validated` (a helper's work, see
    :class:`.helper.Split`); None for a file read in pieces, or one with a problem."""
    from ..load import _text, fastread
    from ..load.problems import DataError

    try:
        text = _text(reading, file.real, file.name)
        if _cut(text) is not None:
            return None
        value, _ = fastread.parse(text, file.name)
    except DataError:
        return None
    return reading.digests.get(file.real), value


def validated(file, handed: tuple) -> tuple | None:
    """The second half: :func:`read_fresh`'s values from :func:`parsed`'s."""
    digest, value = handed
    whole = _from_value(file, value)
    return None if whole is None else (digest, *whole)


def _whole(file, text: str) -> tuple | None:
    """A file read whole and validated, as :func:`read_fresh` gives it (but the digest)."""
    from ..load import fastread
    from ..load.problems import DataError

    try:
        value, _ = fastread.parse(text, file.name)
    except DataError:
        return None
    del text
    return _from_value(file, value)


def _from_value(file, value) -> tuple | None:
    """A file's parsed value validated, as :func:`read_fresh` gives it (but the digest)."""
    from ..cache.entries import block_counts, entry_chunks
    from ..load.outline import summarise

    sections = _validated(file, value)
    if sections is None:
        return None
    passages: dict[str, list[str]] = {}
    summary = summarise(sections, passages)
    chunks = {name: (blob.data, blob.digest)
              for name, blob in entry_chunks(sections, summary).items()}
    return chunks, block_counts(sections), summary, sections.get("dataset"), passages


def _validated(file, value) -> dict | None:
    """A file's (or a piece's) parsed value as valid sections; None if it has any problem (a
    problem is placed by the full reading, which reads the file again)."""
    from ..load import _unknowable
    from ..load.merge import structure
    from ..load.validate import plain_sections

    raw, found = structure(file.name, value, _NoPositions())
    if found or _unknowable(value, raw):
        return None
    validated = plain_sections(raw, consume=True)
    return None if validated.errors else validated.plain


class _NoPositions:
    """Positions for a reading whose problems are placed by the full reading: none."""

    def of(self, path, key: bool = False):
        return None, None
