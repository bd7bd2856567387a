"""What ``track`` and ``changes`` show of their results: columns, sections, headings."""

from __future__ import annotations

from .render.view import Column, Document, Listing, Paragraph, Section
from .views import when_text

CHANGE = {"promised": "promised", "moved": "moved to", "place": "to be held in", "status": "now",
          "outcome": "done"}


def change_text(entry: dict) -> str:
    """'moved to late April 2018 (2018-04-21 to 2018-04-30)'."""
    return f"{CHANGE[entry['change']]} {entry['text']}"


def history_lines(entries: list[dict]) -> str:
    """One line per day and source: '2018-03-20 moved to late April 2018 (...) · Test Wire'."""
    lines: list[tuple[tuple, list[str]]] = []
    for entry in entries:
        key = (entry["reported"], entry["source"])
        if not lines or lines[-1][0] != key:
            lines.append((key, []))
        lines[-1][1].append(change_text(entry))
    names = {e["source"]: e["source_name"] or e["source"] for e in entries}
    return "\n".join(f"{day or '?'} {'; '.join(texts)} · {names[source]}"
                     for (day, source), texts in lines)


def track(result: dict, as_of_note: str) -> Listing:
    return Listing(
        "steps",
        result["steps"],
        [
            Column("Verdict", lambda r: r["verdict_text"]),
            Column("By", lambda r: r["by_name"]),
            Column("Step", lambda r: r["what"], wide=True),
            Column("History", lambda r: history_lines(r["history"]), wide=True),
        ],
        title=f"{result['summary']}. {as_of_note}",
        empty=f"No steps. {as_of_note}.",
        meta={"as_of": result["as_of"], "tally": result["tally"], "summary": result["summary"]},
        layout="cards",
    )


def _listing(name: str, records: list[dict], columns: list[Column]) -> Listing:
    return Listing(name, records, columns, layout="cards")


def changes(result: dict, as_of_note: str) -> Document:
    source = Column("Source", lambda r: r["source"])
    groups = [
        ("New sources", _listing("sources", result["sources"], [
            Column("Published", lambda s: when_text(s["published"])),
            Column("Publisher", lambda s: s["publisher"]),
            Column("Title", lambda s: s["title"], wide=True)])),
        ("New people", _listing("people", result["people"], [
            Column("Name", lambda p: p["name"]), source,
            Column("Role", lambda p: p["role"], wide=True)])),
        ("New roles", _listing("roles", result["roles"], [
            Column("Name", lambda r: r["person_name"]),
            Column("From", lambda r: when_text(r.get("start"))), source,
            Column("Role", lambda r: r["role"], wide=True)])),
        ("Quotes said", _listing("quotes", result["quotes"], [
            Column("Speaker", lambda q: q["speaker_name"]),
            Column("When", lambda q: when_text(q.get("when"))),
            Column("Kind", lambda q: q["kind"]), source,
            Column("Quote", lambda q: q["text"], wide=True)])),
        ("Events held", _listing("events", result["events"], [
            Column("When", lambda e: when_text(e.get("when"))),
            Column("Where", lambda e: e["where_name"]), source,
            Column("Event", lambda e: e["name"], wide=True)])),
        ("Steps added", _listing("steps", result["steps"], [
            Column("When", lambda s: when_text(s["when"])),
            Column("By", lambda s: s["by_name"]), source,
            Column("Step", lambda s: s["what"], wide=True)])),
        ("Steps revised", _listing("revised", result["revised"], _entry_columns(
            lambda e: "; ".join(change_text(c) for c in e["changes"])))),
        ("Outcomes recorded", _listing("outcomes", result["outcomes"],
                                       _entry_columns(change_text))),
    ]
    sections = [Section(f"{heading} ({len(view.records)})", [view])
                for heading, view in groups if view.records]
    if not sections:
        sections = [Section("Nothing new", [Paragraph(
            f"Nothing was learned after {result['since']} and by {result['as_of']}.", "note")])]
    return Document(
        "changes",
        f"What changed after {result['since']}",
        result,
        sections,
        subtitle=as_of_note,
    )


def _entry_columns(change) -> list[Column]:
    return [
        Column("Reported", lambda e: e["reported"] or ""),
        Column("Source", lambda e: e["source_name"] or e["source"]),
        Column("Step", lambda e: e["what"], wide=True),
        Column("Change", change, wide=True),
    ]
