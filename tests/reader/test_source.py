"""The source view (`s`): every paragraph numbered with its speakers in the margin,
uncovered paragraphs set apart, Enter listing a paragraph's quotes, opened at the selected
quote's paragraph; and the paragraph marks it is drawn from."""

from __future__ import annotations

import dataclasses

from tui.core.sourcemap import paragraph_marks
from tui.reader.app import make_app
from tui.reader.screens.reader import ReaderScreen
from tui.reader.screens.source import SourceScreen
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.sourcetext import SourceText


def lines(widget: SourceText) -> list[str]:
    return ["".join(s.text for s in widget.render_line(y))
            for y in range(widget.scrollable_content_region.height)]


def test_marks_of_the_seed(seed):
    marks = paragraph_marks(seed)
    assert len(marks) == 31
    assert marks[5].speakers == ["Wang Yi"] and marks[5].excerpts
    assert marks[18].speakers == ["Rustam Emomali"]
    assert not marks[2].covered  # a caption
    assert marks[29].outcomes and marks[29].covered


async def test_s_opens_the_source_at_the_quotes_paragraph(seed):
    async with make_app(briefings=[seed]).run_test(size=(100, 40)) as pilot:
        await pilot.press("j", "j", "s")  # the third quote, from paragraph 7
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, SourceScreen)
        text = screen.query_one(SourceText)
        assert text.cursor == 6
        shown = "\n".join(lines(text))
        assert "   7 Wang Yi" in shown and "The two sides have always stood together" in shown
        await pilot.press("enter")
        await pilot.pause()
        listed = str(screen.query_one("#source-quotes").render())
        assert "Paragraph 7: 2 quotes" in listed and "China appreciates" in listed
        await pilot.press("u")  # the next paragraph without a quote: the heading, 13
        await pilot.pause()
        assert text.cursor == 12
        assert "· no quote" in "\n".join(lines(text))
        await pilot.press("g")
        await pilot.pause()
        assert lines(text)[0].startswith("   1 · no quote")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReaderScreen)
        assert pilot.app.focused is pilot.app.screen.query_one(QuotesList)


async def test_no_source_text_is_said(seed):
    bare = dataclasses.replace(seed, source=dataclasses.replace(seed.source, paragraphs=None))
    async with make_app(briefings=[bare]).run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReaderScreen)
        assert any("no source text" in n.message for n in pilot.app._notifications)


async def test_search_words_are_marked_in_the_source(seed):
    async with make_app(briefings=[seed]).run_test(size=(100, 40)) as pilot:
        await pilot.press("slash", *"vaccine", "enter", "s")
        await pilot.pause()
        text = pilot.app.screen.query_one(SourceText)
        strips = [text.render_line(y) for y in range(text.scrollable_content_region.height)]
        marked = [s.text for strip in strips for s in strip
                  if s.style and s.style.bold and s.style.underline]
        assert any("vaccine" in m.lower() for m in marked)


async def test_the_cursor_stays_on_a_paragraph(seed):
    async with make_app(briefings=[seed]).run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        text = pilot.app.screen.query_one(SourceText)
        last = len(text.marks) - 1
        text.cursor = last + 10
        assert text.cursor == last
        text.cursor = -3
        assert text.cursor == 0
        text.go_to(1000)
        assert text.cursor == last
        await pilot.press("j")
        assert text.cursor == last
        await pilot.press("g", "k")
        assert text.cursor == 0
        await pilot.press("G")
        assert text.cursor == last
