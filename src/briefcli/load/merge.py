"""Several files make one dataset: records merge by section, and each keeps where it came from.

A merged record is placed by the file that holds it and its index in that file's section
(found by bisection over where each file's part of a section starts, not by a table of every
record), and positions inside the file are asked of that file's positions, which may be
worked out only then (:class:`FilePositions`).
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from dataclasses import dataclass, field

from ..store import SECTIONS
from .problems import Problem, where_of


@dataclass
class Origin:
    """The file a merged record came from, and its path inside that file."""

    file: str
    path: tuple
    positions: object  # anything with .of(path, key=False), e.g. yamlread.Positions
    kept: list[int] | None = None  # the file's index of each record merged, if some were left out


class FilePositions:
    """The positions of a file that was not parsed this time (its records came from the
    cache): the file is parsed when a position is first asked for, i.e. only for a problem."""

    def __init__(self, name: str, real: str, parse) -> None:
        self._name, self._real, self._parse = name, real, parse
        self._positions = None

    def of(self, path: tuple, key: bool = False):
        if self._positions is None:
            from .problems import DataError
            from .yamlread import read_text

            try:
                _, self._positions = self._parse(read_text(self._real, self._name), self._name)
            except DataError:
                return None
        return self._positions.of(path, key=key)


@dataclass
class Merged:
    """The merged plain dataset and, for each record, where it came from."""

    plain: dict = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # shown name -> real path
    problems: list[Problem] = field(default_factory=list)
    text_files: dict[str, str] = field(default_factory=dict)  # source id -> its checked text file
    dataset_origin: Origin | None = None
    raw: dict = field(default_factory=dict)  # {"dataset": its fields as written}
    today: bool = False  # as_of is today's date (no as_of and no sources): not for keeping
    # records that failed validation (section -> records as written), and the collections
    # whose records cannot all be known (a file that does not parse, a section not a list):
    # the cross-checks do not call a reference to those unknown
    dropped: dict[str, list] = field(default_factory=dict)
    unknowable: set[str] = field(default_factory=set)
    # section -> where each file's part starts, and that file's origin of the section
    _starts: dict[str, list[int]] = field(default_factory=dict)
    _origins: dict[str, list[Origin]] = field(default_factory=dict)
    _first: Origin | None = None

    def local(self, path: tuple) -> tuple[Origin | None, tuple]:
        """The origin of a merged path and the same path inside its own file."""
        path = tuple(path)
        if not path:
            return None, path
        if path[0] == "dataset":
            return self.dataset_origin, path
        starts = self._starts.get(path[0])
        if not starts:
            return None, path
        if len(path) == 1 or not isinstance(path[1], int):
            origin = self._origins[path[0]][0]
            return origin, path
        at = bisect_right(starts, path[1]) - 1
        origin = self._origins[path[0]][max(at, 0)]
        index = path[1] - starts[max(at, 0)]
        if origin.kept is not None and 0 <= index < len(origin.kept):
            index = origin.kept[index]
        return origin, (path[0], index, *path[2:])

    def locate(self, path: tuple, key: bool = False) -> tuple[str, int | None, int | None]:
        """The file, line and column of a path in the merged dataset."""
        origin, inner = self.local(path)
        if origin is None:
            origin, inner = self._first, ()
            if origin is None:
                return "", None, None
        mark = origin.positions.of(inner, key=key)
        return origin.file, *(mark or (None, None))

    def problem(self, path: tuple, message: str, key: bool = False,
                severity: str = "error") -> Problem:
        """A problem at a merged path, named as it stands in its own file. A warning is not
        placed yet (its file may come from the cache, unparsed): see :meth:`Problem.placed`."""
        if severity == "warning":
            origin, inner = self.local(path)
            if origin is not None:
                return Problem(origin.file, message, None, None, where_of(inner), severity, inner, key)
        file, line, col = self.locate(path, key=key)
        return Problem(file, message, line, col, where_of(self.local(path)[1]), severity)

    def add(self, name: str, real: str, sections: dict, positions,
            kept: dict[str, list[int]] | None = None) -> None:
        """Merge one file's sections (already checked by :func:`structure` and validated);
        ``kept`` gives, for a section that lost records to validation, the file's index of each
        record kept."""
        self.files[name] = real
        if self._first is None:
            self._first = Origin(name, (), positions)
        for key, section in sections.items():
            if key == "dataset":
                if self.dataset_origin is not None:
                    first = self.dataset_origin
                    line = (first.positions.of(("dataset",), key=True) or (None,))[0]
                    self.problems.append(
                        Problem(name, f"the 'dataset' section is also given in {first.file}:{line}",
                                *(positions.of(("dataset",), key=True) or (None, None)))
                    )
                    continue
                self.plain["dataset"] = section
                self.dataset_origin = Origin(name, ("dataset",), positions)
                continue
            records = self.plain.setdefault(key, [])
            self._starts.setdefault(key, []).append(len(records))
            self._origins.setdefault(key, []).append(
                Origin(name, (key,), positions, (kept or {}).get(key)))
            records.extend(section)


def meant_section(key: object) -> list[str]:
    """The known section an unknown one was probably meant to be (a list of one, or empty)."""
    return difflib.get_close_matches(str(key), SECTIONS, n=1)


def structure(name: str, value: object, positions) -> tuple[dict, list[Problem]]:
    """A parsed file's sections, and what is wrong with its shape: the top level must be a
    mapping of known sections, each (but ``dataset``) a list of records."""
    if not isinstance(value, dict):  # placed only now: a position may cost a reading
        top = positions.of(())
        return {}, [Problem(name, "the top level must be a mapping of sections", *(top or (1, 1)))]
    sections: dict = {}
    problems: list[Problem] = []
    for key, section in value.items():
        if key not in SECTIONS:
            hint = meant_section(key)
            message = f"unknown section {str(key)[:60]!r}"
            if hint:
                message += f" (did you mean {hint[0]!r}?)"
            problems.append(Problem(name, message, *positions.of((key,), key=True)))
        elif key != "dataset" and not isinstance(section, list):
            problems.append(Problem(name, f"'{key}' must be a list of records", *positions.of((key,))))
        else:
            sections[key] = section
    return sections, problems


def later_file(merged: Merged, first: tuple, other: tuple) -> bool:
    """Whether the record at merged path ``other`` comes from another file than ``first``."""
    one, two = merged.local(first)[0], merged.local(other)[0]
    return one is not None and two is not None and one.file != two.file


def fold_people(plain: dict, merged: Merged) -> list[Problem]:
    """Each person once, with every role a source states of them.

    Files merge by id: a later source's file may give a person already defined in an earlier
    file (same ``id``; the same ``name``, or one of its spellings) with the roles that source
    states, each dated by its ``start`` and sourced by the record's ``source`` unless the role
    names its own; the file that defined the person is never edited. Spellings it gives are
    added too; any other field it gives must agree. The later record then leaves the list. A
    role without a source gets its person record's. Run after the cross-checks, whose paths
    count every record.
    """
    problems: list[Problem] = []
    kept: list[dict] = []
    first: dict[str, tuple[int, int]] = {}  # id -> (index in kept, index in the merged list)
    later: dict[tuple[str, str], int] = {}  # (id, later file) -> index in the merged list
    for index, person in enumerate(plain.get("people") or []):
        person = with_role_sources(person)
        if person["id"] not in first or not later_file(merged, ("people", first[person["id"]][1]),
                                                      ("people", index)):
            first.setdefault(person["id"], (len(kept), index))  # twice in its first file:
            kept.append(person)  # the id check has said so
            continue
        at, original = first[person["id"]]
        twice = later.setdefault((person["id"], merged.local(("people", index))[0].file), index)
        if twice != index:  # twice in one later file
            file, line, _ = merged.locate(("people", twice, "id"))
            problems.append(merged.problem(("people", index, "id"),
                                           f"id {person['id']!r} is already used by a person at {file}:{line}"))
            continue
        earlier = kept[at]
        disagreement = _disagreement(earlier, person)
        if disagreement:
            file, line, _ = merged.locate(("people", original, "id"))
            problems.append(merged.problem(("people", index, disagreement[0]), (
                f"{disagreement[1]} at {file}:{line}; a later file may add roles and spellings to a "
                "person, nothing else")))
            continue
        spellings = earlier.get("spellings") or []
        kept[at] = {**earlier, "roles": [*earlier["roles"], *person["roles"]],
                    "spellings": [*spellings, *(s for s in person.get("spellings") or []
                                                if s not in spellings)]}
    if "people" in plain:
        plain["people"] = kept
    return problems


def with_role_sources(person: dict) -> dict:
    """A person whose every role names its source: the person record's, where the role names
    none. What :func:`fold_people` keeps of a person no later file adds to."""
    return {**person, "roles": [r if r.get("source") else {**r, "source": person["source"]}
                                for r in person.get("roles") or []]}


def _disagreement(earlier: dict, later: dict) -> tuple[str, str] | None:
    """The field of a later record of a person that disagrees with the first, and how."""
    if later["name"] not in (earlier["name"], *(earlier.get("spellings") or [])):
        return "name", f"person {later['id']!r} is named {earlier['name']!r}"
    for key in ("honorific", "country"):
        if later.get(key) is not None and later[key] != earlier.get(key):
            return key, f"person {later['id']!r} has {key} {earlier.get(key)!r}"
    return None
