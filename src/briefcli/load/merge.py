"""Several YAML files make one dataset: records merge by collection, positions stay exact."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .problems import Problem, where_of
from .yamlread import Positions

SECTIONS = (
    "dataset",
    "sources",
    "organizations",
    "places",
    "topics",
    "people",
    "events",
    "quotes",
    "steps",
    "revisions",
)


@dataclass
class Origin:
    """The file a merged record came from, and its path inside that file."""

    file: str
    path: tuple
    positions: Positions


@dataclass
class Merged:
    """The merged raw dataset and, for each record, where it came from."""

    raw: dict = field(default_factory=dict)
    origins: dict[tuple, Origin] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # shown name -> real path
    problems: list[Problem] = field(default_factory=list)
    text_files: dict[str, str] = field(default_factory=dict)  # source id -> its checked text file

    def local(self, path: tuple) -> tuple[Origin | None, tuple]:
        """The origin of a merged path and the same path inside its own file."""
        for depth in (2, 1):
            origin = self.origins.get(tuple(path[:depth]))
            if origin is not None:
                return origin, origin.path + tuple(path[depth:])
        return None, tuple(path)

    def locate(self, path: tuple, key: bool = False) -> tuple[str, int | None, int | None]:
        """The file, line and column of a path in the merged dataset."""
        origin, inner = self.local(path)
        if origin is not None:
            mark = origin.positions.of(inner, key=key)
            return origin.file, *(mark or (None, None))
        first = next(iter(self.origins.values()), None)
        if first is None:
            return "", None, None
        mark = first.positions.of((), key=False)
        return first.file, *(mark or (None, None))

    def problem(self, path: tuple, message: str, key: bool = False,
                severity: str = "error") -> Problem:
        """A problem at a merged path, named as it stands in its own file."""
        file, line, col = self.locate(path, key=key)
        return Problem(file, message, line, col, where_of(self.local(path)[1]), severity)

    def add(self, name: str, real: str, value: object, positions: Positions) -> None:
        """Merge one parsed file."""
        self.files[name] = real
        top = positions.of(())
        if not isinstance(value, dict):
            self.problems.append(
                Problem(name, "the top level must be a mapping of sections", *(top or (1, 1)))
            )
            return
        for key, section in value.items():
            if key not in SECTIONS:
                hint = difflib.get_close_matches(str(key), SECTIONS, n=1)
                message = f"unknown section {str(key)[:60]!r}"
                if hint:
                    message += f" (did you mean {hint[0]!r}?)"
                self.problems.append(Problem(name, message, *positions.of((key,), key=True)))
                continue
            if key == "dataset":
                if "dataset" in self.raw:
                    first = self.origins[("dataset",)]
                    line = (first.positions.of(("dataset",), key=True) or (None,))[0]
                    self.problems.append(
                        Problem(
                            name,
                            f"the 'dataset' section is also given in {first.file}:{line}",
                            *positions.of(("dataset",), key=True),
                        )
                    )
                    continue
                self.raw["dataset"] = section
                self.origins[("dataset",)] = Origin(name, ("dataset",), positions)
                continue
            if not isinstance(section, list):
                self.problems.append(
                    Problem(name, f"'{key}' must be a list of records", *positions.of((key,)))
                )
                continue
            records = self.raw.setdefault(key, [])
            for index, record in enumerate(section):
                self.origins[(key, len(records))] = Origin(name, (key, index), positions)
                records.append(record)
            self.origins.setdefault((key,), Origin(name, (key,), positions))
