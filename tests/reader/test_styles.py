"""The widgets' own styles (their DEFAULT_CSS) hold where Textual's base widgets have more
specific rules of their own: the search field is one line with no border, focused or not,
in colour and ANSI themes alike."""

from __future__ import annotations

import pytest
from textual.color import Color

from tui.core.loader import load
from tui.reader.app import make_app
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
