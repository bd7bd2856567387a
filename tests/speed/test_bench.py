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


# Each part of the benchmark, and the rows it must write. One run does them all, so the
# benchmark's set-up (byte-compiling, the shipped dataset's cache) is paid once.
PARTS = {
    "startup": ["`briefcli people`", "`briefcli --version`", "`briefcli --help`"],
    "scale": ["CSafeLoader", "same query, shipped data", "Peak memory", "its first 3 lines",
              "the whole listing"],
    "extract": ["`extract`, ordinary news", "refused: over the size limit", "`extract FOLDER -o OUT`"],
    "incremental": ["files is edited", "Peak memory, first query on the folder"],
}


@pytest.fixture
def bench_data(generate):
    """The datasets the quick benchmark reads (bench/data); the generator holds a lock while it
    checks for and writes a dataset, so a worker that needs one at the same time waits."""
    generate.ensure(300)  # the sizes of --quick: one dataset, and one folder of 5 files
    generate.ensure_folder(300, 5)


@pytest.mark.slow
def test_quick_benchmark_runs(tmp_path, bench_data):
    out = tmp_path / "RESULTS.md"
    done = subprocess.run(
        # one run per side: this checks that every part of the benchmark works, not the figures
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--reps", "1", "--cold-reps", "1",
         "--no-readme", "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in out.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith("| Measure")]
    for part, measures in PARTS.items():
        for measure in measures:
            assert any(measure in row for row in rows), (part, measure, rows)


def test_every_part_of_the_benchmark_is_checked():
    """The run above checks rows of every part bench/run.py has (its PARTS)."""
    import ast

    tree = ast.parse((REPO / "bench" / "run.py").read_text(encoding="utf-8"))
    parts = next(ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                 and [getattr(t, "id", None) for t in node.targets] == ["PARTS"])
    assert sorted(parts) == sorted(PARTS)
