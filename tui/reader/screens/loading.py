"""Shown while large briefings load: how many files are read, which one now, and for how
long. Drawn four times a second, so that it takes next to nothing from the loading."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ...core.sanitize import clean

BAR = 30  # cells
SPINNER = "◐◓◑◒"
TICK_SECONDS = 0.25


class LoadingScreen(Screen):
    class Progress(Message):
        """Posted by the loading thread (posting is thread-safe and never waits)."""

        def __init__(self, done: int, name: str) -> None:
            super().__init__()
            self.done, self.name = done, name

    def __init__(self, total_bytes: int, files: int) -> None:
        super().__init__()
        self.total_bytes = total_bytes
        self.files = files
        self.done, self.reading = 0, ""
        self.started = time.monotonic()
        self.ticks = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="loading"):
            yield Static(id="loading-text")

    def on_mount(self) -> None:
        self.show()
        self.set_interval(TICK_SECONDS, self._tick)

    def _tick(self) -> None:
        self.ticks += 1
        self.show()

    def on_loading_screen_progress(self, message: Progress) -> None:
        self.progress(message.done, message.name)

    def progress(self, done: int, name: str) -> None:
        """`done` of the files read so far; `name` the one being read now (drawn at the
        next tick: each redraw takes the GIL from the loading thread)."""
        self.done, self.reading = done, name

    def show(self) -> None:
        spinner = SPINNER[self.ticks % len(SPINNER)]
        text = Text(f"{spinner} Loading {self.total_bytes / 2**20:.1f} MB", style="bold")
        if self.files > 1:
            text.append(f" in {self.files:,} files")
        filled = BAR * self.done // max(self.files, 1)
        text.append("\n")
        text.append("█" * filled, style="bold")
        text.append("░" * (BAR - filled), style="dim")
        text.append(f"  {self.done:,} of {self.files:,} · {time.monotonic() - self.started:.1f} s")
        if self.reading:
            text.append(f"\n{clean(self.reading)}", style="dim")
        self.query_one("#loading-text", Static).update(text)
