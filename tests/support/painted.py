"""What the reader paints, read back for the tests: strips and highlighted runs; and a wait
for a condition while the app runs."""

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
