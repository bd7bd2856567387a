"""Many articles at once (issue 11, item 11): a folder or several files, one draft each, a
summary of what needs review on stderr."""

import re
import shutil

import plainyaml
from extract_support import ALL_ARTICLES, check, clean_env, run  # noqa: F401
from test_extract_inputs import PAGE


def _folder(tmp_path, n=3):
    folder = tmp_path / "drafts" / "sources"  # inside the drafts' folder, where the verifier reads texts
    folder.mkdir(parents=True)
    for article in ALL_ARTICLES[:n]:
        shutil.copyfile(article, folder / article.name)
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    return folder


def test_a_folder_gives_one_draft_per_article_and_a_summary(capsys, tmp_path):
    folder = _folder(tmp_path)
    out = tmp_path / "drafts"
    code, stdout, err = run(capsys, "extract", str(folder), "-o", str(out))
    assert (code, stdout) == (0, "")
    names = [a.name.rsplit(".", 1)[0] for a in ALL_ARTICLES[:3]]
    assert sorted(p.name for p in out.iterdir()) == sorted([n + ".yaml" for n in names] + ["page.txt", "page.yaml",
                                                                                          "sources"])
    drafts = {p.stem: plainyaml.load(p.read_text(encoding="utf-8")) for p in out.glob("*.yaml")}
    quotes = sum(len(d.get("quotes") or []) for d in drafts.values())
    people = sum(len(d.get("people") or []) for d in drafts.values())
    steps = sum(len(d.get("steps") or []) for d in drafts.values())
    lines = err.splitlines()
    assert lines[0] == (f"briefcli: wrote 4 of 4 drafts to {out}: {quotes} quote records, {people} people, "
                        f"{steps} steps")
    assert lines[1] == "briefcli: to review (4):"
    for line in lines[2:]:
        path, notes = re.fullmatch(r"  (\S+): (.*)", line).groups()
        guessed = open(path, encoding="utf-8").read().count("# guessed:")
        assert f"{guessed} guessed field" in notes
    for path in out.glob("*.yaml"):  # each draft loads on its own and its quotes verify
        plain, errors, _ = check([path])
        assert errors == [], errors


def test_several_files_need_an_output_folder(capsys):
    code, out, err = run(capsys, "extract", str(ALL_ARTICLES[0]), str(ALL_ARTICLES[1]))
    assert (code, out, err) == (2, "", "briefcli: several articles need -o FOLDER, the folder their drafts go to\n")


def test_nothing_is_written_over(capsys, tmp_path):
    folder = _folder(tmp_path, 2)
    out = tmp_path / "drafts"
    first = ALL_ARTICLES[1].name.rsplit(".", 1)[0] + ".yaml"
    (out / first).write_text("mine\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(folder), "-o", str(out))
    assert code == 2
    assert err.startswith(f"briefcli: {out}/") and "already exists" in err
    assert sorted(p.name for p in out.iterdir()) == [first, "sources"]
    assert (out / first).read_text(encoding="utf-8") == "mine\n"


def test_an_unreadable_article_is_reported_and_the_others_drafted(capsys, tmp_path):
    folder = _folder(tmp_path, 2)
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    out = tmp_path / "drafts"
    code, _, err = run(capsys, "extract", str(folder), "-o", str(out))
    assert code == 1
    assert err.splitlines()[0].startswith(f"briefcli: wrote 3 of 4 drafts to {out}:")
    assert f"briefcli: {folder / 'empty.txt'}: not drafted: the article is empty" in err.splitlines()
    assert not (out / "empty.yaml").exists() and (out / "page.yaml").exists()
