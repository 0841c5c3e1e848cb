"""The top line: the meeting's title, then its date, place and source outlet (or, for
several briefings, how many and over what dates). The title gives way first."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from ...core.model import Briefing, when_text
from ...core.sanitize import one_line


def header_parts(briefings: Sequence[Briefing]) -> tuple[str, str]:
    """(title, details) for the header line."""
    if not briefings:
        return "briefing", ""
    if len(briefings) == 1:
        briefing = briefings[0]
        meeting = briefing.meeting
        details = [meeting.when, one_line(meeting.place), one_line(briefing.source.outlet)]
        return one_line(meeting.title), " · ".join(d for d in details if d)
    first, last = briefings[0].meeting.date, briefings[-1].meeting.date
    return f"{len(briefings)} briefings", f"{when_text(first)} – {when_text(last)}"


class MeetingHeader(Widget):
    """One line, drawn as Rich Text: briefing text is never parsed as markup."""

    DEFAULT_CSS = """
    MeetingHeader {
        height: 1;
        padding: 0 1;
        background: $primary-background;
        color: $foreground;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.parts = ("briefing", "")

    def show(self, briefings: Sequence[Briefing]) -> None:
        self.parts = header_parts(briefings)
        self.refresh()

    def render(self) -> Text:
        title, details = self.parts
        width = self.content_region.width
        if len(details) + 4 > width:
            details = ""
        room = max(1, width - len(details) - 2)
        text = Text(title, style="bold", end="")
        text.truncate(room, overflow="ellipsis", pad=True)
        text.append("  " + details if details else "")
        return text
