"""The overview: summary, sessions, outcomes, source, and who spoke on what: bars of
quotes per speaker and per topic, and a speaker × topic grid from which Enter jumps to
those quotes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ...core.catalog import Catalog
from ...core.model import when_text
from ...core.sanitize import one_line
from ..widgets.grid import SpeakerTopicGrid
from ..widgets.keysbar import KeysBar

GRID_SPEAKERS, GRID_TOPICS = 40, 30  # the grid shows the most quoted of each


def bar(label: str, count: int, most: int, width: int = 30, label_width: int = 28) -> Text:
    filled = round(width * count / most) if most else 0
    label = one_line(label)
    if len(label) > label_width:
        label = label[: label_width - 1] + "…"
    out = Text(f"{label:<{label_width}} ")
    out.append("█" * filled, style="bold")
    out.append("·" * (width - filled), style="dim")
    out.append(f" {count}")
    return out


def overview_text(catalog: Catalog) -> Text:
    out = Text()

    def heading(text: str) -> None:
        out.append(f"\n{text}\n", style="bold underline")

    for briefing in catalog.briefings:
        meeting, source = briefing.meeting, briefing.source
        out.append(one_line(meeting.title), style="bold")
        out.append(f"\n{meeting.when}" + (f" · {meeting.place}" if meeting.place else "") + "\n")
        if meeting.summary:
            out.append("\n" + " ".join(meeting.summary.split()) + "\n")
        if meeting.tags:
            out.append("\nTags: ", style="bold")
            out.append(", ".join(meeting.tags) + "\n")
        if briefing.sessions:
            heading("Sessions")
            for session in briefing.sessions:
                out.append(f"• {one_line(session.title)}")
                if session.date is not None:
                    out.append(f"  {when_text(session.date)}", style="dim")
                count = sum(1 for q in briefing.quotes if q.session is session)
                out.append(f"  ({count} quotes)\n", style="dim")
                if session.participants:
                    names = ", ".join(one_line(p.name) for p in session.participants)
                    out.append(f"    with {names}\n", style="dim")
        if briefing.outcomes:
            heading("Outcomes")
            for outcome in briefing.outcomes:
                out.append(f"• {one_line(outcome.text)}")
                if outcome.paragraph is not None:
                    out.append(f"  ¶{outcome.paragraph}", style="dim")
                out.append("\n")
        heading("Source")
        facts = [
            ("Outlet", source.outlet), ("Headline", source.headline),
            ("Published", when_text(source.published)), ("URL", source.url),
            ("Text", source.text_path + ("" if source.paragraphs is not None or not source.text_path
                                         else " (not available)")),
        ]
        shown = [(k, v) for k, v in facts if v]
        if not shown:
            out.append("No source details.\n", style="dim")
        for key, value in shown:
            out.append(f"{key:<10}", style="bold")
            out.append(one_line(value) + "\n")
        out.append("\n")
    speakers = sorted(catalog.speakers.values(), key=lambda e: -e.count)
    topics = sorted(catalog.topics.values(), key=lambda e: -e.count)
    heading("Quotes per speaker")
    most = max((e.count for e in speakers), default=0)
    for entry in speakers[:50]:
        out.append_text(bar(entry.speaker.name, entry.count, most))
        out.append("\n")
    if topics:
        heading("Quotes per topic")
        most = max((e.count for e in topics), default=0)
        for entry in topics[:50]:
            out.append_text(bar(entry.topic.title, entry.count, most))
            out.append("\n")
    return out


class OverviewScreen(Screen[tuple[str | None, str | None] | None]):
    BINDINGS = [Binding("escape,o", "dismiss(None)", "Back")]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        speakers = sorted(catalog.speakers.values(), key=lambda e: -e.count)
        topics = sorted(catalog.topics.values(), key=lambda e: -e.count)
        self.speakers = speakers[:GRID_SPEAKERS]
        self.topics = topics[:GRID_TOPICS]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="overview"):
            yield Static(overview_text(self.catalog), id="overview-text")
        yield SpeakerTopicGrid(id="grid")
        yield KeysBar(id="keys")

    def on_mount(self) -> None:
        self.query_one("#overview").border_title = "Overview"
        self.query_one(DataTable).border_title = "Who spoke on what: Enter shows those quotes"
        grid = self.query_one(DataTable)
        grid.add_column(Text("Speaker \\ Topic"), key="speaker")
        for entry in self.topics:
            title = one_line(entry.topic.title)
            grid.add_column(Text(title if len(title) <= 14 else title[:13] + "…"), key=entry.id)
        counts: dict[tuple[str, str], int] = {}
        for row in self.catalog.rows:
            for topic in row.quote.topics:
                key = (row.quote.speaker.id, topic.id)
                counts[key] = counts.get(key, 0) + 1
        for entry in self.speakers:
            cells = [Text(one_line(entry.speaker.name), style="bold")]
            for topic in self.topics:
                count = counts.get((entry.id, topic.id), 0)
                cells.append(Text(str(count) if count else "·", justify="right",
                                  style="" if count else "dim"))
            grid.add_row(*cells, key=entry.id)
        self.counts = counts
        grid.focus()

    def on_descendant_focus(self) -> None:
        """The hint names the pane Tab goes to, not the one with the focus."""
        other = "summary" if isinstance(self.focused, DataTable) else "grid"
        self.query_one("#overview").border_subtitle = f"Tab: {other} · Esc: back"

    def action_jump(self) -> None:
        """Back to the reader with the quotes of the cell's speaker on its topic (the first
        column: on every topic); an empty cell says so and stays."""
        grid = self.query_one(DataTable)
        if not self.speakers:
            return
        row, column = grid.cursor_coordinate
        speaker = self.speakers[row] if row < len(self.speakers) else None
        topic = self.topics[column - 1] if 0 < column <= len(self.topics) else None
        if speaker is not None and topic is not None and not self.counts.get(
                (speaker.id, topic.id)):
            self.notify(f"{one_line(speaker.speaker.name)} has no quotes on "
                        f"{one_line(topic.topic.title)}.", severity="warning", markup=False)
            return
        self.dismiss((speaker.id if speaker else None, topic.id if topic else None))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        self.action_jump()
