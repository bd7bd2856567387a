"""Adversarial sizes: `briefcli validate` in a fresh process, timed.

    python bench/limits.py [--reps 3]

Issue 14, item 8: three 8 KB quotes that are not in a 200 KB source made every command take
38 s (the closest-passage hint compared every character of the quote with every character of
the source). Cases: that one (now refused by the quote length limit), three quotes just under
the limit that differ from the source by a few words or not at all (each gets its closest
passage), and a thousand such quotes (the hint budget stops the searching). Issue 14, item 9:
a list of a million items (refused at the item limit). Prints a Markdown table with the load
average.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "data" / "valid" / "minimal.yaml"


def words(seed: int, count: int) -> str:
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou")
                          for _ in range(rng.randint(1, 4))) for _ in range(3_000)]
    return " ".join(rng.choice(vocabulary) for _ in range(count))


def dataset(folder: Path, source: str, quotes: list[str]) -> Path:
    extra = "".join(f"  - id: long{i}\n    speaker: ortiz\n    kind: direct\n    text: {q}\n"
                    f"    source: article\n    topics: []\n" for i, q in enumerate(quotes))
    shutil.copytree(MINIMAL.parent / "sources", folder / "sources")
    article = folder / "sources" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n" + source, encoding="utf-8")
    path = folder / "dataset.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace("steps:\n", extra + "\nsteps:\n"),
                    encoding="utf-8")
    return path


def cases(work: Path) -> dict[str, Path]:
    source = words(1, 40_000)[:200_000]
    rng = random.Random(2)
    near = [source[at : at + 4_900].strip() for at in (rng.randrange(195_000) for _ in range(1_000))]
    near = [q[:2_400] + " not in the source " + q[2_400:] for q in near if len(q) > 4_000]
    made = {
        "three 8 KB quotes not in a 200 KB source": [words(10 + i, 3_000)[:7_999] + "z"
                                                     for i in range(3)],
        "three 4.9 KB quotes, a few words changed, 200 KB source": near[:3],
        "three 4.9 KB quotes sharing no word with the 200 KB source": [
            ("zzyzx qwerty " * 380).strip()] * 3,
        f"{len(near)} quotes of 4.9 KB, a few words changed, 200 KB source": near,
    }
    paths = {}
    for index, (name, quotes) in enumerate(made.items()):
        folder = work / f"case{index}"
        folder.mkdir()
        paths[name] = dataset(folder, source, quotes)
    million = work / "million.yaml"
    million.write_text("topics:\n" + "  - x\n" * 1_000_000, encoding="utf-8")
    paths["a list of a million items"] = million
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    exe = shutil.which("briefcli", path=os.path.dirname(sys.executable)) or "briefcli"
    work = Path(tempfile.mkdtemp(prefix="briefcli-verify-"))
    rows = []
    try:
        for name, path in cases(work).items():
            seconds = []
            load = os.getloadavg()[0]
            for _ in range(args.reps):
                start = time.perf_counter()
                done = subprocess.run([exe, "--no-cache", "validate", str(path)],
                                      capture_output=True, text=True)
                seconds.append(time.perf_counter() - start)
            first = done.stderr.splitlines()[-1].split(": ", 2)[-1] if done.stderr else "OK"
            rows.append(f"| {name} | {statistics.median(seconds):.2f} s | {done.returncode} | "
                        f"{first[:70]} | {load:.1f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| Case (`briefcli --no-cache validate`) | Wall (median) | Exit | Last message | "
          "Load |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
