"""The cache of loaded datasets, so that a query after the first skips YAML and validation.

Only :mod:`briefcli.dataset` uses it; no command knows it exists.

Where: under the user cache directory (platformdirs: ``~/.cache/briefcli`` on Linux), or
``$BRIEFCLI_CACHE_DIR``:

* ``files/``: each dataset file's validated records, by the digest of the file's bytes and of
  briefcli's code, shared by every dataset that has the file. A changed file is read again;
  the others come from here (:mod:`.entries`).
* ``answers/``: for each list of ``--data`` paths (resolved, so ``x.yaml``, ``./x.yaml`` and
  the absolute path share one), the merged, checked dataset with indexes, read a few records
  at a time (:mod:`.answer`), and a small memo of file stat keys and verified quotes.

Freshness: an answer is used only if it was built by the same code (:func:`.fingerprint.code`)
from dataset files and source texts with the same content, and the folders still list the
same files (see :mod:`.fingerprint` for how content is known without re-reading it).

Safety: every part of every cache file is checked against a BLAKE2b digest before it is used
(:mod:`.sealed`); a missing, stale, foreign or damaged cache is never used for an answer. If
damage shows only in the middle of a query, the dataset is read from the YAML at that point and
the query goes on. Cache files are written atomically, and only regular files are opened.

Off: ``--no-cache`` or ``BRIEFCLI_NO_CACHE=1``.
"""

from __future__ import annotations

import os


class CacheUnusable(Exception):
    """The cache is missing, stale, from other code, or damaged: load from the YAML."""


def disabled(no_cache: bool = False) -> bool:
    """Whether the cache is off: ``no_cache``, or BRIEFCLI_NO_CACHE set to anything but 0/empty."""
    return no_cache or os.environ.get("BRIEFCLI_NO_CACHE", "").strip() not in ("", "0")


def cache_dir() -> str:
    override = os.environ.get("BRIEFCLI_CACHE_DIR", "").strip()
    if override:
        return override
    from platformdirs import user_cache_dir

    return user_cache_dir("briefcli", appauthor=False)


def answer_path(resolved: list[str]) -> str:
    """The answer file for a list of resolved dataset paths."""
    from .sealed import digest

    key = digest("\0".join(resolved).encode("utf-8", "surrogateescape")).hex()[:24]
    stem = "".join(c if c.isalnum() or c in "._-" else "_" for c in os.path.basename(resolved[0]))
    return os.path.join(cache_dir(), "answers", f"{stem[:40]}-{len(resolved)}-{key}")
