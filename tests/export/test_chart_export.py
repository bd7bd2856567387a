"""The chart in the HTML briefing: SVG read back by expat, positions checked against the dates."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import html5lib
import pytest
from browser import find as find_chromium

HERE = Path(__file__).parent
PROCESS = HERE.parent / "chart" / "data" / "process.yaml"
HOSTILE = HERE / "data" / "hostile.yaml"
SVG = "{http://www.w3.org/2000/svg}"
# Worked out by hand for the test process (see test_terminal_chart): January 2018 to April 2019.
AXIS_START, AXIS_DAYS = date(2018, 1, 1), (date(2019, 4, 30) - date(2018, 1, 1)).days + 1
PAD, WIDE, NARROW = 8, 640, 360


@pytest.fixture
def page(run):
    def make(data: Path = PROCESS, *args: str) -> str:
        code, out, err = run("export", "html", *args, data=data)
        assert code == 0, err
        return out

    return make


def drawings(text: str) -> dict[str, ElementTree.Element]:
    """Each <svg> of the page, parsed on its own as XML, by its class."""
    found = re.findall(r"<svg .*?</svg>", text, flags=re.S)
    trees = [ElementTree.fromstring(svg) for svg in found]
    assert all(tree.tag == f"{SVG}svg" for tree in trees)
    return {tree.get("class"): tree for tree in trees}


def with_class(tree, name: str) -> list:
    return [e for e in tree.iter() if name in (e.get("class") or "").split()]


def x_of(day: date, width: int) -> float:
    return PAD + (day - AXIS_START).days / AXIS_DAYS * (width - 2 * PAD)


def test_one_row_per_dated_step_and_event(page):
    svgs = drawings(page())
    assert set(svgs) == {"wide", "narrow"}
    for prefix, tree in (("chart", svgs["wide"]), ("chart-narrow", svgs["narrow"])):
        rows = with_class(tree, "row")
        assert sorted(r.get("id") for r in rows) == sorted(
            f"{prefix}-{kind}-{rid}" for kind, rid in [
                ("step", "report"), ("step", "talks"), ("step", "treaty"), ("step", "review"),
                ("step", "plan"), ("event", "kickoff"), ("event", "summit")])
        marks = {r.get("id").split("-")[-1]: [m.get("data-verdict")
                                              for m in with_class(r, "mark")] for r in rows}
        assert marks == {"report": ["on time"], "talks": ["late"], "plan": ["early"],
                         "treaty": [], "review": [], "kickoff": [], "summit": []}


@pytest.mark.parametrize("name, width", [("wide", WIDE), ("narrow", NARROW)])
def test_x_positions_follow_the_dates(page, name, width):
    tree = drawings(page())[name]
    row = next(r for r in with_class(tree, "row") if r.get("id").endswith("step-talks"))
    band = with_class(row, "band")[0]
    left, right = float(band.get("x")), float(band.get("x")) + float(band.get("width"))
    assert left == pytest.approx(x_of(date(2018, 2, 1), width), abs=0.1)
    assert right == pytest.approx(x_of(date(2018, 8, 1), width), abs=0.1)  # after July 31
    cross = with_class(row, "mark")[0].get("d")  # "M{x - 5} {y - 5}l10 10..."
    middle = float(re.match(r"M([\d.]+)", cross).group(1)) + 5
    assert middle == pytest.approx(x_of(date(2018, 9, 20), width) + 0.5 * (width - 16) / AXIS_DAYS,
                                   abs=0.15)
    as_of = with_class(tree, "as-of")[0].find(f"{SVG}line")
    assert float(as_of.get("x1")) == pytest.approx(x_of(date(2019, 3, 1), width), abs=0.1)
    ticks = {t.get("data-day"): float(t.get("x1")) for t in with_class(tree, "tick")}
    assert ticks["2019-01-01"] == pytest.approx(x_of(date(2019, 1, 1), width), abs=0.1)


def test_shapes_say_precision_and_open_ends(page):
    tree = drawings(page())["wide"]
    bands = {b.get("data-start"): b for b in with_class(tree, "band")}
    assert bands["2018-01-01"].get("data-precision") == "year"  # the treaty, "2018"
    assert bands["2018-01-01"].get("stroke-dasharray") == "2 2"
    assert bands["2018-06-04"].get("data-precision") == "days"  # the summit, solid
    assert bands["2018-06-04"].get("stroke-dasharray") is None
    report = bands["2018-01-15"]  # "before mid-March": drawn from the day it was reported
    assert (report.get("data-open"), report.get("data-end")) == ("start", "2018-03-15")
    assert report.get("fill") == "url(#chart-open-start-step)"
    states = {r.get("id"): r.get("data-state") for r in with_class(tree, "row")}
    assert states["chart-step-treaty"] == "overdue"
    texts = ["".join(t.itertext()) for r in with_class(tree, "row") for t in with_class(r, "state")]
    assert "! overdue" in texts and "✗ late" in texts  # a sign, not colour alone


def test_text_alternative_and_links(page):
    text = page()
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)
    ids = {e.get("id") for e in tree.iter() if e.get("id")}
    hrefs = [e.get("href") for e in tree.iter() if e.tag.endswith("a") and e.get("href")]
    assert hrefs and all(h.startswith("#") and h[1:] in ids for h in hrefs)
    table = next(t for t in tree.iter("table")
                 if t.find("./thead/tr/th").text == "Step or event")
    rows = [["".join(td.itertext()) for td in tr.findall("td")] for tr in table.iter("tr")][1:]
    assert [r[0] for r in rows] == ["The treaty", "Kick-off meeting", "The report", "The talks",
                                    "Summit", "The review", "The plan"]
    assert rows[3] == ["The talks", "step", "February to July 2018 (2018-02/2018-07)",
                       "The talks end. (2018-09-20)", "done late by about 7 weeks"]


def test_quotes_link_to_their_speaker(run):
    code, out, err = run("export", "html")
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(out)
    people = {tr.get("id"): "".join(tr.find("td").itertext()) for tr in tree.iter("tr")
              if (tr.get("id") or "").startswith("person-")}
    cards = [c for c in tree.iter("article") if (c.get("id") or "").startswith("quote-")]
    assert len(cards) == 11
    for card in cards:
        link = card.find(".//a")
        assert people[link.get("href")[1:]] == "".join(link.itertext())


def test_hostile_names_are_inert_in_the_svg(page):
    text = page(HOSTILE)
    for tree in drawings(text).values():
        tags = {e.tag.removeprefix(SVG) for e in tree.iter()}
        assert not tags & {"script", "foreignObject", "image", "use", "style", "iframe"}
        for element in tree.iter():
            assert not [a for a in element.attrib if a.startswith("on") or a == "style"]
            href = element.get("href")
            assert href is None or re.fullmatch(r"#[a-z0-9._-]+", href)
        labels = [" ".join(t.itertext()) for t in with_class(tree, "label")]  # lines: tspans
        assert any('<a href="javascript:alert(1)">click</a> \\x1b[1mdue' in t for t in labels)
    assert "\x1b" not in text


# --- drawn by Chromium ------------------------------------------------------------------------


@pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed")
@pytest.mark.parametrize("width", [390, 1280])
def test_chart_draws_in_chromium(page, tmp_path, browser, width):
    """The screen shows the chart's alert red and as-of amber (the test process has no people
    and no quotes, so the timeline section and its chart open the page's first screen)."""
    from test_html_export import colours as read

    path = tmp_path / "briefing.html"
    path.write_text(page(), encoding="utf-8")
    with browser.open(path.as_uri(), width, 900) as tab:
        _, colours = read(tab.screenshot())
    assert (0xB3, 0x26, 0x1E) in colours  # a late cross, an overdue '!'
    assert (0xB8, 0x6E, 0x00) in colours  # the as-of line


def test_a_revision_is_a_second_band(page):
    talks = HERE.parent / "process" / "data" / "talks"
    tree = drawings(page(talks))["wide"]
    row = next(r for r in with_class(tree, "row") if r.get("id") == "chart-step-second-round")
    bands = [(b.get("data-start"), b.get("data-end")) for b in with_class(row, "band")]
    assert bands == [("2018-04-01", "2018-04-10"), ("2018-04-21", "2018-04-30")]
    assert [m.get("data-verdict") for m in with_class(row, "mark")] == ["late"]
    assert "moved 2018-03-20" in ["".join(t.itertext()) for t in row.iter(f"{SVG}text")]


def test_dates_at_the_ends_of_the_calendar(page):
    text = page(HERE.parent / "chart" / "data" / "extremes.yaml")
    tree = drawings(text)["wide"]
    assert len(with_class(tree, "row")) == 4
    assert len(with_class(tree, "tick")) < 40  # one every few thousand years, not every month
