"""Failures are quiet and safe: internal errors, Ctrl-C, closed pipes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from . import cases

ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1", "BRIEFCLI_NO_CACHE": "1"}


def cached(cache: str) -> dict:
    """ENV with the cache on, in the folder ``cache``: for runs where the load is not the point."""
    return {**ENV, "BRIEFCLI_NO_CACHE": "0", "BRIEFCLI_CACHE_DIR": cache}
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


def test_internal_error_is_one_line_without_locals(shared_cache):
    result = subprocess.run([sys.executable, "-c", BROKEN, "people"], capture_output=True,
                            text=True, env=cached(shared_cache), timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "briefcli: internal error: RuntimeError; run again with --debug for details\n"
    )


def test_debug_shows_the_traceback(shared_cache):
    result = subprocess.run([sys.executable, "-c", BROKEN, "--debug", "people"],
                            capture_output=True, text=True, env=cached(shared_cache), timeout=60)
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: boom" in result.stderr


# Runs briefcli, but stops it at the moment a module named on the command line is first
# imported (pydantic: briefcli imports it only to validate a dataset it is loading) and says so
# on stderr; the test then sends Ctrl-C, so the signal lands at that point whatever the
# machine's speed. Everything around the held import is the real program.
HOLD = """
import importlib.abc, sys, time
target = sys.argv.pop(1)

class Hold(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target_=None):
        if name == target:
            sys.meta_path.remove(self)
            sys.stderr.write("held\\n")
            sys.stderr.flush()
            while True:
                time.sleep(0.01)
        return None

sys.meta_path.insert(0, Hold())
from briefcli.cli.app import main
raise SystemExit(main(sys.argv[1:]))
"""


def interrupted_at(module: str, args: list[str], env: dict) -> tuple[int, bytes, bytes]:
    """Run briefcli with ``args``, send SIGINT when it first imports ``module``."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, module, *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**ENV, **env})
    assert process.stderr.readline() == b"held\n"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def test_ctrl_c_during_a_load_exits_130_quietly(tmp_path):
    quotes = "".join(
        f"  - id: q{i}\n    speaker: ortiz\n    kind: paraphrase\n    text: words {i}\n"
        f"    source: article\n"
        for i in range(2_000)
    )
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_text("x", encoding="utf-8")
    data = cases.write(tmp_path, "slow.yaml", cases.BASE.replace("steps:\n", quotes + "steps:\n"))
    # the data comes from the environment: a --data option would be converted with pydantic's
    # help while the command line is parsed, before any loading
    code, out, err = interrupted_at("pydantic", ["people"], {"BRIEFCLI_DATA": str(data)})
    assert (code, out, err) == (130, b"", b"briefcli: interrupted\n")


def test_closed_pipe_ends_without_traceback(tmp_path, shared_cache):
    shell = f"{sys.executable} -m briefcli quotes | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True,
                            text=True, env=cached(shared_cache), timeout=60, cwd=tmp_path)
    assert result.stdout == "Quotes\n"
    assert result.stderr == ""
    assert result.returncode == 0
