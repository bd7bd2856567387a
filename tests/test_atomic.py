"""Atomic file writing: the old file or the whole new one, never a part, never a stray temp."""

from __future__ import annotations

import errno
import os

import pytest

from briefcli import atomic


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def test_writes_a_new_file_with_the_usual_mode(tmp_path):
    target = tmp_path / "out.txt"
    atomic.write_text(str(target), "line\r\nné\n")
    assert target.read_bytes() == "line\r\nné\n".encode("utf-8")
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask()
    assert leftovers(tmp_path) == []


def test_refuses_an_existing_file_without_force(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(atomic.TargetExists) as caught:
        atomic.write_text(str(target), "new")
    assert str(caught.value) == f"{target} already exists; give --force to replace it"
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_force_replaces_and_keeps_the_mode(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    atomic.write_text(str(target), "new", force=True)
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failure", [RuntimeError("disk on fire"), KeyboardInterrupt()])
@pytest.mark.parametrize("existing", [None, "old"])
def test_a_writer_failing_midway_leaves_no_partial_file(tmp_path, failure, existing):
    target = tmp_path / "out.txt"
    if existing:
        target.write_text(existing)
    with pytest.raises(type(failure)):
        with atomic.open_atomic(str(target), force=True) as handle:
            handle.write(b"half of the ")
            raise failure
    assert (target.read_text() if target.exists() else None) == existing
    assert leftovers(tmp_path) == []


def test_a_failing_fsync_leaves_no_file(tmp_path, monkeypatch):
    def broken(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        atomic.write_text(str(tmp_path / "out.txt"), "text")
    assert list(tmp_path.iterdir()) == []


def test_a_file_appearing_meanwhile_is_not_clobbered(tmp_path):
    target = tmp_path / "out.txt"
    with pytest.raises(atomic.TargetExists):
        with atomic.open_atomic(str(target)) as handle:
            handle.write(b"ours")
            target.write_text("theirs")  # another program took the name while we wrote
    assert target.read_text() == "theirs"
    assert leftovers(tmp_path) == []


def test_without_hard_links_it_still_refuses_and_still_writes(tmp_path, monkeypatch):
    def no_links(source, target):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.txt"
    atomic.write_text(str(target), "first")
    assert target.read_text() == "first"
    other = tmp_path / "other.txt"
    with pytest.raises(atomic.TargetExists):
        with atomic.open_atomic(str(other)) as handle:
            handle.write(b"ours")
            other.write_text("theirs")
    assert (target.read_text(), other.read_text()) == ("first", "theirs")
    assert leftovers(tmp_path) == []


def test_a_folder_is_not_a_target(tmp_path):
    with pytest.raises(IsADirectoryError):
        atomic.write_text(str(tmp_path), "text", force=True)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic.write_text(str(tmp_path / "no" / "out.txt"), "text")


# --- what is not a regular file is never swapped for one ---------------------------------------


def _fifo(path):
    os.mkfifo(path)


def _socket(path):
    import socket

    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    return sock


def _symlink_to_file(path):
    (path.parent / "real.txt").write_text("real")
    path.symlink_to(path.parent / "real.txt")


def _dangling_symlink(path):
    path.symlink_to(path.parent / "nowhere.txt")


@pytest.mark.parametrize(
    "make, kind",
    [(_fifo, "a FIFO"), (_socket, "a socket"), (_symlink_to_file, "a symbolic link"),
     (_dangling_symlink, "a symbolic link")],
)
@pytest.mark.parametrize("force", [False, True])
def test_refuses_what_is_not_a_regular_file(tmp_path, make, kind, force):
    target = tmp_path / "out.txt"
    keep = make(target)
    before = sorted((p.name, p.lstat().st_mode) for p in tmp_path.iterdir())
    with pytest.raises(atomic.NotRegularFile) as caught:
        atomic.write_text(str(target), "new", force=force)
    assert str(caught.value) == (
        f"{target} is {kind}, not a regular file; briefcli writes only regular files"
    )
    assert sorted((p.name, p.lstat().st_mode) for p in tmp_path.iterdir()) == before
    if (tmp_path / "real.txt").exists():
        assert (tmp_path / "real.txt").read_text() == "real"
    del keep


def test_refuses_a_device(tmp_path):
    # A device of our own (the null device's numbers), never the system's /dev/null.
    import stat

    target = tmp_path / "null"
    try:
        os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device needs root")
    with pytest.raises(atomic.NotRegularFile) as caught:
        atomic.write_text(str(target), "new", force=True)
    assert caught.value.kind == "a character device"
    assert target.is_char_device()
    assert leftovers(tmp_path) == []


def test_a_target_turned_into_a_fifo_meanwhile_is_not_replaced(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(atomic.NotRegularFile):
        with atomic.open_atomic(str(target), force=True) as handle:
            handle.write(b"new")
            target.unlink()
            os.mkfifo(target)
    assert target.is_fifo()
    assert leftovers(tmp_path) == []


# --- temporary files: named for their writer, removed when it is gone --------------------------


def _dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporary_files_of_dead_writers_are_removed(tmp_path):
    target = tmp_path / "out.txt"
    host = atomic._host()
    dead = tmp_path / f".out.txt.{host}.{_dead_pid()}.0123abcd.tmp"
    alive = tmp_path / f".out.txt.{host}.{os.getppid()}.0123abcd.tmp"  # a live process
    other_host = tmp_path / f".out.txt.ffffffff.{_dead_pid()}.0123abcd.tmp"
    other_name = tmp_path / f".other.txt.{host}.{_dead_pid()}.0123abcd.tmp"
    for path in (dead, alive, other_host, other_name):
        path.write_text("half")
    atomic.write_text(str(target), "new")
    assert target.read_text() == "new"
    assert leftovers(tmp_path) == sorted(p.name for p in (alive, other_host, other_name))


def test_the_temporary_file_names_its_writer(tmp_path):
    with atomic.open_atomic(str(tmp_path / "out.txt")) as handle:
        handle.write(b"x")
        (name,) = leftovers(tmp_path)
    assert name.startswith(f".out.txt.{atomic._host()}.{os.getpid()}.")
    assert leftovers(tmp_path) == []


# --- signals: a writer held just before its rename, then signalled -----------------------------

WRITER = """
import sys
from briefcli import atomic
with atomic.open_atomic(sys.argv[1], force=True) as handle:
    handle.write(b"new " * 100000)
"""


def held_writer(target, *command):
    """A writer of ``target`` stopped, by the test hook, once its temporary file is full."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        list(command) or [sys.executable, "-c", WRITER, str(target)],
        stderr=subprocess.PIPE,
        env={**os.environ, atomic.HOLD: "1", "BRIEFCLI_NO_CACHE": "1"},
    )
    line = proc.stderr.readline().decode()
    assert line.startswith("briefcli-test: holding "), line + proc.stderr.read().decode()
    temporary = line.removeprefix("briefcli-test: holding ").strip()
    assert os.path.exists(temporary)
    return proc, temporary


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_while_writing_leaves_no_temporary_file(tmp_path, name):
    import signal

    target = tmp_path / "out.txt"
    target.write_text("old")
    proc, temporary = held_writer(target)
    proc.send_signal(getattr(signal, name))
    proc.wait(timeout=60)
    err = proc.stderr.read().decode()
    # Ends by the signal itself, as it would have without us (Python's KeyboardInterrupt does
    # the same when nothing catches it, after its traceback).
    assert proc.returncode == -getattr(signal, name)
    assert err.rstrip().endswith("KeyboardInterrupt") if name == "SIGINT" else err == ""
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_an_ignored_signal_stays_ignored(tmp_path):
    import signal

    target = tmp_path / "out.txt"
    script = "import signal; signal.signal(signal.SIGHUP, signal.SIG_IGN)\n" + WRITER
    import sys

    proc, temporary = held_writer(target, sys.executable, "-c", script, str(target))
    proc.send_signal(signal.SIGHUP)  # ignored, as under nohup: still held
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGTERM
    assert not target.exists() and leftovers(tmp_path) == []


def test_after_an_uncatchable_kill_the_next_write_cleans_up(tmp_path):
    import signal

    target = tmp_path / "out.txt"
    proc, temporary = held_writer(target)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert leftovers(tmp_path) == [os.path.basename(temporary)]
    atomic.write_text(str(target), "next")
    assert target.read_text() == "next"
    assert leftovers(tmp_path) == []
