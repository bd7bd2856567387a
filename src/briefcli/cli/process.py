"""Commands for following a process over time: track, changes."""

from __future__ import annotations

from datetime import date

import click

from .command import command
from .common import load_as_of, output
from .options import as_of_option, output_format


@command("track", "briefcli track --as-of 2018-03-01")
@as_of_option
@output_format()
@click.pass_context
def track(ctx: click.Context, as_of: date | None, fmt: str | None, json_flag: bool) -> None:
    """Plan against outcome: each step's promise as first worded, every slip, what happened,
    and a verdict (done on time, early or late, dropped, postponed, overdue, not yet due)."""
    from .. import processviews, tracking

    data, day, note = load_as_of(ctx, as_of)
    output(processviews.track(tracking.track(data, day), note), fmt, json_flag)


@command("changes", "briefcli changes --since 2w")
@click.option("--since", required=True, metavar="DATE",
              help="Show what was learned after this day (YYYY-MM-DD), or in this many days (7d) "
              "or weeks (2w) up to the as-of day.")
@as_of_option
@output_format()
@click.pass_context
def changes(ctx: click.Context, since: str, as_of: date | None, fmt: str | None,
            json_flag: bool) -> None:
    """What the dataset learned between two days: new sources, people and roles, quotes,
    events, steps, and the steps whose date, status or outcome changed."""
    from .. import processviews
    from ..changes import changes as learned, since_day

    data, day, note = load_as_of(ctx, as_of)
    start = since_day(since, day)
    output(processviews.changes(learned(data, start, day), note), fmt, json_flag)
