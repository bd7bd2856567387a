"""Validation of one file's sections, in little memory: one batch of records at a time.

A dataset may be several files, and each file is validated on its own (so that the cache can
keep each file's records by its content, and an edit validates only the file edited). Records
do not depend on each other for validation; what spans records and files (ids, references, the
sections a dataset needs) is checked after merging.

``TypeAdapter(list[Quote]).validate_python(records)`` builds a pydantic object for every record
before the first plain dictionary is made; for 100,000 quotes the models alone take about
200 MB. :func:`plain_sections` validates each section in batches and turns each batch into
plain dictionaries at once, so only one batch of models is alive.
"""

from __future__ import annotations

BATCH = 2000
_adapters: dict = {}


def _adapter(name: str):
    """The adapter for a section: its model (``dataset``) or a list of its records' model."""
    if name not in _adapters:
        from typing import get_args

        from pydantic import TypeAdapter

        from .. import model

        annotation = model.Dataset.model_fields[name].annotation
        _adapters[name] = TypeAdapter(annotation), bool(get_args(annotation))
    return _adapters[name]


def plain_sections(raw: dict) -> tuple[dict, list[dict]]:
    """The plain records of the sections in ``raw`` (section -> value), and pydantic's errors,
    each with its ``loc`` starting with the section's name."""
    from pydantic import ValidationError

    plain: dict = {}
    errors: list[dict] = []
    for name, value in raw.items():
        adapter, is_list = _adapter(name)
        try:
            if not is_list or not isinstance(value, list):
                plain[name] = adapter.dump_python(adapter.validate_python(value), mode="json")
                continue
            records = plain[name] = []
            for start in range(0, len(value), BATCH):
                try:
                    models = adapter.validate_python(value[start : start + BATCH])
                except ValidationError as exc:
                    errors.extend(
                        {**e, "loc": (name, e["loc"][0] + start, *e["loc"][1:])}
                        if e["loc"] and isinstance(e["loc"][0], int) else {**e, "loc": (name, *e["loc"])}
                        for e in exc.errors(include_url=False)
                    )
                    continue
                records.extend(adapter.dump_python(models, mode="json"))
        except ValidationError as exc:
            errors.extend({**e, "loc": (name, *e["loc"])} for e in exc.errors(include_url=False))
    return plain, errors
