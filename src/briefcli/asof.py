"""A dataset as a reader could have known it on one day.

:func:`known` wraps a loaded dataset (:class:`briefcli.store.Data`, or the cache's) in a view
that every command queries instead of the dataset itself, so that "as of" means the same
everywhere. On a day ``D`` it leaves out:

* sources first published after ``D``, and every record drawn from one (people, events, quotes,
  steps, revisions, outcomes);
* quotes said after ``D`` (an undated quote counts as said);
* roles that start after ``D``, or whose source (a later file may add a role to a person) was
  published after it;
* revisions reported after ``D``.

Steps are always shown as their known revisions leave them (:func:`briefcli.history.current`),
so ``next``, ``timeline``, ``brief`` and the exports see a slipped date or a recorded outcome.
The summary is the dataset's, or on a day before the dataset's own, the latest summary a source
gave by then; ``summary_as_of`` in the info says which day it is of.

Without a day, nothing is left out (the dataset's records are all as of its own date); only the
revisions are applied, and queries keep the cache's indexes.
"""

from __future__ import annotations

from datetime import date

from . import history
from .load.derive import first_day
from .store import Data


def known(data: Data, day: date | None) -> "Known":
    """``data`` as known on ``day`` (None: everything, with the revisions applied)."""
    return Known(data, day.isoformat() if day is not None else None)


class Known(Data):
    """A read-only view of a dataset on one day; queries use it like the dataset itself."""

    def __init__(self, inner: Data, day: str | None) -> None:
        self.inner = inner
        self.day = day
        self.source_files = inner.source_files
        self.warnings = inner.warnings
        self._sources: dict[str, bool] | None = None
        self._revisions: dict[str, list[dict]] | None = None
        self._steps: dict[str, dict] = {}
        self._lists: dict[str, list[dict]] = {}

    def __repr__(self) -> str:
        return f"<Known {self.day or 'all'} of {self.inner!r}>"

    # --- what is known ----------------------------------------------------------------------

    def source_known(self, sid: str | None) -> bool:
        if self.day is None:
            return True
        if self._sources is None:
            self._sources = {
                s["id"]: (first_day(s["published"]) or "") <= self.day
                for s in self.inner.records("sources")
            }
        return self._sources.get(sid, False)

    def _keep(self, collection: str, record: dict) -> dict | None:
        """The record as known on the day (a copy when something is left out), or None."""
        if collection == "steps":
            return self._step(record)
        if self.day is None:
            return record
        if collection == "sources":
            return record if self.source_known(record["id"]) else None
        if collection == "revisions":
            known = self.source_known(record["source"]) and record["reported"] <= self.day
            return record if known else None
        if "source" not in record:  # organizations, places, topics
            return record
        if not self.source_known(record["source"]):
            return None
        if collection == "quotes":
            said = first_day(record.get("when"))
            return record if said is None or said <= self.day else None
        if collection == "people":
            roles = [r for r in record.get("roles", [])
                     if (first_day(r.get("start")) or "") <= self.day
                     and (not r.get("source") or self.source_known(r["source"]))]
            return record if len(roles) == len(record.get("roles", [])) else {**record, "roles": roles}
        return record

    def _step(self, step: dict) -> dict | None:
        if not self.source_known(step["source"]):
            return None
        if step["id"] not in self._steps:
            revisions = self.revisions_of(step["id"])
            self._steps[step["id"]] = history.current(self._announced(step), revisions)
        return self._steps[step["id"]]

    def revisions_of(self, sid: str) -> list[dict]:
        """The known revisions of a step, in the order they became known."""
        if self._revisions is None:
            self._revisions = history.by_step(self.records("revisions"))
        return self._revisions.get(sid, [])

    def _announced(self, step: dict) -> dict:
        outcome = step.get("outcome")
        if outcome and not self.source_known(outcome["source"]):
            step = {**step, "outcome": None}
            if step["status"] == "done":
                step["status"] = "expected"
        return step

    def as_announced(self, sid: str) -> dict | None:
        """A known step as its own record states it, before any revision."""
        step = self.inner.get(sid)
        if step is None or not self.source_known(step["source"]):
            return None
        return self._announced(step)

    # --- the Data interface -----------------------------------------------------------------

    @property
    def info(self) -> dict:
        info = self.inner.info
        if self.day is None or self.day >= info["as_of"]:
            return {**info, "summary_as_of": info["as_of"]}
        given = [
            (first_day(s["published"]), s["summary"])
            for s in self.records("sources")
            if s.get("summary")
        ]
        if given:
            day, summary = max(given, key=lambda pair: pair[0] or "")
            return {**info, "summary": summary, "summary_as_of": day}
        return {**info, "summary_as_of": info["as_of"]}

    @property
    def plain(self) -> dict:
        from .store import COLLECTIONS

        return {"dataset": self.info, **{c: self.records(c) for c in COLLECTIONS}}

    def records(self, collection: str, **where) -> list[dict]:
        if not where and collection in self._lists:
            return self._lists[collection]
        found = []
        for record in self.inner.records(collection, **where):
            kept = self._keep(collection, record)
            if kept is not None:
                found.append(kept)
        if not where:
            self._lists[collection] = found
        return found

    def get(self, rid: str | None) -> dict | None:
        record = self.inner.get(rid)
        if record is None:
            return None
        collection = _collection_of(record)
        return self._keep(collection, record) if collection else record

    def count_by(self, collection: str, field: str) -> dict:
        if self.day is None and collection != "steps":
            return self.inner.count_by(collection, field)
        return Data.count_by(self, collection, field)

    def person_names(self) -> list[tuple[str, str]]:
        names = self.inner.person_names()
        if self.day is None:
            return names
        people = {p["id"] for p in self.records("people")}
        return [(name, pid) for name, pid in names if pid in people]


def _collection_of(record: dict) -> str | None:
    """Which collection a record fetched by id belongs to, told by its required fields."""
    if "published" in record:
        return "sources"
    if "reported" in record and "step" in record:
        return "revisions"
    if "speaker" in record:
        return "quotes"
    if "what" in record and "when" in record and "status" in record:
        return "steps"
    if "participants" in record:
        return "events"
    if "spellings" in record:
        return "people"
    return None
