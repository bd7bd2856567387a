"""Which files make a dataset, and reading them safely.

A path given to ``--data`` is a file or a folder. A folder's dataset files are its ``.yaml`` and
``.yml`` files and those of its subfolders, in name order, except:

* anything whose name starts with ``.`` (hidden files and folders: ``.git``, ``.venv``...);
* folders that belong to tools rather than to a dataset: ``node_modules``, ``__pycache__``,
  ``site-packages``, and any folder holding a ``pyvenv.cfg`` (a Python virtual environment).

A folder that cannot be listed is an error naming it, as is a folder with more than
:func:`max_files` dataset files. Only regular files are opened (a FIFO or a device never
blocks a read), and no more than the size limit is read.
"""

from __future__ import annotations

import os
import stat

from ..load.problems import DataError, Problem

YAML_SUFFIXES = (".yaml", ".yml")
TOOL_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})
VENV_MARKER = "pyvenv.cfg"
DEFAULT_MAX_FILES = 10_000
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def _limit(variable: str, default: int) -> int:
    raw = os.environ.get(variable, "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else default


def max_files() -> int:
    """How many dataset files one load reads at most: BRIEFCLI_MAX_FILES, else 10,000."""
    return _limit("BRIEFCLI_MAX_FILES", DEFAULT_MAX_FILES)


def max_bytes() -> int:
    """The per-file size limit: BRIEFCLI_MAX_BYTES if set, else 50 MiB."""
    return _limit("BRIEFCLI_MAX_BYTES", DEFAULT_MAX_BYTES)


class DataFile:
    """One file of a dataset: the name it is shown by, and its resolved path."""

    __slots__ = ("name", "real")

    def __init__(self, name: str, real: str) -> None:
        self.name = name
        self.real = real

    def __repr__(self) -> str:
        return f"DataFile({self.name!r})"


def _fail(name: str, message: str) -> DataError:
    return DataError([Problem(name, message)])


def _walk(folder: str, found: list[str], skipped: list[str], limit: int, top: str) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = [e for e in listing if not e.name.startswith(".")]
    except OSError as exc:
        raise _fail(folder, f"cannot read the folder: {exc.strerror or exc}") from None
    if folder != top and any(e.name == VENV_MARKER for e in entries):
        skipped.append(folder)
        return
    chosen = []
    for entry in entries:
        if entry.name.endswith(YAML_SUFFIXES):
            chosen.append(entry)
        else:
            try:
                if entry.is_dir():
                    chosen.append(entry)
            except OSError:
                pass
    for entry in sorted(chosen, key=lambda e: e.name):
        path = os.path.join(folder, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if entry.name in TOOL_FOLDERS:
                skipped.append(path)
            else:
                _walk(path, found, skipped, limit, top)
        elif entry.name.endswith(YAML_SUFFIXES):
            found.append(path)
            if len(found) > limit:
                raise _fail(
                    top,
                    f"the folder holds more than {limit:,} dataset files "
                    "(raise the limit with BRIEFCLI_MAX_FILES)",
                )


def expand(paths: list[str], skipped: list[str] | None = None) -> list[DataFile]:
    """The files to read, in order: files as given, folders as their dataset files.

    ``skipped`` (if given) receives the folders left out as not part of a dataset.
    """
    files: list[DataFile] = []
    seen: set[str] = set()
    limit = max_files()
    skipped = [] if skipped is None else skipped
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            _walk(path, found, skipped, limit - len(files), path)
            if not found:
                raise _fail(path, "the folder holds no .yaml or .yml files")
        else:
            found = [path]
        for name in found:
            real = os.path.realpath(name)
            if real not in seen:  # the same file named twice is read once
                seen.add(real)
                files.append(DataFile(name, real))
        if len(files) > limit:
            raise _fail(path, f"more than {limit:,} dataset files (raise the limit with BRIEFCLI_MAX_FILES)")
    return files


def read_bytes(path: str, name: str, limit: int | None = None) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes (at most the size limit), and its status taken before reading.

    The file is opened without blocking and checked once open, so a FIFO, a device or a file
    swapped in between is refused rather than read.
    """
    limit = max_bytes() if limit is None else limit
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise _fail(name, "no such file") from None
    except IsADirectoryError:
        raise _fail(name, "is a folder, not a file") from None
    except OSError as exc:
        raise _fail(name, f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _fail(name, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise _fail(name, "not a regular file")
        if info.st_size > limit:
            raise _fail(
                name,
                f"file is {info.st_size:,} bytes, over the {limit:,}-byte limit "
                "(raise it with BRIEFCLI_MAX_BYTES)",
            )
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 22))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise _fail(name, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > limit:
        raise _fail(name, f"file is over the {limit:,}-byte limit (raise it with BRIEFCLI_MAX_BYTES)")
    return raw, info
