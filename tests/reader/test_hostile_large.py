"""Huge and unusual text: a 1 MB quote, a 5,000-character word, wide CJK, emoji and
stacked combining marks render without breaking the layout, at every size."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from tui.reader.app import make_app
from tui.reader.screens.reader import ReaderScreen
from tui.reader.widgets.detail import DetailPane
from tui.reader.widgets.quotes import QuotesList

WORD = "Ω" * 5000


@pytest.fixture
def huge(tmp_path) -> Path:
    path = tmp_path / "huge.toml"
    path.write_text(f'''format = 1
[meeting]
title = "Huge {WORD}"
date = 2024-01-01
[speakers.a]
name = "王丽 😀 e\\u0301\\u0301\\u0301 {WORD}"
[[quotes]]
speaker = "a"
text = "{"x" * 1_000_000}"
[[quotes]]
speaker = "a"
text = "short 漢字漢字 😀😀 {WORD} end"
''', encoding="utf-8")
    return path


def _lines(widget, width: int) -> list[str]:
    return ["".join(s.text for s in widget.render_line(y)) for y in range(widget.size.height)]


@pytest.mark.parametrize("size", [(30, 8), (80, 24), (250, 80)])
async def test_huge_text_keeps_the_layout(huge, size):
    app = make_app([huge], use_cache=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        quotes = screen.query_one(QuotesList)
        width = quotes.scrollable_content_region.width
        for line in _lines(quotes, width):
            assert cell_len(line) <= width
        big = next(n for n, i in enumerate(quotes.indices)
                   if len(quotes.rows[i].quote.text) == 1_000_000)
        quotes.cursor = big
        await pilot.pause()
        body = screen.query_one(DetailPane).content.plain
        assert "more characters" in body and len(body) < 60_000
        await pilot.press("slash", "x", "x", "enter")
        await pilot.pause()
        assert screen.view.query == "xx" and len(screen.in_view) == 1
        for new in [(250, 80), (30, 8), size]:
            await pilot.resize_terminal(*new)
            await pilot.pause()
        assert screen.view.query == "xx" and app.is_running
        await pilot.press("escape", "j")
        await pilot.pause()
        assert app.is_running
