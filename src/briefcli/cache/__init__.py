"""A cache of loaded datasets, so that every query after the first skips YAML and validation.

Where: one SQLite file per dataset (per list of --data paths) under the user cache directory
(platformdirs: ``~/.cache/briefcli/datasets`` on Linux), or under ``$BRIEFCLI_CACHE_DIR``.

What: the validated plain records (each a marshal blob with a CRC-32), indexes by id, by quote
speaker and by folded person name, and the dataset's info, warnings and source text paths. A
query reads only the rows its answer needs, so its cost follows the answer, not the dataset.
Reading it imports neither pydantic nor PyYAML.

Freshness: the cache records, for each dataset file and each source text its quotes were
verified against, its size, mtime_ns, inode and SHA-256, plus
the briefcli version, the cache format and the Python version. A cache is used only if all
match. Each file is first compared by ``os.stat`` (microseconds, even for 45 MB); only when its
stat differs (a copy, a touch, a checkout) is its content hashed, and if the content is the same
the cache is still used. An edit that keeps a file's size, mtime and inode is not noticed; that
takes deliberate effort, and ``--no-cache`` is there for it.

Safety: a cache that is missing, stale, from another version, truncated or corrupt is never
used for an answer. The file is checked when opened (format, versions, recorded size), and each
record's CRC when it is read; if a problem shows up only in the middle of a query,
:class:`CacheUnusable` is raised and the command runs again from the YAML (``cli/app.py``). A
stale or bad cache is rebuilt silently on the next load. The cache is written to a temporary
file and renamed into place, so readers never see half a file.

Off: ``--no-cache`` or ``BRIEFCLI_NO_CACHE=1``.
"""

from __future__ import annotations

import os


class CacheUnusable(Exception):
    """The cache is missing, stale, from another version, or damaged: load from the YAML."""


def disabled(no_cache: bool = False) -> bool:
    """Whether the cache is off: --no-cache, or BRIEFCLI_NO_CACHE set to anything but 0/empty."""
    return no_cache or os.environ.get("BRIEFCLI_NO_CACHE", "").strip() not in ("", "0")


def cache_dir() -> str:
    override = os.environ.get("BRIEFCLI_CACHE_DIR", "").strip()
    if override:
        return override
    from platformdirs import user_cache_dir

    return os.path.join(user_cache_dir("briefcli", appauthor=False), "datasets")


def cache_path(paths: list[str]) -> str:
    """The cache file for a list of dataset paths (as given, made absolute)."""
    from binascii import crc32  # hashlib would cost more to import than the rest of this

    absolute = [os.path.abspath(p) for p in paths]
    key = "\0".join(absolute).encode("utf-8", "surrogateescape")
    # The header records the exact paths: two lists that share a name only rebuild each other.
    stem = "".join(c if c.isalnum() or c in "._-" else "_" for c in os.path.basename(absolute[0]))
    return os.path.join(cache_dir(), f"{stem[:40]}-{len(absolute)}-{crc32(key):08x}.sqlite")


_distrusted = False


def distrust() -> None:
    """Read no cache from now on in this process (one was found damaged); still write one."""
    global _distrusted
    _distrusted = True


def load_cached(paths: list[str]):
    """The cached dataset (a :class:`briefcli.store.Data`) if the cache is fresh and sound."""
    from .files import fingerprint_matches
    from .sqlstore import open_cached

    if _distrusted:
        return None
    path = cache_path(paths)
    try:
        return open_cached(path, paths, fingerprint_matches)
    except CacheUnusable:
        return None


def save(paths: list[str], data, progress=None) -> None:
    """Write the cache of ``data`` (a loaded :class:`briefcli.store.Data`) for ``paths``.

    A cache that cannot be written (a read-only home, a full disk) is simply not written.
    """
    import sqlite3

    from .files import fingerprints
    from .sqlstore import build

    try:
        prints = fingerprints(paths, sorted(set(data.source_files.values())))
        if prints is not None:
            build(cache_path(paths), paths, prints, data, progress)
    except (OSError, sqlite3.Error):
        pass
