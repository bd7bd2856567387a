"""The extraction as plain JSON-ready data (``--format json``), offsets included.

Offsets are character positions in the article file's text (UTF-8 decoded, byte-order mark
dropped), ``start`` included and ``end`` excluded, so ``text[start:end]`` is the passage.
"""

from __future__ import annotations

from .draft import Draft
from .reading import Extraction


def _when(found) -> dict:
    return {
        "wording": found.wording,
        "date": found.machine,
        "earliest": found.earliest.isoformat() if found.earliest else None,
        "latest": found.latest.isoformat() if found.latest else None,
        "guessed": list(found.guessed),
    }


def report(x: Extraction, draft: Draft, article_path: str) -> dict:
    article = x.article
    people = []
    for person in x.cast.ordered():
        mentions = [
            list(article.raw_span(m.start, m.end)) for m in x.cast.mentions if m.person == person.key
        ]
        people.append(
            {
                "id": draft.person_ids[person.key],
                "name": person.name,
                "honorific": person.honorific,
                "roles": list(person.roles),
                "in_dataset": bool(person.known_id) and draft.person_ids[person.key] == person.known_id,
                "mentions": mentions,
            }
        )
    quotes = []
    for index, quote in enumerate(x.quotes):
        speaker = x.speaker(quote)
        dated = x.quote_dates.get(index)
        quotes.append(
            {
                "ids": draft.quote_ids[index],
                "kind": quote.kind,
                "speaker": draft.person_ids.get(quote.speaker) if quote.speaker else None,
                "speaker_name": speaker.name if speaker else None,
                "attribution": quote.how,
                "guessed": list(quote.guessed),
                "parts": [
                    {
                        "start": article.raw_span(p.start, p.end)[0],
                        "end": article.raw_span(p.start, p.end)[1],
                        "text": article.quoted_text(p.start, p.end),
                    }
                    for p in quote.parts
                ],
                "when": _when(dated.found) | {"carried": dated.carried} if dated else None,
            }
        )
    left_out = []
    for item in x.left_out:
        start, end = article.raw_span(item.start, item.end)
        left_out.append({"start": start, "end": end, "text": article.quoted_text(item.start, item.end),
                         "why": item.why})
    steps = [
        {"id": sid, "what": step.what, "status": step.status, "when": _when(step.when)}
        for sid, step in zip(draft.step_ids, x.steps)
    ]
    return {
        "article": article_path,
        "date": x.day.isoformat(),
        "date_from": x.day_from,
        "title": article.title,
        "people": people,
        "quotes": quotes,
        "left_out": left_out,
        "steps": steps,
        "draft": draft.plain(),
    }
