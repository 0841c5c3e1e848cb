"""Screens of the reader: the main reader screen, help and overview pushed over it, and the
loading screen shown in its place while large briefings load.
Part of `tui.reader`: may import `tui.core`, `tui.store`, `tui.output` and the reader's widgets."""
