"""briefcli sources: publisher, date, address, whether the text is stored, quotes verified."""

import csv
import io
import json
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"


def test_sources_table(cli):
    result = cli("sources", width=100)
    assert result.exit_code == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Sources",
        "",
        "UN News · 2017-12-07 · text stored · 11 quotes · 6 verified word for word",
        "    Global cooperation vital to maximize benefits of migration, says UN envoy",
    ]


def test_sources_json_and_csv(cli):
    (source,) = json.loads(cli("sources", "--json").stdout)
    assert source["id"] == "un-news-2017-12-07"
    assert (source["publisher"], source["published"]["earliest"]) == ("UN News", "2017-12-07")
    # 11 quotes cite it; the 6 direct and partial ones were checked against its stored text
    assert (source["text_stored"], source["quote_count"], source["quotes_verified"]) == (
        True, 11, 6
    )
    (row,) = csv.DictReader(io.StringIO(cli("sources", "--format", "csv").stdout))
    assert row == {
        "id": "un-news-2017-12-07", "publisher": "UN News", "published": "2017-12-07",
        "published_earliest": "2017-12-07", "published_latest": "2017-12-07",
        "text_stored": "yes", "quote_count": "11", "quotes_verified": "6",
        "title": "Global cooperation vital to maximize benefits of migration, says UN envoy",
        "url": source["url"] or "",
    }


def test_a_source_without_text_verifies_nothing(cli, tmp_path):
    text = (DATA / "compact.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.strip().startswith("text: sources/")]
    (tmp_path / "compact.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copytree(DATA / "sources", tmp_path / "sources")
    result = cli("--data", str(tmp_path / "compact.yaml"), "sources", "--json")
    (source,) = json.loads(result.stdout)
    assert (source["text_stored"], source["quote_count"], source["quotes_verified"]) == (
        False, 11, 0
    )
