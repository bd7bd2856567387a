"""What each command shows of its records: columns, sections and headings.

These functions turn query results into :mod:`briefcli.render.view` objects. They decide the
presentation (which columns, in which order) but not the format.
"""

from __future__ import annotations

import re

from collections.abc import Callable

from .render.view import Column, Document, Fields, Listing, Paragraph, Section, cell
from .terms import QUOTE_KINDS

_YEAR = re.compile(r"\b\d{4}\b")


def when_text(when: dict | None) -> str:
    """The source's wording; when it names no year, the machine bounds follow in brackets."""
    if not when:
        return ""
    if _YEAR.search(when["text"]):
        return when["text"]
    from .fuzzydate import from_dict  # rarely needed, and slow to import

    return f"{when['text']} ({from_dict(when).edtf})"


def source_name(source: dict | None) -> str:
    """'UN News, 2017-12-07': who published a source, and when (in its wording)."""
    if source is None:
        return ""
    return f"{source['publisher']}, {when_text(source['published'])}"


def quoted(quote: dict) -> str:
    """A quote as a reader should take it: quoted words in quotation marks, a paraphrase
    marked as the source's account rather than the speaker's words."""
    if quote["kind"] == "paraphrase":
        return f"(paraphrase) {quote['text']}"
    return f"\u201c{quote['text']}\u201d"


def kinds_said(record: dict, between: str = ",\n") -> str:
    """'1 direct, 1 partial, 3 paraphrase' (one a line), kinds with none left out."""
    said = [f"{record[f'{kind}_count']} {kind}" for kind in QUOTE_KINDS if record[f"{kind}_count"]]
    return between.join(said) or "none"


def _count(kind: str) -> Column:
    return Column(kind, lambda p: p[f"{kind}_count"], key=f"{kind}_count", shown=False)


def people(records: list[dict]) -> Listing:
    return Listing(
        "people",
        records,
        [
            Column("Name", lambda p: p["name"]),
            Column("Role", lambda p: p["role"], wide=True),
            Column("Quotes", kinds_said, key="quote_count", raw=lambda p: p["quote_count"]),
            *(_count(kind) for kind in QUOTE_KINDS),
        ],
        title="People",
        empty="No people in this dataset.",
    )


def quote_columns(source: Callable[[dict], str] = lambda q: q["source"]) -> list[Column]:
    """How a quote is shown wherever quotes are listed; ``source`` names its source."""
    return [
        Column("Speaker", lambda q: q["speaker_name"], key="speaker_name"),
        Column("When", lambda q: when_text(q.get("when")), when=lambda q: q.get("when")),
        Column("Kind", lambda q: q["kind"]),
        Column("Source", source, raw=lambda q: q["source"]),
        Column("Quote", quoted, wide=True, key="text", raw=lambda q: q["text"], style="quote"),
        Column("Context", lambda q: q.get("context"), wide=True, style="note"),
    ]


def quotes(records: list[dict], title: str = "Quotes", empty: str = "No quotes match.") -> Listing:
    return Listing("quotes", records, quote_columns(), title=title, empty=empty, layout="cards")


def topics(records: list[dict]) -> Listing:
    return Listing(
        "topics",
        records,
        [
            Column("Topic", lambda t: t["name"], key="name"),
            Column("Quotes", lambda t: str(t["quote_count"]), key="quote_count"),
        ],
        title="Topics",
        empty="No topics in this dataset.",
    )


def sources(records: list[dict]) -> Listing:
    return Listing(
        "sources",
        records,
        [
            Column("Publisher", lambda s: s["publisher"]),
            Column("Published", lambda s: when_text(s["published"]), when=lambda s: s["published"]),
            Column("Text", lambda s: "text stored" if s["text_stored"] else "no text stored",
                   key="text_stored", raw=lambda s: "yes" if s["text_stored"] else "no"),
            Column("Quotes", lambda s: _plural(s["quote_count"], "quote"), key="quote_count",
                   raw=lambda s: s["quote_count"]),
            Column("Verified", lambda s: f"{s['quotes_verified']} verified word for word",
                   key="quotes_verified", raw=lambda s: s["quotes_verified"]),
            Column("Title", lambda s: s["title"], wide=True),
            Column("URL", lambda s: s.get("url"), wide=True, style="note"),
        ],
        title="Sources",
        empty="No sources in this dataset.",
        layout="cards",
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def steps(records: list[dict], as_of_note: str) -> Listing:
    return Listing(
        "steps",
        records,
        [
            Column("When", lambda s: when_text(s["when"]), when=lambda s: s["when"]),
            Column("How far off", lambda s: s["distance"], key="distance"),
            Column("Status", lambda s: s["status"]),
            Column("Where", lambda s: s.get("where_name", ""), key="where_name"),
            Column("By", lambda s: s.get("by_name", ""), key="by_name"),
            Column("Next step", lambda s: s["what"], wide=True, key="what"),
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
            Column("When", lambda i: when_text(i["when"]), when=lambda i: i["when"]),
            Column("Type", lambda i: i["type"]),
            Column("Where", lambda i: i.get("where_name", ""), key="where_name"),
            Column("What", lambda i: i["name"], wide=True, key="name"),
        ],
        title="Timeline",
        empty="Nothing dated in that range.",
        layout="cards",
    )


def _short(text: str, size: int = 72) -> str:
    """``text`` cut to ``size`` characters at a space, with '…' where cut."""
    if len(text) <= size:
        return text
    cut = text[: size - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


_FIELD_WORDS = {"about": "description", "where": "place", "what": "description",
                "short_name": "short name", "quote": "words"}


def search(records: list[dict], text: str) -> Listing:
    return Listing(
        "search",
        records,
        [
            Column("Type", lambda h: h["type"]),
            Column("Field", lambda h: f"in its {_FIELD_WORDS.get(h['field'], h['field'])}",
                   raw=lambda h: h["field"]),
            # the title once: not again above a passage that is the title
            Column("Title", lambda h: "" if h["field"] == h["title_field"] else _short(h["title"]),
                   wide=True, raw=lambda h: h["title"]),
            Column("Passage", lambda h: h["passage"], wide=True,
                   mark=lambda h: (h["match_start"], h["match_end"])),
        ],
        title=f"Matches for {text!r}",
        empty=f"Nothing matches {text!r}.",
        layout="cards",
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
            Column("Event", lambda e: e["name"], wide=True, key="name"),
            Column("When", lambda e: when_text(e.get("when")), when=lambda e: e.get("when")),
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
            Section(f"Quotes ({kinds_said(record, ', ')})" if record["quote_count"] else "Quotes",
                    [said]),
        ],
    )


BRIEF_ROWS = 10  # a briefing's people, steps and sources each; the rest is a command away


def _some(records: list[dict], first: list[int], what: str, command: str):
    """At most BRIEF_ROWS of ``records``, those whose places come first in ``first``, kept in
    their own order, and a note of how many more there are and which command lists them."""
    if len(records) <= BRIEF_ROWS:
        return records, []
    chosen = set(first[:BRIEF_ROWS])
    more = len(records) - BRIEF_ROWS
    return [r for i, r in enumerate(records) if i in chosen], [
        Paragraph(f"…and {more:,} more {what} ({command} lists them all).", "note")
    ]


def brief(result: dict, as_of_note: str) -> Document:
    """The briefing. People, steps and sources are cut to the ten that matter most (the most
    quoted, the soonest, the latest published); the JSON keeps them all."""
    everyone, ahead, known = result["people"], result["next_steps"], result["sources"]
    # the commands named for the rest list what this briefing knew
    day = "" if result["as_of"] == result["dataset_as_of"] else f" --as-of {result['as_of']}"
    people, more_people = _some(
        everyone, sorted(range(len(everyone)), key=lambda i: -everyone[i]["quote_count"]),
        "people", f"briefcli people{day}")
    who = Listing(
        "people",
        people,
        [Column("Who", lambda p: p["name"]), Column("Role", lambda p: p["role"], wide=True)],
        empty="No people in this dataset.",
    )
    key = [
        Paragraph(f"{quoted(q)} — {q['speaker_name']}, {when_text(q.get('when'))}", "quote")
        for q in result["key_quotes"]
    ] or [Paragraph("No full quotes yet.", "note")]
    soonest, more_steps = _some(ahead, list(range(len(ahead))), "steps", f"briefcli next{day}")
    listed = steps(soonest, as_of_note)
    listed.title = None
    latest, more_sources = _some(
        known, sorted(range(len(known)), key=lambda i: _last_day(known[i]["published"]),
                      reverse=True),  # a stable sort: the same day keeps the dataset's order
        "sources", f"briefcli sources{day}")
    sources = [
        Paragraph(f"{source_name(s)}: {s['title']}" + (f" <{s['url']}>" if s.get("url") else ""),
                  "note")
        for s in latest
    ]
    return Document(
        "brief",
        result["title"],
        result,
        [
            Section("Summary", [Paragraph(result["summary"]), *_summary_note(result)]),
            Section("Who's who", [who, *more_people]),
            Section("Key quotes", key),
            Section("What comes next", [listed, *more_steps]),
            Section("Sources", [*sources, *more_sources]),
        ],
        subtitle=as_of_note,
    )


def _last_day(when: dict) -> str:
    """The latest day a date may be ('' when undated); an open end counts from its start."""
    return when.get("latest") or when.get("earliest") or ""


def _summary_note(result: dict) -> list[Paragraph]:
    """A note when the summary is of a later day than the briefing (no earlier one was given)."""
    later = result.get("summary_as_of") or ""
    if later <= result["as_of"]:
        return []
    return [Paragraph(f"This summary is of {later}, later than the day of this briefing.", "note")]
