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

    def lines(self) -> list[str]:
        shown = [str(p) for p in self.problems[:MAX_SHOWN]]
        if len(self.problems) > MAX_SHOWN:
            shown.append(f"and {len(self.problems) - MAX_SHOWN} more")
        return shown


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
