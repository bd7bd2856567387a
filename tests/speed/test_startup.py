"""What a command imports: heavy modules only where they are needed.

Each check runs briefcli in a fresh interpreter and lists the modules it ended with; timings
belong to the benchmark (bench/run.py), not to tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import SHIPPED

HEAVY = ("yaml", "pydantic", "pydantic_core", "briefcli.model", "briefcli.load.yamlread",
         "briefcli.load.fastread")
PROBE = (
    "import json, sys\n"
    "from briefcli.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stdout.flush()\n"
    "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)\n"
)


def modules(*args: str) -> tuple[int, set[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFCLI_")}
    env["BRIEFCLI_CACHE_DIR"] = os.environ["BRIEFCLI_CACHE_DIR"]
    done = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True,
                          text=True, check=True)
    code, names = json.loads(done.stderr.strip().splitlines()[-1])
    return code, set(names)


def test_people_from_a_warm_cache_imports_neither_pydantic_nor_yaml():
    code, cold = modules("people")
    assert code == 0 and "pydantic" in cold  # the first load validates
    code, warm = modules("people")
    assert code == 0
    assert not warm & set(HEAVY), warm & set(HEAVY)
    assert "briefcli.cache.answer" in warm  # answered from the cache


def test_version_imports_not_even_click():
    code, names = modules("--version")
    assert code == 0
    assert not {n for n in names if n.split(".")[0] in ("typer", "rich", "click", "yaml", "pydantic")}


def test_a_command_imports_only_its_own_module():
    code, names = modules("people")
    assert code == 0
    assert "briefcli.cli.browse" in names
    others = {f"briefcli.cli.{m}" for m in ("schedule", "authoring", "export", "extract")}
    assert not names & others, names & others
    assert "typer" not in {n.split(".")[0] for n in names}


def test_version_and_help_import_nothing_heavy():
    for flag in ("--version", "--help"):
        code, names = modules(flag)
        assert code == 0
        heavy = names & {*HEAVY, "sqlite3", "rich.console", "rich.table", "briefcli.query",
                         "briefcli.cache.answer", "platformdirs"}
        assert not heavy, (flag, heavy)


def test_quotes_by_speaker_from_a_warm_cache_reads_no_yaml(capsys):
    from briefcli.cli.app import main

    args = ("--data", str(SHIPPED), "quotes", "--speaker", "Arbour")
    assert main(list(args)) == 0  # fills the cache (in this process: its imports are not checked)
    capsys.readouterr()
    code, warm = modules(*args)
    assert code == 0
    assert not warm & set(HEAVY), warm & set(HEAVY)
