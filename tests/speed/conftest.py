"""Fixtures for the speed work: an isolated cache, and generated datasets."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "data" / "compact.yaml"


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generate():
    return _generator()


@pytest.fixture(scope="session")
def generated(tmp_path_factory, generate) -> Path:
    """A generated dataset of 1,000 quotes (the benchmark's smallest)."""
    return generate.write(1000, tmp_path_factory.mktemp("q1000"))


@pytest.fixture(scope="session")
def small(tmp_path_factory, generate) -> Path:
    """A generated dataset of 300 quotes (311 with the shipped ones: two blocks of the cache's
    256 records), for the tests that read a dataset again many times."""
    return generate.write(300, tmp_path_factory.mktemp("q300"))


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch) -> Path:
    """Every test gets its own cache folder and no BRIEFCLI_* settings from outside."""
    for name in ("BRIEFCLI_DATA", "BRIEFCLI_NO_CACHE", "BRIEFCLI_MAX_BYTES", "BRIEFCLI_MAX_FILES"):
        monkeypatch.delenv(name, raising=False)
    cache = tmp_path / "cache"
    monkeypatch.setenv("BRIEFCLI_CACHE_DIR", str(cache))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return cache


@pytest.fixture
def run_json(capsys):
    """Run briefcli in this process with --json; return (exit code, parsed stdout, stderr)."""
    from briefcli.cli.app import main

    def run(*args: str):
        code = main([*args, "--json"])
        out, err = capsys.readouterr()
        return code, (json.loads(out) if out.strip() else None), err

    return run
