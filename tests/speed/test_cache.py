"""The cache: same answers with and without it, rebuilt when stale, never trusted when bad."""

from __future__ import annotations

import marshal
import os
import shutil
import sqlite3
from binascii import crc32
from pathlib import Path

import pytest

from briefcli import cache

from .conftest import SHIPPED

QUERIES = [
    ("people",),
    ("person", "arbour"),
    ("quotes",),
    ("quotes", "--speaker", "Arbour"),
    ("quotes", "--speaker", "lajcak", "--kind", "direct"),
    ("quotes", "--topic", "cooperation"),
    ("quotes", "--search", "migration"),
    ("next",),
    ("next", "--as-of", "2018-03-01"),
    ("timeline",),
    ("brief",),
    ("search", "sovereignty"),
]


def answers(run_json, data: Path, queries=QUERIES) -> list:
    return [run_json("--data", str(data), *q) for q in queries]


@pytest.fixture
def dataset(tmp_path) -> Path:
    """A copy of the shipped dataset (and its source text) that tests may change."""
    folder = tmp_path / "data"
    shutil.copytree(SHIPPED.parent, folder)
    return folder / "compact.yaml"


def cache_file(isolated: Path) -> Path:
    files = list(isolated.glob("*.sqlite"))
    assert len(files) == 1, files
    return files[0]


@pytest.mark.parametrize("which", ["shipped", "generated"])
def test_same_answers_with_and_without_cache(which, generated, run_json, monkeypatch, isolated):
    data = SHIPPED if which == "shipped" else generated
    monkeypatch.setenv("BRIEFCLI_NO_CACHE", "1")
    without = answers(run_json, data)
    assert not isolated.exists()
    monkeypatch.delenv("BRIEFCLI_NO_CACHE")
    first = answers(run_json, data)  # builds the cache on the first query
    assert cache_file(isolated)
    later = answers(run_json, data)  # answered from the cache
    assert first == without
    assert later == without
    assert all(code == 0 for code, _, _ in without)


def test_no_cache_flag_and_variable_write_nothing(run_json, isolated, monkeypatch):
    assert run_json("--no-cache", "people")[0] == 0
    assert not isolated.exists()
    monkeypatch.setenv("BRIEFCLI_NO_CACHE", "1")
    assert run_json("people")[0] == 0
    assert not isolated.exists()
    monkeypatch.setenv("BRIEFCLI_NO_CACHE", "0")
    assert run_json("people")[0] == 0
    assert cache_file(isolated)


def test_answer_comes_from_the_cache(dataset, run_json, isolated):
    """With a fresh cache, briefcli does not read the YAML at all (so it must not be needed)."""
    before = run_json("--data", str(dataset), "people")
    loaded = cache.load_cached([str(dataset)])
    assert loaded is not None and loaded.info["title"].startswith("Global Compact")
    assert run_json("--data", str(dataset), "people") == before


def test_an_edited_source_text_is_noticed(dataset, run_json, isolated):
    code, quotes, _ = run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")
    assert code == 0
    article = dataset.parent / "sources" / "un-news-2017-12-07.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("tough negotiations", "hard talks"),
        encoding="utf-8",
    )
    # the cache was built against the old article: the quote no longer verifies
    code, quotes, err = run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")
    assert code == 1 and quotes is None
    assert "quotes[5].text: not found word for word in source 'un-news-2017-12-07'" in err


def test_stale_cache_is_rebuilt(dataset, run_json, isolated):
    code, quotes, _ = run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")
    assert code == 0 and "tough negotiations" in [q["text"] for q in quotes]
    built = cache_file(isolated).stat().st_mtime_ns
    # a shorter quote that is still word for word in the source, so the dataset stays valid
    text = dataset.read_text(encoding="utf-8").replace(
        "text: tough negotiations", "text: negotiations"
    )
    dataset.write_text(text, encoding="utf-8")
    code, quotes, _ = run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")
    texts = [q["text"] for q in quotes]
    assert "negotiations" in texts and "tough negotiations" not in texts
    assert cache_file(isolated).stat().st_mtime_ns != built
    # and the rebuilt cache gives the new answer too
    assert run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")[1] == quotes


def test_same_content_new_stat_keeps_the_cache(dataset, run_json, isolated):
    before = run_json("--data", str(dataset), "people")
    built = cache_file(isolated).stat().st_mtime_ns
    os.utime(dataset, ns=(1, 1))  # touched: stat differs, content does not
    assert cache.load_cached([str(dataset)]) is not None
    assert run_json("--data", str(dataset), "people") == before
    assert cache_file(isolated).stat().st_mtime_ns == built


def test_new_file_in_a_folder_makes_the_cache_stale(dataset, run_json, isolated):
    folder = dataset.parent
    run_json("--data", str(folder), "people")
    assert cache.load_cached([str(folder)]) is not None
    (folder / "more.yaml").write_text(
        "people:\n  - id: newcomer\n    name: New Comer\n    source: un-news-2017-12-07\n",
        encoding="utf-8",
    )
    assert cache.load_cached([str(folder)]) is None
    names = [p["name"] for p in run_json("--data", str(folder), "people")[1]]
    assert "New Comer" in names


def _damage(path: Path, how: str) -> None:
    raw = path.read_bytes()
    if how == "garbage":
        path.write_bytes(b"not a cache at all\n" * 100)
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "one page short":
        path.write_bytes(raw[:-4096])
    elif how == "zeroed middle":
        middle = len(raw) // 2
        path.write_bytes(raw[:middle] + b"\0" * 4096 + raw[middle + 4096 :])
    else:
        con = sqlite3.connect(path)
        if how == "other version":
            header = marshal.loads(con.execute("SELECT value FROM meta").fetchone()[0])
            header["version"] = "0.0.1"
            blob = marshal.dumps(header)
            con.execute("UPDATE meta SET value = ?, crc = ?", (blob, crc32(blob)))
        elif how == "other format":
            header = marshal.loads(con.execute("SELECT value FROM meta").fetchone()[0])
            header["format"] = -1
            blob = marshal.dumps(header)
            con.execute("UPDATE meta SET value = ?, crc = ?", (blob, crc32(blob)))
        elif how == "record bytes":
            con.execute("UPDATE records SET body = CAST(REPLACE(CAST(body AS TEXT), 'a', 'b') AS BLOB)"
                        " WHERE coll = 'quotes'")
        elif how == "record swapped":  # valid records in the wrong places
            con.execute("UPDATE records SET id = 'arbour' WHERE id = 'lajcak'")
            con.execute("UPDATE refs SET value = 'arbour' WHERE value = 'lajcak'")
        elif how == "records missing":
            con.execute("DELETE FROM records WHERE coll = 'people' AND idx = 3")
        con.commit()
        con.close()


DAMAGE = ["garbage", "empty", "truncated", "one page short", "zeroed middle", "other version",
          "other format", "record bytes", "record swapped", "records missing"]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_bad_cache_never_changes_an_answer(how, generated, run_json, isolated):
    expected = answers(run_json, generated)
    path = cache_file(isolated)
    _damage(path, how)
    assert answers(run_json, generated) == expected
    # it has been rebuilt, and is sound again
    assert answers(run_json, generated) == expected
    assert_sound(generated)


def assert_sound(data: Path) -> None:
    """The cache of ``data`` is there and every part of it reads without a problem."""
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(cache, "_distrusted", False)  # as in a new process
    try:
        loaded = cache.load_cached([str(data)])
        assert loaded is not None
        speakers = loaded.count_by("quotes", "speaker")
        for speaker in list(speakers)[:20]:
            assert len(loaded.records("quotes", speaker=speaker)) == speakers[speaker]
        assert loaded.person_names()
        assert loaded.plain["quotes"]
        assert all(loaded.get(p["id"]) == p for p in loaded.records("people"))
    finally:
        monkeypatch.undo()


def test_an_unwritable_cache_folder_is_not_an_error(dataset, run_json, isolated, monkeypatch):
    monkeypatch.setenv("BRIEFCLI_CACHE_DIR", str(dataset))  # a file, so no folder can be made
    assert run_json("--data", str(dataset), "people")[0] == 0


def test_cache_lives_in_the_user_cache_folder(monkeypatch):
    import platformdirs

    monkeypatch.delenv("BRIEFCLI_CACHE_DIR")
    path = cache.cache_path([str(SHIPPED)])
    assert path.startswith(platformdirs.user_cache_dir("briefcli", appauthor=False))
    assert path.endswith(".sqlite")
    assert cache.cache_path([str(SHIPPED)]) != cache.cache_path([str(SHIPPED), str(SHIPPED)])


def test_a_lower_size_limit_refuses_a_cached_file_too(dataset, run_json, monkeypatch):
    assert run_json("--data", str(dataset), "people")[0] == 0
    monkeypatch.setenv("BRIEFCLI_MAX_BYTES", "1000")
    code, out, err = run_json("--data", str(dataset), "people")
    assert (code, out) == (1, None)
    assert "over the 1,000-byte limit" in err


@pytest.mark.parametrize("value", ["", "0", "-5", "abc", "1000", "52428800", " 12"])
def test_the_cache_reads_the_size_limit_as_the_loader_does(value, monkeypatch):
    from briefcli.cache.files import size_limit
    from briefcli.load.yamlread import max_bytes

    monkeypatch.setenv("BRIEFCLI_MAX_BYTES", value)
    assert size_limit() == max_bytes()
