"""What a cache is keyed on: the code that built it, and the content of the files it read.

**Code.** :func:`code` is a digest of every ``.py`` file of the package (path, size, modification
and change times), the briefcli version and the Python runtime, so that a changed rule (a date
rule in ``fuzzydate.py``, a field in ``model.py``) is never answered from a cache an older rule
built. It takes a directory listing of the package, well under a millisecond.

**Files.** A file is known by the digest of its bytes, taken of exactly the bytes that were
read and parsed (so an editor saving during a load leaves a cache that is stale, never one
that is wrong). Hashing every file on every query would cost time on large files, so a *stat
key* (size, modification and change times in nanoseconds, inode, device) stands in for the
digest when it matches the one seen when the digest was taken. The change time (ctime) cannot
be set back by a user, so ``touch -r`` or a same-size edit with an old mtime is still seen. A
stat key taken less than :data:`RACY_NS` after the file last changed is not trusted (a second
write within the file system's timestamp granularity could leave it unchanged); the file is
hashed again next time, and its key trusted once it is old enough.
"""

from __future__ import annotations

import marshal
import os
import sys
import time

from .. import __version__

RACY_NS = 2_000_000_000

_code: str | None = None


def code() -> str:
    """A digest of briefcli's code and the Python runtime (computed once per process)."""
    global _code
    if _code is None:
        from .sealed import digest

        package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        parts: list = [__version__, sys.version, marshal.version, sys.implementation.cache_tag]
        stack = [package]
        while stack:
            folder = stack.pop()
            with os.scandir(folder) as listing:
                for entry in sorted(listing, key=lambda e: e.name):
                    if entry.is_dir() and not entry.name.startswith((".", "__pycache__")):
                        stack.append(entry.path)
                    elif entry.name.endswith(".py"):
                        info = entry.stat()
                        parts.append((entry.path, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
        _code = digest(marshal.dumps(parts)).hex()[:32]
    return _code


def stat_key(info: os.stat_result) -> tuple:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def trusted_key(info: os.stat_result, taken_ns: int) -> tuple | None:
    """The stat key to remember for a digest taken at ``taken_ns``, or None when the file had
    changed too recently for its stat to vouch for its content."""
    if max(info.st_mtime_ns, info.st_ctime_ns) > taken_ns - RACY_NS:
        return None
    return stat_key(info)


def now_ns() -> int:
    return time.time_ns()
