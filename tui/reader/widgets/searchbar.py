"""The search field. Results update as you type. Enter and Esc leave the field and keep the
results: the reader screen binds them, with priority so that they act before keys typed
after them, and only while this field has the focus (`ReaderScreen.check_action`)."""

from __future__ import annotations

from textual.widgets import Input


class SearchBar(Input):
    """One line without a border. Its rules name the states (focus, ANSI themes) in which
    Input's own, more specific rules would otherwise give it a border or another background."""

    DEFAULT_CSS = """
    SearchBar, SearchBar:ansi {
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }
    SearchBar:focus, SearchBar:ansi:focus {
        border: none;
        background: $primary-background;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(
            placeholder="/ search",
            select_on_focus=False,
            **kwargs,
        )
