"""The search field. Results update as you type; Enter and Esc (bound by the app, so that
they act before keys typed after them) leave the field and keep the results."""

from __future__ import annotations

from textual.widgets import Input


class SearchBar(Input):
    def __init__(self, **kwargs) -> None:
        super().__init__(
            placeholder="/ search",
            select_on_focus=False,
            **kwargs,
        )
