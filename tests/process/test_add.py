"""briefcli init and add: start a dataset folder, add articles, never twice, never over a file."""

from __future__ import annotations

import json
import shutil

from locations import ROOT

SEED = ROOT / "data" / "sources" / "un-news-2017-12-07.txt"
FOLLOW_UP = """Migration report launched at the UN

16 January 2018 – The Secretary-General's report on migration was launched on Thursday, said
Ms. Louise Arbour, who added: “The report is a starting point for the negotiations.”

Mr. Miroslav Lajčák said the negotiations would begin in February.
"""


def files(folder) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_init_writes_an_empty_dataset_that_validates(cli, tmp_path):
    folder = tmp_path / "compact"
    result = cli("init", str(folder), "--title", "Global Compact")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"Started {folder}/process.yaml. Next: briefcli add ARTICLE --into {folder}\n"
    assert files(folder) == ["process.yaml"]
    assert (folder / "sources").is_dir()
    check = cli("validate", str(folder))
    assert check.stdout == ("OK: 0 sources, 0 organizations, 0 places, 0 topics, 0 people, "
                            "0 events, 0 quotes, 0 steps, 0 revisions\n")


def test_init_never_takes_a_folder_with_files(cli, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli("init", str(tmp_path), "--title", "T")
    assert (result.exit_code, result.stderr) == (
        2, f"briefcli: {tmp_path} already exists and is not an empty folder\n")
    assert files(tmp_path) == ["notes.txt"]


def test_init_then_add_then_brief(cli, tmp_path):
    folder = tmp_path / "compact"
    cli("init", str(folder), "--title", "Global Compact")
    added = cli("add", str(SEED), "--into", str(folder), "--publisher", "UN News")
    assert added.exit_code == 0, added.stderr
    assert added.stdout.splitlines()[:3] == [
        f"Added 'un-news-2017-12-07' to {folder}:",
        "  sources/un-news-2017-12-07.txt  the article's text",
        "  un-news-2017-12-07.yaml  the draft: 4 new people, 6 quote records, 3 steps",
    ]
    assert added.stdout.splitlines()[-1] == f"The dataset validates: briefcli --data {folder} brief"
    assert files(folder) == ["process.yaml", "sources/un-news-2017-12-07.txt",
                             "un-news-2017-12-07.yaml"]
    assert (folder / "sources" / "un-news-2017-12-07.txt").read_bytes() == SEED.read_bytes()
    brief = json.loads(cli("--data", str(folder), "brief", "--json").stdout)
    assert brief["dataset_as_of"] == "2017-12-07"  # current to its newest source
    assert [p["name"] for p in brief["people"]] == [
        "Louise Arbour", "Miroslav Lajčák", "Juan José Gómez Camacho", "Jürg Lauber"]
    assert [s["publisher"] for s in brief["sources"]] == ["UN News"]
    assert [s["id"] for s in brief["next_steps"]] != []


def test_add_twice_adds_once(cli, tmp_path):
    folder = tmp_path / "compact"
    cli("init", str(folder), "--title", "Global Compact")
    cli("add", str(SEED), "--into", str(folder))
    before = {name: (folder / name).read_bytes() for name in files(folder)}
    copy = tmp_path / "same-article.txt"  # another name, the same bytes
    shutil.copyfile(SEED, copy)
    again = cli("add", str(copy), "--into", str(folder))
    assert (again.exit_code, again.stdout) == (
        0, f"Already in {folder}: source 'un-news-2017-12-07'; nothing added.\n")
    assert {name: (folder / name).read_bytes() for name in files(folder)} == before


def test_an_article_with_a_known_url_is_recognised(cli, tmp_path):
    folder = tmp_path / "compact"
    cli("init", str(folder), "--title", "Global Compact")
    cli("add", str(SEED), "--into", str(folder), "--url", "https://news.un.org/en/story/2017/12/638972")
    other = tmp_path / "reworded.txt"
    other.write_text(SEED.read_text(encoding="utf-8") + "\nA correction.\n", encoding="utf-8")
    again = cli("add", str(other), "--into", str(folder), "--url",
                "https://news.un.org/en/story/2017/12/638972/")
    assert again.stdout == f"Already in {folder}: source 'un-news-2017-12-07'; nothing added.\n"


def test_a_later_article_reuses_people_and_takes_free_names(cli, tmp_path):
    folder = tmp_path / "compact"
    cli("init", str(folder), "--title", "Global Compact")
    cli("add", str(SEED), "--into", str(folder), "--publisher", "UN News")

    def quote_counts() -> list:
        people = json.loads(cli("--data", str(folder), "people", "--json").stdout)
        return [(p["id"], p["quote_count"]) for p in people]

    first = quote_counts()
    # a file of that name, with other bytes, is already in sources/: it is left alone
    article = tmp_path / "un-news-2017-12-07.txt"
    article.write_text(FOLLOW_UP, encoding="utf-8")
    taken = (folder / "sources" / "un-news-2017-12-07.txt").read_bytes()
    added = cli("add", str(article), "--into", str(folder))
    assert added.exit_code == 0, added.stderr
    assert "Already in the dataset, referred to by id: arbour, lajcak" in added.stdout
    assert (folder / "sources" / "un-news-2017-12-07.txt").read_bytes() == taken
    assert (folder / "sources" / "un-news-2017-12-07-2.txt").read_text(encoding="utf-8") == FOLLOW_UP
    draft = next(p for p in folder.glob("2018-01-16-*.yaml"))
    assert "text: sources/un-news-2017-12-07-2.txt" in draft.read_text(encoding="utf-8")
    after = dict(quote_counts())
    assert list(after) == [pid for pid, _ in first]  # nobody new, nobody twice
    assert after == {pid: n + (pid == "arbour") for pid, n in first}  # her one new quote
    assert cli("validate", str(folder)).exit_code == 0
    assert json.loads(cli("--data", str(folder), "brief", "--json").stdout)["dataset_as_of"] == (
        "2018-01-16")


def test_add_needs_a_valid_folder(cli, tmp_path):
    result = cli("add", str(SEED), "--into", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path}: the folder holds no .yaml or .yml files\n"
