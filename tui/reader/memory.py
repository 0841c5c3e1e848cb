"""What the reader remembers of a run for the next one (tui/store/state.py): the quote
selected in each briefing, found again only when both its index and its text still match,
so that an edited briefing never lands silently on a different quote."""

from __future__ import annotations

from pathlib import Path

from ..core.catalog import Catalog
from ..core.catalog import briefing_key as catalog_key
from ..core.model import Row
from ..store.state import State, briefing_key


class Memory:
    def __init__(self, state: State) -> None:
        self.state = state
        self._keys: dict[Path, str] = {}  # briefing path → resolved key, one lookup each

    def key(self, path: Path) -> str:
        found = self._keys.get(path)
        if found is None:
            found = self._keys[path] = briefing_key(path)
        return found

    def remember(self, row: Row) -> None:
        self.state.remember_quote(self.key(row.briefing.path), row.quote.index, row.quote.text)

    def start_row(self, catalog: Catalog) -> int | None:
        """The catalog row of the most recently selected quote among the open briefings
        that is still there, unchanged; None when there is none."""
        wanted = {}
        for briefing in catalog.briefings:
            span = catalog.ranges[catalog_key(briefing)]
            last = self.state.last_quote(self.key(briefing.path))
            if last is not None:
                wanted[self.key(briefing.path)] = (briefing, span, last)
        for key in reversed(self.state.quotes):  # the most recent first
            if key not in wanted:
                continue
            briefing, span, (index, text) = wanted[key]
            for number in span:
                quote = catalog.rows[number].quote
                if quote.index == index:
                    if quote.text == text:
                        return number
                    break
        return None
