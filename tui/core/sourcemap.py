"""What a briefing says about each paragraph of its source text: the quotes taken from it
(with where their excerpts stand) and its outcomes, for the source view."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Briefing, Outcome, Quote
from .search import excerpt_span


@dataclass
class ParagraphMarks:
    number: int  # from 1
    text: str
    quotes: list[Quote] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    excerpts: list[tuple[int, int]] = field(default_factory=list)  # spans in `text`

    @property
    def speakers(self) -> list[str]:
        """The names of the speakers quoted from this paragraph, in order, once each."""
        names: list[str] = []
        for quote in self.quotes:
            if quote.speaker.name not in names:
                names.append(quote.speaker.name)
        return names

    @property
    def covered(self) -> bool:
        return bool(self.quotes or self.outcomes)


def paragraph_marks(briefing: Briefing) -> list[ParagraphMarks]:
    """One ParagraphMarks per paragraph of the source text ([] when there is none)."""
    paragraphs = briefing.source.paragraphs or ()
    marks = [ParagraphMarks(n, text) for n, text in enumerate(paragraphs, start=1)]
    for quote in briefing.quotes:
        if quote.paragraph is not None and 1 <= quote.paragraph <= len(marks):
            mark = marks[quote.paragraph - 1]
            mark.quotes.append(quote)
            span = excerpt_span(mark.text, quote.excerpt) if quote.excerpt else None
            if span is not None:
                mark.excerpts.append(span)
    for outcome in briefing.outcomes:
        if outcome.paragraph is not None and 1 <= outcome.paragraph <= len(marks):
            marks[outcome.paragraph - 1].outcomes.append(outcome)
    return marks
