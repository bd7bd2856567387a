"""Commands about time: next, timeline, brief."""

# No "from __future__ import annotations" here: Typer would compile and evaluate every
# annotation string of every command at each start-up.

from typing import Annotated, Optional

import typer

from .common import load_as_of, output
from .options import AsOf, Format, Json, parse_day


def next_(ctx: typer.Context, as_of: AsOf = None, fmt: Format = None, json: Json = False) -> None:
    """The steps still ahead at the as-of date, in order, with how far off each is."""
    from .. import query, views

    data, day, note = load_as_of(ctx, as_of)
    ahead = query.next_steps(data, day)
    view = views.steps(ahead, note)
    view.meta = {"as_of": day.isoformat()}
    output(view, fmt, json)


def timeline(
    ctx: typer.Context,
    start: Annotated[
        Optional[str], typer.Option("--from", metavar="DATE", help="Only items from this day on.")
    ] = None,
    end: Annotated[
        Optional[str], typer.Option("--to", metavar="DATE", help="Only items up to this day.")
    ] = None,
    as_of: AsOf = None,
    fmt: Format = None,
    json: Json = False,
) -> None:
    """Every dated item (the sources, events, steps and outcomes) in order of time."""
    from .. import query, views

    low, high = parse_day(start), parse_day(end)
    if low and high and high < low:
        raise typer.BadParameter("--to is before --from")
    data = load_as_of(ctx, as_of)[0]
    output(views.timeline(query.timeline(data, low, high)), fmt, json)


def brief(ctx: typer.Context, as_of: AsOf = None, fmt: Format = None, json: Json = False) -> None:
    """A one-screen briefing: summary, who's who, key quotes, next steps, sources."""
    from .. import query, views

    data, day, note = load_as_of(ctx, as_of)
    output(views.brief(query.brief(data, day), note), fmt, json)
