"""The tests' own reader of YAML, independent of briefcli's: PyYAML's safe loading through
libyaml (its C loader), which gives what ``yaml.safe_load`` gives in a tenth of the time; the
pure-Python loader where PyYAML was built without libyaml."""

from __future__ import annotations

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str):
    """The value of a YAML document, as ``yaml.safe_load`` reads it."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
