"""The command line as a whole: version, help, conventions, the entry points."""

import subprocess
import sys

import pytest

from briefcli import __version__

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


def run_module(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "briefcli", *args],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "BRIEFCLI_NO_CACHE": "1"},
        timeout=60,
        **kwargs,
    )


def test_python_dash_m(tmp_path):
    result = run_module("people", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"id": "arbour"' in result.stdout


def test_piped_output_has_no_escape_codes(tmp_path):
    result = run_module("brief", cwd=tmp_path)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout


def test_closed_pipe_is_quiet(tmp_path):
    shell = f"{sys.executable} -m briefcli quotes | head -1"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, cwd=tmp_path,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "BRIEFCLI_NO_CACHE": "1"}, timeout=60,
    )
    assert result.stdout.strip() == "Quotes"
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
