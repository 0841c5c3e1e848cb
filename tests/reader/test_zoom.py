"""`z` zooms the focused pane to the whole screen and back, as tmux does."""

from __future__ import annotations

from tui.reader.app import make_app
from tui.reader.widgets.detail import DetailPane
from tui.reader.widgets.keysbar import KeysBar
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.speakers import SpeakersList

from support.painted import painted


async def test_z_zooms_the_focused_pane_and_back(seed):
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        quotes = screen.query_one(QuotesList)
        normal = quotes.region.width
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is quotes
        assert quotes.region.width == 100 and quotes.region.height > 20
        assert not screen.query_one(SpeakersList).region  # not drawn while zoomed
        assert screen.query_one(KeysBar).region.height == 1  # the keys stay in sight
        assert any("Zoom" in strip.text for strip in painted(app))
        await pilot.press("j", "j")  # the zoomed pane still takes its keys
        assert quotes.cursor == 2
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is None and quotes.region.width == normal
        assert app.focused is quotes


async def test_zoom_follows_the_focus_and_esc_restores(seed):
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # read the quote: the detail pane has the focus
        assert isinstance(app.focused, DetailPane)
        await pilot.press("z")
        assert app.screen.maximized is app.focused
        await pilot.press("escape")
        assert app.screen.maximized is None


async def test_z_in_the_search_field_types_a_z(seed):
    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("/", "z")
        assert app.screen.maximized is None
        assert app.screen.view.query == "z"


async def test_z_over_another_screen_does_nothing(seed):
    from tui.reader.screens.overview import OverviewScreen

    app = make_app(briefings=[seed])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o", "z")
        assert isinstance(app.screen, OverviewScreen) and app.screen.maximized is None
        await pilot.press("escape")
        assert app.screen.maximized is None
