"""A split quote is one quote (issue 11, item 8): the draft holds its parts as they stand in the
article, each verified word for word, and every command shows the joined sentence."""

import json

from extract_support import SEED, beside, check, clean_env, run  # noqa: F401

HEARING = SEED.parent / "hearing-2018-03-15.txt"


def test_a_split_quote_is_one_record_shown_whole(capsys, tmp_path):
    article = beside(tmp_path, HEARING)
    draft = tmp_path / "draft.yaml"
    assert run(capsys, "extract", str(article), "-o", str(draft))[0] == 0
    code, out, _ = run(capsys, "--data", str(draft), "quotes", "--json")
    assert code == 0
    quotes = json.loads(out)
    import plainyaml

    parts = plainyaml.load(draft.read_text(encoding="utf-8"))["quotes"][0]["parts"]
    raw = article.read_text(encoding="utf-8")
    assert len(quotes) == 3 and len(parts) == 2 and all(p in raw for p in parts)
    assert quotes[0]["text"] == " ".join(parts) and quotes[0]["text"] not in raw  # one sentence, shown whole
    code, out, _ = run(capsys, "--data", str(draft), "quotes")
    assert code == 0 and " ".join(parts) in " ".join(out.replace("│", " ").split())

def _dataset(tmp_path, parts: list[str], text: str):
    (tmp_path / "a.txt").write_text("“The adoption of this Compact,” he said, “stands as one of our priorities.”\n",
                                    encoding="utf-8")
    body = "\n".join(f"      - {json.dumps(p)}" for p in parts)
    (tmp_path / "d.yaml").write_text(
        "dataset: {title: T, process: P, as_of: 2018-12-31, summary: S}\n"
        "sources:\n  - {id: a, title: A, publisher: P, published: 2018-12-10, text: a.txt}\n"
        "people:\n  - {id: roe, name: Jane Roe, source: a}\n"
        "quotes:\n  - id: q\n    speaker: roe\n    kind: direct\n    source: a\n"
        f"    text: {json.dumps(text)}\n    parts:\n{body}\n",
        encoding="utf-8",
    )
    return tmp_path / "d.yaml"


def test_each_part_is_verified_and_the_text_must_join_them(tmp_path):
    good = ["The adoption of this Compact,", "stands as one of our priorities."]
    path = _dataset(tmp_path, good, " ".join(good))
    plain, errors, _ = check([path])
    assert errors == [] and plain["quotes"][0]["parts"] == good
    path = _dataset(tmp_path, [good[0], "stands as one of their priorities."],
                    good[0] + " stands as one of their priorities.")
    errors = check([path])[1]
    assert len(errors) == 1 and errors[0].startswith(f"{path}:14:9: quotes[0].parts[1]: not found word for word")
    path = _dataset(tmp_path, good, "The adoption of this Compact stands as one of our priorities.")
    errors = check([path])[1]
    assert len(errors) == 1 and "'text' must be its 'parts' joined by a space" in errors[0]
