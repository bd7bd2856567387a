"""Where articles come from (issue 11, items 9 and 10): no silent grafting onto the shipped
dataset, saved web pages, standard input, --date today."""

import json
import subprocess
import sys
from datetime import date

import plainyaml
from extract_support import COMPACT, ROOT, SEED, beside, check, clean_env, run  # noqa: F401

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Talks on returns resume in Geneva | Example Wire</title>
<meta property="og:title" content="Talks on returns resume in Geneva">
<meta property="og:site_name" content="Example Wire">
<meta property="og:url" content="https://wire.example.org/2018/06/05/returns-talks">
<meta property="article:published_time" content="2018-06-05T09:30:00Z">
<script>var tracking = "“Do not extract me,” said Nobody Here.";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>Subscribe now</li></ul></nav>
<article>
<h1>Talks on returns resume in Geneva</h1>
<p>Delegations returned to the table on Tuesday for a third round of talks on the return of
migrants, with a deal still out of reach.</p>
<p>“We are closer than we were in March, but not yet close enough,” said Ana Ortiz, the chair
of the talks, at the opening session.</p>
<p>She said the next round would be held in July &amp; that a text could follow in the autumn.</p>
</article>
<aside><h2>Most read</h2><p>“Ten things to know,” a list.</p></aside>
<footer><p>© Example Wire. All rights reserved.</p></footer>
</body></html>
"""


def test_without_a_named_dataset_the_draft_stands_alone(capsys, tmp_path, monkeypatch):
    copy = beside(tmp_path, SEED.parent / "returns-2018-05-18.txt")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "extract", "sources/" + copy.name)
    assert (code, err) == (0, "")
    draft = plainyaml.load(out)
    assert "dataset" in draft  # a dataset of its own, not a fragment of the shipped one
    assert draft["sources"][0]["publisher"] == "unknown"
    assert "UN News" not in out and "as_of 2017-12-07" not in out and "shipped" not in out
    assert all("when" in q for q in draft["quotes"])  # no date commented out against 2017-12-07
    (tmp_path / "draft.yaml").write_text(out, encoding="utf-8")
    assert check([tmp_path / "draft.yaml"])[1] == []


def test_with_a_named_dataset_the_draft_is_a_fragment_of_it(capsys, tmp_path, monkeypatch):
    copy = beside(tmp_path, SEED)
    monkeypatch.setenv("BRIEFCLI_DATA", str(COMPACT))
    code, out, _ = run(capsys, "extract", str(copy))
    assert code == 0
    draft = plainyaml.load(out)
    assert "dataset" not in draft and draft.get("people") is None  # all four already in the dataset
    assert {q["speaker"] for q in draft["quotes"]} == {"arbour", "lajcak"}


def test_the_publisher_is_read_from_a_wire_dateline(capsys, tmp_path):
    article = tmp_path / "wire.txt"
    article.write_text("Talks resume\n\nGENEVA, 5 June 2018 (Example Wire) – “We are ready,” said Ana Ortiz, "
                       "the chair of the talks.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(article), "--json")
    found = json.loads(out)
    assert (code, found["date"]) == (0, "2018-06-05")
    assert found["draft"]["sources"][0]["publisher"] == "Example Wire"


def test_a_saved_web_page_gives_its_text_title_date_and_address(capsys, tmp_path):
    page = tmp_path / "returns-talks.html"
    page.write_text(PAGE, encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    code, out, err = run(capsys, "extract", str(page), "-o", str(draft))
    assert (code, out) == (0, "")
    own = plainyaml.load(draft.read_text(encoding="utf-8"))
    assert own["sources"] == [{
        "id": "returns-talks", "title": "Talks on returns resume in Geneva", "publisher": "Example Wire",
        "published": date(2018, 6, 5), "url": "https://wire.example.org/2018/06/05/returns-talks",
        "text": "draft.txt",
    }]
    assert [(q["speaker"], q["text"]) for q in own["quotes"]] == [
        ("ortiz", "We are closer than we were in March, but not yet close enough,")]
    saved = (tmp_path / "draft.txt").read_text(encoding="utf-8")
    assert saved.startswith("Talks on returns resume in Geneva\n\nDelegations returned")
    for boilerplate in ("Subscribe", "Most read", "All rights reserved", "tracking", "Nobody"):
        assert boilerplate not in saved
    assert "July & that" in saved  # entities decoded
    plain, errors, _ = check([draft])
    assert errors == [] and plain["quotes"][0]["when"]["earliest"] == "2018-06-05"  # "on Tuesday"


def test_standard_input_is_read_with_a_dash(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "briefcli", "extract", "-", "--json"], input=text,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={"PATH": "", "NO_COLOR": "1", "BRIEFCLI_NO_CACHE": "1", "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["article"] == "<stdin>"
    assert [q["speaker_name"] for q in found["quotes"]][:2] == ["Louise Arbour", "Louise Arbour"]
    assert "text" not in found["draft"]["sources"][0]


def test_date_today(capsys, tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("“We are ready,” said Ana Ortiz, the chair of the talks.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(article), "--date", "today", "--json")
    assert code == 0 and json.loads(out)["date"] == date.today().isoformat()
