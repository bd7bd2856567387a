"""A picture of the process: steps and events on one time axis, promise against outcome.

The chart is drawn in three stages, each of which can be used and tested alone:

* :mod:`.rows` turns a dataset into plain :class:`~.rows.Row` objects (a label, the promised
  windows, the outcome mark, a state) and knows nothing of drawing;
* :mod:`.layout` places rows on a shared axis (the range of days, month ticks, the day -> x
  scale) and knows nothing of terminals or SVG;
* :mod:`.terminal` draws a layout in characters (Rich ``Text``, never markup) and :mod:`.svg`
  as inline SVG for the HTML briefing.

Every renderer takes the rows as they are; where the rows come from (today a step's ``when``
and ``outcome``, later its revisions) is the business of :mod:`.rows` alone.
"""
