"""Questions asked of a dataset: pure functions from plain data to plain records.

Nothing here knows of Typer, Rich or files. Results are JSON-ready dictionaries; each kind of
record has one shape wherever it appears (see the README's "JSON output").
"""

from __future__ import annotations

from datetime import date

from .lookup import QueryError, find, one, resolve  # noqa: F401 (part of this API)
from .store import Data
from .terms import QUOTE_KINDS
from .text import find_folded, fold

# --- people ----------------------------------------------------------------------------------


def person_by_name(data: Data, name: str) -> dict:
    """The one person ``name`` means (see :mod:`briefcli.lookup`)."""
    return one(data, "people", name)


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


def _kind_counts(quotes: list[dict]) -> dict[str, dict[str, int]]:
    """Per speaker, how many quotes of each kind: {"arbour": {"direct": 1, ...}}."""
    counts: dict[str, dict[str, int]] = {}
    for quote in quotes:
        mine = counts.setdefault(quote["speaker"], dict.fromkeys(QUOTE_KINDS, 0))
        mine[quote["kind"]] += 1
    return counts


def _with_counts(person: dict, counts: dict[str, int] | None) -> dict:
    counts = counts or dict.fromkeys(QUOTE_KINDS, 0)
    return {
        **person,
        "quote_count": sum(counts.values()),
        **{f"{kind}_count": counts[kind] for kind in QUOTE_KINDS},
    }


def people(data: Data) -> list[dict]:
    """Everyone, with their role and how many quotes of each kind they have."""
    counts = _kind_counts(data.records("quotes"))
    return [
        _with_counts({**p, "role": role_line(data, p)}, counts.get(p["id"]))
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
        **_with_counts({**person, "role": role_line(data, person)},
                       _kind_counts(said).get(person["id"])),
        "events": events,
        "quotes": said,
    }


# --- quotes ----------------------------------------------------------------------------------


def _quote_record(data: Data, quote: dict) -> dict:
    return {**quote, "speaker_name": data.name(quote["speaker"])}


def quotes(
    data: Data,
    speaker: dict | str | None = None,
    topic: dict | str | None = None,
    search: str | None = None,
    kind: str | None = None,
    said_by: date | None = None,
    source: dict | str | None = None,
    event: dict | str | None = None,
) -> list[dict]:
    """Quotes matching every filter given, in order of time. A speaker, topic, source or event
    is a record or a name for :func:`briefcli.lookup.one` (an unknown name is a QueryError);
    ``said_by`` keeps those said by that day (as in :func:`key_quotes`: an undated quote
    counts as said)."""
    speaker = resolve(data, "people", speaker)
    topic, source, event = (
        resolve(data, c, v) for c, v in (("topics", topic), ("sources", source), ("events", event))
    )
    needle = fold(search) if search else None
    where = {"speaker": speaker["id"]} if speaker is not None else {}
    found = []
    for quote in data.records("quotes", **where):
        if kind and quote["kind"] != kind:
            continue
        if said_by is not None and not _said_by(quote, said_by.isoformat()):
            continue
        if topic is not None and topic["id"] not in quote.get("topics", []):
            continue
        if source is not None and quote["source"] != source["id"]:
            continue
        if event is not None and quote.get("event") != event["id"]:
            continue
        if needle and needle not in fold(quote["text"]) and needle not in fold(
            quote.get("context") or ""
        ):
            continue
        found.append(_quote_record(data, quote))
    return sorted(found, key=lambda q: time_key(q.get("when")))


# --- topics and sources ----------------------------------------------------------------------


def topics(data: Data) -> list[dict]:
    """Every topic, with how many quotes are about it."""
    counts: dict[str, int] = {}
    for quote in data.records("quotes"):
        for tid in quote.get("topics", []):
            counts[tid] = counts.get(tid, 0) + 1
    return [{**t, "quote_count": counts.get(t["id"], 0)} for t in data.records("topics")]


def sources(data: Data) -> list[dict]:
    """Every source, with whether its text is stored and how many quotes it verifies: the
    direct and partial quotes citing it, each checked word for word against that text when
    the dataset was loaded (a quote not found there fails the load)."""
    cited: dict[str, dict[str, int]] = {}
    for quote in data.records("quotes"):
        mine = cited.setdefault(quote["source"], dict.fromkeys(QUOTE_KINDS, 0))
        mine[quote["kind"]] += 1
    out = []
    for source in data.records("sources"):
        counts = cited.get(source["id"], dict.fromkeys(QUOTE_KINDS, 0))
        stored = source["id"] in data.source_files
        checkable = counts["direct"] + counts["partial"]
        out.append({
            **source,
            "text_stored": stored,
            "quote_count": sum(counts.values()),
            "quotes_verified": checkable if stored else 0,
        })
    return out


# --- time ------------------------------------------------------------------------------------


def time_key(when: dict | None) -> tuple[str, str]:
    """The order of dated things: by the earliest possible day, then the latest; an open start
    sorts by its end, an open end last, and the undated after everything."""
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
    elif step["status"] == "under way" or (earliest and earliest <= day) or latest == day:
        state = "under way" if step["status"] == "under way" else "due"
        distance = "under way" if state == "under way" else "due now"
        if latest == day:
            distance += ", last day today"
        elif latest:
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
    return sorted(ahead, key=lambda s: time_key(s["when"]))


def _overlaps(when: dict, start: str | None, end: str | None, floor: str | None = None) -> bool:
    """Whether a date can fall in [start, end]; ``floor`` stands in for an open earliest."""
    if start and when["latest"] and when["latest"] < start:
        return False
    earliest = when["earliest"] or floor
    if end and earliest and earliest > end:
        return False
    return True


def timeline(data: Data, start: date | None = None, end: date | None = None,
             where: dict | str | None = None) -> list[dict]:
    """Every dated item (sources, events, steps, outcomes) in order of time; ``where`` keeps
    those at a place (a record or a name), or in a city or venue of that country."""
    place = resolve(data, "places", where)
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
    if place is not None:
        chosen = [i for i in chosen if _at(data, i["where"], place["id"])]
    return sorted(chosen, key=lambda i: time_key(i["when"]))


def _at(data: Data, where: str | None, place: str) -> bool:
    """Whether ``where`` is ``place`` or lies in it (a city's ``country``)."""
    return where is not None and (where == place or (data.get(where) or {}).get("country") == place)


# --- search and brief ------------------------------------------------------------------------


def passage(value: str, span: tuple[int, int], room: int = 60) -> tuple[str, int, int]:
    """The stretch of ``value`` around ``span`` (up to ``room`` characters either side, cut at
    a space, '…' where cut), and where the span lies in it."""
    start, end = span
    low = 0 if start <= room else value.find(" ", start - room, start) + 1 or start - room
    high = len(value) if len(value) - end <= room else value.rfind(" ", end, end + room)
    high = high if high > end else min(len(value), end + room)
    before = ("…" if low > 0 else "") + value[low:start]
    after = value[end:high] + ("…" if high < len(value) else "")
    return before + value[start:end] + after, len(before), len(before) + end - start


def search(data: Data, text: str) -> list[dict]:
    """Every record with ``text`` in one of its fields (case and accents ignored), with the
    matching passage and where the match lies in it, as grep shows a line."""
    needle = " ".join(fold(text).split())
    if not needle:
        raise QueryError("give some text to search for")
    hits = []

    def hit(kind: str, record: dict, title: tuple[str, str], *fields: tuple[str, str | None]):
        for field, value in (title, *fields):
            value = " ".join((value or "").split())
            span = find_folded(value, needle)
            if span is None:
                continue
            shown, start, end = passage(value, span)
            hits.append({"type": kind, "id": record["id"], "title": title[1], "field": field,
                         "title_field": title[0], "match": value, "passage": shown,
                         "match_start": start, "match_end": end})
            return

    for p in data.records("people"):
        hit("person", p, ("name", p["name"]), *(("spelling", n) for n in p.get("spellings", [])),
            *(("role", r["title"]) for r in p.get("roles", [])))
    for o in data.records("organizations"):
        hit("organization", o, ("name", o["name"]), ("short_name", o.get("short_name")))
    for kind, collection in (("place", "places"), ("topic", "topics")):
        for record in data.records(collection):
            hit(kind, record, ("name", record["name"]))
    speakers: dict[str, str] = {}  # a name looked up once per speaker, not once per quote
    for q in data.records("quotes"):
        speaker = q["speaker"]
        name = speakers.get(speaker)
        if name is None:
            name = speakers[speaker] = data.name(speaker)
        hit("quote", q, ("quote", f"{name}: {q['text']}"), ("context", q.get("context")))
    for e in data.records("events"):
        hit("event", e, ("name", e["name"]), ("about", e.get("about")), ("where", data.name(e.get("where"))))
    for s in data.records("steps"):
        hit("step", s, ("what", s["what"]), ("outcome", (s.get("outcome") or {}).get("what")),
            ("where", data.name(s.get("where"))))
    for s in data.records("sources"):
        hit("source", s, ("title", s["title"]), ("publisher", s["publisher"]),
            ("summary", s.get("summary")))
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
