"""Commands for following a process over time: track, changes, init, add."""

from __future__ import annotations

from datetime import date

import click

from ..console import terminal
from .command import command
from .common import load_as_of, output
from .options import DAY, as_of_option, output_format


@command("track", "briefcli track --as-of 2018-03-01")
@as_of_option
@output_format()
@click.pass_context
def track(ctx: click.Context, as_of: date | None, fmt: str | None, json_flag: bool) -> None:
    """Plan against outcome: each step's promise as first worded, every slip, what happened,
    and a verdict (done on time, early or late, dropped, postponed, overdue, not yet due)."""
    from .. import processviews, tracking

    data, day, note = load_as_of(ctx, as_of)
    output(processviews.track(tracking.track(data, day), note), fmt, json_flag)


@command("changes", "briefcli changes --since 2w")
@click.option("--since", required=True, metavar="DATE",
              help="Show what was learned after this day (YYYY-MM-DD), or in this many days (7d) "
              "or weeks (2w) up to the as-of day.")
@as_of_option
@output_format()
@click.pass_context
def changes(ctx: click.Context, since: str, as_of: date | None, fmt: str | None,
            json_flag: bool) -> None:
    """What the dataset learned between two days: new sources, people and roles, quotes,
    events, steps, and the steps whose date, status or outcome changed."""
    from .. import processviews
    from ..changes import changes as learned, since_day

    data, day, note = load_as_of(ctx, as_of)
    start = since_day(since, day)
    output(processviews.changes(learned(data, start, day), note), fmt, json_flag)


@command("init", "briefcli init talks/ --title 'Talks on the treaty'")
@click.argument("folder", metavar="FOLDER")
@click.option("--title", required=True, help="The dataset's title.")
@click.option("--process", help="The process it follows; default: the title.")
@click.option("--summary", help="The process in brief.")
def init(folder: str, title: str, process: str | None, summary: str | None) -> None:
    """Start an empty dataset in FOLDER (new or empty): process.yaml and a sources/ folder."""
    from ..adding import init as start

    path = start(folder, title, process, summary)
    terminal.write(f"Started {path}. Next: briefcli add ARTICLE --into {folder}\n")


@command("add", "briefcli add article.txt --into talks/")
@click.argument("article", metavar="ARTICLE")
@click.option("--into", required=True, metavar="FOLDER", help="The dataset folder.")
@click.option("--date", "day", type=DAY, metavar="DATE",
              help="The article's date (YYYY-MM-DD); default: its dateline.")
@click.option("--url", help="The article's address (an article whose address is already a "
              "source's is not added again).")
@click.option("--publisher", help="Who published it.")
def add(article: str, into: str, day: date | None, url: str | None,
        publisher: str | None) -> None:
    """Add an article to a dataset folder: its text into sources/, the draft of its people,
    quotes and steps as a new file, ids that do not clash, nothing written over a file."""
    from ..adding import add as adding, report

    result = adding(article, into, day, url, publisher)
    for line in report(result):
        terminal.write(line + "\n")
