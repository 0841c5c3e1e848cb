"""Every key of the reader on one screen."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("Moving", [
        ("Tab / Shift+Tab", "next / previous pane (the search field is reached with /)"),
        ("↑ ↓  j k", "move in a list, scroll the quote"),
        ("g G  Home End", "first / last"),
        ("PgUp PgDn", "page up / down"),
        ("Enter", "on a speaker or topic: toggle it as a filter; on a quote: read it, at "
                  "its source paragraph"),
        ("mouse", "click to select, click again to choose; wheel scrolls"),
    ]),
    ("Finding", [
        ("/", "search as you type (Enter keeps the results, Esc leaves the field)"),
        ("  words", "every word must match, case and accents ignored"),
        ('  "a phrase"', "words in this order"),
        ("  a name", "a speaker's name: only what that speaker said"),
        ("  @word", "only speakers: name, alias, role"),
        ("  #word", "only topics: title, keywords"),
        ("  -word", "leave out what it matches (also -\"…\", -@…, -#…)"),
        ("  Ctrl+R", "in the field: older kept searches, then what you typed (kept between runs)"),
        ("  ↓ ↑ Ctrl+N/P", "in the field: next / previous result, typing goes on"),
        ("  Tab", "take the close name offered for a word that matches nothing"),
        ("n / N", "next / previous quote in the results; the status line says which, and wraps"),
        ("Esc", "clear the search, then the filters"),
    ]),
    ("Doing", [
        ("o", "overview: sessions, outcomes, who spoke on what"),
        ("s", "source view: the whole source text, each paragraph with its speakers; "
              "Enter lists its quotes, u goes to the next paragraph without one, Esc goes back"),
        ("c", "copy the quote as a citation (OSC 52 clipboard)"),
        ("z", "zoom the focused pane to the whole screen, and back (Esc also)"),
        ("v", "edit the briefing in $VISUAL / $EDITOR (else vi) at the quote's line; "
              "reloaded on return"),
        ("e", "export the quotes in view to a Markdown file here"),
        ("Ctrl+P", "palette (outside the search field): narrow to a speaker, topic or "
                   "session, keeping the rest; theme"),
        ("? / F1", "this help"),
        ("q", "quit"),
    ]),
]


def help_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for number, (section, rows) in enumerate(KEYS):
        if number:
            table.add_row("", "")
        table.add_row(Text(section, style="bold underline"), "")
        for key, meaning in rows:
            table.add_row(Text(key), Text(meaning))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close"),
        Binding("up,k", "scroll(-1)", "Up", show=False),
        Binding("down,j", "scroll(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("home,g", "ends(0)", "Top", show=False),
        Binding("end,G", "ends(1)", "Bottom", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_table())

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Keys"
        self.query_one("#help").border_subtitle = "Esc closes"

    def action_scroll(self, step: int) -> None:
        self.query_one("#help", VerticalScroll).scroll_relative(y=step, animate=False)

    def action_page(self, direction: int) -> None:
        help_ = self.query_one("#help", VerticalScroll)
        help_.scroll_relative(y=direction * max(1, help_.scrollable_content_region.height - 1),
                              animate=False)

    def action_ends(self, end: int) -> None:
        help_ = self.query_one("#help", VerticalScroll)
        (help_.scroll_end if end else help_.scroll_home)(animate=False)
