"""Fixtures for the export tests: run briefcli in-process on a chosen dataset."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "data" / "compact.yaml"
HERE = Path(__file__).parent
HOSTILE = HERE / "data" / "hostile.yaml"
EXPECTED = HERE / "expected"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium per test module, for the tests that draw the page (they skip
    without Chromium before asking for it). Not one per session: left open, an idle Chromium
    uses about 0.05 s of CPU a second."""
    from browser import Browser, find

    chromium = Browser(find(), tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


@pytest.fixture
def run(capsys, monkeypatch):
    """run(*args, data=SHIPPED) -> (exit code, stdout, stderr) of ``briefcli --data DATA args``."""
    from briefcli.cli.app import main

    monkeypatch.delenv("BRIEFCLI_DATA", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*args: str, data: Path = SHIPPED):
        capsys.readouterr()
        code = main(["--data", str(data), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def export(run):
    """export("ics", "--as-of", "2018-03-01", data=...) -> stdout; fails on a non-zero exit."""

    def invoke(fmt: str, *args: str, data: Path = SHIPPED) -> str:
        code, out, err = run("export", fmt, *args, data=data)
        assert code == 0, err
        assert err == ""
        return out

    return invoke


@pytest.fixture
def expected():
    """expected(name, actual) -> the text of tests/export/expected/NAME.

    Set BRIEFCLI_REGENERATE=1 to rewrite the file from the actual output (then read the diff).
    """

    def read(name: str, actual: str) -> str:
        path = EXPECTED / name
        if os.environ.get("BRIEFCLI_REGENERATE") == "1":
            path.write_bytes(actual.encode("utf-8"))
        return path.read_bytes().decode("utf-8")

    return read
