"""YAML parsers compared on one dataset file, parse alone, each in a fresh process.

    python bench/parsers.py bench/data/q100000/dataset.yaml [--reps 3]

Every candidate runs in its own interpreter, in turn (A, B, C, A, B, C...), with the file
already read into memory and the OS file cache warm, and Python's cycle collector paused, so
that only the parse (and the building of Python values, where a library builds them) is
timed. Candidates whose package is not installed are listed as such. Prints a Markdown table.

What each candidate gives is not the same, which is the point of the table's last column:
only briefcli's own readers keep every strictness rule (all scalars text, duplicate keys,
tags, anchors and aliases refused, positions for every problem).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

# name -> (what it gives, setup code, the timed statement); ``text`` and ``data`` (UTF-8 bytes)
# are there already.
CANDIDATES = {
    "briefcli fast reader (`load/fastread.py`: yaml-rs, checked)": (
        "briefcli's values; positions built only for a problem",
        "from briefcli.load import fastread",
        "fastread.parse(text, 'f')",
    ),
    "briefcli fast reader in pieces (`load/pieces.py`: 4,096 records at a time)": (
        "the same values, a piece at a time (each let go before the next, as the cache's "
        "first load does)",
        "from briefcli.load import fastread, pieces",
        "cut = pieces.cut(text, 10**6) if fastread.scanned(text) else None; "
        "any(fastread.read_scanned(p.text(text)) is None for p in cut) if cut "
        "else fastread.compiled(text)",
    ),
    "briefcli strict reader (`load/yamlread.py`: libyaml events)": (
        "briefcli's values and every position",
        "from briefcli.load import yamlread",
        "yamlread.parse(text, 'f')",
    ),
    "yaml-rs `loads` (Rust, saphyr)": (
        "typed values (2018 an int, true a bool); tags ignored, aliases expanded",
        "import yaml_rs",
        "yaml_rs.loads(text, parse_datetime=False)",
    ),
    "rapidyaml `parse_in_arena` (C++), tree only": (
        "a C++ tree of raw text with style, tag and anchor flags; no Python values",
        "import ryml",
        "ryml.parse_in_arena(data)",
    ),
    "ryaml `loads` (Rust, serde_yaml)": (
        "typed values",
        "import ryaml",
        "ryaml.loads(text)",
    ),
    "py-yaml12 `parse_yaml` (Rust)": (
        "typed values (YAML 1.2 core)",
        "import yaml12",
        "yaml12.parse_yaml(text)",
    ),
    "PyYAML CSafeLoader (libyaml)": (
        "typed values, YAML 1.1 (NO a bool, 1:30 a number); duplicate keys kept silently",
        "import yaml",
        "yaml.load(text, Loader=yaml.CSafeLoader)",
    ),
}

PROGRAM = """
import gc, sys, time
gc.disable()
path = sys.argv[1]
with open(path, 'rb') as handle:
    data = handle.read()
text = data.decode('utf-8')
try:
    {setup}
except ImportError:
    print('missing')
    raise SystemExit(0)
start = time.perf_counter()
{statement}
print(time.perf_counter() - start)
"""


def measure(path: str, reps: int) -> list[tuple[str, str, float | None]]:
    """(candidate, what it gives, median seconds or None when not installed)."""
    times: dict[str, list[float]] = {name: [] for name in CANDIDATES}
    missing: set[str] = set()
    for _ in range(reps):
        for name, (_, setup, statement) in CANDIDATES.items():
            if name in missing:
                continue
            program = PROGRAM.format(setup=setup, statement=statement)
            done = subprocess.run([sys.executable, "-c", program, path], capture_output=True,
                                  text=True, check=True)
            answer = done.stdout.strip()
            if answer == "missing":
                missing.add(name)
            else:
                times[name].append(float(answer))
    return [(name, CANDIDATES[name][0], statistics.median(times[name]) if times[name] else None)
            for name in CANDIDATES]


def markdown(rows, path: str, load: tuple[float, float]) -> str:
    size = os.path.getsize(path) / 1e6
    reference = next((s for name, _, s in rows if name.startswith("PyYAML CSafeLoader")), None)
    lines = [
        f"Parsers alone on `{os.path.relpath(path)}` ({size:.1f} MB), in-process time of the "
        "parse, each candidate in a fresh process, collector paused, file already in memory; "
        f"load average {load[0]:.1f} before, {load[1]:.1f} after.",
        "",
        "| Parser | Parse (median) | vs CSafeLoader | What it gives |",
        "|---|---|---|---|",
    ]
    for name, gives, seconds in rows:
        if seconds is None:
            lines.append(f"| {name} | not installed | | {gives} |")
            continue
        ratio = f"{seconds / reference:.2f}" if reference else ""
        lines.append(f"| {name} | {seconds:.2f} s | {ratio} | {gives} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    before = os.getloadavg()[0]
    rows = measure(args.path, args.reps)
    print(markdown(rows, args.path, (before, os.getloadavg()[0])))


if __name__ == "__main__":
    main()
