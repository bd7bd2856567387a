"""Options that several commands share, defined once."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Optional

import typer

from ..render import FORMATS

FormatName = Enum("FormatName", {name: name for name in FORMATS}, type=str)


def parse_day(value: str | None) -> date | None:
    """A day for --as-of, --from and --to: YYYY-MM-DD or 'today'."""
    if value is None:
        return None
    if value.strip().lower() == "today":
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a day: use YYYY-MM-DD or 'today'") from None


Format = Annotated[
    Optional[FormatName],
    typer.Option(
        "--format",
        "-f",
        help="Output format (default: table).",
        case_sensitive=False,
        show_default=False,
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
AsOf = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Show what a reader knew on this day (YYYY-MM-DD or 'today'): later sources, "
        "quotes, roles and revisions are left out. Default: the dataset's own date.",
    ),
]
