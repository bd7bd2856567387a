"""briefcli's benchmark: start-up, scale and memory, against references timed in the same run.

    python bench/run.py            # full run (generates bench/data/ datasets of up to 100k
                                   # quotes once; about 5-10 minutes); writes bench/RESULTS.md
                                   # and the table in README.md
    python bench/run.py --quick    # small sizes, few runs: checks that the benchmark works
                                   # (CI); writes bench/data/RESULTS-quick.md
    python bench/run.py --only incremental --out /tmp/r.md   # one part (startup, scale,
                                   # extract, incremental), README left alone

Each ratio compares two commands timed alternately in this run (A, B, A, B...), by medians of
wall time, so a busy machine slows both sides alike; the CPU seconds (user + system) of both
sides and their ratio are given beside it, as they depend much less on the machine's load. Every command runs as a fresh process
with stdout and stderr to /dev/null. Like is compared with like: where briefcli pauses Python's
cycle collector (it does while it reads a dataset), the reference pauses it too; every dataset
file and source text is read once before it is timed, so the operating system's file cache is warm for both
sides; "first" means briefcli's own cache is empty (a new folder), "later" that it is filled.
The 1-minute load average is sampled around every measure and printed beside it. briefcli's cache lives in a folder of the benchmark's own,
never the user's: on Linux through XDG_CACHE_HOME, so that the default lookup (platformdirs)
is part of what is timed. Peak memory is the child's maximum resident set size (os.wait4); for
a first query on the largest dataset, which reads on two processes, it is also sampled for
both together (see ``tree_peak``).
Before timing, briefcli's modules are byte-compiled, as an installed wheel's are.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

SPEAKER = "Arbour"  # in the shipped data and, with the same five quotes, in every generated set
JQ_FILTER = (
    '[.people[] | select((.name | ascii_downcase | contains("arbour"))) | .id] as $ids'
    " | [.quotes[] | select(.speaker as $s | $ids | index($s))]"
)


def briefcli_command() -> list[str]:
    exe = shutil.which("briefcli", path=os.path.dirname(sys.executable)) or shutil.which("briefcli")
    return [exe] if exe else [sys.executable, "-m", "briefcli"]


class Seconds(float):
    """Wall seconds of one run, with the CPU seconds (user + system) it took as ``cpu``: on a
    shared machine wall time follows the load, CPU time much less."""

    cpu: float = 0.0


def run(cmd: list[str], env: dict | None = None, stdout=subprocess.DEVNULL) -> tuple[Seconds, int, int]:
    """Run ``cmd``; return (wall seconds with their CPU seconds, peak RSS in MB, exit code)."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=stdout, stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = Seconds(time.perf_counter() - start)
    seconds.cpu = usage.ru_utime + usage.ru_stime
    child.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss // 1024, child.returncode


def tree_peak(cmd: list[str], env: dict | None = None) -> tuple[int, int] | None:
    """Run ``cmd``, sampling every 10 ms the memory of it and its child processes together
    (briefcli reads a large file's later pieces in a helper process): the peaks of their
    summed resident set sizes, and of their summed proportional set sizes (PSS: a page two
    processes share counts half in each), in MB. None where /proc cannot tell (not Linux)."""
    if not os.path.exists("/proc/self/smaps_rollup"):
        return None

    def field(path: str, name: str) -> int:
        try:
            with open(path, encoding="ascii") as handle:
                for line in handle:
                    if line.startswith(name):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def tree(pid: int) -> list[int]:
        try:
            with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
                return [pid, *map(int, handle.read().split())]
        except OSError:
            return [pid]

    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL)
    rss = pss = 0
    while child.poll() is None:
        pids = tree(child.pid)
        rss = max(rss, sum(field(f"/proc/{p}/status", "VmRSS:") for p in pids))
        pss = max(pss, sum(field(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids))
        time.sleep(0.01)
    if child.returncode != 0:
        raise SystemExit(f"benchmark command failed ({child.returncode}): {' '.join(cmd)}")
    return rss // 1024, pss // 1024


def first_lines(cmd: list[str], env: dict | None = None, count: int = 3) -> Seconds:
    """Wall seconds until ``cmd`` has written ``count`` lines to a pipe, which is then closed
    (as ``| head`` does): how soon a long answer starts to come out."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL)
    for _ in range(count):
        child.stdout.readline()
    seconds = Seconds(time.perf_counter() - start)
    child.stdout.close()
    child.wait()
    return seconds


def alternate(a, b, reps: int) -> tuple[list[float], list[float], str]:
    """Time two callables (each returns seconds) alternately; their lists of seconds and the
    load average seen meanwhile."""
    xs, ys = [], []
    load = Load()
    for index in range(reps):
        load.sample()
        first, second = (a, b) if index % 2 == 0 else (b, a)
        one, two = first(), second()
        if index % 2:
            one, two = two, one
        xs.append(one)
        ys.append(two)
    return xs, ys, str(load)


def environment(cache: str, data: str | None = None, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFCLI_")}
    if sys.platform == "linux":
        env["XDG_CACHE_HOME"] = cache  # the default place, found through platformdirs
    else:
        env["BRIEFCLI_CACHE_DIR"] = cache
    if data:
        env["BRIEFCLI_DATA"] = data
    env.update(extra)
    return env


def timed(cmd: list[str], env: dict | None = None, check: bool = True):
    def go() -> Seconds:
        seconds, _, code = run(cmd, env)
        if check and code != 0:
            raise SystemExit(f"benchmark command failed ({code}): {' '.join(cmd)}")
        return seconds
    return go


class Table:
    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.all_pass = True

    def ratio(self, what: str, ours: list[float], ref: list[float], ref_name: str,
              target: float | None, judged: bool, load: str = "") -> None:
        a, b = statistics.median(ours), statistics.median(ref)
        ratio = a / b
        cpu = _cpu(ours, ref)
        verdict = "n/a"
        if target is not None and judged:
            verdict = "pass" if ratio <= target else f"**fail** (by {ratio / target - 1:.0%})"
            self.all_pass &= ratio <= target
        self.rows.append([what, _secs(a), f"{ref_name}: {_secs(b)}", f"{ratio:.2f}",
                          f"≤ {target}" if target is not None else "", verdict, cpu, load])

    def value(self, what: str, value: str, target: str, ok: bool | None, load: str = "") -> None:
        verdict = "n/a" if ok is None else "pass" if ok else "**fail**"
        if ok is False:
            self.all_pass = False
        self.rows.append([what, value, "", "", target, verdict, "", load])

    def markdown(self) -> str:
        head = ["Measure", "briefcli (median)", "Reference (median)", "Ratio", "Target", "Result",
                "CPU s, briefcli / reference (ratio)", "Load"]
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)


def _cpu(ours: list, ref: list) -> str:
    """Median CPU seconds of both sides and their ratio, where both were measured."""
    if not all(hasattr(x, "cpu") for x in (*ours, *ref)):
        return ""
    a, b = statistics.median(x.cpu for x in ours), statistics.median(x.cpu for x in ref)
    return f"{a:.2f} / {b:.2f} ({a / b:.2f})" if b else ""


def _secs(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def _spread(runs: list) -> str:
    """The median of some runs, and the fastest and slowest of them."""
    return f"{_secs(statistics.median(runs))} ({_secs(min(runs))}-{_secs(max(runs))})"


class Load:
    """The 1-minute load average seen around a measure: 'lowest-highest'."""

    def __init__(self) -> None:
        self.seen = [os.getloadavg()[0]]

    def sample(self) -> None:
        self.seen.append(os.getloadavg()[0])

    def __str__(self) -> str:
        self.sample()
        low, high = min(self.seen), max(self.seen)
        return f"{low:.1f}" if f"{low:.1f}" == f"{high:.1f}" else f"{low:.1f}-{high:.1f}"


def warm_file_cache(path: str) -> None:
    """Read a file once, so that both sides of a comparison find it in the OS file cache; for a
    generated dataset, its source texts too (briefcli's first query reads all of them)."""
    texts = Path(path).parent / "sources"
    for name in [path, *(sorted(texts.glob("*.txt")) if path.endswith(".yaml") else ())]:
        with open(name, "rb") as handle:
            while handle.read(1 << 20):
                pass


def machine_note() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for name in ("click", "typer", "rich", "pydantic", "PyYAML"):
        try:
            from importlib.metadata import version

            versions.append(f"{name} {version(name)}")
        except Exception:  # noqa: BLE001 - a missing package is just not listed
            pass
    jq = shutil.which("jq")
    jq_version = subprocess.run([jq, "--version"], capture_output=True, text=True).stdout.strip() if jq else "no jq"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} CPUs, load average {load} at the start; Python "
            f"{platform.python_version()} on {platform.system()}; {', '.join(versions)}; {jq_version}")


def main() -> None:
    parser = argparse.ArgumentParser(description="briefcli's benchmark")
    parser.add_argument("--quick", action="store_true", help="small sizes and few runs (for CI)")
    parser.add_argument("--reps", type=int, help="runs per side for the quick comparisons")
    parser.add_argument("--cold-reps", type=int, help="runs per side for the first-load comparison")
    parser.add_argument("--out", type=Path, help="where to write the results table")
    parser.add_argument("--no-readme", action="store_true", help="do not update README.md")
    parser.add_argument("--only", action="append", choices=PARTS,
                        help="run only this part (may be given again); implies --no-readme")
    args = parser.parse_args()
    wanted = set(args.only or PARTS)
    if args.only:
        args.no_readme = True
    quick = args.quick
    reps = args.reps or (5 if quick else 41)
    # the reference's parse of 100,000 quotes varies most (12.6 to 18.9 s in medians of 3 on
    # this machine in one morning): seven runs a side keep one slow minute from deciding it
    cold_reps = args.cold_reps or (2 if quick else 7)
    sizes = (300,) if quick else (1000, 10000, 100000)
    big = sizes[-1]
    out = args.out or (HERE / "data" / "RESULTS-quick.md" if quick else HERE / "RESULTS.md")
    started = datetime.datetime.now().astimezone()
    note = machine_note()

    import briefcli

    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.dirname(briefcli.__file__)],
                   check=True, stdout=subprocess.DEVNULL)
    bc = briefcli_command()
    work = tempfile.mkdtemp(prefix="briefcli-bench-")
    table = Table()
    context: list[str] = []
    try:
        print("generating datasets...", file=sys.stderr)
        paths = {n: str(generate.ensure(n)) for n in sizes}

        # 1. Start-up, on the shipped dataset with a warm cache.
        warm = os.path.join(work, "shipped")
        shipped_env = environment(warm)
        run(bc + ["people"], shipped_env)  # fills the cache
        py = sys.executable
        if "startup" in wanted:
            print("start-up...", file=sys.stderr)
            ours, ref, load = alternate(timed(bc + ["people"], shipped_env),
                                        timed([py, "-c", "import typer, rich.console, rich.table"]),
                                        reps)
            table.ratio("`briefcli people` (shipped data, cache warm)", ours, ref,
                        "`import typer, rich.console, rich.table`", 1.25, not quick, load)
            for flag in ("--version", "--help"):
                ours, ref, load = alternate(timed(bc + [flag], shipped_env),
                                            timed([py, "-c", "import typer"]), reps)
                table.ratio(f"`briefcli {flag}`", ours, ref, "`import typer`", 1.1, not quick, load)

        # 2. Scale.
        query = ["quotes", "--speaker", SPEAKER]
        judged = not quick
        for n in (sizes if "scale" in wanted else ()):
            path = paths[n]
            size_mb = os.path.getsize(path) / 1e6
            print(f"{n} quotes ({size_mb:.1f} MB): first load...", file=sys.stderr)
            counter = iter(range(1000))
            peaks: list[int] = []
            filled: list[str] = []  # the caches the first queries filled

            def cold() -> float:
                filled.append(os.path.join(work, f"cold-{n}-{next(counter)}"))
                env = environment(filled[-1], path)
                seconds, peak, code = run(bc + query, env)
                if code != 0:
                    raise SystemExit(f"briefcli failed on {path}")
                peaks.append(peak)
                return seconds

            def csafe() -> float:
                # The collector paused, as briefcli pauses it while it loads.
                code = ("import gc; gc.disable(); import yaml; f = open(%r, encoding='utf-8'); "
                        "yaml.load(f, Loader=yaml.CSafeLoader)" % path)
                return timed([py, "-c", code])()

            warm_file_cache(path)
            first, parse, load = alternate(cold, csafe, cold_reps)
            if n == big:
                table.ratio(f"First `briefcli quotes --speaker {SPEAKER}`, {n:,} quotes "
                            f"({size_mb:.1f} MB), briefcli's cache empty", first, parse,
                            "PyYAML CSafeLoader parse alone, collector paused", 0.5, judged, load)
            big_env = environment(filled[-1], path)  # the last first query's cache, filled
            print(f"{n} quotes: later queries...", file=sys.stderr)
            later, small, later_load = alternate(timed(bc + query, big_env),
                                                 timed(bc + query, shipped_env), reps)
            jq = shutil.which("jq")
            if n == big:
                table.ratio(f"Later `briefcli quotes --speaker {SPEAKER}`, {n:,} quotes", later,
                            small, "same query, shipped data", 2.0, judged, later_load)
                if jq:
                    json_path = str(Path(path).with_suffix(".json"))
                    warm_file_cache(json_path)
                    later2, jqs, jq_load = alternate(timed(bc + query, big_env),
                                                     timed([jq, JQ_FILTER, json_path]), reps)
                    table.ratio(f"Later `briefcli quotes --speaker {SPEAKER}`, {n:,} quotes",
                                later2, jqs, "jq, same filter, same data as JSON", 0.5, judged,
                                jq_load)
                    _same_answer(bc, query, big_env, jq, json_path)
                else:
                    table.value("Later query vs jq", "skipped: jq is not installed", "≤ 0.5", None)
                # the first query again, its memory sampled with its helper's: the figure
                # judged is the summed resident sizes (pages the two share counted twice)
                both = tree_peak(bc + query, environment(os.path.join(work, f"tree-{n}"), path))
                peak_mb = both[0] if both else max(peaks)
                shown = (f"{both[0]} MB, both processes together ({both[1]} MB PSS); "
                         f"{max(peaks)} MB the larger alone" if both else f"{max(peaks)} MB")
                table.value(f"Peak memory, first query on {n:,} quotes", shown,
                            "≤ 400 MB", peak_mb <= 400 if judged else None, load)
                # Every quote listed: the cards are drawn and written as they go.
                listing = Load()
                whole, peak, code = run(bc + ["quotes"], big_env)
                if code != 0:
                    raise SystemExit("briefcli quotes failed")
                starts = [first_lines(bc + ["quotes"], big_env) for _ in range(min(reps, 5))]
                table.value(f"`briefcli quotes`, all {n:,} quotes, piped, cache filled: its first "
                            "3 lines", _secs(statistics.median(starts)), "measured", None,
                            str(listing))
                table.value(f"`briefcli quotes`, all {n:,} quotes, piped, cache filled: the whole "
                            "listing, and its peak memory", f"{_secs(whole)}, {peak} MB", "measured",
                            None, str(listing))
            cache_files = [f for f in Path(filled[-1]).rglob("*") if f.is_file()]
            cache_mb = sum(f.stat().st_size for f in cache_files) / 1e6
            context.append(
                f"| {n:,} | {size_mb:.1f} MB | {_spread(first)} | "
                f"{_spread(parse)} | {_secs(statistics.median(later))} | "
                f"{max(peaks)} MB | {cache_mb:.1f} MB | {_cpu(first, parse)} | {load}; {later_load} |"
            )
        # 3. extract on hostile and many articles (its own module).
        from extract_bench import run_extract

        if "extract" in wanted:
            print("extract...", file=sys.stderr)
            EXTRACT_NOTES[:] = run_extract(table, bc, quick)
        # 4. One file of a folder dataset edited.
        if "incremental" in wanted:
            incremental(bc, query, work, table, context_folder := [], quick, reps)
            context += context_folder
    finally:
        shutil.rmtree(work, ignore_errors=True)

    finished = datetime.datetime.now().astimezone()
    text = "\n".join([
        "# briefcli benchmark results",
        "",
        f"{'Quick run (small sizes, targets not judged)' if quick else 'Full run'} of "
        f"`python bench/run.py{' --quick' if quick else ''}`, {started:%Y-%m-%d %H:%M %Z} "
        f"({(finished - started).total_seconds() / 60:.0f} min).",
        "",
        f"Machine: {note}.",
        "",
        f"Medians of {reps} alternating runs per side ({cold_reps} for first loads). Each ratio "
        "compares two commands timed in turn in this run.",
        "",
        CONDITIONS,
        "",
        table.markdown(),
        "",
        "By size (query: `briefcli quotes --speaker Arbour`, the same five quotes at every size; "
        "same conditions):",
        "",
        "| Quotes | YAML | First query, briefcli's cache empty (fastest-slowest) | CSafeLoader "
        "parse alone, collector paused (fastest-slowest) | Later query, cache filled | Peak memory, first query (the larger process) | Cache files | "
        "CPU s, first query / CSafeLoader (ratio) | Load (first; later) |",
        "|---|---|---|---|---|---|---|---|---|",
        *context,
        "",
        *NOTES,
        _own_peak_note(),
        *EXTRACT_NOTES,
    ])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")  # a file that ends its last line
    if not quick and not args.no_readme:
        _update_readme(table.markdown(), started)
    print(text)
    print(f"written to {out}", file=sys.stderr)


PARTS = ("startup", "scale", "extract", "incremental")

CONDITIONS = (
    "Conditions, for every row: each side is a fresh process; Python's cycle collector is "
    "paused on both sides of a comparison with CSafeLoader (briefcli pauses it while it reads "
    "a dataset, the reference runs `gc.disable()` first) and left as it is elsewhere; the OS "
    "file cache is warm for both sides (each dataset file, and its source texts, read once before it is timed); briefcli's "
    "own cache is empty for a first query (a new folder each run) and filled for a later one. "
    "briefcli reads a dataset file of over 4 MB on two processes where it may use two CPUs (the "
    "later half of its pieces in a helper): a first query's wall time uses both, its CPU seconds "
    "are both processes' together, and the reference parses on one. After an edit, on Linux "
    "with two CPUs, a helper validates the edited file (briefcli parses it and hands it over) "
    "while briefcli opens the other files' entries, and another sorts the answer's indexes "
    "whose keys the edit changed while briefcli checks the dataset (an index whose keys did "
    "not change is copied from the earlier answer: the benchmark's edit, a topic added, "
    "changes the ids, not the speakers); the warm query it is compared with runs in one "
    "process. "
    "Load is the 1-minute load average seen during the measure (this machine has "
    f"{os.cpu_count()} CPUs shared with other work)."
)

EXTRACT_NOTES: list[str] = []


def incremental(bc, query, work, table, notes, quick, reps) -> None:
    """A folder dataset, one of its files edited before each query: the query that follows
    reads only that file again. Compared with a query on the unchanged (warm) folder."""
    n, files = (300, 5) if quick else (100000, 100)
    folder = generate.ensure_folder(n, files)
    env = environment(os.path.join(work, "folder"), str(folder))
    _, peak, _ = run(bc + query, env)  # fills the cache
    table.value(f"Peak memory, first query on the folder of {files} files, {n:,} quotes",
                f"{peak} MB", "≤ 400 MB", peak <= 400 if not quick else None, str(Load()))
    edited = folder / f"part-{files // 2:03d}.yaml"
    original = edited.read_text(encoding="utf-8")
    count = iter(range(10**6))

    def after_edit() -> float:
        # a new record each time, so the file's content is always new
        edited.write_text(original + f"\ntopics:\n  - id: edit-{next(count)}\n    name: An edit\n"
                          if "\ntopics:" not in original else
                          original.replace("\ntopics:\n", f"\ntopics:\n  - id: edit-{next(count)}\n"
                                           "    name: An edit\n", 1), encoding="utf-8")
        return timed(bc + query, env)()

    print(f"folder of {files} files, {n} quotes: one file edited...", file=sys.stderr)
    try:
        edit, warm, load = alternate(after_edit, timed(bc + query, env),
                                     min(reps, 3) if quick else max(3, reps // 4))
    finally:
        edited.write_text(original, encoding="utf-8")
    table.ratio(f"`briefcli quotes --speaker {SPEAKER}` after one of {files} files is edited, "
                f"{n:,} quotes", edit, warm, "same query, nothing edited", 3.0, not quick, load)
    notes.append(f"\nFolder dataset: {n:,} quotes in {files} files; after one file is edited "
                 f"the next query takes {_secs(statistics.median(edit))} (median), an unchanged "
                 f"folder's {_secs(statistics.median(warm))}; in CPU seconds, edited / unchanged: "
                 f"{_cpu(edit, warm)}.")


NOTES = [
    "Notes:",
    "",
    "- `briefcli --version` answers before Click is imported; `--help` is Click's plain help.",
    "  briefcli's command line is Click (commands imported when run); `import typer` stays the",
    "  yardstick for start-up. Completion latency: `python bench/completion.py`.",
    "- A later query reads the cache without pydantic or PyYAML.",
    "- The first query reads the YAML with briefcli's full strictness (fast reader, pydantic",
    "  validation, cross-checks) and writes the cache; its peak memory is the run's maximum.",
    "- jq answers from a JSON copy of the same records (`bench/data/q*/dataset.json`); the",
    "  benchmark checks that briefcli and jq find the same quotes.",
    "",
]


def _own_peak_note() -> str:
    """The benchmark's own peak memory. On Linux a child reports at least the peak of the
    process that started it (ru_maxrss survives fork and exec), so the peaks above are the
    commands' own only while this stays below them."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return (f"- This benchmark's own process peaked at {own} MB. On Linux a command it starts "
            "reports at least that as its peak, so a peak above is the command's own only "
            "where it is larger.")


def _same_answer(bc, query, env, jq, json_path) -> None:
    """briefcli and jq must find the same quotes, or the comparison means nothing."""
    ours = subprocess.run(bc + query + ["--json"], env=env, capture_output=True, text=True, check=True)
    theirs = subprocess.run([jq, JQ_FILTER, json_path], capture_output=True, text=True, check=True)
    ids = sorted(q["id"] for q in json.loads(ours.stdout))
    if ids != sorted(q["id"] for q in json.loads(theirs.stdout)):
        raise SystemExit("briefcli and jq disagree on the answer")


def _update_readme(table: str, when) -> None:
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start not in text or end not in text:
        return
    block = (f"{start}\nLatest full run ({when:%Y-%m-%d}); details in `bench/RESULTS.md`.\n\n"
             f"{CONDITIONS}\n\n{table}\n{end}")
    text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
