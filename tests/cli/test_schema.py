"""briefcli schema: generated from the models, committed, and usable by other validators."""

import json

from locations import DATA, ROOT, SCHEMA


def test_committed_schema_is_in_sync(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(SCHEMA.read_text(encoding="utf-8")), (
        "run: briefcli schema > schema/briefcli.schema.json"
    )


def test_schema_describes_the_sections(cli):
    schema = json.loads(cli("schema").stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]) == {
        "dataset", "sources", "organizations", "places", "topics", "people", "events",
        "quotes", "steps", "revisions",
    }
    quote = schema["$defs"]["Quote"]
    assert quote["additionalProperties"] is False
    assert set(quote["required"]) == {"id", "speaker", "text", "kind", "source"}


def test_dataset_has_the_modeline():
    first = DATA.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/briefcli.schema.json"
    assert (DATA.parent / "../schema/briefcli.schema.json").resolve() == SCHEMA


def test_external_validator_accepts_our_datasets(check_jsonschema):
    paths = [DATA, *sorted((ROOT / "examples").glob("*/*.yaml"))]
    assert len(paths) >= 3
    result = check_jsonschema(*paths)
    assert result.exit_code == 0, result.output


def test_external_validator_rejects_a_bad_kind(check_jsonschema):
    bad = ROOT / "tests" / "data" / "invalid" / "bad-kind.yaml"
    result = check_jsonschema(bad)
    assert result.exit_code == 1
    assert "'rumour' is not one of ['direct', 'partial', 'paraphrase']" in result.output
