"""The briefing as one Markdown document: headed sections, pipe tables, escaped data.

It is the registry's Markdown renderer (:mod:`briefcli.render.markdown`) applied to the full
briefing, so every string from data goes through :func:`briefcli.render.markdown.escape`.
"""

from __future__ import annotations

from datetime import date


def build(data, as_of: date, note: str) -> str:
    from ..render.markdown import to_markdown
    from .briefing import document

    return to_markdown(document(data, as_of, note))
