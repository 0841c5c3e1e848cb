"""What the reader paints, read back for the tests: strips and highlighted runs; a wait
for a condition while the app runs; a command run from the palette."""

from __future__ import annotations

import asyncio

from textual.strip import Strip


def painted(app, widget=None) -> list[Strip]:
    """The strips the compositor paints for the screen (after Textual's line filters, such as
    NO_COLOR's), cropped to `widget`'s region when given."""
    strips = app.screen._compositor.render_strips()
    if widget is None:
        return strips
    region = widget.region
    return [strip.crop(region.x, region.right) for strip in strips[region.y:region.bottom]]


def marked_runs(strips) -> list[str]:
    """Runs of text drawn both bold and underlined: the highlighted matches."""
    runs: list[str] = []
    for strip in strips:
        current = ""
        for segment in strip:
            style = segment.style
            if style is not None and style.bold and style.underline and not segment.control:
                current += segment.text
            elif current:
                runs.append(current)
                current = ""
        if current:
            runs.append(current)
    return runs


async def until(pilot, predicate, timeout: float = 10.0, what: str = "condition") -> None:
    """Let the app run until `predicate()` holds (searches and the palette run in workers)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


async def open_palette_and_choose(pilot, text: str, expect: str) -> None:
    """Open the command palette, type `text`, wait for `expect` to be the first command and
    run it."""
    from textual.command import CommandPalette

    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="palette")
    await pilot.press(*text)
    palette = pilot.app.screen

    def shown() -> bool:
        options = palette.query_one("CommandList")
        return options.option_count > 0 and expect in str(
            options.get_option_at_index(0).prompt)

    await until(pilot, shown, what=f"{expect!r} first in the palette")
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette),
                what="the palette to close")
    await pilot.pause()
