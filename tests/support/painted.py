"""What the reader paints, read back for the tests: strips and highlighted runs; what a
terminal shows after the updates written to it; a wait for a condition while the app runs;
a command run from the palette."""

from __future__ import annotations

import asyncio

from rich.cells import get_character_cell_size
from rich.segment import ControlType
from textual._compositor import CompositorUpdate
from textual.app import App
from textual.strip import Strip


def painted(app, widget=None) -> list[Strip]:
    """The strips the compositor paints for the screen (after Textual's line filters, such as
    NO_COLOR's), cropped to `widget`'s region when given."""
    strips = app.screen._compositor.render_strips()
    if widget is None:
        return strips
    region = widget.region
    return [strip.crop(region.x, region.right) for strip in strips[region.y:region.bottom]]


Cell = tuple[str, str]  # a character and its style, as text


def cells(strips) -> list[list[Cell]]:
    """The cells of each line of `strips`."""
    return [_cells(strip) for strip in strips]


def _cells(segments) -> list[Cell]:
    out: list[Cell] = []
    for segment in segments:
        if segment.control:
            continue
        style = str(segment.style or "")  # what the terminal is told: no click actions
        for char in segment.text:
            size = get_character_cell_size(char)
            if size:
                out.append((char, style))
            if size == 2:
                out.append(("", style))  # the second cell of a wide character
    return out


class Shadow:
    """A terminal's screen as the updates the app writes leave it: each update's segments
    placed where its cursor moves put them, as a terminal would. `record` wraps every
    app's `_display` (a headless app renders its updates, and writes them nowhere)."""

    def __init__(self) -> None:
        self.screen: dict[tuple[int, int], Cell] = {}
        self.updates = 0

    def record(self, monkeypatch) -> Shadow:
        real = App._display

        def display(app, screen, renderable):
            if isinstance(renderable, CompositorUpdate):
                self.apply(app, renderable)
            return real(app, screen, renderable)

        monkeypatch.setattr(App, "_display", display)
        return self

    def apply(self, app, update: CompositorUpdate) -> None:
        self.updates += 1
        x = y = 0
        console = app.console
        for segment in update.__rich_console__(console, console.options):
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = control[1], control[2]
                continue
            if segment.text == "\n":
                continue
            for cell in _cells([segment]):
                self.screen[x, y] = cell
                x += 1

    def lines(self, width: int, height: int) -> list[list[Cell]]:
        return [[self.screen.get((x, y), (" ", "")) for x in range(width)]
                for y in range(height)]


def repainted(app) -> list[Strip]:
    """The strips the screen draws with every widget's lines drawn again, none from Textual's
    cache of lines: what a repaint of the whole screen would write."""
    for widget in app.screen.walk_children(with_self=True):
        widget._styles_cache.clear()
    return app.screen._compositor.render_strips()


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
