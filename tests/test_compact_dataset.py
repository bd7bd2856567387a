"""The shipped dataset says what the article says, word for word, and nothing it does not."""

import hashlib
import re

import plainyaml
from locations import DATA, ROOT

ARTICLE = ROOT / "data" / "sources" / "un-news-2017-12-07.txt"
SEED = ROOT.parent / "shared" / "seed" / "global-compact-2017-12-07.txt"


def dataset():
    return plainyaml.load(DATA.read_text(encoding="utf-8"))


def flat(text):
    return " ".join(text.split())


# The seed's SHA-256, recorded when the copy was made, so that the copy is checked even where
# the seed itself (beside the checkout, on the project's machines) is not there.
SEED_SHA256 = "6fefce44f53f37fe99c9800323e085e3f81bc85ce354c54d0205c86f50c07ccf"


def test_article_copy_is_the_seed_byte_for_byte():
    assert hashlib.sha256(ARTICLE.read_bytes()).hexdigest() == SEED_SHA256
    if SEED.exists():
        assert SEED.read_bytes() == ARTICLE.read_bytes()


def test_every_quoted_passage_of_the_article_is_in_the_dataset_exactly_once():
    article = flat(ARTICLE.read_text(encoding="utf-8"))
    passages = re.findall("“(.+?)”", article)
    assert len(passages) == 6
    quotes = [q for q in dataset()["quotes"] if q["kind"] in ("direct", "partial")]
    assert sorted(flat(q["text"]) for q in quotes) == sorted(passages)


def test_every_quote_occurs_word_for_word_in_its_source():
    # the article keeps Markdown link stubs, [text](#); a reader sees only the text
    article = flat(re.sub(r"\[([^\]]*)\]\(#\)", r"\1", ARTICLE.read_text(encoding="utf-8")))
    for quote in dataset()["quotes"]:
        # paraphrases are the article's reported sentences, so they occur too
        assert flat(quote["text"]) in article, quote["id"]


def test_kinds_and_speakers():
    kinds = {q["id"]: (q["speaker"], q["kind"]) for q in dataset()["quotes"]}
    assert {k: v for k, v in kinds.items() if v[1] != "paraphrase"} == {
        "arbour-weave": ("arbour", "direct"),
        "arbour-mixed-flows": ("arbour", "partial"),
        "lajcak-tough-negotiations": ("lajcak", "partial"),
        "lajcak-common-positions": ("lajcak", "partial"),
        "lajcak-only-forum": ("lajcak", "direct"),
        "lajcak-sovereignty": ("lajcak", "direct"),
    }


def test_people_and_roles_match_the_article():
    article = flat(ARTICLE.read_text(encoding="utf-8"))
    for person in dataset()["people"]:
        assert person["name"] in article
        for role in person["roles"]:
            if not role["title"].startswith("Co-facilitator"):
                assert role["title"] in article, role["title"]


def test_steps_keep_the_articles_wording():
    steps = {s["id"]: s["when"] for s in dataset()["steps"]}
    article = flat(ARTICLE.read_text(encoding="utf-8"))
    assert steps["sg-report"] == "before mid-January 2018"
    assert steps["adoption-conference"] == "at the end of 2018"
    assert steps["intergovernmental-negotiations"]["text"] in article
    for wording in ("before mid-January 2018", "at the end of 2018"):
        assert wording in article


def test_the_loader_verifies_the_shipped_quotes():
    from briefcli.load import check_all

    plain, problems, _ = check_all([str(DATA)])
    assert problems == []
    assert plain is not None
