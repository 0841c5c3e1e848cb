"""The reader's widgets, one per module, each with its own look in its DEFAULT_CSS (or its
base class's), and `marking`, which marks search matches for all of them.
Part of `tui.reader`: may import `tui.core` and `tui.output`; never a screen or the app."""
