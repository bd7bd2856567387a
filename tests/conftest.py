"""Shared fixtures: run briefcli in-process with colour off and a fixed width."""

from __future__ import annotations

import os
import signal

import pytest
from click.testing import CliRunner

from briefcli.cli.app import main

from locations import EXPECTED, SCHEMA

# A suite started in the background by a script (`cmd &`) has SIGINT ignored, and under nohup
# SIGHUP, and an ignored signal stays ignored in every process started from here: the tests that
# interrupt a briefcli process would wait for an exit that never comes. Each test worker takes
# the dispositions of a suite run at a terminal, which its children then start with.
for _name in ("SIGINT", "SIGHUP", "SIGTERM"):
    if signal.getsignal(getattr(signal, _name)) is signal.SIG_IGN:
        signal.signal(getattr(signal, _name),
                      signal.default_int_handler if _name == "SIGINT" else signal.SIG_DFL)


def pytest_collection_modifyitems(items):
    """The slow tests first (in their own order, the rest in theirs): started last, one of them
    would keep a test worker busy alone at the end while the other waits."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in ("BRIEFCLI_DATA", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BRIEFCLI_NO_CACHE", "1")


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory):
    """A cache folder for briefcli processes that tests start (one per test worker).

    Tests that run briefcli as a separate process on unchanged datasets point it here instead of
    turning the cache off, so only the first run per dataset reads the YAML, as for a user. Tests
    of the cache itself use a folder of their own (tests/speed).
    """
    return str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def check_jsonschema():
    """check_jsonschema(*files) -> Click's Result (exit_code, output) of check-jsonschema, the
    test extra's independent validator, checking FILES against the committed JSON Schema. Run
    through its own command line in this process: installed is enough, on PATH or not."""
    validator = pytest.importorskip("check_jsonschema.cli", reason="check-jsonschema is in the test extra")

    def run(*files: str):
        return CliRunner().invoke(validator.main, ["--schemafile", str(SCHEMA), *map(str, files)])

    return run


@pytest.fixture
def cli():
    """cli("people", "--json") -> Result with exit_code, stdout, stderr, run in-process
    through briefcli's own entry point (so with its error handling)."""
    runner = CliRunner()

    def run(*args: str, width: int = 80, env: dict | None = None):
        environ = {"NO_COLOR": "1", "COLUMNS": str(width), "TERM": "dumb", **(env or {})}
        with runner.isolation(env=environ) as (out, err, _):
            code = main(list(args))
        return Result(code, out.getvalue().decode(), err.getvalue().decode())

    return run


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.output = stdout + stderr
        self.exception = None  # main() turns every exception into a message and exit code

    def __repr__(self) -> str:
        return f"Result(exit_code={self.exit_code}, stderr={self.stderr!r})"


@pytest.fixture
def expected():
    """expected("people-80") -> the text of tests/expected/people-80.txt.

    Set BRIEFCLI_REGENERATE=1 to rewrite the files from the current output (then read the diff).
    """

    def read(name: str, actual: str) -> str:
        path = EXPECTED / f"{name}.txt"
        if os.environ.get("BRIEFCLI_REGENERATE") == "1":
            path.write_text(actual, encoding="utf-8")
        return path.read_text(encoding="utf-8")

    return read
