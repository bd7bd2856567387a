"""Work on two cores: a large file's later pieces, or the files an edit changed, read by a
helper process; or an answer's indexes sorted by one.

:func:`each` gives ``work(item)`` for every item, in order. When it is worth it (:func:`can_share`
says so for the machine), the items from about half way on go to a helper forked from this
process, which has everything it needs already: the text, the pieces, the imported code. The
helper writes each result (marshal, so plain values only) to an unnamed temporary file, then
one byte on a pipe to say a piece is done; it never waits for this process. This process works
through the first half meanwhile, then reads what the helper wrote. :func:`beside` gives the
helper all the items while this process does other work (:func:`can_overlap`).

With a :class:`Split`, the helper's work is cut in two: this process does the first half of
each item (as parsing a file) and hands its value over, while the helper makes itself ready (as
importing what validates it); the helper then does the second half.

Nothing is lost if the helper fails: the pieces it did not finish are read here. An interrupt
ends both (the helper takes Ctrl-C as a plain process does, and this one ends the helper on its
way out), and the helper writes nothing but its results: no output, no cache.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import NamedTuple

SHARE_BYTES = 4_000_000  # a smaller file reads in under a second or so: not worth a process
# The most items a Split hands over: each takes a byte on a pipe, read by the helper as it goes;
# far fewer than a pipe holds, so that handing never waits on a helper that waits to tell.
SPLIT_MOST = 4096


def cores() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_share(size: int, count: int) -> bool:
    """Whether ``count`` pieces of a text of ``size`` characters are worth a helper: on Linux
    only, where it is tested (macOS has fork too, but forking a process with threads, as a
    progress bar's, is unsafe there with some system libraries), with two CPUs to use."""
    return (count > 1 and size >= SHARE_BYTES and sys.platform.startswith("linux")
            and cores() > 1)


def can_overlap() -> bool:
    """Whether a helper may work beside this process (see :func:`beside`): as for
    :func:`can_share`, on Linux with two CPUs to use, whatever the size."""
    return sys.platform.startswith("linux") and cores() > 1


def resident() -> int:
    """This process's resident size in bytes (0 where /proc does not say)."""
    try:
        with open("/proc/self/statm", "rb") as status:
            return int(status.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class Split(NamedTuple):
    """An item's work cut in two for :func:`beside`: ``first(item)`` here, its value (plain,
    for marshal; None: nothing done) handed to the helper, which runs ``ready()`` meanwhile and
    then ``then(item, value)``, or the whole work where the value is None."""

    first: Callable
    then: Callable
    ready: Callable


def beside(here, items: list, work, share: bool = False, split: Split | None = None):
    """``(here(), [work(item) for item in items])``, or None as soon as an item gives None.
    With ``share``, a helper process works through the items while this one runs ``here``;
    what it did not finish is done here afterwards. With ``split`` (see :class:`Split`), this
    process first does each item's first half for the helper, then runs ``here`` (not for
    more than :data:`SPLIT_MOST` items: then the helper does the whole work)."""
    if len(items) > SPLIT_MOST:
        split = None
    helper = _Helper.start(items, work, split) if share and items else None
    try:
        if helper is not None:
            from ..stages import checkpoint

            checkpoint("shared")
            if split is not None:
                for item in items:
                    helper.hand(split.first(item))
        mine = here()
        results: list = []
        if helper is not None:
            helper.finished(wait=True)
            results = helper.results()
        return mine, _rest(items, results, work)
    except _Failed:
        return None
    finally:
        if helper is not None:
            helper.close()


class _Failed(Exception):
    """An item gave None."""


def _rest(items: list, results: list, work, done=None, sizes=()) -> list:
    """``results`` (the helper's, a first part of the items') completed here, in order; raises
    :class:`_Failed` when one of them is None."""
    if any(result is None for result in results):
        raise _Failed
    for n in range(len(results), len(items)):
        result = work(items[n])
        if result is None:
            raise _Failed
        results.append(result)
        if done is not None:
            done(sizes[n])
    return results


def each(items: list, work, sizes: list[int], done=None, share: bool = False) -> list | None:
    """``work(item)`` for each of ``items`` in order, or None as soon as one gives None;
    ``done(size)`` is told each finished item's size from ``sizes``. With ``share``, the
    items after about half of the sizes' sum are given to a helper process."""
    done = done or (lambda size: None)
    split = _half(sizes) if share else len(items)
    helper = _Helper.start(items[split:], work) if split < len(items) else None
    if helper is None:
        split = len(items)
    results: list = []
    try:
        if helper is not None:
            from ..stages import checkpoint

            checkpoint("shared")
        for item, size in zip(items[:split], sizes):
            result = work(item)
            if result is None:
                return None
            results.append(result)
            done(size)
            if helper is not None:
                for n in helper.finished(wait=False):
                    done(sizes[split + n])
        if helper is not None:
            for n in helper.finished(wait=True):
                done(sizes[split + n])
            results.extend(helper.results())
        return _rest(items, results, work, done, sizes)  # the helper's rest, if it failed
    except _Failed:
        return None
    finally:
        if helper is not None:
            helper.close()


def _half(sizes: list[int]) -> int:
    """The first item past half of the sizes' sum (at least one item each side)."""
    total, so_far = sum(sizes), 0
    for n, size in enumerate(sizes):
        if so_far * 2 >= total:
            return max(1, min(n, len(sizes) - 1))
        so_far += size
    return len(sizes) - 1


class _Helper:
    """A forked process that works through ``items``: each result goes to ``self._file`` as a
    length and its marshal bytes, then one byte goes on the pipe ``self._told``. Values handed
    to it (:meth:`hand`) go the same way the other way, through ``self._given`` and the pipe
    ``self._give``."""

    def __init__(self, pid: int, files: list, told: int, count: int, give: int | None) -> None:
        self._pid, self._file, self._told, self._count = pid, files[0], told, count
        self._given, self._give = (files[1] if len(files) > 1 else None), give
        self._seen = 0

    @classmethod
    def start(cls, items: list, work, split: Split | None = None) -> _Helper | None:
        import tempfile
        import warnings

        files: list = []
        pipes: list[int] = []
        try:
            for _ in range(2 if split is not None else 1):
                files.append(tempfile.TemporaryFile())
                pipes.extend(os.pipe())
            with warnings.catch_warnings():
                # Python 3.12 and later warn about fork in a process with threads (a progress
                # bar's); the helper touches none of what they hold
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
        except OSError:  # nowhere to write, or no process: everything is done here
            for fd in pipes:
                os.close(fd)
            for file in files:
                file.close()
            return None
        if pid == 0:  # the helper
            handed = None
            if split is not None:
                os.close(pipes[3])
                handed = (split, files[1].fileno(), pipes[2])
            _work_through(items, work, files[0].fileno(), pipes[1], handed)
        os.close(pipes[1])
        give = None
        if split is not None:
            os.close(pipes[2])
            give = pipes[3]
        return cls(pid, files, pipes[0], len(items), give)

    def hand(self, value) -> None:
        """Hand the helper the value of the next item's first half (None if there is none)."""
        import marshal

        try:
            data = marshal.dumps(value)
        except ValueError:  # not a plain value: the helper does the whole work
            data = marshal.dumps(None)
        try:
            _write(self._given.fileno(), len(data).to_bytes(8, "little") + data)
            _write(self._give, b"\0")
        except OSError:  # (the helper ended: what it did not finish is done here)
            pass

    def finished(self, wait: bool) -> range:
        """The numbers of the items finished since the last call; with ``wait``, all of them
        (until the helper ends)."""
        import select

        before = self._seen
        while self._told is not None and self._seen < self._count:
            if not wait and not select.select([self._told], [], [], 0)[0]:
                break
            try:
                got = os.read(self._told, 4096)
            except InterruptedError:
                continue
            if not got:  # the helper ended
                os.close(self._told)
                self._told = None
                break
            self._seen += len(got)
        return range(before, min(self._seen, self._count))

    def results(self) -> list:
        """What the helper finished, in order: all its items, or fewer if it failed."""
        import marshal

        os.waitpid(self._pid, 0)
        self._pid = None
        file = self._file
        file.seek(0)
        results: list = []
        while len(results) < self._seen:  # (a piece is written whole before it is told)
            length = int.from_bytes(file.read(8), "little")
            results.append(marshal.loads(file.read(length)))
            if results[-1] is None:
                break
        return results

    def close(self) -> None:
        import signal

        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(self._pid, 0)
            self._pid = None
        for fd in (self._told, self._give):
            if fd is not None:
                os.close(fd)
        self._told = self._give = None
        self._file.close()
        if self._given is not None:
            self._given.close()


def _work_through(items: list, work, out: int, told: int, handed: tuple | None) -> None:
    """The helper's whole life: never returns. ``handed``: the :class:`Split`, and the file
    and the pipe its values come through."""
    import marshal
    import signal

    code = 1
    try:
        for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGPIPE"):
            signal.signal(getattr(signal, name), signal.SIG_DFL)  # ended as a plain process is
        if handed is not None:
            split, given, give = handed
            split.ready()
        at = 0  # where the next handed value is
        for item in items:
            if handed is None:
                result = work(item)
            else:
                if not os.read(give, 1):  # (a value is written whole before it is told)
                    os._exit(1)  # this process's parent is gone
                length = int.from_bytes(os.pread(given, 8, at), "little")
                value = marshal.loads(os.pread(given, length, at + 8))
                at += 8 + length
                result = work(item) if value is None else split.then(item, value)
                del value
            data = marshal.dumps(result)
            _write(out, len(data).to_bytes(8, "little") + data)
            _write(told, b"\0")
            if result is None:
                break
        code = 0
    finally:
        os._exit(code)  # no exit handlers, no flushing of this process's copies of the streams


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
