"""Shown while large briefings load: what is being read, and how far along."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from ..sanitize import clean


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

    def compose(self) -> ComposeResult:
        with Vertical(id="loading"):
            yield Static(id="loading-text")
            yield LoadingIndicator()

    def on_mount(self) -> None:
        self.progress(0, "")

    def on_loading_screen_progress(self, message: Progress) -> None:
        self.progress(message.done, message.name)

    def progress(self, done: int, name: str) -> None:
        """`done` of the files read so far; `name` the one being read now."""
        text = Text(f"Loading {self.total_bytes / 2**20:.1f} MB", style="bold")
        if self.files > 1:
            text.append(f" · file {done + 1} of {self.files}")
        if name:
            text.append(f"\n{clean(name)}", style="dim")
        self.query_one("#loading-text", Static).update(text)
