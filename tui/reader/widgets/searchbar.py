"""The search field. Results update as you type. Enter and Esc leave the field and keep the
results: the reader screen binds them, with priority so that they act before keys typed
after them, and only while this field has the focus (`ReaderScreen.check_action`). Leaving
the field posts `Left` with the search, for the history; Ctrl+R steps back through the
searches of this and earlier runs, then back to what was typed."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
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

    # Tab takes the close name the reader offers for a word that matches nothing; when it
    # offers none, the screen's check_action refuses and Tab moves to the next pane.
    BINDINGS = [
        Binding("ctrl+r", "recall", "History"),
        Binding("tab", "screen.take_suggestion", "Take suggestion", key_display="Tab"),
    ]

    class Left(Message):
        """The field lost the focus with this search in it. Posted from the field's own
        queue, so after every key typed before Enter or Esc has reached the value."""

        def __init__(self, bar: SearchBar, value: str) -> None:
            super().__init__()
            self.bar = bar
            self.value = value

        @property
        def control(self) -> SearchBar:
            return self.bar

    # Input sets its virtual size on every key. The field's own size is fixed by the
    # stylesheet, so a new virtual size (how far it can scroll) needs no layout of the screen.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(
            placeholder="/ search",
            select_on_focus=False,
            **kwargs,
        )
        self.history: list[str] = []  # oldest first; the reader screen gives the kept one
        self._back = 0  # how many steps back in the history the field shows; 0: as typed
        self._typed = ""
        self._shown: str | None = None  # the value the last recall put in the field

    def on_blur(self, event: events.Blur) -> None:
        if self.value.strip():
            self.post_message(self.Left(self, self.value))

    def action_recall(self) -> None:
        """The next older search in the history; past the oldest, what was typed."""
        if self.value != self._shown:  # typed since: start again from the newest
            self._back, self._typed = 0, self.value
        older = [q for q in reversed(self.history) if q != self._typed]
        if not older:
            self.app.bell()
            return
        self._back = (self._back + 1) % (len(older) + 1)
        self._shown = older[self._back - 1] if self._back else self._typed
        self.value = self._shown
        self.cursor_position = len(self.value)
