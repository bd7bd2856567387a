"""A run of edits to a dataset of several files, each checked through the cache (only the
edited file read again, the rest taken from the earlier answer and the entries) and without
it: every answer, error and warning must be the same. The edits are drawn from a fixed seed
among those that the shortcuts of an edit's check must see: an id renamed or removed that
another file refers to, an id given twice across files, a quote no longer in its text, a
text changed under a file not edited, a record moved to another file, a file put back as it
was."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from .conftest import REPO

VALID = REPO / "tests" / "data" / "valid"

PEOPLE = """people:
  - id: lopez
    name: Luis Lopez
    source: other
  - id: nadia
    name: Nadia Salem
    source: article
"""
QUOTES = """quotes:
  - id: lopez-road
    speaker: lopez
    kind: direct
    text: We have a long road ahead,
    source: other
    topics: [talks]
  - id: nadia-open
    speaker: nadia
    kind: partial
    text: the road is open
    source: article
    event: geneva-round
"""
SOURCES = """sources:
  - id: other
    title: Another article
    publisher: Test News
    published: 2018-03-12
    text: sources/other.txt
topics:
  - id: more
    name: More talks
"""

# (file, text to find, what it becomes): each an edit that one of the checks must see
EDITS = [
    ("c.yaml", "id: other", "id: another"),  # a source that b.yaml's records name, renamed
    ("c.yaml", "id: more", "id: talks"),  # a topic's id given twice (a.yaml has 'talks')
    ("b.yaml", "text: We have a long road ahead,", "text: We have a long way ahead,"),
    ("b.yaml", "speaker: nadia", "speaker: ortiz"),  # a speaker from another file: fine
    ("b.yaml", "    source: other\n    topics", "    source: article\n    topics"),
    ("a.yaml", "id: geneva-round", "id: geneva-talks"),  # an event b.yaml's quote names
    ("a.yaml", "topics:\n  - id: talks\n    name: Talks\n", "topics:\n"),  # 'talks' removed
    ("a.yaml", "\ntopics:\n", "\ntopics:\n  - id: extra\n    name: Extra\n"),
    ("c.yaml", "topics:\n  - id: more", "topics:\n  - id: lopez"),  # a person's id, again
    ("sources/other.txt", "a long road ahead", "a short road ahead"),  # under b.yaml's quote
    ("sources/article.txt", "the road is open", "the door is open"),
]


def _dataset(folder: Path) -> dict[str, str]:
    shutil.copytree(VALID / "sources", folder / "sources")
    (folder / "sources" / "other.txt").write_text("We have a long road ahead, they said.\n",
                                                  encoding="utf-8")
    shutil.copy(VALID / "minimal.yaml", folder / "a.yaml")
    (folder / "b.yaml").write_text(PEOPLE + QUOTES, encoding="utf-8")
    (folder / "c.yaml").write_text(SOURCES, encoding="utf-8")
    return {name: (folder / name).read_text(encoding="utf-8")
            for name in ("a.yaml", "b.yaml", "c.yaml", "sources/other.txt", "sources/article.txt")}


@pytest.mark.parametrize("seed", [3, 4])
def test_a_run_of_edits_answers_as_without_the_cache(seed, tmp_path, cli):
    folder = tmp_path / "data"
    first = _dataset(folder)
    env = {"BRIEFCLI_NO_CACHE": "", "BRIEFCLI_CACHE_DIR": str(tmp_path / "cache")}
    assert cli("validate", str(folder), env=env).exit_code == 0
    rng = random.Random(seed)
    seen = set()
    for _ in range(12):
        name, old, new = rng.choice(EDITS)
        path = folder / name
        text = path.read_text(encoding="utf-8")
        if rng.random() < 0.4:  # put the file back as it was (its entry may still be kept)
            text = first[name]
        elif old in text:
            text = text.replace(old, new, 1)
        elif new in text:  # undo the edit
            text = text.replace(new, old, 1)
        path.write_text(text, encoding="utf-8")
        cached = cli("validate", str(folder), env=env)
        again = cli("validate", str(folder), env=env)  # from the answer just written, if any
        without = cli("validate", str(folder), env={"BRIEFCLI_NO_CACHE": "1"})
        expected = (without.exit_code, without.stderr)
        assert (cached.exit_code, cached.stderr) == expected, (name, old, new)
        assert (again.exit_code, again.stderr) == expected, (name, old, new)
        seen.add(without.exit_code)
        if without.exit_code == 0:
            for command in (("quotes", "--json"), ("people", "--json"), ("topics", "--json")):
                assert (cli("--data", str(folder), *command, env=env).stdout
                        == cli("--data", str(folder), *command,
                               env={"BRIEFCLI_NO_CACHE": "1"}).stdout), command
    assert seen == {0, 1}  # the run went through good and bad states
