"""The bottom line: the keys that matter in the focused pane, drawn by one widget as one
line of text (where Textual's Footer has a widget per key). A click on a key presses it."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widget import Widget


class KeysBar(Widget):
    DEFAULT_CSS = """
    KeysBar {
        height: 1;
        padding: 0 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeysBar > .keysbar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeysBar > .keysbar--description {
        color: $footer-description-foreground;
    }
    KeysBar > .keysbar--disabled {
        color: $footer-description-foreground;
        text-style: dim;
    }
    """

    COMPONENT_CLASSES = {"keysbar--key", "keysbar--description", "keysbar--disabled"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._places: list[tuple[int, int, str, bool]] = []  # (start, end, key, enabled)
        self._shown: list[tuple[str, str, str, bool]] | None = None  # keys() when last drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        """Repaint only when the keys shown change (the reader refreshes its bindings on
        every search key)."""
        if self.keys() != self._shown:
            self.refresh()

    def keys(self) -> list[tuple[str, str, str, bool]]:
        """(key, key as shown, description, enabled) of each binding shown, one per action."""
        shown, seen = [], set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            shown.append((binding.key, self.app.get_key_display(binding), binding.description,
                          enabled))
        return shown

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keysbar--key")
        description_style = self.get_component_rich_style("keysbar--description")
        disabled = self.get_component_rich_style("keysbar--disabled")
        text = Text(no_wrap=True, end="")
        self._places = []
        self._shown = self.keys()
        for key, display, description, enabled in self._shown:
            start = text.cell_len
            text.append(display, key_style if enabled else disabled)
            text.append(f" {description}", description_style if enabled else disabled)
            self._places.append((start, text.cell_len, key, enabled))
            text.append("  ")
        text.rstrip()
        text.truncate(self.content_region.width, overflow="ellipsis")
        return text

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:  # on the padding
            return
        for start, end, key, enabled in self._places:
            if start <= offset.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
