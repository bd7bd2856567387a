"""A loaded dataset kept as a sealed file, read back a few records at a time.

Chunks (each checked against its digest before use, see :mod:`.sealed`):

* ``<collection>/<n>``: the n-th block of a collection's records, in order, of at most
  :data:`BLOCK` records (the header's ``starts`` say where each begins). An answer built from
  its files' entries (see :mod:`.entries` and :mod:`briefcli.dataset.build`) does not copy
  their blocks: its header's ``linked`` names, for each such block, the entry (one of
  ``entries``, files in the cache's ``files`` folder), the chunk there and its digest, and the
  block is read from the entry, checked against that digest;
* ``ids/<n>``: part n of the id index (id -> collection and position), and
  ``quotes.speaker/<n>``: part n of the speaker index (speaker -> positions of their quotes):
  each index is sorted by its keys and cut into parts whose first keys the header holds (see
  :func:`_sorted_index`), so a lookup reads one part;
* ``quotes.speaker``: how many quotes each speaker has; ``names``: every person's names and
  spellings, folded, with the person's id; ``warnings``: the dataset's warnings.

A query reads only the chunks its answer needs, so its cost follows the answer, not the
dataset. Reading imports neither pydantic nor PyYAML. What a chunk holds is checked against
what its neighbours say (a record found by id carries that id; a collection is as long as the
header says), so even a sealed file that lies about itself cannot change an answer unnoticed.
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from itertools import accumulate, chain, islice, repeat
from operator import eq, sub

from ..store import COLLECTIONS, Data
from . import CacheUnusable
from .sealed import Blob, Sealed, write

FORMAT = 5
BLOCK = 256  # records in a block
PART = 512  # positions (about) in a part of an index
INDEXED = {"quotes": ("speaker",)}


def _sorted_index(keys: list, repeats: bool = False) -> tuple[list[str], list[tuple]]:
    """An index of positions by key: ``keys`` (a key, or None, for each position) sorted and
    cut into parts of about :data:`PART` positions (a key's positions, in order, never split
    between parts), each (its distinct keys, where each key's positions start, the
    positions); and the first key of each part.

    Keys each given once (ids) are sorted with their positions, in C (sorted, map). Keys that
    ``repeat`` (a field's values, as speakers) have their positions gathered by key, one
    step of Python each, and the keys sorted once each: there are fewer keys than positions,
    and gathering takes less time than sorting the positions by key (57 against 71 ms for
    the 100,011 speakers of the benchmark's largest dataset)."""
    parts = []
    if not repeats and all(type(key) is str for key in keys):
        order = sorted(range(len(keys)), key=keys.__getitem__)
        ordered = list(map(keys.__getitem__, order))
        if not any(map(eq, ordered, islice(ordered, 1, None))):  # each key once (ids)
            for at in range(0, len(ordered), PART):
                run = ordered[at : at + PART]
                parts.append((run, list(range(len(run))), order[at : at + PART]))
            return [part[0][0] for part in parts], parts
    groups: dict = {}  # key -> its positions, in order
    for position, key in enumerate(keys):
        found = groups.get(key)
        if found is None:
            groups[key] = [position]
        else:
            found.append(position)
    distinct = sorted(key for key in groups if type(key) is str)  # None: not a key
    lists = list(map(groups.__getitem__, distinct))
    order = list(chain.from_iterable(lists))
    sizes = list(map(len, lists))
    ends = list(accumulate(sizes))  # where each distinct key's positions end in order
    begins = list(map(sub, ends, sizes))
    a = 0
    while a < len(distinct):
        b = min(bisect_left(ends, begins[a] + PART, a) + 1, len(distinct))
        parts.append((distinct[a:b], list(map(sub, begins[a:b], repeat(begins[a], b - a))),
                      order[begins[a] : ends[b - 1]]))
        a = b
    return [part[0][0] for part in parts], parts


def _lookup(part, key: str) -> list[int]:
    """The positions of ``key`` in a part of a :func:`_sorted_index`."""
    keys, starts, positions = part
    i = bisect_left(keys, key)
    if i == len(keys) or keys[i] != key:
        return []
    return positions[starts[i] : starts[i + 1] if i + 1 < len(starts) else len(positions)]


class Link:
    """A block that an answer reads from a file's entry: the entry's file name (in the cache's
    ``files`` folder), the chunk's name there, and its digest."""

    __slots__ = ("entry", "name", "digest")

    def __init__(self, entry: str, name: str, digest: bytes) -> None:
        self.entry, self.name, self.digest = entry, name, digest


def save(path: str, header: dict, data: Data, names: list[str]) -> None:
    """Write ``data`` (a loaded dataset) to ``path``; ``header`` says what it was built from and
    ``names`` are the dataset files' shown names (warnings point into them)."""
    blocks: dict[str, list] = {}
    ids: list[tuple[str, int, list[str]]] = []
    for collection in COLLECTIONS:
        records = data.records(collection)
        blocks[collection] = [(Blob.of(records[at : at + BLOCK]), len(records[at : at + BLOCK]))
                              for at in range(0, len(records), BLOCK)]
        ids.append((collection, 0, [r["id"] for r in records]))  # every record has one
    values = {"ids": [i for _, _, run in ids for i in run],
              **{f"{collection}.{field}": [r.get(field) for r in data.records(collection)]
                 for collection, fields in INDEXED.items() for field in fields}}
    write_answer(path, header, info=data.info, source_files=dict(data.source_files),
                 blocks=blocks, ids=ids, indexes={key: index_of(key, v) for key, v in values.items()},
                 names=data.person_names(), warnings=data.warnings, files=names)


def index_of(key: str, values: list) -> tuple[list, dict]:
    """The index ``key`` of an answer (``ids``: every record's id, in the order of the ``ids``
    runs given to :func:`write_answer`; ``quotes.speaker``: each quote's speaker) as the
    answer keeps it: the first key of each part (see :func:`_sorted_index`), and its chunks
    already serialised, each (bytes, digest) by name: plain values, so that a helper process
    may make them, and this one writes them without reading them back."""
    heads, parts = _sorted_index(values, repeats=key != "ids")
    chunks: dict[str, object] = {f"{key}/{n}": part for n, part in enumerate(parts)}
    if key != "ids":  # how many positions each value has
        chunks[key] = sizes = {}
        for keys, begins, positions in parts:
            sizes.update(zip(keys, map(sub, [*begins[1:], len(positions)], begins)))
    return heads, {name: (blob.data, blob.digest)
                   for name, blob in ((name, Blob.of(value)) for name, value in chunks.items())}


def write_answer(path: str, header: dict, *, info: dict, source_files: dict,
                 blocks: dict[str, list], ids: list, indexes: dict[str, tuple],
                 names: list, warnings: list, files: list[str]) -> None:
    """Write an answer: ``blocks`` are each collection's records as (Blob, how many records)
    in order, ``ids`` runs of records' ids (collection, index of the first, ids), ``indexes``
    the id index and each indexed field's, made by :func:`index_of` (``ids`` from the ids of
    these runs in order, ``quotes.speaker`` from a value per quote), ``names`` every person's
    folded names and ``warnings`` the dataset's, pointing into ``files`` (shown names)."""
    chunks: dict[str, object] = {}
    counts, starts = {}, {}
    linked: dict[str, tuple] = {}  # block -> (entry number, chunk name there, digest)
    entries: dict[str, int] = {}
    for collection in COLLECTIONS:
        at, firsts = 0, []
        for n, (blob, count) in enumerate(blocks.get(collection, ())):
            if type(blob) is Link:
                number = entries.setdefault(blob.entry, len(entries))
                linked[f"{collection}/{n}"] = (number, blob.name, blob.digest)
            else:
                chunks[f"{collection}/{n}"] = blob
            firsts.append(at)
            at += count
        counts[collection], starts[collection] = at, firsts
    runs: list[tuple] = []  # (collection, index of its first, position of its first in all ids)
    every = 0  # ids so far
    for collection, first, run in ids:
        last = runs[-1] if runs else None  # a run that goes on where the one before ends joins it
        if not (last and last[0] == collection and last[1] + every - last[2] == first):
            runs.append((collection, first, every))
        every += len(run)
    index_heads = {}
    for key, (heads, serialised) in indexes.items():
        index_heads[key] = heads
        chunks.update((name, Blob(*blob)) for name, blob in serialised.items())
    file_number = {name: i for i, name in enumerate(files)}
    chunks["warnings"] = [
        {**w.as_dict(), "file": file_number.get(w.file, w.file), "path": w.path, "key": w.key}
        for w in warnings
    ]
    chunks["names"] = names
    write(path, {**header, "format": FORMAT, "info": info, "source_files": source_files,
                 "counts": counts, "starts": starts, "runs": runs, "indexes": index_heads,
                 "linked": linked, "entries": list(entries)},
          chunks)


def texts_of(path: str) -> tuple[dict, dict, set] | None:
    """What the answer at ``path``, stale or not, says of the files it was built from, if this
    code wrote it: each dataset file's digest by its real path, each source's text by source
    id, and the texts it verified quotes against; None if there is no such answer."""
    from .fingerprint import code

    try:
        sealed = Sealed(path)
    except CacheUnusable:
        return None
    try:
        header = sealed.header
        if header.get("format") != FORMAT or header.get("code") != code():
            return None
        return (dict(header["files"]), dict(header["source_files"]),
                {text for text, _ in header["texts"]})
    except (KeyError, TypeError, ValueError):
        return None
    finally:
        sealed.close()


def indexes_of(path: str, keys, files: dict) -> dict[str, tuple[list, dict]]:
    """The indexes ``keys`` of the answer at ``path``, stale or not, if this code wrote it from
    ``files`` (each dataset file's digest by its real path, as :func:`texts_of` gave them: not
    an answer another process wrote since), as :func:`index_of` gives them (each chunk's bytes
    checked against its digest): for an answer whose keys for an index are the same as that
    one's. Those it cannot give are left out."""
    from .fingerprint import code

    found: dict[str, tuple[list, dict]] = {}
    try:
        sealed = Sealed(path)
    except CacheUnusable:
        return found
    try:
        header = sealed.header
        if (header.get("format") != FORMAT or header.get("code") != code()
                or dict(header.get("files") or ()) != files):
            return found
        for key in keys:
            try:
                heads = list(header["indexes"][key])
                names = [f"{key}/{n}" for n in range(len(heads))] + ([key] if key != "ids" else [])
                blobs = {name: sealed.blob(name) for name in names}
                found[key] = heads, {name: (blob.data, blob.digest) for name, blob in blobs.items()}
            except (CacheUnusable, KeyError, TypeError, ValueError):
                continue
        return found
    finally:
        sealed.close()


def open_answer(path: str, expected: dict, names: list[str], reload, digest_of) -> CachedData:
    """The dataset at ``path`` if its header has every field of ``expected`` and the source
    texts it was verified against still have the same digests (``digest_of(path)``); else
    :class:`CacheUnusable`. ``reload`` gives the dataset from the YAML, should the file turn out
    damaged in the middle of a query."""
    sealed = Sealed(path)
    header = sealed.header
    try:
        if header.get("format") != FORMAT or any(header.get(k) != v for k, v in expected.items()):
            raise CacheUnusable("built by other code or from other files")
        if any(digest_of(text) != content for text, content in header["texts"]):
            raise CacheUnusable("a source text changed")
    except (CacheUnusable, KeyError, TypeError, ValueError):
        sealed.close()
        raise CacheUnusable("stale") from None
    except BaseException:
        sealed.close()
        raise
    entries = os.path.join(os.path.dirname(os.path.dirname(path)), "files")  # beside answers/
    return CachedData(sealed, names, reload, entries)


def _guarded(method, attribute: bool = False):
    """Answer from the cache; if it turns out damaged, from the YAML (read once, then kept):
    the same method, or with ``attribute`` the same attribute, of the dataset read from it."""
    name = method.__name__

    def run(self, *args, **kwargs):
        if self._fallback is None:
            try:
                return method(self, *args, **kwargs)
            except (CacheUnusable, KeyError, IndexError, TypeError, ValueError, AttributeError):
                self._fallback = self._reload()
        if attribute:
            return getattr(self._fallback, name)
        return getattr(self._fallback, name)(*args, **kwargs)

    run.__name__ = name
    run.__doc__ = method.__doc__
    return run


def _guarded_property(method):
    """A property answered as :func:`_guarded` answers a method."""
    return property(_guarded(method, attribute=True))


class CachedData(Data):
    """A dataset read from the cache a few records at a time, as queries ask for them."""

    def __init__(self, sealed: Sealed, names: list[str], reload, entries: str) -> None:
        self._sealed = sealed
        self._entries = entries  # the folder of the files' entries that blocks may be linked in
        self._open: dict[int, Sealed] = {}
        self._header = sealed.header
        self._names = names
        self._reload = reload
        self._fallback: Data | None = None
        self._chunks: dict = {}
        self._all: dict = {}
        self._by_id: dict = {}

    def __repr__(self) -> str:
        return f"<CachedData {self._header['info'].get('title', '')!r}>"

    def _chunk(self, name: str):
        if name not in self._chunks:
            link = self._header["linked"].get(name)
            self._chunks[name] = self._sealed.chunk(name) if link is None else self._linked(*link)
        return self._chunks[name]

    def _linked(self, number: int, name: str, expected: bytes):
        """A block read from the entry it is linked in, if that entry still holds it."""
        if number not in self._open:
            entry = self._header["entries"][number]
            if os.sep in entry or entry.startswith("."):
                raise CacheUnusable("an entry outside the cache")
            self._open[number] = Sealed(os.path.join(self._entries, entry))
        sealed = self._open[number]
        if sealed.header["chunks"][name][2] != expected:
            raise CacheUnusable("a linked entry changed")
        return sealed.chunk(name)

    def _record(self, collection: str, index: int) -> dict:
        starts = self._header["starts"][collection]
        if not 0 <= index < self._header["counts"][collection]:
            raise CacheUnusable("an index points past its collection")
        n = bisect_right(starts, index) - 1
        return self._chunk(f"{collection}/{n}")[index - starts[n]]

    @_guarded_property
    def source_files(self) -> dict:
        return self._header["source_files"]

    @_guarded_property
    def info(self) -> dict:
        return self._header["info"]

    @_guarded_property
    def warnings(self) -> list:
        from ..load.problems import Problem

        out = []
        for w in self._chunk("warnings"):
            file = w["file"]
            out.append(Problem(**{**w, "file": self._names[file] if isinstance(file, int) else file}))
        return out

    @property
    def plain(self) -> dict:
        return {"dataset": self.info, **{c: self.records(c) for c in COLLECTIONS}}

    @_guarded
    def records(self, collection: str, **where) -> list[dict]:
        if len(where) == 1 and next(iter(where)) in INDEXED.get(collection, ()) and collection not in self._all:
            (field, value), = where.items()
            key = f"{collection}.{field}"
            found = [self._record(collection, i) for i in self._positions(key, value)]
            if len(found) != self._chunk(key).get(value, 0) or any(r.get(field) != value for r in found):
                raise CacheUnusable("an index does not match its records")
            return found
        return Data.records(self, collection, **where)

    @_guarded
    def count(self, collection: str) -> int:
        return self._header["counts"][collection]

    def _collection(self, collection: str) -> list[dict]:
        if collection not in self._all:
            count = self._header["counts"][collection]
            records = [r for n in range(len(self._header["starts"][collection]))
                       for r in self._chunk(f"{collection}/{n}")]
            if len(records) != count:
                raise CacheUnusable(f"{collection} are missing")
            self._all[collection] = records
        return self._all[collection]

    @_guarded
    def get(self, rid: str | None) -> dict | None:
        if not rid:
            return None
        if rid not in self._by_id:
            found = self._positions("ids", rid)
            record = None
            if found:
                runs = self._header["runs"]
                r = bisect_right([first for _, _, first in runs], found[0]) - 1
                collection, index, first = runs[r]
                record = self._record(collection, index + found[0] - first)
            if record is not None and record.get("id") != rid:
                raise CacheUnusable("the id index points at the wrong record")
            self._by_id[rid] = record
        return self._by_id[rid]

    def _positions(self, key: str, value: str) -> list[int]:
        """The positions of ``value`` in the index ``key`` (see :func:`_sorted_index`)."""
        n = bisect_right(self._header["indexes"][key], value) - 1
        return _lookup(self._chunk(f"{key}/{n}"), value) if n >= 0 else []

    @_guarded
    def count_by(self, collection: str, field: str) -> dict:
        if field in INDEXED.get(collection, ()):
            return dict(self._chunk(f"{collection}.{field}"))
        return Data.count_by(self, collection, field)

    @_guarded
    def person_names(self) -> list[tuple[str, str]]:
        return [tuple(pair) for pair in self._chunk("names")]
