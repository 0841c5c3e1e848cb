"""The reader as a demanding user finds it: mouse, status line, palette, overview focus."""

from __future__ import annotations

from tui.reader.app import make_app
from tui.reader.screens.reader import ReaderScreen
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.speakers import SpeakersList
from tui.reader.widgets.topics import TopicsList

from support import SEED
from support.painted import open_palette_and_choose


def _reader(app) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


async def test_a_click_picks_the_row_clicked_in_every_list():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        speakers = screen.query_one(SpeakersList)
        top = 1  # the pane's border
        for row in range(speakers.count):  # the last speaker too
            await pilot.click(SpeakersList, offset=(4, top + row))
            await pilot.pause()
            assert speakers.cursor == row
        topics = screen.query_one(TopicsList)
        await pilot.click(TopicsList, offset=(4, 1 + 2))
        await pilot.pause()
        assert topics.cursor == 2
        quotes = screen.query_one(QuotesList)
        for row in (0, 1, 3):  # two lines a quote: both lines pick it
            await pilot.click(QuotesList, offset=(6, 1 + 2 * row))
            await pilot.pause()
            assert quotes.cursor == row
            await pilot.click(QuotesList, offset=(6, 2 + 2 * row))
            await pilot.pause()
            assert quotes.cursor == row


async def test_a_click_on_the_border_or_below_the_rows_picks_nothing():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        speakers = _reader(app).query_one(SpeakersList)
        await pilot.click(SpeakersList, offset=(4, 2))
        await pilot.pause()
        assert speakers.cursor == 1
        await pilot.click(SpeakersList, offset=(4, 0))  # the top border
        await pilot.click(SpeakersList, offset=(4, speakers.count + 3))  # empty space
        await pilot.pause()
        assert speakers.cursor == 1


def _status(filters, width, shown=1, total=30):
    from tui.reader.widgets.statusline import StatusLine

    line = StatusLine()
    line.show(shown, total, filters)
    return line.line(width).plain


def test_the_status_line_says_the_essentials_in_the_space_there_is():
    filters = [("speaker", "Wang Yi"), ("topic", "Traditional medicine")]
    full = "1 of 30 quotes  speaker: Wang Yi · topic: Traditional medicine  Esc clears"
    assert _status(filters, None) == full
    assert _status(filters, len(full)) == full
    assert _status(filters, len(full) - 1) == full.removesuffix("  Esc clears")
    assert _status(filters, 50) == "1 of 30 quotes  Wang Yi · Traditional medicine"
    # Long values are cut evenly, short ones stay whole; never a cut count.
    assert _status(filters, 40) == "1 of 30 quotes  Wang Yi · Traditional m…"
    assert _status(filters, 20) == "1 of 30 quotes"
    assert _status(filters, 10) == "1 of 30 q…"
    for width in range(10, 90):
        assert len(_status(filters, width)) <= width


def test_the_search_is_dropped_from_the_status_before_the_filters():
    filters = [("topic", "Traditional medicine"), ("search", "herbal remedies and clinics")]
    assert _status(filters, 44) == "1 of 30 quotes  Traditional medicine"
    assert _status(filters, 30) == "1 of 30 quotes  Traditional m…"
    assert _status([("search", "herbal remedies")], 25) == "1 of 30 quotes"


async def test_the_status_line_at_80_columns_names_the_filters():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = _reader(app)
        topics = screen.query_one(TopicsList)
        topics.focus()
        await pilot.press("G", "enter")  # the last topic: Traditional medicine
        await pilot.pause()
        from tui.reader.widgets.statusline import StatusLine

        status = screen.query_one(StatusLine)
        text = status.render().plain
        assert text.startswith("1 of 30 quotes")
        assert "Traditional medicine" in text, text
        assert len(text) <= status.content_region.width


async def test_tab_never_stops_in_the_search_field_so_q_still_quits():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        from tui.reader.widgets.searchbar import SearchBar

        search = _reader(app).query_one(SearchBar)
        for _ in range(6):
            await pilot.press("tab")
            assert app.focused is not search
        for _ in range(6):
            await pilot.press("shift+tab")
            assert app.focused is not search
        await pilot.press("slash", "w", "a", "n", "g")
        assert app.focused is search and search.value == "wang"
        await pilot.press("tab")  # from the field, Tab goes on to a pane
        assert app.focused is not search
        await pilot.click(SearchBar)  # a click reaches the field too
        await pilot.pause()
        assert app.focused is search
        await pilot.press("escape", "tab", "q")
        await pilot.pause()
    assert app.return_code == 0 and search.value == "wang"


async def test_n_and_N_say_the_position_and_when_they_wrap():
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(120, 36)) as pilot:
        from tui.reader.widgets.statusline import StatusLine

        screen = _reader(app)
        status = screen.query_one(StatusLine)
        await pilot.press("slash", *"trade", "enter", "n")
        await pilot.pause()
        assert status.line().plain.startswith("5 of 30 quotes  match 2 of 5  ")
        await pilot.press("n", "n", "n", "n")
        await pilot.pause()
        assert "match 1 of 5  (wrapped to the first)" in status.line().plain
        await pilot.press("N")
        await pilot.pause()
        assert "match 5 of 5  (wrapped to the last)" in status.line().plain
        assert "match" in status.render().plain  # it fits on screen
        await pilot.press("k")  # another move: the note is out of date
        await pilot.pause()
        assert "match" not in status.line().plain


async def test_the_overview_hints_follow_the_focus_and_an_empty_cell_stays():
    from textual.widgets import DataTable

    from tui.reader.screens.overview import OverviewScreen
    from tui.reader.widgets.keysbar import KeysBar

    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        grid = screen.query_one(DataTable)
        summary = screen.query_one("#overview")
        keys = screen.query_one(KeysBar)
        assert app.focused is grid
        assert summary.border_subtitle == "Tab: summary · Esc: back"
        assert "⏎ Show these quotes" in keys.render().plain
        await pilot.press("tab")
        assert app.focused is summary
        assert summary.border_subtitle == "Tab: grid · Esc: back"
        assert "Show these quotes" not in keys.render().plain
        await pilot.press("enter")  # nothing to show from the summary
        assert app.screen is screen
        await pilot.press("tab")
        assert app.focused is grid
        # Far right: the speakers' names stay in sight.
        for _ in range(len(screen.topics)):
            await pilot.press("right")
        await pilot.pause()
        assert grid.scroll_x > 0
        assert "Wang Yi" in "".join(s.text for s in grid.render_lines(grid.region.reset_offset))
        # An empty cell: said, and the overview stays.
        empty = next((r, c + 1) for r, s in enumerate(screen.speakers)
                     for c, t in enumerate(screen.topics) if not screen.counts.get((s.id, t.id)))
        grid.move_cursor(row=empty[0], column=empty[1])
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert any("has no quotes on" in str(n.message) for n in app._notifications)


async def test_palette_jumps_keep_the_other_filters_and_the_search(seed):
    choose = open_palette_and_choose

    wang = {i for i, q in enumerate(seed.quotes) if q.speaker.id == "wang-yi"}
    trade = {i for i, q in enumerate(seed.quotes) if any(t.id == "trade-economy" for t in q.topics)}
    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await choose(pilot, "Wang", "Speaker: Wang Yi")
        await choose(pilot, "topic trade", "Topic: Trade")
        screen = _reader(app)
        assert screen.view.speakers == {"wang-yi"}  # kept
        assert screen.in_view == sorted(wang & trade)
        await pilot.press("escape")  # the filters go
        await pilot.press("slash", *"china", "enter")
        await choose(pilot, "Rustam", "Speaker: Rustam Emomali")
        assert screen.view.speakers == {"rustam-emomali"} and screen.view.query == "china"
        assert screen.in_view == [i for i, q in enumerate(seed.quotes)
                                  if q.speaker.id == "rustam-emomali" and "china" in q.text.lower()]
        assert len(screen.in_view) >= 2
        await choose(pilot, "Wang", "Speaker: Wang Yi")  # in place of Rustam, not beside him
        assert screen.view.speakers == {"wang-yi"}
        # Nothing of Muhriddin's on "luban": the jump wins, the search goes, and it is said.
        await pilot.press("slash", *" luban", "enter")
        await choose(pilot, "Muhriddin", "Speaker: Sirojiddin Muhriddin")
        assert screen.view.query == "" and screen.view.speakers == {"sirojiddin-muhriddin"}
        assert any("were cleared" in str(n.message) for n in app._notifications)
        # A session narrows to its quotes, named in the status line; Esc Esc clears it.
        await pilot.press("escape", "escape")
        await choose(pilot, "session muhriddin", "Session: Talks with Foreign Minister")
        session = [i for i, q in enumerate(seed.quotes)
                   if q.session and q.session.id == "talks-muhriddin"]
        assert screen.in_view == session
        from tui.reader.widgets.statusline import StatusLine

        assert "session: Talks with Foreign Minister" in screen.query_one(StatusLine).line().plain
        await pilot.press("escape")
        await pilot.pause()
        assert len(screen.in_view) == 30


async def test_the_palette_holds_the_readers_commands_not_textuals_panels():
    from textual.command import CommandPalette

    from support.painted import until

    app = make_app([SEED], use_cache=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
        palette = app.screen
        options = palette.query_one("CommandList")
        await until(pilot, lambda: options.option_count > 5, what="the commands")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(p.startswith("Speaker: Wang Yi") for p in prompts)
        assert any("Theme" in p for p in prompts) and any("Quit" in p for p in prompts)
        for textual_own in ("Keys", "Maximize", "Screenshot"):
            assert not any(p.startswith(textual_own) for p in prompts), prompts
