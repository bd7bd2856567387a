"""A loaded dataset: its plain records and indexes by id.

Everything here is plain Python (dicts, lists and ISO date strings), so a dataset read back from
the cache needs neither pydantic nor YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

COLLECTIONS = ("sources", "organizations", "places", "topics", "people", "events", "quotes", "steps")


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

    def records(self, collection: str) -> list[dict]:
        return self.plain.get(collection, [])

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
