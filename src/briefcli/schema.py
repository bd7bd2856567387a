"""The dataset's JSON Schema, generated from the models."""

from __future__ import annotations

SCHEMA_ID = "https://briefcli.invalid/schema/briefcli.schema.json"


def dataset_schema() -> dict:
    from .model import Dataset

    schema = Dataset.model_json_schema()
    # A dataset may be split over several files that merge by section, so no section is
    # required of one file; the loader checks the merged whole.
    schema.pop("required", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "briefcli dataset",
        "description": "A briefing dataset: sources, people, quotes, events and next steps "
        "about a process, as the press reported it. One file, or several that merge by section; "
        "the merged whole needs a 'dataset' section. Later sources revise steps in 'revisions'.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }
