"""Writing a file so that readers see the old file or the whole new one, never a part.

The bytes go to a temporary file in the target's own folder (so the final rename stays on one
file system), are flushed and fsynced, and only then take the target's name. Should anything fail
or be interrupted before that, the temporary file is removed and the target is untouched:

* an exception, Ctrl-C (SIGINT), SIGTERM or SIGHUP while writing removes the temporary file;
  a signal then takes its usual course (the process ends by that signal, or its own handler
  runs), as git does;
* a kill that cannot be caught (SIGKILL, a power cut) leaves the temporary file behind. Its
  name carries the writer's host and process id (``.out.html.<host>.<pid>.<random>.tmp``), and
  the next write to the same target removes those whose process is gone.

Only a regular file is ever replaced. A folder, a symbolic link, a device, a FIFO or a socket
at the target's name raises :class:`NotRegularFile` (rather than being swapped for a regular
file), with or without ``force``. An existing regular file is replaced only when asked
(``force=True``); otherwise :class:`TargetExists` is raised. Without ``force`` the new file is
put in place with a hard link, which the operating system refuses if the name was taken in the
meantime, so no check-then-write race can clobber a file; where hard links are not supported it
falls back to a check just before the rename.

:func:`open_atomic` gives a file object to write; :func:`write_bytes` and :func:`write_text`
write a whole file at once.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import re
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

# A test hook: when set, the writer says "briefcli-test: holding PATH" on stderr once the data
# is in the temporary file, and waits there for a signal, so a test can interrupt it knowing
# exactly where it is, without guessing with a delay.
HOLD = "BRIEFCLI_TEST_HOLD_WRITE"
SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")


class TargetExists(Exception):
    """The file to write already exists and replacing it was not asked for."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def __str__(self) -> str:
        return f"{self.path} already exists; give --force to replace it"


class NotRegularFile(Exception):
    """The name to write is taken by something that is not a regular file."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(path, kind)
        self.path = path
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.path} is {self.kind}, not a regular file; briefcli writes only regular files"


class Signalled(KeyboardInterrupt):
    """A termination signal arrived while a file was being written."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    kinds = [
        (stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
    ]
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _check_target(path: str) -> bool:
    """Whether ``path`` exists; raises NotRegularFile if it is anything but a regular file."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    kind = _kind(mode)
    if kind == "a folder":
        raise IsADirectoryError(errno.EISDIR, "is a folder", path)
    if kind is not None:
        raise NotRegularFile(path, kind)
    return True


@functools.cache
def _host() -> str:
    """This machine, in a temporary file's name: another host's process ids mean nothing here."""
    if hasattr(os, "uname"):  # (the socket module takes longer to import than a write takes)
        name = os.uname().nodename
    else:
        import socket

        name = socket.gethostname()
    return hashlib.sha256(name.encode("utf-8", "replace")).hexdigest()[:8]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but is not ours to signal
        return True
    return True


def remove_stale(path: str) -> list[str]:
    """Remove the temporary files an earlier writer of ``path`` on this host left when it was
    killed (its process is gone); returns what was removed."""
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    pattern = re.compile(rf"\.{re.escape(name)}\.{_host()}\.(\d+)\.[0-9a-f]{{8}}\.tmp")
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if found and int(found.group(1)) != os.getpid() and not _alive(int(found.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(entry.path)
    return removed


def _temporary(folder: str, name: str) -> tuple[str, int]:
    """A new hidden file beside the target, created with the usual mode (0666 less umask)."""
    for _ in range(100):
        tag = f"{_host()}.{os.getpid()}.{os.urandom(4).hex()}"
        path = os.path.join(folder, f".{name}.{tag}.tmp")
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
        if _check_target(path):  # checked again: it may have changed while we wrote
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
def _signals_raise() -> Iterator[None]:
    """While the block runs, SIGTERM, SIGHUP and SIGINT raise :class:`Signalled` (an ignored
    signal stays ignored); the handlers before are put back afterwards."""
    import signal

    def handler(signum, frame):
        raise Signalled(signum)

    previous = {}
    try:
        for name in SIGNALS:
            signum = getattr(signal, name, None)
            if signum is None:
                continue
            current = signal.getsignal(signum)
            if current is signal.SIG_IGN or current is signal.default_int_handler:
                continue  # ignored stays ignored; Python's Ctrl-C already raises
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread: signals are not ours to handle
        pass
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def _hold(temporary: str) -> None:
    if not os.environ.get(HOLD):
        return
    from .stages import wait_for_signal

    sys.stderr.write(f"briefcli-test: holding {temporary}\n")
    sys.stderr.flush()
    wait_for_signal()


@contextlib.contextmanager
def _writing(path: str, force: bool) -> Iterator[tuple[str, int]]:
    path = os.fspath(path)
    if _check_target(path) and not force:
        raise TargetExists(path)  # fail before doing any work; checked again at the end
    folder = os.path.dirname(os.path.abspath(path))
    remove_stale(path)
    try:
        with _signals_raise():
            temporary, fd = _temporary(folder, os.path.basename(path))
            try:
                yield temporary, fd
                _hold(temporary)
                _put_in_place(temporary, path, force)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
    except Signalled as exc:
        # Cleaned up: now the signal does what it would have done, as the handler before ours
        # is back (by default the process ends by that signal). A handler that returns leaves
        # this exception, a KeyboardInterrupt: the command line's "interrupted", exit 130.
        os.kill(os.getpid(), exc.signum)
        raise
    _sync_folder(folder)


@contextlib.contextmanager
def open_atomic(path: str, force: bool = False) -> Iterator[BinaryIO]:
    """A binary file to write; it becomes ``path`` only if the block ends without error."""
    with _writing(path, force) as (_, fd), os.fdopen(fd, "wb") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def write_bytes(path: str, data: bytes, force: bool = False) -> None:
    with open_atomic(path, force) as handle:
        handle.write(data)


def write_text(path: str, text: str, force: bool = False) -> None:
    """``text`` as UTF-8, line endings kept exactly as given (iCalendar needs its CRLF)."""
    write_bytes(path, text.encode("utf-8"), force)
