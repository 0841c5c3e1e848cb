"""Keys of the search field and the keys bar: Tab takes the close name offered for a word
that matches nothing; F1 is shown as F1."""

from __future__ import annotations

from tui.reader.app import make_app
from tui.reader.screens.reader import ReaderScreen
from tui.reader.widgets.keysbar import KeysBar
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.searchbar import SearchBar

from support import SEED

MUHRIDDIN = [27, 28, 29]


def _reader(app) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def _empty_message(quotes: QuotesList) -> str:
    lines = [quotes.render_line(y).text.strip() for y in range(4)]
    return " ".join(line for line in lines if line)


async def test_a_word_that_matches_nothing_names_the_close_name_and_tab_takes_it():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        search, quotes = screen.query_one(SearchBar), screen.query_one(QuotesList)
        await pilot.press("slash", *"muhridin")
        await pilot.pause()
        assert screen.in_view == []
        message = _empty_message(quotes)
        assert "'muhridin' matches nothing; did you mean 'Muhriddin'?" in message, message
        assert "Tab in the search field takes 'Muhriddin'" in message
        assert quotes.render_line(0).text.startswith(" No quote matches")  # padded
        bar = screen.query_one(KeysBar)
        assert "Tab Take suggestion" in bar.render().plain
        await pilot.press("tab")
        await pilot.pause()
        assert search.value == "Muhriddin" and app.focused is search
        assert search.cursor_position == len("Muhriddin")
        assert screen.in_view == MUHRIDDIN
        assert "Tab Take suggestion" not in bar.render().plain
        # With results, Tab leaves the field for the next pane, as everywhere.
        await pilot.press("tab")
        assert app.focused is not search


async def test_the_suggestion_replaces_only_the_word_that_matched_nothing():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        await pilot.press("slash", *"vaccines muhridin", "tab")
        await pilot.pause()
        assert screen.query_one(SearchBar).value == "vaccines Muhriddin"
        assert screen.in_view and set(screen.in_view) <= set(MUHRIDDIN)
        # No close name: the plain message, and Tab does not change the search.
        await pilot.press(*["backspace"] * 9, *"zzqqxx")
        await pilot.pause()
        assert screen.in_view == [] and screen.suggestion is None
        assert _empty_message(screen.query_one(QuotesList)) == \
            "No quote matches: Esc clears the search and filters."
        await pilot.press("tab")
        assert screen.query_one(SearchBar).value == "vaccines zzqqxx"


async def test_the_keys_bar_shows_f1_in_capitals():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        await pilot.press("slash")
        bar = screen.query_one(KeysBar).render().plain
        assert "F1 Help" in bar and "f1" not in bar
        await pilot.press("f1")
        await pilot.pause()
        assert not isinstance(app.screen, ReaderScreen)  # the help screen
