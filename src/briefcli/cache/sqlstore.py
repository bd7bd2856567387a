"""The cache file (SQLite) and the dataset read back from it.

Tables:

* ``meta``: marshal blobs, each with its CRC-32: ``header`` (the cache format, the briefcli and
  Python versions, the dataset paths and file fingerprints, the dataset's info, warnings and
  source text paths, each collection's size), ``counts`` (how many records have each value of
  an indexed field: quotes per speaker) and ``names`` (every person's names and spellings,
  case and accents folded, with the person's id);
* ``records (coll, idx, id, body, crc)``: every record as a marshal blob with its CRC-32, by
  collection and position, indexed by id;
* ``refs (coll, field, value, idx)``: the fields queries filter on (a quote's speaker), indexed.

SQLite's pages have no checksums, so what is read is checked against what cannot be damaged
unnoticed: a record read by id must carry that id, records read through ``refs`` must carry the
value and be as many as ``counts`` says, a whole collection must be as long as the header says.
"""

from __future__ import annotations

import marshal
import os
import sqlite3
import sys
from binascii import crc32

from .. import __version__
from ..store import COLLECTIONS, Data
from . import CacheUnusable

FORMAT = 2  # 2: revisions, derived as_of and reported
INDEXED = {"quotes": ("speaker",)}
_RUNTIME = (sys.version_info[0], sys.version_info[1], marshal.version)

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL, crc INTEGER NOT NULL);
CREATE TABLE records (
    coll TEXT NOT NULL, idx INTEGER NOT NULL, id TEXT, body BLOB NOT NULL, crc INTEGER NOT NULL,
    PRIMARY KEY (coll, idx)
) WITHOUT ROWID;
CREATE TABLE refs (coll TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, idx INTEGER NOT NULL);
"""
_INDEXES = """
CREATE INDEX records_id ON records (id);
CREATE INDEX refs_value ON refs (coll, field, value, idx);
"""


def _blob(value) -> tuple[bytes, int]:
    body = marshal.dumps(value)
    return body, crc32(body)


def _unblob(body: bytes, crc: int):
    if crc32(body) != crc:
        raise CacheUnusable("a record fails its checksum")
    try:
        return marshal.loads(body)
    except (EOFError, ValueError, TypeError) as exc:
        raise CacheUnusable(f"a record cannot be read: {exc}") from None


def _sqlite_size_ok(path: str) -> bool:
    """Whether the file is as long as its SQLite header says (a truncated copy is not)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
        size = os.path.getsize(path)
    except OSError:
        return False
    if len(head) < 100 or not head.startswith(b"SQLite format 3\0"):
        return False
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96]  # the in-header size is current
    return valid and pages > 0 and size == pages * page_size


def open_cached(path: str, paths: list[str], matches) -> CachedData:
    """The cached dataset at ``path`` if it was built by this briefcli from these files."""
    if not _sqlite_size_ok(path):
        raise CacheUnusable("no cache, or not a whole SQLite file")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise CacheUnusable(str(exc)) from None
    try:
        header = _meta(con, "header")
        if not isinstance(header, dict) or (
            header.get("format"), header.get("version"), header.get("runtime"), header.get("paths")
        ) != (FORMAT, __version__, _RUNTIME, [os.path.abspath(p) for p in paths]):
            raise CacheUnusable("built by another version, or for other files")
        if not matches(paths, header["files"]):
            raise CacheUnusable("the dataset changed")
    except (sqlite3.Error, KeyError, TypeError, ValueError) as exc:
        con.close()
        raise CacheUnusable(str(exc)) from None
    except CacheUnusable:
        con.close()
        raise
    return CachedData(con, header)


def _meta(con: sqlite3.Connection, key: str):
    row = con.execute("SELECT value, crc FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise CacheUnusable(f"no {key}")
    return _unblob(*row)


class CachedData(Data):
    """A dataset read from the cache a few records at a time, as queries ask for them."""

    def __init__(self, con: sqlite3.Connection, header: dict) -> None:
        self._con = con
        self._header = header
        self.source_files = header["source_files"]
        self._by_id: dict = {}
        self._all: dict = {}
        self._blobs: dict = {}

    def __repr__(self) -> str:
        return f"<CachedData {self.info.get('title', '')!r}>"

    def _rows(self, sql: str, args: tuple = ()) -> list:
        try:
            return self._con.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise CacheUnusable(str(exc)) from None

    def _blob(self, key: str):
        if key not in self._blobs:
            try:
                self._blobs[key] = _meta(self._con, key)
            except sqlite3.Error as exc:
                raise CacheUnusable(str(exc)) from None
        return self._blobs[key]

    @property
    def info(self) -> dict:
        return self._header["info"]

    @property
    def warnings(self) -> list:
        from ..load.problems import Problem

        return [Problem(**w) for w in self._header["warnings"]]

    @property
    def plain(self) -> dict:
        return {"dataset": self.info, **{c: self.records(c) for c in COLLECTIONS}}

    def records(self, collection: str, **where) -> list[dict]:
        if collection not in self._all and not (where and self._indexed(collection, where)):
            rows = self._rows("SELECT body, crc FROM records WHERE coll = ? ORDER BY idx", (collection,))
            self._all[collection] = [_unblob(body, crc) for body, crc in rows]
            if len(rows) != self._header["counts"].get(collection, 0):
                raise CacheUnusable(f"{collection} are missing")
        if collection in self._all:
            return Data.records(self, collection, **where) if where else self._all[collection]
        (field, value), = where.items()
        rows = self._rows(
            "SELECT r.body, r.crc FROM refs f JOIN records r ON r.coll = f.coll AND r.idx = f.idx"
            " WHERE f.coll = ? AND f.field = ? AND f.value = ? ORDER BY f.idx",
            (collection, field, value),
        )
        found = [_unblob(body, crc) for body, crc in rows]
        expected = self._blob("counts")[f"{collection}.{field}"].get(value, 0)
        if len(found) != expected or any(record.get(field) != value for record in found):
            raise CacheUnusable("an index does not match its records")
        return found

    def _indexed(self, collection: str, where: dict) -> bool:
        return len(where) == 1 and next(iter(where)) in INDEXED.get(collection, ())

    def get(self, rid: str | None) -> dict | None:
        if not rid:
            return None
        if rid not in self._by_id:
            rows = self._rows("SELECT body, crc FROM records WHERE id = ?", (rid,))
            record = _unblob(*rows[0]) if rows else None
            if record is not None and record.get("id") != rid:
                raise CacheUnusable("the id index points at the wrong record")
            if record is None:  # rare (references are checked when loading): was one lost?
                found = self._rows("SELECT count(*), count(DISTINCT id) FROM records")[0]
                if found != (sum(self._header["counts"].values()), self._header["ids"]):
                    raise CacheUnusable("records are missing")
            self._by_id[rid] = record
        return self._by_id[rid]

    def count_by(self, collection: str, field: str) -> dict:
        if field not in INDEXED.get(collection, ()):
            return Data.count_by(self, collection, field)
        return dict(self._blob("counts")[f"{collection}.{field}"])

    def person_names(self) -> list[tuple[str, str]]:
        return self._blob("names")


def build(path: str, paths: list[str], prints: list, data: Data, progress=None) -> None:
    """Write the cache for ``data`` to ``path`` (through a temporary file)."""
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    if os.path.exists(temporary):
        os.remove(temporary)
    plain = data.plain
    counts = {c: len(plain.get(c, [])) for c in COLLECTIONS}
    total = sum(counts.values())
    done = 0
    con = sqlite3.connect(temporary)
    try:
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        con.executescript(_SCHEMA)
        for collection in COLLECTIONS:
            records = plain.get(collection, [])

            def rows(records=records, collection=collection):
                for index, record in enumerate(records):
                    yield (collection, index, record.get("id"), *_blob(record))

            con.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?)", rows())
            for field in INDEXED.get(collection, ()):
                con.executemany(
                    "INSERT INTO refs VALUES (?, ?, ?, ?)",
                    (
                        (collection, field, record[field], index)
                        for index, record in enumerate(records)
                        if isinstance(record.get(field), str)
                    ),
                )
            done += len(records)
            if progress is not None:
                progress(done, total)
        con.executescript(_INDEXES)
        header = {
            "format": FORMAT,
            "version": __version__,
            "runtime": _RUNTIME,
            "paths": [os.path.abspath(p) for p in paths],
            "files": prints,
            "info": plain["dataset"],
            "source_files": dict(data.source_files),
            "warnings": [w.as_dict() for w in data.warnings],
            "counts": counts,
            "ids": len({r["id"] for c in COLLECTIONS for r in plain.get(c, []) if r.get("id")}),
        }
        counts_by = {
            f"{collection}.{field}": data.count_by(collection, field)
            for collection, fields in INDEXED.items()
            for field in fields
        }
        for key, value in (("header", header), ("counts", counts_by), ("names", data.person_names())):
            con.execute("INSERT INTO meta VALUES (?, ?, ?)", (key, *_blob(value)))
        con.commit()
    finally:
        con.close()
    os.replace(temporary, path)
