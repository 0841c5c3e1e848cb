"""The Topics pane: each topic with its number of quotes in view."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding

from ...core.sanitize import one_line
from ...core.search import spans
from .entrylist import EntryList
from .marking import marked


class TopicsList(EntryList):
    BINDINGS = [Binding("enter", "choose", "Filter by topic")]
    empty_text = "No topics"

    def matches(self, entry) -> tuple:
        needles = self.highlight.topic
        return tuple(spans(one_line(entry.topic.title), needles)) if needles else ()

    def body(self, entry, match: Style, dim: Style, chosen: bool) -> Text:
        title = one_line(entry.topic.title)
        return marked(title, self.highlight.topic, match, "bold" if chosen else "")
