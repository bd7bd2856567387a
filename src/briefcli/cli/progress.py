"""A progress bar on stderr for loads that take a while, and nothing otherwise.

It shows only when stderr is a terminal and the dataset is big enough to take about a second to
read (:data:`SLOW_BYTES`); piped or redirected output never gets one, nor does a run with
``NO_COLOR`` set (a bar redraws itself with escape codes) or a shell completion.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

SLOW_BYTES = 2_000_000  # about a second of reading, validating and caching
ROOM = 3  # columns left free at the end of the bar's line (see loading)


class _Step:
    """What the loader calls to say where it is; does nothing when no bar is shown."""

    def __init__(self, progress=None, task=None) -> None:
        self._progress = progress
        self._task = task

    @property
    def shown(self) -> bool:
        """Whether a bar is drawn (else the loader need not work out what to tell it)."""
        return self._progress is not None

    def __call__(self, description: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=description, completed=0, total=None)
            self._progress.refresh()

    def advance(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done, total=total)


def _size(paths: list[str]) -> int:
    total = 0
    for path in paths:
        try:
            if os.path.isdir(path):
                for root, _, names in os.walk(path):
                    total += sum(os.path.getsize(os.path.join(root, n)) for n in names)
            else:
                total += os.path.getsize(path)
        except OSError:
            pass
    return total


@contextmanager
def loading(paths: list[str]):
    """Wrap a load of ``paths``; yields a :class:`_Step` to report stages and counts."""
    from ..stages import checkpoint
    from ..console import no_color

    checkpoint("load")
    stream = sys.stderr
    quiet = os.environ.get("_BRIEFCLI_COMPLETE") or no_color()  # a bar is escape codes
    if quiet or not (stream is not None and stream.isatty()) or _size(paths) < SLOW_BYTES:
        yield _Step()
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from ..console import terminal

    console = terminal.err
    # A bar as wide as the screen is left behind by Ctrl-C: the terminal echoes "^C" after it,
    # which wraps to a new line, and the bar's clearing then clears that line instead.
    console.width = max(console.width - ROOM, 1)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("Reading the dataset (the next queries will be quick)", total=None)
        yield _Step(progress, task)
