"""What the reader keeps between runs, driven by keys: the theme, the last selected quote of
each briefing, and the search history that Ctrl+R recalls in the search field."""

from __future__ import annotations

import json
import shutil

from tui.core.loader import load
from tui.reader.app import make_app
from tui.reader.widgets.keysbar import KeysBar
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.searchbar import SearchBar
from tui.store.state import FILE, State, briefing_key

from support import SEED


async def test_the_theme_and_the_last_quote_come_back_at_the_next_run(seed, state_folder):
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "nord"
        for _ in range(5):
            await pilot.press("j")
        assert app.screen.query_one(QuotesList).current().quote.index == 5
        await pilot.press("q")
    saved = json.loads((state_folder / FILE).read_text())
    assert saved["theme"] == "nord"
    assert saved["quotes"][briefing_key(SEED)] == [5, seed.quotes[5].text]
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        quotes = app.screen.query_one(QuotesList)
        assert quotes.current().quote.index == 5


async def test_an_edited_quote_is_not_landed_on(tmp_path, state_folder):
    copy = tmp_path / "seed.toml"
    shutil.copy(SEED, copy)
    briefing = load(copy)
    state = State.load()
    state.remember_quote(briefing_key(copy), 5, "words this quote never said")
    state.save()
    app = make_app(briefings=[briefing])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(QuotesList).cursor == 0


async def test_an_unknown_theme_in_the_state_is_ignored(seed, state_folder):
    state = State.load()
    state.theme = "no-such-theme"
    state.save()
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)):
        assert app.theme == "textual-dark"


async def test_a_damaged_state_file_does_not_stop_the_reader(seed, state_folder):
    state_folder.mkdir()
    (state_folder / FILE).write_text("{broken")
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "q")
    assert json.loads((state_folder / FILE).read_text())["quotes"]


async def test_kept_searches_are_recalled_with_ctrl_r(seed, state_folder):
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        search = app.screen.query_one(SearchBar)
        for query in ("trade", "solar", "solar"):
            await pilot.press("/", "ctrl+u", *query, "enter")
        await pilot.press("/", "ctrl+u", *"vac")
        assert app.focused is search
        assert "History" in [d for _k, _s, d, _e in app.screen.query_one(KeysBar).keys()]
        await pilot.press("ctrl+r")
        assert search.value == "solar"
        assert app.screen.view.query == "solar"
        await pilot.press("ctrl+r")
        assert search.value == "trade"
        await pilot.press("ctrl+r")  # past the oldest: what was typed
        assert search.value == "vac"
        await pilot.press("ctrl+r", "backspace", "ctrl+r")  # typing starts again from the newest
        assert search.value == "solar"
        await pilot.press("escape")
        await pilot.press("/", "ctrl+u", *"water", "escape", "q")  # quit with a search in view
    assert State.load().history == ["trade", "solar", "water"]


async def test_the_history_of_an_earlier_run_is_recalled(seed, state_folder):
    state = State.load()
    state.remember_search("Rustam")
    state.save()
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("/", "ctrl+r")
        assert app.screen.query_one(SearchBar).value == "Rustam"


async def test_ctrl_r_with_no_history_rings_the_bell(seed):
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        rung = []
        app.bell = lambda: rung.append(1)
        await pilot.press("/", "ctrl+r")
        assert rung and app.screen.query_one(SearchBar).value == ""
