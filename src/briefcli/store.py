"""A loaded dataset: its plain records and indexes by id.

Everything here is plain Python (dicts, lists and ISO date strings), so a dataset read back from
the cache needs neither pydantic nor YAML. Queries ask for records through the methods below, so
that the cache (:mod:`briefcli.cache`) can answer from its indexes instead of reading everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The kinds of record, in dataset order, each with its singular noun: written here once, for the
# models, the loader, the checks, the cache and the listings.
NOUN = {
    "sources": "source",
    "organizations": "organization",
    "places": "place",
    "topics": "topic",
    "people": "person",
    "events": "event",
    "quotes": "quote",
    "steps": "step",
    "revisions": "revision",
}
COLLECTIONS = tuple(NOUN)
SECTIONS = ("dataset", *COLLECTIONS)  # the top-level keys of a dataset file


@dataclass
class Data:
    plain: dict
    source_files: dict[str, str] = field(default_factory=dict)
    warnings: list = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_id: dict[str, dict] = {}
        for collection in COLLECTIONS:
            for record in self.plain.get(collection, []):
                self.by_id[record["id"]] = record

    @property
    def info(self) -> dict:
        return self.plain["dataset"]

    def records(self, collection: str, **where) -> list[dict]:
        """A collection's records in dataset order; ``where`` keeps those whose fields equal the
        given values (``records("quotes", speaker="arbour")``)."""
        records = self._collection(collection)
        if not where:
            return records
        return [r for r in records if all(r.get(k) == v for k, v in where.items())]

    def count(self, collection: str) -> int:
        """How many records a collection has."""
        return len(self._collection(collection))

    def _collection(self, collection: str) -> list[dict]:
        return self.plain.get(collection, [])

    def count_by(self, collection: str, field: str) -> dict:
        """How many records of a collection have each value of ``field``."""
        counts: dict = {}
        for record in self.records(collection):
            value = record.get(field)
            counts[value] = counts.get(value, 0) + 1
        return counts

    def person_names(self) -> list[tuple[str, str]]:
        """(folded name, person id) for every name and spelling, in dataset order."""
        from .text import fold

        return [
            (fold(name), person["id"])
            for person in self.records("people")
            for name in (person["name"], *person.get("spellings", []))
        ]

    def get(self, rid: str | None) -> dict | None:
        return self.by_id.get(rid) if rid else None

    def name(self, rid: str | None) -> str:
        """A record's display name (people, places, organizations...), or '' if none."""
        record = self.get(rid)
        if record is None:
            return ""
        return record.get("name") or record.get("title") or record.get("what") or rid

    def short_name(self, rid: str | None) -> str:
        """An organization's short name where it has one, else :meth:`name`."""
        record = self.get(rid)
        return (record or {}).get("short_name") or self.name(rid)
