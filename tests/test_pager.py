"""The pager takes text as it is made: held only until it is known not to fit the screen."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from briefcli import pager

RECORDER = "import sys; open(sys.argv[1], 'w', encoding='utf-8').write(sys.stdin.read())"


class Screen(io.StringIO):
    """What a terminal would receive; it says it is one."""

    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def _pieces(events: list, count: int, lines: int = 3):
    for n in range(count):
        events.append(f"made {n}")
        yield "".join(f"piece {n} line {k}\n" for k in range(lines))


def _watched(monkeypatch, events: list) -> None:
    original = subprocess.Popen

    def started(*args, **kwargs):
        events.append("pager started")
        return original(*args, **kwargs)

    monkeypatch.setattr(pager.subprocess, "Popen", started)


def test_long_text_goes_to_the_pager_while_the_rest_is_made(tmp_path, monkeypatch):
    record = tmp_path / "paged.txt"
    monkeypatch.setenv("BRIEFCLI_PAGER", f"{sys.executable} -c \"{RECORDER}\" {record}")
    monkeypatch.setenv("LINES", "20")
    events: list = []
    _watched(monkeypatch, events)
    screen = Screen()
    left = pager.page(_pieces(events, 50), screen)
    assert list(left) == [] and screen.getvalue() == ""
    assert record.read_text(encoding="utf-8") == "".join(_pieces([], 50))
    # seven pieces of three lines are more than 20 lines: the pager starts, then the rest is made
    assert events.index("pager started") == 7
    assert events[-1] == "made 49"


def test_text_that_fits_is_left_to_write_and_no_pager_starts(monkeypatch):
    monkeypatch.setenv("BRIEFCLI_PAGER", "less")
    monkeypatch.setenv("LINES", "20")
    events: list = []
    _watched(monkeypatch, events)
    left = pager.page(_pieces(events, 6), Screen())
    assert list(left) == list(_pieces([], 6))
    assert "pager started" not in events


def test_a_pipe_gets_the_pieces_untouched_and_unmade(monkeypatch):
    events: list = []
    pieces = _pieces(events, 50)
    assert pager.page(pieces, io.StringIO()) is pieces
    assert events == []  # nothing is made before it is written


def test_quitting_the_pager_stops_the_making(tmp_path, monkeypatch):
    """A pager that reads a little and quits, as a person pressing q: the rest is not made."""
    monkeypatch.setenv("BRIEFCLI_PAGER", "head -c 100 > /dev/null")
    monkeypatch.setenv("LINES", "20")
    events: list = []
    assert list(pager.page(_pieces(events, 100_000), Screen())) == []
    made = [e for e in events if e.startswith("made")]
    assert len(made) < 100_000  # the pipe broke long before the end


def test_a_failure_while_the_text_is_made_ends_the_pager_too(tmp_path, monkeypatch):
    """The pager gets the end of its input, so it ends, and the failure goes on up."""
    record = tmp_path / "paged.txt"
    monkeypatch.setenv("BRIEFCLI_PAGER", f"{sys.executable} -c \"{RECORDER}\" {record}")
    monkeypatch.setenv("LINES", "20")

    def failing():
        yield from _pieces([], 10)
        raise RuntimeError("made badly")

    with pytest.raises(RuntimeError, match="made badly"):
        pager.page(failing(), Screen())
    assert record.read_text(encoding="utf-8") == "".join(_pieces([], 10))
