"""The overview's speaker × topic grid: a DataTable whose Enter is named in the keys bar,
with the speakers' names fixed at the left while the topics scroll."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class SpeakerTopicGrid(DataTable):
    """Enter posts `CellSelected`, as in any DataTable; here it also shows in the keys bar."""

    BINDINGS = [Binding("enter", "select_cursor", "Show these quotes")]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=True, fixed_columns=1, **kwargs)
