"""The source view (`s`): a briefing's whole source text, each paragraph with the speakers
quoted from it, for seeing at a glance what a briefing missed or misattributed. Enter lists
a paragraph's quotes; `u` goes to the next paragraph no quote covers."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from ...core.model import Briefing
from ...core.sanitize import one_line
from ...core.sourcemap import ParagraphMarks, paragraph_marks
from ...core.view import NO_HIGHLIGHT, Highlight
from ..widgets.keysbar import KeysBar
from ..widgets.sourcetext import SourceText


def quotes_text(marks: ParagraphMarks) -> Text:
    """The quotes and outcomes taken from one paragraph, as Rich Text (never markup)."""
    out = Text(f"Paragraph {marks.number}: ", style="bold", end="")
    if not marks.covered:
        out.append("no quote or outcome is taken from it.")
        return out
    count = len(marks.quotes)
    out.append(f"{count} quote{'s' if count != 1 else ''}"
               + (f", {len(marks.outcomes)} outcome(s)" if marks.outcomes else ""))
    for quote in marks.quotes:
        out.append("\n")
        out.append(one_line(quote.speaker.name), style="bold")
        out.append(f" ({quote.kind}): ")
        out.append(one_line(quote.text))
        if quote.note:
            out.append(f"  [note: {one_line(quote.note)}]", style="italic")
    for outcome in marks.outcomes:
        out.append("\n")
        out.append("Outcome: ", style="bold")
        out.append(one_line(outcome.text))
    return out


class SourceScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,s", "close", "Back"),
        Binding("u", "next_uncovered", "Next without quote"),
    ]
    AUTO_FOCUS = "#source-text"

    def __init__(self, briefing: Briefing, paragraph: int | None = None,
                 highlight: Highlight = NO_HIGHLIGHT) -> None:
        super().__init__()
        self.briefing = briefing
        self.marks = paragraph_marks(briefing)
        self.start_at = paragraph
        self.highlight = highlight
        self._listed: int | None = None  # the paragraph whose quotes are listed

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="source-title")
        yield SourceText(self.marks, self.highlight, id="source-text")
        yield Static(id="source-quotes")
        yield KeysBar(id="source-keys")

    def _title(self) -> Text:
        covered = sum(m.covered for m in self.marks)
        source = self.briefing.source
        name = source.text_path or "source text"
        return Text(f"{one_line(name)}: {len(self.marks)} paragraphs, {covered} with quotes or "
                    f"outcomes, {len(self.marks) - covered} without", no_wrap=True, end="")

    def on_mount(self) -> None:
        text = self.query_one(SourceText)
        text.border_title = one_line(self.briefing.meeting.title)
        if self.start_at is not None:
            text.go_to(self.start_at)

    def on_source_text_chosen(self, event: SourceText.Chosen) -> None:
        pane = self.query_one("#source-quotes", Static)
        shown = pane.has_class("-shown") and self._listed == event.marks.number
        pane.set_class(not shown, "-shown")
        self._listed = event.marks.number
        pane.update(quotes_text(event.marks))

    def action_next_uncovered(self) -> None:
        if not self.query_one(SourceText).next_uncovered():
            self.notify("No paragraph without a quote after this one.", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
