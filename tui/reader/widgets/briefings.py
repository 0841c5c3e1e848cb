"""The Briefings pane of a library: "All briefings", then each meeting newest first with
date, title, place and number of quotes, then files that could not be opened."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.binding import Binding

from ...core.model import Briefing
from ...core.sanitize import one_line
from .entrylist import EntryList

ALL = ""  # the id of the "All briefings" entry


@dataclass(frozen=True)
class BriefingEntry:
    """One row of the Briefings pane."""

    id: str  # ALL, a Catalog.ranges key, or the path of a file that did not open
    briefing: Briefing | None = None
    label: str = ""
    status: str = ""  # "", "gone", or the first error of the file


def entries(briefings, problems: dict[str, str], gone: set[str]) -> list[BriefingEntry]:
    """`problems`: path → first error, for files with errors (valid or last-good or none)."""
    from ...core.catalog import briefing_key
    from ...core.model import when_key

    out = [BriefingEntry(ALL, label="All briefings")]
    shown = set()
    for briefing in sorted(briefings, key=lambda b: when_key(b.meeting.date), reverse=True):
        key = briefing_key(briefing)
        shown.add(key)
        status = "gone" if key in gone else problems.get(key, "")
        out.append(BriefingEntry(key, briefing, status=status))
    for path, error in sorted(problems.items()):
        if path not in shown:
            short = str(Path(*Path(path).parts[-2:]))  # folder/file.toml
            out.append(BriefingEntry(path, None, label=short, status=error))
    return out


class BriefingsList(EntryList):
    BINDINGS = [Binding("enter", "choose", "Show this briefing")]
    empty_text = "No briefings"

    def body(self, entry: BriefingEntry, match: Style, dim: Style, chosen: bool) -> Text:
        text = Text(style="bold" if chosen else "")
        if entry.briefing is None and entry.id != ALL:
            text.append("✗ ", style="bold")
            text.append(one_line(entry.label))
            text.append(f"  {one_line(entry.status)}", style=dim)
            return text
        if entry.id == ALL:
            text.append(entry.label)
            return text
        meeting = entry.briefing.meeting
        if entry.status == "gone":
            text.append("gone ", style="bold")
        elif entry.status:
            text.append("⚠ ", style="bold")
        text.append(meeting.when.split(" ")[0] + " ", style=dim)
        text.append(one_line(meeting.title))
        if meeting.place:
            text.append(f" · {one_line(meeting.place)}", style=dim)
        return text
