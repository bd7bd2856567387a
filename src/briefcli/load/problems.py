"""Problems found in a dataset, with where they are."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import BriefError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset: FILE:LINE:COL: WHERE: MESSAGE."""

    file: str
    message: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    where: str = ""
    severity: str = "error"  # or "warning"
    # a problem not placed yet: its path inside ``file`` (and whether at the key), placed only
    # when it is shown (see briefcli.dataset.Check.problems)
    path: tuple | None = field(default=None, compare=False)
    key: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        parts = [place]
        if self.where:
            parts.append(self.where)
        if self.severity == "warning":
            parts.append("warning")
        parts.append(self.message)
        return ": ".join(parts)

    def placed(self, positions) -> Problem:
        """This problem with its line and column from ``positions`` (if it was not placed)."""
        if self.path is None or self.line is not None:
            return self
        line, column = positions.of(self.path, key=self.key) or (None, None)
        return Problem(self.file, self.message, line, column, self.where, self.severity)

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "where": self.where,
            "severity": self.severity,
            "message": self.message,
        }


MAX_SHOWN = 50


@dataclass
class DataError(BriefError):
    """The dataset cannot be used; ``problems`` says why (errors first). Exit 1."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def lines(self, counted: bool = False) -> list[str]:
        """At most :data:`MAX_SHOWN` problems, then "and N more"; with ``counted``, also how
        many errors and warnings there are in all, and where to find every one."""
        shown = [str(p) for p in self.problems[:MAX_SHOWN]]
        if len(self.problems) > MAX_SHOWN:
            more = f"and {len(self.problems) - MAX_SHOWN:,} more"
            if counted:
                more += f" ({tally(self.problems)} in all; --format json lists every one)"
            shown.append(more)
        return shown


def tally(problems: list[Problem]) -> str:
    """'3 errors and 212 warnings', '1 error', '2 warnings'."""
    errors = sum(p.severity == "error" for p in problems)
    counts = [(errors, "error"), (len(problems) - errors, "warning")]
    return " and ".join(f"{n:,} {word}{'s' if n != 1 else ''}" for n, word in counts if n)


def where_of(path: tuple) -> str:
    """('quotes', 3, 'speaker') -> 'quotes[3].speaker'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            part = str(part)
            out += ("." if out else "") + (part if len(part) <= 60 else part[:59] + "…")
    return out
