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
    chart: Annotated[
        bool,
        typer.Option(
            "--chart",
            help="Draw steps and events on a time axis: each promise as a band, each outcome "
            "as a mark, the as-of day as a line.",
        ),
    ] = False,
    ascii_only: Annotated[
        bool, typer.Option("--ascii", help="With --chart: draw in ASCII characters only.")
    ] = False,
    as_of: AsOf = None,
    fmt: Format = None,
    json: Json = False,
) -> None:
    """Every dated item (the sources, events, steps and outcomes) in order of time.

    With --chart, a picture of the process instead: the promised windows of the steps and the
    days of the events on one axis, each outcome as a mark, and the as-of day as a line.
    """
    from .. import query, views

    low, high = parse_day(start), parse_day(end)
    if low and high and high < low:
        raise typer.BadParameter("--to is before --from")
    if chart or ascii_only:
        _chart(ctx, low, high, as_of, ascii_only, fmt, json)
        return
    data = load_as_of(ctx, as_of)[0]
    output(views.timeline(query.timeline(data, low, high)), fmt, json)


def _chart(ctx, low, high, as_of, ascii_only, fmt, json) -> None:
    """timeline --chart: the picture, as wide as the terminal (80 columns when piped)."""
    from rich.console import Group
    from rich.text import Text

    from ..chart import rows, terminal as drawing
    from ..console import terminal

    if json or (fmt is not None and fmt.value != "table"):
        raise typer.BadParameter("--chart draws a picture; leave out --format and --json")
    data, day, note = load_as_of(ctx, as_of)
    chart = rows.chart_rows(data, day, low, high)
    out = terminal.out
    picture = drawing.render(chart, out.width, ascii_only=ascii_only)
    out.print(Group(Text(f"Timeline chart. {note}", style="bold"), Text(""), picture))


def brief(ctx: typer.Context, as_of: AsOf = None, fmt: Format = None, json: Json = False) -> None:
    """A one-screen briefing: summary, who's who, key quotes, next steps, sources."""
    from .. import query, views

    data, day, note = load_as_of(ctx, as_of)
    output(views.brief(query.brief(data, day), note), fmt, json)
