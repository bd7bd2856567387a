"""How long hostile datasets take to be refused: the time bound that tests/hostile only checks
for memory.

    python bench/hostile.py            # every case, piped (no cache) and coloured (cache on)

Each case is the one tests/hostile/test_hostile.py runs (same dataset, same command, same
process launcher, so the same conditions: a fresh process, the cycle collector as briefcli
leaves it, stdout and stderr to files). A case passes when the best of three runs is under
LIMIT seconds; the exit code is 1 if any case does not. The machine's load average is printed
beside the table, since a busy machine slows every row.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from hostile import cases  # noqa: E402
from hostile.test_hostile import ERRORS, run  # noqa: E402

LIMIT = 1.0  # seconds, best of three
RUNS = 3


def main() -> int:
    print(f"load average {os.getloadavg()[0]:.2f}; best of {RUNS} runs; limit {LIMIT:.1f} s\n")
    print(f"{'case':28} {'mode':7} {'best s':>7} {'peak MB':>8}  verdict")
    failed = 0
    for case, command, _ in ERRORS:
        for colour in (False, True):
            with tempfile.TemporaryDirectory() as folder:
                cwd = Path(folder)
                data = getattr(cases, case)(cwd)
                timings = [run(["--data", str(data), command], colour, cwd) for _ in range(RUNS)]
            best = min(t[3] for t in timings)
            peak = max(t[4] for t in timings)
            ok = best < LIMIT
            failed += not ok
            mode = "colour" if colour else "piped"
            print(f"{case:28} {mode:7} {best:7.2f} {peak:8d}  {'ok' if ok else 'SLOW'}")
    print(f"\n{failed} case(s) over {LIMIT:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
