"""Briefings on disk: bundled paths, the cache of parsed briefings, loading for the reader, watching files.
Imports `tui.core` only; nothing of `tui.reader`, `tui.output` or Textual."""
