"""A step's history: the promise as first worded, then what later sources reported of it.

A step record keeps what the source that announced it said (``when``, ``status``, and, in
datasets written before revisions existed, an ``outcome``). Each ``revisions`` record is a later
source's report on one step: a new expected date, a new status, an outcome, dated by the day it
became known (``reported``). Applying the revisions in the order they became known gives the
step as it stands; :mod:`briefcli.asof` does that for every command, and :mod:`briefcli.tracking`
shows each change.
"""

from __future__ import annotations


def by_step(revisions: list[dict]) -> dict[str, list[dict]]:
    """Revisions grouped by the step they revise, each group in the order they became known."""
    grouped: dict[str, list[dict]] = {}
    order = sorted(range(len(revisions)), key=lambda i: (revisions[i].get("reported") or "", i))
    for index in order:
        grouped.setdefault(revisions[index]["step"], []).append(revisions[index])
    return grouped


def revised_outcome(revision: dict) -> dict | None:
    """A revision's outcome in the shape of a step's (its source is the revision's)."""
    outcome = revision.get("outcome")
    if not outcome:
        return None
    return {"what": outcome["what"], "when": outcome.get("when"), "source": revision["source"]}


def current(step: dict, revisions: list[dict]) -> dict:
    """The step once ``revisions`` (known, in order) are applied: its expected date, place,
    status and outcome as the latest of them leave it. An outcome with no status given means done."""
    if not revisions:
        return step
    state = {"when": step["when"], "where": step.get("where"), "status": step["status"],
             "outcome": step.get("outcome")}
    for revision in revisions:
        for key in ("when", "where"):
            if revision.get(key):
                state[key] = revision[key]
        outcome = revised_outcome(revision)
        if outcome:
            state["outcome"] = outcome
            state["status"] = "done"
        if revision.get("status"):
            state["status"] = revision["status"]
    return {**step, **state}
