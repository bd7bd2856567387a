"""Mangled articles never crash the extractor, and its drafts always load."""

import random
import re
from datetime import date

import pytest
from extract_support import ALL_ARTICLES, check

from briefcli.extract import draft as drafting
from briefcli.extract import reading
from briefcli.extract.yamlout import dump

PIECES = ["“", "”", '"', ",", ".", " said ", " she ", " Mr. ", " Ms. ", "\n\n", " according to ", ":",
          "(", ")", " in February ", " 12 to ", " — ", "*", "**", "#", " who ", " so-called ", "\u202e",
          "\t", " 31 February ", " early 2019 ", "[", "](x)", " between 3 and ", " by mid-", "\n", " - "]
LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")


def mangle(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 60)):
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.4:
            chars.insert(i, rng.choice(PIECES))
        elif op < 0.7:
            del chars[i]
        else:
            chars[i : i + 20] = chars[i : i + 20][::-1]
    return "".join(chars)


@pytest.mark.slow  # about 2 s: started first in a full run, left out of the quick loop
def test_mangled_articles(tmp_path):
    rng = random.Random(20181210)
    texts = [p.read_text(encoding="utf-8") for p in ALL_ARTICLES]
    (tmp_path / "sources").mkdir()
    for _ in range(150):
        text = mangle(rng, rng.choice(texts))
        extraction = reading.read(text, date(2018, 5, 5))
        options = drafting.Options("sources/a.txt", "sources/a.txt", standalone=True)
        result = drafting.build(extraction, options, None)
        # the text as the quote verifier reads it: Markdown links as their text
        (tmp_path / "sources" / "a.txt").write_text(LINK.sub(r"\1", text), encoding="utf-8")
        (tmp_path / "d.yaml").write_text(dump(result.header, result.sections), encoding="utf-8")
        plain, errors, _ = check([tmp_path / "d.yaml"])
        assert errors == [] and plain is not None, text
