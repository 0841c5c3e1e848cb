"""Quotes as text for people and programs: plain text, Markdown, JSON, citations, Rich output,
safe file writing. Imports `tui.core` only; nothing of `tui.store`, `tui.reader` or Textual."""
