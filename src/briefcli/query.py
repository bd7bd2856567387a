"""Questions asked of a dataset: pure functions from plain data to plain records.

Nothing here knows of Typer, Rich or files. Results are JSON-ready dictionaries; each kind of
record has one shape wherever it appears (see the README's "JSON output").
"""

from __future__ import annotations

import difflib
from datetime import date

from .errors import UsageProblem
from .store import Data
from .text import fold


class QueryError(UsageProblem):
    """A question that cannot be answered as asked."""


# --- people ----------------------------------------------------------------------------------


def find_people(data: Data, name: str) -> list[dict]:
    """People whose id, name or spelling matches ``name`` (case and accents ignored).

    An exact id or whole-name match wins; otherwise every person with a name containing the
    text matches.
    """
    wanted = " ".join(fold(name).split())
    if not wanted:
        return []
    names = data.person_names()
    exact = [pid for folded, pid in names if pid == wanted or folded == wanted]
    found = exact or [pid for folded, pid in names if wanted in folded]
    return [data.get(pid) for pid in dict.fromkeys(found)]


def person_by_name(data: Data, name: str) -> dict:
    """The one person ``name`` means, or QueryError listing candidates or suggestions."""
    found = find_people(data, name)
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(f"{p['name']} ({p['id']})" for p in found)
        raise QueryError(f"{name!r} matches several people: {names}; be more specific")
    choices: dict[str, str] = {}
    for folded, pid in data.person_names():
        choices[folded] = pid
        for part in folded.split():
            choices.setdefault(part, pid)
    close = difflib.get_close_matches(fold(name), list(choices), n=3, cutoff=0.6)
    suggestion = sorted({data.name(choices[c]) for c in close})
    message = f"no person matches {name!r}"
    if suggestion:
        message += "; did you mean " + " or ".join(suggestion) + "?"
    raise QueryError(message)


def role_line(data: Data, person: dict) -> str:
    """'Title, Organization' for a person's first role."""
    roles = person.get("roles") or []
    if not roles:
        return ""
    role = roles[0]
    org = data.get(role.get("organization"))
    if org is None:
        return role["title"]
    title = fold(role["title"])
    names = [org["name"], org.get("short_name") or ""]
    if any(n and fold(n) in title for n in names):
        return role["title"]
    return f"{role['title']}, {org.get('short_name') or org['name']}"


def people(data: Data) -> list[dict]:
    counts = data.count_by("quotes", "speaker")
    return [
        {**p, "role": role_line(data, p), "quote_count": counts.get(p["id"], 0)}
        for p in data.records("people")
    ]


def profile(data: Data, person: dict) -> dict:
    events = [
        {**e, "part": part["part"]}
        for e in data.records("events")
        for part in e.get("participants", [])
        if part["person"] == person["id"]
    ]
    said = quotes(data, speaker=person)
    return {
        **person,
        "role": role_line(data, person),
        "quote_count": len(said),
        "events": events,
        "quotes": said,
    }


# --- quotes ----------------------------------------------------------------------------------


def _quote_record(data: Data, quote: dict) -> dict:
    return {**quote, "speaker_name": data.name(quote["speaker"])}


def _topic_ids(data: Data, topic: str) -> set[str]:
    wanted = fold(topic)
    return {
        t["id"] for t in data.records("topics") if t["id"] == wanted or wanted in fold(t["name"])
    }


def quotes(
    data: Data,
    speaker: dict | None = None,
    topic: str | None = None,
    search: str | None = None,
    kind: str | None = None,
    said_by: date | None = None,
) -> list[dict]:
    """Quotes matching every filter given; ``said_by`` keeps those said by that day (as in
    :func:`key_quotes`: an undated quote counts as said)."""
    topics = _topic_ids(data, topic) if topic else None
    needle = fold(search) if search else None
    found = []
    where = {"speaker": speaker["id"]} if speaker is not None else {}
    for quote in data.records("quotes", **where):
        if kind and quote["kind"] != kind:
            continue
        if said_by is not None and not _said_by(quote, said_by.isoformat()):
            continue
        if topics is not None and not topics.intersection(quote.get("topics", [])):
            continue
        if needle and needle not in fold(quote["text"]) and needle not in fold(
            quote.get("context") or ""
        ):
            continue
        found.append(_quote_record(data, quote))
    return sorted(found, key=lambda q: _start(q.get("when")))


# --- time ------------------------------------------------------------------------------------


def _start(when: dict | None) -> tuple[str, str]:
    if not when:
        return ("9999-12-31", "9999-12-31")
    low = when["earliest"] or when["latest"] or "0001-01-01"
    high = when["latest"] or when["earliest"] or "9999-12-31"
    return (low, high)


def _days(from_day: date, to_iso: str) -> int:
    return (date.fromisoformat(to_iso) - from_day).days


def how_far(days: int) -> str:
    """A round, honest distance in time: '3 days', 'about 5 weeks', 'about 11 months'."""
    days = abs(days)
    if days == 1:
        return "1 day"
    if days < 14:
        return f"{days} days"
    if days < 60:
        return f"about {round(days / 7)} weeks"
    months = round(days / 30.44)
    if months < 18:
        return f"about {months} months"
    years = round(days / 365.25 * 2) / 2
    return f"about {years:g} years"


def step_at(step: dict, as_of: date) -> dict | None:
    """How a step stands at ``as_of``: None if it is behind us, else the step with its state."""
    day = as_of.isoformat()
    outcome = step.get("outcome")
    if outcome:
        done_on = (outcome.get("when") or {}).get("latest")
        if done_on is None or done_on <= day:
            return None
    elif step["status"] in ("done", "cancelled"):
        return None
    when = step["when"]
    earliest, latest = when["earliest"], when["latest"]
    if latest and latest < day:
        state, distance = "overdue", f"overdue by {how_far(_days(as_of, latest))}"
    elif step["status"] == "under way" or (earliest and earliest <= day):
        state = "under way" if step["status"] == "under way" else "due"
        distance = "under way" if state == "under way" else "due now"
        if latest:
            distance += f", until {latest} ({how_far(_days(as_of, latest))} left)"
    elif earliest is None:
        state, distance = "ahead", f"within {how_far(_days(as_of, latest))}"
    else:
        state, distance = "ahead", f"in {how_far(_days(as_of, earliest))}"
    return {**step, "state": state, "distance": distance}


def next_steps(data: Data, as_of: date) -> list[dict]:
    ahead = [s for s in (step_at(step, as_of) for step in data.records("steps")) if s]
    for step in ahead:
        step["where_name"] = data.name(step.get("where"))
        step["by_name"] = data.short_name(step.get("by"))
    return sorted(ahead, key=lambda s: _start(s["when"]))


def _overlaps(when: dict, start: str | None, end: str | None, floor: str | None = None) -> bool:
    """Whether a date can fall in [start, end]; ``floor`` stands in for an open earliest."""
    if start and when["latest"] and when["latest"] < start:
        return False
    earliest = when["earliest"] or floor
    if end and earliest and earliest > end:
        return False
    return True


def timeline(data: Data, start: date | None = None, end: date | None = None) -> list[dict]:
    """Every dated item (sources, events, steps, outcomes) in order of time."""
    items = []

    def item(kind: str, rid: str, name: str, when: dict, where: str | None, status,
             floor: str | None = None) -> None:
        items.append(
            {"type": kind, "id": rid, "name": name, "when": when, "where": where,
             "where_name": data.name(where), "status": status, "floor": floor}
        )

    for source in data.records("sources"):
        item("source", source["id"], f"{source['publisher']}: {source['title']}",
             source["published"], None, None)
    for event in data.records("events"):
        if event.get("when"):
            item("event", event["id"], event["name"], event["when"], event.get("where"), None)
    for step in data.records("steps"):
        # A step was still ahead when its source reported it, so it cannot come before that.
        reported = (data.get(step["source"]) or {}).get("published") or {}
        item("step", step["id"], step["what"], step["when"], step.get("where"), step["status"],
             floor=reported.get("earliest"))
        outcome = step.get("outcome")
        if outcome and outcome.get("when"):
            item("outcome", step["id"], outcome["what"], outcome["when"], None, "done")
    low = start.isoformat() if start else None
    high = end.isoformat() if end else None
    chosen = [i for i in items if _overlaps(i["when"], low, high, i.pop("floor", None))]
    return sorted(chosen, key=lambda i: _start(i["when"]))


# --- search and brief ------------------------------------------------------------------------


def search(data: Data, text: str) -> list[dict]:
    needle = " ".join(fold(text).split())
    if not needle:
        raise QueryError("give some text to search for")
    hits = []

    def hit(kind: str, record: dict, title: str, *fields: str | None) -> None:
        for value in (title, *fields):
            if value and needle in fold(value):
                hits.append({"type": kind, "id": record["id"], "title": title, "match": value})
                return

    for p in data.records("people"):
        hit("person", p, p["name"], *p.get("spellings", []), *(r["title"] for r in p.get("roles", [])))
    for q in data.records("quotes"):
        hit("quote", q, f"{data.name(q['speaker'])}: {q['text']}", q.get("context"))
    for e in data.records("events"):
        hit("event", e, e["name"], e.get("about"), data.name(e.get("where")))
    for s in data.records("steps"):
        hit("step", s, s["what"], (s.get("outcome") or {}).get("what"), data.name(s.get("where")))
    return hits


def _said_by(quote: dict, day: str) -> bool:
    when = quote.get("when")
    return not when or not when["earliest"] or when["earliest"] <= day


def key_quotes(data: Data, as_of: date, limit: int = 3) -> list[dict]:
    """Up to ``limit`` full quotes said by ``as_of``, one per speaker first, in dataset order."""
    day = as_of.isoformat()
    direct = [
        q for q in data.records("quotes") if q["kind"] == "direct" and _said_by(q, day)
    ]
    chosen, speakers = [], set()
    for quote in direct:
        if quote["speaker"] not in speakers:
            chosen.append(quote)
            speakers.add(quote["speaker"])
    for quote in direct:
        if len(chosen) >= limit:
            break
        if quote not in chosen:
            chosen.append(quote)
    return [_quote_record(data, q) for q in chosen[:limit]]


def brief(data: Data, as_of: date) -> dict:
    info = data.info
    return {
        "title": info["title"],
        "process": info["process"],
        "as_of": as_of.isoformat(),
        "dataset_as_of": info["as_of"],
        "summary": info["summary"],
        "summary_as_of": info.get("summary_as_of", info["as_of"]),
        "people": people(data),
        "key_quotes": key_quotes(data, as_of),
        "next_steps": next_steps(data, as_of),
        "sources": data.records("sources"),
    }
