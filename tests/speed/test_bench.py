"""The benchmark keeps working: its quick mode runs, and its datasets are valid."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefcli.load import check_all

from .conftest import REPO


def test_generated_dataset_is_valid_and_verifies(generated):
    plain, problems, _ = check_all([str(generated)], verify=True)
    assert plain is not None
    assert [p for p in problems if p.severity == "error"] == []
    assert len(plain["quotes"]) == 1000 + 11  # the shipped quotes come first
    assert [q["id"] for q in plain["quotes"][:11]] == [
        q["id"] for q in check_all([str(REPO / "data" / "compact.yaml")])[0]["quotes"]
    ]


def test_folder_dataset_holds_the_same_records(generate, tmp_path):
    single = generate.write(300, tmp_path / "one")
    folder = generate.write_folder(300, tmp_path / "many", files=7)
    assert len(list(folder.glob("*.yaml"))) == 7
    whole, problems, _ = check_all([str(folder)])
    assert [p for p in problems if p.severity == "error"] == []
    assert whole == check_all([str(single)])[0]


def test_generator_is_deterministic(generate):
    first, texts = generate.build(200)
    again, texts_again = generate.build(200)
    assert generate.to_yaml(first) == generate.to_yaml(again)
    assert texts == texts_again


# Each part of the benchmark, and the rows it must write. The parts run as two benchmark runs
# of two parts each, so the test workers share them; each run pays the benchmark's set-up
# (byte-compiling, the shipped dataset's cache) once for two parts. `python bench/run.py --quick`
# runs them all in one go.
PARTS = {
    "startup": ["`briefcli people`", "`briefcli --version`", "`briefcli --help`"],
    "scale": ["CSafeLoader", "same query, shipped data", "Peak memory"],
    "extract": ["`extract`, ordinary news", "refused: over the size limit", "`extract FOLDER -o OUT`"],
    "incremental": ["files is edited", "Peak memory, first query on the folder"],
}
RUNS = [("startup", "extract"), ("scale", "incremental")]  # about the same time each


@pytest.fixture
def bench_data(generate):
    """The datasets the quick benchmark reads (bench/data). The runs start in parallel; the
    generator holds a lock while it checks for and writes a dataset, so they are written once."""
    generate.ensure(300)  # the sizes of --quick: one dataset, and one folder of 5 files
    generate.ensure_folder(300, 5)


@pytest.mark.slow
@pytest.mark.parametrize("parts", RUNS, ids="+".join)
def test_quick_benchmark_runs(tmp_path, parts, bench_data):
    out = tmp_path / "RESULTS.md"
    only = [arg for part in parts for arg in ("--only", part)]
    done = subprocess.run(
        # one run per side: this checks that every part of the benchmark works, not the figures
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--reps", "1", "--cold-reps", "1",
         *only, "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in out.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith("| Measure")]
    for part in parts:
        for measure in PARTS[part]:
            assert any(measure in row for row in rows), (part, measure, rows)


def test_every_part_of_the_benchmark_is_run():
    """The runs above cover every part bench/run.py has (its PARTS), and check rows of each."""
    import ast

    tree = ast.parse((REPO / "bench" / "run.py").read_text(encoding="utf-8"))
    parts = next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                 and [getattr(t, "id", None) for t in node.targets] == ["PARTS"])
    assert sorted(part for run in RUNS for part in run) == sorted(parts) == sorted(PARTS)
