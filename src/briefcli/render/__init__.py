"""The one registry of output formats.

``FORMATS`` maps a ``--format`` name to the module that renders it; each module has
``render(view, terminal)``. The ``--format`` choice is built from this registry, and a module is
imported only when its format is asked for.
"""

from __future__ import annotations

from importlib import import_module

from ..errors import UsageProblem

FORMATS = {
    "table": "briefcli.render.table",
    "json": "briefcli.render.jsonout",
    "csv": "briefcli.render.csvout",
    "markdown": "briefcli.render.markdown",
}


class FormatError(UsageProblem):
    """The format cannot show this kind of result."""


def render(view, fmt: str, terminal) -> None:
    import_module(FORMATS[fmt]).render(view, terminal)
