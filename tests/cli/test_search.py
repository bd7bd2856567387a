import json


def test_search_across_records(cli):
    result = cli("search", "puerto vallarta", "--json")
    hits = json.loads(result.stdout)
    assert [(h["type"], h["id"]) for h in hits] == [
        ("place", "puerto-vallarta"),
        ("quote", "arbour-weave"),
        ("event", "consultation-phase"),
        ("event", "stocktaking-meeting"),
    ]


def test_search_ignores_accents_and_case(cli):
    hits = json.loads(cli("search", "JURG", "--json").stdout)
    assert [(h["type"], h["id"]) for h in hits] == [("person", "lauber")]


def test_search_reads_every_named_record_and_the_sources(cli):
    def found(text):
        hits = json.loads(cli("search", text, "--json").stdout)
        return [(h["type"], h["id"], h["field"]) for h in hits]

    # a topic by its name, an organization by its short name, a source by its publisher and by
    # its title; records of other kinds that hold the words follow in the dataset's order
    assert found("intergovernmental negotiations") == [
        ("topic", "negotiations", "name"),
        ("step", "intergovernmental-negotiations", "what"),
    ]
    assert found("UN Secretary-General") == [
        ("person", "arbour", "role"),
        ("organization", "un-secretary-general", "short_name"),
    ]
    assert found("un news") == [("source", "un-news-2017-12-07", "publisher")]
    assert found("maximize benefits") == [("source", "un-news-2017-12-07", "title")]


def test_search_names_the_field_in_words(cli):
    def headings(text):
        return [line for line in cli("search", text).stdout.splitlines() if "·" in line]

    assert headings("UN Secretary-General") == [
        "person · in its role",
        "organization · in its short name",
    ]
    assert headings("tough negotiations") == ["quote · in its words"]


def test_search_nothing(cli):
    result = cli("search", "zebra")
    assert result.exit_code == 0
    assert result.stdout == "Nothing matches 'zebra'.\n"


def test_search_blank_is_usage_error(cli):
    result = cli("search", "   ")
    assert result.exit_code == 2
    assert result.stderr == "briefcli: give some text to search for\n"


def test_search_shows_the_matching_passage(cli):
    hits = json.loads(cli("search", "vallarta", "--json").stdout)
    (quote,) = [h for h in hits if h["type"] == "quote"]
    # The quote matched by its context: the hit says so and gives that passage, and where the
    # match lies in it (character offsets), as grep gives the line.
    assert (quote["field"], quote["passage"]) == (
        "context", "Said at the end of the three-day meeting in Puerto Vallarta."
    )
    assert quote["passage"][quote["match_start"]:quote["match_end"]] == "Vallarta"
    for hit in hits:
        assert hit["passage"][hit["match_start"]:hit["match_end"]].casefold() == "vallarta"


def test_search_passage_is_cut_around_the_match_and_accents_are_kept(cli):
    hits = json.loads(cli("search", "recommendations that", "--json").stdout)
    (hit,) = [h for h in hits if h["id"] == "consultation-phase"]
    assert hit["passage"].startswith("…") or len(hit["match"]) <= 140
    assert hit["passage"][hit["match_start"]:hit["match_end"]] == "recommendations that"
    (person,) = json.loads(cli("search", "LAJCAK", "--json").stdout)[:1]
    assert person["passage"][person["match_start"]:person["match_end"]] == "Lajčák"


def test_search_table_piped_is_plain(cli):
    result = cli("search", "vallarta")
    # (trailing spaces aside: Rich pads wrapped lines, which is another change's business)
    assert "\n".join(line.rstrip() for line in result.stdout.split("\n")) == (
        "Matches for 'vallarta'\n"
        "\n"
        "place · in its name\n"
        "    Puerto Vallarta, Mexico\n"
        "\n"
        "quote · in its context\n"
        "    Louise Arbour: We stand today tasked with the mandate to weave these…\n"
        "    Said at the end of the three-day meeting in Puerto Vallarta.\n"
        "\n"
        "event · in its description\n"
        "    Consultation phase of the Global Compact process\n"
        "    …and recommendations that the stocktaking meeting in Puerto Vallarta\n"
        "    reviewed and analysed.\n"
        "\n"
        "event · in its place\n"
        "    Stocktaking meeting on the Global Compact on international migration\n"
        "    Puerto Vallarta, Mexico\n"
    )


def test_search_marks_the_match_in_bold_at_a_terminal(monkeypatch):
    import io

    from briefcli import views
    from briefcli.console import Terminal
    from briefcli.render import render

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    hit = {"type": "event", "id": "e", "title": "Meeting", "field": "where",
           "title_field": "name", "match": "Puerto Vallarta, Mexico",
           "passage": "Puerto Vallarta, Mexico", "match_start": 7, "match_end": 15}
    buffer = io.StringIO()
    render(views.search([hit], "vallarta"), "table", Terminal(file=buffer, width=80))
    assert "Puerto \x1b[1mVallarta\x1b[0m, Mexico" in buffer.getvalue()


def test_search_markdown_marks_the_match(cli):
    lines = cli("search", "vallarta", "--format", "markdown").stdout.splitlines()
    assert lines[-1] == (
        "| event | in its place | Stocktaking meeting on the Global Compact on international "
        "migration | Puerto **Vallarta**, Mexico |"
    )
