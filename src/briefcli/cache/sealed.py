"""A sealed file: a header and named chunks, each proved by a BLAKE2b digest before it is used.

Layout: ``MAGIC``, the header's length (8 bytes), the header's digest (32 bytes), the header (a
marshal blob: the caller's fields plus, for each chunk, its offset, length and digest), then
the chunks (marshal blobs). Reading checks the header against its digest and each chunk against
the digest the header holds for it, so any change to the bytes, a truncation, or a chunk put in
the place of another is found before a value is used; nothing is trusted that the digests do not
cover (unlike an SQLite file, whose index pages carry no checksum).

Files are written whole through :mod:`briefcli.atomic` and opened only if they are regular files.
"""

from __future__ import annotations

import marshal
import os
import stat

from . import CacheUnusable

try:  # the C module behind hashlib.blake2b: hashlib itself costs more to import than a query
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

MAGIC = b"briefcli sealed\x01"
_PREAMBLE = len(MAGIC) + 8 + 32


def digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=32).digest()


class Blob:
    """A chunk already serialised, with its digest: copied from one sealed file to another
    without being read into values and written out again."""

    __slots__ = ("data", "digest")

    def __init__(self, data: bytes, value_digest: bytes | None = None) -> None:
        self.data = data
        self.digest = value_digest if value_digest is not None else digest(data)

    @classmethod
    def of(cls, value) -> Blob:
        return cls(marshal.dumps(value))


def dumps(header: dict, chunks: dict[str, object]) -> bytes:
    """The bytes of a sealed file holding ``header`` and ``chunks`` (name -> marshal-able, or
    a :class:`Blob`)."""
    return b"".join(_pieces(header, chunks))


def _pieces(header: dict, chunks: dict[str, object]) -> list[bytes]:
    table = {}
    blobs = []
    offset = 0
    for name, value in chunks.items():
        if type(value) is Blob:
            blob, value_digest = value.data, value.digest
        else:
            blob = marshal.dumps(value)
            value_digest = digest(blob)
        table[name] = (offset, len(blob), value_digest)
        blobs.append(blob)
        offset += len(blob)
    head = marshal.dumps({**header, "chunks": table})
    return [MAGIC, len(head).to_bytes(8, "little"), digest(head), head, *blobs]


def write(path: str, header: dict, chunks: dict[str, object]) -> None:
    """Write a sealed file whole (its pieces one after the other, never joined in memory)."""
    from .. import atomic

    os.makedirs(os.path.dirname(path), exist_ok=True)
    pieces = _pieces(header, chunks)

    def put() -> None:
        with atomic.open_atomic(path, force=True) as handle:
            handle.writelines(pieces)

    try:
        put()
    except atomic.NotRegularFile:
        # Something that is not a file (a FIFO, a link) holds the name in our own cache folder:
        # it is damage, so it goes, and the cache is written in its place.
        os.unlink(path)
        put()


def _loads(blob: bytes, what: str):
    try:
        return marshal.loads(blob)
    except (EOFError, ValueError, TypeError) as exc:
        raise CacheUnusable(f"{what} cannot be read: {exc}") from None


class Sealed:
    """An open sealed file: its header now, its chunks when asked for."""

    def __init__(self, path: str) -> None:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise CacheUnusable(f"cannot open: {exc}") from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise CacheUnusable("not a regular file")
            preamble = os.pread(fd, _PREAMBLE, 0)
            if len(preamble) < _PREAMBLE or not preamble.startswith(MAGIC):
                raise CacheUnusable("not a sealed file")
            size = int.from_bytes(preamble[len(MAGIC):len(MAGIC) + 8], "little")
            if size > info.st_size:
                raise CacheUnusable("truncated")
            head = os.pread(fd, size, _PREAMBLE)
        except (OSError, CacheUnusable) as exc:
            os.close(fd)
            raise CacheUnusable(str(exc)) from None
        if digest(head) != preamble[-32:]:
            os.close(fd)
            raise CacheUnusable("the header fails its digest")
        header = _loads(head, "the header")
        if not isinstance(header, dict) or not isinstance(header.get("chunks"), dict):
            os.close(fd)
            raise CacheUnusable("the header is not a sealed file's")
        self._fd = fd
        self._base = _PREAMBLE + size
        self.header = header

    def chunk(self, name: str):
        """The value of chunk ``name``, checked against its digest."""
        return _loads(self.blob(name).data, f"chunk {name!r}")

    def blob(self, name: str) -> Blob:
        """Chunk ``name`` as it is stored, checked against its digest."""
        try:
            offset, length, expected = self.header["chunks"][name]
            blob = os.pread(self._fd, length, self._base + offset)
        except (KeyError, TypeError, ValueError, OSError) as exc:
            raise CacheUnusable(f"no chunk {name!r}: {exc}") from None
        if len(blob) != length or digest(blob) != expected:
            raise CacheUnusable(f"chunk {name!r} fails its digest")
        return Blob(blob, expected)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - at interpreter exit os may be gone
            pass


def read_whole(path: str) -> tuple[dict, dict]:
    """The header and every chunk of a small sealed file."""
    sealed = Sealed(path)
    try:
        return sealed.header, {name: sealed.chunk(name) for name in sealed.header["chunks"]}
    finally:
        sealed.close()
