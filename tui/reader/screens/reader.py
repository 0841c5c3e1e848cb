"""The main screen: speakers, topics, quotes and the selected quote in detail, with
filters and search."""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget

from ...core.catalog import Catalog, briefing_key
from ...core.model import Briefing
from ...core.problem import counted
from ...core.sanitize import clean
from ...core.view import View
from ...store.state import State
from ..memory import Memory
from ..widgets.detail import DetailPane
from ..widgets.header import MeetingHeader
from ..widgets.keysbar import KeysBar
from ..widgets.quotes import QuotesList
from ..widgets.rowlist import RowList
from ..widgets.searchbar import SearchBar
from ..widgets.speakers import SpeakersList
from ..widgets.statusline import StatusLine
from ..widgets.topics import TopicsList
from .pacing import PacedScreen
from .viewing import Viewing

WIDE = 150  # columns from which the detail pane stands beside the quotes


class ReaderScreen(Viewing, PacedScreen):
    # The quotes pane has the focus from the start, not from on_mount (docs/performance.md).
    AUTO_FOCUS = "#quotes"
    ALLOW_IN_MAXIMIZED_VIEW = "KeysBar"  # a zoomed pane keeps its keys in sight

    BINDINGS = [
        # Priority bindings act as the key arrives, before keys typed after it are routed,
        # so "/trade<Enter>n" typed at once lands in the right places.
        Binding("slash", "search", "Search", priority=True),
        Binding("enter", "leave_search", "Keep results", priority=True),
        Binding("escape", "leave_search", "Leave search", priority=True, show=False),
        # In the search field, as in fzf: move through the results while typing goes on.
        Binding("down,ctrl+n", "result(1)", "Results", priority=True, key_display="↓↑"),
        Binding("up,ctrl+p", "result(-1)", "Previous result", priority=True, show=False),
        Binding("escape", "clear", "Clear", show=False),
        Binding("n", "next_match(1)", "Next"),
        Binding("N", "next_match(-1)", "Prev", show=False),
        Binding("c", "copy", "Copy"),
        Binding("e", "export", "Export"),
        Binding("s", "source", "Source"),
        Binding("v", "app.edit", "Edit", show=False),  # in help: the keys bar is full at 80 columns
    ]

    def __init__(self, catalog: Catalog, errors: dict[str, str] | None = None,
                 gone: set[str] | None = None, state: State | None = None) -> None:
        super().__init__()
        self.memory = Memory(state if state is not None else State.load())
        self.view = View()
        self.suggestion = None
        self.in_view = list(range(len(catalog)))
        self._set_catalog(catalog, errors or {}, gone or set())

    def replace_catalog(self, catalog: Catalog, errors: dict[str, str], gone: set[str]) -> None:
        """New versions of the briefings (a file changed on disk): keep the filters, the
        search and the selected quote where they still apply."""
        current = self.query_one(QuotesList).current()
        self._set_catalog(catalog, errors, gone)
        if self.is_library and not self.query("#briefings"):  # a file broke: now a library
            self.query_one("#left").mount(self._briefings_pane(), before="#speakers")
        self._show_briefings()
        keep = None
        if current is not None:
            key = (str(current.briefing.path), current.quote.index)
            keep = next((i for i, r in enumerate(catalog.rows)
                         if (str(r.briefing.path), r.quote.index) == key), None)
        self.set_view(self.view, keep=keep)

    # -- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield MeetingHeader(id="header")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                if self.is_library:  # one briefing has no Briefings pane to build and style
                    yield self._briefings_pane()
                yield SpeakersList(id="speakers")
                yield TopicsList(id="topics")
            # Layout classes are set before the first styling, not after it on mount.
            with Horizontal(id="right", classes=self._layout_classes(self.app.size.width)):
                yield QuotesList(id="quotes")
                yield DetailPane(id="detail")
        with Horizontal(id="bottom"):
            yield SearchBar(id="search")
            yield StatusLine(id="status")
        yield KeysBar(id="keys")

    @staticmethod
    def _briefings_pane() -> Widget:
        """The Briefings pane, only a library's (its module is imported by it)."""
        from ..widgets.briefings import BriefingsList

        pane = BriefingsList(id="briefings")
        pane.border_title = "Briefings"
        return pane

    def on_mount(self) -> None:
        for pane, title in (("#speakers", "Speakers"), ("#topics", "Topics"),
                            ("#quotes", "Quotes"), ("#detail", "Quote")):
            self.query_one(pane).border_title = title
        self._show_briefings()
        self.query_one(SearchBar).history = self.memory.state.history
        self.watch(self.query_one(SearchBar), "value", self._query_changed, init=False)
        self.set_view(self.view, keep=self.memory.start_row(self.catalog))

    def _show_briefings(self) -> None:
        """What depends on which briefings are open: the header, and whether the quotes
        name their meeting."""
        self.query_one(MeetingHeader).show(self.catalog.briefings)
        self.query_one(QuotesList).show_meeting = len(self.catalog.briefings) > 1

    def on_resize(self, event) -> None:
        self.query_one("#right").set_classes(self._layout_classes(event.size.width))

    @staticmethod
    def _layout_classes(width: int) -> str:
        return "-wide" if width >= WIDE else ""

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab moves between the panes; the search field is reached with `/` or a click, so
        that a `q` typed after Tab never lands in it."""
        return [w for w in super().focus_chain if not isinstance(w, SearchBar) or w.has_focus]

    def _focus(self, widget) -> None:
        """Focus now, not after the queued keys: typing right after `/` must reach the field."""
        self.set_focus(widget)

    # -- events ------------------------------------------------------------------------------
    @on(RowList.Highlighted, "#quotes")
    def _quote_highlighted(self, event: RowList.Highlighted) -> None:
        self.query_one(StatusLine).moved_to(event.index)
        self._show_detail()
        row = self.query_one(QuotesList).current()
        if row is not None:
            self.memory.remember(row)

    @on(RowList.Chosen, "#speakers")
    def _speaker_chosen(self, event: RowList.Chosen) -> None:
        entry = event.control.current()
        if entry is not None:
            self.set_view(self.view.toggle_speaker(entry.id))

    @on(RowList.Chosen, "#topics")
    def _topic_chosen(self, event: RowList.Chosen) -> None:
        entry = event.control.current()
        if entry is not None:
            self.set_view(self.view.toggle_topic(entry.id))

    @on(RowList.Chosen, "#quotes")
    def _quote_chosen(self) -> None:
        """Enter on a quote: the detail pane, at the source paragraph it came from."""
        detail = self.query_one(DetailPane)
        self._focus(detail)
        self.call_after_refresh(detail.show_source)

    @on(RowList.Chosen, "#briefings")
    def _briefing_chosen(self, event: RowList.Chosen) -> None:
        from ..widgets.briefings import ALL as ALL_BRIEFINGS

        entry = event.control.current()
        if entry is None:
            return
        if entry.briefing is None and entry.id != ALL_BRIEFINGS:
            self.notify(clean(entry.status), title="Cannot be opened", severity="error",
                        markup=False)
        elif entry.id == ALL_BRIEFINGS or entry.id == self.view.briefing:
            self.set_view(self.view.with_briefing(None))
        else:
            self.set_view(self.view.with_briefing(entry.id))

    @on(SearchBar.Left, "#search")
    def _search_left(self, event: SearchBar.Left) -> None:
        self.memory.state.remember_search(event.value)

    def _query_changed(self, value: str) -> None:
        """Search while the field handles its key: the character and results in one frame."""
        if value != self.view.query:
            self.set_view(self.view.with_query(value))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("leave_search", "result"):
            return isinstance(self.focused, SearchBar)
        if action == "take_suggestion":
            return isinstance(self.focused, SearchBar) and self.suggestion is not None
        return True

    # -- actions -----------------------------------------------------------------------------
    def action_search(self) -> None:
        search = self.query_one(SearchBar)
        if self.focused is search:
            search.insert_text_at_cursor("/")
            return
        self._focus(search)
        search.cursor_position = len(search.value)

    def action_leave_search(self) -> None:
        """Enter or Esc in the search field: keep the results and go to the quotes."""
        self._focus(self.query_one(QuotesList))

    def action_result(self, step: int) -> None:
        """Down/Up, Ctrl+N/Ctrl+P in the search field: the next or previous result."""
        self.query_one(QuotesList).action_move(step)

    def action_take_suggestion(self) -> None:
        """Tab in the search field: the close name offered in place of the word."""
        search, query = self.query_one(SearchBar), self.suggestion.query
        search.value, search.cursor_position = query, len(query)
        self.set_view(self.view.with_query(query))

    def action_clear(self) -> None:
        """Esc outside the search field: clear the search, then (next Esc) the filters."""
        if self.view.query:
            self.query_one(SearchBar).value = ""
            self.set_view(self.view.with_query(""))
        elif self.view.filtered:  # speakers, topics, a briefing or a session
            self.set_view(self.view.cleared_filters())

    def action_next_match(self, step: int) -> None:
        quotes = self.query_one(QuotesList)
        if not quotes.count:
            self.app.bell()
            return
        self._focus(quotes)
        self.query_one(StatusLine).say(quotes.step_match(step), quotes.cursor)

    def action_zoom(self) -> None:
        """The focused pane to the whole screen, and back (as tmux's zoom)."""
        if self.maximized is not None:
            self.minimize()
        elif self.focused is None or not self.maximize(self.focused, container=False):
            self.app.bell()

    # The export and writing modules are imported by the keys that use them: the first
    # paint needs neither.
    def action_copy(self) -> None:
        from ...output.export import citation

        row = self.query_one(QuotesList).current()
        if row is None:
            self.notify("No quote selected to copy.", severity="warning")
            return
        self.app.copy_to_clipboard(citation(row))
        message = "Citation sent to the clipboard (OSC 52)."
        if os.environ.get("TMUX"):
            message += " In tmux this needs `set -g set-clipboard on`."
        self.notify(message, markup=False)

    def action_export(self) -> None:
        from ...output.export import markdown
        from ...output.writing import write_new_file

        if not self.in_view:  # an empty file would only have to be found and deleted
            self.notify("No quotes in view: nothing exported.", severity="warning")
            return
        rows = [self.catalog.rows[i] for i in self.in_view]
        title = "Quotes"
        described = self.view.describe(self.catalog)
        if described:
            title += f" ({described})"
        try:
            path = write_new_file(Path.cwd(), "briefing-export", ".md", markdown(rows, title))
        except OSError as error:
            self.notify(clean(f"Export failed: {error}"), severity="error", markup=False)
            return
        self.notify(clean(f"Exported {counted(len(rows), 'quote')} to {path}"), markup=False)

    def action_source(self) -> None:
        """The source view of the selected quote's briefing, at the quote's paragraph."""
        from .source import SourceScreen

        row = self.query_one(QuotesList).current()
        briefing = row.briefing if row is not None else next(iter(self.catalog.briefings), None)
        if briefing is None or not briefing.source.paragraphs:
            self.notify("This briefing has no source text to show.", severity="warning",
                        markup=False)
            return
        paragraph = row.quote.paragraph if row is not None else None
        self.app.push_screen(SourceScreen(briefing, paragraph, self.view.highlight(self.catalog)))

    # -- jumps (overview, command palette) ---------------------------------------------------
    def show_only(self, speaker: str | None = None, topic: str | None = None) -> None:
        """Clear search and filters, then filter by `speaker` and/or `topic`."""
        self.query_one(SearchBar).value = ""
        view = View()
        if speaker:
            view = view.toggle_speaker(speaker)
        if topic:
            view = view.toggle_topic(topic)
        self.set_view(view)
        self._focus(self.query_one(QuotesList))

    def narrow(self, speaker: str | None = None, topic: str | None = None,
               session: tuple[Briefing, str] | None = None) -> None:
        """A palette jump: that speaker, topic or session in place of the pane's own
        choice, the other filters and the search kept; when nothing would be left, the
        jump wins and the rest is cleared, saying so."""
        def apply(view: View) -> View:
            if speaker is not None:
                view = view.with_speakers(speaker)
            if topic is not None:
                view = view.with_topics(topic)
            if session is not None:
                view = view.with_session((briefing_key(session[0]), session[1]))
            return view

        view = apply(self.view)
        if not view.rows(self.catalog):
            view = apply(View())
            if self.view.filtered:
                self.notify("Nothing matched with the other filters and the search: "
                            "they were cleared.", severity="warning", markup=False)
            self.query_one(SearchBar).value = ""
        self.set_view(view)
        self._focus(self.query_one(QuotesList))
