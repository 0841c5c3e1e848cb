"""Briefing text is data, never markup, links, actions or terminal controls, in any widget.

tests/data/hostile/markup.toml puts `[@click=app.quit]x[/]`, `[/]`, `[link=…]y[/link]`,
`[b]bold[/b]` and ESC/OSC/CSI/bidi controls in every string the reader shows. A tour of the
reader visits every widget (lists, detail with its source paragraph, header, status line,
search with highlights, help, overview and its grid, command palette, notifications from copy,
export and problems) and checks at each stop that

* the app is still running and on the expected screen,
* the markup shows literally on screen (so it was not parsed), with no link or click action
  attached to it,
* no painted segment holds a control character (the loader turned them into visible symbols:
  ESC shows as ␛, BEL as ␇, C1 and bidi controls as �),

and, with a driver that records everything Textual writes to the terminal, that none of the
fixture's control sequences reaches the terminal (the only OSC 52 written is the citation
that `c` copies, and it decodes to the cleaned text)."""

from __future__ import annotations

import base64
import re

import pytest
from textual.command import CommandPalette
from textual.drivers.headless_driver import HeadlessDriver
from textual.widgets import DataTable, Static

from tui.core.loader import load
from tui.core.model import Row
from tui.output import export
from tui.reader.app import make_app
from tui.reader.screens.help import HelpScreen
from tui.reader.screens.overview import OverviewScreen
from tui.reader.screens.reader import ReaderScreen
from tui.reader.widgets.detail import DetailPane
from tui.reader.widgets.quotes import QuotesList
from tui.reader.widgets.searchbar import SearchBar
from tui.reader.widgets.speakers import SpeakersList
from tui.reader.widgets.statusline import StatusLine
from tui.reader.widgets.topics import TopicsList

from support import DATA, HOSTILE, UNSAFE
from support.painted import marked_runs, painted, until

MARKUP = HOSTILE / "markup.toml"
CONTROLS = HOSTILE / "controls.toml"

CLICK = "[@click=app.quit]x[/]"
# Each piece of the payload, as it must show on screen: no spaces inside, so that wrapping
# never splits one. The controls show as Control Pictures or U+FFFD (tui.core.sanitize.clean).
SHOWN = [
    CLICK,
    "[/]",
    "[link=https://evil.example]y[/link]",
    "[b]bold[/b]",
    "\u241b]0;pwned\u2407",
    "\u241b]52;c;ZXZpbA==\u2407",
    "\u241b[31m",
]
# What a terminal would act on: C0 controls but newline and tab, DEL, C1, bidi controls.


# -- looking at the screen -------------------------------------------------------------------


def check_painted(app) -> str:
    """Every painted segment is free of controls and carries no link; return the text."""
    lines = []
    for strip in painted(app):
        for segment in strip:
            if segment.control:
                continue
            assert not UNSAFE.search(segment.text), repr(segment.text)
            style = segment.style
            if style is not None:
                assert not style.link, (segment.text, style.link)
                meta = style.meta or {}
                if any(mark in segment.text for mark in ("[@click", "evil.example", "[b]")):
                    assert "@click" not in meta, (segment.text, meta)
        lines.append(strip.text)
    return "\n".join(lines)


def assert_shows(text: str, pieces=SHOWN, where: str = "screen") -> None:
    for piece in pieces:
        assert piece in text, f"{piece!r} not shown literally on the {where}:\n{text}"


def reader(app) -> ReaderScreen:
    assert app.is_running
    assert isinstance(app.screen, ReaderScreen), app.screen
    return app.screen


async def click_on(pilot, text: str, needle: str = CLICK, region=None) -> bool:
    """Click the `x` of every literal `[@click=app.quit]x[/]` painted on screen (within
    `region` when given)."""
    clicked = False
    for y, line in enumerate(text.split("\n")):
        x = line.find(needle)
        if x >= 0 and (region is None or region.contains(x, y)):
            await pilot.click(offset=(x + needle.index("]x") + 1, y))
            clicked = True
    return clicked


# -- a driver that records what Textual writes -------------------------------------------------


class RecordingDriver(HeadlessDriver):
    """Headless input, but the app renders for a real terminal and every write is kept."""

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        self._app.terminal_output.append(data)

    def flush(self) -> None:
        pass


def recording_app(**kwargs):
    app = make_app(**kwargs)
    app.terminal_output = []
    app.driver_class = RecordingDriver
    return app


# -- the tour ----------------------------------------------------------------------------------


async def tour(pilot, briefing, tmp_path, monkeypatch) -> list[str]:
    """Visit every widget; check each stop; return the citations `c` copied."""
    app = pilot.app
    copied: list[str] = []
    real_copy = app.copy_to_clipboard

    def copy(text: str) -> None:
        copied.append(text)
        real_copy(text)  # still writes OSC 52 to the (recording) terminal

    monkeypatch.setattr(app, "copy_to_clipboard", copy)
    await pilot.pause()

    # 1. The reader: header, speakers, topics, quotes, detail with the source paragraph.
    screen = reader(app)
    text = check_painted(app)
    assert_shows(text, [CLICK])
    for prefix in ("Meeting ", "Mallory ", "Tricks "):
        assert prefix + CLICK in text
    detail = screen.query_one(DetailPane).content.plain
    # White space left out: the detail wraps its fields under their labels, long words too.
    unwrapped = "".join(detail.split())
    quote = briefing.quotes[0]
    for value in (quote.speaker.name, quote.speaker.role, quote.speaker.affiliation,
                  quote.text, quote.note, quote.session.title, quote.topics[0].title,
                  briefing.meeting.title, briefing.meeting.place, briefing.source.outlet,
                  briefing.source.paragraph(quote.paragraph)):
        assert "".join(value.split()) in unwrapped, value
    assert_shows(text, where="reader")
    # The excerpt, marked in the source paragraph, is still literal.
    assert "Mallory said [@click=app.quit]x[/] and" in detail
    # Clicking the would-be button: a click on a list's cursor row chooses it (a filter),
    # nothing more.
    assert await click_on(pilot, text)
    await pilot.pause()
    screen = reader(app)
    await pilot.press("escape", "escape")
    assert not screen.view.filtered

    # 2. Moving through every list, and the detail of the other quote.
    for pane in (SpeakersList, TopicsList, QuotesList, DetailPane):
        screen.set_focus(screen.query_one(pane))
        for key in ("j", "G", "k", "g", "end", "home"):
            await pilot.press(key)
            check_painted(app)
    assert not screen.view.filtered
    screen.set_focus(screen.query_one(QuotesList))
    await pilot.press("G")
    await pilot.pause()
    check_painted(app)
    assert "It will rain tomorrow [b]bold[/b]." in screen.query_one(
        DetailPane).content.plain

    # 3. Filters: the hostile speaker and topic, named in the status line.
    speakers = screen.query_one(SpeakersList)
    screen.set_focus(speakers)
    await pilot.press("g")
    while speakers.current().id != "mallory":
        await pilot.press("j")
    await pilot.press("enter")
    topics = screen.query_one(TopicsList)
    screen.set_focus(topics)
    await pilot.press("g")
    while topics.current().id != "tricks":
        await pilot.press("j")
    await pilot.press("enter")
    await pilot.pause()
    assert screen.view.speakers == {"mallory"} and screen.view.topics == {"tricks"}
    assert screen.in_view == [0]
    status = screen.query_one(StatusLine).line().plain
    status_shown = screen.query_one(StatusLine).render().plain
    assert f"speaker: Mallory {CLICK}" in status and f"topic: Tricks {CLICK}" in status
    text = check_painted(app)
    assert f"Mallory {CLICK}" in status_shown  # shortened to fit, still literal
    assert f"Mallory {CLICK}" in text
    assert "\u25cf Mallory " + CLICK in text  # the filter mark, and the name, literal
    await pilot.press("escape")
    assert screen.view.speakers == frozenset()

    # 4. Searching for the markup itself: found and highlighted, still literal.
    await pilot.press("slash", *CLICK, "enter")
    await pilot.pause()
    assert screen.query_one(SearchBar).value == CLICK
    assert screen.view.query == CLICK
    assert 0 in screen.in_view
    quotes = screen.query_one(QuotesList)
    lines = [quotes.render_line(y) for y in range(quotes.scrollable_content_region.height)]
    assert CLICK in marked_runs(lines)
    detail = screen.query_one(DetailPane)
    assert CLICK in marked_runs(detail.lines(detail.scrollable_content_region.width))
    text = check_painted(app)
    assert f"search: {CLICK}" in text
    assert await click_on(pilot, text)
    await pilot.pause()
    reader(app)
    screen.set_focus(screen.query_one(QuotesList))
    await pilot.press("escape", "escape")  # clear the search and any filter clicked
    await pilot.pause()
    assert not screen.view.filtered
    await pilot.press("slash", *"[link=", "enter")
    await pilot.pause()
    assert screen.in_view == [0, 1]  # both quotes are in the session named with it
    check_painted(app)
    await pilot.press("escape")

    # 5. Help.
    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen)
    check_painted(app)
    await pilot.press("escape")
    reader(app)

    # 6. Overview: summary, tags, sessions and participants, outcomes, source, bars, grid.
    await pilot.press("o")
    assert isinstance(app.screen, OverviewScreen)
    overview = app.screen.query_one("#overview-text", Static).content.plain
    for prefix in ("Meeting ", "Place ", "Summary ", "tag ", "Session ", "Outcome ",
                   "Outlet    Outlet ", "Headline  Headline ", "URL       https://example.org/ "):
        assert prefix + CLICK in overview, prefix
    assert "with Mallory " + CLICK in overview
    assert_shows(overview, where="overview")
    text = check_painted(app)
    assert "Meeting " + CLICK in text
    # (Only in the text: a click on a grid cell is meant to jump to its quotes.)
    assert await click_on(pilot, text, region=app.screen.query_one("#overview").region)
    await pilot.pause()
    assert isinstance(app.screen, OverviewScreen)
    grid = app.screen.query_one(DataTable)
    app.screen.set_focus(grid)
    text = check_painted(app)
    assert "Mallory " + CLICK[:6] in text  # the grid's row label, cut to fit
    speaker_row = [e.id for e in app.screen.speakers].index("mallory")
    topic_column = 1 + [e.id for e in app.screen.topics].index("tricks")
    grid.cursor_coordinate = (speaker_row, topic_column)
    await pilot.press("enter")
    await pilot.pause()
    screen = reader(app)
    assert screen.view.speakers == {"mallory"} and screen.view.topics == {"tricks"}
    await pilot.press("escape")

    # 7. The command palette, listing and then matching the hostile names.
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
    palette = app.screen
    await pilot.press(*"mallory")

    def first_is_mallory() -> bool:
        options = palette.query_one("CommandList")
        return options.option_count > 0 and "Speaker: Mallory" in str(
            options.get_option_at_index(0).prompt)

    await until(pilot, first_is_mallory, what="Mallory in the palette")
    text = check_painted(app)
    assert f"Speaker: Mallory {CLICK}" in text
    assert "[link=https://evil.example]y[/link]" in text
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ReaderScreen), what="the reader")
    screen = reader(app)
    assert screen.view.speakers == {"mallory"}
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
    palette = app.screen
    await pilot.press(*"session")
    await until(pilot, lambda: palette.query_one("CommandList").option_count > 0,
                what="sessions")
    text = check_painted(app)
    assert f"Session: Session {CLICK}" in text
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(app.screen, ReaderScreen), what="the reader")

    # 8. Notifications: copy, and export into a folder whose name is markup too.
    await pilot.press("escape", "escape")
    await pilot.press("g", "c")
    await pilot.pause()
    assert copied and copied[-1] == export.citation(Row(briefing, briefing.quotes[0]))
    assert CLICK in copied[-1]
    folder = tmp_path / "[@click=app.quit]x[" / "b]"  # the path reads ".../[@click=…]x[/b]"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    await pilot.press("e")
    await pilot.pause()
    exported = list(folder.glob("briefing-export-*.md"))
    assert len(exported) == 1
    markdown = exported[0].read_text(encoding="utf-8")
    assert not UNSAFE.search(markdown)
    assert "\\[@click=app.quit\\]x\\[/\\]" in markdown
    assert not re.search(r"(?<!\\)[\[\]]", markdown)  # every bracket escaped
    text = check_painted(app)
    assert "Citation sent to the clipboard" in text
    assert "Exported 2 quotes to" in text
    toast = "".join(line.strip(" ▌▐│") for line in text.split("\n"))
    assert "[@click=app.quit]x[/b]/briefing-export-" in toast  # literal in the toast
    reader(app)
    return copied


@pytest.fixture
def hostile():
    return load(MARKUP)


async def test_every_widget_shows_hostile_text_literally(hostile, tmp_path, monkeypatch):
    app = make_app(briefings=[hostile])
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await tour(pilot, hostile, tmp_path, monkeypatch)
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize("size", [(80, 24), (30, 8)])
async def test_hostile_text_at_small_sizes(hostile, size):
    async with make_app(briefings=[hostile]).run_test(size=size) as pilot:
        for key in ("tab", "enter", "tab", "enter", "tab", "tab", "j", "enter", "slash", "[",
                    "@", "enter", "o", "enter", "question_mark", "escape"):
            await pilot.press(key)
            await pilot.pause()
            assert pilot.app.is_running
            check_painted(pilot.app)


def _terminal_text(output: str) -> tuple[str, list[str]]:
    """`output` without Textual's own escape sequences, and the OSC 52 payloads."""
    clipboards = re.findall(r"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", output)
    rest = re.sub(r"\x1b\]52;c;[A-Za-z0-9+/=]*\x07", "", output)
    rest = re.sub(r"\x1b\]22;[a-z-]*\x07", "", rest)  # pointer shape
    rest = re.sub(r"\x1b\[[0-9;?<>=]*[A-Za-z@`]", "", rest)  # CSI: SGR, moves, modes
    return rest, clipboards


async def test_no_control_from_the_briefing_reaches_the_terminal(hostile, tmp_path,
                                                                 monkeypatch):
    app = recording_app(briefings=[hostile])
    async with app.run_test(headless=False, size=(160, 50), notifications=True) as pilot:
        assert not app.is_headless  # so Textual renders for the terminal
        copied = await tour(pilot, hostile, tmp_path, monkeypatch)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    output = "".join(app.terminal_output)
    assert len(output) > 10_000  # it did draw every stop
    assert CLICK in output  # the literal text went out as text
    assert "\u241b]0;pwned\u2407" in output
    # The fixture's sequences, raw, nowhere.
    for raw in ("\x1b]0;pwned", "pwned\x07", "\x1b]52;c;ZXZpbA==", "ZXZpbA==\x07",
                "\x1b[31m \x9b", "\x9b", "\u202e", "\x1b]8;;https://evil", "\x1b[2K"):
        assert raw not in output, repr(raw)
    rest, clipboards = _terminal_text(output)
    bad = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(rest)})
    assert not bad, f"control characters reached the terminal: {bad}"
    # OSC 52 was written for the copied citation only, and holds the cleaned text.
    decoded = [base64.b64decode(payload).decode("utf-8") for payload in clipboards]
    assert decoded == copied
    for text in decoded:
        assert not UNSAFE.search(text)
    # No hyperlink (OSC 8) was made of briefing text.
    assert "evil.example\x1b" not in output and "\x1b]8;" not in output


async def test_controls_fixture_in_a_recorded_terminal():
    """The older fixture, controls only: nothing raw reaches the terminal either."""
    briefing = load(CONTROLS)
    app = recording_app(briefings=[briefing])
    async with app.run_test(headless=False, size=(120, 40)) as pilot:
        for key in ("tab", "enter", "tab", "enter", "slash", *"quote", "enter", "enter",
                    "o", "escape", "question_mark", "escape"):
            await pilot.press(key)
        await pilot.pause()
        text = check_painted(pilot.app)
        assert "\u241b]0;title\u2407" in text
        assert pilot.app.is_running
    rest, clipboards = _terminal_text("".join(app.terminal_output))
    assert not clipboards
    assert not UNSAFE.search(rest)
    assert "\u241b]0;title\u2407" in rest


async def test_problems_with_markup_are_notified_literally(tmp_path, monkeypatch):
    """A broken briefing whose error message quotes markup: the toast shows it literally."""
    bad = tmp_path / "bad.toml"
    bad.write_text(
        (HOSTILE / "markup.toml").read_text(encoding="utf-8")
        .replace('speaker = "alice"', 'speaker = "[@click=app.quit]x"')
        .replace('text = "markup.txt"', 'text = "missing.txt"'),
        encoding="utf-8",
    )
    good = tmp_path / "good.toml"
    good.write_text((DATA / "good" / "nordic.toml").read_text(
        encoding="utf-8").replace('text = "source.txt"', ""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = make_app(files=[bad, good], use_cache=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        reader(app)
        text = check_painted(app).replace("\n", " ")
        assert "Problems in the briefings" in text
        assert "[@click=app.quit]x" in " ".join(text.split())
        assert await click_on(pilot, check_painted(app), "[@click=app.quit]x") or True
        await pilot.pause()
        assert app.is_running
        await pilot.press("q")
    assert app.return_code == 0
