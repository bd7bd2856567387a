"""The JSON-LD export, expanded by pyld with no network and checked against schema.org terms."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import plainyaml
import pytest

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "compact.yaml"
S = "http://schema.org/"
# What the export needs of schema.org's published context: its vocabulary, and the id/type
# aliases it defines. Served locally so the test never touches the network.
SCHEMA_CONTEXT = {"@context": {"@vocab": S, "schema": S, "id": "@id", "type": "@type"}}


def offline_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}
    raise AssertionError(f"the test tried to load {url}")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    from pyld import jsonld  # (imported by the test worker that runs these tests only: 0.2 s)

    monkeypatch.setattr(jsonld, "_default_document_loader", offline_loader)


def expand(text: str) -> dict[str, dict]:
    """The expanded graph as {@id: node}."""
    from pyld import jsonld

    nodes = jsonld.expand(json.loads(text), {"documentLoader": offline_loader})
    return {n["@id"]: n for n in nodes}


def values(node: dict, name: str) -> list:
    return [v.get("@value", v.get("@id")) for v in node.get(S + name, [])]


def one(node: dict, name: str):
    found = values(node, name)
    assert len(found) == 1, (node["@id"], name, found)
    return found[0]


def of_type(graph: dict, name: str) -> list[dict]:
    return [n for n in graph.values() if S + name in n["@type"]]


@pytest.fixture
def graph(export):
    return expand(export("jsonld"))


def test_jsonld_people(graph):
    people = {one(p, "name"): p for p in of_type(graph, "Person")}
    assert list(people) == ["Louise Arbour", "Miroslav Lajčák", "Juan José Gómez Camacho",
                            "Jürg Lauber"]
    assert one(people["Miroslav Lajčák"], "jobTitle") == "President of the General Assembly"
    [assembly] = values(people["Miroslav Lajčák"], "affiliation")
    assert S + "Organization" in graph[assembly]["@type"]
    assert one(graph[assembly], "name") == "United Nations General Assembly"
    assert values(people["Jürg Lauber"], "jobTitle") == [
        "Permanent Representative of Switzerland to the UN",
        "Co-facilitator of the Global Compact process",
    ]


def test_jsonld_quotations(graph):
    dataset = plainyaml.load(SHIPPED.read_text(encoding="utf-8"))
    quotations = of_type(graph, "Quotation")
    assert [one(q, "text") for q in quotations] == [
        " ".join(q["text"].split()) for q in dataset["quotes"]
    ]
    for quotation in quotations:
        assert S + "Person" in graph[one(quotation, "creator")]["@type"]
        source = graph[one(quotation, "isBasedOn")]
        assert S + "NewsArticle" in source["@type"]
        assert one(source, "headline").startswith("Global cooperation vital")
        assert one(quotation, "dateCreated") == "2017-12-06"
        assert one(quotation, "genre") in ("direct", "partial", "paraphrase")
        assert S + "Event" in graph[one(quotation, "recordedAt")]["@type"]


def test_jsonld_events_and_steps(graph):
    events = {one(e, "name"): e for e in of_type(graph, "Event")}
    status = "https://schema.org/"
    meeting = events["Stocktaking meeting on the Global Compact on international migration"]
    assert (one(meeting, "startDate"), one(meeting, "endDate")) == ("2017-12-04", "2017-12-06")
    assert one(graph[one(meeting, "location")], "name") == "Puerto Vallarta, Mexico"
    assert one(meeting, "eventStatus") == status + "EventScheduled"
    assert len(values(meeting, "organizer")) == 2 and len(values(meeting, "performer")) == 2
    # Dates only as precise as known; an open start is left out, not guessed.
    report = events["The Secretary-General's report on migration"]
    assert values(report, "startDate") == [] and one(report, "endDate") == "2018-01-15"
    talks = events["Intergovernmental negotiations on the Global Compact"]
    assert (one(talks, "startDate"), one(talks, "endDate")) == ("2018-02", "2018-07")
    adoption = [e for n, e in events.items() if n.startswith("Presentation")][0]
    assert one(adoption, "startDate") == "2018-12" and values(adoption, "endDate") == []
    assert one(graph[one(adoption, "location")], "name") == "Morocco"
    assert one(adoption, "description").startswith("When: at the end of 2018.")
    # The undated consultation phase is an Event too, without dates.
    assert "Consultation phase of the Global Compact process" in events
    for event in events.values():
        assert S + "NewsArticle" in graph[one(event, "subjectOf")]["@type"]


def test_jsonld_step_status(tmp_path, export):
    text = SHIPPED.read_text(encoding="utf-8")
    text = text.replace("    status: expected\n", "    status: postponed\n", 1)
    text = text.replace("    status: expected\n", "    status: cancelled\n", 1)
    changed = tmp_path / "compact.yaml"
    changed.write_text(text, encoding="utf-8")
    shutil.copytree(SHIPPED.parent / "sources", tmp_path / "sources")
    graph = expand(export("jsonld", data=changed))
    steps = [n for i, n in graph.items() if i.startswith("_:step.")]
    assert [one(s, "eventStatus").rsplit("/", 1)[1] for s in steps] == [
        "EventPostponed", "EventCancelled", "EventScheduled"
    ]


def test_jsonld_as_of_keeps_quotes_known_by_then(export):
    # said on 2017-12-06, published on 2017-12-07: a reader knew them from the 7th
    assert of_type(expand(export("jsonld", "--as-of", "2017-12-06")), "Quotation") == []
    assert len(of_type(expand(export("jsonld", "--as-of", "2017-12-07")), "Quotation")) == 11


def test_jsonld_only_schema_org_terms(graph):
    known = {
        "name", "abstract", "about", "description", "dateModified", "isBasedOn", "headline",
        "url", "publisher", "datePublished", "alternateName", "parentOrganization",
        "containedInPlace", "honorificPrefix", "jobTitle", "affiliation", "subjectOf",
        "startDate", "endDate", "location", "eventStatus", "organizer", "performer",
        "attendee", "text", "genre", "creator", "dateCreated", "recordedAt", "keywords",
    }
    for node in graph.values():
        for key in node:
            if key.startswith("@"):
                continue
            assert key.startswith(S) and key[len(S):] in known, key


def test_jsonld_can_be_pasted_into_a_script_element(export):
    text = export("jsonld")
    assert "<" not in text and ">" not in text and "&" not in text
