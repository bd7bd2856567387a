"""Ctrl-C at any moment ends with exactly "briefcli: interrupted" on stderr and exit 130.

No test here waits a guessed time: briefcli says on stderr when it reaches a named stage
(BRIEFCLI_TELL_AT, or BRIEFCLI_PAUSE_AT to also wait there), and the test signals then.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile

import pytest

from locations import DATA, ROOT

MINIMAL = ROOT / "tests" / "data" / "valid" / "minimal.yaml"

ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1", "BRIEFCLI_NO_CACHE": "1"}
INTERRUPTED = b"briefcli: interrupted\n"


def interrupt_at(stage: str, args: list[str], pause: bool = True, command=None, env=None,
                 reached=None) -> tuple:
    """Start briefcli (with ``env`` added to its environment), wait until it says it reached
    ``stage``, call ``reached(process)`` if given, send SIGINT; return (exit code, stdout,
    stderr after the stage line)."""
    env = {**ENV, **(env or {}), ("BRIEFCLI_PAUSE_AT" if pause else "BRIEFCLI_TELL_AT"): stage}
    # stdout to a file, not a pipe: should the stage never come, the command runs to its end
    # and the test fails on the line below, rather than both waiting on a full pipe
    with tempfile.TemporaryFile() as stdout:
        process = subprocess.Popen(command or [sys.executable, "-m", "briefcli", *args],
                                   stdout=stdout, stderr=subprocess.PIPE, env=env)
        try:
            line = process.stderr.readline()
            assert line == f"briefcli: at {stage}\n".encode(), line
            if reached is not None:
                reached(process)
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=120)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        stdout.seek(0)
        return process.returncode, stdout.read(), err


@pytest.mark.parametrize("stage", ["start", "command"])
def test_ctrl_c_at_each_stage(stage):
    # "start" is the first thing main does: the handler is in place, nothing else imported
    # yet (as in the first milliseconds of a run).
    code, out, err = interrupt_at(stage, ["--data", str(DATA), "people"])
    assert (code, out, err) == (130, b"", INTERRUPTED)


def test_ctrl_c_while_the_entry_point_script_starts():
    # The console script imports briefcli.cli and calls main(): the same handler.
    script = ("import sys; from briefcli.cli import main; sys.argv[1:] = ['people']; "
              "raise SystemExit(main())")
    code, out, err = interrupt_at("start", [], command=[sys.executable, "-c", script])
    assert (code, out, err) == (130, b"", INTERRUPTED)


def test_ctrl_c_during_a_large_load(tmp_path):
    # 60,000 people (about 3 MB): a second or more of reading and validating after briefcli
    # says it starts to read, so the signal lands in the middle of the load.
    people = "".join(f"  - id: p{i}\n    name: Person {i}\n    source: article\n"
                     for i in range(60_000))
    data = tmp_path / "large.yaml"
    data.write_text(MINIMAL.read_text(encoding="utf-8").replace("people:\n", "people:\n" + people, 1),
                    encoding="utf-8")
    shutil.copytree(MINIMAL.parent / "sources", tmp_path / "sources")
    code, out, err = interrupt_at("load", ["--data", str(data), "people"], pause=False)
    assert (code, out, err) == (130, b"", INTERRUPTED)


def test_ctrl_c_while_a_helper_reads_ends_both(tmp_path):
    """Interrupted while its helper process reads the later pieces of a large file (with the
    cache on: the first query that fills it): the one message, and no helper left running."""
    from briefcli.dataset import helper

    if not (hasattr(os, "fork") and os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")):
        pytest.skip("needs fork, and /proc to list a process's children")
    people = "".join(f"  - id: p{i}\n    name: Person {i}\n    source: article\n"
                     for i in range(90_000))  # about 4.7 MB
    data = tmp_path / "large.yaml"
    data.write_text(MINIMAL.read_text(encoding="utf-8").replace("people:\n", "people:\n" + people, 1),
                    encoding="utf-8")
    assert data.stat().st_size > helper.SHARE_BYTES
    shutil.copytree(MINIMAL.parent / "sources", tmp_path / "sources")
    helpers = []

    def reached(process):
        with open(f"/proc/{process.pid}/task/{process.pid}/children", encoding="ascii") as kids:
            helpers.extend(map(int, kids.read().split()))

    code, out, err = interrupt_at("shared", ["--data", str(data), "people"], reached=reached,
                                  env={"BRIEFCLI_NO_CACHE": "0",
                                       "BRIEFCLI_CACHE_DIR": str(tmp_path / "cache")})
    assert (code, out, err) == (130, b"", INTERRUPTED)
    assert len(helpers) == 1
    try:
        os.kill(helpers[0], 0)
    except ProcessLookupError:
        pass
    else:
        raise AssertionError(f"the helper {helpers[0]} outlived briefcli")


SERIALISER = """
import os, signal, sys
from pydantic import BaseModel, field_serializer

class Record(BaseModel):
    x: int

    @field_serializer("x")
    def ctrl_c(self, value):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C arrives inside pydantic's serialiser
        return value

import briefcli.query as query

def people(data):
    Record(x=1).model_dump()
    return []

query.people = people
from briefcli.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_ctrl_c_inside_a_pydantic_serialiser():
    # pydantic turns the KeyboardInterrupt into a PydanticSerializationError.
    result = subprocess.run([sys.executable, "-c", SERIALISER, "--data", str(DATA), "people"],
                            capture_output=True, env=ENV, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (130, b"", INTERRUPTED)


def test_a_second_ctrl_c_while_cleaning_up_still_says_it_once():
    script = (
        "import os, signal, sys\n"
        "import briefcli.query as query\n"
        "def people(data):\n"
        "    try:\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    finally:\n"
        "        os.kill(os.getpid(), signal.SIGINT)  # impatient: again, during clean-up\n"
        "query.people = people\n"
        "from briefcli.cli import main\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script, "--data", str(DATA), "people"],
                            capture_output=True, env=ENV, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (130, b"", INTERRUPTED)
