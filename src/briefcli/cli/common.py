"""What every command does around its query: find the data, pick the format, print."""

from __future__ import annotations

import os
from datetime import date

import click

from ..console import terminal


class Settings:
    """The global options. (A plain class: a dataclass costs a millisecond at every start.)"""

    __slots__ = ("data", "debug", "no_cache")

    def __init__(self, data: list[str] | None = None, debug: bool = False,
                 no_cache: bool = False) -> None:
        self.data = list(data or [])
        self.debug = debug
        self.no_cache = no_cache


def data_paths(settings: Settings) -> list[str]:
    """--data, else BRIEFCLI_DATA (paths separated by the OS path separator), else shipped."""
    if settings.data:
        return settings.data
    env = os.environ.get("BRIEFCLI_DATA", "").strip()
    if env:
        return [p for p in env.split(os.pathsep) if p]
    from ..shipped import shipped_dataset

    return [shipped_dataset()]


def load(ctx: click.Context):
    """The dataset in use, as a :class:`briefcli.store.Data` (see :func:`briefcli.dataset.open`)."""
    from .. import dataset
    from .progress import loading

    return dataset.open(data_paths(ctx.obj), no_cache=ctx.obj.no_cache, progress=loading)


def as_of_day(day: date | None, data) -> tuple[date, str]:
    """The as-of day (``--as-of``, else the dataset's) and the sentence that says which (and,
    for a day after the dataset's own, that the dataset knows nothing later)."""
    if day is None:
        day = date.fromisoformat(data.info["as_of"])
        return day, f"As of {day.isoformat()} (the dataset's date)"
    if day.isoformat() > data.info["as_of"]:
        return day, f"As of {day.isoformat()}; this dataset stops at {data.info['as_of']}"
    return day, f"As of {day.isoformat()}"


def load_as_of(ctx: click.Context, value: date | None):
    """The dataset as a reader knew it on --as-of (see :mod:`briefcli.asof`), the day, and the
    sentence that says where the day comes from. Without --as-of: the whole dataset."""
    from ..asof import known

    data = load(ctx)
    day, note = as_of_day(value, data)
    return known(data, day if value is not None else None), day, note


def output(view, fmt: str | None, json: bool) -> None:
    """Render ``view`` in the format asked for by --format and --json."""
    from ..render import render
    from .options import chosen_format

    render(view, chosen_format(fmt, json), terminal)


def write_file(path: str, text: str, force: bool = False,
               exists_hint: str = "give --force to replace it") -> None:
    """Write a file atomically; an existing file is usage (exit 2), a failed write data (exit 1)."""
    from .. import atomic

    try:
        atomic.write_text(path, text, force=force)
    except atomic.TargetExists:
        terminal.message(f"briefcli: {path} already exists; {exists_hint}")
        raise click.exceptions.Exit(2) from None
    except atomic.NotRegularFile as exc:
        terminal.message(f"briefcli: {exc}")
        raise click.exceptions.Exit(2) from None
    except OSError as exc:
        terminal.message(f"briefcli: cannot write {path}: {exc.strerror or type(exc).__name__}")
        raise click.exceptions.Exit(1) from None
