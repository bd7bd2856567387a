"""briefcli topics: every topic with its number of quotes, in every format."""

import csv
import io
import json


def test_topics_table(cli):
    result = cli("topics")
    assert result.exit_code == 0, result.stderr
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Topics",
        " Topic                                    Quotes",
        "─────────────────────────────────────────────────",
        " International cooperation on migration   4",
        " Large mixed flows of people              1",
        " Intergovernmental negotiations           2",
        " State sovereignty                        2",
        " Role of the United Nations               2",
        " Benefits of migration                    2",
    ]


def test_topics_json_counts_agree_with_quotes_topic(cli):
    topics = json.loads(cli("topics", "--json").stdout)
    assert [t["id"] for t in topics] == [
        "cooperation", "mixed-flows", "negotiations", "sovereignty", "un-role", "benefits",
    ]
    for topic in topics:
        quotes = json.loads(cli("quotes", "--topic", topic["id"], "--json").stdout)
        assert len(quotes) == topic["quote_count"]
        assert all(topic["id"] in q["topics"] for q in quotes)


def test_topics_csv_and_markdown(cli):
    rows = list(csv.DictReader(io.StringIO(cli("topics", "--format", "csv").stdout)))
    assert rows[0] == {"id": "cooperation", "name": "International cooperation on migration",
                       "quote_count": "4"}
    lines = cli("topics", "--format", "markdown").stdout.splitlines()
    assert lines[:5] == ["## Topics", "", "| Topic | Quotes |", "|---|---|",
                         "| International cooperation on migration | 4 |"]
