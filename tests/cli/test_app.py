"""The command line as a whole: version, help, conventions, the entry points."""

import json
import re
import subprocess
import sys

import pytest

from briefcli import __version__
from locations import ROOT

ARTICLES = ROOT / "examples" / "compact-by-article"
ARTICLES_DIR = str(ARTICLES)

COMMANDS = [
    "people", "person", "quotes", "next", "timeline", "brief", "search", "validate", "schema",
    "export", "extract",
]


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"briefcli {__version__}\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(cli, command):
    result = cli(command, "--help", width=120)
    assert result.exit_code == 0
    assert "Example: briefcli " + command in result.stdout


def test_top_level_help_lists_commands(cli):
    result = cli("--help", width=120)
    for command in COMMANDS:
        assert f" {command} " in result.stdout


def test_no_command_shows_the_help_on_stderr(cli):
    result = cli()
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == cli("--help").stdout


def test_unknown_command_is_usage_error(cli):
    result = cli("frobnicate")
    assert result.exit_code == 2


def test_data_from_environment(cli, tmp_path):
    missing = tmp_path / "none.yaml"
    result = cli("people", env={"BRIEFCLI_DATA": str(missing)})
    assert result.exit_code == 1
    assert result.stderr == f"{missing}: no such file\n"


def test_option_beats_environment(cli, tmp_path):
    from locations import DATA

    result = cli("--data", str(DATA), "people", "--json", env={"BRIEFCLI_DATA": "/nonexistent"})
    assert result.exit_code == 0


def run_module(*args, cache: str, env_extra=None, **kwargs):
    """``python -m briefcli ARGS``, piped, with its cache in the folder ``cache``."""
    return subprocess.run(
        [sys.executable, "-m", "briefcli", *args],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "BRIEFCLI_CACHE_DIR": cache,
             **(env_extra or {})},
        timeout=60,
        **kwargs,
    )


def test_python_dash_m(tmp_path, shared_cache):
    result = run_module("people", "--json", cache=shared_cache, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"id": "arbour"' in result.stdout


def test_piped_output_has_no_escape_codes(tmp_path, shared_cache):
    result = run_module("brief", cache=shared_cache, cwd=tmp_path)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout


# Global options before or after the command (#13.1)

def test_global_options_after_the_command(cli):
    from locations import DATA

    before = cli("--data", str(DATA), "--no-cache", "people", "--json")
    after = cli("people", "--json", "--data", str(DATA), "--no-cache")
    assert before.exit_code == after.exit_code == 0
    assert json.loads(after.stdout) == json.loads(before.stdout)


def test_a_glob_after_data_reads_every_file(cli):
    files = sorted(str(p) for p in ARTICLES.glob("*.yaml"))
    assert len(files) > 1
    together = cli("--data", ARTICLES_DIR, "people", "--json")
    for args in (["--data", *files, "people", "--json"], ["people", "--json", "--data", *files]):
        result = cli(*args)
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout) == json.loads(together.stdout)


def test_a_value_that_looks_like_a_global_option_stays_with_its_option(cli):
    result = cli("quotes", "--search", "--debug", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_an_unknown_command_after_data_is_still_named(cli):
    from locations import DATA

    result = cli("--data", str(DATA), "peple")
    assert result.exit_code == 2
    assert result.stderr == "briefcli: No such command 'peple'. Did you mean 'people'?\n"


# Wording of usage errors and help (#13.4, #12.5)

def test_choices_ignore_case(cli):
    lower = cli("quotes", "--kind", "direct", "--json")
    mixed = cli("quotes", "--kind", "Direct", "--format", "JSON")
    assert lower.exit_code == mixed.exit_code == 0
    assert json.loads(mixed.stdout) == json.loads(lower.stdout)
    assert {q["kind"] for q in json.loads(lower.stdout)} == {"direct"}


@pytest.mark.parametrize("args, message", [
    (["next", "--as-of", "2018-13-01"],
     "Invalid value for '--as-of': '2018-13-01' is not a day: use YYYY-MM-DD or 'today'"),
    (["timeline", "--from", "soon"],
     "Invalid value for '--from': 'soon' is not a day: use YYYY-MM-DD or 'today'"),
    (["quotes", "--kind", "quote"],
     "Invalid value for '--kind': 'quote' is not one of 'direct', 'partial', 'paraphrase'."),
    (["validate", "--format", "csv"],
     "Invalid value for '--format' / '-f': 'csv' is not one of 'table', 'json'."),
    (["people", "--json", "--format", "csv"], "--json and --format csv disagree; give one of them"),
    (["people", "--frmat", "csv"], "No such option '--frmat'. Did you mean '--format'?"),
])
def test_usage_errors_name_the_option_and_what_it_accepts(cli, args, message):
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr == f"briefcli: {message}\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_type_hints_and_one_metavar_style(cli, command):
    text = cli(command, "--help", width=120).stdout
    assert "<" not in text and "{" not in text, text
    metavars = re.findall(r"^  (?:-\w, )?--[a-z-]+ ([^ ,]+)", text, flags=re.MULTILINE)
    metavars += re.findall(r"^Usage: briefcli \w+ \[OPTIONS\] (.*)$", text, flags=re.MULTILINE)
    for metavar in metavars:
        assert re.fullmatch(r"[A-Z\[\]. ]+", metavar), metavar


def test_validate_help_lists_only_what_it_accepts(cli):
    text = cli("validate", "--help", width=120).stdout
    assert "table or json (default: table)" in text
    assert "csv" not in text and "markdown" not in text


def test_help_follows_columns(tmp_path):
    for width in (60, 120):
        text = run_module("--help", cache=str(tmp_path / "cache"), env_extra={"COLUMNS": str(width)},
                          cwd=tmp_path).stdout
        longest = max(len(line) for line in text.splitlines())
        assert width - 12 <= longest <= width, (width, longest)


# Piped output (#13.8)

def test_piped_output_has_no_trailing_spaces(cli):
    for command in ("people", "quotes", "brief", "next", "timeline"):
        for width in (40, 80, 120):
            lines = cli(command, width=width).stdout.splitlines()
            assert lines and not [line for line in lines if line != line.rstrip()], command


def test_people_at_40_columns_keeps_every_column(cli):
    wide = cli("people", width=120).stdout
    narrow = cli("people", width=40).stdout
    assert max(len(line) for line in narrow.splitlines()) <= 40
    assert "Quotes" in wide.splitlines()[1]
    # Too narrow for the table: the same records as cards, every value still there.
    people = json.loads(cli("people", "--json").stdout)
    words = " ".join(narrow.split())
    for person in people:
        kinds = ", ".join(f"{person[f'{kind}_count']} {kind}" for kind in
                          ("direct", "partial", "paraphrase") if person[f"{kind}_count"])
        assert f"{person['name']} · {kinds or 'none'}" in words
        assert person["role"] in words


@pytest.mark.parametrize("width", range(42, 161, 6))
def test_people_counts_are_whole_at_every_width(cli, width):
    """A table's counts by kind stay whole: on one line where the width allows it with the role
    still readable, one kind a line where it does not, never cut off."""
    out = cli("people", width=width).stdout
    lines = out.splitlines()
    assert max(map(len, lines)) <= width
    people = json.loads(cli("people", "--json").stdout)
    arbour = next(p for p in people if p["name"] == "Louise Arbour")
    kinds = [f"{arbour[f'{kind}_count']} {kind}" for kind in ("direct", "partial", "paraphrase")]
    assert kinds == ["1 direct", "1 partial", "3 paraphrase"]
    if lines[1].split() != ["Name", "Role", "Quotes"]:
        return  # cards, checked at 40 columns above
    first = next(n for n, line in enumerate(lines) if line.startswith(" Louise Arbour"))
    if ", ".join(kinds) in lines[first]:
        # one line: the role column kept its 20 columns
        assert lines[first].index("1 direct") - lines[first].index("Special") >= 20
    else:
        assert [line.split("   ")[-1].strip() for line in lines[first:first + 3]] == [
            "1 direct,", "1 partial,", "3 paraphrase"]
