"""End to end: the installed `briefing` in a real terminal (a detached tmux pane).

Each test starts its own tmux server (`support.tmux.Pane`: a unique `-L` socket and a
configuration of its own), and kills that server when done. The pane runs
`briefing SEED; echo EXIT=$?; sleep 5` from a temporary working directory, with its own
cache directory. The tests read the screen with `capture-pane`; with `-e` tmux writes each
cell's attributes as SGR sequences, from which we rebuild the attributes of every
character and check that the search highlight is bold/underlined (or reversed), i.e. visible
without colour."""

from __future__ import annotations

import shlex
import time

import pytest

from support import SEED
from support.entry_point import entry_point
from support.tmux import SGR, TIMEOUT, Pane, attributed, highlighted_words, needs_tmux


@pytest.fixture
def open_pane(tmp_path):
    panes: list[Pane] = []

    def start(**env: str) -> Pane:
        cwd = tmp_path / "cwd"
        cwd.mkdir(exist_ok=True)
        env.setdefault("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
        command = (f"{shlex.quote(entry_point())} {shlex.quote(str(SEED))}; "
                   "echo EXIT=$?; sleep 5")
        pane = Pane()
        panes.append(pane)  # first: killed and removed even if it fails to start
        pane.start(cwd, env, command)
        return pane

    try:
        yield start
    finally:
        for pane in panes:
            pane.kill()


def test_attribute_parser():
    line = "a\x1b[1mb\x1b[4mc\x1b[22md\x1b[0me\x1b[38;2;1;2;3;7mf\x1b[27;4:3mg\x1b[m h"
    assert attributed(line) == [
        ("a", frozenset()), ("b", frozenset({"bold"})), ("c", frozenset({"bold", "underline"})),
        ("d", frozenset({"underline"})), ("e", frozenset()), ("f", frozenset({"reverse"})),
        ("g", frozenset({"underline"})), (" ", frozenset()), ("h", frozenset()),
    ]


# -- the tests ---------------------------------------------------------------------------------


def chromatic_colours(screen: str) -> set[str]:
    """SGR colour codes with a hue (red … cyan, 256-colour cube, true colour not grey)."""
    found = set()
    for parameters in SGR.findall(screen):
        codes = parameters.replace(":", ";").split(";")
        index = 0
        while index < len(codes):
            code = codes[index]
            if code.isdigit() and int(code) in {*range(31, 37), *range(41, 47),
                                                *range(91, 97), *range(101, 107)}:
                found.add(code)
            elif code in ("38", "48") and index + 1 < len(codes):
                if codes[index + 1] == "5" and index + 2 < len(codes):
                    number = int(codes[index + 2] or 0)
                    if 16 <= number <= 231 and len({(number - 16) // 36, (number - 16) // 6 % 6,
                                                     (number - 16) % 6}) > 1:
                        found.add(f"{code};5;{number}")
                    elif 1 <= number <= 6 or 9 <= number <= 14:
                        found.add(f"{code};5;{number}")
                    index += 2
                elif codes[index + 1] == "2" and index + 4 < len(codes):
                    rgb = codes[index + 2:index + 5]
                    if len(set(rgb)) > 1:
                        found.add(f"{code};2;{';'.join(rgb)}")
                    index += 4
            index += 1
    return found


def _search_trade_and_quit(pane: Pane) -> str:
    # A match is drawn bold *and* underlined: nothing else is both (the cursor row is bold,
    # the source excerpt italic and underlined), so this finds only highlights.
    need = {"bold", "underline"}
    screen = pane.wait_for("Quotes")
    assert "30 of 30 quotes" in pane.wait_for("30 of 30 quotes")
    assert "China, Tajikistan" in screen
    pane.send("/")
    pane.send("trade", literal=True)
    pane.send("Enter")
    pane.wait_for("5 of 30")
    marked = []
    end = time.monotonic() + TIMEOUT
    while time.monotonic() < end and not marked:  # the highlight is drawn with the count
        colored = pane.capture(escapes=True)
        marked = highlighted_words(colored, "trade", need)
        time.sleep(0.1)
    assert marked, f"'trade' is not shown {need} anywhere on screen:\n{pane.capture()}"
    # Both in the list of quotes and in the detail (and "Trade" in the topics).
    assert len(marked) >= 3, marked
    # A word that is not searched for is not drawn so.
    assert not highlighted_words(colored, "china", need), colored
    # The plain text is still right after the escapes are read away.
    assert "Quotes 5 of 30" in "\n".join(
        "".join(c for c, _ in attributed(line)) for line in colored.split("\n"))
    pane.send("q")
    screen = pane.wait_for("EXIT=")
    assert "EXIT=0" in screen, screen
    return colored


@needs_tmux
def test_search_highlight_in_a_real_terminal(open_pane):
    pane = open_pane(TERM="xterm-256color")
    colored = _search_trade_and_quit(pane)
    assert chromatic_colours(colored)  # in colour here: the reader above does see colours


@needs_tmux
def test_highlight_without_colour(open_pane):
    """NO_COLOR on a Linux console: the match must still stand out by its attributes."""
    pane = open_pane(TERM="linux", NO_COLOR="1")
    colored = _search_trade_and_quit(pane)
    assert not chromatic_colours(colored)  # greys at most


def test_chromatic_colour_reader():
    assert chromatic_colours("\x1b[1;31mx\x1b[38;5;214my\x1b[48;2;1;2;3mz") == {
        "31", "38;5;214", "48;2;1;2;3"}
    assert not chromatic_colours("\x1b[30;47mx\x1b[90;100my\x1b[38;5;244;48;2;9;9;9mz\x1b[0m")



@needs_tmux
@pytest.mark.parametrize("term", ["screen-256color", "vt100"])
def test_search_highlight_across_terminals(open_pane, term):
    """tmux's own TERM and a bare vt100: the search highlight still shows by attributes."""
    _search_trade_and_quit(open_pane(TERM=term))


def _cursor_row(screen: str) -> list[str]:
    """The quotes pane's cursor row as drawn: the line with the focused cursor's ▌ and the
    line under it."""
    lines = screen.split("\n")
    found = [i for i, line in enumerate(lines) if "│▌" in line]
    assert len(found) == 1, screen
    return lines[found[0]:found[0] + 2]


@needs_tmux
def test_the_selected_quote_stays_in_sight_after_a_search_is_cleared(open_pane):
    """`/solar`, Enter, `j`, Esc: all 30 quotes again, the cursor row on screen on the same
    quote (¶16, "More Chinese enterprises…"), and `j` goes to the one after it."""
    pane = open_pane(TERM="xterm-256color")
    pane.wait_for("30 of 30 quotes")
    pane.send("/")
    pane.send("solar", literal=True)
    pane.send("Enter")
    pane.wait_for("3 of 30")
    pane.send("j")
    end = time.monotonic() + TIMEOUT
    while "solar energy cooperation" not in "".join(_cursor_row(pane.capture())):
        assert time.monotonic() < end, pane.capture()
        time.sleep(0.1)
    pane.send("Escape")
    screen = pane.wait_for("30 of 30 quotes")
    time.sleep(0.3)  # the frame after the count
    top, words = _cursor_row(pane.capture())
    assert "¶16" in top and "More Chinese enterprises" in words, screen
    pane.send("j")
    time.sleep(0.5)
    top, words = _cursor_row(pane.capture())
    assert "¶17" in top and "people-to-people" in words, pane.capture()
    pane.send("q")
    assert "EXIT=0" in pane.wait_for("EXIT=")
