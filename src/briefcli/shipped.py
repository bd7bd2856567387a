"""Where the dataset shipped with briefcli is."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def shipped_dataset() -> str:
    """The path of the shipped Global Compact dataset.

    In an installed wheel it is package data (``briefcli/data/compact.yaml``); in a source
    checkout installed in editable mode it is the repository's ``data/compact.yaml``.
    """
    packaged = resources.files("briefcli").joinpath("data", "compact.yaml")
    if packaged.is_file():
        return str(packaged)
    return str(Path(__file__).resolve().parents[2] / "data" / "compact.yaml")
