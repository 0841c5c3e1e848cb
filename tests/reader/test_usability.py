"""The reader as a demanding user finds it: mouse, status line, palette, overview focus."""

from __future__ import annotations

from support import SEED

from tui.reader.app import make_app
from tui.reader.screens.reader import ReaderScreen
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.speakers import SpeakersList
from tui.reader.widgets.topics import TopicsList


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
