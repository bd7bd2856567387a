"""Loading: files -> strict YAML -> merged records -> validated, checked plain data.

``load(paths)`` returns the plain dataset (see :mod:`briefcli.store`) or raises
:class:`DataError` with every problem found, each with its file, line and column.
"""

from __future__ import annotations

import difflib
import os
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .problems import DataError, Problem

if TYPE_CHECKING:  # merge and the YAML readers import PyYAML: only check_all needs them
    from .merge import Merged

YAML_SUFFIXES = (".yaml", ".yml")


def expand(paths: list[str]) -> list[tuple[str, str]]:
    """Files to read, as (shown name, real path): folders give their YAML files, sorted."""
    files: list[tuple[str, str]] = []
    for path in paths:
        if os.path.isdir(path):
            found = sorted(
                os.path.join(root, name)
                for root, dirs, names in os.walk(path)
                for name in names
                if name.endswith(YAML_SUFFIXES)
            )
            if not found:
                raise DataError([Problem(path, "the folder holds no .yaml or .yml files")])
            files.extend((f, f) for f in found)
        else:
            files.append((path, path))
    return files


def _pydantic_problems(exc, merged: Merged) -> list[Problem]:
    problems = []
    # Inputs are looked at (is it None?) but never shown: a value may be huge or hostile.
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        if kind == "missing":
            message = f"missing field {loc[-1]!r}"
            problems.append(merged.problem(loc[:-1], message))
            continue
        if kind == "extra_forbidden":
            message = f"unknown field {str(loc[-1])[:60]!r}"
            parent = loc[:-1]
            fields = _fields_at(parent)
            hint = difflib.get_close_matches(str(loc[-1]), fields, n=1)
            if hint:
                message += f" (did you mean {hint[0]!r}?)"
            problems.append(merged.problem(loc, message, key=True))
            continue
        message = error["msg"]
        if error.get("input", "") is None:
            message = "needs a value"
        elif kind == "string_pattern_mismatch" and loc and loc[-1] in ("id",):
            message = "an id may hold only lower-case letters, digits, '.', '_' and '-'"
        elif kind.startswith("date_") or kind.startswith("datetime_"):
            message = "must be a day written YYYY-MM-DD"
        elif kind == "list_type":
            message = "must be a list (for example [a, b] or one '- item' per line)"
        elif kind == "model_type" or kind == "dict_type":
            message = "must be a mapping of fields"
        elif kind.startswith("fuzzy_date") or kind == "value_error":
            message = message.removeprefix("Value error, ")
        problems.append(merged.problem(loc, message))
    return problems


def _fields_at(loc: tuple) -> list[str]:
    """Field names of the model at ``loc``, for 'did you mean' hints."""
    from .. import model

    current = model.Dataset
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        annotation = info.annotation
        inner = getattr(annotation, "__args__", None) or (annotation,)
        current = next(
            (a for a in inner if isinstance(a, type) and issubclass(a, model.Record)),
            None,
        )
        if current is None:
            args = [getattr(a, "__args__", ()) for a in inner]
            current = next(
                (
                    a
                    for group in args
                    for a in group
                    if isinstance(a, type) and issubclass(a, model.Record)
                ),
                None,
            )
        if current is None:
            return []
    return list(current.model_fields)


@contextmanager
def collector_paused():
    """Pause Python's cycle collector while a dataset is read.

    Loading makes hundreds of thousands of objects that all stay alive; the collector would
    go through them again and again for nothing (for 100k quotes, validation takes three times
    as long with it). Reference counting still frees what is dropped.
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_all(paths: list[str], verify: bool = True) -> tuple[dict | None, list[Problem], Merged]:
    """Read, validate and check; return the plain data (None if unusable) and all problems."""
    with collector_paused():
        return _check_all(paths, verify)


def _check_all(paths: list[str], verify: bool) -> tuple[dict | None, list[Problem], Merged]:
    from pydantic import ValidationError

    from . import fastread
    from .checks import check
    from .derive import fill_defaults
    from .merge import Merged
    from .validate import plain_dataset
    from .verify import verify_quotes
    from .yamlread import read_text

    merged = Merged()
    for name, real in expand(paths):
        try:
            value, positions = fastread.parse(read_text(real, name), name)
        except DataError as exc:
            merged.problems.extend(exc.problems)
            continue
        merged.add(name, real, value, positions)
    problems = list(merged.problems)
    if problems:
        return None, problems, merged
    if "dataset" not in merged.raw:
        first = next(iter(merged.files), paths[0] if paths else "")
        return None, [Problem(first, "missing the 'dataset' section (title, process, as_of, summary)", 1, 1)], merged
    try:
        plain = plain_dataset(merged.raw)
    except ValidationError as exc:
        return None, _pydantic_problems(exc, merged), merged
    fill_defaults(plain)
    problems = check(plain, merged)
    if verify:
        problems += verify_quotes(plain, merged)
    problems.sort(key=lambda p: (p.file, p.line or 0, p.column or 0))
    return plain, problems, merged


def summary(paths: list[str], plain: dict | None, problems: list[Problem], strict: bool) -> dict:
    """The result of a validation, as a plain object (the JSON of ``briefcli validate``)."""
    from ..store import COLLECTIONS

    counts = {c: len(plain.get(c, [])) for c in COLLECTIONS} if plain else {}
    failing = [p for p in problems if p.severity == "error" or strict]
    return {
        "ok": plain is not None and not failing,
        "paths": list(paths),
        "counts": counts,
        "errors": sum(p.severity == "error" for p in problems),
        "warnings": sum(p.severity == "warning" for p in problems),
        "problems": [p.as_dict() for p in problems],
    }


def load(paths: list[str]) -> tuple[dict, list[Problem], dict[str, str]]:
    """The plain dataset, its warnings, and each source's text file; DataError on any error.

    Quotes are verified against their sources here too: a dataset whose quotes are not word
    for word is not used.
    """
    plain, problems, merged = check_all(paths)
    errors = [p for p in problems if p.severity == "error"]
    if errors or plain is None:
        raise DataError(errors)
    return plain, problems, merged.text_files
