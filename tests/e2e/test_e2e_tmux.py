"""End to end: the installed `briefing` in a real terminal (a detached tmux pane).

Each test starts its own tmux server on a unique `-L` socket, with no configuration file, so
it never touches another tmux server, and kills that server when done. The pane runs
`briefing SEED; echo EXIT=$?; sleep 5` from a temporary working directory, with its own
cache directory. The tests read the screen with `capture-pane`; with `-e` tmux writes each
cell's attributes as SGR sequences, from which we rebuild the attributes of every
character and check that the search highlight is bold/underlined (or reversed), i.e. visible
without colour."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from support import SEED
from support.entry_point import entry_point

TMUX = shutil.which("tmux")
TIMEOUT = 15.0  # seconds to wait for the screen to show something; a slow CI needs room
WIDTH, HEIGHT = 100, 30

needs_tmux = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed: the end-to-end terminal tests need it"
)



class Pane:
    """One detached tmux session on a private server."""

    def __init__(self) -> None:
        self.socket = f"briefing-test-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.target = "reader"
        # The socket in a folder of our own (short: socket paths are limited to ~100 bytes),
        # removed with the server: tmux leaves its socket file behind after kill-server.
        self.folder = tempfile.mkdtemp(prefix="bt-")
        # The server's own environment: no outer TMUX, a UTF-8 locale.
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX")}
        self.env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", TMUX_TMPDIR=self.folder)
        # Our own configuration, not the user's: keep a pane whose command ended, so that
        # a failure shows what it printed rather than "no server running".
        self.config = os.path.join(self.folder, "tmux.conf")
        with open(self.config, "w", encoding="utf-8") as out:
            out.write("set -g remain-on-exit on\n")

    def start(self, cwd: Path, env: dict[str, str], command: str) -> None:
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        self.tmux("new-session", "-d", "-s", self.target, "-x", str(WIDTH), "-y", str(HEIGHT),
                  "-c", str(cwd), f"env {exports} {command}")

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [TMUX, "-u", "-L", self.socket, "-f", self.config, *args],
            env=self.env, capture_output=True, text=True, encoding="utf-8",
            errors="replace", timeout=30, stdin=subprocess.DEVNULL,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def capture(self, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.target)

    def send(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.target, *(["-l"] if literal else []), *keys)

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        end = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < end:
            screen = self.capture()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not show within {timeout} s; the screen:\n{screen}")

    def kill(self) -> None:
        try:
            self.tmux("kill-server", check=False)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


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


# -- reading attributes back from `capture-pane -e` --------------------------------------------

_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
_OTHER_ESCAPE = re.compile(r"\x1b(?:\[[0-9;:?]*[A-Za-z@`]|\][^\x07\x1b]*(?:\x07|\x1b\\)|.)")


def attributed(line: str) -> list[tuple[str, frozenset[str]]]:
    """The characters of a captured line, each with the attributes in force for it
    (bold, underline, reverse, ...)."""
    attributes: set[str] = set()
    out: list[tuple[str, frozenset[str]]] = []
    position = 0
    while position < len(line):
        char = line[position]
        if char == "\x1b":
            sgr = _SGR.match(line, position)
            if sgr:
                _apply_sgr(sgr.group(1), attributes)
                position = sgr.end()
                continue
            other = _OTHER_ESCAPE.match(line, position)
            position = other.end() if other else position + 1
            continue
        out.append((char, frozenset(attributes)))
        position += 1
    return out


_ON = {"1": "bold", "2": "dim", "3": "italic", "4": "underline", "7": "reverse", "9": "strike"}
_OFF = {"21": {"bold"}, "22": {"bold", "dim"}, "23": {"italic"}, "24": {"underline"},
        "27": {"reverse"}, "29": {"strike"}}


def _apply_sgr(parameters: str, attributes: set[str]) -> None:
    codes = parameters.split(";") if parameters else ["0"]
    index = 0
    while index < len(codes):
        code = codes[index]
        base = code.split(":")[0]
        if base in ("", "0"):
            attributes.clear()
        elif base == "4" and ":" in code:  # 4:0 no underline, 4:1..5 underline styles
            if code.split(":")[1] == "0":
                attributes.discard("underline")
            else:
                attributes.add("underline")
        elif base in _ON:
            attributes.add(_ON[base])
        elif base in _OFF:
            attributes.difference_update(_OFF[base])
        elif base in ("38", "48", "58") and ":" not in code:
            # Extended colours: skip their parameters (5;n or 2;r;g;b).
            if index + 1 < len(codes) and codes[index + 1] == "5":
                index += 2
            elif index + 1 < len(codes) and codes[index + 1] == "2":
                index += 4
        index += 1


def highlighted_words(screen: str, word: str, need: set[str]) -> list[str]:
    """Every occurrence of `word` (case-insensitive) on screen whose characters all carry
    every attribute of `need`, returned with their shared attributes."""
    found = []
    for line in screen.split("\n"):
        cells = attributed(line)
        text = "".join(char for char, _ in cells).lower()
        for match in re.finditer(re.escape(word.lower()), text):
            attrs = [cells[i][1] for i in range(match.start(), match.end())]
            common = frozenset.intersection(*attrs)
            if need <= common:
                found.append("".join(char for char, _ in cells[match.start():match.end()])
                             + " " + ",".join(sorted(common)))
    return found


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
    for parameters in _SGR.findall(screen):
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
