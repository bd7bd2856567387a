"""The briefing as one self-contained HTML page.

No scripts, no external styles, fonts or images: one inline style sheet, system fonts, and a
Content-Security-Policy that forbids loading anything else even if something slipped in. The
layout is fluid (a phone gets one column, and tables turn into labelled blocks below 40em) and
there is print CSS (no backgrounds, link targets written out, no record split over pages).

Every string from data is cleaned (:func:`briefcli.text.clean`) and HTML-escaped; only an
http(s) address that is the whole of a value becomes a link.
"""

from __future__ import annotations

import html
import re
from datetime import date

from .. import __version__
from ..render.view import Document, Listing, cell
from ..render.walk import Walker
from ..text import clean

_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)

STYLE = """
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b66; --line: #d9d9e0; --tint: #f4f5f8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 48rem; padding: 1rem 1rem 3rem; color: var(--ink);
  background: #fff; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  "Liberation Sans", Arial, sans-serif; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem;
  border-bottom: 2px solid var(--line); }
.subtitle, .note, .meta { color: var(--muted); }
.subtitle { margin: 0 0 1rem; }
.note { font-style: italic; font-size: 0.92rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem;
  border-bottom: 1px solid var(--line); }
th { background: var(--tint); white-space: nowrap; }
.card { border-left: 3px solid var(--line); padding: 0.25rem 0 0.25rem 0.75rem; margin: 0 0 1rem; }
.card .meta { font-size: 0.9rem; margin: 0; }
.card .meta b { color: var(--ink); }
blockquote, .wide { margin: 0.25rem 0 0; }
blockquote { font-size: 1.05rem; }
footer { margin-top: 3rem; font-size: 0.85rem; color: var(--muted); }
.chart { margin: 0 0 1rem; }
.chart svg { display: block; width: 100%; height: auto; } .chart svg.narrow { display: none; }
.chart figcaption { color: var(--muted); font-size: 0.9rem; }
article:target, tr:target { outline: 2px solid #8a8a96; outline-offset: 2px; }
@media (max-width: 40em) {
  body { padding: 0.75rem 0.75rem 2rem; }
  h1 { font-size: 1.35rem; }
  dl { grid-template-columns: 1fr; }
  dd { margin-bottom: 0.4rem; }
  table, thead, tbody, tr, th, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  tr { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
  td { border: 0; padding: 0.1rem 0; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  td:empty { display: none; }
  .chart svg.wide { display: none; } .chart svg.narrow { display: block; }
}
@media print {
  @page { margin: 16mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000; }
  th { background: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, .card, dl { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; }
  .chart svg.wide { display: block; } .chart svg.narrow { display: none; }
  .chart { break-inside: avoid; page-break-inside: avoid; }
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def esc(value: object) -> str:
    """Data as HTML text: cleaned, whitespace runs kept as one space, escaped."""
    return html.escape(" ".join(clean(cell(value)).split()), quote=True)


def value_html(value: object) -> str:
    text = " ".join(clean(cell(value)).split())
    if _URL.match(text):
        href = html.escape(text, quote=True)
        return f'<a href="{href}" rel="noopener noreferrer">{href}</a>'
    return html.escape(text, quote=True)


def _anchor(listing: Listing, record: dict) -> str:
    """' id="..."' for a record others link to, else ''."""
    return f' id="{esc(listing.anchor(record))}"' if listing.anchor else ""


def _cell(column, record: dict) -> str:
    """A value as HTML; a column with a link points at another record's anchor in the page."""
    if column.link is not None and column.link(record):
        return f'<a href="#{esc(column.link(record))}">{esc(column.value(record))}</a>'
    return value_html(column.value(record))


class Page(Walker):
    """The briefing as HTML lines; ``generated`` is the footer's sentence."""

    def __init__(self, generated: str) -> None:
        self.generated = generated

    def head(self, doc):
        return [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="referrer" content="no-referrer">',
            f'<meta name="generator" content="briefcli {html.escape(__version__)}">',
            f"<title>{esc(doc.title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{esc(doc.title)}</h1>",
            *([f'<p class="subtitle">{esc(doc.subtitle)}</p>'] if doc.subtitle else []),
            "</header>",
            "<main>",
        ]

    def section(self, heading, blocks):
        return ["<section>", f"<h2>{esc(heading)}</h2>", *blocks, "</section>"]

    def foot(self, doc):
        return ["</main>", f"<footer><p>{esc(self.generated)}</p></footer>", "</body>", "</html>"]

    def drawing(self, block):
        return [block.html()]  # a drawing that writes its own escaped HTML (briefcli.chart)

    def empty(self, value):
        return [f'<p class="note">{esc(value)}</p>']

    def table(self, listing: Listing):
        out = ["<table>", "<thead><tr>"]
        out += [f'<th scope="col">{esc(c.header)}</th>' for c in listing.shown]
        out += ["</tr></thead>", "<tbody>"]
        for record in listing.records:
            cells = (
                f'<td data-label="{esc(c.header)}">{_cell(c, record)}</td>' for c in listing.shown
            )
            out.append(f"<tr{_anchor(listing, record)}>" + "".join(cells) + "</tr>")
        return out + ["</tbody>", "</table>"]

    def card(self, index, listing, record, short, wide):
        values = [_cell(column, record) for column, _ in short]
        values[0] = f"<b>{values[0]}</b>"
        out = [f'<article class="card"{_anchor(listing, record)}>',
               f'<p class="meta">{" · ".join(values)}</p>']
        for column in wide:
            value = value_html(column.value(record))
            if column.style == "quote":
                out.append(f'<blockquote class="wide">{value}</blockquote>')
            elif column.style == "note":
                out.append(f'<p class="wide note">{esc(column.header)}: {value}</p>')
            else:
                out.append(f'<p class="wide">{value}</p>')
        return out + ["</article>"]

    def fields(self, pairs):
        return ["<dl>", *(f"<dt>{esc(k)}</dt><dd>{value_html(v)}</dd>" for k, v in pairs), "</dl>"]

    def paragraph(self, value, style):
        if style == "quote":
            return [f"<blockquote>{esc(value)}</blockquote>"]
        css = ' class="note"' if style == "note" else ""
        return [f"<p{css}>{esc(value)}</p>"]


def page(doc: Document, generated: str) -> str:
    return "\n".join(Page(generated).walk(doc)) + "\n"


def build(data, as_of: date, note: str) -> str:
    from .briefing import document

    generated = (
        f"Made by briefcli {__version__} from the dataset current to {data.info['as_of']}. "
        "Every fact comes from the sources listed above; quotes are as published."
    )
    return page(document(data, as_of, note, chart=True), generated)
