"""Checks across records that no single model can make: ids, references, dates."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..store import NOUN
from .merge import Merged, later_file
from .problems import Problem

# (collection, path inside a record, the collections the id may name)
REFERENCES: tuple[tuple[str, tuple, tuple[str, ...]], ...] = (
    ("organizations", ("part_of",), ("organizations",)),
    ("places", ("country",), ("places",)),
    ("people", ("source",), ("sources",)),
    ("people", ("country",), ("places",)),
    ("people", ("roles", "*", "organization"), ("organizations",)),
    ("people", ("roles", "*", "source"), ("sources",)),
    ("events", ("where",), ("places",)),
    ("events", ("source",), ("sources",)),
    ("events", ("participants", "*", "person"), ("people",)),
    ("quotes", ("speaker",), ("people",)),
    ("quotes", ("event",), ("events",)),
    ("quotes", ("source",), ("sources",)),
    ("quotes", ("topics", "*"), ("topics",)),
    ("steps", ("where",), ("places",)),
    ("steps", ("by",), ("people", "organizations")),
    ("steps", ("source",), ("sources",)),
    ("steps", ("outcome", "source"), ("sources",)),
    ("revisions", ("step",), ("steps",)),
    ("revisions", ("source",), ("sources",)),
    ("revisions", ("where",), ("places",)),
)

MAX_HINTS = 100



def _walk(value, path: tuple, pattern: tuple) -> Iterator[tuple[tuple, object]]:
    """Values at ``pattern`` ('*' = every list item) below ``value``, with their paths."""
    if not pattern:
        if value is not None:
            yield path, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from _walk(item, path + (index,), rest)
    elif isinstance(value, dict) and head in value:
        yield from _walk(value[head], path + (head,), rest)


def _references(records: list[dict], collection: str, pattern: tuple):
    """(path, value) for each value at ``pattern`` in ``records``; the common shapes of
    pattern (a field, a list field) without a generator per record, for 100,000 records."""
    if len(pattern) == 1:
        field = pattern[0]
        return [((collection, i, field), r[field]) for i, r in enumerate(records)
                if r.get(field) is not None]
    if len(pattern) == 2 and pattern[1] == "*":
        field = pattern[0]
        return [((collection, i, field, j), v) for i, r in enumerate(records)
                if isinstance(r.get(field), list) for j, v in enumerate(r[field]) if v is not None]
    return [found for i, r in enumerate(records) for found in _walk(r, (collection, i), pattern)]


def check(plain: dict, merged: Merged) -> list[Problem]:
    """Unique ids, existing references, quote dates within as_of, people referred to."""
    problems: list[Problem] = []
    ids: dict[str, tuple[str, tuple]] = {}
    by_collection: dict[str, set[str]] = {}
    for collection in NOUN:
        names = by_collection.setdefault(collection, set())
        for index, record in enumerate(plain.get(collection, [])):
            rid = record["id"]
            path = (collection, index, "id")
            if rid in ids:
                other_collection, other_path = ids[rid]
                if collection == other_collection == "people" and later_file(merged, other_path, path):
                    continue  # a later file's roles for a known person: see merge.fold_people
                file, line, _ = merged.locate(other_path)
                problems.append(
                    merged.problem(
                        path,
                        f"id {rid!r} is already used by a{'n' if NOUN[other_collection][0] in 'aeiou' else ''} "
                        f"{NOUN[other_collection]} at {file}:{line}",
                    )
                )
                continue
            ids[rid] = (collection, path)
            names.add(rid)

    left_out = _left_out(merged)
    referred: set[str] = set()
    for collection, pattern, targets in REFERENCES:
        known = set().union(*(by_collection[t] for t in targets))
        # some records of a target are not known at all: no reference is called unknown
        known = None if any(t in merged.unknowable for t in targets) else known
        gone = set().union(*(left_out.get(t, ()) for t in targets))
        for record in merged.dropped.get(collection, ()):  # a record left out still refers
            referred.update(v for _, v in _walk(record, (), pattern) if isinstance(v, str))
        for path, value in _references(plain.get(collection, []), collection, pattern):
            referred.add(value)
            if known is not None and value not in known:
                if gone and _names_left_out(value, gone, known, len(problems) < MAX_HINTS):
                    continue  # the record it names was left out: its own error says why
                noun = " or ".join(NOUN[t] for t in targets)
                message = f"no {noun} {value!r}"
                if len(problems) < MAX_HINTS:  # hints cost time; only the first are shown
                    hint = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
                    if hint:
                        message += f" (did you mean {hint[0]!r}?)"
                problems.append(merged.problem(path, message))

    as_of = plain["dataset"]["as_of"]  # None when the dataset section is not valid
    for index, quote in enumerate(plain.get("quotes", []) if as_of else ()):
        when = quote.get("when")
        if when and when["earliest"] and when["earliest"] > as_of:
            path = ("quotes", index, "when")
            problems.append(
                merged.problem(
                    path,
                    f"the quote is dated after the dataset's as_of ({as_of})",
                )
            )

    if as_of:
        problems += _revision_dates(plain, merged, as_of)

    referring = {c for c, _, targets in REFERENCES if "people" in targets}
    unread = referring & merged.unknowable  # people may be referred to where it was not read
    for index, person in enumerate(() if unread else plain.get("people", [])):
        if person["id"] not in referred:
            path = ("people", index, "id")
            problems.append(
                merged.problem(
                    path,
                    f"person {person['id']!r} is never referred to",
                    severity="warning",
                )
            )
    return problems


def _names_left_out(value: str, gone: set[str], known: set[str], near: bool) -> bool:
    """Whether a reference names a record left out by validation: its id, or (with ``near``)
    an id closer to it than any valid one (``Geneva Round`` for ``geneva-round``)."""
    if value in gone:
        return True
    if not near:
        return False
    hint = difflib.get_close_matches(value, sorted(gone | known), n=1, cutoff=0.6)
    return bool(hint) and hint[0] in gone


def _left_out(merged: Merged) -> dict[str, set[str]]:
    """The ids of the records validation left out, by collection; a collection with a record
    whose id cannot be read at all is unknowable (added to ``merged.unknowable``)."""
    ids: dict[str, set[str]] = {}
    for collection, records in merged.dropped.items():
        for record in records:
            rid = record.get("id") if isinstance(record, dict) else None
            if isinstance(rid, str):
                ids.setdefault(collection, set()).add(rid)
            else:
                merged.unknowable.add(collection)
    return ids


def _revision_dates(plain: dict, merged: Merged, as_of: str) -> list[Problem]:
    """A revision is reported by the dataset's as_of, once its source and its step were out."""
    from .derive import first_day

    problems: list[Problem] = []
    revisions = plain.get("revisions", [])
    if not revisions:
        return problems
    steps = {s["id"]: s for s in plain.get("steps", [])}
    # the first days of the sources that revisions and their steps name (not of every source)
    named = {r["source"] for r in revisions} | {steps[r["step"]]["source"] for r in revisions
                                                if r["step"] in steps}
    first = {s["id"]: first_day(s["published"]) for s in plain.get("sources", [])
             if s["id"] in named}
    for index, revision in enumerate(revisions):
        reported = revision.get("reported")
        step = steps.get(revision["step"])
        announced = first.get(step["source"]) if step else None
        published = first.get(revision["source"])
        message = None
        if reported is None:
            continue
        if reported > as_of:
            message = f"the revision is reported after the dataset's as_of ({as_of})"
        elif published and reported < published:
            message = f"the revision is reported before its source was published ({published})"
        elif announced and reported < announced:
            message = f"the revision is reported before the step was announced ({announced})"
        if message:
            problems.append(merged.problem(("revisions", index, "reported"), message))
    return problems
