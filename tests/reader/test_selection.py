"""The selected quote stays in sight and in the detail pane whatever changes the view:
a search cleared or typed back to empty, filters cleared, a palette jump, All briefings."""

from __future__ import annotations

from textual.command import CommandPalette

from tui.reader.app import make_app
from tui.reader.screens.reader import ReaderScreen
from tui.reader.widgets.briefings import ALL, BriefingsList
from tui.reader.widgets.detail import DetailPane
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.searchbar import SearchBar
from tui.reader.widgets.speakers import SpeakersList

from support import NORDIC, SEED

SOLAR = [10, 11, 24]  # the seed's quotes that "solar" finds; 10 and 11 are from ¶16


def _reader(app) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def assert_selected_in_sight(screen: ReaderScreen, index: int) -> None:
    """Catalog row `index` is under the cursor, its row is drawn with the cursor in the
    pane's visible lines, and the detail pane shows it."""
    quotes = screen.query_one(QuotesList)
    assert quotes.current_index() == index, (quotes.current_index(), index)
    top = quotes.cursor * quotes.row_height - int(quotes.scroll_y)
    height = quotes.scrollable_content_region.height
    assert 0 <= top and top + quotes.row_height <= height, (top, height)
    assert quotes.render_line(top).text[0] in "▌›"  # the cursor's gutter
    detail = screen.query_one(DetailPane)
    assert detail._row is not None and detail._row.quote is quotes.current().quote


async def test_escape_after_a_search_keeps_the_quote_selected_in_sight():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        await pilot.press("slash", *"solar", "enter", "j")
        await pilot.pause()
        assert_selected_in_sight(screen, SOLAR[1])
        await pilot.press("escape")  # clears the search: all 30 quotes
        await pilot.pause()
        assert len(screen.in_view) == 30
        assert_selected_in_sight(screen, SOLAR[1])
        await pilot.press("j")  # the next quote, not one far down
        await pilot.pause()
        assert_selected_in_sight(screen, SOLAR[1] + 1)


async def test_backspacing_the_search_to_empty_keeps_the_quote_in_sight():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        await pilot.press("slash", *"solar", "enter", "G", "slash")
        await pilot.pause()
        assert_selected_in_sight(screen, SOLAR[2])
        await pilot.press(*["backspace"] * 5)
        await pilot.pause()
        assert screen.view.query == "" and len(screen.in_view) == 30
        assert_selected_in_sight(screen, SOLAR[2])


async def test_clearing_the_filters_keeps_the_quote_in_sight():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        speakers = screen.query_one(SpeakersList)
        speakers.focus()
        speakers.cursor = next(i for i, e in enumerate(speakers.entries)
                               if e.id == "sirojiddin-muhriddin")
        await pilot.press("enter")
        await pilot.pause()
        quotes = screen.query_one(QuotesList)
        quotes.focus()
        await pilot.press("G")
        await pilot.pause()
        assert_selected_in_sight(screen, 29)
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.view.filtered
        assert_selected_in_sight(screen, 29)


async def test_a_quote_left_out_gives_way_to_the_nearest_following_one():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        quotes = screen.query_one(QuotesList)
        quotes.cursor = 21
        await pilot.pause()
        # Rustam Emomali's quotes are 15-19: none follows 21, so the last of them.
        screen.narrow(speaker="rustam-emomali")
        await pilot.pause()
        assert_selected_in_sight(screen, 19)
        screen.narrow(speaker="sirojiddin-muhriddin")  # 27-29: the first after 19
        await pilot.pause()
        assert_selected_in_sight(screen, 27)


async def test_a_palette_jump_to_a_session_keeps_or_moves_the_selection_in_sight(seed):
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        briefing = screen.catalog.briefings[0]
        quotes = screen.query_one(QuotesList)
        quotes.cursor = 25
        await pilot.pause()
        screen.narrow(session=(briefing, "talks-muhriddin"))  # quotes 20-29
        await pilot.pause()
        assert screen.in_view == list(range(20, 30))
        assert_selected_in_sight(screen, 25)
        screen.narrow(session=(briefing, "talks-rahmon"))  # 0-7: none follows 25
        await pilot.pause()
        assert_selected_in_sight(screen, 7)


async def test_all_briefings_keeps_the_quote_in_sight():
    app = make_app([SEED, NORDIC], use_cache=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        pane = screen.query_one(BriefingsList)
        seed_key = str(SEED.resolve())
        pane.focus()
        pane.cursor = next(i for i, e in enumerate(pane.entries) if e.id == seed_key)
        await pilot.press("enter")
        await pilot.pause()
        quotes = screen.query_one(QuotesList)
        quotes.focus()
        await pilot.press("G")
        await pilot.pause()
        chosen = quotes.current_index()
        assert chosen == screen.catalog.ranges[seed_key].stop - 1
        pane.focus()
        pane.cursor = next(i for i, e in enumerate(pane.entries) if e.id == ALL)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.view.briefing is None
        assert len(screen.in_view) == len(screen.catalog)
        assert_selected_in_sight(screen, chosen)


async def test_down_up_and_ctrl_n_ctrl_p_move_through_the_results_while_typing():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        search = screen.query_one(SearchBar)
        await pilot.press("slash", *"sol", "down")
        await pilot.pause()
        assert app.focused is search
        assert_selected_in_sight(screen, SOLAR[1])
        await pilot.press("a", "r", "ctrl+n")  # typing goes on; the cursor stays on a result
        await pilot.pause()
        assert search.value == "solar" and app.focused is search
        assert_selected_in_sight(screen, SOLAR[2])
        await pilot.press("ctrl+p", "up", "up")  # the first result stays the first
        await pilot.pause()
        assert app.focused is search and not isinstance(app.screen, CommandPalette)
        assert_selected_in_sight(screen, SOLAR[0])
        await pilot.press("down", "enter")  # Enter keeps them, on the quote chosen
        await pilot.pause()
        assert isinstance(app.focused, QuotesList)
        assert screen.in_view == SOLAR
        assert_selected_in_sight(screen, SOLAR[1])
        await pilot.press("ctrl+p")  # outside the field Ctrl+P is still the palette
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
