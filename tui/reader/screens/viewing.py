"""How the reader screen shows a `View`: its rows and faceted counts, computed at once or,
for a large catalog, in a worker that a newer view cancels, then handed to each pane."""

from __future__ import annotations

from collections.abc import Sequence

from textual import work
from textual.worker import get_current_worker

from ...core.catalog import Catalog, Facets
from ...core.view import Suggestion, View
from ..widgets.detail import DetailPane
from ..widgets.quotes import QuotesList
from ..widgets.speakers import SpeakersList
from ..widgets.statusline import StatusLine
from ..widgets.topics import TopicsList

SYNC_ROWS = 20_000  # catalogs smaller than this are filtered and searched on the UI thread


class Viewing:
    """The part of `ReaderScreen` that puts a view in its panes (a mixin of that screen:
    it uses the screen's `query_one`, `workers`, `app` and `set_class`)."""

    catalog: Catalog
    view: View
    suggestion: Suggestion | None  # for a search word that matches nothing
    in_view: Sequence[int]  # the catalog rows shown (sorted)
    _keep: int | None = None  # the row the quotes cursor goes to when the view is applied

    def _set_catalog(self, catalog: Catalog, errors: dict[str, str], gone: set[str]) -> None:
        self.catalog = catalog
        self.errors, self.gone = errors, gone
        self.set_class(self.is_library, "-library")
        self._speaker_order = sorted(catalog.speakers.values(),
                                     key=lambda e: (-e.count, e.speaker.name))
        self._topic_order = sorted(catalog.topics.values(), key=lambda e: (-e.count, e.topic.title))
        self._briefing_entries = []
        if self.is_library:  # one briefing has no Briefings pane, nor its module imported
            from ..widgets.briefings import entries

            self._briefing_entries = entries(catalog.briefings, errors, gone)

    @property
    def is_library(self) -> bool:
        return len(self.catalog.briefings) > 1 or bool(self.errors)

    def set_view(self, view: View, keep: int | None = None) -> None:
        """Show `view` (with the quotes cursor on row `keep`, if given and in view). Large
        catalogs compute it off the UI thread; a newer view cancels the computation of an
        older one rather than waiting behind it. Some views are shown at once whatever the
        size: the unfiltered one (every row, the catalog's totals), so the first paint has
        the quotes; and any view that fits in a frame (`View.quick`), so that the typed
        character and its results reach the screen in one frame."""
        self.view = view
        self._keep = keep
        if len(self.catalog) < SYNC_ROWS or not view.filtered or view.quick(self.catalog):
            self.workers.cancel_group(self, "view")  # an older view's, now outdated
            self._apply(view, self._compute(view))
        else:
            self._compute_in_thread(view)

    def refresh_view(self) -> None:
        self.set_view(self.view)

    def _compute(self, view: View) -> Facets:
        return view.counts(self.catalog)

    @work(thread=True, exclusive=True, group="view")
    def _compute_in_thread(self, view: View) -> None:
        result = self._compute(view)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply, view, result)

    def _apply(self, view: View, facets: Facets) -> None:
        """Show `view` in every pane, unless a newer view was asked for (faceted counts)."""
        if view is not self.view:
            return
        rows, speaker_counts, topic_counts = facets.rows, facets.speakers, facets.topics
        catalog = self.catalog
        quotes = self.query_one(QuotesList)
        keep = self._keep if self._keep is not None else quotes.current_index()
        self._keep = None
        self.in_view = rows
        speakers, topics = self._speaker_order, self._topic_order
        chosen = catalog.briefing_of(view.briefing)
        if chosen is not None:  # a chosen briefing narrows the other panes to it
            present = {s.id for s in chosen.speakers}
            speakers = [e for e in speakers if e.id in present]
            present = {t.id for t in chosen.topics}
            topics = [e for e in topics if e.id in present]
        highlight = view.highlight(catalog)
        self.query_one(SpeakersList).show(speakers, speaker_counts, view.speakers, highlight)
        self.query_one(TopicsList).show(topics, topic_counts, view.topics, highlight)
        if self.is_library:
            from ..widgets.briefings import ALL as ALL_BRIEFINGS
            from ..widgets.briefings import BriefingsList

            counts = {ALL_BRIEFINGS: facets.every_briefing, **facets.briefings}
            marked = frozenset({view.briefing if chosen is not None else ALL_BRIEFINGS})
            self.query_one(BriefingsList).show(self._briefing_entries, counts, marked, highlight)
        self.suggestion = view.suggestion(catalog) if not rows and view.terms else None
        quotes.offer(self.suggestion)
        self.refresh_bindings()  # Tab takes a suggestion only while there is one
        quotes.show(catalog.rows, rows, highlight, keep=keep)
        quotes.set_title(f"Quotes {len(rows)} of {len(catalog)}")
        self.query_one(StatusLine).show(len(rows), len(catalog), view.filters(catalog))
        self._show_detail()

    def _show_detail(self) -> None:
        self.query_one(DetailPane).show(self.query_one(QuotesList).current(),
                                        self.view.highlight(self.catalog))
