"""Helpers for the extract tests: run briefcli through its real entry point, find articles."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefcli.cli.app import main

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
COMPACT = ROOT / "data" / "compact.yaml"
SEED = HERE / "articles" / "global-compact-2017-12-07.txt"
ALL_ARTICLES = sorted(
    p for folder in ("articles", "heldout") for p in (HERE / folder).iterdir() if p.suffix in (".txt", ".md")
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    """briefcli ARGS -> (exit code, stdout, stderr), through main(), the real error edge."""
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def beside(tmp_path: Path, article: Path) -> Path:
    """A copy of the article in tmp_path/sources/, so a draft in tmp_path can name it."""
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    copy = sources / article.name
    shutil.copyfile(article, copy)
    return copy


def check(paths: list[Path]):
    """Load and check files the way `briefcli validate` does, quotes verified word for word:
    (plain data or None, errors, warnings)."""
    from briefcli.load import check_all

    plain, problems, _ = check_all([str(p) for p in paths], verify=True)
    errors = [str(p) for p in problems if p.severity == "error"]
    warnings = [str(p) for p in problems if p.severity != "error"]
    return plain, errors, warnings


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    """No dataset from the environment, no colour: the same run everywhere."""
    for name in ("BRIEFCLI_DATA", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("BRIEFCLI_NO_CACHE", "1")
