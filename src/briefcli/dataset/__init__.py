"""Opening a dataset: one call from paths to a store that queries can ask.

    from briefcli import dataset, query
    data = dataset.open(["data/compact.yaml"])        # a briefcli.store.Data
    query.people(data)

:func:`open` expands folders into their dataset files (:mod:`.files`), reads, validates,
cross-checks and verifies every quote against its source, and returns the store; or raises
:class:`~briefcli.load.problems.DataError` with every error, each placed by file, line and
column. :func:`check` does the same work and returns every problem, warnings included, for
``briefcli validate``.

Both answer from the cache (:mod:`briefcli.cache`) when it holds this dataset as it is now,
read only the changed files when it holds an older state, and fall back to reading the YAML
if the cache turns out damaged, even in the middle of a query. Nothing outside this package
(and the cache itself) knows that a cache exists.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from typing import TYPE_CHECKING

from ..load.problems import DataError, Problem
from .files import DataFile, expand

if TYPE_CHECKING:
    from ..store import Data

__all__ = ["Check", "DataError", "DataFile", "Problem", "check", "open"]


class Check:
    """What opening a dataset found: the store (None if unusable), the files read, the
    folders skipped as not part of a dataset, and every problem (errors and warnings)."""

    def __init__(self, store, problems: list[Problem] | None, counts: dict | None,
                 files: list[DataFile], skipped: list[str]) -> None:
        self.store = store
        self._problems = problems
        self.files = files
        self.skipped = skipped
        self._counts = counts
        self._placed = False

    @property
    def counts(self) -> dict:
        """How many records of each kind were read (empty if the files could not be merged)."""
        if self._counts is None:
            from ..store import COLLECTIONS

            self._counts = {c: self.store.count(c) for c in COLLECTIONS} if self.store else {}
        return self._counts

    @property
    def problems(self) -> list[Problem]:
        """Every problem, each placed by line and column (which may mean parsing a file whose
        records came from the cache: warnings are placed only when asked for)."""
        if not self._placed:
            self._problems = _placed(self._found(), self.files)
            self._placed = True
        return self._problems

    def _found(self) -> list[Problem]:
        if self._problems is None:  # answered from the cache: its warnings are the problems
            self._problems = list(self.store.warnings)
        return self._problems

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self._found() if p.severity == "error"]


def open(paths: list[str], *, no_cache: bool = False, progress=None):  # noqa: A001 - the verb
    """The dataset at ``paths`` (files or folders, merged in order) as a store.

    ``no_cache`` reads the YAML and neither reads nor writes the cache (so does
    ``BRIEFCLI_NO_CACHE=1``). ``progress``, if given, is called with the list of files when
    they have to be read and returns a context manager that yields a callable taking a
    description of the stage (see :func:`briefcli.cli.progress.loading`).
    """
    result = check(paths, no_cache=no_cache, progress=progress)
    if result.store is None or result.errors:
        raise DataError(result.errors or result.problems)
    return result.store


def check(paths: list[str], *, no_cache: bool = False, progress=None) -> Check:
    """Open the dataset at ``paths`` and report every problem; never raises DataError."""
    from .. import cache

    paths = list(paths)
    skipped: list[str] = []
    try:
        files = expand(paths, skipped)
    except DataError as exc:
        return Check(None, exc.problems, {}, [], skipped)
    if cache.disabled(no_cache):
        return Check(*_read(paths, files, None, progress), files, skipped)
    resolved = [os.path.realpath(p) for p in paths]
    base = cache.answer_path(resolved)
    from ..cache.entries import CachedReading

    reading = CachedReading(base + ".memo")

    def reload():  # the cache turned out damaged: every file is read again, no entry trusted
        return _reread(_read(paths, files, reading, progress, base, resolved, read_only,
                             entries=False))

    def read_only():  # and the answer rebuilt then was damaged too: the YAML, no cache at all
        return _reread(_read(paths, files, None, progress))

    try:
        store = _cached(base, resolved, files, reading, reload)
    except DataError:  # a file cannot be read now: reading it again says why, in order
        store = None
    if store is not None:
        reading.save_memo()
        return Check(store, None, None, files, skipped)
    return Check(*_read(paths, files, reading, progress, base, resolved, reload), files, skipped)


def _reread(read) -> Data:
    """The store of a reading again (see :func:`check`), which found the dataset sound before."""
    store, problems, _ = read
    if store is None:
        raise DataError([p for p in problems if p.severity == "error"])
    return store


def _cached(base: str, resolved: list[str], files: list[DataFile], reading, reload):
    """The cached answer, if it was built by this code from these files as they are now."""
    from ..cache import CacheUnusable
    from ..cache.answer import open_answer
    from ..cache.fingerprint import code

    expected = {"code": code(), "paths": resolved,
                "files": [(f.real, reading.digest(f.real, f.name)) for f in files]}
    try:
        return open_answer(base + ".answer", expected, [f.name for f in files], reload,
                           lambda path: reading.digest(path, path))
    except CacheUnusable:
        return None


def _read(paths, files, reading, progress, base: str | None = None, resolved=None, reload=None,
          entries: bool = True):
    """Read the YAML (only changed files, with a cache, unless ``entries`` is False); save the
    answer if it is usable."""
    from ..load import check_all, collector_paused
    from ..store import Data

    context = progress([f.real for f in files]) if progress is not None else nullcontext(None)
    with context as step, collector_paused():
        if reading is not None:
            from .build import build

            try:
                store = build(files, reading, base, _header(resolved, files, reading), reload,
                              entries, step)
            except DataError:  # a file cannot be read now: the full reading says why
                store = None
            if store is not None:
                reading.save_memo()
                reading.prune()
                return store, None, None
        plain, problems, merged = check_all(paths, files=files, reading=reading)
        if plain is None or any(p.severity == "error" for p in problems):
            return None, problems, _counts(plain)
        warnings = [p for p in problems if p.severity == "warning"]
        store = Data(plain, dict(merged.text_files), warnings)
        if reading is not None and not merged.today:
            if step is not None:
                step("Saving the cache")
            _save(base, resolved, files, reading, store)
    return store, problems, None


def _placed(problems: list[Problem], files: list[DataFile]) -> list[Problem]:
    """``problems`` with every one placed by line and column, in the order of the files."""
    if all(p.path is None or p.line is not None for p in problems):
        return problems
    from ..load import fastread
    from ..load.merge import FilePositions

    real = {f.name: f.real for f in files}
    positions: dict = {}
    out = []
    for problem in problems:
        if problem.file not in positions:
            positions[problem.file] = FilePositions(
                problem.file, real.get(problem.file, problem.file), fastread.parse)
        out.append(problem.placed(positions[problem.file]))
    out.sort(key=lambda p: (p.file, p.line or 0, p.column or 0))
    return out


def _counts(plain: dict | None) -> dict:
    from ..store import COLLECTIONS

    return {c: len(plain.get(c, [])) for c in COLLECTIONS} if plain else {}


def _header(resolved: list[str], files: list[DataFile], reading) -> dict:
    """What an answer is built from: this code, these paths, these files' contents."""
    from ..cache.fingerprint import code

    return {"code": code(), "paths": resolved,
            "files": [(f.real, reading.digest(f.real, f.name)) for f in files]}


def _save(base: str, resolved: list[str], files: list[DataFile], reading, store) -> None:
    """Write the answer; a cache that cannot be written (read-only, full disk) is not."""
    from ..cache.answer import save

    try:
        texts = sorted(set(store.source_files.values()))
        header = {**_header(resolved, files, reading),
                  "texts": [(t, reading.digest(t, t)) for t in texts]}
        save(base + ".answer", header, store, [f.name for f in files])
    except (OSError, KeyError, DataError):
        pass
    reading.save_memo()
    reading.prune()
