"""A keyboard-driven list on Textual's line API: only visible rows are rendered, rendered
lines are cached, so it holds 100k rows as easily as ten. Subclasses say how to draw a row."""

from __future__ import annotations

from collections.abc import Hashable

from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .changes import changed_span, resize
from .marking import MATCH_CSS

# The keys that move a cursor over rows (RowList, SourceText): to actions move, first,
# last and page.
MOVES = [
    Binding("up,k", "move(-1)", "Up", show=False),
    Binding("down,j", "move(1)", "Down", show=False),
    Binding("home,g", "first", "First", show=False),
    Binding("end,G", "last", "Last", show=False),
    Binding("pageup", "page(-1)", "Page up", show=False),
    Binding("pagedown", "page(1)", "Page down", show=False),
]


class RowList(ScrollView, can_focus=True):
    """Rows of `row_height` lines with a cursor. Posts `Highlighted` when the cursor moves
    and `Chosen` on Enter or click."""

    # The cursor and the marks use text styles as well as colour (see marking.MATCH_CSS).
    DEFAULT_CSS = f"""
    RowList {{
        overflow-x: hidden;
    }}
    RowList > .rowlist--cursor {{
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }}
    RowList > .rowlist--cursor-blur {{
        background: $block-cursor-blurred-background;
        text-style: none;
    }}
    RowList > .rowlist--match {{ {MATCH_CSS} }}
    RowList > .rowlist--dim {{
        color: $foreground-muted;
    }}
    RowList > .rowlist--marked {{
        color: $success;
        text-style: bold;
    }}
    RowList > .rowlist--empty {{
        color: $foreground-muted;
        text-style: italic;
    }}
    """

    COMPONENT_CLASSES = {
        "rowlist--cursor",  # the cursor row when the list has focus
        "rowlist--cursor-blur",  # the cursor row otherwise
        "rowlist--match",  # search matches
        "rowlist--dim",  # secondary text
        "rowlist--marked",  # rows chosen as filters
        "rowlist--empty",  # the message shown when there are no rows
    }

    BINDINGS = [*MOVES, Binding("enter", "choose", "Choose", show=False)]

    # A new number of rows needs the scrollbar updated (a layout pass when it comes or goes),
    # not a repaint of every row: set_count repaints what changed.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=True, repaint=False)
    # Not repainted by the reactive: a move refreshes only the two rows it changes.
    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    row_height = 1
    empty_text = "Nothing to show"

    class Highlighted(Message):
        def __init__(self, rowlist: RowList, index: int) -> None:
            super().__init__()
            self.rowlist = rowlist
            self.index = index

        @property
        def control(self) -> RowList:
            return self.rowlist

    class Chosen(Highlighted):
        pass

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.count = 0
        self._lines: LRUCache[tuple, list[Strip]] = LRUCache(2048)  # by index: until set_count
        self._kept: LRUCache[tuple, list[Strip]] = LRUCache(2048)  # by row_key: until restyled
        self._styles: dict[str, Style] = {}
        self._restyled = False
        self._drawn: dict[int, Strip] = {}  # virtual line -> the strip last drawn there

    def style_of(self, name: str) -> Style:
        """A component's Rich style (or the widget's own for ""), cached until styles change."""
        style = self._styles.get(name)
        if style is None:
            style = self.rich_style if not name else self.get_component_rich_style(name)
            self._styles[name] = style
        return style

    def notify_style_update(self) -> None:
        self._restyled = True  # the drawn rows are checked against the new styles when drawn
        super().notify_style_update()

    def _check_styles(self) -> None:
        """After a restyle: forget the drawn rows only if a style they are drawn in changed
        (a focus change restyles a pane for its border alone)."""
        self._restyled = False
        old, self._styles = self._styles, {}
        if any(self.style_of(name) != style for name, style in old.items()):
            self._lines.clear()
            self._kept.clear()

    # -- for subclasses ----------------------------------------------------------------------
    def row_key(self, index: int) -> Hashable | None:
        """For subclasses that can say it: a value that differs whenever row `index` would
        draw differently (its cursor and the width apart). Its lines are then drawn once and
        kept across set_count; None (the default): drawn again after each set_count."""
        return None

    def forget_rows(self) -> None:
        """Draw every row again: the rows' keys no longer say what they draw (new entries)."""
        self._kept.clear()

    def render_row(self, index: int, width: int) -> list[Text]:
        """The `row_height` lines of row `index`, unstyled by the cursor: new Text objects
        each time (the caller changes them in place)."""
        raise NotImplementedError

    # -- data --------------------------------------------------------------------------------
    def set_count(self, count: int, cursor: int | None = None) -> None:
        """Show `count` rows (their content may have changed) and put the cursor at `cursor`
        (or keep it where it was, within range). Repaints only the visible lines that now
        draw differently."""
        self.count = count
        self._lines.clear()
        resize(self, self._virtual_size())
        target = self.validate_cursor(self.cursor if cursor is None else cursor)
        if target != self.cursor:
            self.cursor = target
        else:
            self._scroll_to_cursor()
        self._refresh_changed()

    def set_title(self, title: str) -> None:
        """Put `title` (plain text) in the top border, repainting that row only: setting
        `border_title` repaints the whole pane."""
        if title == self.border_title:
            return
        if not self.is_mounted:
            self.border_title = title
            return
        self._border_title = Content(title)  # where Widget.border_title keeps it
        left, top = self.content_offset
        self.refresh(Region(-left, -top, self.outer_size.width, 1))

    def _refresh_changed(self) -> None:
        top = self.scroll_offset.y
        lines = range(top, top + self.scrollable_content_region.height)
        drawn = self._drawn
        for line in lines:
            span = changed_span(drawn.get(line), self._strip(line))
            if span is not None:
                start, end = span
                self.refresh(Region(start, line - top, end - start, 1))
        self._drawn = {line: drawn[line] for line in lines if line in drawn}

    # -- rendering ---------------------------------------------------------------------------
    def _virtual_size(self) -> Size:
        """The rows' size, as wide as the content: the same after a resize as after a new
        count (a new width would lay out the screen again on the next key)."""
        return Size(self.size.width, max(self.count, 1) * self.row_height)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = self._virtual_size()
        self._lines.clear()
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self._refresh_changed()  # the cursor row

    def on_blur(self) -> None:
        self._refresh_changed()

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        strip = self._drawn[line] = self._strip(line)
        return strip

    def _strip(self, line: int) -> Strip:
        """What virtual line `line` shows now."""
        if self._restyled:
            self._check_styles()
        width = self.scrollable_content_region.width
        index, sub = divmod(line, self.row_height)
        base = self.style_of("")
        if self.count == 0:
            strips = self._lines.get(("empty", width))
            if strips is None:
                strips = self._lines[("empty", width)] = self._empty_strips(width)
            return strips[line] if line < len(strips) else Strip.blank(width, base)
        if index >= self.count:
            return Strip.blank(width, base)
        on_cursor = index == self.cursor
        row = self.row_key(index)
        cache = self._lines if row is None else self._kept
        key = (index if row is None else row, width, on_cursor, on_cursor and self.has_focus)
        strips = cache.get(key)
        if strips is None:
            strips = cache[key] = self._render_strips(index, width, on_cursor)
        return strips[sub] if sub < len(strips) else Strip.blank(width, base)

    def _empty_strips(self, width: int) -> list[Strip]:
        """The message for no rows, wrapped, a cell in from the border like the rows."""
        text = Text(self.empty_text, style=self.style_of("rowlist--empty"))
        console, base = self.app.console, self.style_of("")
        strips = []
        for line in text.wrap(console, max(1, width - 2)):
            line.rstrip()
            padded = Text(" ").append_text(line)
            padded.truncate(width, overflow="ellipsis", pad=True)
            strips.append(Strip(list(padded.render(console)), width).apply_style(base))
        return strips

    def _render_strips(self, index: int, width: int, on_cursor: bool) -> list[Strip]:
        lines = self.render_row(index, width - 1)
        base = self.style_of("")
        if on_cursor:
            name = "rowlist--cursor" if self.has_focus else "rowlist--cursor-blur"
            cursor_style = self.style_of(name)
            match_style = self.style_of("rowlist--match")
        console = self.app.console
        strips = []
        for number in range(self.row_height):
            text = lines[number] if number < len(lines) else Text()
            gutter = ("▌" if on_cursor and number == 0 and self.has_focus else
                      "›" if on_cursor and number == 0 else " ")
            # The row's own Text, changed in place: render_row makes a new one each time.
            text.truncate(width - 1, overflow="ellipsis", pad=True)
            text.plain = gutter + text.plain
            moved = [span.move(1) for span in text.spans]
            if text.style:  # the row's own style, under its spans
                moved.insert(0, Span(0, len(text.plain), text.style))
            text.spans[:] = moved
            text.style, text.end = base, ""
            if on_cursor:
                text.stylize_before(cursor_style)
                # Component styles (dim, marked) carry the pane's background: lay the
                # cursor's over the whole row, then the matches again, on top.
                matches = [span for span in text.spans if span.style == match_style]
                text.stylize(Style(bgcolor=cursor_style.bgcolor))
                for span in matches:
                    text.stylize(match_style, span.start, span.end)
            # (Rich ignores a Text's own style when it has no spans.)
            segments = text.render(console) if text.spans else [Segment(text.plain, base)]
            strips.append(Strip(segments, width))
        return strips

    # -- cursor ------------------------------------------------------------------------------
    def validate_cursor(self, cursor: int) -> int:
        """Within the rows (0 when there are none)."""
        return max(0, min(cursor, self.count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()  # a scroll repaints the whole list
        for index in {old, new}:
            self.refresh_lines(index * self.row_height, self.row_height)
        if self.count:
            self.post_message(self.Highlighted(self, new))

    def _scroll_to_cursor(self) -> None:
        """Bring the cursor row into sight now when it is not: to the middle of the list, so
        that the next moves need no scroll (a scroll repaints the whole list). Forced: a
        list that has just grown past its pane shows its scrollbar (and may scroll) only
        from the next layout on."""
        if not self.count:
            return
        top, height = self.cursor * self.row_height, self.scrollable_content_region.height
        if self.scroll_offset.y <= top and top + self.row_height <= self.scroll_offset.y + height:
            return
        region = Region(0, top, 1, self.row_height)
        self.scroll_to_region(region, animate=False, immediate=True, x_axis=False, force=True,
                              center=True)

    def action_move(self, delta: int) -> None:
        if self.count:
            self.cursor += delta

    def action_first(self) -> None:
        if self.count:
            self.cursor = 0

    def action_last(self) -> None:
        if self.count:
            self.cursor = self.count - 1

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // self.row_height - 1)
        self.action_move(direction * rows)

    def action_choose(self) -> None:
        if self.count:
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # None on the border or the scrollbar
        if offset is None:
            return
        index = (offset.y + self.scroll_offset.y) // self.row_height
        if 0 <= index < self.count:
            self.focus()
            already = index == self.cursor
            self.cursor = index
            if already or event.chain > 1:
                self.post_message(self.Chosen(self, index))

