"""People and their first roles, driven by tests/extract/roles.yaml."""

from pathlib import Path

import plainyaml
import pytest

from briefcli.extract import reading

CASES = plainyaml.load((Path(__file__).parent / "roles.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_people_and_first_roles(case):
    x = reading.read("Headline\n\n1 March 2018 – " + case["text"])
    got = [[p.name, p.roles[0] if p.roles else None] for p in x.cast.ordered()]
    assert got == case["people"]
