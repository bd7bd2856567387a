"""Failures are quiet and safe: internal errors, Ctrl-C, closed pipes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from . import cases

ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1", "BRIEFCLI_NO_CACHE": "1"}
BROKEN = (
    "import briefcli.query as q\n"
    "def boom(data):\n"
    "    secret = 'local-value-that-must-not-show'\n"
    "    raise RuntimeError('boom ' + secret)\n"
    "q.people = boom\n"
    "from briefcli.cli.app import main\n"
    "import sys\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def test_internal_error_is_one_line_without_locals():
    result = subprocess.run([sys.executable, "-c", BROKEN, "people"], capture_output=True,
                            text=True, env=ENV, timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "briefcli: internal error: RuntimeError; run again with --debug for details\n"
    )


def test_debug_shows_the_traceback():
    result = subprocess.run([sys.executable, "-c", BROKEN, "--debug", "people"],
                            capture_output=True, text=True, env=ENV, timeout=60)
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: boom" in result.stderr


def test_ctrl_c_exits_130_quietly(tmp_path):
    # a dataset big enough that loading it takes a while
    quotes = "".join(
        f"  - id: q{i}\n    speaker: ortiz\n    kind: paraphrase\n    text: words {i}\n"
        f"    source: article\n"
        for i in range(60_000)
    )
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_text("x", encoding="utf-8")
    data = cases.write(tmp_path, "slow.yaml", cases.BASE.replace("steps:\n", quotes + "steps:\n"))
    process = subprocess.Popen([sys.executable, "-m", "briefcli", "--data", str(data), "people"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert out == b""
    assert err == b"briefcli: interrupted\n"


def test_closed_pipe_ends_without_traceback(tmp_path):
    shell = f"{sys.executable} -m briefcli quotes | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True,
                            text=True, env=ENV, timeout=60, cwd=tmp_path)
    assert result.stdout == "Quotes\n"
    assert result.stderr == ""
    assert result.returncode == 0
