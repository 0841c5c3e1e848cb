"""Search matches marked in briefing text, for every pane that shows it."""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text

from ...core.search import spans

# How a match looks in every pane (the rowlist--match and detail--match component classes):
# in text styles as well as colour, so that it stays visible with NO_COLOR and on 16-colour
# terminals.
MATCH_CSS = "background: $warning 60%; text-style: bold underline;"


def marked(text: str, needles: Iterable[str], match: Style, base: Style | str = "") -> Text:
    """`text` as Rich Text (never parsed as markup) in `base`, with `match` over every
    place a needle is found."""
    out = Text(text, style=base, no_wrap=True, end="")
    for start, end in spans(text, needles):
        out.stylize(match, start, end)
    return out
