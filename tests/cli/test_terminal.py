"""What briefcli writes to a real terminal (a pseudo-terminal here): colour, NO_COLOR, the pager."""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios

import pytest

SGR = re.compile(r"\x1b\[[0-9;]*m")
BASE = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm-256color"}
# A pager that records what it was given, so the test can read it back.
RECORDER = "import sys; open(sys.argv[1], 'w', encoding='utf-8').write(sys.stdin.read())"


@pytest.fixture(autouse=True)
def _cache(shared_cache, monkeypatch):
    """The shipped dataset read once per test worker, as a user's later runs read it."""
    monkeypatch.setitem(BASE, "BRIEFCLI_CACHE_DIR", shared_cache)


def at_terminal(args: list[str], env: dict, rows: int = 200, cols: int = 100) -> str:
    """Run briefcli with stdout on a terminal of rows x cols; what the terminal received."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "briefcli", *args], stdin=slave,
                               stdout=slave, stderr=subprocess.PIPE, env={**BASE, **env})
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.wait(timeout=120) == 0, process.stderr.read()
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def piped(args: list[str], env: dict | None = None) -> str:
    """briefcli's stdout through a pipe, at the width at_terminal gives."""
    result = subprocess.run([sys.executable, "-m", "briefcli", *args], capture_output=True,
                            text=True, env={**BASE, "COLUMNS": "100", **(env or {})},
                            timeout=120, check=True)
    return result.stdout


def plain(args: list[str]) -> str:
    """What ``piped`` gives, made in this process: the text the terminal's output is compared
    with (test_piped_output_is_never_paged runs the real pipe)."""
    from click.testing import CliRunner

    from briefcli.cli.app import main

    environ = {"COLUMNS": "100", "TERM": "xterm-256color", "NO_COLOR": None, "FORCE_COLOR": None,
               "BRIEFCLI_NO_CACHE": None, "BRIEFCLI_CACHE_DIR": BASE["BRIEFCLI_CACHE_DIR"]}
    with CliRunner().isolation(env=environ) as (out, _, _):
        assert main(list(args)) == 0
    return out.getvalue().decode("utf-8")


NEXT = ["next", "--as-of", "2018-09-01"]


def test_colour_at_a_terminal_and_overdue_steps_in_red():
    text = at_terminal(NEXT, {"BRIEFCLI_PAGER": "cat"})
    assert SGR.sub("", text) == plain(NEXT)
    # The overdue step's line is bold red ("\x1b[1;31m"); the piped text has no codes at all.
    line = next(line for line in text.splitlines() if "overdue by about 8 months" in line)
    assert "\x1b[1;31moverdue by about 8 months" in line


def test_no_color_at_a_terminal_means_no_escape_code_at_all():
    text = at_terminal(NEXT, {"BRIEFCLI_PAGER": "cat", "NO_COLOR": "1"})
    assert "\x1b" not in text
    assert text == plain(NEXT)


def test_long_output_at_a_terminal_goes_through_the_pager(tmp_path):
    record = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"{RECORDER}\" {record}"
    shown = at_terminal(["quotes"], {"BRIEFCLI_PAGER": pager, "NO_COLOR": "1"}, rows=20)
    assert shown == ""  # everything went to the pager, which wrote it to its file
    assert record.read_text(encoding="utf-8") == plain(["quotes"])


@pytest.mark.parametrize("how", ["--no-pager before", "--no-pager after", "short output"])
def test_no_pager_when_asked_or_when_it_fits(tmp_path, how):
    record = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"{RECORDER}\" {record}"
    args = {"--no-pager before": ["--no-pager", "quotes"], "--no-pager after": ["quotes", "--no-pager"],
            "short output": ["schema"]}[how]
    rows = 2000 if how == "short output" else 20
    shown = at_terminal(args, {"BRIEFCLI_PAGER": pager, "NO_COLOR": "1"}, rows=rows)
    assert not record.exists()
    assert shown == plain(args)


def test_piped_output_is_never_paged(tmp_path):
    record = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"{RECORDER}\" {record}"
    text = piped(["quotes"], {"BRIEFCLI_PAGER": pager})
    assert "Quotes" in text and not record.exists()
