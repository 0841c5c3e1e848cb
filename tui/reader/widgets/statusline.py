"""The status line: how many quotes are in view and which filters and search made it."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StatusLine(Widget):
    """Drawn as Rich Text, cut with an ellipsis when the line is too narrow. Its width is
    fixed by the stylesheet, so a new text never costs a new layout."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown, self.total, self.filters = 0, 0, ""

    def show(self, shown: int, total: int, filters: str) -> None:
        self.shown, self.total, self.filters = shown, total, filters
        self.refresh()

    def line(self) -> Text:
        text = Text(no_wrap=True, end="")
        text.append(f"{self.shown} of {self.total} quotes", style="bold")
        if self.filters:
            text.append("  " + self.filters)
            text.append("  Esc clears", style="dim")
        return text

    def render(self) -> Text:
        text = self.line()
        text.truncate(self.content_region.width, overflow="ellipsis")
        return text
