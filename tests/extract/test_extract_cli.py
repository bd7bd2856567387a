"""`briefcli extract`: drafts that load, files never overwritten, one-line errors."""

import json
import os
import socket
import subprocess
import sys

import plainyaml
import pytest
from extract_support import ALL_ARTICLES, COMPACT, SEED, beside, check, clean_env, run  # noqa: F401


@pytest.mark.parametrize("article", ALL_ARTICLES, ids=lambda p: p.name)
@pytest.mark.parametrize("standalone", [True, False], ids=["standalone", "fragment"])
def test_every_draft_loads_and_its_quotes_are_word_for_word(capsys, tmp_path, article, standalone):
    copy = beside(tmp_path, article)
    draft = tmp_path / "draft.yaml"
    args = ["extract", str(copy), "-o", str(draft)] if standalone else [
        "--data", str(COMPACT), "extract", str(copy), "-o", str(draft)]
    code, out, err = run(capsys, *args)
    assert (code, out) == (0, "")
    files = [draft] if standalone else [COMPACT, draft]
    plain, errors, warnings = check(files)
    assert errors == []
    assert all("is never referred to" in w for w in warnings)
    own = plainyaml.load(draft.read_text(encoding="utf-8"))
    assert ("dataset" in own) == standalone
    assert own["quotes"], "every article has quotes"
    # every quote's text stands in the article as the reader sees it
    raw = copy.read_text(encoding="utf-8")
    for quote in own["quotes"]:  # a quote in parts: each part is in the article, the text joins them
        for words in quote.get("parts") or [quote["text"]]:
            assert " ".join(words.split()) in " ".join(raw.split()) or "](" in raw
        if "parts" in quote:
            assert quote["text"] == " ".join(quote["parts"])


def test_json_offsets_point_at_the_words(capsys):
    for article in ALL_ARTICLES:
        code, out, _ = run(capsys, "extract", str(article), "--standalone", "--json")
        assert code == 0
        raw = article.read_text(encoding="utf-8")
        for quote in json.loads(out)["quotes"]:
            for part in quote["parts"]:
                assert raw[part["start"] : part["end"]] == part["text"]
        for mention in (m for p in json.loads(out)["people"] for m in p["mentions"]):
            assert raw[mention[0] : mention[1]].strip()


def test_stdout_is_the_draft(capsys, tmp_path, monkeypatch):
    copy = beside(tmp_path, SEED)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "extract", "sources/" + copy.name, "--standalone")
    assert (code, err) == (0, "")
    assert out.startswith("# Draft made by 'briefcli extract' from sources/global-compact-2017-12-07.txt")
    assert "    text: sources/global-compact-2017-12-07.txt  # relative to the current folder" in out
    assert "    # article chars 762-926\n" in out
    (tmp_path / "out.yaml").write_text(out, encoding="utf-8")
    assert check([tmp_path / "out.yaml"])[1] == []


def test_never_writes_over_a_file(capsys, tmp_path):
    copy = beside(tmp_path, SEED)
    target = tmp_path / "draft.yaml"
    target.write_text("mine\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(copy), "-o", str(target))
    assert code == 2 and out == ""
    assert err == f"briefcli: {target} already exists; extract never writes over a file: choose a new name\n"
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_writes_whole_files_and_leaves_nothing_behind(capsys, tmp_path):
    copy = beside(tmp_path, SEED)
    target = tmp_path / "drafts" / "seed.yaml"
    target.parent.mkdir()
    code, _, err = run(capsys, "extract", str(copy), "--standalone", "-o", str(target))
    assert code == 0
    assert sorted(os.listdir(target.parent)) == ["seed.yaml"]
    text = target.read_text(encoding="utf-8")
    assert "    text: ../sources/global-compact-2017-12-07.txt  # the article is outside" in text
    assert err.splitlines()[0].startswith(f"briefcli: wrote {target}: 4 new people, 6 quote records, 3 steps;")


def test_cannot_write_is_bad_input(capsys, tmp_path):
    code, _, err = run(capsys, "extract", str(SEED), "-o", str(tmp_path / "no" / "such" / "draft.yaml"))
    assert code == 1 and len(err.splitlines()) == 1 and "cannot write" in err


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["extract", "missing.txt"], 1, "missing.txt: no such file"),
        (["extract", str(SEED), "--date", "7 Dec"], 2,
         "briefcli: --date '7 Dec' is not a day: use YYYY-MM-DD or 'today'"),
        (["extract", str(SEED), "--source-id", "Seed Article"], 2,
         "briefcli: --source-id 'Seed Article' is not an id: use lower-case letters, digits, '.', '_' and '-'"),
        (["--data", str(COMPACT), "extract", str(SEED), "--source-id", "arbour"], 2,
         f"briefcli: {SEED}: --source-id 'arbour' is already an id in the dataset in use"),
        (["extract", str(SEED), "--json", "--format", "yaml"], 2,
         "briefcli: --json and --format yaml disagree; give one of them"),
    ],
)
def test_errors_are_one_line(capsys, args, code, message):
    got, out, err = run(capsys, *args)
    assert (got, out, err) == (code, "", message + "\n")


def test_article_without_dateline_needs_a_date(capsys, tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("“We are ready,” said Ana Ortiz, the chair of the talks.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(article), "--standalone")
    assert (code, out) == (2, "")
    assert err == (f"briefcli: {article}: the article has no dateline such as '7 December 2017 – '; "
                   "give its date with --date YYYY-MM-DD\n")
    code, out, _ = run(capsys, "extract", str(article), "--standalone", "--date", "2018-03-12")
    assert code == 0
    draft = plainyaml.load(out)
    assert draft["people"] == [{"id": "ortiz", "name": "Ana Ortiz", "roles": [{"title": "Chair of the talks"}],
                                "source": "note"}]
    assert draft["quotes"][0]["text"] == "We are ready,"


def test_empty_article_is_bad_input(capsys, tmp_path):
    article = tmp_path / "empty.md"
    article.write_text("\n\n", encoding="utf-8")
    assert run(capsys, "extract", str(article), "--standalone") == (1, "", f"{article}: the article is empty\n")


def test_date_option_beats_the_dateline(capsys):
    code, out, _ = run(capsys, "extract", str(SEED), "--standalone", "--json", "--date", "2017-12-08")
    found = json.loads(out)
    assert (found["date"], found["date_from"]) == ("2017-12-08", "option")
    assert found["draft"]["sources"][0]["published"] == "2017-12-08"
    assert found["quotes"][0]["when"]["earliest"] == "2017-12-06"  # still the Wednesday before


def test_people_in_the_dataset_are_matched_without_accents(capsys, tmp_path):
    dataset = tmp_path / "ours.yaml"
    dataset.write_text(
        "dataset: {title: T, process: P, as_of: 2018-12-31, summary: S}\n"
        "sources:\n  - {id: old, title: Old, publisher: UN News, published: 2017-12-07}\n"
        "people:\n  - {id: ml, name: Miroslav Lajcak, honorific: Mr., source: old}\n"
        "  - {id: gw, name: GRACE WANJIRU, source: old}\n",
        encoding="utf-8",
    )
    article = beside(tmp_path, SEED.parent / "hearing-2018-03-15.txt")
    draft = tmp_path / "draft.yaml"
    code, _, _ = run(capsys, "--data", str(dataset), "extract", str(article), "-o", str(draft))
    assert code == 0
    own = plainyaml.load(draft.read_text(encoding="utf-8"))
    assert [p["name"] for p in own["people"]] == ["Luis Arregui"]
    assert [q["speaker"] for q in own["quotes"]] == ["gw", "arregui", "arregui"]  # the first in two parts
    assert len(own["quotes"][0]["parts"]) == 2
    assert own["sources"][0]["publisher"] == "unknown"  # never taken from the dataset's other sources
    plain, errors, _ = check([dataset, draft])
    assert errors == []
    assert [q["when"]["earliest"] for q in plain["quotes"]] == ["2018-03-15"] * 3


def test_quote_dates_after_the_datasets_as_of_are_left_as_a_comment(capsys, tmp_path):
    article = beside(tmp_path, SEED.parent / "returns-2018-05-18.txt")
    draft = tmp_path / "draft.yaml"
    assert run(capsys, "--data", str(COMPACT), "extract", str(article), "-o", str(draft))[0] == 0
    text = draft.read_text(encoding="utf-8")
    assert "    # when: Monday (2018-05-14) is after the dataset's as_of 2017-12-07; raise as_of, then add it\n" in text
    assert all("when" not in q for q in plainyaml.load(text)["quotes"])


def test_terminal_codes_and_markup_in_an_article_stay_inert(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "sources" / "odd.txt"
    article.parent.mkdir()
    article.write_text(
        "Odd\n\n3 May 2018 – “We [bold]will not\u202e give up\x1b,” said Ana Ortiz, the chair of the talks.\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "extract", "sources/odd.txt", "--standalone")
    assert code == 1 and out == ""  # ESC is refused when the file is read
    assert err == "sources/odd.txt:3:41: control character U+001B is not allowed\n"
    article.write_text(
        "Odd\n\n3 May 2018 – “We [bold]will not\u202e give up,” said Ana Ortiz, the chair of the talks.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "extract", "sources/odd.txt", "--standalone")
    assert code == 0 and "\u202e" not in out
    assert '    text: "We [bold]will not\\u202e give up,"\n' in out
    draft = tmp_path / "draft.yaml"
    draft.write_text(out, encoding="utf-8")
    plain, errors, _ = check([draft])
    assert errors == [] and plain["quotes"][0]["text"] == "We [bold]will not\u202e give up,"


def test_no_network_is_needed(capsys, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    code, out, _ = run(capsys, "extract", str(SEED.parent / "first-round-2018-02-20.txt"), "--standalone", "--json")
    assert code == 0
    steps = json.loads(out)["steps"]
    assert [(s["when"]["wording"], s["when"]["earliest"]) for s in steps] == [
        ("July", "2018-07-01"), ("from 12 to 16 March", "2018-03-12"), ("early April", "2018-04-01")
    ]


def test_other_commands_do_not_load_the_extractor():
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys; from briefcli.cli.app import main; main(['people', '--json']); "
         "print(sorted(m for m in sys.modules if m.startswith(('dateparser', 'briefcli.extract'))), file=sys.stderr)"],
        capture_output=True, text=True, timeout=60,
        env={"PATH": os.environ.get("PATH", ""), "NO_COLOR": "1", "BRIEFCLI_NO_CACHE": "1"},
    )
    assert done.returncode == 0 and done.stderr == "[]\n"


def test_help_has_an_example(capsys):
    code, out, _ = run(capsys, "extract", "--help")
    assert code == 0
    assert "Example: briefcli extract article.txt --date 2018-02-05 -o draft.yaml" in " ".join(out.split())


def test_dateline_on_the_line_under_the_headline(capsys, tmp_path):
    article = tmp_path / "wire.txt"
    article.write_text("Talks resume\n5 June 2018 – “We are ready,” said Ana Ortiz, the chair of the talks.\n",
                       encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(article), "--standalone", "--json")
    found = json.loads(out)
    assert (code, found["date"], found["title"]) == (0, "2018-06-05", "Talks resume")
    assert [q["speaker_name"] for q in found["quotes"]] == ["Ana Ortiz"]
