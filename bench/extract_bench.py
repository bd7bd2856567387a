"""The extract section of the benchmark: hostile articles of 100 KB, a 20 MB article, and
articles per second over a folder (``briefcli extract FOLDER -o OUT``, the whole command).

Each hostile pattern of issue 14 (item 7) is grown to about 100 KB and extracted in one child
process, after one small article has warmed the imports (dateparser): the figure is CPU seconds
of extraction per 100 KB, target under 1 s. CPU time, not wall time: the machine this was written
on ran other work at a load of 10-14 on two cores, which stretches wall times several-fold. The 20 MB article is a whole ``briefcli extract`` run,
refused by the size limit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZE = 100_000
PATTERNS = {  # each grown by repetition to about SIZE characters
    "ambassador of a long place": "'Ambassador X of ' + 'A' * 400 + '! said, \"We agree.\" '",
    "one long word before 'said'": "'A' * 40000 + ' said \"We agree on this text now.\" '",
    "'**a ' repeated": "'**a '",
    "'[' repeated": "'['",
    "quotes nested deep": "'“' * 8000 + 'We agree' + '”' * 8000",
    "capitalised words": "' '.join('Word' + chr(65 + i % 26) for i in range(8000)) + ' '",
    "repeated date phrases": "'by mid-January 2018 and '",
    "'Mr. Smith said ' repeated": "'Mr. Smith said '",
    "a quote and a speaker per line": "'Mr. Smith said \"We agree now.\" '",
    "straight quotation marks": "'\"a '",
    "pronouns": "'Ms. Ana Roe said he said '",
    "a future date repeated (steps)": "'will meet on 5 May '",
    "a role before its holder, repeated": "'The UN special envoy for the Lake Region said on Friday. '",
    "roles and new people, alternating": "''.join(f'The UN envoy for the Lake said. Envoy Ana R{chr(97 + i % 26)}{chr(97 + i // 26 % 26)} said. ' for i in range(2000))",
    "relative clauses before quotes": "'Ana Roe thanked the government, which offered \"if that is so.\" '",
    "ordinary news (the seed article)": "open(SEED, encoding='utf-8').read() + '\\n\\n'",
}
CHILD = """
import json, sys, time
from datetime import date
from briefcli.extract import reading
SEED = sys.argv[2]
reading.read("Talks\\n\\n3 May 2018 – “We agree,” said Ana Ortiz on Monday.", None)  # warm imports
out = {}
for name, expr in json.loads(sys.argv[1]).items():
    unit = eval(expr)
    text = (unit * (int(sys.argv[3]) // len(unit) + 1))[: int(sys.argv[3])]
    runs = []
    for _ in range(int(sys.argv[4])):
        start = time.process_time()
        reading.read(text, date(2018, 1, 1))
        runs.append(time.process_time() - start)
    out[name] = [len(text), sorted(runs)[len(runs) // 2]]
print(json.dumps(out))
"""


def run_extract(table, bc: list[str], quick: bool) -> list[str]:
    """Add the extract rows to ``table``; return notes for the results file."""
    repo = Path(__file__).resolve().parent.parent
    seed = repo / "tests" / "extract" / "articles" / "global-compact-2017-12-07.txt"
    size = SIZE // 50 if quick else SIZE  # quick: enough to see every pattern run
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(PATTERNS), str(seed), str(size),
                           "1" if quick else "3"], capture_output=True, text=True, check=True)
    worst = 0.0
    for name, (chars, seconds) in json.loads(done.stdout).items():
        per = seconds * SIZE / chars
        worst = max(worst, per)
        table.value(f"`extract`, {name}, {chars / 1000:.0f} KB", f"{per:.2f} s CPU per 100 KB", "< 1 s per 100 KB",
                    None if quick else per < 1.0, load=f"{os.getloadavg()[0]:.1f}")
    notes = [f"- extract: the slowest hostile pattern took {worst:.2f} s of CPU per 100 KB of article "
             f"(load average {os.getloadavg()[0]:.1f} at the end of the run)."]

    work = tempfile.mkdtemp(prefix="briefcli-bench-extract-")
    try:
        huge = os.path.join(work, "huge.txt")
        with open(huge, "w", encoding="utf-8") as handle:
            handle.write("7 May 2018 – " + "Talks went on. " * (20_000_000 // 15))
        child = subprocess.Popen(bc + ["extract", huge], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        seconds = usage.ru_utime + usage.ru_stime
        table.value("`extract` of a 20 MB article (refused: over the size limit), whole command",
                    f"{seconds * 1000:.0f} ms CPU, exit {code}", "< 1 s, exit 1",
                    None if quick else seconds < 1 and code == 1, load=f"{os.getloadavg()[0]:.1f}")

        folder = os.path.join(work, "articles")
        os.mkdir(folder)
        articles = sorted(p for d in ("articles", "heldout", "wire", "wire-test")
                          for p in (repo / "tests" / "extract" / d).iterdir() if p.suffix in (".txt", ".md"))
        if quick:  # enough to see the folder run in parallel and write its drafts
            articles = articles[:3]
        copies = 1 if quick else 4
        for n in range(copies):
            for article in articles:
                shutil.copyfile(article, os.path.join(folder, f"{n}-{article.name}"))
        count = copies * len(articles)
        times = []
        for rep in range(1 if quick else 3):
            start = time.perf_counter()
            subprocess.run(bc + ["extract", folder, "-o", os.path.join(work, f"drafts-{rep}")],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times.append(time.perf_counter() - start)
        rate = count / sorted(times)[len(times) // 2]
        table.value(f"`extract FOLDER -o OUT`, {count} articles, {os.cpu_count()} cores, whole command",
                    f"{rate:.1f} articles/s", "measured", None, load=f"{os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return notes
