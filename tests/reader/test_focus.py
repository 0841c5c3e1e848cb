"""A new focus repaints the widgets whose looks it changes, not the screen (Textual's
Screen repaints every cell on a focus change): what the terminal shows after each key is
still what the screen draws, cell for cell."""

from __future__ import annotations

from textual._compositor import Compositor

from tui.reader.app import make_app
from tui.reader.widgets.searchbar import SearchBar

from support.painted import Shadow, cells, repainted

SIZE = (120, 36)


async def test_a_focus_change_repaints_what_it_changes_and_not_the_screen(seed, monkeypatch):
    shadow = Shadow().record(monkeypatch)
    full = []
    real_full = Compositor.render_full_update

    def render_full_update(compositor, *args, **kwargs):
        full.append(compositor)
        return real_full(compositor, *args, **kwargs)

    monkeypatch.setattr(Compositor, "render_full_update", render_full_update)
    async with make_app(briefings=[seed]).run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.screen.query_one(SearchBar).cursor_blink = False  # the same cells each look
        full.clear()
        # Into the field and out, a search kept, through the panes and back.
        for keys in (["slash"], list("trade"), ["enter"], ["tab"], ["tab"], ["slash"],
                     ["escape"], ["escape"], ["tab"], ["shift+tab"]):
            before = shadow.updates
            await pilot.press(*keys)
            await pilot.pause()
            assert shadow.updates > before, keys
            assert shadow.lines(*SIZE) == cells(repainted(pilot.app)), keys
        assert full == []
