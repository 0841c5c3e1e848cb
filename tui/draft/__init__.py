"""The drafter: from a plain-text article to a draft briefing in format 1, by rules.
Pure Python; it may import tui.core only (no Textual, nothing of store, reader, output)."""

from .compose import Draft, draft

__all__ = ["Draft", "draft"]
