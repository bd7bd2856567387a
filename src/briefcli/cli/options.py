"""Options that several commands share, each defined once, and the one format resolver.

Metavars are one style throughout: an upper-case word (FORMAT, DATE, NAME); the accepted
values are listed in the option's help. Choices ignore case. A value that does not fit names
the option and the accepted forms, e.g.
``Invalid value for '--as-of': '2018-13-01' is not a day: use YYYY-MM-DD or 'today'.``
"""

from __future__ import annotations

from datetime import date

import click

from ..render import FORMATS


class Day(click.ParamType):
    """A day for --as-of, --from and --to: YYYY-MM-DD or 'today'."""

    name = "date"

    def convert(self, value, param, ctx) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        if text.lower() == "today":
            return date.today()
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.fail(f"{value!r} is not a day: use YYYY-MM-DD or 'today'", param, ctx)


DAY = Day()


def choice(values) -> click.Choice:
    """A case-insensitive choice among ``values``."""
    return click.Choice(list(values), case_sensitive=False)


def _spoken(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def output_format(names=tuple(FORMATS), default: str = "table", notes: str = ""):
    """``--format/-f`` and ``--json``, offering only ``names`` (default: every registered
    format). Read them back with :func:`chosen_format`."""
    names = list(names)
    help_text = f"{_spoken(names)} (default: {default}){notes}."

    def decorate(function):
        function = click.option("--json", "json_flag", is_flag=True,
                                help="Short for --format json.")(function)
        return click.option("--format", "-f", "fmt", type=choice(names), metavar="FORMAT",
                            default=None, help=help_text)(function)

    return decorate


def chosen_format(fmt: str | None, json_flag: bool, default: str = "table") -> str:
    """The one format asked for; --json and --format must agree."""
    if json_flag:
        if fmt not in (None, "json"):
            raise click.UsageError(f"--json and --format {fmt} disagree; give one of them")
        return "json"
    return fmt or default


def as_of_option(function):
    return click.option(
        "--as-of", "as_of", type=DAY, metavar="DATE", default=None,
        help="Show what a reader knew on this day (YYYY-MM-DD or 'today'): later sources, "
        "quotes, roles and revisions are left out. Default: the dataset's own date.",
    )(function)
