"""Attacks on the cache's freshness (issue 14): each ends with the answer the YAML gives now."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SHIPPED
from .test_cache import cache_file, from_cache


@pytest.fixture
def dataset(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(SHIPPED.parent, folder)
    return folder / "compact.yaml"


def lajcak_texts(run_json, *data: str) -> list[str]:
    args = [a for path in data for a in ("--data", path)]
    code, quotes, err = run_json(*args, "quotes", "--speaker", "lajcak")
    assert code == 0, err
    return [q["text"] for q in quotes]


def test_an_edit_saved_while_the_first_load_runs_is_seen_next_time(dataset, run_json, monkeypatch):
    """The editor saves after briefcli read the file but before it wrote the cache."""
    from briefcli.load import fastread

    original = fastread.parse
    saved = []

    def parse_then_editor_saves(text, name):
        result = original(text, name)
        if not saved:
            edited = dataset.read_text(encoding="utf-8").replace(
                "text: tough negotiations", "text: negotiations")
            dataset.write_text(edited, encoding="utf-8")
            saved.append(True)
        return result

    monkeypatch.setattr(fastread, "parse", parse_then_editor_saves)
    assert "tough negotiations" in lajcak_texts(run_json, str(dataset))  # what it read
    monkeypatch.setattr(fastread, "parse", original)
    for _ in range(2):
        texts = lajcak_texts(run_json, str(dataset))
        assert "negotiations" in texts and "tough negotiations" not in texts


def _same_size_edit_keeping_times(path: Path, old: str, new: str) -> None:
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as touch -r would
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size, before.st_mtime_ns, before.st_ino)


def test_a_same_size_edit_with_the_old_mtime_is_seen(dataset, run_json):
    assert "tough negotiations" in lajcak_texts(run_json, str(dataset))
    _same_size_edit_keeping_times(dataset, "text: tough negotiations", "text: rough negotiations")
    code, _, err = run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")
    assert code == 1  # "rough negotiations" is not in the article
    assert "not found word for word in source 'un-news-2017-12-07'" in err


def test_a_same_size_edit_of_a_source_text_with_the_old_mtime_is_seen(dataset, run_json):
    assert "tough negotiations" in lajcak_texts(run_json, str(dataset))
    article = dataset.parent / "sources" / "un-news-2017-12-07.txt"
    _same_size_edit_keeping_times(article, "tough negotiations", "rough negotiations")
    code, _, err = run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")
    assert code == 1
    assert "quotes[5].text: not found word for word in source 'un-news-2017-12-07'" in err


def test_a_source_text_may_not_be_a_dataset_file(dataset, run_json):
    text = dataset.read_text(encoding="utf-8")
    # every quote is found word for word in the YAML that holds it
    text = text.replace("text: sources/un-news-2017-12-07.txt", "text: compact.yaml")
    dataset.write_text(text.replace("text: tough negotiations", "text: made-up words"),
                       encoding="utf-8")
    code, out, err = run_json("--data", str(dataset), "people")
    assert (code, out) == (1, None)
    assert "sources[0].text: the text is a file of the dataset itself, not a source's text" in err


@pytest.mark.parametrize("spelling", ["relative", "dotted", "absolute", "through a link"])
def test_every_spelling_of_a_path_shares_one_cache(spelling, dataset, run_json, monkeypatch):
    monkeypatch.chdir(dataset.parent)
    run_json("--data", "compact.yaml", "people")
    built = cache_file(Path(os.environ["BRIEFCLI_CACHE_DIR"])).stat().st_mtime_ns
    if spelling == "through a link":
        os.symlink(dataset.parent, dataset.parent.parent / "link")
    path = {"relative": "compact.yaml", "dotted": "./compact.yaml", "absolute": str(dataset),
            "through a link": str(dataset.parent.parent / "link" / "compact.yaml")}[spelling]
    assert from_cache([path]) is not None
    assert run_json("--data", path, "people")[0] == 0
    assert cache_file(Path(os.environ["BRIEFCLI_CACHE_DIR"])).stat().st_mtime_ns == built


def test_a_fifo_for_a_cache_file_does_not_block(dataset, isolated, tmp_path):
    """Run as a real process: a blocked open would hang it (the timeout is only a safety net)."""
    env = {**os.environ, "BRIEFCLI_CACHE_DIR": str(isolated), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "briefcli", "--data", str(dataset), "people", "--json"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0
    for path in [*isolated.glob("answers/*"), *isolated.glob("files/*")]:
        path.unlink()
        os.mkfifo(path)
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")


def test_validate_from_the_cache_places_warnings_as_the_yaml_does(run_json, tmp_path):
    """Warnings are placed only when shown; from the cache or a per-file entry, in the same words."""
    from .conftest import REPO

    source = REPO / "tests" / "data" / "valid"
    folder = tmp_path / "valid"
    shutil.copytree(source, folder)
    data = str(folder / "warns-unreferenced-person.yaml")
    without = run_json("--no-cache", "validate", data)
    assert without[1]["warnings"] >= 1 and all(p["line"] for p in without[1]["problems"])
    assert run_json("validate", data) == without  # read, then cached
    assert run_json("validate", data) == without  # from the cache
    for answer in Path(os.environ["BRIEFCLI_CACHE_DIR"]).glob("answers/*.answer"):
        answer.unlink()
    assert run_json("validate", data) == without  # merged from the per-file entry
