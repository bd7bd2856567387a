"""The complete briefing as a :class:`~briefcli.render.view.Document`, for Markdown and HTML.

Unlike ``brief`` (one screen), this holds everything: summary, who's who, every quote said by
the as-of day with speaker, date, kind and source, the whole timeline, the steps still ahead,
and the sources.
"""

from __future__ import annotations

from datetime import date

from .. import query, views
from ..render.view import Column, Document, Fields, Listing, Paragraph, Section
from .sentences import source_name

KINDS_NOTE = (
    "Kinds: direct is the speaker's words in full; partial is words quoted within the "
    "reporter's sentence; paraphrase is the source's account of what was said, not a quotation."
)


def _quote_columns(data) -> list:
    """Quotes as every listing shows them, the source by name, the speaker linked to them."""
    columns = views.quote_columns(source=lambda q: source_name(data.get(q["source"])))
    columns[0].link = lambda q: f"person-{q['speaker']}"
    return columns


def document(data, as_of: date, note: str, chart: bool = False) -> Document:
    """The briefing; with ``chart``, the timeline section opens with the time chart (a drawing
    only HTML can show, and its table)."""
    info = data.info
    said = query.quotes(data, said_by=as_of)
    counts: dict[str, int] = {}
    for quote in said:
        counts[quote["speaker"]] = counts.get(quote["speaker"], 0) + 1
    people = [
        {**p, "country_name": data.name(p.get("country")), "quotes_said": counts.get(p["id"], 0)}
        for p in query.people(data)
    ]
    who = Listing(
        "people",
        people,
        [
            Column("Name", lambda p: p["name"]),
            Column("Role", lambda p: [r["title"] for r in p.get("roles", [])], wide=True),
            Column("Country", lambda p: p["country_name"]),
            Column("Quotes", lambda p: str(p["quotes_said"])),
        ],
        empty="No people in this dataset.",
        anchor=lambda p: f"person-{p['id']}",
    )
    quotes = Listing(
        "quotes",
        said,
        _quote_columns(data),
        empty=f"No quotes said by {as_of.isoformat()}.",
        layout="cards",
        anchor=lambda q: f"quote-{q['id']}",
    )
    timeline = views.timeline(query.timeline(data))
    timeline.title = None
    timeline.anchor = lambda i: f"timeline-{i['type']}-{i['id']}"
    drawing = []
    if chart:
        from ..chart.figure import blocks

        drawing = blocks(data, as_of)
    ahead = views.steps(query.next_steps(data, as_of), note)
    ahead.title = None
    sources = views.sources(query.sources(data))
    sources.title = None
    facts = Fields([("Process", info["process"]), ("Dataset current to", info["as_of"])])
    return Document(
        "export",
        info["title"],
        {"as_of": as_of.isoformat()},
        [
            Section("Summary", [facts, Paragraph(info["summary"])]),
            Section("Who's who", [who]),
            Section(
                f"Quotes ({len(said)})",
                [quotes, Paragraph(KINDS_NOTE, "note")] if said else [quotes],
            ),
            Section("Timeline", [*drawing, timeline]),
            Section("What comes next", [ahead]),
            Section("Sources", [sources]),
        ],
        subtitle=note,
    )
