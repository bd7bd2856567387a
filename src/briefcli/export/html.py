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
from ..render.view import Document, Fields, Listing, Paragraph, cell
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


def _table(listing: Listing) -> list[str]:
    out = ["<table>", "<thead><tr>"]
    out += [f'<th scope="col">{esc(c.header)}</th>' for c in listing.columns]
    out += ["</tr></thead>", "<tbody>"]
    for record in listing.records:
        cells = (
            f'<td data-label="{esc(c.header)}">{_cell(c, record)}</td>' for c in listing.columns
        )
        out.append(f"<tr{_anchor(listing, record)}>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _cards(listing: Listing) -> list[str]:
    wide = [c for c in listing.columns if c.wide]
    short = [c for c in listing.columns if not c.wide]
    tag = "blockquote" if listing.name == "quotes" else "p"
    out = []
    for record in listing.records:
        values = [_cell(c, record) for c in short]
        values = [v for v in values if v]
        if values:
            values[0] = f"<b>{values[0]}</b>"
        out.append(f'<article class="card"{_anchor(listing, record)}>')
        out.append(f'<p class="meta">{" · ".join(values)}</p>')
        out += [f'<{tag} class="wide">{value_html(c.value(record))}</{tag}>' for c in wide]
        out.append("</article>")
    return out


def _block(block) -> list[str]:
    if hasattr(block, "html"):  # a drawing that writes its own escaped HTML (briefcli.chart)
        return [block.html()]
    if isinstance(block, Listing):
        if not block.records:
            return [f'<p class="note">{esc(block.empty)}</p>']
        return _cards(block) if block.layout == "cards" else _table(block)
    if isinstance(block, Fields):
        pairs = (f"<dt>{esc(k)}</dt><dd>{value_html(v)}</dd>" for k, v in block.pairs)
        return ["<dl>", *pairs, "</dl>"]
    if isinstance(block, Paragraph):
        if block.style == "quote":
            return [f"<blockquote>{esc(block.text)}</blockquote>"]
        css = ' class="note"' if block.style == "note" else ""
        return [f"<p{css}>{esc(block.text)}</p>"]
    raise TypeError(f"no HTML for {type(block).__name__}")


def page(doc: Document, generated: str) -> str:
    out = [
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
    ]
    if doc.subtitle:
        out.append(f'<p class="subtitle">{esc(doc.subtitle)}</p>')
    out.append("</header>")
    out.append("<main>")
    for section in doc.sections:
        out.append("<section>")
        out.append(f"<h2>{esc(section.heading)}</h2>")
        for block in section.blocks:
            out += _block(block)
        out.append("</section>")
    out.append("</main>")
    out.append(f"<footer><p>{esc(generated)}</p></footer>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def build(data, as_of: date, note: str) -> str:
    from .briefing import document

    generated = (
        f"Made by briefcli {__version__} from the dataset current to {data.info['as_of']}. "
        "Every fact comes from the sources listed above; quotes are as published."
    )
    return page(document(data, as_of, note, chart=True), generated)
