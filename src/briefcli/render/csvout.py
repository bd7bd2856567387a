"""CSV: a header row and one row per record (its id first); list values are joined with '; '."""

from __future__ import annotations

import csv
import io

from ..text import clean
from . import FormatError
from .view import Listing, cell


def render(view, terminal) -> None:
    if not isinstance(view, Listing):
        raise FormatError(f"csv shows lists of records; '{view.name}' is a document")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id"] + [c.header for c in view.columns])
    for record in view.records:
        writer.writerow(
            [clean(record.get("id", ""))] + [clean(cell(c.value(record))) for c in view.columns]
        )
    terminal.write(buffer.getvalue())
