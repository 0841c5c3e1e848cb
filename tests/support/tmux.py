"""A real terminal for the end-to-end tests: a detached tmux pane on a private server.

Each `Pane` starts its own tmux server on a unique `-L` socket, with a configuration file of
its own (not the user's), so it never touches another tmux server; `kill()` ends that server.
`capture(escapes=True)` gives each cell's attributes as SGR sequences, which `attributed`
reads back, so a test can check that a search highlight is bold and underlined."""

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

TMUX = shutil.which("tmux")
TIMEOUT = 15.0  # seconds to wait for the screen to show something; a slow CI needs room
WIDTH, HEIGHT = 100, 30

needs_tmux = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed: the end-to-end terminal tests need it"
)


class Pane:
    """One detached tmux session on a private server."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT, clipboard: bool = False) -> None:
        self.width, self.height = width, height
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
            if clipboard:  # OSC 52 from the program sets tmux's paste buffer
                out.write("set -s set-clipboard on\n")

    def start(self, cwd: Path, env: dict[str, str], command: str) -> None:
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        self.tmux("new-session", "-d", "-s", self.target, "-x", str(self.width), "-y", str(self.height),
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


# -- reading attributes back from `capture-pane -e` --------------------------------------

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
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
            sgr = SGR.match(line, position)
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
