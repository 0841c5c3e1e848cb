"""The source text on Textual's line API: paragraphs numbered, wrapped to the width, each
with the speakers quoted from it in a margin, excerpts and search matches marked, and
paragraphs no quote or outcome covers set apart. The cursor moves by paragraph."""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.search import spans
from ...core.sourcemap import ParagraphMarks
from ...core.view import NO_HIGHLIGHT, Highlight
from .marking import MATCH_CSS
from .rowlist import MOVES

MARGIN = 22  # columns: paragraph number, the speakers' names, a rule


class SourceText(ScrollView, can_focus=True):
    DEFAULT_CSS = f"""
    SourceText {{ overflow-x: hidden; }}
    SourceText > .sourcetext--number {{ color: $accent; text-style: bold; }}
    SourceText > .sourcetext--speaker {{ color: $success; }}
    SourceText > .sourcetext--uncovered {{ color: $foreground-muted; }}
    SourceText > .sourcetext--excerpt {{ text-style: underline; }}
    SourceText > .sourcetext--match {{ {MATCH_CSS} }}
    SourceText > .sourcetext--cursor {{ background: $block-cursor-background;
                                        color: $block-cursor-foreground; text-style: bold; }}
    """
    COMPONENT_CLASSES = {"sourcetext--number", "sourcetext--speaker", "sourcetext--uncovered",
                         "sourcetext--excerpt", "sourcetext--match", "sourcetext--cursor"}
    BINDINGS = [*MOVES, Binding("enter", "choose", "Quotes")]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Chosen(Message):
        """Enter on a paragraph."""

        def __init__(self, marks: ParagraphMarks) -> None:
            super().__init__()
            self.marks = marks

    def __init__(self, marks: list[ParagraphMarks], highlight: Highlight = NO_HIGHLIGHT,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.marks = marks
        self.highlight = highlight
        self._lines: list[tuple[int, int, Text]] = []  # (paragraph index, line in it, text)
        self._starts: list[int] = []  # first line of each paragraph
        self._width = -1

    # -- layout ------------------------------------------------------------------------------
    def _layout(self, width: int) -> None:
        if width == self._width:
            return
        self._width = width
        console = self.app.console
        excerpt = self.get_component_rich_style("sourcetext--excerpt")
        match = self.get_component_rich_style("sourcetext--match")
        dim = self.get_component_rich_style("sourcetext--uncovered")
        self._lines, self._starts = [], []
        for index, mark in enumerate(self.marks):
            text = Text(mark.text, end="")
            if not mark.covered:
                text.stylize(dim)
            for start, end in mark.excerpts:
                text.stylize(excerpt, start, end)
            for start, end in spans(mark.text, self.highlight.text):
                text.stylize(match, start, end)
            self._starts.append(len(self._lines))
            lines = text.wrap(console, max(10, width - MARGIN), overflow="fold") or [Text("")]
            for number, line in enumerate(lines):
                self._lines.append((index, number, line))
            self._lines.append((index, -1, Text("")))  # the blank line between paragraphs
        self.virtual_size = Size(width, max(1, len(self._lines)))

    def _margin(self, index: int, line: int) -> Text:
        mark = self.marks[index]
        names = mark.speakers + (["outcome"] if mark.outcomes else [])
        on_cursor = index == self.cursor
        margin = Text(end="")
        if line == 0:
            number = f"{mark.number:>4} "
            style = (self.get_component_rich_style("sourcetext--cursor") if on_cursor
                     else self.get_component_rich_style("sourcetext--number"))
            margin.append(number, style)
        else:
            margin.append("     ")
        if 0 <= line < len(names):
            margin.append(names[line][:MARGIN - 8].ljust(MARGIN - 7),
                          self.get_component_rich_style("sourcetext--speaker"))
        elif line == 0 and not mark.covered:
            margin.append("· no quote".ljust(MARGIN - 7),
                          self.get_component_rich_style("sourcetext--uncovered"))
        else:
            margin.append(" " * (MARGIN - 7))
        margin.append("▌ " if on_cursor and line >= 0 else "│ " if line >= 0 else "  ",
                      self.get_component_rich_style("sourcetext--number"))
        return margin

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self._layout(width)
        number = self.scroll_offset.y + y
        base = self.rich_style
        if number >= len(self._lines):
            return Strip.blank(width, base)
        index, line, text = self._lines[number]
        out = self._margin(index, line)
        out.append_text(text)
        out.truncate(width, pad=True)
        segments = list(out.render(self.app.console)) if out.spans else [Segment(out.plain)]
        return Strip(segments, width).apply_style(base)

    def on_resize(self, event: events.Resize) -> None:
        self._width = -1
        self._layout(event.size.width)
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        self._width = -1
        super().notify_style_update()

    # -- cursor ------------------------------------------------------------------------------
    def validate_cursor(self, cursor: int) -> int:
        """A paragraph's index (0 when there are none)."""
        return max(0, min(cursor, len(self.marks) - 1))

    def watch_cursor(self) -> None:
        self._scroll_to_cursor()
        self.refresh()

    def _scroll_to_cursor(self) -> None:
        if not self._starts or not 0 <= self.cursor < len(self._starts):
            return
        top = self._starts[self.cursor]
        end = self._starts[self.cursor + 1] if self.cursor + 1 < len(self._starts) else len(
            self._lines)
        height = min(end - top, max(1, self.scrollable_content_region.height))
        self.scroll_to_region(Region(0, top, 1, height), animate=False, immediate=True,
                              x_axis=False)

    def go_to(self, paragraph: int) -> None:
        """Put the cursor on paragraph `paragraph` (numbered from 1)."""
        if self.marks:
            self.cursor = paragraph - 1
            self.call_after_refresh(self._scroll_to_cursor)  # once the virtual size is known

    def action_move(self, step: int) -> None:
        if self.marks:
            self.cursor += step

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.marks) - 1

    def action_page(self, direction: int) -> None:
        if not self._starts:
            return
        rows = max(1, self.scrollable_content_region.height - 1)
        target = self._starts[self.cursor] + direction * rows
        target = max(0, min(target, len(self._lines) - 1))
        self.cursor = self._lines[target][0]

    def action_choose(self) -> None:
        if self.marks:
            self.post_message(self.Chosen(self.marks[self.cursor]))

    def next_uncovered(self) -> bool:
        """Move to the next paragraph no quote covers; False when there is none after."""
        for index in range(self.cursor + 1, len(self.marks)):
            if not self.marks[index].covered:
                self.cursor = index
                return True
        return False

    def on_click(self, event: events.Click) -> None:
        number = event.y + self.scroll_offset.y
        if 0 <= number < len(self._lines):
            self.focus()
            index = self._lines[number][0]
            if index == self.cursor or event.chain > 1:
                self.cursor = index
                self.action_choose()
            self.cursor = index

