"""Loading: files -> strict YAML -> validated records, file by file -> merged and checked.

``check_all(paths)`` reads, validates and checks a dataset and returns every problem found,
each with its file, line and column; ``load(paths)`` returns the plain dataset or raises
:class:`DataError`. Both read files through an optional *reading* (the cache's
:class:`~briefcli.cache.entries.CachedReading`), which hands back the validated records of
files whose bytes it has seen before, so that only changed files are parsed again. Most
callers want :func:`briefcli.dataset.open` instead, which also answers from the cache.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..store import COLLECTIONS, SECTIONS
from .problems import DataError, Problem

if TYPE_CHECKING:  # merge and the YAML readers import PyYAML: only check_all needs them
    from .merge import Merged


def _pydantic_problems(errors: list[dict], name: str, positions) -> list[Problem]:
    """Problems for pydantic's errors in one file (each ``loc`` a path inside the file)."""
    import difflib

    from .problems import where_of

    def problem(loc: tuple, message: str, key: bool = False) -> Problem:
        return Problem(name, message, *(positions.of(loc, key=key) or (None, None)), where_of(loc))

    problems = []
    # Inputs are looked at (is it None?) but never shown: a value may be huge or hostile.
    for error in errors:
        loc = tuple(error["loc"])
        kind = error["type"]
        if kind == "missing":
            message = f"missing field {loc[-1]!r}"
            problems.append(problem(loc[:-1], message))
            continue
        if kind == "extra_forbidden":
            message = f"unknown field {str(loc[-1])[:60]!r}"
            parent = loc[:-1]
            fields = _fields_at(parent)
            hint = difflib.get_close_matches(str(loc[-1]), fields, n=1)
            if hint:
                message += f" (did you mean {hint[0]!r}?)"
            problems.append(problem(loc, message, key=True))
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
        problems.append(problem(loc, message))
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


def check_all(paths: list[str], verify: bool = True, reading=None,
              files=None) -> tuple[dict | None, list[Problem], Merged]:
    """Read, validate and check; return the plain data (None if unusable) and all problems.

    ``files`` are the :class:`~briefcli.dataset.files.DataFile` to read (default: ``paths``
    expanded); ``reading`` is the cache's, or None to read every file.
    """
    with collector_paused():
        return _check_all(paths, verify, reading, files)


def _check_all(paths, verify, reading, files) -> tuple[dict | None, list[Problem], Merged]:
    from . import fastread
    from .checks import check
    from .derive import fill_defaults
    from .merge import FilePositions, Merged, fold_people, structure
    from .validate import plain_sections

    if files is None:
        from ..dataset.files import expand

        files = expand(paths)
    merged = Merged()
    problems: list[Problem] = []
    for file in files:
        name, real = file.name, file.real
        try:
            sections = reading.sections(real, name) if reading is not None else None
            if sections is not None:
                merged.add(name, real, sections, FilePositions(name, real, fastread.parse))
                continue
            value, positions = fastread.parse(_text(reading, real, name), name)
        except DataError as exc:
            problems.extend(exc.problems)
            merged.unknowable.update(SECTIONS)  # its records are not known: nothing is unknown
            continue
        raw, found = structure(name, value, positions)
        merged.unknowable.update(_unknowable(value, raw))
        validated = plain_sections(raw)
        found += _pydantic_problems(validated.errors, name, positions)
        if found:
            problems += found
        elif reading is not None:
            reading.keep(real, validated.plain)
        merged.add(name, real, validated.plain, positions, validated.kept)
        for section, records in validated.dropped.items():
            merged.dropped.setdefault(section, []).extend(records)
    problems += merged.problems
    if not merged.files:
        return None, problems, merged
    plain = merged.plain
    first = next(iter(merged.files), paths[0] if paths else "")
    dataset_known = "dataset" in plain
    if not dataset_known:
        if "dataset" not in merged.dropped and "dataset" not in merged.unknowable:
            problems.append(Problem(first, "missing the 'dataset' section (title, process, as_of, summary)", 1, 1))
            return None, problems, merged
        plain["dataset"] = {}  # given but not valid: the checks that need its as_of are left out
    for collection in COLLECTIONS:
        plain.setdefault(collection, [])
    plain = {"dataset": plain["dataset"], **{c: plain[c] for c in COLLECTIONS}}
    merged.plain = plain
    merged.today = plain["dataset"].get("as_of") is None and not plain["sources"]
    # the dataset section as written (its fields left out absent), before defaults fill it
    merged.raw = {"dataset": {k: v for k, v in plain["dataset"].items() if v is not None}}
    fill_defaults(plain)
    if not dataset_known:
        plain["dataset"]["as_of"] = None
    problems += check(plain, merged)
    problems += fold_people(plain, merged)  # after the checks, whose paths count every record
    if verify:
        problems += _verify(plain, merged, reading)
    problems.sort(key=lambda p: (p.file, p.line or 0, p.column or 0))
    return plain, problems, merged


def _unknowable(value, sections: dict) -> set[str]:
    """The sections of a file whose records could not be read: not a list, or written under
    a misspelt name (its records are probably those of the section it resembles)."""
    from .merge import meant_section

    if not isinstance(value, dict):
        return set(SECTIONS)
    out = set()
    for key in value:
        if key not in SECTIONS:
            out.update(meant_section(key))
        elif key not in sections:
            out.add(key)
    return out


def _text(reading, real: str, name: str) -> str:
    """A dataset file's text: the bytes whose digest the reading took, or read now."""
    from .yamlread import decode

    if reading is not None:
        return decode(reading.raw(real, name), name)
    from ..dataset.files import read_bytes

    return decode(read_bytes(real, name)[0], name)


def _verify(plain: dict, merged: Merged, reading) -> list[Problem]:
    """Quote verification, skipping sources whose text and quotes were verified before."""
    from .verify import verify_quotes

    if reading is None:
        return verify_quotes(plain, merged)
    from ..cache.sealed import digest
    from .verify import located_text

    from .outline import by_source, needle_digests

    quotes, starts = plain["quotes"], merged._starts.get("quotes", [])
    needles: dict[str, bytes] = {}  # per source, each file's digest of its quotes, in order
    for at, end in zip(starts, [*starts[1:], len(quotes)]):
        for source, value in needle_digests(by_source(quotes[at:end])[0]).items():
            needles[source] = needles.get(source, b"") + value
    keys: dict[str, bytes] = {}
    paths: dict[str, str] = {}
    folders: dict = {}
    for index, source in enumerate(plain["sources"]):
        if not source.get("text"):
            continue
        try:
            full, info = located_text(merged, index, source["text"], folders)
            content = reading.digest(full, source["text"], info)
            reading.release(full)  # verify_quotes reads it again (checked unchanged after)
        except (ValueError, DataError):
            continue  # verify_quotes says what is wrong
        keys[source["id"]] = digest(content + needles.get(source["id"], b""))
        paths[source["id"]] = full
    dataset_files = set(merged.files.values())
    skip = {sid: paths[sid] for sid, key in keys.items()
            if key in reading.verified and paths[sid] not in dataset_files}
    problems = verify_quotes(plain, merged, skip=skip)
    if not any(p.severity == "error" for p in problems) and reading.unchanged(merged.text_files.values()):
        reading.add_verified(keys.values())
    return problems


def summary(paths: list[str], result, strict: bool) -> dict:
    """The result of a validation (a :class:`briefcli.dataset.Check`), as a plain object (the
    JSON of ``briefcli validate``)."""
    problems = result.problems
    failing = [p for p in problems if p.severity == "error" or strict]
    return {
        "ok": result.store is not None and not failing,
        "paths": list(paths),
        "files": [f.name for f in result.files],
        "counts": result.counts,
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
