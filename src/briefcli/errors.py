"""briefcli's own errors. The core raises them; only the command edge turns them into exit codes."""

from __future__ import annotations


class BriefError(Exception):
    """An error the person can act on, with the exit code it deserves."""

    exit_code = 1

    def lines(self) -> list[str]:
        return [f"briefcli: {self}"]


class UsageProblem(BriefError):
    """The question was asked wrongly (an unknown name, a format that does not fit): exit 2."""

    exit_code = 2
