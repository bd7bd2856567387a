"""Commands about time: next, timeline, brief."""

from __future__ import annotations

from datetime import date

import click

from . import completion
from .command import command
from .common import load_as_of, output
from .options import DAY, as_of_option, output_format


@command("next", "briefcli next --as-of 2018-03-01")
@as_of_option
@output_format()
@click.pass_context
def next_(ctx: click.Context, as_of: date | None, fmt: str | None, json_flag: bool) -> None:
    """The steps still ahead at the as-of date, in order, with how far off each is."""
    from .. import query, views

    data, day, note = load_as_of(ctx, as_of)
    ahead = query.next_steps(data, day)
    view = views.steps(ahead, note)
    view.meta = {"as_of": day.isoformat()}
    output(view, fmt, json_flag)


@command("timeline", "briefcli timeline --from 2018-01-01")
@click.option("--from", "start", type=DAY, metavar="DATE",
              help="Only items from this day on (YYYY-MM-DD or 'today').")
@click.option("--to", "end", type=DAY, metavar="DATE",
              help="Only items up to this day (YYYY-MM-DD or 'today').")
@click.option("--place", metavar="PLACE", shell_complete=completion.places,
              help="Only items at this place, or in a city or venue of it (an id or part of its "
              "name).")
@click.option("--chart", is_flag=True,
              help="Draw steps and events on a time axis: each promise as a band, each outcome "
              "as a mark, the as-of day as a line.")
@click.option("--ascii", "ascii_only", is_flag=True,
              help="With --chart: draw in ASCII characters only.")
@as_of_option
@output_format()
@click.pass_context
def timeline(ctx: click.Context, start: date | None, end: date | None, place: str | None,
             chart: bool, ascii_only: bool, as_of: date | None, fmt: str | None,
             json_flag: bool) -> None:
    """Every dated item (the sources, events, steps and outcomes) in order of time.

    With --chart, a picture of the process instead: the promised windows of the steps and the
    days of the events on one axis, each outcome as a mark, and the as-of day as a line.
    """
    from .. import query, views

    if start and end and end < start:
        raise click.BadParameter(f"{end} is before --from {start}", param_hint="'--to'")
    if chart or ascii_only:
        if place:
            raise click.UsageError("--chart draws every place; leave out --place")
        _chart(ctx, start, end, as_of, ascii_only, fmt, json_flag)
        return
    data = load_as_of(ctx, as_of)[0]
    where = query.one(data, "places", place, "--place") if place else None
    output(views.timeline(query.timeline(data, start, end, where=where)), fmt, json_flag)


def _chart(ctx, low, high, as_of, ascii_only, fmt, json_flag) -> None:
    """timeline --chart: the picture, as wide as the terminal (80 columns when piped)."""
    from rich.console import Group
    from rich.text import Text

    from ..chart import rows, terminal as drawing
    from ..console import terminal

    if json_flag or fmt not in (None, "table"):
        raise click.UsageError("--chart draws a picture; leave out --format and --json")
    data, day, note = load_as_of(ctx, as_of)
    chart = rows.chart_rows(data, day, low, high)
    picture = drawing.render(chart, terminal.out.width, ascii_only=ascii_only)
    terminal.show(Group(Text(f"Timeline chart. {note}", style="bold"), Text(""), picture))


@command("brief", "briefcli brief --as-of today")
@as_of_option
@output_format()
@click.pass_context
def brief(ctx: click.Context, as_of: date | None, fmt: str | None, json_flag: bool) -> None:
    """A one-screen briefing: summary, who's who, key quotes, next steps, sources."""
    from .. import query, views

    data, day, note = load_as_of(ctx, as_of)
    output(views.brief(query.brief(data, day), note), fmt, json_flag)
