"""Shell completion: the scripts, and what briefcli answers when the shell asks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from locations import DATA, ROOT

MINIMAL = ROOT / "tests" / "data" / "valid" / "minimal.yaml"


def complete(words: str, cword: int, cache, env: dict | None = None) -> list[str]:
    """What briefcli answers bash for the words typed so far (Click's protocol: type,value),
    with its cache in the folder ``cache``.

    Asked in this process, through the entry point the script calls, with no BRIEFCLI_ setting
    from outside; test_the_bash_script_registers_itself runs the real script in bash."""
    from click.testing import CliRunner

    from briefcli.cli.app import main

    environ = {**{name: None for name in os.environ if name.startswith("BRIEFCLI_")},
               "XDG_CACHE_HOME": str(cache), "_BRIEFCLI_COMPLETE": "bash_complete",
               "COMP_WORDS": words, "COMP_CWORD": str(cword), **(env or {})}
    with CliRunner().isolation(env=environ) as (out, err, _):
        code = main([])
    assert code == 0 and err.getvalue() == b"", err.getvalue()
    return [line for line in out.getvalue().decode().splitlines() if line]


def people(cli, *data: str) -> list[dict]:
    args = [a for path in data for a in ("--data", path)]
    return json.loads(cli(*args, "people", "--json").stdout)


def test_commands(tmp_path):
    assert complete("briefcli pe", 1, tmp_path) == ["plain,people", "plain,person"]


def test_options_of_the_command_and_the_global_ones(tmp_path):
    got = complete("briefcli people --", 2, tmp_path)
    assert got == ["plain," + o for o in
                   ("--as-of", "--format", "--json", "--help", "--data", "--no-cache", "--no-pager", "--debug")]


def test_choices(tmp_path):
    assert complete("briefcli quotes --kind p", 3, tmp_path) == ["plain,partial", "plain,paraphrase"]
    assert complete("briefcli export i", 2, tmp_path) == ["plain,ics"]


def test_person_ids_from_the_dataset_in_use(cli, shared_cache):
    expected = [p["id"] for p in people(cli, str(DATA))
                if p["id"].startswith("l") or any(w.lower().startswith("l") for w in p["name"].split())]
    assert len(expected) >= 2
    assert complete("briefcli person l", 2, shared_cache) == ["plain," + i for i in expected]
    # The speaker option offers the same people.
    assert complete("briefcli quotes --speaker l", 3, shared_cache) == ["plain," + i for i in expected]


@pytest.mark.parametrize("where", ["before", "after"])
def test_ids_come_from_the_data_named_on_the_line(cli, shared_cache, where):
    ids = [p["id"] for p in people(cli, str(MINIMAL))]
    words = (f"briefcli --data {MINIMAL} person " if where == "before"
             else f"briefcli person --data {MINIMAL} ")
    assert complete(words, 4, shared_cache) == ["plain," + i for i in ids]


def test_unreadable_data_completes_nothing_quietly(tmp_path):
    assert complete(f"briefcli --data {tmp_path}/missing.yaml person ", 4, tmp_path) == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script(cli, shell):
    result = cli("completion", shell)
    assert result.exit_code == 0
    assert f"_BRIEFCLI_COMPLETE={shell}_complete" in result.stdout.replace('"', "")


def test_the_bash_script_registers_itself(tmp_path):
    shell = (f'eval "$({sys.executable} -m briefcli completion bash)"; complete -p briefcli')
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=60,
                            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    assert result.stdout.strip() == "complete -o nosort -F _briefcli_completion briefcli"


@pytest.mark.parametrize("collection, words", [
    ("topics", "briefcli quotes --topic "),
    ("sources", "briefcli quotes --source "),
    ("events", "briefcli quotes --event "),
    ("places", "briefcli timeline --place "),
])
def test_name_options_offer_the_ids_of_their_collection(collection, words, shared_cache):
    from briefcli import dataset

    records = dataset.open([str(DATA)], no_cache=True).records(collection)
    assert len(records) >= 1
    assert complete(words, 3, shared_cache) == ["plain," + r["id"] for r in records]


def test_name_options_complete_by_a_word_of_the_name(shared_cache):
    # "Stocktaking meeting on the Global Compact ..." by its first word, and places by a word
    assert complete("briefcli quotes --event stock", 3, shared_cache) == ["plain,stocktaking-meeting"]
    assert complete("briefcli quotes --source un", 3, shared_cache) == ["plain,un-news-2017-12-07"]
    assert complete("briefcli timeline --place moro", 3, shared_cache) == ["plain,morocco"]


@pytest.mark.parametrize("option", ["--install-completion", "--show-completion"])
def test_typers_completion_options_point_to_the_command(cli, option):
    """Typer's completion options are not briefcli's: the usage error names the command that is."""
    result = cli(option)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"briefcli: No such option '{option}'. Shell completion: "
                             "'briefcli completion bash|zsh|fish' prints the script.\n")
    other = cli("--installcompletion")
    assert other.exit_code == 2 and "briefcli completion" not in other.stderr
