"""What the dataset learned between two days (the ``changes`` command).

A record is learned on the first day its source may have been published; a revision on the
day it was reported; a role on the day it starts or its source was published, whichever is
later. ``changes(data, since, as_of)`` lists what
was learned after ``since`` and by ``as_of``, grouped: new sources, new people and roles,
quotes said, events held, steps added, steps whose status or expected date changed, and
outcomes recorded.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .asof import known
from .errors import UsageProblem
from .load.derive import first_day
from .query import role_line
from .tracking import step_history

GROUPS = ("sources", "people", "roles", "quotes", "events", "steps", "revised", "outcomes")
_DURATION = re.compile(r"^(\d{1,5})\s*([dw])$")


class SinceError(UsageProblem):
    """--since is neither a day nor a duration."""


def since_day(value: str, as_of: date) -> date:
    """--since: a day (YYYY-MM-DD), or a duration back from the as-of day ('7d', '2w')."""
    text = value.strip().lower()
    match = _DURATION.match(text)
    if match:
        start = as_of - timedelta(days=int(match.group(1)) * (7 if match.group(2) == "w" else 1))
    else:
        try:
            start = date.fromisoformat(text)
        except ValueError:
            raise SinceError(
                f"--since {value!r} is not a day or a duration: use YYYY-MM-DD, 7d or 2w"
            ) from None
    if start >= as_of:
        raise SinceError(f"--since {start.isoformat()} is not before the as-of day {as_of.isoformat()}")
    return start


def changes(data, since: date, as_of: date) -> dict:
    """What was learned after ``since`` and by ``as_of``, grouped (see the module's doc)."""
    view = known(getattr(data, "inner", data), as_of)
    low, high = since.isoformat(), as_of.isoformat()

    def new(day: str | None) -> bool:
        return day is not None and low < day <= high

    learned = {s["id"]: first_day(s["published"]) for s in view.records("sources")}
    found: dict[str, list[dict]] = {group: [] for group in GROUPS}
    found["sources"] = [s for s in view.records("sources") if new(learned[s["id"]])]
    for person in view.records("people"):
        if new(learned.get(person["source"])):
            found["people"].append({**person, "role": role_line(view, person),
                                    "learned": learned[person["source"]]})
            continue
        for role in person.get("roles", []):
            # learned when it starts, or when a later source states it, whichever is later
            stated = learned.get(role.get("source") or person["source"])
            if new(max(first_day(role.get("start")) or "", stated or "") or None):
                found["roles"].append({"person": person["id"], "person_name": person["name"],
                                       **role, "role": role_line(view, {"roles": [role]})})
    for quote in view.records("quotes"):
        if new(learned.get(quote["source"])):
            found["quotes"].append({**quote, "speaker_name": view.name(quote["speaker"])})
    for event in view.records("events"):
        if new(learned.get(event["source"])):
            found["events"].append({**event, "where_name": view.name(event.get("where"))})
    for step in view.records("steps"):
        if new(learned.get(step["source"])):
            found["steps"].append({**step, "by_name": view.short_name(step.get("by"))})
        for entry in step_history(view, step["id"]):
            if entry["change"] == "promised" or not new(entry["reported"]):
                continue
            record = {"step": step["id"], "what": step["what"], **entry}
            if entry["change"] == "outcome":
                found["outcomes"].append(record)
                continue
            last = found["revised"][-1] if found["revised"] else None
            key = (step["id"], entry["reported"], entry["source"])
            if last and (last["step"], last["reported"], last["source"]) == key:
                last["changes"].append({"change": entry["change"], "text": entry["text"]})
            else:  # one record per step, day and source; each change it made in 'changes'
                del record["change"], record["text"]
                found["revised"].append({**record, "changes": [
                    {"change": entry["change"], "text": entry["text"]}]})
    for group in ("revised", "outcomes"):
        found[group].sort(key=lambda e: e["reported"])
    return {"since": low, "as_of": high, **found}
