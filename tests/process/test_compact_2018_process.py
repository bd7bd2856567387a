"""The Compact through 2018 (examples/global-compact-2018): verdicts, changes and as-of."""

from __future__ import annotations

import json
from datetime import timedelta

import plainyaml
import pytest
from locations import ROOT

EXAMPLE = ROOT / "examples" / "global-compact-2018"


@pytest.fixture
def compact(cli):
    def run(*args: str):
        return cli("--data", str(EXAMPLE), *args, width=100)

    return run


def test_track_gives_the_verdicts_the_sources_support(compact):
    result = json.loads(compact("track", "--json").stdout)
    assert result["summary"] == "4 steps: 4 done on time"
    assert {s["id"]: (s["verdict"], s["slip_days"], s["outcome"]["source"])
            for s in result["steps"]} == {
        # "before mid-January 2018" (by 2018-01-15); launched 2018-01-11 (IISD, 16 Jan 2018)
        "sg-report": ("on time", 0, "iisd-2018-01-16"),
        # February to July 2018; text agreed 2018-07-13 (IISD, 16 Jul 2018)
        "intergovernmental-negotiations": ("on time", 0, "iisd-2018-07-16"),
        # end of 2018; adopted in Marrakech on 2018-12-10 (UN blog, 10 Dec 2018)
        "adoption-conference": ("on time", 0, "un-blog-2018-12-10"),
        # 19 December 2018; the recorded vote that day (UN Audiovisual Library)
        "ga-endorsement": ("on time", 0, "un-avl-2018-12-19"),
    }


def test_changes_in_december_2018(compact):
    out = json.loads(compact("changes", "--json", "--since", "2018-12-17").stdout)
    assert [s["id"] for s in out["sources"]] == [
        "iisd-2018-12-18", "un-avl-2018-12-19", "iisd-2018-12-20"]
    assert [p["id"] for p in out["people"]] == ["espinosa"]
    assert [s["id"] for s in out["steps"]] == ["ga-endorsement"]
    assert [(o["step"], o["reported"]) for o in out["outcomes"]] == [
        ("ga-endorsement", "2018-12-19")]
    assert out["quotes"] == [] and out["revised"] == []


def _later_sources() -> list[tuple[str, object, list[str]]]:
    found = []
    for path in sorted(EXAMPLE.glob("2018-*.yaml")):
        records = plainyaml.load(path.read_text(encoding="utf-8"))
        for source in records["sources"]:
            texts = [source["title"]]
            for revision in records.get("revisions", []):
                texts.append((revision.get("outcome") or {}).get("what"))
                when = revision.get("when")
                texts.append(when.get("text") if isinstance(when, dict) else when)
            found.append((source["id"], source["published"], [" ".join(t.split()) for t in texts if t]))
    return found


@pytest.mark.parametrize("sid, published, texts", _later_sources(), ids=lambda v: str(v)[:20])
def test_nothing_from_a_source_before_its_day(compact, sid, published, texts):
    day = (published - timedelta(days=1)).isoformat()
    for command in (("timeline", "--json"), ("brief", "--json"), ("track", "--json"),
                    ("next", "--json"), ("export", "markdown")):
        out = compact(*command, "--as-of", day)
        assert out.exit_code == 0, out.stderr
        shown = " ".join(out.stdout.split())
        assert [t for t in texts if t in shown] == [], command
