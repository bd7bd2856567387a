"""Where the test suite's files are (a module of its own: several folders have a conftest)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "compact.yaml"
EXPECTED = Path(__file__).parent / "expected"
SCHEMA = ROOT / "schema" / "briefcli.schema.json"  # the committed JSON Schema
TALKS = ROOT / "tests" / "process" / "data" / "talks"  # the process tests' fictional talks
