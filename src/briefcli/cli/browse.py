"""Commands about who said what: people, person, quotes, search."""

# No "from __future__ import annotations" here: Typer would compile and evaluate every
# annotation string of every command at each start-up.

from enum import Enum
from typing import Annotated, Optional

import typer

from .common import load_as_of, output
from .options import AsOf, Format, Json


class Kind(str, Enum):
    direct = "direct"
    partial = "partial"
    paraphrase = "paraphrase"


def people(ctx: typer.Context, as_of: AsOf = None, fmt: Format = None, json: Json = False) -> None:
    """Everyone in the dataset, with their role and how many quotes they have."""
    from .. import query, views

    data = load_as_of(ctx, as_of)[0]
    output(views.people(query.people(data)), fmt, json)


def person(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Any part of the name; case and accents ignored.")],
    as_of: AsOf = None,
    fmt: Format = None,
    json: Json = False,
) -> None:
    """One person's profile: roles, events and every quote."""
    from .. import query, views

    data = load_as_of(ctx, as_of)[0]
    found = query.person_by_name(data, name)
    record = query.profile(data, found)
    roles = [query.role_line(data, {"roles": [r]}) for r in found.get("roles", [])]
    output(views.profile(record, roles, data.name(found.get("country"))), fmt, json)


def quotes(
    ctx: typer.Context,
    speaker: Annotated[
        Optional[str], typer.Option(help="Any part of the speaker's name.", metavar="NAME")
    ] = None,
    topic: Annotated[
        Optional[str], typer.Option(help="A topic id or part of its name.", metavar="TOPIC")
    ] = None,
    search: Annotated[
        Optional[str], typer.Option(help="Text in the quote or its context.", metavar="TEXT")
    ] = None,
    kind: Annotated[Optional[Kind], typer.Option(help="direct, partial or paraphrase.")] = None,
    as_of: AsOf = None,
    fmt: Format = None,
    json: Json = False,
) -> None:
    """Quotes with speaker, date, kind and source, filtered as asked."""
    from .. import query, views

    data = load_as_of(ctx, as_of)[0]
    who = query.person_by_name(data, speaker) if speaker else None
    found = query.quotes(
        data, speaker=who, topic=topic, search=search, kind=kind.value if kind else None
    )
    empty = "No quotes match."
    if who is not None and not data.records("quotes", speaker=who["id"]):
        empty = f"{who['name']} has no quotes in this dataset."
    output(views.quotes(found, empty=empty), fmt, json)


def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Text to find; case and accents ignored.")],
    as_of: AsOf = None,
    fmt: Format = None,
    json: Json = False,
) -> None:
    """Find text across people, quotes, events and steps."""
    from .. import query, views

    data = load_as_of(ctx, as_of)[0]
    output(views.search(query.search(data, text), text), fmt, json)
