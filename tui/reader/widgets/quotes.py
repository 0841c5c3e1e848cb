"""The Quotes pane: two lines a quote, speaker and context above, the words below."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding

from ...core.model import Row
from ...core.sanitize import one_line
from ...core.search import spans
from ...core.suggest import did_you_mean
from ...core.view import NO_HIGHLIGHT, Highlight, Suggestion
from .marking import marked
from .rowlist import RowList

DIRECT, PARAPHRASE = "\u201c", "\u2248"  # “ for the speaker's own words, ≈ for reported speech
MATCH_REACH = 4_000  # characters of a quote searched for the match its row shows
TALL = 30  # lines from which the pane shows three lines of each quote's words, not one


def _start_for_match(head: str, needles, room: int) -> int:
    """Where a row's text starts so that the first match in `head` shows within `room`
    cells: 0 when it already does, else the start of a word a little before it."""
    found = spans(head, needles) if needles else []
    if not found or cell_len(head[:found[0][1]]) < room:
        return 0
    match = found[0][0]
    start = max(0, match - min(30, room // 3))
    if start == 0 or head[start - 1] == " ":
        return start
    back = head.rfind(" ", 0, start)  # the word's own start, if the match still shows
    if back > 0 and match - back < room // 2:
        return back + 1
    ahead = head.find(" ", start, match)  # else the next word's
    return ahead + 1 if ahead != -1 else start


class QuotesList(RowList):
    BINDINGS = [Binding("enter", "choose", "Read")]
    row_height = 2
    empty_text = NO_MATCH = "No quote matches: Esc clears the search and filters."

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: Sequence[Row] = ()
        self.indices: Sequence[int] = ()
        self.highlight = NO_HIGHLIGHT
        self.show_meeting = False

    def on_resize(self, event) -> None:
        """A tall pane shows more of each quote (RowList's own handler runs next)."""
        self.row_height = 4 if event.size.height >= TALL else 2

    def offer(self, suggestion: Suggestion | None) -> None:
        """Name the close names of a search word that matches nothing, when there are no
        rows to show (see View.suggestion)."""
        self.empty_text = self.NO_MATCH
        if suggestion is not None:
            names = [one_line(name) for name in suggestion.names]
            self.empty_text = (f"No quote matches: '{suggestion.word}' matches nothing"
                               f"{did_you_mean(names)} Tab in the search field takes "
                               f"'{names[0]}'; Esc clears the search and filters.")

    def show(self, rows, indices, highlight: Highlight, keep: int | None = None) -> None:
        """Show the catalog `rows` at the sorted indices `indices`, marking `highlight`, with
        the cursor on catalog row `keep` when it is shown, else on the nearest row after it
        (the last row when none follows), in sight."""
        if rows is not self.rows:
            self.forget_rows()  # another catalog's rows (a reload)
        self.rows, self.indices, self.highlight = rows, indices, highlight
        cursor = 0 if keep is None else bisect.bisect_left(indices, keep)
        self.set_count(len(indices), cursor)

    def row_key(self, index: int) -> tuple:
        """A quote's row draws its catalog row, with the highlight, in its height."""
        return (self.indices[index], self.highlight, self.show_meeting, self.row_height)

    def step_match(self, step: int) -> str:
        """`n` and `N`: the cursor `step` rows on, wrapping round; says where it is ("match
        3 of 7") and when it wrapped."""
        target, note = self.cursor + step, ""
        if target >= self.count:
            note = "  (wrapped to the first)"
        elif target < 0:
            note = "  (wrapped to the last)"
        self.cursor = target % self.count
        return f"match {self.cursor + 1} of {self.count}{note}"

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
        return [top, *self._text_lines(quote.text, width)]

    def _text_lines(self, text: str, width: int) -> list[Text]:
        """The quote's words on the row's text lines, indented; when the first match lies
        past them, from a little before it, after an ellipsis."""
        count, room = self.row_height - 1, max(1, width - 2)
        needles = self.highlight.text
        start = _start_for_match(text[:MATCH_REACH], needles, room * count)
        # Only what can show is cut and drawn: every character takes at least one cell,
        # bar combining marks. (Plus the longest needle: a match that starts on screen is
        # found whole.)
        cut = start + room * count + 8 + max(map(len, needles), default=0)
        shown = one_line(text[start:cut])
        body = marked(("…" if start else "") + shown, needles,
                      self.style_of("rowlist--match"))
        more = len(text) > cut
        if count == 1:
            lines = [body]
        else:
            lines = list(body.wrap(self.app.console, room, overflow="fold", no_wrap=False))
            for line in lines:
                line.rstrip()
            more = more or len(lines) > count
            lines = lines[:count]
        last = lines[-1]
        if more and last.cell_len + 1 <= room:
            last.append("…")
        elif more and count > 1:
            last.truncate(room, overflow="ellipsis")
        return [Text("  ").append_text(line) for line in lines]
