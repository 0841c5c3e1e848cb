"""The Speakers pane: each person once, with role and number of quotes in view."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding

from ...core.sanitize import one_line
from ...core.search import spans
from .entrylist import EntryList
from .marking import marked


class SpeakersList(EntryList):
    BINDINGS = [Binding("enter", "choose", "Filter by speaker")]
    empty_text = "No speakers"

    def matches(self, entry) -> tuple:
        needles = self.highlight.speaker
        if not needles:
            return ()
        return (tuple(spans(one_line(entry.speaker.name), needles)),
                tuple(spans(self._detail(entry), needles)))

    @staticmethod
    def _detail(entry) -> str:
        return one_line(entry.speaker.role or entry.speaker.affiliation)

    def body(self, entry, match: Style, dim: Style, chosen: bool) -> Text:
        needles = self.highlight.speaker
        text = marked(one_line(entry.speaker.name), needles, match, "bold" if chosen else "")
        detail = self._detail(entry)
        if detail:
            text.append(" ")
            text.append_text(marked(detail, needles, match, dim))
        return text
