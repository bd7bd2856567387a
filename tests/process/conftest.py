"""The process tests share the fictional talks dataset (one file per source)."""

from __future__ import annotations

from pathlib import Path

import pytest

TALKS = Path(__file__).parent / "data" / "talks"


@pytest.fixture
def talks(cli):
    """talks("track", "--json") runs briefcli on the talks dataset."""

    def run(*args: str, width: int = 80):
        return cli("--data", str(TALKS), *args, width=width)

    return run
