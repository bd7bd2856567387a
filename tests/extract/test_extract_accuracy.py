"""Measured accuracy over all annotated articles, and the scorer as a script."""

import subprocess
import sys

import pytest
import score
from extract_support import ROOT, clean_env  # noqa: F401

THRESHOLD = 0.95


@pytest.fixture(scope="module")
def results():
    return score.run()


@pytest.mark.parametrize("metric", ["exact_p", "exact_r", "overlap_p", "overlap_r", "speaker"])
def test_aggregate_reaches_the_target(results, metric):
    _, total = results
    assert total.ratio(metric) >= THRESHOLD, "\n".join(total.misses)


def test_kinds_people_and_step_dates_are_measured_too(results):
    _, total = results
    assert total.gold >= 60 and total.people_gold >= 25 and total.steps_gold >= 20
    for metric in ("kind", "people_p", "people_r", "steps_p", "steps_r"):
        assert total.ratio(metric) >= THRESHOLD, (metric, total.misses)


def test_every_article_has_gold_and_the_hard_cases_are_there():
    pairs = [pair for folder in score.SETS.values() for pair in score.articles(folder)]
    assert len(pairs) >= 9
    texts = " ".join(article.read_text(encoding="utf-8") for article, _ in pairs)
    for marker in ("according to", "so-called", "titled", "she said", "he said"):
        assert marker in texts
    golds = [score.read_gold(article, gold) for article, gold in pairs]
    assert sum(len(q.spans) > 1 for g in golds for q in g["quotes"]) >= 8  # split and running-on quotes
    assert sum(len(g.get("left_out", [])) for g in golds) >= 10


def test_scorer_prints_a_table():
    """score.py run as a script, on one set (every set is scored in this process above)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "extract" / "score.py"), "--set=held-out"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["article", "gold", "pred", *score.METRICS]
    articles = sorted(article.name for article, _ in score.articles(score.SETS["held-out"]))
    first_words = [line.split()[0] for line in lines if line.strip()]
    assert sorted(word for word in first_words if word in articles) == articles
    assert any(line.startswith("held-out set") for line in lines)
    assert any(line.startswith("ALL (micro-average)") for line in lines)
