"""Validation of a whole dataset in little memory: one batch of records at a time.

``Dataset.model_validate(raw).plain()`` builds a pydantic object for every record before the
first plain dictionary is made; for 100,000 quotes the models alone take about 200 MB.
:func:`plain_dataset` gives the same plain data by validating each section in batches and
turning each batch into plain dictionaries at once, so only one batch of models is alive.

It is an optimisation only. When the data is not valid, or the ``Dataset`` model has checks of
its own that batches would skip (model or field validators), it validates the whole dataset the
ordinary way, so errors are pydantic's own, in its own order.
"""

from __future__ import annotations

BATCH = 2000


def plain_dataset(raw: dict) -> dict:
    """``model.Dataset.model_validate(raw).plain()``; raises pydantic's ValidationError."""
    from typing import Annotated

    from annotated_types import MinLen
    from pydantic import TypeAdapter, ValidationError

    from .. import model

    def whole() -> dict:
        return model.Dataset.model_validate(raw).plain()

    decorators = model.Dataset.__pydantic_decorators__
    fields = model.Dataset.model_fields
    if (
        not isinstance(raw, dict)
        or set(raw) - set(fields)
        or decorators.model_validators
        or decorators.field_validators
        or any(not isinstance(m, MinLen) for f in fields.values() for m in f.metadata)
    ):
        return whole()
    plain: dict = {}
    try:
        for name, field in fields.items():
            if name not in raw:
                if field.is_required():
                    return whole()
                plain[name] = field.get_default(call_default_factory=True)
                continue
            value = raw[name]
            kind = field.annotation
            adapter = TypeAdapter(Annotated[(kind, *field.metadata)] if field.metadata else kind)
            if not isinstance(value, list) or not value:
                plain[name] = adapter.dump_python(adapter.validate_python(value), mode="json")
                continue
            records = plain[name] = []
            for start in range(0, len(value), BATCH):
                models = adapter.validate_python(value[start : start + BATCH])
                records.extend(adapter.dump_python(models, mode="json"))
    except ValidationError:
        return whole()
    return plain
