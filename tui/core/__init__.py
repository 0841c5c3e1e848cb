"""The briefing as data: model, problems, sanitising, reading and validating a file, search,
catalog, view. Imports no Textual and nothing of `tui.store`, `tui.reader` or `tui.output`."""
