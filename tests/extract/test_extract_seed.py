"""The seed article (UN News, 7 December 2017) must come out exactly right."""

import json

import plainyaml
from extract_support import COMPACT, SEED, beside, check, clean_env, run  # noqa: F401

PEOPLE = [
    ("Louise Arbour", "Special Representative of the UN Secretary-General for International Migration"),
    ("Miroslav Lajčák", "President of the General Assembly"),
    ("Juan José Gómez Camacho", "Permanent Representative of Mexico to the UN"),
    ("Jürg Lauber", "Permanent Representative of Switzerland to the UN"),
]
QUOTES = [
    ("Louise Arbour", "direct",
     "We stand today tasked with the mandate to weave these challenges and opportunities into a "
     "global effort to enhance State cooperation in the management of migration,"),
    ("Louise Arbour", "partial",
     "tragedy of large mixed flows of people on the move and how to deal with those who are "
     "ineligible for international refugee protection yet for whom humanitarian assistance and "
     "longer-term solutions are no less urgent."),
    ("Miroslav Lajčák", "partial", "tough negotiations"),
    ("Miroslav Lajčák", "partial", "strong common positions,"),
    ("Miroslav Lajčák", "direct",
     "The UN is the best and, in fact, the only forum in which this response can be formulated,"),
    ("Miroslav Lajčák", "direct", "Member States will determine their own migration policies."),
]
STEPS = [
    ("The Secretary-General’s report on migration", "before mid-January 2018", None, "2018-01-15"),
    ("Intergovernmental negotiations", "begin in February and conclude in July", "2018-02-01", "2018-07-31"),
    (None, "at the end of 2018", "2018-12-01", "2018-12-31"),
]


def test_seed_extraction_is_exact(capsys):
    code, out, err = run(capsys, "extract", str(SEED), "--standalone", "--format", "json")
    assert (code, err) == (0, "")
    found = json.loads(out)
    assert found["date"] == "2017-12-07" and found["date_from"] == "dateline"
    assert [(p["name"], p["roles"]) for p in found["people"]] == [(n, [r]) for n, r in PEOPLE]
    assert [(q["speaker_name"], q["kind"], " ".join(p["text"] for p in q["parts"])) for q in found["quotes"]] == QUOTES
    assert all(len(q["parts"]) == 1 for q in found["quotes"])
    raw = SEED.read_text(encoding="utf-8")
    for quote in found["quotes"]:
        part = quote["parts"][0]
        assert raw[part["start"] : part["end"]] == part["text"]
    steps = [(s["what"], s["when"]["wording"], s["when"]["earliest"], s["when"]["latest"]) for s in found["steps"]]
    assert [s[1:] for s in steps] == [s[1:] for s in STEPS]
    assert [s[0] for s in steps][:2] == [s[0] for s in STEPS][:2]
    assert [item["text"] for item in found["left_out"]] == []


def test_seed_standalone_draft_loads_alone(capsys, tmp_path):
    article = beside(tmp_path, SEED)
    draft = tmp_path / "draft.yaml"
    code, _, err = run(capsys, "extract", str(article), "--standalone", "-o", str(draft))
    assert code == 0 and err.startswith(f"briefcli: wrote {draft}:")
    plain, errors, warnings = check([draft])
    assert errors == []
    assert [p["name"] for p in plain["people"]] == [n for n, _ in PEOPLE]
    assert [(q["speaker"], q["kind"]) for q in plain["quotes"]] == [
        ("arbour", "direct"), ("arbour", "partial"), ("lajcak", "partial"),
        ("lajcak", "partial"), ("lajcak", "direct"), ("lajcak", "direct"),
    ]
    assert [(s["when"]["earliest"], s["when"]["latest"]) for s in plain["steps"]] == [
        (None, "2018-01-15"), ("2018-02-01", "2018-07-31"), ("2018-12-01", "2018-12-31"),
    ]
    assert plain["steps"][2]["when"]["text"] == "at the end of 2018"
    assert plain["dataset"]["as_of"] == "2017-12-07"


def test_seed_fragment_reuses_the_shipped_people(capsys, tmp_path):
    article = beside(tmp_path, SEED)
    draft = tmp_path / "draft.yaml"
    code, _, _ = run(capsys, "--data", str(COMPACT), "extract", str(article), "-o", str(draft))
    assert code == 0
    own = plainyaml.load(draft.read_text(encoding="utf-8"))
    assert "dataset" not in own and "people" not in own  # all four are already in the dataset
    assert "referred to by id: arbour (Louise Arbour), lajcak (Miroslav Lajčák), gomez-camacho" in draft.read_text(encoding="utf-8")
    plain, errors, _ = check([COMPACT, draft])
    assert errors == []
    ours = [q for q in plain["quotes"] if q["source"] == "global-compact-2017-12-07"]
    assert [q["speaker"] for q in ours] == ["arbour", "arbour", "lajcak", "lajcak", "lajcak", "lajcak"]
    assert [q["when"]["earliest"] for q in ours] == ["2017-12-06"] * 6
    step = [s for s in plain["steps"] if s["source"] == "global-compact-2017-12-07"][2]
    assert step["where"] == "morocco"
