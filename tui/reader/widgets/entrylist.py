"""A list of catalog entries (speakers or topics) with a mark for those chosen as filters
and the number of quotes each has in the current view."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from ...core.view import NO_HIGHLIGHT, Highlight
from .rowlist import RowList


class EntryList(RowList):
    """Subclasses draw an entry's body with `body(entry, match, dim, chosen)`, marking the
    words of `highlight` that apply to them, and say where those are with `matches`. A row
    is drawn again only when its count, its mark, the counts' width or its matches change,
    or the entries do: a search key redraws the rows whose names it marks or unmarks."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.entries: list = []
        self.counts: dict[str, int] = {}
        self.marked: frozenset[str] = frozenset()
        self.highlight = NO_HIGHLIGHT
        self._digits = 1  # of the largest count: every count is right-aligned to it

    def show(self, entries, counts: dict[str, int], marked: frozenset[str],
             highlight: Highlight) -> None:
        """Show `entries`, keeping the cursor on the same entry when it is still there."""
        current = self.current()
        entries = list(entries)
        if len(entries) != len(self.entries) or any(
                new is not old for new, old in zip(entries, self.entries)):
            self.forget_rows()  # other entries (a reload): their ids may name new text
        self.entries, self.counts, self.marked = entries, counts, marked
        self.highlight = highlight
        self._digits = len(str(max(counts.values(), default=0)))
        ids = [entry.id for entry in self.entries]
        keep = ids.index(current.id) if current is not None and current.id in ids else None
        self.set_count(len(self.entries), keep)

    def matches(self, entry) -> tuple:
        """Where `body` marks the words of `highlight` in `entry` (a value that changes
        whenever the marks do); nothing by default."""
        return ()

    def row_key(self, index: int) -> tuple:
        entry = self.entries[index]
        return (entry.id, self.counts.get(entry.id, 0), entry.id in self.marked, self._digits,
                self.matches(entry))

    def current(self):
        return self.entries[self.cursor] if 0 <= self.cursor < len(self.entries) else None

    def body(self, entry, match: Style, dim: Style, chosen: bool) -> Text:
        raise NotImplementedError

    def render_row(self, index: int, width: int) -> list[Text]:
        entry = self.entries[index]
        dim = self.style_of("rowlist--dim")
        chosen = entry.id in self.marked
        count = self.counts.get(entry.id, 0)
        count_text = Text(f" {count:>{self._digits}}", style=dim if not count else "")
        mark = Text("● " if chosen else "  ", style=self.style_of("rowlist--marked"))
        body = self.body(entry, self.style_of("rowlist--match"), dim, chosen)
        body.truncate(max(1, width - len(mark) - len(count_text)), overflow="ellipsis", pad=True)
        return [Text.assemble(mark, body, count_text)]
