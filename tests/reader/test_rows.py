"""Quote rows: a match past the row's width is shown with the words around it, and a tall
pane shows more of each quote."""

from __future__ import annotations

from tui.reader.app import make_app
from tui.reader.screens.reader import ReaderScreen
from tui.reader.widgets.detail import DetailPane
from tui.reader.widgets.quotes import QuotesList, _start_for_match

from support import SEED
from support.painted import marked_runs, painted


def _quotes(app) -> QuotesList:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen.query_one(QuotesList)


def test_a_row_starts_a_little_before_a_match_it_would_not_show():
    text = "China is willing to deepen bilateral cooperation in infrastructure, green " \
           "energy, transportation and logistics, information and communication"
    assert _start_for_match(text, ("logistics",), 200) == 0  # it shows as it is
    assert _start_for_match(text, (), 40) == 0
    assert _start_for_match(text, ("nowhere",), 40) == 0
    start = _start_for_match(text, ("logistics",), 40)
    assert 0 < start < text.index("logistics")
    assert text[start - 1] == " "  # a word's start
    shown = text[start:start + 40]
    assert "logistics" in shown
    # In a text without spaces the start is a few characters before the match.
    solid = "x" * 300 + "needle" + "y" * 10
    assert 250 <= _start_for_match(solid, ("needle",), 40) < 300


async def test_a_row_shows_the_match_that_lies_past_its_width():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"logistics")
        await pilot.pause()
        quotes = _quotes(app)
        line = quotes.render_line(1)
        assert line.text.startswith("   …"), line.text  # gutter, indent, ellipsis
        assert marked_runs([line]) == ["logistics"]
        # Without a search the row starts at the start.
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert quotes.render_line(quotes.cursor * 2 + 1 - int(quotes.scroll_y)).text \
            .startswith("   China is willing")


async def test_a_tall_pane_shows_three_lines_of_each_quote():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        quotes = _quotes(app)
        assert quotes.row_height == 4
        await pilot.press("j")
        await pilot.pause()
        assert quotes.current_index() == 1
        assert quotes.render_line(4).text.startswith("▌")  # the next row starts at line 4
        quotes.cursor = 10  # a quote longer than three lines
        await pilot.pause()
        top = 10 * 4 - int(quotes.scroll_y)
        lines = [quotes.render_line(top + y).text for y in range(4)]
        words = " ".join(line.strip(" ▌›…") for line in lines[1:])
        text = app.screen.catalog.rows[10].quote.text
        assert words.split()[:25] == text.split()[:25]
        assert lines[3].rstrip().endswith("…")  # the rest is in the detail pane
        await pilot.click(QuotesList, offset=(6, 1 + 4 * 2 + 3))  # a text line of row 2
        await pilot.pause()
        assert quotes.cursor == 2
        detail = app.screen.query_one(DetailPane)
        assert detail._row.quote is quotes.current().quote
    for size in ((80, 24), (120, 36)):
        app = make_app([SEED], use_cache=False)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            assert _quotes(app).row_height == 2


def _detail_lines(app) -> list[str]:
    detail = app.screen.query_one(DetailPane)
    return [strip.text.rstrip() for strip in detail.lines(detail.scrollable_content_region.width)]


async def test_wrapped_fields_of_the_detail_start_under_their_values():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.screen.query_one(QuotesList).cursor = 10  # four topics: two lines of them
        await pilot.pause()
        lines = _detail_lines(app)
        start = next(i for i, line in enumerate(lines) if line.startswith("Topics   "))
        assert lines[start + 1].startswith(" " * 9) and lines[start + 1][9] != " "
        meeting = next(i for i, line in enumerate(lines) if line.startswith("Meeting  "))
        assert all(line.startswith(" " * 9) for line in lines[start + 1:meeting])
        # Narrower, the lines are wrapped again for the new width, still under the values.
        await pilot.resize_terminal(90, 36)
        await pilot.pause()
        narrow = _detail_lines(app)
        assert narrow != lines
        start = next(i for i, line in enumerate(narrow) if line.startswith("Topics   "))
        assert narrow[start + 1].startswith(" " * 9) and narrow[start + 1][9] != " "


async def test_enter_on_a_quote_shows_its_source_paragraph_only_when_it_is_out_of_sight():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen.query_one(DetailPane)
        assert app.focused is detail and detail.scroll_y == 0  # all of it in sight
        assert any(line.startswith("Source, paragraph 6") for line in _detail_lines(app))
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one(QuotesList).cursor = 10  # a long paragraph, below the fold
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen.query_one(DetailPane)
        assert app.focused is detail
        top = painted(app, detail)[1].text.strip("│ ")
        assert top.startswith("Source, paragraph 16"), top
