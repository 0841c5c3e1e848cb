"""Benchmark: `python -m tui.bench [--sizes 1000,10000,100000] [--out FILE]`.

Generates synthetic briefings and measures, each beside a bare `tomli.load` of the same file
and a bare Textual app's first paint in the same run: validation time, cold first paint (empty
cache), warm first paint (cached), keystroke-to-screen latency while typing queries, and the
reader's peak RSS. Paint and latency are measured through a real pseudo-terminal: the clock
stops when the expected text has been written to the terminal.
"""

from __future__ import annotations

import argparse
import fcntl
import gc
import os
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import tomli

from ..core.catalog import Catalog
from ..core.view import View
from ..store.loading import check_file as check
from .synth import write_briefing, write_library

COLUMNS, LINES = 160, 40
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>]")
BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("bare-app-ready")
Bare().run()
"""
#: A bare Textual app that redraws the whole screen on every key, as typing a search does to
#: the reader (every pane changes): four bordered panes of text, replaced per key. Its
#: key-to-screen latency is the floor under the reader's on this machine.
BARE_TYPING_APP = """
import random, string
from rich.text import Text
from textual.app import App
from textual.containers import Horizontal, Vertical
from textual.widgets import Static
rng = random.Random(1)
def page(tag, width, height):
    letters = string.ascii_lowercase + "     "
    rows = ["".join(rng.choice(letters) for _ in range(width)) for _ in range(height - 1)]
    return Text("\\n".join([tag] + rows))
PANES = (("a", 40, 17), ("b", 40, 17), ("c", 55, 36), ("d", 55, 36))
class Bare(App):
    CSS = "Static { border: round $accent; height: 1fr; width: 1fr; }"
    def compose(self):
        with Horizontal():
            with Vertical():
                yield Static(page("bare-typing-ready", 40, 17), id="a")
                yield Static(page("", 40, 17), id="b")
            yield Static(page("", 55, 36), id="c")
            yield Static(page("", 55, 36), id="d")
    def on_key(self, event):
        for name, width, height in PANES:
            self.query_one("#" + name, Static).update(page(f"typed-{event.character}-{name}", width, height))
Bare().run()
"""
PAINT_RUNS = 7  # of the bare app and of the seed briefing, in turns
ROUNDS = 3  # of parse, check, cold and warm paint for each size, in turns
WARM_RUNS = 5  # warm first paints of the library
QUERIES = ["cooperation", "@bjork", "#energy", "trade solar", '"climate water"']


class Terminal:
    """A program running in a pseudo-terminal, with its screen output as plain text."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.text = b""

    def wait_for(self, marker: str, timeout: float = 120.0, since: int = 0) -> float:
        """Seconds from now until `marker` shows in the output written after offset
        `since`; raises TimeoutError."""
        start = time.perf_counter()
        wanted = marker.encode()
        while True:
            if wanted in ANSI.sub(b"", self.text[since:]):
                return time.perf_counter() - start
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(marker)
            ready, _, _ = select.select([self.master], [], [], min(left, 0.05))
            if ready:
                try:
                    self.text += os.read(self.master, 1 << 16)
                except OSError:
                    raise TimeoutError(marker) from None

    def pump(self, seconds: float) -> None:
        """Read the output for `seconds` (a program whose output is not read stalls)."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    self.text += os.read(self.master, 1 << 16)
                except OSError:
                    return

    def type(self, keys: str) -> int:
        offset = len(self.text)
        os.write(self.master, keys.encode())
        return offset

    def peak_rss_mb(self) -> float:
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def close(self, timeout: float = 60) -> None:
        """Quit with Ctrl+Q (Textual's quit key, from any focus; the bare app has no `q`),
        reading the output meanwhile: a program whose output is not read blocks on its
        next write and never gets to exit (or to write its cache)."""
        try:
            os.write(self.master, b"\x11")
        except OSError:
            pass
        end = time.perf_counter() + timeout
        while self.process.poll() is None and time.perf_counter() < end:
            self.pump(0.05)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


def _briefing_command() -> list[str]:
    found = Path(sys.executable).parent / "briefing"
    return [str(found)] if found.exists() else [sys.executable, "-m", "tui"]


def first_paint(argv: list[str], marker: str, env: dict[str, str], cwd: Path) -> float:
    term = Terminal(argv, env, cwd)
    try:
        term.wait_for(marker)
        return time.perf_counter() - term.started
    finally:
        term.close()


def _timed(function, *args):
    gc.collect()
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def expected_counts(paths: list[Path], query: str) -> list[tuple[str, int]]:
    catalog = Catalog([b for b in (check(p)[0] for p in paths) if b is not None])
    out = []
    for end in range(1, len(query) + 1):
        prefix = query[:end]
        out.append((prefix, len(View().with_query(prefix).rows(catalog))))
    return out


def typing_latency(path: Path, env: dict[str, str], cwd: Path, total: int):
    """Latencies (s) of every keystroke while typing QUERIES, and the reader's peak RSS."""
    term = Terminal(_briefing_command() + [str(path)], env, cwd)
    files = sorted(path.rglob("*.toml")) if path.is_dir() else [path]
    latencies: list[float] = []
    try:
        term.wait_for(f"Quotes {total} of {total}")
        term.pump(1.5)  # a person's first keystroke comes later than this
        for query in QUERIES:
            term.type("/")
            for prefix, count in expected_counts(files, query):
                since = term.type(prefix[-1])
                shown = f"{count} of {total} quotes  search: {prefix.strip()}"
                if not prefix.strip():
                    shown = f"{count} of {total} quotes"
                latencies.append(term.wait_for(shown, timeout=30, since=since))
            term.type("\r")  # keep the results and leave the field
            term.pump(0.3)
            since = term.type("\x1b")  # clear the search
            term.wait_for(f"{total} of {total} quotes ", timeout=30, since=since)
            term.pump(0.3)  # a lone ESC must not merge with the next key into Alt+key
        return latencies, term.peak_rss_mb()
    finally:
        term.close()


def bare_typing(env: dict[str, str], cwd: Path) -> list[float]:
    """Latencies (s) of 30 keys in BARE_TYPING_APP, each until its last pane is drawn."""
    app = cwd / "bare_typing.py"
    app.write_text(BARE_TYPING_APP)
    term = Terminal([sys.executable, str(app)], env, cwd)
    latencies = []
    try:
        term.wait_for("bare-typing-ready")
        term.pump(1.5)
        for key in "abcdefghijklmnopqrstuvwxyz0123":
            since = term.type(key)
            latencies.append(term.wait_for(f"typed-{key}-d", timeout=30, since=since))
            term.pump(0.05)
    finally:
        term.close()
    return sorted(latencies)


def _spread(latencies: list[float]) -> str:
    """'median / p95 / max ms' of sorted latencies."""
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    return (f"{statistics.median(latencies) * 1000:.0f} / {p95 * 1000:.0f} / "
            f"{latencies[-1] * 1000:.0f} ms")


def run(sizes: list[int], folder: Path, library: tuple[int, int] | None = None) -> list[str]:
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
    env.pop("NO_COLOR", None)
    lines = [
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, terminal {COLUMNS}x{LINES}",
        "",
    ]
    bare_file = folder / "bare.py"
    bare_file.write_text(BARE_APP)
    # Taken in turns, so that both see the same moments of a shared machine.
    pairs = [(first_paint([sys.executable, str(bare_file)], "bare-app-ready", env, folder),
              first_paint(_briefing_command(), "Quotes 30 of 30", env, folder))
             for _ in range(PAINT_RUNS)]
    bares, seeds = [bare for bare, _ in pairs], [seed for _, seed in pairs]
    bare, seed = statistics.median(bares), statistics.median(seeds)
    lines += [
        f"bare Textual app, first paint:  {bare:.3f} s (median of {PAINT_RUNS}; fastest {min(bares):.3f} s)",
        f"seed briefing, first paint:     {seed:.3f} s (median of {PAINT_RUNS}; fastest {min(seeds):.3f} s)",
        f"seed / bare:                    {seed / bare:.2f}x by medians, "
        f"{min(seeds) / min(bares):.2f}x by fastest runs (target <= 1.5x)",
        "bare Textual app redrawing the screen per key: median / p95 / max "
        + _spread(bare_typing(env, folder)),
        "",
        f"tomli.load, check, cold and warm paint: medians of {ROUNDS} rounds taken in turns",
        "",
        "| quotes | MB | tomli.load | check | cold paint | warm paint "
        "| keystroke median / p95 / max | peak RSS |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        path = write_briefing(folder / f"b{size}.toml", size)
        megabytes = path.stat().st_size / 1e6
        cache = folder / f"cache-{size}"
        run_env = dict(env, BRIEFING_CACHE_DIR=str(cache))
        marker = f"Quotes {size} of {size}"
        argv = _briefing_command() + [str(path)]
        rounds = []
        # In turns, a few rounds, compared by medians: this machine's speed drifts by a
        # fifth from one minute to the next, and one parse against one paint showed it.
        for _ in range(ROUNDS):
            parse, _ = _timed(lambda p: tomli.loads(p.read_text("utf-8")), path)
            validate, _ = _timed(check, path)
            shutil.rmtree(cache, ignore_errors=True)
            cold = first_paint(argv, marker, run_env, folder)
            _wait_for_cache(cache)
            warm = first_paint(argv, marker, run_env, folder)
            rounds.append((parse, validate, cold, warm))
        parse, validate, cold, warm = (statistics.median(r[i] for r in rounds) for i in range(4))
        latencies, rss = typing_latency(path, run_env, folder, size)
        lines.append(
            f"| {size:,} | {megabytes:.1f} | {parse:.2f} s | {validate:.2f} s ({validate / parse:.2f}x) "
            f"| {cold:.2f} s ({cold / parse:.2f}x) | {warm:.2f} s ({warm / parse:.2f}x) "
            f"| {_spread(sorted(latencies))} | {rss:.0f} MB |"
        )
        print(lines[-1], flush=True)
    if library:
        lines += ["", _library_case(folder, env, *library)]
        print(lines[-1], flush=True)
    return lines


def _library_case(folder: Path, env: dict[str, str], count: int, each: int) -> str:
    """A folder of `count` briefings of `each` quotes: cold and warm first paint, typing."""
    library = write_library(folder / "library", count, each)
    total = count * each
    cache = folder / "cache-library"
    run_env = dict(env, BRIEFING_CACHE_DIR=str(cache))
    marker = f"Quotes {total} of {total}"
    argv = _briefing_command() + [str(library)]
    cold = first_paint(argv, marker, run_env, folder)
    _wait_for_cache(cache, expected=count + 1)  # each file's entry and the set's
    warms = sorted(first_paint(argv, marker, run_env, folder) for _ in range(WARM_RUNS))
    latencies, rss = typing_latency(library, run_env, folder, total)
    return (f"library of {count:,} briefings x {each} quotes: cold first paint {cold:.2f} s, "
            f"warm first paint {statistics.median(warms):.2f} s (median of {WARM_RUNS}; "
            f"{warms[0]:.2f} to {warms[-1]:.2f} s; target <= 2 s), keystroke median / p95 / max "
            f"{_spread(sorted(latencies))}, peak RSS {rss:.0f} MB")


def _wait_for_cache(folder: Path, timeout: float = 120, expected: int = 1) -> None:
    """The cold run writes its cache entries after painting; wait until they are complete."""
    end = time.time() + timeout
    while time.time() < end:
        if len(list(folder.glob("*.bin"))) >= expected and not list(folder.glob(".entry-*")):
            return
        time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tui.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="comma-separated quote counts (default: %(default)s)")
    parser.add_argument("--library", default="2000x50",
                        help="a library case, BRIEFINGSxQUOTES, or 'none' (default: %(default)s)")
    parser.add_argument("--out", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        library = None
        if args.library != "none":
            count, each = (int(n) for n in args.library.lower().split("x"))
            library = (count, each)
        lines = run(sizes, Path(folder), library)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
