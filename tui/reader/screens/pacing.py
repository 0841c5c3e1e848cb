"""A screen that a focus change does not repaint whole (docs/performance.md, "Keys, bytes
and SSH")."""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class PacedScreen(Screen):
    """A Screen whose new focus repaints the widgets whose looks it changes (their styles,
    a list's cursor row, the keys bar), not the screen."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
