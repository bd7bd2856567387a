"""What a cache is keyed on: the dataset files, by stat and by content."""

from __future__ import annotations

import os

CHUNK = 1 << 20


def _files(paths: list[str]) -> list[str] | None:
    """The dataset files the loader would read, or None if it would fail (it will say why)."""
    if not any(os.path.isdir(p) for p in paths):
        return list(paths)  # what expand() makes of files, without importing the loader
    from ..load import expand
    from ..load.problems import DataError

    try:
        return [real for _, real in expand(paths)]
    except DataError:
        return None


def _stat(path: str) -> tuple[int, int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns, info.st_ino


def sha256(path: str) -> str:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def fingerprints(paths: list[str], also: list[str] = ()) -> list[tuple] | None:
    """(path, size, mtime_ns, inode, sha256) for each dataset file, then each file in ``also``
    (the source texts the quotes were verified against), or None."""
    files = _files(paths)
    if files is None:
        return None
    files = files + list(also)
    out = []
    for path in files:
        size, mtime, inode = _stat(path)
        out.append((path, size, mtime, inode, sha256(path)))
        if _stat(path) != (size, mtime, inode):
            return None  # changed while we read it: do not cache
    return out


def size_limit() -> int:
    """The loader's per-file size limit (``yamlread.max_bytes``), read without importing it."""
    raw = os.environ.get("BRIEFCLI_MAX_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else 50 * 1024 * 1024


def fingerprint_matches(paths: list[str], recorded: list) -> bool:
    """Whether the files are still those the cache was built from, and still within the size
    limit (a lower BRIEFCLI_MAX_BYTES must refuse a cached file as it refuses the YAML).

    A file whose stat is unchanged is taken as unchanged; one whose stat changed is hashed.
    """
    files = _files(paths)
    if files is None or len(files) > len(recorded):
        return False
    # after the dataset files come the source texts, recorded by their own paths
    files = files + [entry[0] for entry in recorded[len(files):]]
    limit = size_limit()
    for path, (old_path, size, mtime, inode, digest) in zip(files, recorded):
        if path != old_path or size > limit:
            return False
        try:
            if _stat(path) == (size, mtime, inode):
                continue
            if os.path.getsize(path) != size or sha256(path) != digest:
                return False
        except OSError:
            return False
    return True
