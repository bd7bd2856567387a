"""Hostile articles (issue 14, item 7): inputs that made the old regular expressions backtrack
for seconds to minutes. Each is extracted whole and must still give the one real quote that
follows it. Their speed is measured in bench/ (``extract_bench.py``, each pattern grown to
100 KB), never asserted here. The patterns that cost the most to read are a quarter of their
first size (12-30 KB, 0.8 s of CPU for all against 2.9 s): what this test checks, that the
quote after them is found, does not depend on their length. A return of backtracking shows in
the benchmark's rows, at 100 KB, where the target is under 1 s of CPU per pattern.
"""

import json
import subprocess
import sys

import pytest
from extract_support import ROOT, clean_env, run  # noqa: F401

from briefcli.extract import markup

TRAILER = "\n\n“We agree on the text,” said Ana Ortiz, the chair of the talks.\n"
CASES = {
    "ambassador of a long place": "'Ambassador X of ' + 'A' * 400 + '! said, \"We agree.\"'",
    "40 KB word before said": "'A' * 40000 + ' said \"We agree on this text now.\"'",
    "emphasis markers": "'**a ' * 5000",
    "open brackets": "'[' * 40000",
    "link openings": "'[a](' * 10000",
    "quotes nested 8,000 deep": "'“' * 8000 + 'We agree' + '”' * 8000",
    "straight quotes": "'\"a ' * 4000",
    "2,000 capitalised words": "' '.join('Word' + chr(65 + i % 26) for i in range(2000))",
    "500 date phrases": "'by mid-January 2018 and ' * 500",
    "Mr. Smith said x 2,000": "'Mr. Smith said ' * 2000",
    "a pronoun in every clause": "'Ms. Ana Roe said he said ' * 1000",
    "many people, one surname": (
        "' '.join('Ms. %sab%s Roe said \"We agree on it.\"' % (chr(65 + i % 26), chr(97 + i // 26 % 26))"
        " for i in range(600))"
    ),
    "40 KB of spaces": "'It will meet' + ' ' * 40000 + 'said'",
    "next step, no verb": "'next step ' * 2000",
}
SCRIPT = """
import json, sys
from datetime import date
from briefcli.extract import reading
out = {}
for name, expr in json.loads(sys.argv[1]).items():
    x = reading.read(eval(expr) + sys.argv[2], date(2018, 1, 1))
    last = x.quotes[-1]
    out[name] = [x.speaker(last).name if last.speaker else None,
                 [x.article.plain[p.start:p.end] for p in last.parts],
                 x.cast.people["ana-ortiz"].roles]
print(json.dumps(out))
"""


def test_hostile_articles_are_read_whole_and_the_real_quote_is_found():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(CASES), TRAILER],
        capture_output=True, text=True, timeout=900, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout)
    expected = ["Ana Ortiz", ["We agree on the text,"], ["Chair of the talks"]]
    assert found == {name: expected for name in CASES}


def test_an_article_over_the_size_limit_is_refused_with_a_message(capsys, tmp_path):
    from briefcli.extract.source import ARTICLE_BYTES

    article = tmp_path / "huge.txt"
    with open(article, "w", encoding="utf-8") as handle:
        handle.write("7 May 2018 – " + "Talks went on. " * (ARTICLE_BYTES // 15 + 1))
    code, out, err = run(capsys, "extract", str(article), "--standalone")
    size = article.stat().st_size
    assert (code, out) == (1, "")
    assert err == (f"{article}: the article is {size:,} bytes; extract reads articles of up to "
                   f"{ARTICLE_BYTES:,} bytes (a news article is rarely over 100,000)\n")


OLD_LINK = r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"\n]*\")?\)"
OLD_VERIFIER_LINK = r"\[([^\]\n]*)\]\([^)\s]*\)"
OLD_STRONG = r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"
OLD_EMPHASIS = (r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])|"
                r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")


@pytest.mark.parametrize("seed", range(4))
def test_the_linear_markdown_scans_agree_with_the_regular_expressions_they_replace(seed):
    """On short texts, where backtracking costs nothing, the old expressions are the reference."""
    import random
    import re

    rng = random.Random(seed)
    pieces = list("[]()!*_\" \nab") + ["**", "__", "](", "http://x", ' "t")', "\t"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 24)))
        assert list(markup.links(text)) == [
            (m.start(), m.start(1), m.end(1), m.end()) for m in re.finditer(OLD_VERIFIER_LINK, text)
        ], text
        assert list(markup.links(text, extended=True)) == [
            (m.start(), m.start(1), m.end(1), m.end()) for m in re.finditer(OLD_LINK, text)
        ], text
        assert markup.strong(text) == [(m.start(), m.end()) for m in re.finditer(OLD_STRONG, text)], text
        assert markup.emphasis(text) == [(m.start(), m.end()) for m in re.finditer(OLD_EMPHASIS, text)], text


def test_the_words_outside_quotations_are_found_in_one_walk():
    """names.words walks the quoted spans beside the words instead of asking of each word
    whether a span covers it: the same words, for any spans, wherever the range starts."""
    import random

    from briefcli.extract.names import _WORD, words
    from briefcli.extract.spans import Spans

    rng = random.Random(2017)
    for _ in range(3000):
        text = "".join(rng.choice(["Ana ", "Roe", " said", "“", "”", ", ", ".", "x"])
                       for _ in range(rng.randint(0, 30)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 2 * rng.randint(0, 4))))
        spans = Spans(zip(cuts[::2], cuts[1::2]))  # sorted and apart, as quoted passages are
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert [(w.text, w.start, w.end) for w in words(text, start, end, spans)] == [
            (m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)
            if not spans.covers(m.start())
        ], (text, spans.spans, start, end)
