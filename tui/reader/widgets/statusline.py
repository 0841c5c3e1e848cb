"""The status line: how many quotes are in view and which filters and search made it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

#: The shortest a filter's value is cut to before it is left out.
MIN_VALUE = 6


def _cut(text: str, width: int) -> str:
    """`text` in at most `width` cells, with "…" where it was cut."""
    if cell_len(text) <= width:
        return text
    out = Text(text)
    out.truncate(width, overflow="ellipsis")
    return out.plain


def _shares(room: int, values: list[str]) -> list[int] | None:
    """Widths for `values` in `room` cells: short ones whole, long ones cut evenly; None
    when some value would get fewer than MIN_VALUE cells."""
    widths = [cell_len(v) for v in values]
    left, open_ = room, sorted(range(len(values)), key=widths.__getitem__)
    while open_:
        each = left // len(open_)
        if widths[open_[0]] > each:
            break
        left -= widths[open_.pop(0)]
    else:
        return widths
    if left // len(open_) < MIN_VALUE:
        return None
    for i in open_:
        widths[i] = left // len(open_)
    return widths


class StatusLine(Widget):
    """Says the essentials in the space there is: the count (and a note such as `n`'s
    position) always; then every filter with
    its label; without labels; without the search (its field shows it); each value cut to
    fit. Its width is fixed by the stylesheet, so a new text never costs a new layout."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown, self.total = 0, 0
        self.filters: tuple[tuple[str, str], ...] = ()
        self.note, self.note_for = "", -1

    def say(self, note: str, row: int) -> None:
        """Show `note` beside the count while the quotes cursor stays on `row`."""
        self.note, self.note_for = note, row
        self.refresh()

    def moved_to(self, row: int) -> None:
        """The quotes cursor moved: a note about another row is out of date."""
        if self.note and row != self.note_for:
            self.note, self.note_for = "", -1
            self.refresh()

    def show(self, shown: int, total: int, filters: Sequence[tuple[str, str]]) -> None:
        """`filters`: the active filters as (what, which), e.g. ("speaker", "Wang Yi")."""
        state = (shown, total, tuple(filters), "", -1)
        if state != (self.shown, self.total, self.filters, self.note, self.note_for):
            self.shown, self.total, self.filters, self.note, self.note_for = state
            self.refresh()

    def line(self, width: int | None = None) -> Text:
        """The line for `width` cells (no limit when None)."""
        count = f"{self.shown} of {self.total} quotes"
        note = f"  {self.note}" if self.note else ""
        for filters, hint in self._candidates(width, cell_len(count + note)):
            text = Text(no_wrap=True, end="")
            text.append(count, style="bold")
            text.append(note, style="bold")
            if filters:
                text.append("  " + filters)
            if hint:
                text.append("  Esc clears", style="dim")
            if width is None or text.cell_len <= width:
                return text
        text = Text(count + note, style="bold", no_wrap=True, end="")
        text.truncate(width or 0, overflow="ellipsis")
        return text

    def _candidates(self, width: int | None, used: int):
        """(filters text, whether to add the hint), fullest first."""
        if not self.filters:
            yield "", False
            return
        labelled = " · ".join(f"{what}: {which}" for what, which in self.filters)
        bare = [which for _, which in self.filters]
        named = [which for what, which in self.filters if what != "search"]
        yield labelled, True
        yield labelled, False
        yield " · ".join(bare), False
        if named and width is not None:
            yield " · ".join(named), False
            widths = _shares(width - used - 2 - 3 * (len(named) - 1), named)
            if widths is not None:
                yield " · ".join(_cut(v, w) for v, w in zip(named, widths)), False

    def render(self) -> Text:
        return self.line(self.content_region.width)
