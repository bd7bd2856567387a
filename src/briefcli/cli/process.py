"""Commands for following a process over time: track, changes."""

# No "from __future__ import annotations" here: Typer would compile and evaluate every
# annotation string of every command at each start-up.

from typing import Annotated

import typer

from .common import load_as_of, output
from .options import AsOf, Format, Json


def track(ctx: typer.Context, as_of: AsOf = None, fmt: Format = None, json: Json = False) -> None:
    """Plan against outcome: each step's promise as first worded, every slip, what happened,
    and a verdict (done on time, early or late, dropped, postponed, overdue, not yet due)."""
    from .. import processviews, tracking

    data, day, note = load_as_of(ctx, as_of)
    output(processviews.track(tracking.track(data, day), note), fmt, json)


def changes(
    ctx: typer.Context,
    since: Annotated[
        str,
        typer.Option(
            "--since",
            metavar="DATE|7d|2w",
            help="Show what was learned after this day, or in this many days (d) or weeks (w) "
            "up to the as-of day.",
            show_default=False,
        ),
    ],
    as_of: AsOf = None,
    fmt: Format = None,
    json: Json = False,
) -> None:
    """What the dataset learned between two days: new sources, people and roles, quotes,
    events, steps, and the steps whose date, status or outcome changed."""
    from .. import processviews
    from ..changes import changes as learned, since_day

    data, day, note = load_as_of(ctx, as_of)
    start = since_day(since, day)
    output(processviews.changes(learned(data, start, day), note), fmt, json)
