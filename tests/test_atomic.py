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
