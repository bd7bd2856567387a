"""A dataset of several files through the cache: after an edit only the edited file is read
again, and what spans files (references, ids, verified quotes) is checked as without a cache."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import REPO
from .test_cache import QUERIES, answers, uncached

VALID = REPO / "tests" / "data" / "valid"


def _parsed(monkeypatch, log: Path):
    """A callable giving the names of the dataset files parsed from now on, by this process
    or a helper forked from it (each name is appended to ``log``)."""
    from briefcli.load import fastread

    original = fastread.parse

    def parse(text, name):
        with open(log, "a", encoding="utf-8") as out:
            out.write(Path(name).name + "\n")
        return original(text, name)

    monkeypatch.setattr(fastread, "parse", parse)
    return lambda: log.read_text(encoding="utf-8").split() if log.exists() else []


def test_an_edit_reads_only_that_file_and_answers_as_without_cache(
        generate, tmp_path, run_json, monkeypatch):
    folder = generate.write_folder(300, tmp_path / "data", files=10)
    answers(run_json, folder, QUERIES[:1])  # fills the cache
    edited = folder / "part-005.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "\nsteps:\n", "\nsteps:\n  - id: an-edit\n    what: An edit\n    when: 2018-05\n"
        "    source: un-news-2017-12-07\n", 1), encoding="utf-8")
    parsed = _parsed(monkeypatch, tmp_path / "parsed")
    after = answers(run_json, folder)
    assert parsed() == ["part-005.yaml"]
    assert after == uncached(run_json, folder)
    assert "An edit" in json.dumps(after[QUERIES.index(("timeline",))][1])


def _quote(qid: str, speaker: str, text: str, parts: list[str] | None = None) -> str:
    lines = f"  - id: {qid}\n    speaker: {speaker}\n    kind: direct\n    text: {text}\n"
    if parts:
        lines += "    parts:\n" + "".join(f"      - {p}\n" for p in parts)
    return lines + "    source: article\n"


SPLIT = ["We have a long road ahead,", "before the end of April 2018."]
RESPLIT = ["We have a long road", "ahead, before the end of April 2018."]  # not in the source


@pytest.mark.parametrize("edit", ["person renamed", "id taken", "id of a person taken",
                                  "id of a quote taken", "quote re-split"])
def test_an_edit_that_breaks_another_file_is_reported_as_without_cache(
        edit, tmp_path, cli, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(VALID / "sources", folder / "sources")
    shutil.copy(VALID / "minimal.yaml", folder / "a.yaml")
    quotes = folder / "b.yaml"
    quotes.write_text("quotes:\n" + _quote("lopez-road", "lopez", " ".join(SPLIT), SPLIT),
                      encoding="utf-8")
    people = folder / "c.yaml"
    people.write_text("people:\n  - id: lopez\n    name: Luis Lopez\n    source: article\n",
                      encoding="utf-8")
    env = {"BRIEFCLI_NO_CACHE": "", "BRIEFCLI_CACHE_DIR": str(tmp_path / "cache")}
    assert cli("validate", str(folder), env=env).exit_code == 0  # every file's entry cached
    if edit == "person renamed":
        people.write_text(people.read_text(encoding="utf-8").replace("lopez", "lopes"),
                          encoding="utf-8")
    elif edit.startswith("id"):  # by a topic: another topic's, a person's, a quote's
        taken = {"id taken": "talks", "id of a person taken": "lopez",
                 "id of a quote taken": "lopez-road"}[edit]
        people.write_text(people.read_text(encoding="utf-8") + f"topics:\n  - id: {taken}\n"
                          "    name: Talks again\n", encoding="utf-8")
    else:
        quotes.write_text("quotes:\n" + _quote("lopez-road", "lopez", " ".join(RESPLIT), RESPLIT),
                          encoding="utf-8")
    cached = cli("validate", str(folder), env=env)
    without = cli("validate", str(folder), env={"BRIEFCLI_NO_CACHE": "1"})
    assert (cached.exit_code, cached.stderr) == (without.exit_code, without.stderr)
    errors = [line for line in cached.stderr.splitlines() if ": warning: " not in line]
    # a person's id taken: the person is left out, so the quote's speaker is unknown too
    assert cached.exit_code == 1 and len(errors) == (2 if edit == "id of a person taken" else 1)


def test_a_quote_holding_a_nul_is_not_taken_for_the_quotes_it_joins(tmp_path, cli):
    """Two quotes found in the article, then one quote that joins them with a NUL (a YAML
    escape), which the article does not hold: the cache must not count it as verified."""
    folder = tmp_path / "data"
    shutil.copytree(VALID / "sources", folder / "sources")
    shutil.copy(VALID / "minimal.yaml", folder / "a.yaml")
    people = "people:\n  - id: lopez\n    name: Luis Lopez\n    source: article\n"
    quotes = folder / "b.yaml"
    quotes.write_text(people + "quotes:\n" + _quote("road", "lopez", "We have a long road ahead,")
                      + _quote("open", "lopez", "but the road is open,"), encoding="utf-8")
    env = {"BRIEFCLI_NO_CACHE": "", "BRIEFCLI_CACHE_DIR": str(tmp_path / "cache")}
    assert cli("validate", str(folder), env=env).exit_code == 0  # both verified, and cached
    quotes.write_text(people + "quotes:\n" + _quote(
        "road", "lopez", '"We have a long road ahead,\\0but the road is open,"'), encoding="utf-8")
    cached = cli("validate", str(folder), env=env)
    without = cli("validate", str(folder), env={"BRIEFCLI_NO_CACHE": "1"})
    assert (cached.exit_code, cached.stderr) == (without.exit_code, without.stderr)
    assert cached.exit_code == 1
    assert "quotes[0].text: not found word for word in source 'article'" in cached.stderr


def _add_a_step(file: Path) -> None:
    file.write_text(file.read_text(encoding="utf-8").replace(
        "\nsteps:\n", "\nsteps:\n  - id: an-edit\n    what: An edit\n    when: 2018-05\n"
        "    source: un-news-2017-12-07\n", 1), encoding="utf-8")


def _counted(monkeypatch) -> list:
    """The texts looked for (verify.located_in) from now on, in this process."""
    from briefcli.load import verify

    calls: list = []
    original = verify.located_in

    def located_in(dataset_file, rel, folders=None):
        calls.append((Path(dataset_file).name, rel))
        return original(dataset_file, rel, folders)

    monkeypatch.setattr(verify, "located_in", located_in)
    return calls


def test_after_an_edit_only_the_edited_files_texts_are_looked_for_again(
        generate, tmp_path, run_json, monkeypatch):
    """The other files' texts are taken as the earlier answer found them: their files and
    bytes are unchanged, as for a query from a good answer."""
    import yaml

    folder = generate.write_folder(300, tmp_path / "data", files=4)
    answers(run_json, folder, QUERIES[:1])
    edited = folder / "part-002.yaml"
    _add_a_step(edited)
    looked = _counted(monkeypatch)
    after = answers(run_json, folder, QUERIES[:1])
    named = [s["text"] for s in yaml.safe_load(edited.read_text(encoding="utf-8"))["sources"]
             if s.get("text")]
    assert sorted(looked) == sorted(("part-002.yaml", rel) for rel in named) and named
    assert after == uncached(run_json, folder, QUERIES[:1])


@pytest.mark.parametrize("change", ["text reworded", "folder linked outside"])
def test_after_an_edit_a_changed_text_of_another_file_is_seen(change, tmp_path, cli):
    """A text named by an unchanged file, changed since the earlier answer, is looked at
    again (the edited file names no text, so only the unchanged file's lead to it): the
    same error as without the cache."""
    folder = tmp_path / "data"
    shutil.copytree(VALID / "sources", folder / "sources")
    shutil.copy(VALID / "minimal.yaml", folder / "a.yaml")
    people = folder / "b.yaml"
    people.write_text("people:\n  - id: lopez\n    name: Luis Lopez\n    source: article\n",
                      encoding="utf-8")
    env = {"BRIEFCLI_NO_CACHE": "", "BRIEFCLI_CACHE_DIR": str(tmp_path / "cache")}
    assert cli("validate", str(folder), env=env).exit_code == 0
    people.write_text(people.read_text(encoding="utf-8") + "topics:\n  - id: more\n"
                      "    name: More talks\n", encoding="utf-8")
    if change == "text reworded":  # the quote is no longer in it
        (folder / "sources" / "article.txt").write_text("Nothing said here.\n", encoding="utf-8")
    else:  # the same text, now through a link to a folder outside the dataset's
        shutil.move(folder / "sources", tmp_path / "elsewhere")
        (folder / "sources").symlink_to(tmp_path / "elsewhere")
    cached = cli("validate", str(folder), env=env)
    without = cli("validate", str(folder), env={"BRIEFCLI_NO_CACHE": "1"})
    assert (cached.exit_code, cached.stderr) == (without.exit_code, without.stderr)
    assert cached.exit_code == 1 and "a.yaml:" in cached.stderr


def _verified(monkeypatch) -> list:
    """The sources whose quotes are verified from now on (verify.all_found), in this process:
    how many passages each time."""
    from briefcli.load import verify

    calls: list = []
    original = verify.all_found

    def all_found(passages, text):
        calls.append(len(passages))
        return original(passages, text)

    monkeypatch.setattr(verify, "all_found", all_found)
    return calls


def _add_a_topic(file: Path) -> None:
    file.write_text(file.read_text(encoding="utf-8").replace(
        "\ntopics:\n", "\ntopics:\n  - id: more\n    name: More talks\n", 1), encoding="utf-8")


OTHER_SOURCE = ("  - id: other\n    title: Another article\n    publisher: Test News\n"
                "    published: 2018-03-12\n    text: sources/other.txt\n")


@pytest.mark.parametrize("edit", ["topic added", "quote moved to another source",
                                  "quote now from a text without it", "text that does not decode"])
def test_a_file_verified_before_is_not_verified_again_unless_its_quotes_or_texts_change(
        edit, tmp_path, cli, monkeypatch):
    """A file whose quotes were all found in their texts before is keyed by its passages,
    the sources they are from and the digests of those texts (and of the texts it names):
    an edit to another file verifies nothing of it again, and an edit that changes any of
    these is verified, with the same answer as without the cache."""
    folder = tmp_path / "data"
    shutil.copytree(VALID / "sources", folder / "sources")
    (folder / "sources" / "other.txt").write_text("Nothing of the road here.\n", encoding="utf-8")
    shutil.copy(VALID / "minimal.yaml", folder / "a.yaml")
    quotes = folder / "b.yaml"
    people = "people:\n  - id: lopez\n    name: Luis Lopez\n    source: article\n"
    quotes.write_text("sources:\n" + OTHER_SOURCE + people + "quotes:\n"
                      + _quote("road", "lopez", "We have a long road ahead,"), encoding="utf-8")
    env = {"BRIEFCLI_NO_CACHE": "", "BRIEFCLI_CACHE_DIR": str(tmp_path / "cache")}
    assert cli("validate", str(folder), env=env).exit_code == 0
    verified = _verified(monkeypatch)
    if edit == "topic added":  # a.yaml: b.yaml's quote is not verified again
        _add_a_topic(folder / "a.yaml")
    elif edit == "quote moved to another source":  # the same passage, from 'other'
        quotes.write_text(quotes.read_text(encoding="utf-8").replace(
            "    source: article\n", "    source: other\n"), encoding="utf-8")
    elif edit == "quote now from a text without it":  # 'other' named by a.yaml instead
        quotes.write_text(quotes.read_text(encoding="utf-8").replace(
            "text: sources/other.txt", "text: sources/article.txt"), encoding="utf-8")
        (folder / "sources" / "article.txt").write_text("Nothing said here.\n", encoding="utf-8")
    else:  # a text no quote is from, in a file not edited, no longer UTF-8
        (folder / "sources" / "other.txt").write_bytes(b"Caf\xe9\n")
        _add_a_topic(folder / "a.yaml")
    cached = cli("validate", str(folder), env=env)
    without = cli("validate", str(folder), env={"BRIEFCLI_NO_CACHE": "1"})
    assert (cached.exit_code, cached.stderr) == (without.exit_code, without.stderr)
    if edit == "topic added":
        assert cached.exit_code == 0 and verified == []
    else:
        assert cached.exit_code == 1, cached.stderr


@pytest.mark.parametrize("edit", ["source renamed", "event added", "event of no source",
                                  "source moved in"])
def test_references_of_files_not_edited_are_checked_when_an_id_they_may_name_goes(
        edit, tmp_path, cli):
    """After an edit, the references of the files not edited are taken as the earlier answer
    found them (to ids) only while every id the edited file held is still there: a source
    renamed in the edited file that another file's quote is from is an error, as without
    the cache; ids added, or an id that moves from one file to another, are not; the edited
    file's own references are looked at."""
    folder = tmp_path / "data"
    shutil.copytree(VALID / "sources", folder / "sources")
    (folder / "sources" / "other.txt").write_text("We have a long road ahead,\n", encoding="utf-8")
    shutil.copy(VALID / "minimal.yaml", folder / "a.yaml")
    quotes = folder / "b.yaml"
    quotes.write_text("people:\n  - id: lopez\n    name: Luis Lopez\n    source: article\n"
                      "quotes:\n" + _quote("road", "lopez", "We have a long road ahead,")
                      .replace("source: article", "source: other"), encoding="utf-8")
    sources = folder / "c.yaml"
    sources.write_text("sources:\n" + OTHER_SOURCE, encoding="utf-8")
    env = {"BRIEFCLI_NO_CACHE": "", "BRIEFCLI_CACHE_DIR": str(tmp_path / "cache")}
    assert cli("validate", str(folder), env=env).exit_code == 0
    if edit == "source renamed":
        sources.write_text(sources.read_text(encoding="utf-8").replace("id: other",
                                                                       "id: another"),
                           encoding="utf-8")
    elif edit.startswith("event"):  # from a source, or from one that is not there
        source = "other" if edit == "event added" else "nowhere"
        sources.write_text(sources.read_text(encoding="utf-8") + "events:\n  - id: later\n"
                           f"    name: Later round\n    when: 2018-03-12\n    source: {source}\n",
                           encoding="utf-8")
    else:  # 'other' defined in a.yaml now, and no longer in c.yaml
        sources.write_text("topics:\n  - id: more\n    name: More talks\n", encoding="utf-8")
        a = folder / "a.yaml"
        a.write_text(a.read_text(encoding="utf-8").replace("\nplaces:\n", OTHER_SOURCE
                                                           + "\nplaces:\n", 1), encoding="utf-8")
    cached = cli("validate", str(folder), env=env)
    without = cli("validate", str(folder), env={"BRIEFCLI_NO_CACHE": "1"})
    assert (cached.exit_code, cached.stderr) == (without.exit_code, without.stderr)
    assert cached.exit_code == (0 if edit in ("event added", "source moved in") else 1), cached.stderr


def test_a_first_read_and_an_edit_are_answered_from_the_summaries(
        generate, tmp_path, run_json, monkeypatch):
    """Neither a first read of a folder nor the read after an edit falls back to the full
    reading (which gives the same answers, more slowly, so the answers alone cannot tell)."""
    from briefcli import load

    full: list = []
    original = load.check_all
    monkeypatch.setattr(load, "check_all", lambda *a, **k: full.append(a) or original(*a, **k))
    folder = generate.write_folder(300, tmp_path / "data", files=4)
    answers(run_json, folder, QUERIES[:1])
    _add_a_step(folder / "part-002.yaml")
    after = answers(run_json, folder, QUERIES[:1])
    assert full == []
    assert after == uncached(run_json, folder, QUERIES[:1])


def _made_indexes(monkeypatch) -> list:
    """The keys of the answer's indexes made from now on (cache.answer.index_of), in this
    process (a dataset this small has no helper make them)."""
    from briefcli.cache import answer

    made: list = []
    original = answer.index_of
    monkeypatch.setattr(answer, "index_of",
                        lambda key, values: made.append(key) or original(key, values))
    return made


@pytest.mark.parametrize("edit, made", [("title changed", []), ("topic added", ["ids"]),
                                        ("speaker changed", ["quotes.speaker"]),
                                        ("quote moved", ["ids", "quotes.speaker"])])
def test_an_index_whose_keys_an_edit_left_alone_is_taken_from_the_earlier_answer(
        edit, made, generate, tmp_path, run_json, monkeypatch):
    """The ids index is made again only when an edited file's ids changed (in any collection,
    or in order), the speakers' only when its quotes' speakers did; the answers are the same
    as without the cache either way."""
    folder = generate.write_folder(300, tmp_path / "data", files=3)
    queries = QUERIES[:4]  # by id, by speaker, and every quote in order
    answers(run_json, folder, queries[:1])
    edited = folder / "part-001.yaml"
    text = edited.read_text(encoding="utf-8")
    if edit == "title changed":  # (a title on one line)
        text = re.sub(r"^    title: (?![>|])", "    title: The ", text, count=1, flags=re.M)
    elif edit == "topic added":
        text = text.replace("\ntopics:\n", "\ntopics:\n  - id: more\n    name: More talks\n", 1)
    elif edit == "speaker changed":
        first = text.index("    speaker: ")
        text = text[:first] + "    speaker: arbour\n" + text[text.index("\n", first) + 1:]
    else:  # the file's first quote now last: the same ids and speakers, in another order
        start = text.index("\nquotes:\n") + len("\nquotes:\n")
        end = text.index("\nsteps:\n", start) + 1  # (the generator writes steps next)
        body = text[start:end].rstrip("\n") + "\n"
        second = body.index("\n  - ") + 1
        text = text[:start] + body[second:] + body[:second] + text[start + len(body):]
    assert text != edited.read_text(encoding="utf-8")  # (each edit found what it changes)
    edited.write_text(text, encoding="utf-8")
    indexes = _made_indexes(monkeypatch)
    after = answers(run_json, folder, queries)
    assert indexes == made
    assert after == uncached(run_json, folder, queries)


def test_indexes_are_copied_only_from_the_answer_the_check_started_from(
        generate, tmp_path, run_json):
    """Should another process write the answer while an edit is read, its indexes are not
    copied: they are taken only from an answer built from the files the edit started from."""
    import os

    from briefcli import cache
    from briefcli.cache.answer import indexes_of, texts_of
    from briefcli.cache.sealed import Sealed

    folder = generate.write_folder(300, tmp_path / "data", files=3)
    answers(run_json, folder, QUERIES[:1])
    path = cache.answer_path([os.path.realpath(folder)]) + ".answer"
    files = texts_of(path)[0]
    found = indexes_of(path, ["ids", "quotes.speaker"], files)
    sealed = Sealed(path)
    try:
        for key in ("ids", "quotes.speaker"):
            heads, chunks = found[key]
            assert heads == sealed.header["indexes"][key]
            # each part, and for a field's index how many positions each value has
            assert set(chunks) == {f"{key}/{n}" for n in range(len(heads))} | (
                {key} if key != "ids" else set())
            assert chunks == {name: (blob.data, blob.digest)
                              for name in chunks for blob in [sealed.blob(name)]}
    finally:
        sealed.close()
    other = dict(files, **{next(iter(files)): b"another file's digest"})
    assert indexes_of(path, ["ids", "quotes.speaker"], other) == {}
