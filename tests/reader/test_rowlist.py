"""RowList on its own, in a small app: the cursor stays within the rows whatever it is set
to, a move repaints only the rows it changes, and its messages name the list as their
`control`, so that handlers can pick a list by CSS selector with `@on`."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult

from tui.reader.widgets.rowlist import RowList


class Numbers(RowList):
    row_height = 2

    def render_row(self, index: int, width: int) -> list[Text]:
        return [Text(f"row {index}"), Text("its second line")]


class ListApp(App):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.chosen: list[tuple[str, int]] = []
        self.highlighted: list[int] = []

    def compose(self) -> ComposeResult:
        yield Numbers(id="numbers")
        yield Numbers(id="others")

    def on_mount(self) -> None:
        for rowlist in self.query(Numbers):
            rowlist.set_count(self.count)
        self.query_one("#numbers").focus()

    @on(RowList.Chosen, "#numbers")
    def numbers_chosen(self, event: RowList.Chosen) -> None:
        self.chosen.append(("numbers", event.index))

    @on(RowList.Chosen, "#others")
    def others_chosen(self, event: RowList.Chosen) -> None:
        self.chosen.append(("others", event.index))

    @on(RowList.Highlighted, "#numbers")
    def numbers_highlighted(self, event: RowList.Highlighted) -> None:
        self.highlighted.append(event.index)


async def test_the_cursor_is_kept_within_the_rows():
    app = ListApp(10)
    async with app.run_test(size=(40, 24)) as pilot:
        numbers = app.query_one("#numbers", Numbers)
        numbers.cursor = 99
        assert numbers.cursor == 9
        numbers.cursor = -5
        assert numbers.cursor == 0
        numbers.cursor = 7
        numbers.set_count(3)  # fewer rows than the cursor was on
        assert numbers.cursor == 2
        numbers.set_count(0)
        assert numbers.cursor == 0
        numbers.set_count(10, cursor=42)
        assert numbers.cursor == 9
        await pilot.press("down")
        assert numbers.cursor == 9
        await pilot.press(*["pageup"] * 10, "up")
        assert numbers.cursor == 0


async def test_a_move_repaints_only_the_rows_it_changes():
    app = ListApp(10)
    async with app.run_test(size=(40, 24)) as pilot:
        numbers = app.query_one("#numbers", Numbers)
        await pilot.pause()
        drawn: list[int] = []
        render_line = numbers.render_line

        def counting(y: int):
            drawn.append(y)
            return render_line(y)

        numbers.render_line = counting
        await pilot.press("down")
        await pilot.pause()
        assert numbers.cursor == 1
        assert sorted(drawn) == [0, 1, 2, 3]  # the two lines of row 0 and of row 1
        assert numbers.render_line(2).text.startswith("▌row 1")
        assert numbers.render_line(0).text.startswith(" row 0")


async def test_messages_name_their_list_for_selectors():
    app = ListApp(5)
    async with app.run_test(size=(40, 24)) as pilot:
        numbers = app.query_one("#numbers", Numbers)
        others = app.query_one("#others", Numbers)
        assert RowList.Chosen(numbers, 0).control is numbers
        assert RowList.Highlighted(others, 0).control is others
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.chosen == [("numbers", 1)]
        assert app.highlighted[-1] == 1
        others.focus()
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.chosen == [("numbers", 1), ("others", 4)]
        assert app.highlighted[-1] == 1  # the other list's moves are not this list's
