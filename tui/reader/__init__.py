"""The reader: the Textual app (`make_app`), its commands, screens, widgets and styles.
Imports `tui.core`, `tui.store` and `tui.output`; nothing imports it but the CLI."""
