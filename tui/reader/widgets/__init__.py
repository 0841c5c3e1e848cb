"""The reader's widgets, one per module, each with its own DEFAULT_CSS.
Part of `tui.reader`: may import `tui.core` and `tui.output`; never a screen or the app."""
