"""Where the dataset shipped with briefcli is."""

from __future__ import annotations

import os


def shipped_dataset() -> str:
    """The path of the shipped Global Compact dataset.

    In an installed wheel it is package data (``briefcli/data/compact.yaml``); in a source
    checkout installed in editable mode it is the repository's ``data/compact.yaml``.
    """
    here = os.path.dirname(os.path.abspath(__file__))
    # Plain file checks first: importlib.resources costs more to import than a query.
    for candidate in (
        os.path.join(here, "data", "compact.yaml"),  # an installed wheel
        os.path.join(os.path.dirname(os.path.dirname(here)), "data", "compact.yaml"),  # a checkout
    ):
        if os.path.isfile(candidate):
            return candidate
    from importlib import resources

    return str(resources.files("briefcli").joinpath("data", "compact.yaml"))
