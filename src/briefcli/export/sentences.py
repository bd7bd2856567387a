"""The sentences every export writes about a record, worded once.

The calendar's descriptions, the timeline's slides and the briefing document say the same
things about a source, a step and an event's participants; they say them in these words.
"""

from __future__ import annotations

from datetime import date

from .. import query
from ..views import source_name


__all__ = ["source_name", "source_line", "standing", "participants"]


def source_line(data, source_id: str) -> str | None:
    """'Source: UN News, 2017-12-07: Title', or None for a source the dataset lacks."""
    source = data.get(source_id)
    if source is None:
        return None
    return f"Source: {source_name(source)}: {source['title']}"


def standing(step: dict, as_of: date) -> str:
    """How a step stands on the as-of day, as ``next`` says it."""
    now = query.step_at(step, as_of)
    if now is None:
        return f"On {as_of.isoformat()}: no longer ahead."
    return f"On {as_of.isoformat()}: {now['state']}, {now['distance']}."


def participants(data, event: dict) -> str | None:
    """'With: Louise Arbour (speaker); Miroslav Lajčák (chair)', or None when nobody is named."""
    people = [f"{data.name(p['person'])} ({p['part']})" for p in event.get("participants", [])]
    return "With: " + "; ".join(people) if people else None
