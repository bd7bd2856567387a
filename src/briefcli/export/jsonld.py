"""schema.org JSON-LD: one ``@graph`` of the dataset's people, quotes, events, steps and sources.

* A person is a ``Person`` (name, honorificPrefix, alternateName, jobTitle, affiliation);
  organizations are ``Organization`` and places ``Place``/``City``/``Country``.
* A source is a ``NewsArticle`` (headline, publisher, datePublished, url).
* A quote is a ``Quotation``: text, creator (the speaker), isBasedOn (the source),
  dateCreated, recordedAt (the event), and ``genre`` saying direct, partial or paraphrase.
* Events and steps are ``Event`` (name, startDate, endDate, location, eventStatus, organizer,
  performer, attendee). A step's eventStatus follows its status: postponed is EventPostponed,
  cancelled is EventCancelled, any other EventScheduled.
* Dates are ISO 8601 only as precise as known ('2018-12' for 'at the end of 2018'), and an open
  bound is left out rather than guessed. The source's wording of the date is in description.
* Every node names its source (isBasedOn for quotes, subjectOf for the rest).

Identifiers are blank nodes (``_:person.arbour``): they link nodes within this document only.
``<``, ``>`` and ``&`` are written as ``\\u`` escapes so the JSON can be pasted into an HTML
``<script type="application/ld+json">`` element without closing it.
"""

from __future__ import annotations

import re
from datetime import date

from .. import query
from ..text import clean
from . import dates

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
SCHEMA = "https://schema.org/"
STATUS = {"postponed": "EventPostponed", "cancelled": "EventCancelled"}
PLACE_TYPES = {"city": "City", "country": "Country"}
PARTS = {"chair": "organizer", "co-chair": "organizer", "organizer": "organizer",
         "speaker": "performer", "participant": "attendee"}


def ref(kind: str, rid: str | None) -> dict | None:
    return {"@id": f"_:{kind}.{rid}"} if rid else None


def node(kind: str, rid: str, schema_type: str, **fields) -> dict:
    """A node with its id and type, without empty fields; data strings cleaned."""
    out = {"@type": schema_type, "@id": f"_:{kind}.{rid}"}
    for key, value in fields.items():
        if value in (None, "", [], {}):
            continue
        out[key] = _clean(value)
    return out


def _clean(value):
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def _one_or_many(values: list):
    return values[0] if len(values) == 1 else values


def _url(value: str | None) -> str | None:
    return value if value and _URL.match(value) else None


def _dates(when: dict | None) -> dict:
    if not when:
        return {}
    start, end = dates.parts(when)
    return {"startDate": dates.iso(start), "endDate": dates.iso(end)}


def _date(when: dict | None) -> str | None:
    """One ISO date for a quote or an article, or None when the date is a span or open."""
    return dates.iso(dates.parts(when)[0]) if dates.is_exact(when) else None


def _described(when: dict | None, *texts: str | None) -> str:
    parts = [f"When: {when['text']}." if when else None, *texts]
    return " ".join(p for p in parts if p)


def graph(data, as_of: date, note: str) -> list[dict]:
    info = data.info
    nodes = [
        node(
            "briefing", "main", "Report",
            name=info["title"], abstract=info["summary"], about=info["process"],
            description=note, dateModified=info["as_of"],
            isBasedOn=[ref("source", s["id"]) for s in data.records("sources")],
        )
    ]
    for s in data.records("sources"):
        nodes.append(node(
            "source", s["id"], "NewsArticle",
            headline=s["title"], name=s["title"], url=_url(s.get("url")),
            publisher={"@type": "Organization", "name": s["publisher"]},
            datePublished=_date(s["published"]),
        ))
    for o in data.records("organizations"):
        nodes.append(node(
            "org", o["id"], "Organization", name=o["name"], alternateName=o.get("short_name"),
            parentOrganization=ref("org", o.get("part_of")),
        ))
    for p in data.records("places"):
        nodes.append(node(
            "place", p["id"], PLACE_TYPES.get(p["kind"], "Place"), name=p["name"],
            containedInPlace=ref("place", p.get("country")),
        ))
    for p in data.records("people"):
        roles = p.get("roles", [])
        nodes.append(node(
            "person", p["id"], "Person", name=p["name"], honorificPrefix=p.get("honorific"),
            alternateName=p.get("spellings"),
            jobTitle=_one_or_many([r["title"] for r in roles]) if roles else None,
            affiliation=[ref("org", r["organization"]) for r in roles if r.get("organization")],
            subjectOf=ref("source", p["source"]),
        ))
    for e in data.records("events"):
        people = {"organizer": [], "performer": [], "attendee": []}
        for part in e.get("participants", []):
            people[PARTS[part["part"]]].append(ref("person", part["person"]))
        nodes.append(node(
            "event", e["id"], "Event", name=e["name"], **_dates(e.get("when")),
            description=_described(e.get("when"), e.get("about")),
            location=ref("place", e.get("where")),
            eventStatus={"@id": SCHEMA + "EventScheduled"}, **people,
            subjectOf=ref("source", e["source"]),
        ))
    people_ids = {p["id"] for p in data.records("people")}
    for s in data.records("steps"):
        by_kind = "person" if s.get("by") in people_ids else "org"
        outcome = (s.get("outcome") or {}).get("what")
        nodes.append(node(
            "step", s["id"], "Event", name=s["what"], **_dates(s["when"]),
            description=_described(s["when"], f"Next step, {s['status']}.",
                                   f"Outcome: {outcome}" if outcome else None),
            location=ref("place", s.get("where")),
            eventStatus={"@id": SCHEMA + STATUS.get(s["status"], "EventScheduled")},
            organizer=ref(by_kind, s.get("by")), subjectOf=ref("source", s["source"]),
        ))
    topics = {t["id"]: t["name"] for t in data.records("topics")}
    for q in query.quotes(data, said_by=as_of):
        nodes.append(node(
            "quote", q["id"], "Quotation", text=q["text"], genre=q["kind"],
            creator=ref("person", q["speaker"]), isBasedOn=ref("source", q["source"]),
            dateCreated=_date(q.get("when")), recordedAt=ref("event", q.get("event")),
            description=q.get("context"),
            keywords=[topics[t] for t in q.get("topics", []) if t in topics],
        ))
    return nodes


def build(data, as_of: date, note: str) -> str:
    from ..render.jsonout import dumps

    document = {"@context": "https://schema.org", "@graph": graph(data, as_of, note)}
    # '<', '>' and '&' occur only inside JSON strings, where \uXXXX means the same character.
    return dumps(document, also="<>&") + "\n"
