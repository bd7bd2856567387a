"""TimelineJS3 JSON, ready for a TimelineJS page (its documented "JSON data format").

* A title slide (no start date) carries the dataset's title, summary and the as-of day.
* Each dated event, step, outcome and source is a slide in the ``group`` of its kind (Events,
  Steps, Outcomes, Sources); the key quotes, chosen as ``brief`` chooses them on the as-of day,
  are slides in the group Quotes.
* ``start_date``/``end_date`` give year, month and day only as precise as the date is: 'at the
  end of 2018' is {year: 2018, month: 12}, 'February to July 2018' runs from {2018, 2} to
  {2018, 7}. A date with no earliest day ('before mid-January 2018') starts on its latest day,
  since TimelineJS needs a start; the slide's ``display_date`` always carries the source's own
  wording, so the reader sees what is really known.
* TimelineJS reads ``headline``, ``text`` and ``display_date`` as HTML, so data is cleaned and
  HTML-escaped; ``autolink`` is off so no text from data becomes a link by accident. Only a
  source's http(s) address is made a link, by us.
"""

from __future__ import annotations

import html
import re
from datetime import date

from .. import query, views
from ..text import clean
from . import dates, sentences

_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)
GROUPS = {"event": "Events", "step": "Steps", "outcome": "Outcomes", "source": "Sources",
          "quote": "Quotes"}


def esc(value: object) -> str:
    return html.escape(" ".join(clean("" if value is None else str(value)).split()), quote=True)


def paragraphs(*lines: str | None) -> str:
    return "".join(f"<p>{esc(line)}</p>" for line in lines if line)


def date_object(part: tuple[int, ...]) -> dict:
    return dict(zip(("year", "month", "day"), part, strict=False))


def slide_dates(when: dict) -> dict:
    start, end = dates.parts(when)
    if start is None:  # open start: TimelineJS needs one, so the latest day stands alone
        start, end = end, None
    out = {"start_date": date_object(start)}
    if end is not None:
        out["end_date"] = date_object(end)
    return out


def slide(kind: str, rid: str, when: dict, headline: str, text: str) -> dict:
    return {
        "unique_id": f"{kind}-{rid}",
        **slide_dates(when),
        "display_date": esc(when["text"]),
        "group": GROUPS[kind],
        "text": {"headline": esc(headline), "text": text},
        "autolink": False,
    }


def source_paragraph(data, source_id: str) -> str:
    return paragraphs(sentences.source_line(data, source_id))


def _event_text(data, record: dict) -> str:
    return paragraphs(
        record.get("about"),
        f"Where: {data.name(record.get('where'))}" if record.get("where") else None,
        sentences.participants(data, record),
    ) + source_paragraph(data, record["source"])


def _step_text(data, record: dict, as_of: date) -> str:
    return paragraphs(
        f"Status: {record['status']}. {sentences.standing(record, as_of)}",
        f"Where: {data.name(record.get('where'))}" if record.get("where") else None,
        f"By: {data.name(record.get('by'))}" if record.get("by") else None,
    ) + source_paragraph(data, record["source"])


def _source_text(record: dict) -> str:
    text = paragraphs(f"Published by {sentences.source_name(record)}.")
    url = clean(record.get("url") or "")
    if _URL.match(url):
        href = html.escape(url, quote=True)
        text += f'<p><a href="{href}" rel="noopener noreferrer">{href}</a></p>'
    return text


def _quote_slide(data, quote: dict) -> dict:
    text = (
        f"<blockquote>{esc(views.quoted(quote))}</blockquote>"
        + paragraphs(f"{quote['speaker_name']}, {views.when_text(quote['when'])} ({quote['kind']})",
                     quote.get("context"))
        + source_paragraph(data, quote["source"])
    )
    return slide("quote", quote["id"], quote["when"], quote["speaker_name"], text)


def timeline(data, as_of: date, note: str) -> dict:
    info = data.info
    events = []
    for item in query.timeline(data):
        record = data.get(item["id"])
        kind = item["type"]
        if kind == "event":
            text = _event_text(data, record)
        elif kind == "step":
            text = _step_text(data, record, as_of)
        elif kind == "outcome":
            text = paragraphs(f"Outcome of: {record['what']}") + source_paragraph(
                data, record["outcome"]["source"]
            )
        else:
            text = _source_text(record)
        events.append(slide(kind, item["id"], item["when"], item["name"], text))
    for quote in query.key_quotes(data, as_of):
        if quote.get("when"):
            events.append(_quote_slide(data, quote))
    title = {
        "unique_id": "title",
        "text": {"headline": esc(info["title"]),
                 "text": paragraphs(info["summary"], f"{note}. {info['process']}.")},
        "autolink": False,
    }
    return {"title": title, "events": events, "scale": "human"}


def build(data, as_of: date, note: str) -> str:
    from ..render.jsonout import dumps

    return dumps(timeline(data, as_of, note)) + "\n"
