"""The README's tour shows real output: every `$ briefcli ...` example is run and compared."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from locations import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def examples() -> list[tuple[str, str]]:
    """(command, expected output) for each `$ ` line in the README's text blocks."""
    found = []
    for block in re.findall(r"```text\n(.*?)```", README, flags=re.S):
        parts = re.split(r"^\$ (.*)$", block, flags=re.M)
        for command, output in zip(parts[1::2], parts[2::2]):
            found.append((command, output.strip("\n") + "\n"))
    return found


EXAMPLES = examples()


def test_the_readme_has_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("command, output", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_prints_what_it_shows(command, output, tmp_path, shared_cache, monkeypatch):
    env = {"COLUMNS": "100", "NO_COLOR": "1", "BRIEFCLI_CACHE_DIR": shared_cache,
           "HOME": str(tmp_path)}
    if "|" in command:  # a pipeline: as the shell runs it
        if "| jq" in command and shutil.which("jq") is None:
            pytest.skip("jq is not installed")
        bin_dir = str(Path(sys.executable).parent)
        env["PATH"] = f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}"
        done = subprocess.run(["bash", "-c", command + " 2>&1"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        printed = done.stdout
    else:
        # one command: through briefcli's entry point in this process, as the other CLI tests
        # run it (a separate process costs 0.2 s of CPU; tests/speed and test_wheel start
        # real ones), stdout and stderr in one stream as `2>&1` gives them
        from briefcli.cli.app import main

        words = shlex.split(command)
        assert words[0] == "briefcli", command
        monkeypatch.chdir(ROOT)
        with CliRunner().isolation(env={**env, "TERM": None}) as (_, _, both):
            main(words[1:])
        printed = both.getvalue().decode("utf-8")
    shown = "\n".join(line.rstrip() for line in printed.splitlines()) + "\n"
    assert shown == output
