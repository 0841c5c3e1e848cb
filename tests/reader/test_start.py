"""What the reader does once as it starts, before its first paint: each piece built once,
for the size it is drawn at. Counted, not timed (the bench times the first paint)."""

from __future__ import annotations

import pytest

from tui.reader.app import make_app
from tui.reader.widgets.detail import DetailPane

SIZE = (160, 40)


@pytest.mark.parametrize("size", [(80, 24), SIZE])
async def test_the_detail_pane_is_built_once_at_start_for_its_width(seed, monkeypatch, size):
    """Not first for no width at all (its text wrapped to one cell a line) and again after
    the first layout; and it scrolls over every line it draws, also where its scrollbar
    came after the first frame (at 80x24, below the quotes)."""
    widths: list[int] = []
    real = DetailPane.build

    def build(self, row, highlight, width=0):
        widths.append(width)
        return real(self, row, highlight, width)

    monkeypatch.setattr(DetailPane, "build", build)
    async with make_app(briefings=[seed]).run_test(size=size) as pilot:
        await pilot.pause()
        detail = pilot.app.screen.query_one(DetailPane)
        assert widths == [detail._text_width()] and widths[0] > 0
        assert seed.quotes[0].speaker.name in detail.content.plain
        assert detail.virtual_size.height == len(detail.lines(detail.scrollable_content_region.width))


async def test_the_first_frame_draws_the_selected_quote_in_the_detail_pane(seed, monkeypatch):
    """Built as it is first drawn, the text is there for the first frame, not a frame later."""
    drawn: list[str] = []
    real = DetailPane.render_line

    def render_line(self, y):
        strip = real(self, y)
        if not drawn:
            drawn.append("\n".join(s.text for s in self.lines(self.scrollable_content_region.width)))
        return strip

    monkeypatch.setattr(DetailPane, "render_line", render_line)
    async with make_app(briefings=[seed]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert seed.quotes[0].speaker.name in drawn[0]
        assert "Source, paragraph" in drawn[0]


async def test_the_collector_paused_for_the_start_is_on_again_after_the_first_paint(seed):
    """The CLI pauses it before importing the reader; the first paint's callback ends that."""
    import gc

    from tui.store import collector

    try:
        collector.pause_for_start()
        assert not gc.isenabled()
        app = make_app(briefings=[seed])
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert app.screen.query_one(DetailPane).content.plain
    finally:
        collector.resume_after_start()
        gc.enable()
