"""What a key repaints: only what changed, at line granularity (Textual writes every cell of
a refreshed region again). Each test wraps the widgets' `refresh` and the screen's layout
pass and counts what one key asks for; no timing."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip

from tui.reader.app import make_app
from tui.reader.screens.reader import ReaderScreen
from tui.reader.widgets.changes import changed_span
from tui.reader.widgets.detail import DetailPane
from tui.reader.widgets.keysbar import KeysBar
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.speakers import SpeakersList
from tui.reader.widgets.topics import TopicsList

SIZE = (120, 36)
WHOLE = "whole"  # a refresh of the whole widget


class Recorder:
    """The refreshes asked of some widgets, and the screen's layout passes, while on."""

    def __init__(self, monkeypatch, widgets: dict[str, object]) -> None:
        self.calls: dict[str, list] = {name: [] for name in widgets}
        self.layouts = 0
        self.on = False
        for name, widget in widgets.items():
            real = widget.refresh

            def refresh(*regions, _real=real, _name=name, **kwargs):
                if self.on and kwargs.get("repaint", True):  # (a layout alone repaints not)
                    self.calls[_name].extend(regions or [WHOLE])
                return _real(*regions, **kwargs)

            monkeypatch.setattr(widget, "refresh", refresh)
        real_layout = Screen._refresh_layout

        def refresh_layout(screen, *args, **kwargs):
            if self.on:
                self.layouts += 1
            return real_layout(screen, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", refresh_layout)

    async def key(self, pilot, key: str) -> None:
        for calls in self.calls.values():
            calls.clear()
        self.layouts = 0
        self.on = True
        await pilot.press(key)
        await pilot.pause()
        self.on = False

    def lines(self, name: str) -> set[int]:
        """The content lines the widget asked to repaint."""
        found = set()
        for region in self.calls[name]:
            assert region is not WHOLE, f"{name} repainted as a whole"
            found.update(region.line_range)
        return found


def panes(screen: ReaderScreen) -> dict[str, object]:
    return {"quotes": screen.query_one(QuotesList), "speakers": screen.query_one(SpeakersList),
            "topics": screen.query_one(TopicsList), "detail": screen.query_one(DetailPane),
            "keys": screen.query_one(KeysBar)}


async def test_a_cursor_move_repaints_two_rows_and_the_detail_lines(seed, monkeypatch):
    async with make_app(briefings=[seed]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        recorder = Recorder(monkeypatch, panes(screen))
        await recorder.key(pilot, "j")
        quotes = screen.query_one(QuotesList)
        assert quotes.cursor == 1
        assert recorder.lines("quotes") == {0, 1, 2, 3}  # rows 0 and 1, two lines each
        assert recorder.calls["speakers"] == recorder.calls["topics"] == []
        detail = screen.query_one(DetailPane)
        changed = recorder.lines("detail")  # never the whole pane
        assert changed and changed <= set(range(detail.scrollable_content_region.height))
        assert str(seed.quotes[1].text[:20]) in detail.content.plain
        # Both quotes are longer than the pane: its scrollbar stays, so no layout pass.
        assert detail.virtual_size.height > detail.scrollable_content_region.height
        assert recorder.layouts == 0


async def test_a_move_out_of_view_scrolls_the_cursor_to_the_middle(seed):
    async with make_app(briefings=[seed]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        quotes = pilot.app.screen.query_one(QuotesList)
        rows = quotes.scrollable_content_region.height // quotes.row_height
        await pilot.press(*"j" * rows)  # the first move past the bottom row
        await pilot.pause()
        middle = quotes.scroll_offset.y + quotes.scrollable_content_region.height // 2
        assert abs(quotes.cursor * quotes.row_height - middle) <= quotes.row_height
        scrolled = quotes.scroll_offset.y
        await pilot.press("j")
        await pilot.pause()
        assert quotes.scroll_offset.y == scrolled  # the next move needs no scroll


async def test_a_key_that_leaves_the_results_repaints_no_list_or_layout(seed, monkeypatch):
    async with make_app(briefings=[seed]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        await pilot.press("slash", *"relatio")
        await pilot.pause()
        before = list(screen.in_view)
        recorder = Recorder(monkeypatch, panes(screen))
        await recorder.key(pilot, "n")
        assert screen.view.query == "relation" and screen.in_view == before
        assert recorder.layouts == 0
        assert recorder.calls["speakers"] == []  # no speaker's name or count shows "relation"
        assert recorder.calls["keys"] == []  # the same keys as before
        # Only the lines where the longer match now shows, never the whole list.
        quotes = screen.query_one(QuotesList)
        lines = recorder.lines("quotes")
        assert len(lines) < quotes.scrollable_content_region.height
        recorder.lines("topics")
        recorder.lines("detail")
        # A key typed again with nothing new to show repaints nothing at all.
        await recorder.key(pilot, "space")
        assert screen.view.query == "relation "
        assert all(calls == [] for calls in recorder.calls.values())
        assert recorder.layouts == 0


async def test_a_new_count_lays_out_only_when_a_scrollbar_comes_or_goes(seed, monkeypatch):
    async with make_app(briefings=[seed]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        quotes = screen.query_one(QuotesList)
        recorder = Recorder(monkeypatch, panes(screen))
        await pilot.press("slash")
        await pilot.pause()
        # The first key after the start: every list keeps the width its resize gave it.
        await recorder.key(pilot, "c")
        assert len(screen.in_view) == len(seed.quotes)
        assert recorder.layouts == 0
        # Fewer quotes, still more than the pane holds: only the scrollbar is updated.
        await recorder.key(pilot, "o")
        height = len(screen.in_view) * quotes.row_height
        assert len(screen.in_view) < len(seed.quotes)
        assert height > quotes.scrollable_content_region.height
        assert recorder.layouts == 0
        assert quotes.virtual_size.height == height
        assert quotes.vertical_scrollbar.window_virtual_size == height
        # So few that the scrollbar goes: that needs the layout pass.
        await pilot.press("escape", "escape", "slash", "at")
        await pilot.pause()
        await recorder.key(pilot, "b")
        assert len(screen.in_view) * quotes.row_height <= quotes.scrollable_content_region.height
        assert recorder.layouts
        assert not quotes.show_vertical_scrollbar


async def test_a_counts_pane_repaints_only_the_rows_whose_counts_changed(seed, monkeypatch):
    async with make_app(briefings=[seed]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        speakers = screen.query_one(SpeakersList)
        await pilot.press("slash", *"trad")
        await pilot.pause()
        counts_before = dict(speakers.counts)
        recorder = Recorder(monkeypatch, panes(screen))
        await recorder.key(pilot, "e")
        changed = {row for row, entry in enumerate(speakers.entries)
                   if speakers.counts.get(entry.id, 0) != counts_before.get(entry.id, 0)}
        assert changed, "the seed's counts for 'trade' differ from those for 'trad'"
        assert recorder.lines("speakers") == changed


def count_drawn(monkeypatch) -> list[tuple[str, int]]:
    """(pane id, row) of every row the lists draw from now on (each once per drawing)."""
    drawn: list[tuple[str, int]] = []
    for pane in (QuotesList, SpeakersList, TopicsList):
        real = pane.render_row

        def render_row(self, index, width, _real=real):
            drawn.append((self.id, index))
            return _real(self, index, width)

        monkeypatch.setattr(pane, "render_row", render_row)
    return drawn


async def test_a_focus_change_draws_again_only_the_cursor_row(seed, monkeypatch):
    async with make_app(briefings=[seed]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j")  # a cursor row not yet drawn without the focus
        await pilot.pause()
        drawn = count_drawn(monkeypatch)
        await pilot.press("slash")  # the quotes pane's border and cursor row change
        await pilot.pause()
        assert drawn == [("quotes", 1)]
        drawn.clear()
        await pilot.press("escape")  # both looks of the cursor row are kept
        await pilot.pause()
        assert drawn == []


async def test_a_search_key_draws_again_the_entries_it_marks_or_counts_anew(seed, monkeypatch):
    async with make_app(briefings=[seed]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        speakers = screen.query_one(SpeakersList)
        await pilot.press("slash", *"trad")
        await pilot.pause()
        counts_before = dict(speakers.counts)
        drawn = count_drawn(monkeypatch)
        await pilot.press("e")
        await pilot.pause()
        named = {row for row, entry in enumerate(speakers.entries)
                 if "trad" in f"{entry.speaker.name} {entry.speaker.role}".lower()}
        counted = {row for row, entry in enumerate(speakers.entries)
                   if speakers.counts.get(entry.id, 0) != counts_before.get(entry.id, 0)}
        assert counted, "the seed's counts for 'trade' differ from those for 'trad'"
        rows = {row for pane, row in drawn if pane == "speakers"}
        assert counted <= rows <= counted | named
        assert len(rows) < len(speakers.entries)


async def test_the_quotes_title_repaints_only_the_border_row(seed, monkeypatch):
    async with make_app(briefings=[seed]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        quotes = screen.query_one(QuotesList)
        recorder = Recorder(monkeypatch, {"quotes": quotes})
        await pilot.press("slash", "t", "r")
        await pilot.pause()
        before = quotes.border_title
        await recorder.key(pilot, "a")
        assert quotes.border_title == f"Quotes {len(screen.in_view)} of {len(seed.quotes)}"
        assert quotes.border_title != before
        left, top = quotes.content_offset
        assert Region(-left, -top, quotes.outer_size.width, 1) in recorder.calls["quotes"]
        assert WHOLE not in recorder.calls["quotes"]


def strip(*parts: tuple[str, Style]) -> Strip:
    return Strip([Segment(text, style) for text, style in parts])


def test_changed_span_is_the_cells_that_differ():
    plain, bold = Style(), Style(bold=True)
    old = strip(("abc relation", plain), ("   ", plain))
    assert changed_span(old, old) is None
    assert changed_span(None, old) == (0, 15)
    new = strip(("abc ", plain), ("relation", bold), ("   ", plain))
    assert changed_span(old, new) == (4, 12)  # the same text, now marked
    assert changed_span(old, strip(("abc relatioN", plain), ("   ", plain))) == (11, 12)


def test_changed_span_keeps_a_wide_character_whole():
    plain = Style()
    old = strip(("ab王丽", plain))
    new = strip(("ab王x ", plain))
    assert changed_span(old, new) == (4, 6)
    assert changed_span(strip(("王丽", plain)), strip(("王", plain), ("丽", Style(bold=True)))) \
        == (2, 4)
