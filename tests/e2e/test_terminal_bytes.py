"""What the real `briefing` writes to a terminal, and to files, for hostile briefings:
control sequences from the briefing must never be among those bytes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui.bench.terminal import Terminal
from tui.core.loader import load

from support import HOSTILE, UNSAFE
from support.entry_point import entry_point

OSC = re.compile(rb"\x1b\]([^\x07\x1b]*)(?:\x07|\x1b\\)")



@pytest.fixture
def session(tmp_path):
    opened = []

    def start(name: str) -> Terminal:
        env = {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
               "TERM": "xterm-256color", "HOME": str(tmp_path),
               "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
        term = Terminal([entry_point(), str(HOSTILE / name)], env, tmp_path)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


def _visit_everything(term: Terminal, name: str) -> None:
    """Every pane, the detail, overview, help, palette, a search and an export of every quote
    (Esc twice clears the search and the filter chosen before it)."""
    count = len(load(HOSTILE / name).quotes)
    term.wait_for(f"Quotes {count} of {count}", timeout=60)
    for keys in ["\t", "j", "\t", "j", "\t", "\r", "\t", "o", "\x1b", "?", "\x1b",
                 "\x10", "Mall", "\x1b", "/", "\x15", "quote", "\r", "\x1b", "\x1b", "e"]:
        term.type(keys)
        term.pump(0.4)
    term.wait_for("Exported", timeout=30)
    term.pump(0.5)


@pytest.mark.parametrize("name", ["controls.toml", "markup.toml"])
def test_no_control_sequence_from_the_briefing_reaches_the_terminal(session, tmp_path, name):
    term = session(name)
    _visit_everything(term, name)
    output = term.text
    for body in OSC.findall(output):
        assert b"title" not in body and b"evil" not in body and b"pwned" not in body, body
    text = output.decode("utf-8", "replace")
    for char in ("\u009b", "\u202e", "\u2066", "\u0085"):
        assert char not in text
    assert term.process.poll() is None, "the reader is still running"
    if name == "controls.toml":
        assert "␛" in text  # the controls are shown, visibly
    exports = list(tmp_path.glob("briefing-export-*.md"))
    assert len(exports) == 1
    assert not UNSAFE.search(exports[0].read_text(encoding="utf-8").replace("\n", ""))


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("name", ["controls.toml", "markup.toml"])
def test_show_output_holds_no_control_character(fmt, name):
    done = subprocess.run([entry_point(), "show", str(HOSTILE / name), "--format", fmt],
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("utf-8")
    assert out.strip()
    assert not UNSAFE.search(out.replace("\n", ""))
