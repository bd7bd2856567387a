"""Values a dataset may leave out, filled in once its records are valid.

* ``dataset.as_of``: the last day the latest source may have been published (a folder that
  grows one article at a time is current to its newest article), or today for a dataset with
  no sources yet;
* a revision's ``reported``: the first day its source may have been published.
"""

from __future__ import annotations

from datetime import date


def first_day(when: dict | None) -> str | None:
    """The first day a date may fall on (its latest bound when its start is open)."""
    if not when:
        return None
    return when["earliest"] or when["latest"]


def last_day(when: dict | None) -> str | None:
    """The last day a date may fall on (its earliest bound when its end is open)."""
    if not when:
        return None
    return when["latest"] or when["earliest"]


def fill_defaults(plain: dict) -> None:
    """Fill ``dataset.as_of`` and each revision's ``reported`` where the dataset leaves them out."""
    sources = {s["id"]: s for s in plain.get("sources", [])}
    info = plain["dataset"]
    if info.get("as_of") is None:
        days = [d for d in (last_day(s["published"]) for s in sources.values()) if d]
        info["as_of"] = max(days) if days else date.today().isoformat()
    for revision in plain.get("revisions", []):
        if revision.get("reported") is None:
            source = sources.get(revision["source"])
            revision["reported"] = first_day(source["published"]) if source else None
