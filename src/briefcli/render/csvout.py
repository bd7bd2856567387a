"""CSV for spreadsheets and scripts: a header row of stable snake_case names, then one row per
record, its id first. A date gives three columns: its wording, its earliest and its latest day
(ISO, empty when open). Lists are joined with '; '."""

from __future__ import annotations

import csv
import io

from ..text import clean
from . import FormatError
from .view import Listing, cell


def header(listing: Listing) -> list[str]:
    names = ["id"]
    for column in listing.columns:
        names.append(column.key)
        if column.when is not None:
            names += [f"{column.key}_earliest", f"{column.key}_latest"]
    return names


def row(listing: Listing, record: dict) -> list[str]:
    cells = [record.get("id", "")]
    for column in listing.columns:
        if column.when is None:
            cells.append(column.raw(record))
            continue
        when = column.when(record) or {}
        cells += [when.get("text"), when.get("earliest"), when.get("latest")]
    return [clean(cell(value)) for value in cells]


def render(view, terminal) -> None:
    if not isinstance(view, Listing):
        raise FormatError(f"csv shows lists of records; '{view.name}' is a document")
    terminal.write_each(_pieces(view))


def _pieces(listing: Listing, batch: int = 256):
    """The CSV text, made and given ``batch`` rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header(listing))
    for at in range(0, len(listing.records), batch):
        writer.writerows(row(listing, record) for record in listing.records[at : at + batch])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():  # no records: the header alone
        yield buffer.getvalue()
