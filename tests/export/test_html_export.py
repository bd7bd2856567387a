"""The HTML page, read back by html5lib (strict: any parse error fails) and drawn by Chromium."""

from __future__ import annotations

from pathlib import Path

import html5lib
import plainyaml
import pytest
from browser import find as find_chromium

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "compact.yaml"
SECTIONS = ["Summary", "Who's who", "Quotes (11)", "Timeline", "What comes next", "Sources"]
LOADING = {"script", "link", "img", "iframe", "frame", "object", "embed", "audio", "video",
           "source", "track", "picture", "math", "base", "form", "input", "button",
           "image", "use", "foreignObject", "feImage", "style"}
SVG = "{http://www.w3.org/2000/svg}"
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "action", "formaction"}


def parse(text: str):
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def external_resources(tree) -> list[str]:
    """Everything in the page that would make a browser load something.

    Inline SVG (the time chart) is part of the page; inside it the same rules hold, and a
    fill may only name a gradient of the page (``url(#id)``)."""
    found = []
    ids = {e.get("id") for e in tree.iter() if e.get("id")}
    for element in tree.iter():
        tag = element.tag.removeprefix(SVG)
        if tag in LOADING and element is not tree.find("head/style"):
            found.append(f"<{tag}>")
        for name in element.attrib:
            if name in RESOURCE_ATTRIBUTES or name == "style" or name.startswith("on"):
                found.append(f"{tag}[{name}]")
            value = element.get(name)
            if "url(" in value and not (value.startswith("url(#") and value[5:-1] in ids):
                found.append(f"{tag}[{name}={value!r}]")
        if tag == "a":
            href = element.get("href", "")
            if href.startswith("#") and href[1:] in ids:
                continue  # a link within the page
            if not href.startswith(("http://", "https://")):
                found.append(f"a[href={href!r}]")
        if element.tag == "meta" and element.get("http-equiv", "").lower() == "refresh":
            found.append("meta refresh")
        if element.tag == "style":
            css = element.text or ""
            if "url(" in css or "@import" in css or "@font-face" in css:
                found.append("style loads a resource")
    return found


def test_html_is_one_self_contained_page(export):
    tree = parse(export("html"))
    assert external_resources(tree) == []
    head = tree.find("head")
    metas = {m.get("name") or m.get("http-equiv"): m.get("content") for m in head.iter("meta")}
    assert metas["viewport"] == "width=device-width, initial-scale=1"
    assert metas["Content-Security-Policy"].startswith("default-src 'none';")
    style = head.find("style").text
    assert "@media print" in style and "@media (max-width: 40em)" in style
    assert tree.get("lang") == "en"


def test_html_sections_and_quotes(export):
    tree = parse(export("html"))
    body = tree.find("body")
    assert text_of(body.find(".//h1")) == "Global Compact for Safe, Orderly and Regular Migration"
    assert [text_of(h) for h in body.iter("h2")] == SECTIONS
    dataset = plainyaml.load(SHIPPED.read_text(encoding="utf-8"))
    quotes = [text_of(q) for q in body.iter("blockquote")]
    # Quoted words in quotation marks; a paraphrase said to be one.
    assert quotes == [
        f"(paraphrase) {' '.join(q['text'].split())}" if q["kind"] == "paraphrase"
        else f"\u201c{' '.join(q['text'].split())}\u201d"
        for q in dataset["quotes"]
    ]
    tables = list(body.iter("table"))
    # who's who, the chart's rows in words (the event and three steps); sources are cards
    assert [len(t.findall("./tbody/tr")) for t in tables] == [4, 4]
    # Each cell says which column it is in, for the narrow-screen layout.
    assert all(td.get("data-label") for t in tables for td in t.iter("td"))


# --- drawn by a real browser -----------------------------------------------------------------


needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed")


def colours(data: bytes) -> tuple[tuple[int, int], set[tuple[int, int, int]]]:
    """The size of a PNG screenshot and the colours in it, read by Pillow."""
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(data)) as image:
        assert image.format == "PNG"
        rgb = image.convert("RGB")
        return image.size, {colour for _, colour in rgb.getcolors(rgb.width * rgb.height)}


@needs_chromium
@pytest.mark.parametrize("width, height", [(390, 844), (1280, 900)])
def test_html_renders_in_chromium(export, tmp_path, browser, width, height):
    page = tmp_path / "briefing.html"
    page.write_text(export("html"), encoding="utf-8")
    with browser.open(page.as_uri(), width, height) as tab:
        size, seen = colours(tab.screenshot())
    assert size == (width, height)
    # A page with text on it, not a blank or an error page of one colour.
    assert len(seen) > 50


@needs_chromium
def test_html_prints_in_chromium(export, tmp_path, browser):
    page = tmp_path / "briefing.html"
    page.write_text(export("html"), encoding="utf-8")
    with browser.open(page.as_uri(), 1280, 900) as tab:
        data = tab.pdf()
    assert data.startswith(b"%PDF-")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") >= 2
