"""What the reader imports before its first paint, run as a user runs it (a pseudo-terminal,
the bundled seed, its cache warm): nothing the first paint does not use, and no garbage
collection before it."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.bench.terminal import Terminal

from support.entry_point import entry_point

#: Run as `briefing` with no PATH; at the frame that holds the quotes pane's title, whether
#: the garbage collector is on and the names of the modules imported so far are written to
#: the file named by argv[1].
AT_FIRST_PAINT = r"""
import os, re, sys
out = sys.argv.pop(1)
sys.argv = ["briefing"]
import textual.drivers.linux_driver as driver
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>]")
write = driver.LinuxDriver.write
def first_paint(self, data):
    write(self, data)
    if "Quotes 30 of 30" in ANSI.sub("", data):
        import gc
        with open(out, "w") as names:
            names.write(f"gc-enabled={gc.isenabled()}\n" + "\n".join(sorted(sys.modules)))
        os._exit(0)
driver.LinuxDriver.write = first_paint
from tui.cli import main
main()
"""

#: Modules of keys, commands and cases that a warm start of one briefing does not reach.
NOT_AT_START = (
    "tomli", "tui.core.loader", "tui.core.keylines",  # the cache answers
    "tui.output.export", "tui.output.writing", "tui.output.editor", "tui.output.terminal",
    "tui.draft", "tui.drafting", "tui.web", "tui.bench",
    "tui.reader.commands", "tui.reader.editing", "tui.reader.screens.help",
    "tui.reader.screens.overview", "tui.reader.screens.source", "tui.reader.screens.loading",
    "tui.reader.widgets.briefings",  # one briefing has no Briefings pane
    "json",  # with no state kept yet (a first run, or a state folder of its own)
)


def _environment(tmp_path: Path, state: str) -> dict[str, str]:
    return {"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
            "TERM": "xterm-256color", "HOME": str(tmp_path),
            "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
            "BRIEFING_STATE_DIR": str(tmp_path / state)}


def _at_first_paint(tmp_path: Path) -> tuple[bool, set[str]]:
    out = tmp_path / "modules.txt"
    term = Terminal([sys.executable, "-c", AT_FIRST_PAINT, str(out)],
                    _environment(tmp_path, "fresh-state"), tmp_path)
    try:
        term.wait_for("Quotes 30 of 30", timeout=60)
        term.process.wait(timeout=30)
    finally:
        term.close()
    first, *names = out.read_text().split()
    return first == "gc-enabled=True", set(names)


def test_a_warm_start_imports_only_what_its_first_paint_uses_the_collector_paused(tmp_path):
    warm = Terminal([entry_point()], _environment(tmp_path, "state"), tmp_path)
    try:
        warm.wait_for("Quotes 30 of 30", timeout=60)
    finally:
        warm.close()  # Ctrl+Q: the cache entry is written by then
    assert list((tmp_path / "cache").rglob("*.bin"))
    collecting, modules = _at_first_paint(tmp_path)
    assert "tui.reader.screens.reader" in modules
    imported = sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_AT_START))
    assert imported == []
    assert not collecting  # paused by the CLI until the first paint has been drawn
