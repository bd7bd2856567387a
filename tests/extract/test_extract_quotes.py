"""Quotes, speakers and passages left out, driven by tests/extract/snippets.yaml."""

from pathlib import Path

import plainyaml
import pytest

from briefcli.extract import reading

SNIPPETS = plainyaml.load((Path(__file__).parent / "snippets.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SNIPPETS, ids=[c["name"] for c in SNIPPETS])
def test_snippet(case):
    x = reading.read("Headline\n\n1 March 2018 – " + case["text"])
    text = x.article.plain
    got = [
        [[text[p.start : p.end] for p in q.parts], q.kind, x.speaker(q).name if x.speaker(q) else None]
        for q in x.quotes
    ]
    assert got == case["quotes"]
    assert [text[item.start : item.end] for item in x.left_out] == case.get("left_out", [])
