"""Exports: the whole briefing in a standard format for another reader.

``EXPORTS`` maps a format name to the module that writes it; each module has
``build(data, as_of, note) -> str`` and is imported only when its format is asked for. Exports read
the dataset through :mod:`briefcli.query`, never from YAML.

What ``--as-of`` changes is the same in every format and the same as in ``next`` and ``brief``:

* the steps still ahead, and how each stands (due, overdue, how far off), come from
  :func:`briefcli.query.next_steps` / :func:`briefcli.query.step_at` at that day;
* quotes are those said by that day (an undated quote counts as said), as in ``brief``;
* the day itself is stated (subtitle, title slide, ``DTSTAMP``, ``dateModified``).

Dated events, steps and sources all stay in calendars and timelines whatever the day: a
calendar shows the past too.

Every string from the dataset passes :func:`briefcli.text.clean` (control and bidi characters
become visible escapes) and is then escaped for its format: Markdown by
:func:`briefcli.render.markdown.escape`, HTML by :func:`html.escape`, JSON by
:func:`briefcli.render.jsonout.dumps`, iCalendar by the ``icalendar`` package.
"""

from __future__ import annotations

from datetime import date
from importlib import import_module

EXPORTS = {
    "markdown": "briefcli.export.markdown",
    "html": "briefcli.export.html",
    "ics": "briefcli.export.ics",
    "jsonld": "briefcli.export.jsonld",
    "timelinejs": "briefcli.export.timelinejs",
}



def build(name: str, data, as_of: date, note: str) -> str:
    """The export ``name`` of ``data`` as of ``as_of``; ``note`` says where that day comes from."""
    return import_module(EXPORTS[name]).build(data, as_of, note)
