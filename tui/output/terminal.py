"""`briefing show` on a terminal: the plain layout, styled with Rich (no markup parsing)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from ..core.model import Row
from ..core.sanitize import one_line
from .export import facts, groups, heading, shown_text


def print_rows(rows: Sequence[Row], console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    for number, (briefing, group) in enumerate(groups(rows)):
        if number:
            console.print()
        console.print(Text(heading(briefing), style="bold underline"))
        for row in group:
            quote = row.quote
            console.print()
            who = Text(quote.speaker.name, style="bold")
            if quote.speaker.role:
                who.append(f", {quote.speaker.role}", style="dim")
            console.print(Padding(who, (0, 0, 0, 2)))
            console.print(Padding(Text(shown_text(quote)), (0, 0, 0, 4)))
            console.print(Padding(Text(" · ".join(facts(quote)), style="dim italic"), (0, 0, 0, 4)))
            if quote.note:
                console.print(Padding(Text(f"note: {one_line(quote.note)}", style="dim"), (0, 0, 0, 4)))
    console.print()
    console.print(Text(f"{len(rows)} quote{'s' if len(rows) != 1 else ''}", style="bold"))
