"""Commands about who said what: people, person, quotes, topics, sources, search."""

from __future__ import annotations

import click

from ..terms import QUOTE_KINDS
from . import completion
from .command import command
from .common import load_as_of, output
from .options import as_of_option, choice, output_format


@command("people", "briefcli people --format csv")
@as_of_option
@output_format()
@click.pass_context
def people(ctx: click.Context, as_of, fmt: str | None, json_flag: bool) -> None:
    """Everyone in the dataset, with their role and how many quotes they have."""
    from .. import query, views

    data = load_as_of(ctx, as_of)[0]
    output(views.people(query.people(data)), fmt, json_flag)


@command("person", "briefcli person lajcak")
@click.argument("name", metavar="NAME", shell_complete=completion.people,
          help="Any part of the name, or the id; case and accents ignored.")
@as_of_option
@output_format()
@click.pass_context
def person(ctx: click.Context, name: str, as_of, fmt: str | None, json_flag: bool) -> None:
    """One person's profile: roles, events and every quote."""
    from .. import query, views

    data = load_as_of(ctx, as_of)[0]
    found = query.person_by_name(data, name)
    record = query.profile(data, found)
    roles = [query.role_line(data, {"roles": [r]}) for r in found.get("roles", [])]
    output(views.profile(record, roles, data.name(found.get("country"))), fmt, json_flag)


@command("quotes", "briefcli quotes --speaker Arbour --kind direct")
@click.option("--speaker", metavar="NAME", shell_complete=completion.people,
              help="Any part of the speaker's name, or the id.")
@click.option("--topic", metavar="TOPIC", shell_complete=completion.topics,
              help="A topic id or part of its name (see briefcli topics).")
@click.option("--source", metavar="SOURCE", shell_complete=completion.sources,
              help="A source id or part of its title or publisher (see briefcli sources).")
@click.option("--event", metavar="EVENT", shell_complete=completion.events,
              help="An event id or part of its name.")
@click.option("--search", metavar="TEXT", help="Text in the quote or its context.")
@click.option("--kind", type=choice(QUOTE_KINDS), metavar="KIND",
              help="direct, partial or paraphrase.")
@as_of_option
@output_format()
@click.pass_context
def quotes(ctx: click.Context, speaker: str | None, topic: str | None, source: str | None,
           event: str | None, search: str | None, kind: str | None, as_of, fmt: str | None,
           json_flag: bool) -> None:
    """Quotes with speaker, date, kind and source, filtered as asked."""
    from .. import query, views

    data = load_as_of(ctx, as_of)[0]
    named = {
        name: query.one(data, collection, value, f"--{name}") if value else None
        for name, collection, value in (
            ("speaker", "people", speaker), ("topic", "topics", topic),
            ("source", "sources", source), ("event", "events", event),
        )
    }
    found = query.quotes(data, search=search, kind=kind, **named)
    empty = "No quotes match."
    who = named["speaker"]
    if who is not None and not data.records("quotes", speaker=who["id"]):
        empty = f"{who['name']} has no quotes in this dataset."
    output(views.quotes(found, empty=empty), fmt, json_flag)


@command("topics", "briefcli topics --format csv")
@as_of_option
@output_format()
@click.pass_context
def topics(ctx: click.Context, as_of, fmt: str | None, json_flag: bool) -> None:
    """Every topic, with how many quotes are about it (for quotes --topic)."""
    from .. import query, views

    output(views.topics(query.topics(load_as_of(ctx, as_of)[0])), fmt, json_flag)


@command("sources", "briefcli sources --json")
@as_of_option
@output_format()
@click.pass_context
def sources(ctx: click.Context, as_of, fmt: str | None, json_flag: bool) -> None:
    """Every source: publisher, date, title, address, whether its text is stored, and how many
    of its quotes were checked word for word against that text."""
    from .. import query, views

    output(views.sources(query.sources(load_as_of(ctx, as_of)[0])), fmt, json_flag)


@command("search", "briefcli search sovereignty")
@click.argument("text", metavar="TEXT", help="Text to find; case and accents ignored.")
@as_of_option
@output_format()
@click.pass_context
def search(ctx: click.Context, text: str, as_of, fmt: str | None, json_flag: bool) -> None:
    """Find text anywhere in the dataset: names, quotes, events, steps and sources."""
    from .. import query, views

    data = load_as_of(ctx, as_of)[0]
    output(views.search(query.search(data, text), text), fmt, json_flag)
