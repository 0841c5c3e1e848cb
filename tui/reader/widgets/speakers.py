"""The Speakers pane: each person once, with role and number of quotes in view."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding

from ...core.sanitize import one_line
from ...core.search import spans
from .entrylist import EntryList
from .rowlist import styled


class SpeakersList(EntryList):
    BINDINGS = [Binding("enter", "choose", "Filter by speaker")]
    empty_text = "No speakers"

    def body(self, entry, match: Style, dim: Style, marked: bool) -> Text:
        name = one_line(entry.speaker.name)
        text = styled(name, spans(name, self.needles), match, "bold" if marked else "")
        detail = one_line(entry.speaker.role or entry.speaker.affiliation)
        if detail:
            text.append(" ")
            text.append_text(styled(detail, spans(detail, self.needles), match, dim))
        return text
