"""Validation of one file's sections, in little memory: one batch of records at a time.

A dataset may be several files, and each file is validated on its own (so that the cache can
keep each file's records by its content, and an edit validates only the file edited). Records
do not depend on each other for validation; what spans records and files (ids, references, the
sections a dataset needs) is checked after merging.

``TypeAdapter(list[Quote]).validate_python(records)`` builds a pydantic object for every record
before the first plain dictionary is made; for 100,000 quotes the models alone take about
200 MB. :func:`plain_sections` validates each section in batches and turns each batch into
plain dictionaries at once, so only one batch of models is alive.

A record that fails is left out and the others are kept, so that the checks across records
still run and one pass reports every problem a file has: a batch that fails is validated again
one record at a time, and each failing record gives its own errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def ready() -> None:
    """Make every section's adapter now (importing pydantic and the models): a helper does
    this while the process that forked it parses the file it is to validate."""
    from .. import model

    for name in model.Dataset.model_fields:
        _adapter(name)


@dataclass
class Sections:
    """A file's validated sections, and what validation left out."""

    plain: dict = field(default_factory=dict)  # section -> its valid records (or the dataset's fields)
    errors: list[dict] = field(default_factory=list)  # pydantic's, each loc starting with the section
    # section -> the indexes in the file of the records kept, for a section that lost some
    kept: dict[str, list[int]] = field(default_factory=dict)
    # section -> the records left out, as written (a dataset section left out is one of them)
    dropped: dict[str, list] = field(default_factory=dict)


def _located(errors: list[dict], name: str, start: int) -> list[dict]:
    """pydantic's errors for a list that starts at record ``start`` of section ``name``."""
    return [{**e, "loc": (name, e["loc"][0] + start, *e["loc"][1:])}
            if e["loc"] and isinstance(e["loc"][0], int) else {**e, "loc": (name, *e["loc"])}
            for e in errors]


def plain_sections(raw: dict, consume: bool = False) -> Sections:
    """The plain records of the sections in ``raw`` (section -> value), with pydantic's errors.

    With ``consume``, each record of ``raw`` is let go (replaced by None in its list) once it is
    validated, so that a large file is not held twice; then ``raw`` cannot place a problem."""
    from pydantic import ValidationError

    out = Sections()
    for name, value in raw.items():
        adapter, is_list = _adapter(name)
        if not is_list or not isinstance(value, list):
            try:
                out.plain[name] = adapter.dump_python(adapter.validate_python(value), mode="json")
            except ValidationError as exc:
                out.errors.extend({**e, "loc": (name, *e["loc"])} for e in exc.errors(include_url=False))
                out.dropped[name] = [value]
            continue
        records = out.plain[name] = []
        kept: list[int] = []
        for start in range(0, len(value), BATCH):
            batch = value[start : start + BATCH]
            try:
                valid = adapter.dump_python(adapter.validate_python(batch), mode="json")
            except ValidationError:
                valid = None
            if valid is not None:
                records.extend(valid)
                kept.extend(range(start, start + len(batch)))
                if consume:  # let go of the batch's records now: they are in the list only
                    value[start : start + len(batch)] = [None] * len(batch)
                continue
            for index, record in enumerate(batch, start):  # which records fail, each on its own
                try:
                    records.extend(adapter.dump_python(adapter.validate_python([record]), mode="json"))
                    kept.append(index)
                except ValidationError as exc:
                    out.errors.extend(_located(exc.errors(include_url=False), name, index))
                    out.dropped.setdefault(name, []).append(record)
        if len(kept) != len(value):
            out.kept[name] = kept
    return out
