"""Finding a record by what a person types: an id, a name, or any part of a name.

One rule for people, topics, sources, places and events: case and accents are ignored; an exact
id or a whole name wins; otherwise every record whose name contains the text matches. No match
is a usage error that suggests the closest names; several matches are one that lists them.
"""

from __future__ import annotations

import difflib

from .errors import UsageProblem
from .store import Data
from .text import fold


class QueryError(UsageProblem):
    """A question that cannot be answered as asked."""


# What a record of each collection is called, how many are called, the fields that name
# them, and the command that lists them.
KINDS = {
    "people": ("person", "people", ("name", "spellings"), "people"),
    "topics": ("topic", "topics", ("name",), "topics"),
    "sources": ("source", "sources", ("title", "publisher"), "sources"),
    "places": ("place", "places", ("name",), "timeline"),
    "events": ("event", "events", ("name",), "timeline"),
}


def _names(data: Data, collection: str) -> list[tuple[str, str]]:
    """(folded name, id) for every name a record goes by, ids included, in dataset order."""
    if collection == "people":
        # the store keeps these ready (a cache holds them apart from the records, which a
        # dataset of 100,000 quotes would otherwise unpack to answer one --speaker)
        names = data.person_names()
        ids = dict.fromkeys(rid for _, rid in names)
    else:
        records = data.records(collection)
        fields = KINDS[collection][2]
        names = [(fold(record[field]), record["id"])
                 for record in records for field in fields if record.get(field)]
        ids = [record["id"] for record in records]
    return names + [(rid, rid) for rid in ids]


def find(data: Data, collection: str, name: str) -> list[dict]:
    """The records of ``collection`` that ``name`` means (see the module's rule)."""
    wanted = " ".join(fold(name).split())
    if not wanted:
        return []
    names = _names(data, collection)
    exact = [rid for folded, rid in names if folded == wanted]
    found = exact or [rid for folded, rid in names if wanted in folded]
    return [data.get(rid) for rid in dict.fromkeys(found)]


def one(data: Data, collection: str, name: str, option: str | None = None) -> dict:
    """The one record ``name`` means, or QueryError listing candidates or suggestions."""
    singular, plural, _, listing = KINDS[collection]
    where = f"{option}: " if option else ""
    found = find(data, collection, name)
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(f"{data.name(r['id'])} ({r['id']})" for r in found[:10])
        more = f" and {len(found) - 10} more" if len(found) > 10 else ""
        raise QueryError(
            f"{where}{name!r} matches several {plural}: {listed}{more}; be more specific"
        )
    choices: dict[str, str] = {}
    for folded, rid in _names(data, collection):
        choices[folded] = rid
        for part in folded.split():
            choices.setdefault(part, rid)
    close = difflib.get_close_matches(fold(name), list(choices), n=3, cutoff=0.6)
    suggestion = sorted({data.name(choices[c]) for c in close})
    message = f"{where}no {singular} matches {name!r}"
    if suggestion:
        message += "; did you mean " + " or ".join(suggestion) + "?"
    else:
        message += f" ('briefcli {listing}' shows them)"
    raise QueryError(message)


def resolve(data: Data, collection: str, value: dict | str | None) -> dict | None:
    """A record given as itself or as a name (resolved by :func:`one`); None stays None."""
    if value is None or isinstance(value, dict):
        return value
    return one(data, collection, value)
