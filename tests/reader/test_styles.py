"""The widgets' own styles (their DEFAULT_CSS) hold where Textual's base widgets have more
specific rules of their own: the search field is one line with no border, focused or not,
in colour and ANSI themes alike; the keys bar is the same on every screen."""

from __future__ import annotations

import pytest
from textual.color import Color

from tui.core.loader import load
from tui.reader.app import make_app
from tui.reader.widgets.keysbar import KeysBar
from tui.reader.widgets.searchbar import SearchBar

from support import SEED


def one_borderless_line(search: SearchBar) -> bool:
    gutter = search.styles.gutter
    return search.region.height == 1 and gutter.top == gutter.bottom == 0


@pytest.mark.parametrize("theme", ["textual-dark", "ansi-dark"])
async def test_the_search_field_is_one_line_without_a_border(theme):
    app = make_app(briefings=[load(SEED)])
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        await pilot.pause()
        search = app.screen.query_one(SearchBar)
        variables = app.get_css_variables()
        assert one_borderless_line(search)
        assert search.styles.background == Color.parse(variables["boost"])
        await pilot.press("slash")
        assert app.focused is search
        assert one_borderless_line(search)
        assert search.styles.background == Color.parse(variables["primary-background"])


async def test_the_keys_bar_looks_the_same_on_every_screen():
    """Its look is its own, not its id's: the source view's keys bar (#source-keys) is
    drawn as the reader's (#keys) and the overview's are."""
    app = make_app(briefings=[load(SEED)])
    async with app.run_test(size=(100, 30)) as pilot:

        def look():
            bar = app.screen.query_one(KeysBar)
            return bar.rich_style, bar.styles.padding, bar.region.height

        reader = look()
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one(KeysBar).id == "source-keys"
        assert look() == reader
        await pilot.press("escape", "o")
        await pilot.pause()
        assert look() == reader
