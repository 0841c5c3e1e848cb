"""Which cells of a line changed: Textual writes every cell of a refreshed region again, so
the panes refresh only the span of a line that now draws differently; and a new length
that lays out only the scrollbar."""

from __future__ import annotations

from rich.cells import get_character_cell_size
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

WIDE = ""  # the second cell of a two-cell character


def cells(strip: Strip) -> list[tuple[str, object]]:
    """(character, style) of each cell of `strip`; a two-cell character takes two."""
    out: list[tuple[str, object]] = []
    for segment in strip:
        if segment.control:
            continue
        text, style = segment.text, segment.style
        if text.isascii():
            out.extend((char, style) for char in text)
            continue
        for char in text:
            size = get_character_cell_size(char)
            if size:
                out.append((char, style))
            if size == 2:
                out.append((WIDE, style))
    return out


def changed_span(old: Strip | None, new: Strip) -> tuple[int, int] | None:
    """(first cell, end) of the cells of `new` that differ from `old`, a two-cell character
    kept whole; None when nothing differs. The whole line when there was no `old`."""
    after = cells(new)
    if old is None:
        return 0, len(after)
    if old == new:
        return None
    before = cells(old)
    length = min(len(before), len(after))
    start = 0
    while start < length and before[start] == after[start]:
        start += 1
    if start == len(before) == len(after):
        return None
    end_old, end_new = len(before), len(after)
    while end_old > start and end_new > start and before[end_old - 1] == after[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    end = max(end_old, end_new)
    while start > 0 and start < len(after) and after[start][0] == WIDE:
        start -= 1
    while end < len(after) and after[end][0] == WIDE:
        end += 1
    return start, end


def resize(pane: ScrollView, size: Size) -> None:
    """Give `pane` a new virtual size. When its vertical scrollbar neither comes nor goes,
    only the scrollbar is updated: a layout pass repaints every scrollbar on the screen."""
    if size == pane.virtual_size:
        return
    viewport = pane.scrollable_content_region.height
    if (size.height > viewport) != (pane.virtual_size.height > viewport):
        pane.virtual_size = size
        return
    pane.set_reactive(Widget.virtual_size, size)
    pane._scroll_update(size)  # Textual's own update of the scrollbars for a new size
