"""The export command: the whole briefing in a standard format, to stdout or a file."""

from __future__ import annotations

import click

from ..console import terminal
from ..export import EXPORTS
from .command import command
from .common import load_as_of, write_file
from .options import as_of_option, choice


@command("export", "briefcli export html -o briefing.html")
@click.argument("fmt", metavar="FORMAT", type=choice(EXPORTS),
          help="markdown (a briefing document), html (one self-contained page), "
          "ics (iCalendar), jsonld (schema.org JSON-LD) or timelinejs (TimelineJS3 JSON).")
@click.option("--output", "-o", metavar="FILE",
              help="Write to FILE (atomically: all or nothing) instead of stdout; '-' is stdout.")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
@as_of_option
@click.pass_context
def export(ctx: click.Context, fmt: str, output: str | None, force: bool, as_of) -> None:
    """The whole briefing in a standard format: for a memo, a page, a calendar or a script.

    Summary, who's who, every quote, timeline, next steps and sources. The as-of day decides,
    as it does for the next and brief commands, which steps are still ahead and which quotes
    were said.
    """
    from ..export import build

    data, day, note = load_as_of(ctx, as_of)
    text = build(fmt, data, day, note)
    if output is None or output == "-":
        terminal.write(text)
        return
    write_file(output, text, force=force)
