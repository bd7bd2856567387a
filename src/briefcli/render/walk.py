"""Walking a view, written once for every format that lays one out (table, Markdown, HTML).

A :class:`Walker` goes through a :class:`~briefcli.render.view.Listing` or
:class:`~briefcli.render.view.Document` in order and asks its subclass for the parts of each
piece: a title, a section, a table, a card, a list of fields, a paragraph. A part is whatever
the format is made of (a line of Markdown or HTML, a Rich renderable); the walk returns them as
one list, or, for a listing on its own, gives them one at a time (:meth:`Walker.listing_parts`:
a long listing of cards is never held whole). Which records become cards, which values are
left out because they are empty, and in what order things come are decided here, so the
formats cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .view import Column, Document, Fields, Listing, Paragraph, cell


class Walker:
    """Subclasses give the parts; every method returns a list of them."""

    def walk(self, view: Listing | Document) -> list:
        if isinstance(view, Listing):
            return self.listing_page(view)
        out = self.head(view)
        for section in view.sections:
            blocks = [part for block in section.blocks for part in self.block(block)]
            out += self.section(section.heading, blocks)
        return out + self.foot(view)

    def listing_page(self, listing: Listing) -> list:
        """A listing on its own: its title, the listing (or the sentence that says it is empty),
        its caption."""
        return list(self.listing_parts(listing))

    def listing_parts(self, listing: Listing) -> Iterator:
        """:meth:`listing_page`'s parts one at a time, its cards made as they are asked for."""
        if listing.title:
            yield from self.title(listing.title, listing)
        yield from self.listing_block(listing)
        if listing.caption and listing.records:
            yield from self.caption(listing.caption)

    def listing_block(self, listing: Listing) -> Iterable:
        """The listing's own parts, as :meth:`block` gives them; a format may give them one at
        a time instead (the terminal its cards, see :meth:`each_card`; Markdown its rows)."""
        return self.block(listing)

    def block(self, block) -> list:
        if hasattr(block, "html"):  # a drawing (briefcli.chart), which only a page can show
            return self.drawing(block)
        if isinstance(block, Listing):
            if not block.records:
                return self.empty(block.empty)
            return self.listing(block)
        if isinstance(block, Fields):
            return self.fields([(key, cell(value)) for key, value in block.pairs])
        if isinstance(block, Paragraph):
            return self.paragraph(cell(block.text), block.style)
        raise TypeError(f"no {type(self).__name__} part for {type(block).__name__}")

    def listing(self, listing: Listing) -> list:
        return self.table(listing) if listing.layout != "cards" else self.cards(listing)

    def cards(self, listing: Listing) -> list:
        """One card per record: its non-empty short values, and its non-empty wide columns."""
        return list(self.each_card(listing))

    def each_card(self, listing: Listing) -> Iterator:
        """:meth:`cards`' parts, each card's made when it is reached."""
        for index, record in enumerate(listing.records):
            short = [(c, v) for c in listing.shown if not c.wide
                     if (v := cell(c.value(record)))]
            wide = [c for c in listing.shown if c.wide and cell(c.value(record))]
            yield from self.card(index, listing, record, short, wide)

    # --- what a format gives ---------------------------------------------------------------

    def head(self, doc: Document) -> list:
        raise NotImplementedError

    def section(self, heading: str, blocks: list) -> list:
        raise NotImplementedError

    def foot(self, doc: Document) -> list:
        return []

    def title(self, text: str, listing: Listing) -> list:
        raise NotImplementedError

    def caption(self, text: str) -> list:
        raise NotImplementedError

    def empty(self, text: str) -> list:
        raise NotImplementedError

    def table(self, listing: Listing) -> list:
        raise NotImplementedError

    def card(self, index: int, listing: Listing, record: dict,
             short: list[tuple[Column, str]], wide: list[Column]) -> list:
        raise NotImplementedError

    def fields(self, pairs: list[tuple[str, str]]) -> list:
        raise NotImplementedError

    def drawing(self, block) -> list:
        raise TypeError(f"{type(self).__name__} cannot show a drawing")

    def paragraph(self, text: str, style: str) -> list:
        raise NotImplementedError
