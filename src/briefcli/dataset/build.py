"""Opening a dataset through the cache by its files' summaries, without merging records.

Each dataset file has a cache entry (:mod:`briefcli.cache.entries`): its validated records in
blocks and a summary of what the checks across files need (:mod:`briefcli.load.outline`).
When the answer for a list of files is missing or stale (a file was edited, or the cache is
new), :func:`build` reads and validates only the files that have no entry, checks the whole
dataset from the summaries, verifies only the quotes of sources whose text or quotes changed,
and writes the answer with links to the entries' blocks (neither read nor copied: only the
revisions, their dates filled in, are the answer's own blocks; people are linked as an entry
keeps them for an answer, each role with its source). A large file is
read a piece at a time (:mod:`briefcli.load.pieces`). Whenever a file has a problem, or the
summaries cannot show that all is well, it gives up (None) and the caller reads the dataset the
full way, which says what is wrong with every line and column.
"""

from __future__ import annotations

from ..cache import CacheUnusable
from ..store import COLLECTIONS

INDEX_SHARE = 50_000  # keys in all: a dataset whose indexes are worth sorting in a helper
INDEX_RESIDENT = 128 << 20  # bytes: the largest process forked for that helper


class _Part:
    """One dataset file: its summary, its dataset section, and its records' blocks, from its
    entry (``sealed``) or, for a file read now, as serialised for its entry (``chunks``, with
    ``counts`` of records: the records themselves are not kept, so a folder read from nothing
    holds one file's records at a time, but its quotes' ``passages`` to find, by source).
    ``entry`` is the entry's file name, if it is there to link the answer's blocks to."""

    def __init__(self, file, summary: dict, dataset, sealed=None, chunks=None, counts=None,
                 entry: str | None = None, passages: dict | None = None):
        self.file, self.summary, self.dataset = file, summary, dataset
        self._sealed, self._chunks, self._counts = sealed, chunks, counts
        self.entry = entry
        self._passages = passages

    def passages(self, sources: set) -> dict[str, list[str]]:
        """The passages to find in each of ``sources`` that this file's quotes hold (see
        :func:`briefcli.load.outline.by_source`): kept from its reading, or read back."""
        if self._passages is not None:
            return {s: self._passages[s] for s in sources & self._passages.keys()}
        from ..load.outline import by_source

        return by_source([q for q in self.records("quotes") if q["source"] in sources])[0]

    def blocks(self, collection: str) -> list[tuple]:
        """A collection's blocks as an answer shows them (see
        :func:`~briefcli.cache.entries.answer_block`), each (Blob, how many records)."""
        from ..cache.entries import answer_block, entry_blocks

        if self._sealed is not None:
            return entry_blocks(self._sealed, collection)
        from ..cache.answer import BLOCK

        count = self._counts.get(collection, 0)
        return [(self._chunks[answer_block(collection, n)], min(BLOCK, count - at))
                for n, at in enumerate(range(0, count, BLOCK))]

    def links(self, collection: str) -> list[tuple]:
        """:meth:`blocks` as links into the entry, each (Link, how many records); the blocks
        themselves when there is no entry."""
        from ..cache.answer import BLOCK, Link
        from ..cache.entries import answer_block

        if self.entry is None:
            return self.blocks(collection)
        sealed = self._sealed
        count = (sealed.header["blocks"] if sealed is not None else self._counts).get(collection, 0)
        names = [answer_block(collection, n) for n in range(-(-count // BLOCK))]
        digests = ([sealed.header["chunks"][name][2] for name in names] if sealed is not None
                   else [self._chunks[name].digest for name in names])
        return [(Link(self.entry, name, value), min(BLOCK, count - n * BLOCK))
                for n, (name, value) in enumerate(zip(names, digests))]

    def records(self, collection: str):
        """A collection's records, a block at a time."""
        import marshal

        for blob, count in self.blocks(collection):
            records = marshal.loads(blob.data)
            if len(records) != count:
                raise CacheUnusable(f"{collection} are missing")
            yield from records

    def keep(self, reading) -> None:
        """Write the entry of a file read now (its chunks as they were made), so that the
        answer links its blocks; without one (it could not be written) they are copied."""
        if self._chunks is not None and self.entry is None:
            self.entry = reading.keep_chunks(self.file.real, self._chunks, self._counts)

    def drop(self) -> None:
        """Let go of the summary but its ids, speakers and names (what the indexes and the
        answer are made from), and of the passages: the checks that needed them are done."""
        self.summary = {key: self.summary[key] for key in ("ids", "speakers", "names")}
        self._passages = None

    def close(self) -> None:
        if self._sealed is not None:
            self._sealed.close()


class _Progress:
    """How much of the dataset's bytes are read, told to a progress bar's ``advance(done,
    total)`` when one is shown: a file from the cache counts whole at once, a file read now a
    piece at a time, then whole."""

    def __init__(self, step, files: list) -> None:
        self._step = step if step is not None and step.shown else None
        self._sizes = {file.real: _size(file) for file in files} if self._step is not None else {}
        self._finished, self._partial = 0, 0
        self.total = sum(self._sizes.values())

    def read(self, amount: int) -> None:
        """Part of the file being read (characters: near enough to its bytes)."""
        if self._step is not None:
            self._partial += amount
            self._step.advance(min(self.total, self._finished + self._partial), self.total)

    def file(self, file) -> None:
        """A whole file read, or found in the cache."""
        if self._step is not None:
            self._finished += self._sizes.get(file.real, 0)
            self._partial = 0
            self._step.advance(min(self.total, self._finished), self.total)

    def stage(self, description: str) -> None:
        if self._step is not None:
            self._step(description)


def build(files: list, reading, base: str, header: dict, reload, entries: bool = True,
          step=None):
    """The dataset of ``files`` as a cached answer, written at ``base``.answer with
    ``header``; None when the full reading must decide (a problem, or a cache that cannot be
    written). Without ``entries``, every file is read again and its entry written anew.
    ``step`` (the progress bar's, if any) is told how much has been read.

    After an edit, a helper process (:func:`.helper.beside`) validates the changed files while
    this one opens the others' entries and finds their sources' texts; this one parses them
    first, while the helper imports what validates them."""
    from ..cache.answer import texts_of
    from ..load.texts import Texts
    from ..load.validate import ready
    from . import helper
    from .fresh import parsed, read_fresh, validated

    parts: list = [None] * len(files)
    progress = _Progress(step, files)
    texts = Texts(reading, files)
    try:
        kept = [entries and reading.has_entry(file.real, file.name) for file in files]
        unread = [file for file, has in zip(files, kept) if not has]
        overlap = (len(unread) < len(files) and helper.can_overlap()
                   and all(_size(file) < helper.SHARE_BYTES for file in unread))

        before: list = [None]  # what the earlier answer says for the check (outline.Before)

        def here() -> None:  # the files with entries, while the helper reads the others
            earlier = texts_of(base + ".answer")
            texts.since(earlier)
            before[0] = _before(files, reading, earlier)
            for n, file in enumerate(files):
                if kept[n]:
                    parts[n] = part = _cached_part(file, reading)
                    if part is not None:
                        progress.file(file)
                        texts.find(part)

        got = {}
        if overlap:  # (the helper's progress is not shown: the bar moves a file at a time)
            # this process parses the files while the helper imports pydantic and the models
            split = helper.Split(lambda file: parsed(file, reading), validated, ready)
            read = helper.beside(here, unread, lambda file: read_fresh(file, reading, _Progress(None, [])),
                                 share=True, split=split)
            if read is None:
                return None
            got = dict(zip((file.real for file in unread), read[1]))
        else:
            here()
        for n, file in enumerate(files):
            if parts[n] is None:  # read now, or a file whose entry turned out damaged
                values = got.pop(file.real, None) or read_fresh(file, reading, progress)
                if values is None or values[0] != reading.digests.get(file.real):
                    return None  # a problem, or the file changed while it was read
                parts[n] = _part_of(file, values[1:])
                progress.file(file)
        progress.stage("Checking references and quotes")
        return _answer(parts, files, reading, base, header, reload, texts, before[0])
    except (CacheUnusable, KeyError, TypeError, ValueError, EOFError, OSError):
        return None
    finally:
        for part in parts:
            if part is not None:
                part.close()


def _size(file) -> int:
    """A dataset file's size in bytes (0 if it cannot be known: reading it says why)."""
    import os

    try:
        return os.path.getsize(file.real)
    except OSError:
        return 0


def _before(files: list, reading, earlier):
    """What the earlier answer (see :func:`briefcli.cache.answer.texts_of`) says for the
    check (a :class:`briefcli.load.outline.Before`), if it was built from these very files,
    and each file changed since has its entry of then still kept (the ids it held); else
    None."""
    from ..load.outline import Before

    if earlier is None or list(earlier[0]) != [file.real for file in files]:
        return None
    changed: set[str] = set()
    ids: dict[str, set[str]] = {}
    summaries: dict[str, dict] = {}
    for file in files:
        then = earlier[0][file.real]
        if then == reading.digests.get(file.real):
            continue
        sealed = reading.entry_of(then)
        if sealed is None:
            return None
        try:
            summary = summaries[file.real] = sealed.chunk("summary")
            for collection, held in summary["ids"].items():
                ids.setdefault(collection, set()).update(held)
        except (CacheUnusable, KeyError, TypeError, ValueError, AttributeError):
            return None
        finally:
            sealed.close()
        changed.add(file.real)
    return Before(changed, ids, summaries, dict(earlier[0]))


def _cached_part(file, reading) -> _Part | None:
    """A file's part from its entry; None if it has none, or a damaged one."""
    sealed = reading.entry(file.real, file.name)
    if sealed is None:
        return None
    from ..cache.entries import LazySummary

    try:
        summary = LazySummary(sealed)
        dataset = sealed.chunk("dataset") if "dataset" in sealed.header["chunks"] else None
        return _Part(file, summary, dataset, sealed=sealed,
                     entry=reading.entry_name(file.real, file.name))
    except (CacheUnusable, KeyError, TypeError, ValueError):
        sealed.close()
        return None


def _part_of(file, values: tuple) -> _Part:
    """A file read now (:func:`.fresh.read_fresh`'s values but the digest) as a part; its entry is
    written once the dataset is checked (:meth:`_Part.keep`)."""
    from ..cache.sealed import Blob

    chunks, counts, summary, dataset, passages = values
    chunks = {name: Blob(*blob) for name, blob in chunks.items()}
    return _Part(file, summary, dataset, chunks=chunks, counts=counts, passages=passages)


def _checked(parts: list[_Part], reading, texts, before=None):
    """The dataset checked from its parts' summaries (:func:`~briefcli.load.outline.outline`,
    told what the earlier answer says, ``before``), and the quotes of the sources that need it
    verified; None if anything may be wrong."""
    from ..load.outline import outline
    from ..load.problems import DataError
    from ..load.verify import all_found
    from ..load.yamlread import decode

    result = outline(parts, reading, texts, before)
    if result is None:
        return None
    by_source: dict[str, list[str]] = {sid: [] for sid in result.to_verify}
    wanted = set(by_source)
    for part in parts if wanted else ():  # only the words to find are kept, not the quotes
        if not wanted.isdisjoint(part.summary["needles"]):
            for sid, words in part.passages(wanted).items():
                by_source[sid].extend(words)
    for sid, (full, rel) in result.to_verify.items():
        try:  # the very bytes whose digest the outline took
            source = decode(reading.raw(full, rel), rel)
        except DataError:
            return None
        if not all_found(by_source[sid], source):
            return None
    return result


def _answer(parts: list[_Part], files: list, reading, base: str, header: dict, reload, texts,
            before=None):
    """Check the dataset from its parts and write its answer; the answer opened, or None.

    An index is taken from the earlier answer where its keys are the same as then (see
    :class:`~briefcli.load.outline.Before`). The others are made and sorted by a helper, on a
    large dataset, while this process checks it, then writes the files' entries, the memo and
    the answer's header, and lets go of what the check needed (its own side is the shorter one
    otherwise). Not when this process is large (a first read holds its records): the helper's
    copy of its pages would count again in their resident sizes."""
    from itertools import chain

    from ..cache.answer import index_of, indexes_of, open_answer, write_answer
    from . import helper

    ids: list[tuple[str, int, list[str]]] = []  # runs of ids: (collection, first index, ids)
    for collection in COLLECTIONS:
        at = 0
        for part in parts:
            run = part.summary["ids"].get(collection, ())
            ids.append((collection, at, run))
            at += len(run)
    values = {"ids": lambda: list(chain.from_iterable(run for _, _, run in ids)),
              "quotes.speaker": lambda: list(chain.from_iterable(p.summary["speakers"]
                                                                 for p in parts))}
    # an index whose keys are the same as the earlier answer's (every changed file's ids, or
    # speakers, the same as then) is taken from it as it is
    same = ([key for key, field in (("ids", "ids"), ("quotes.speaker", "speakers"))
             if before.same(parts, field)] if before is not None else [])
    made = [key for key in values if key not in same]
    kept: dict = {}  # (read while the helper makes the others)
    keys = sum(len(run) for _, _, run in ids) + sum(len(p.summary["speakers"]) for p in parts)
    share = (helper.can_overlap() and keys >= INDEX_SHARE and helper.resident() < INDEX_RESIDENT)

    def here():
        kept.update(indexes_of(base + ".answer", same, before.files) if same else {})
        result = _checked(parts, reading, texts, before)
        if result is None:
            return None
        _keep_verified(result, reading)
        reading.save_memo()
        for part in parts:
            part.keep(reading)
        out = _made(parts, result, reading, header)
        for part in parts:
            part.drop()
        return out

    done = helper.beside(here, made, lambda key: index_of(key, values[key]()), share=share)
    if done is None or done[0] is None:
        return None
    (result, blocks, header), indexed = done
    indexes = {**kept, **dict(zip(made, indexed))}
    for key in same:  # (the earlier answer could not give it after all)
        if key not in indexes:
            indexes[key] = index_of(key, values[key]())
    names = [f.name for f in files]
    write_answer(base + ".answer", header, info=result.info, source_files=result.text_files,
                 blocks=blocks, ids=ids, indexes={key: indexes[key] for key in values},
                 names=[n for p in parts for n in p.summary["names"]],
                 warnings=result.warnings, files=names)
    expected = {k: header[k] for k in ("code", "paths", "files")}
    return open_answer(base + ".answer", expected, names, reload,
                       lambda path: reading.digest(path, path))


def _keep_verified(result, reading) -> None:
    """Keep the keys of the quotes verified now (the others' were verified before) if their
    texts stood still meanwhile, and of the files checked now (each of their sources was
    verified)."""
    if not result.to_verify or reading.unchanged(full for full, _ in result.to_verify.values()):
        reading.add_verified([*(result.keys[sid] for sid in result.to_verify), *result.file_keys])


def _made(parts: list[_Part], result, reading, header: dict) -> tuple:
    """What the answer holds besides the indexes and the names: the check's result, each
    collection's blocks, and the header with the texts' digests."""
    from ..cache.answer import BLOCK
    from ..cache.sealed import Blob

    blocks: dict[str, list] = {}
    for collection in COLLECTIONS:
        if collection == "revisions":  # their dates filled in: the answer's own records
            records = result.revisions
            blocks[collection] = [(Blob.of(records[i : i + BLOCK]), len(records[i : i + BLOCK]))
                                  for i in range(0, len(records), BLOCK)]
            continue
        blocks[collection] = found = []
        for part in parts:
            found.extend(part.links(collection))
    texts = sorted(set(result.text_files.values()))
    return result, blocks, {**header, "texts": [(t, reading.digest(t, t)) for t in texts]}
