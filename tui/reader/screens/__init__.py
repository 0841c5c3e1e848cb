"""Screens of the reader: the main reader screen, and help, overview and loading pushed over it.
Part of `tui.reader`: may import `tui.core`, `tui.store`, `tui.output` and the reader's widgets."""
