"""Reading a dataset's files through the cache: each file's validated records by its content.

:class:`CachedReading` is what the loader reads files through when the cache is on. For each
file it gives the digest of the file's bytes (from the memo's stat key when that still holds,
else by reading the file) and, when a file with those bytes was validated before, its records,
so that only changed files are parsed and validated again. It also remembers which groups of
quotes were found word for word in which source texts (by the digest of both), so that an
unchanged source's quotes are not searched again.
"""

from __future__ import annotations

import os
import stat

from ..dataset.files import max_bytes, read_bytes
from . import CacheUnusable, cache_dir
from .answer import BLOCK
from .fingerprint import code, now_ns, stat_key, trusted_key
from .sealed import Blob, Sealed, digest, read_whole, write


def entry_chunks(sections: dict, summary: dict | None = None) -> dict:
    """A file's entry: each section's records in blocks (``quotes/0``...), the ``dataset``
    section, and the ``summary`` the checks across files need (:mod:`briefcli.load.outline`)."""
    from ..load.outline import summarise

    chunks = section_chunks(sections)
    chunks.update(summary_chunks(summary if summary is not None else summarise(sections)))
    return chunks


def summary_chunks(summary: dict) -> dict:
    """A file's summary as its entry keeps it: ``summary``, read with every file, and
    ``summary.more``, read where it is needed (see :func:`briefcli.load.outline.lean`)."""
    from ..load.outline import lean

    read, more = lean(summary)
    return {"summary": Blob.of(read), "summary.more": Blob.of(more)}


class LazySummary(dict):
    """A file's summary from its entry (``sealed``): what is read with every file, and the
    rest (``summary.more``) read from the entry the first time one of its keys is asked
    for. A damaged chunk raises :class:`CacheUnusable` then."""

    def __init__(self, sealed) -> None:
        super().__init__(sealed.chunk("summary"))
        self._sealed = sealed

    def __missing__(self, key: str):
        if self._sealed is None:
            raise KeyError(key)
        more, self._sealed = self._sealed.chunk("summary.more"), None
        if not isinstance(more, dict):
            raise CacheUnusable("summary.more is not a summary's")
        self.update(more)
        return self[key]


def section_chunks(sections: dict, before: dict[str, int] | None = None) -> dict:
    """Each section's records in blocks, numbered on from the ``before`` records of that
    section already stored (a multiple of :data:`BLOCK`: a file read in pieces), and the
    ``dataset`` section. People are kept twice: as written (``people/<n>``, what the full
    reading reads back and checks) and as an answer shows them (:func:`answer_block`)."""
    from ..load.merge import with_role_sources

    chunks: dict = {}
    for key, records in sections.items():
        if key == "dataset":
            chunks["dataset"] = Blob.of(records)
            continue
        first = (before or {}).get(key, 0) // BLOCK
        for n, at in enumerate(range(0, len(records), BLOCK), first):
            chunks[f"{key}/{n}"] = Blob.of(records[at : at + BLOCK])
            if key == "people":
                chunks[answer_block(key, n)] = Blob.of(
                    [with_role_sources(p) for p in records[at : at + BLOCK]])
    return chunks


def answer_block(collection: str, n: int) -> str:
    """The name of an entry's n-th block of a collection as an answer shows it: for people,
    each role with its source (as :func:`~briefcli.load.merge.fold_people` gives them where
    no later file adds to a person); for the rest, the records as written."""
    return f"people.sourced/{n}" if collection == "people" else f"{collection}/{n}"


def block_counts(sections: dict) -> dict[str, int]:
    """How many records each section holds (the dataset section holds none)."""
    return {key: len(records) for key, records in sections.items() if key != "dataset"}


def entry_blocks(sealed, collection: str) -> list[tuple]:
    """A collection's blocks in an entry as an answer shows them (:func:`answer_block`), each
    (Blob, how many records)."""
    count = sealed.header["blocks"].get(collection, 0)
    return [(sealed.blob(answer_block(collection, n)), min(BLOCK, count - at))
            for n, at in enumerate(range(0, count, BLOCK))]


def entry_records(sealed, collection: str) -> list[dict]:
    """A collection's records in an entry."""
    count = sealed.header["blocks"].get(collection, 0)
    records: list[dict] = []
    for n in range(0, count, BLOCK):
        records.extend(sealed.chunk(f"{collection}/{n // BLOCK}"))
    if len(records) != count:
        raise CacheUnusable(f"{collection} are missing")
    return records


def entry_sections(sealed) -> dict:
    """The validated sections an entry holds."""
    sections: dict = {}
    if "dataset" in sealed.header["chunks"]:
        sections["dataset"] = sealed.chunk("dataset")
    for key in sealed.header["blocks"]:
        sections[key] = entry_records(sealed, key)
    return sections


def _vouches(known: tuple | None, info: os.stat_result, limit: int) -> bool:
    """Whether a memo's (stat key, digest) ``known`` for a file vouches for its bytes now,
    ``info`` being its status: a regular file within the size limit, its stat key unchanged."""
    return (known is not None and stat.S_ISREG(info.st_mode) and info.st_size <= limit
            and known[0] == stat_key(info))


class CachedReading:
    """File contents and per-file records for one load, backed by the cache."""

    def __init__(self, memo_path: str) -> None:
        self.memo_path = memo_path
        self.stats: dict[str, tuple] = {}  # real path -> (stat key or None, digest)
        self.verified: set[bytes] = set()
        self.digests: dict[str, bytes] = {}  # real path -> digest of the bytes used this time
        self.seen: dict[str, tuple] = {}  # real path -> stat key when its digest was taken
        self._raw: dict[str, bytes] = {}
        self.replaced: dict[str, bytes] = {}  # real path -> digest of its earlier bytes
        self._dirty = False
        self._limit = max_bytes()
        try:
            header, chunks = read_whole(memo_path)
            if header.get("code") == code():
                self.stats = dict(chunks["stats"])
                self.verified = set(chunks["verified"])
        except (CacheUnusable, KeyError, TypeError, ValueError):
            pass

    # --- content ------------------------------------------------------------------------

    def digest(self, real: str, name: str, info: os.stat_result | None = None) -> bytes:
        """The digest of a file's bytes; reads the file unless its stat key vouches for it.
        ``info``: the file's status, if it was just taken.

        Raises the loader's DataError when the file cannot be read as a dataset file.
        """
        if real in self.digests:
            return self.digests[real]
        if info is None:
            try:
                info = os.stat(real)
            except OSError:
                info = None
        known = self.stats.get(real)
        if info is not None and _vouches(known, info, self._limit):
            self.seen[real] = known[0]
            self.digests[real] = known[1]
            return known[1]
        taken = now_ns()
        raw, info = read_bytes(real, name)
        value = digest(raw)
        if known is not None and known[1] != value:
            self.replaced[real] = known[1]
        self._raw[real] = raw
        self.digests[real] = value
        self.seen[real] = stat_key(info)
        # a stat key too recent to vouch for the bytes is kept as None (it never matches), so
        # that the digest is still known when the file changes and its old entry can go
        entry = (trusted_key(info, taken), value)
        if known != entry:
            self.stats[real] = entry
            self._dirty = True
        return value

    def vouched(self, pairs) -> list:
        """For each (real path, its ``os.stat_result``) of ``pairs``, the digest of the file's
        bytes where its stat key vouches for it (as :meth:`digest` would take it, without
        reading), else None: :meth:`digest` reads those."""
        digests, stats, seen, limit = self.digests, self.stats, self.seen, self._limit
        out: list = []
        for real, info in pairs:
            value = digests.get(real)
            if value is None:
                known = stats.get(real)
                if _vouches(known, info, limit):
                    value = digests[real] = known[1]
                    seen[real] = known[0]
            out.append(value)
        return out

    def raw(self, real: str, name: str) -> bytes:
        """The file's bytes: those whose digest was taken, read now if they were not."""
        if real not in self._raw:  # not read yet: what is parsed now is what counts
            raw, info = read_bytes(real, name)
            self.digests[real] = digest(raw)
            self.seen[real] = stat_key(info)
            return raw
        return self._raw.pop(real)

    def release(self, real: str) -> None:
        """Let go of a file's bytes kept since its digest was taken."""
        self._raw.pop(real, None)

    def unchanged(self, paths) -> bool:
        """Whether every file in ``paths`` still has the stat key it had when its digest was
        taken (a source text saved while quotes were verified against it makes this False)."""
        for path in paths:
            try:
                if stat_key(os.stat(path)) != self.seen.get(path):
                    return False
            except OSError:
                return False
        return True

    # --- per-file records ---------------------------------------------------------------

    @staticmethod
    def _entry_path(value: bytes) -> str:
        return os.path.join(cache_dir(), "files", f"{value.hex()[:40]}-{code()[:16]}")

    def entry(self, real: str, name: str):
        """The open entry (a :class:`~.sealed.Sealed`) of a file with these bytes, or None."""
        return self.entry_of(self.digest(real, name))

    def entry_of(self, value: bytes):
        """The open entry of the file content with digest ``value`` (a file's content before
        an edit, while its entry is still kept), or None."""
        try:
            sealed = Sealed(self._entry_path(value))
        except CacheUnusable:
            return None
        if sealed.header.get("code") != code() or sealed.header.get("digest") != value:
            sealed.close()
            return None
        return sealed

    def has_entry(self, real: str, name: str) -> bool:
        """Whether a file with these bytes has an entry (which may yet turn out unusable)."""
        return os.path.isfile(self._entry_path(self.digest(real, name)))

    def sections(self, real: str, name: str) -> dict | None:
        """The validated sections of a file with these bytes, if they were kept before."""
        sealed = self.entry(real, name)
        if sealed is None:
            return None
        try:
            return entry_sections(sealed)
        except (CacheUnusable, KeyError, TypeError, ValueError):
            return None
        finally:
            sealed.close()

    def keep(self, real: str, sections: dict, summary: dict | None = None) -> None:
        """Keep a file's validated sections under the digest of the bytes they came from."""
        self.keep_chunks(real, entry_chunks(sections, summary), block_counts(sections))

    def keep_chunks(self, real: str, chunks: dict, counts: dict[str, int]) -> str | None:
        """Keep a file's entry, its chunks already made (see :func:`entry_chunks`; ``counts``:
        records per section); the entry's file name, or None if it could not be written. The
        entry of the file's earlier content goes: answers that linked it are stale."""
        value = self.digests.get(real)
        if value is None:
            return None
        path = self._entry_path(value)
        try:
            write(path, {"code": code(), "digest": value, "blocks": counts}, chunks)
        except OSError:
            return None
        if real in self.replaced and self.replaced[real] != value:
            try:
                os.unlink(self._entry_path(self.replaced.pop(real)))
            except OSError:
                pass
        return os.path.basename(path)

    def entry_name(self, real: str, name: str) -> str:
        """The file name of the entry of a file with these bytes (in the ``files`` folder)."""
        return os.path.basename(self._entry_path(self.digest(real, name)))

    @staticmethod
    def prune() -> None:
        """Remove the entries kept by other code (another briefcli, or an edited checkout)."""
        folder = os.path.join(cache_dir(), "files")
        suffix = f"-{code()[:16]}"
        try:
            with os.scandir(folder) as listing:
                stale = [e.path for e in listing if not e.name.endswith(suffix)]
            for path in stale:
                os.unlink(path)
        except OSError:
            pass

    # --- verified quotes ----------------------------------------------------------------

    def save_memo(self) -> None:
        if not self._dirty:
            return
        try:
            write(self.memo_path, {"code": code()},
                  {"stats": self.stats, "verified": sorted(self.verified)})
        except OSError:
            pass
        self._dirty = False

    def add_verified(self, keys) -> None:
        before = len(self.verified)
        self.verified.update(keys)
        self._dirty |= len(self.verified) != before
