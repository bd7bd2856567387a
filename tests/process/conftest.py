"""The process tests share the fictional talks dataset (one file per source)."""

from __future__ import annotations

import pytest

from locations import TALKS


@pytest.fixture
def talks(cli):
    """talks("track", "--json") runs briefcli on the talks dataset."""

    def run(*args: str, width: int = 80):
        return cli("--data", str(TALKS), *args, width=width)

    return run
