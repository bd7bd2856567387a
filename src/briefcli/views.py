"""What each command shows of its records: columns, sections and headings.

These functions turn query results into :mod:`briefcli.render.view` objects. They decide the
presentation (which columns, in which order) but not the format.
"""

from __future__ import annotations

import re

from .render.view import Column, Document, Fields, Listing, Paragraph, Section, cell

_YEAR = re.compile(r"\b\d{4}\b")


def when_text(when: dict | None) -> str:
    """The source's wording; when it names no year, the machine bounds follow in brackets."""
    if not when:
        return ""
    if _YEAR.search(when["text"]):
        return when["text"]
    from .fuzzydate import from_dict  # rarely needed, and slow to import

    return f"{when['text']} ({from_dict(when).edtf})"


def people(records: list[dict]) -> Listing:
    return Listing(
        "people",
        records,
        [
            Column("Name", lambda p: p["name"]),
            Column("Role", lambda p: p["role"], wide=True),
            Column("Quotes", lambda p: str(p["quote_count"])),
        ],
        title="People",
        empty="No people in this dataset.",
    )


def quotes(records: list[dict], title: str = "Quotes", empty: str = "No quotes match.") -> Listing:
    return Listing(
        "quotes",
        records,
        [
            Column("Speaker", lambda q: q["speaker_name"]),
            Column("When", lambda q: when_text(q.get("when"))),
            Column("Kind", lambda q: q["kind"]),
            Column("Source", lambda q: q["source"]),
            Column("Quote", lambda q: q["text"], wide=True),
        ],
        title=title,
        empty=empty,
        layout="cards",
    )


def steps(records: list[dict], as_of_note: str) -> Listing:
    return Listing(
        "steps",
        records,
        [
            Column("When", lambda s: when_text(s["when"])),
            Column("How far off", lambda s: s["distance"]),
            Column("Status", lambda s: s["status"]),
            Column("Where", lambda s: s.get("where_name", "")),
            Column("By", lambda s: s.get("by_name", "")),
            Column("Next step", lambda s: s["what"], wide=True),
        ],
        title=f"Next steps. {as_of_note}",
        empty=f"No steps ahead. {as_of_note}.",
        layout="cards",
        tone=lambda s: s.get("state"),
    )


def timeline(records: list[dict]) -> Listing:
    return Listing(
        "timeline",
        records,
        [
            Column("When", lambda i: when_text(i["when"])),
            Column("Type", lambda i: i["type"]),
            Column("Where", lambda i: i.get("where_name", "")),
            Column("What", lambda i: i["name"], wide=True),
        ],
        title="Timeline",
        empty="Nothing dated in that range.",
        layout="cards",
    )


def search(records: list[dict], text: str) -> Listing:
    return Listing(
        "search",
        records,
        [
            Column("Type", lambda h: h["type"]),
            Column("Match", lambda h: h["title"], wide=True),
        ],
        title=f"Matches for {text!r}",
        empty=f"Nothing matches {text!r}.",
    )


def profile(record: dict, roles: list[str], country: str) -> Document:
    facts = [("Roles", cell(roles))]
    if record.get("honorific"):
        facts.insert(0, ("Honorific", record["honorific"]))
    if record.get("spellings"):
        facts.append(("Also written", cell(record["spellings"])))
    if country:
        facts.append(("Country", country))
    events = Listing(
        "events",
        record["events"],
        [
            Column("Event", lambda e: e["name"], wide=True),
            Column("When", lambda e: when_text(e.get("when"))),
            Column("Part", lambda e: e["part"]),
        ],
        empty="No events recorded.",
    )
    said = quotes(
        record["quotes"], title=None, empty=f"No quotes by {record['name']} in this dataset."
    )
    return Document(
        "person",
        record["name"],
        record,
        [
            Section("Profile", [Fields(facts)]),
            Section("Events", [events]),
            Section(f"Quotes ({record['quote_count']})", [said]),
        ],
    )


def brief(result: dict, as_of_note: str) -> Document:
    who = Listing(
        "people",
        result["people"],
        [Column("Who", lambda p: p["name"]), Column("Role", lambda p: p["role"], wide=True)],
        empty="No people in this dataset.",
    )
    key = [
        Paragraph(f"“{q['text']}” — {q['speaker_name']}, {when_text(q.get('when'))}", "quote")
        for q in result["key_quotes"]
    ] or [Paragraph("No full quotes yet.", "note")]
    ahead = steps(result["next_steps"], as_of_note)
    ahead.title = None
    sources = [
        Paragraph(
            f"{s['publisher']}, {when_text(s['published'])}: {s['title']}"
            + (f" <{s['url']}>" if s.get("url") else ""),
            "note",
        )
        for s in result["sources"]
    ]
    return Document(
        "brief",
        result["title"],
        result,
        [
            Section("Summary", [Paragraph(result["summary"]), *_summary_note(result)]),
            Section("Who's who", [who]),
            Section("Key quotes", key),
            Section("What comes next", [ahead]),
            Section("Sources", sources),
        ],
        subtitle=as_of_note,
    )


def _summary_note(result: dict) -> list[Paragraph]:
    """A note when the summary is of a later day than the briefing (no earlier one was given)."""
    later = result.get("summary_as_of") or ""
    if later <= result["as_of"]:
        return []
    return [Paragraph(f"This summary is of {later}, later than the day of this briefing.", "note")]
