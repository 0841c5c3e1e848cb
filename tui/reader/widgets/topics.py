"""The Topics pane: each topic with its number of quotes in view."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding

from ...core.sanitize import one_line
from ...core.search import spans
from .entrylist import EntryList
from .rowlist import styled


class TopicsList(EntryList):
    BINDINGS = [Binding("enter", "choose", "Filter by topic")]
    empty_text = "No topics"

    def body(self, entry, match: Style, dim: Style, marked: bool) -> Text:
        title = one_line(entry.topic.title)
        return styled(title, spans(title, self.needles), match, "bold" if marked else "")
