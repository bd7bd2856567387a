"""A progress bar on stderr for slow loads at a terminal; nothing otherwise."""

from __future__ import annotations

import io
import subprocess
import sys

from rich.console import Console

from briefcli.cli import progress
from briefcli.console import Terminal


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def fake_stderr(monkeypatch) -> FakeTerminal:
    """stderr as a terminal, with briefcli's error console writing into it. (Set inside the
    test: pytest puts its own stderr back when a test starts.)"""
    fake = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", fake)
    console = Console(file=fake, force_terminal=True, width=80)
    monkeypatch.setattr(Terminal, "err", property(lambda self: console))
    return fake


def test_no_color_means_no_progress_bar(monkeypatch, generated):
    # A bar redraws itself with escape codes; NO_COLOR promises none.
    stderr = fake_stderr(monkeypatch)
    monkeypatch.setattr(progress, "SLOW_BYTES", 1000)
    with progress.loading([str(generated)]) as step:
        step("Saving the cache")
        step.advance(5, 10)
    assert stderr.getvalue() == ""


def test_a_slow_load_at_a_terminal_shows_progress(monkeypatch, generated):
    monkeypatch.delenv("NO_COLOR")
    stderr = fake_stderr(monkeypatch)
    monkeypatch.setattr(progress, "SLOW_BYTES", 1000)
    with progress.loading([str(generated)]) as step:
        step("Saving the cache")
        step.advance(5, 10)
    shown = stderr.getvalue()
    assert "Reading the dataset" in shown or "Saving the cache" in shown
    assert "\x1b[" in shown  # drawn by Rich, on the terminal


def test_the_bar_leaves_room_for_the_terminals_ctrl_c(monkeypatch, generated):
    """The terminal echoes "^C" where the cursor is: after a bar as wide as the screen it would
    wrap, and clearing the bar would clear the new line and leave the bar on the screen."""
    import re

    monkeypatch.delenv("NO_COLOR")
    stderr = fake_stderr(monkeypatch)
    monkeypatch.setattr(progress, "SLOW_BYTES", 1000)
    with progress.loading([str(generated)]) as step:
        step.advance(5, 10)
        step("Checking references and quotes")
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", stderr.getvalue())
    lines = [line for line in re.split(r"[\r\n]", drawn) if line.strip()]
    assert lines and any("Reading the dataset" in line for line in lines)
    assert max(map(len, lines)) <= 80 - progress.ROOM


def test_a_quick_load_shows_nothing(monkeypatch, generated):
    stderr = fake_stderr(monkeypatch)
    with progress.loading([str(generated)]) as step:  # 0.5 MB: under a second
        step("Saving the cache")
    assert stderr.getvalue() == ""


def test_no_progress_when_stderr_is_not_a_terminal(generated, tmp_path):
    """A real run with stderr to a pipe, on a dataset big enough to show progress at a terminal."""
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys; from briefcli.cli import progress; progress.SLOW_BYTES = 1000\n"
         "from briefcli.cli.app import main; sys.exit(main(sys.argv[1:]))",
         "--data", str(generated), "people", "--json"],
        capture_output=True, text=True,
    )
    assert done.returncode == 0
    assert done.stderr == ""
