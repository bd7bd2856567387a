"""The dataset's JSON Schema, generated from the models."""

from __future__ import annotations

SCHEMA_ID = "https://briefcli.invalid/schema/briefcli.schema.json"


def dataset_schema() -> dict:
    from .model import Dataset

    schema = Dataset.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "briefcli dataset",
        "description": "A briefing dataset: sources, people, quotes, events and next steps "
        "about a process, as the press reported it. One file, or several that merge by section.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }
