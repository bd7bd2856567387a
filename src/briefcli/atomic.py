"""Writing a file so that readers see the old file or the whole new one, never a part.

The bytes go to a temporary file in the target's own folder (so the final rename stays on one
file system), are flushed and fsynced, and only then take the target's name. Should anything fail
or be interrupted before that, the temporary file is removed and the target is untouched.

An existing target is replaced only when asked (``force=True``); otherwise :class:`TargetExists`
is raised. Without ``force`` the new file is put in place with a hard link, which the operating
system refuses if the name was taken in the meantime, so no check-then-write race can clobber a
file; where hard links are not supported it falls back to a check just before the rename.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from typing import BinaryIO


class TargetExists(Exception):
    """The file to write already exists and replacing it was not asked for."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def __str__(self) -> str:
        return f"{self.path} already exists; give --force to replace it"


def _temporary(folder: str, name: str) -> tuple[str, int]:
    """A new hidden file beside the target, created with the usual mode (0666 less umask)."""
    for _ in range(100):
        path = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            return path, os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", folder)


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; not every system lets a folder be opened, so best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _put_in_place(temporary: str, path: str, force: bool) -> None:
    if force:
        with contextlib.suppress(OSError):
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)  # keep a replaced file's mode
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise TargetExists(path) from None
    except OSError:  # no hard links here (some network or FUSE file systems)
        if os.path.lexists(path):
            raise TargetExists(path) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


@contextlib.contextmanager
def open_atomic(path: str, force: bool = False) -> Iterator[BinaryIO]:
    """A binary file to write; it becomes ``path`` only if the block ends without error."""
    path = os.fspath(path)
    if os.path.isdir(path):
        raise IsADirectoryError(errno.EISDIR, "is a folder", path)
    if not force and os.path.lexists(path):
        raise TargetExists(path)  # fail before doing any work; checked again at the end
    folder = os.path.dirname(os.path.abspath(path))
    temporary, fd = _temporary(folder, os.path.basename(path))
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _put_in_place(temporary, path, force)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def write_bytes(path: str, data: bytes, force: bool = False) -> None:
    with open_atomic(path, force) as handle:
        handle.write(data)


def write_text(path: str, text: str, force: bool = False) -> None:
    """``text`` as UTF-8, line endings kept exactly as given (iCalendar needs its CRLF)."""
    write_bytes(path, text.encode("utf-8"), force)
