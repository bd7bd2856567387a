"""The export command: the whole briefing in a standard format, to stdout or a file."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from ..console import terminal
from ..export import EXPORTS
from .common import load_as_of, write_file
from .options import AsOf

ExportName = Enum("ExportName", {name: name for name in EXPORTS}, type=str)


def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportName,
        typer.Argument(
            metavar="FORMAT",
            help="markdown (a briefing document), html (one self-contained page), "
            "ics (iCalendar), jsonld (schema.org JSON-LD) or timelinejs (TimelineJS3 JSON).",
            case_sensitive=False,
            show_default=False,
        ),
    ],
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE (atomically: all or nothing) instead of stdout; '-' is stdout.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists.")
    ] = False,
    as_of: AsOf = None,
) -> None:
    """The whole briefing in a standard format: for a memo, a page, a calendar or a script.

    Summary, who's who, every quote, timeline, next steps and sources. The as-of day decides,
    as it does for the next and brief commands, which steps are still ahead and which quotes
    were said.
    """
    from ..export import build

    data, day, note = load_as_of(ctx, as_of)
    text = build(fmt.value, data, day, note)
    if output is None or output == "-":
        terminal.write(text)
        return
    write_file(output, text, force=force)
