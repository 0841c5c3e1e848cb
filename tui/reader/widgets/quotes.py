"""The Quotes pane: two lines a quote, speaker and context above, the words below."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding

from ...core.model import Row
from ...core.sanitize import one_line
from ...core.view import NO_HIGHLIGHT, Highlight
from .marking import marked
from .rowlist import RowList

DIRECT, PARAPHRASE = "\u201c", "\u2248"  # “ for the speaker's own words, ≈ for reported speech


class QuotesList(RowList):
    BINDINGS = [Binding("enter", "choose", "Read")]
    row_height = 2
    empty_text = "No quote matches: Esc clears the search and filters"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: Sequence[Row] = ()
        self.indices: Sequence[int] = ()
        self.highlight = NO_HIGHLIGHT
        self.show_meeting = False

    def show(self, rows, indices, highlight: Highlight, keep: int | None = None) -> None:
        """Show the catalog `rows` at the sorted indices `indices`, marking `highlight`, with
        the cursor on catalog row `keep` when it is shown, else on the nearest row after it
        (the last row when none follows), in sight."""
        self.rows, self.indices, self.highlight = rows, indices, highlight
        cursor = 0 if keep is None else bisect.bisect_left(indices, keep)
        self.set_count(len(indices), cursor)

    def current(self) -> Row | None:
        if 0 <= self.cursor < len(self.indices):
            return self.rows[self.indices[self.cursor]]
        return None

    def current_index(self) -> int | None:
        return self.indices[self.cursor] if 0 <= self.cursor < len(self.indices) else None

    def render_row(self, index: int, width: int) -> list[Text]:
        row = self.rows[self.indices[index]]
        quote, highlight = row.quote, self.highlight
        match = self.style_of("rowlist--match")
        dim = self.style_of("rowlist--dim")
        top = Text()  # not Text(marker, style=dim): that would dim the whole line
        top.append(DIRECT + " " if quote.direct else PARAPHRASE + " ", style=dim)
        top.append_text(marked(one_line(quote.speaker.name), highlight.speaker, match, "bold"))
        if self.show_meeting:
            top.append(" · ", style=dim)
            top.append(row.briefing.meeting.when, style=dim)
        if quote.session is not None:
            top.append(" · ", style=dim)
            top.append_text(marked(one_line(quote.session.title), highlight.session, match, dim))
        for topic in quote.topics:
            top.append(" · ", style=dim)
            top.append_text(marked(one_line(topic.title), highlight.topic, match, dim))
        if quote.paragraph is not None:
            marker = f" ¶{quote.paragraph}"
            top.truncate(max(1, width - len(marker)), overflow="ellipsis", pad=True)
            top.append(marker, style=dim)
        # A row shows one line of the text, so only what can show of it is measured and
        # cut: every character takes at least one cell, bar combining marks, and a text cut
        # here still ends with an ellipsis. (Plus the longest needle: a match that starts
        # on screen is found whole.)
        cut = width + 8 + max(map(len, highlight.text), default=0)
        text = one_line(quote.text[:cut])
        bottom = Text("  ")
        bottom.append_text(marked(text, highlight.text, match))
        if len(quote.text) > cut and cell_len(text) + 2 <= width:
            bottom.append("…")
        return [top, bottom]
