"""The floor under the reader's key-to-screen latency: the smallest Textual app that does a
search key's drawing with the best technique known here. Four bordered line-API panes
(`ScrollView.render_line`, Strips built from Segments) whose every visible line changes on
every key; what start-up built is frozen and full collections are held off as the reader
does (`tui.store.collector.hold_off_full`). With `--collect`, the collector is left as
CPython sets it, for comparison.

`python -m tui.bench.floor [--collect]`: prints `floor-ready`; after each key the first
line of the last pane reads `typed-KEY-d`."""

from __future__ import annotations

import random
import string
import sys

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..store import collector

POOL = 500  # random lines to draw from
STYLES = (Style(color="#d0d0d0"), Style(color="#e0c080", bold=True), Style(color="#80c0e0"))


class Pane(ScrollView):
    """Lines of text, drawn one line at a time; `show` replaces them all."""

    DEFAULT_CSS = "Pane { border: round $accent; height: 1fr; width: 1fr; }"

    def __init__(self, name: str, lines: list[str]) -> None:
        super().__init__(id=name)
        self.lines = lines

    def show(self, lines: list[str]) -> None:
        self.lines = lines
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y >= len(self.lines):
            return Strip.blank(width)
        text = self.lines[y][:width]
        return Strip([Segment(text, STYLES[y % len(STYLES)])], len(text)).extend_cell_length(width)


class Floor(App):
    def __init__(self, collect: bool) -> None:
        super().__init__()
        self.collect = collect
        rng = random.Random(1)
        letters = string.ascii_lowercase + "     "
        self.pool = ["".join(rng.choice(letters) for _ in range(80)) for _ in range(POOL)]
        self.rng = rng

    def page(self, tag: str) -> list[str]:
        return [tag] + self.rng.sample(self.pool, 40)

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical():
                yield Pane("a", self.page("floor-ready"))
                yield Pane("b", self.page(""))
            yield Pane("c", self.page(""))
            yield Pane("d", self.page(""))

    def on_mount(self) -> None:
        if not self.collect:
            self.call_after_refresh(collector.hold_off_full)

    def on_key(self, event) -> None:
        for pane in self.query(Pane):
            pane.show(self.page(f"typed-{event.character}-{pane.id}"))


if __name__ == "__main__":
    Floor(collect="--collect" in sys.argv[1:]).run()
