"""Plan against outcome: each step's promise as first worded, every slip, what happened, and a
verdict computed from them (the ``track`` command).

Verdicts, from the step as its known revisions leave it on the as-of day:

* a step cancelled is **dropped**;
* a step done is **done on time** when its outcome's last day falls within the promise's
  bounds, **done early** when before the earliest day promised, **done late** when after the
  latest day promised (by the days between), or **done** when no day was reported;
* a step still open is **overdue** once the latest day now expected has passed, **postponed**
  when its status says so or a revision moved its latest day later, **under way** or **due**
  within its window, and **not yet due** before it.

``slip_days`` is the number of days the outcome (or, for an open step, the latest expected day)
fell after the promise's latest day; negative for a step done before its earliest day.
"""

from __future__ import annotations

from datetime import date

from . import history
from .asof import Known, known
from .load.derive import first_day, last_day
from .query import how_far

VERDICTS = {
    "on time": "done on time",
    "early": "done early",
    "late": "done late",
    "done": "done",
    "dropped": "dropped",
    "postponed": "postponed",
    "overdue": "overdue",
    "under way": "under way",
    "due": "due now",
    "open": "not yet due",
}


def _days(low: str, high: str) -> int:
    return (date.fromisoformat(high) - date.fromisoformat(low)).days


def bounds(when: dict | None) -> str:
    """A date's machine bounds in words: '2018-04-25', 'by 2018-01-15', '2018-04-01 to 2018-04-10'."""
    if not when:
        return ""
    low, high = when["earliest"], when["latest"]
    if low == high:
        return low or ""
    if low is None:
        return f"by {high}"
    if high is None:
        return f"from {low}"
    return f"{low} to {high}"


def judge(promise: dict, step: dict, day: str) -> tuple[str, int | None, str]:
    """(verdict, slip in days or None, the verdict in words) for a step on ``day``."""
    status, outcome, when = step["status"], step.get("outcome"), step["when"]
    if status == "cancelled":
        return "dropped", None, VERDICTS["dropped"]
    if outcome or status == "done":
        done = last_day((outcome or {}).get("when"))
        if done is None:
            return "done", None, "done (no day reported)"
        if promise["latest"] and done > promise["latest"]:
            slip = _days(promise["latest"], done)
            return "late", slip, f"done late by {how_far(slip)}"
        if promise["earliest"] and done < promise["earliest"]:
            slip = _days(promise["earliest"], done)
            return "early", slip, f"done early by {how_far(slip)}"
        return "on time", 0, VERDICTS["on time"]
    moved = last_day(when) if when != promise else None
    slip = _days(last_day(promise), moved) if moved and last_day(promise) else None
    later = f" by {how_far(slip)}" if slip and slip > 0 else ""
    if status == "postponed":
        return "postponed", slip, f"postponed{later}"
    if when["latest"] and when["latest"] < day:
        return "overdue", slip, f"overdue by {how_far(_days(when['latest'], day))}"
    if slip and slip > 0:
        return "postponed", slip, f"postponed{later}"
    if status == "under way":
        return "under way", slip, VERDICTS["under way"]
    if when["earliest"] and when["earliest"] <= day:
        return "due", slip, VERDICTS["due"]
    return "open", slip, VERDICTS["open"]


def _entry(data: Known, day: str | None, change: str, text: str, source: str) -> dict:
    return {"reported": day, "change": change, "text": text, "source": source,
            "source_name": (data.get(source) or {}).get("publisher", "")}


def step_history(data: Known, sid: str) -> list[dict]:
    """A known step's story, one entry per change (promised, moved, status, outcome), each with
    the day it became known and its source, in that order."""
    return _history(data, data.as_announced(sid), data.revisions_of(sid))


def _worded(when: dict) -> str:
    """A date's wording, with its bounds when the wording is not just them."""
    shown = bounds(when)
    return when["text"] if when["text"] == shown else f"{when['text']} ({shown})"


def _history(data: Known, step: dict, revisions: list[dict]) -> list[dict]:
    announced = first_day((data.get(step["source"]) or {}).get("published"))
    when = step["when"]
    entries = [_entry(data, announced, "promised", _worded(when), step["source"])]
    outcome = step.get("outcome")
    if outcome:  # an outcome written into the step itself
        reported = first_day((data.get(outcome["source"]) or {}).get("published"))
        entries.append(_entry(data, reported, "outcome", _outcome_text(outcome), outcome["source"]))
    for revision in revisions:
        day, source = revision["reported"], revision["source"]
        changes = []
        if revision.get("when"):
            changes.append(("moved", _worded(revision["when"])))
        if revision.get("where"):
            changes.append(("place", data.name(revision["where"])))
        if revision.get("status"):
            changes.append(("status", revision["status"]))
        if revision.get("outcome"):
            changes.append(("outcome", _outcome_text(history.revised_outcome(revision))))
        if revision.get("note"):  # said once, after the revision's last change
            change, text = changes[-1]
            changes[-1] = (change, f"{text}. {revision['note']}")
        entries += [_entry(data, day, change, text, source) for change, text in changes]
    return sorted(entries, key=lambda e: e["reported"] or "")


def _outcome_text(outcome: dict) -> str:
    when = outcome.get("when")
    return f"{bounds(when)}: {outcome['what']}" if when else outcome["what"]


def _sort_key(row: dict) -> tuple[str, str]:
    when = row["promised"]
    return (first_day(when) or "", last_day(when) or "")


def track(data, as_of: date) -> dict:
    """Every step known on ``as_of``, with its promise, history, outcome and verdict, and a
    tally. ``data`` is a dataset or its :func:`briefcli.asof.known` view."""
    if not isinstance(data, Known):
        data = known(data, None)
    day = as_of.isoformat()
    rows = []
    for step in data.records("steps"):
        announced = data.as_announced(step["id"])
        mine = data.revisions_of(step["id"])
        verdict, slip, words = judge(announced["when"], step, day)
        outcome = step.get("outcome")
        rows.append({
            "id": step["id"], "what": step["what"],
            "by": step.get("by"), "by_name": data.short_name(step.get("by")),
            "where": step.get("where"), "where_name": data.name(step.get("where")),
            "source": step["source"],
            "promised": announced["when"], "expected": step["when"], "status": step["status"],
            "outcome": outcome,
            "revisions": mine,
            "history": _history(data, announced, mine),
            "verdict": verdict, "verdict_text": words, "slip_days": slip,
        })
    rows.sort(key=_sort_key)
    counts = {v: sum(r["verdict"] == v for r in rows) for v in VERDICTS}
    return {"as_of": day, "tally": {v: n for v, n in counts.items() if n},
            "summary": tally_text(counts, len(rows)), "steps": rows}


def tally_text(counts: dict[str, int], total: int) -> str:
    """'3 steps: 2 done on time, 1 under way'."""
    head = f"{total} step{'' if total == 1 else 's'}"
    parts = [f"{n} {VERDICTS[v]}" for v, n in counts.items() if n]
    return f"{head}: {', '.join(parts)}" if parts else head
