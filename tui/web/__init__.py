"""The reader in a browser: a textual-serve server that runs `briefing PATH...` per tab behind
a token. May import tui.core and tui.store only (not tui.reader: it runs as a command)."""
