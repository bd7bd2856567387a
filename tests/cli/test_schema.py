"""briefcli schema: generated from the models, committed, and usable by other validators."""

import json
import subprocess
import sys

import pytest

from locations import DATA, ROOT

SCHEMA = ROOT / "schema" / "briefcli.schema.json"


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


def _check_jsonschema(*args: str) -> subprocess.CompletedProcess:
    """Run check-jsonschema (from the test extra) as a module of this Python: its script may
    not be on PATH when the environment is not activated."""
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is in the test extra")
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA), *args],
        capture_output=True, text=True, timeout=120,
    )


def test_external_validator_accepts_our_datasets():
    paths = [DATA, *sorted((ROOT / "examples").glob("*/*.yaml"))]
    assert len(paths) >= 3
    result = _check_jsonschema(*map(str, paths))
    assert result.returncode == 0, result.stdout + result.stderr


def test_external_validator_rejects_a_bad_kind():
    bad = ROOT / "tests" / "data" / "invalid" / "bad-kind.yaml"
    result = _check_jsonschema(str(bad))
    assert result.returncode == 1
    assert "'rumour' is not one of ['direct', 'partial', 'paraphrase']" in result.stdout
