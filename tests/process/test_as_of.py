"""--as-of DAY shows what a reader could know that day: nothing from a source published later."""

from __future__ import annotations

import json
from datetime import date, timedelta

import plainyaml
import pytest
from locations import TALKS

COMMANDS = [
    ("people", "--json"),
    ("quotes", "--json"),
    ("timeline", "--json"),
    ("search", "chen", "--json"),
    ("search", "held in Geneva", "--json"),
    ("search", "read the draft", "--json"),
    ("brief", "--json"),
    ("brief",),
    ("next", "--json"),
    ("export", "markdown"),
    ("export", "html"),
    ("export", "ics"),
    ("export", "jsonld"),
    ("export", "timelinejs"),
    ("track", "--json"),
    ("track",),
    ("changes", "--since", "2018-01-01", "--json"),
]


def _sources() -> list[tuple[str, date, list[str]]]:
    """(source id, published, texts that only that source gives) for each later source."""
    found = []
    for path in sorted(TALKS.glob("2018-*.yaml"))[1:]:
        records = plainyaml.load(path.read_text(encoding="utf-8"))
        (source,) = records["sources"]
        texts = [source["title"]]
        texts += [p["name"] for p in records.get("people", [])]
        texts += [q["text"] for q in records.get("quotes", [])]
        texts += [e["name"] for e in records.get("events", [])]
        for revision in records.get("revisions", []):
            texts += [revision.get("when"), revision.get("note"),
                      (revision.get("outcome") or {}).get("what")]
            if revision.get("status"):
                texts.append(f'"status": "{revision["status"]}"')
        found.append((source["id"], source["published"], [t for t in texts if t]))
    return found


SOURCES = _sources()


@pytest.mark.parametrize("sid, published, texts", SOURCES, ids=[s[0] for s in SOURCES])
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_nothing_from_a_later_source(talks, command, sid, published, texts):
    day = (published - timedelta(days=1)).isoformat()
    result = talks(*command, "--as-of", day)
    assert result.exit_code == 0, result.stderr
    shown = [t for t in texts if t in result.stdout]
    assert shown == []


@pytest.mark.parametrize("sid, published, texts", SOURCES, ids=[s[0] for s in SOURCES])
def test_the_source_counts_from_its_day(talks, sid, published, texts):
    day = published.isoformat()
    before = (published - timedelta(days=1)).isoformat()
    ids = lambda result: {i["id"] for i in json.loads(result.stdout)}  # noqa: E731
    assert sid in ids(talks("timeline", "--json", "--as-of", day))
    assert sid not in ids(talks("timeline", "--json", "--as-of", before))


def test_a_person_from_a_later_source_is_unknown_before_it(talks):
    before = talks("person", "chen", "--as-of", "2018-03-19")
    assert (before.exit_code, before.stderr) == (
        2, "briefcli: no person matches 'chen' ('briefcli people' shows them)\n"
    )
    after = talks("person", "chen", "--as-of", "2018-03-20", "--json")
    assert json.loads(after.stdout)["name"] == "Li Chen"


def test_a_role_counts_from_its_start(cli, tmp_path):
    text = (TALKS / "process.yaml").read_text(encoding="utf-8")
    (tmp_path / "process.yaml").write_text(text, encoding="utf-8")
    announce = (TALKS / "2018-03-01-announce.yaml").read_text(encoding="utf-8")
    announce = announce.replace(
        "        organization: secretariat\n",
        "        organization: secretariat\n      - title: Head of the secretariat\n"
        "        start: 2018-03-10\n", 1)
    (tmp_path / "announce.yaml").write_text(announce, encoding="utf-8")

    def roles(day: str) -> list[str]:
        out = cli("--data", str(tmp_path), "person", "ortiz", "--json", "--as-of", day)
        return [r["title"] for r in json.loads(out.stdout)["roles"]]

    assert roles("2018-03-09") == ["Chair of the talks"]
    assert roles("2018-03-10") == ["Chair of the talks", "Head of the secretariat"]


def test_steps_stand_as_their_known_revisions_leave_them(talks):
    def next_steps(day: str) -> dict:
        steps = json.loads(talks("next", "--json", "--as-of", day).stdout)["steps"]
        return {s["id"]: (s["when"]["text"], s["status"]) for s in steps}

    assert next_steps("2018-03-19")["second-round"] == ("early April 2018", "expected")
    assert next_steps("2018-03-20")["second-round"] == ("late April 2018", "expected")
    assert "second-round" not in next_steps("2018-04-27")  # held, reported on the 27th
    assert next_steps("2018-04-26")["ministerial"] == ("June 2018", "expected")
    assert "ministerial" not in next_steps("2018-04-27")  # dropped


def test_brief_takes_the_summary_a_source_gave_by_then(talks):
    def summary(day: str) -> tuple[str, str]:
        brief = json.loads(talks("brief", "--json", "--as-of", day).stdout)
        return brief["summary"], brief["summary_as_of"]

    assert summary("2018-03-19") == ("The talks opened with a timetable of six steps.", "2018-03-01")
    assert summary("2018-03-20") == (
        "The draft is out; the second round moved to late April.", "2018-03-20")
    assert summary("2018-04-27") == (
        "The second round was held late; the ministerial meeting was dropped.", "2018-04-27")


def test_brief_says_when_the_summary_is_of_a_later_day(cli):
    out = cli("brief", "--as-of", "2017-12-06").stdout
    assert "This summary is of 2017-12-07, later than the day of this briefing." in out


def test_a_day_after_the_dataset_says_where_it_stops(cli):
    first = cli("next", "--as-of", "2026-01-01").stdout.splitlines()[0]
    assert first == "Next steps. As of 2026-01-01; this dataset stops at 2017-12-07"
