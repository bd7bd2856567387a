"""How long a shell completion takes: the time from pressing Tab to the answer.

    python bench/completion.py [--reps N]

Each completion is a fresh briefcli process, as the shell runs it (``_BRIEFCLI_COMPLETE``
set, the words in ``COMP_WORDS``), on the shipped dataset with a warm cache. Target: under
150 ms each, the point past which a completion stops feeling instant. The machine's load is
printed beside the figures: on a busy machine every figure grows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import briefcli_command, environment, run  # noqa: E402

CASES = {
    "command names (briefcli pe<Tab>)": ("briefcli pe", 1),
    "options (briefcli quotes --<Tab>)": ("briefcli quotes --", 2),
    "person ids from the data (briefcli person l<Tab>)": ("briefcli person l", 2),
    "speaker ids from the data (briefcli quotes --speaker <Tab>)": ("briefcli quotes --speaker ", 3),
}
TARGET = 0.150


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=21)
    args = parser.parse_args()
    bc = briefcli_command()
    base = environment(tempfile.mkdtemp(prefix="briefcli-complete-"))
    run(bc + ["people"], base)  # a warm cache, as after any query
    print(f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())} at the start")
    print("| Completion | median | slowest | target |\n|---|---|---|---|")
    ok = True
    for label, (words, cword) in CASES.items():
        env = {**base, "_BRIEFCLI_COMPLETE": "bash_complete", "COMP_WORDS": words,
               "COMP_CWORD": str(cword)}
        times = [run(bc, env)[0] for _ in range(args.reps)]
        median = statistics.median(times)
        ok &= median < TARGET
        print(f"| {label} | {median * 1000:.0f} ms | {max(times) * 1000:.0f} ms | "
              f"< {TARGET * 1000:.0f} ms |")
    floor = [run([sys.executable, "-c", "import click"])[0] for _ in range(args.reps)]
    print(f"| (reference: python -c 'import click') | {statistics.median(floor) * 1000:.0f} ms | "
          f"{max(floor) * 1000:.0f} ms | |")
    print(f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())} at the end")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
