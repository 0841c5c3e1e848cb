"""Keys through a real terminal: key-to-screen latency of the reader and of the floor app
(`tui.bench.floor`), and the bytes the reader writes per key, locally and over `ssh -tt`."""

from __future__ import annotations

import re
import shlex
import statistics
import sys
import time
from pathlib import Path

from ..core.catalog import Catalog
from ..core.view import View
from ..store.loading import check_file as check
from . import sshd
from .terminal import NO_STATE, Terminal

QUERIES = ["cooperation", "@bjork", "#energy", "trade solar", '"climate water"']
#: Words typed on the seed for bytes per key: each key narrows the results or leaves them as
#: they were ("relatio" -> "relation").
SEED_WORDS = ["relation", "cooperation", "luban", "security", "development", "economic"]
#: The scripted session: open the seed, `/luban`, Enter, `c`, Esc Esc, ten `j`, `q`.
SESSION = ["/", *"luban", "\r", "c", "\x1b", "\x1b", *"j" * 10, "q"]
TRANSFERRED = re.compile(r"Transferred: sent (\d+), received (\d+) bytes")


def briefing_command() -> list[str]:
    found = Path(sys.executable).parent / "briefing"
    return [str(found)] if found.exists() else [sys.executable, "-m", "tui"]


def expected_counts(paths: list[Path], query: str) -> list[tuple[str, int]]:
    catalog = Catalog([b for b in (check(p)[0] for p in paths) if b is not None])
    out = []
    for end in range(1, len(query) + 1):
        prefix = query[:end]
        out.append((prefix, len(View().with_query(prefix).rows(catalog))))
    return out


def spread(latencies: list[float]) -> str:
    """'median / p95 / max ms' of latencies."""
    latencies = sorted(latencies)
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    return (f"{statistics.median(latencies) * 1000:.0f} / {p95 * 1000:.0f} / "
            f"{latencies[-1] * 1000:.0f} ms")


def _status(count: int, total: int, prefix: str) -> str:
    if not prefix.strip():
        return f"{count} of {total} quotes"
    return f"{count} of {total} quotes  search: {prefix.strip()}"


def typing_latency(path: Path, env: dict[str, str], cwd: Path, total: int,
                   size: tuple[int, int] | None = None, limit: int | None = None,
                   gap: float = 0.0):
    """Latencies (s) of the keystrokes while typing QUERIES (the first `limit` of them), each
    until the status line shows its count, and the reader's peak RSS. `gap`: seconds of
    reading the output after each key, before the next."""
    term = Terminal(briefing_command() + [str(path)], env, cwd, *([size] if size else []))
    files = sorted(path.rglob("*.toml")) if path.is_dir() else [path]
    latencies: list[float] = []
    try:
        term.wait_for(f"Quotes {total} of {total}")
        term.pump(1.5)  # a person's first keystroke comes later than this
        for query in QUERIES:
            if limit is not None and len(latencies) >= limit:
                break
            term.type("/")
            before = None
            for prefix, count in expected_counts(files, query):
                if limit is not None and len(latencies) >= limit:
                    break
                since = term.type(prefix[-1])
                shown = _status(count, total, prefix)
                # A key that leaves the status line as it was (a space typed after a word)
                # repaints only the field: then the clock stops when the field is drawn.
                marker = shown if shown != before else prefix.strip()
                latencies.append(term.wait_for(marker, timeout=30, since=since))
                before = shown
                term.pump(gap)
            term.type("\r")  # keep the results and leave the field
            term.pump(0.3)
            since = term.type("\x1b")  # clear the search
            term.wait_for(f"{total} of {total} quotes ", timeout=30, since=since)
            term.pump(0.3)  # a lone ESC must not merge with the next key into Alt+key
        return latencies, term.peak_rss_mb()
    finally:
        term.close()


def searching_in_process(path: Path, runs: int = 3) -> tuple[list[float], float]:
    """CPU time (s) of the view's search and faceted counts for each prefix of QUERIES typed
    one key at a time, a new catalog for each of `runs` runs (so nothing found in one run
    is known to the next); and the index's build (s, median)."""
    briefing, _ = check(path)
    times, builds = [], []
    for _ in range(runs):
        catalog = Catalog([briefing])
        start = time.thread_time()
        catalog.build_index()
        builds.append(time.thread_time() - start)
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                view = View().with_query(query[:end])
                start = time.thread_time()
                view.counts(catalog)
                times.append(time.thread_time() - start)
    return times, statistics.median(builds)


def floor_latency(env: dict[str, str], cwd: Path, size: tuple[int, int], keys: int = 40,
                  collect: bool = False, gap: float = 0.05) -> list[float]:
    """Latencies (s) of `keys` keys in the floor app, each until its last pane is drawn."""
    argv = [sys.executable, "-m", "tui.bench.floor"] + (["--collect"] if collect else [])
    term = Terminal(argv, env, cwd, size)
    typed = ("abcdefghijklmnopqrstuvwxyz0123456789" * 2)[:keys]
    latencies = []
    try:
        term.wait_for("floor-ready")
        term.pump(1.5)
        for key in typed:
            since = term.type(key)
            latencies.append(term.wait_for(f"typed-{key}-d", timeout=30, since=since))
            term.pump(gap)
    finally:
        term.close()
    return latencies


def _first_words(text: str, characters: int = 24) -> str:
    return " ".join(text.split())[:characters]


def moving_latency(path: Path, env: dict[str, str], cwd: Path, size: tuple[int, int],
                   keys: int = 40, gap: float = 0.05) -> tuple[list[float], list[int]]:
    """`j` and `k` in the quotes list, down and back: each key's latency until the newly
    selected quote's first words are drawn, and the bytes written for it."""
    briefing, _ = check(path)
    catalog = Catalog([briefing])
    texts = [_first_words(catalog.rows[i].quote.text) for i in View().rows(catalog)]
    total = len(texts)
    term = Terminal(briefing_command() + [str(path)], env, cwd, size)
    latencies, sizes, row = [], [], 0
    try:
        term.wait_for(f"Quotes {total} of {total}")
        term.pump(1.5)
        step = 1
        for _ in range(keys):
            if not 0 <= row + step < total:
                step = -step
            row += step
            since = term.type("j" if step > 0 else "k")
            latencies.append(term.wait_for(texts[row], timeout=30, since=since))
            term.settle(quiet=gap + 0.2)
            sizes.append(len(term.text) - since)
    finally:
        term.close()
    return latencies, sizes


def search_bytes(path: Path, env: dict[str, str], cwd: Path,
                 size: tuple[int, int]) -> tuple[list[int], list[int]]:
    """Bytes written per search key while typing SEED_WORDS (the first letter of each
    left out): for keys that left the results as they were, and for keys that changed them."""
    term = Terminal(briefing_command() + [str(path)], env, cwd, size)
    total = len(check(path)[0].quotes)
    same, changed = [], []
    try:
        term.wait_for(f"Quotes {total} of {total}")
        term.pump(1.5)
        for word in SEED_WORDS:
            term.type("/")
            term.settle()
            before = total
            for number, (prefix, count) in enumerate(expected_counts([path], word)):
                since = term.type(prefix[-1])
                term.wait_for(_status(count, total, prefix), timeout=30, since=since)
                term.settle()
                if number:
                    (same if count == before else changed).append(len(term.text) - since)
                before = count
            term.type("\x1b")
            term.settle()
            term.type("\x1b")
            term.wait_for(f"{total} of {total} quotes ", timeout=30, since=len(term.text))
            term.settle()
    finally:
        term.close()
    return same, changed


def ssh_session(server: sshd.Sshd, seed: Path, folder: Path, size: tuple[int, int],
                variables: dict[str, str]) -> tuple[int, int]:
    """The scripted SESSION over `ssh -tt` to `server`, with `variables` set for the reader:
    (bytes ssh received as its `-v` log counts them, bytes it wrote to its terminal)."""
    log = folder / "ssh.log"
    log.unlink(missing_ok=True)
    env = {"TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8",
           "LC_ALL": "C.UTF-8", "BRIEFING_CACHE_DIR": str(folder / "ssh-cache"),
           "BRIEFING_STATE_DIR": NO_STATE, **variables}
    exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    remote = (f"cd {shlex.quote(str(folder))} && env {exports} "
              f"{' '.join(shlex.quote(part) for part in briefing_command())} {shlex.quote(str(seed))}")
    term = Terminal(server.ssh_argv(log) + [remote], {"TERM": "xterm-256color",
                    "PATH": "/usr/bin:/bin"}, folder, size)
    try:
        term.wait_for("30 of 30 quotes", timeout=60)
        term.settle()
        for key in SESSION:
            term.type(key)
            term.settle()
        while term.process.poll() is None:
            term.pump(0.1)
    finally:
        term.close()
    found = TRANSFERRED.search(log.read_text(errors="replace"))
    if found is None:
        raise RuntimeError(f"ssh did not count its bytes: {log.read_text(errors='replace')[-400:]}")
    return int(found.group(2)), len(term.text)


SIZE = (120, 36)
SSH_RUNS = 3
#: The reader's environment in each SSH case. BRIEFING_SSH_DEFAULTS=0 keeps the reader from
#: choosing its own over SSH, so that each case is what it says.
SSH_CASES = [
    ("Textual's defaults (truecolor, 60 fps)", {"BRIEFING_SSH_DEFAULTS": "0"}),
    ("TEXTUAL_COLOR_SYSTEM=256", {"BRIEFING_SSH_DEFAULTS": "0", "TEXTUAL_COLOR_SYSTEM": "256"}),
    ("TEXTUAL_COLOR_SYSTEM=standard", {"BRIEFING_SSH_DEFAULTS": "0",
                                       "TEXTUAL_COLOR_SYSTEM": "standard"}),
    ("TEXTUAL_FPS=20", {"BRIEFING_SSH_DEFAULTS": "0", "TEXTUAL_FPS": "20"}),
    ("TEXTUAL_ANIMATIONS=none", {"BRIEFING_SSH_DEFAULTS": "0", "TEXTUAL_ANIMATIONS": "none"}),
    ("the reader's SSH defaults", {}),
]


def _kilobytes(values: list[int]) -> str:
    values = sorted(values)
    return (f"{statistics.median(values) / 1000:.1f} KB (median of {len(values)}; "
            f"{values[0] / 1000:.1f} to {values[-1] / 1000:.1f})")


def _ratio(reader: list[float], floor: list[float]) -> str:
    def p95(values: list[float]) -> float:
        values = sorted(values)
        return values[min(len(values) - 1, int(0.95 * len(values)))]

    return (f"{statistics.median(reader) / statistics.median(floor):.1f}x the floor by medians, "
            f"{p95(reader) / p95(floor):.1f}x by p95")


def section(folder: Path, env: dict[str, str], seed: Path, big: Path | None) -> list[str]:
    """Key-to-screen latency beside the floor, bytes per key, and the SSH session's bytes,
    at 120x36 in truecolor."""
    env = dict(env, COLUMNS=str(SIZE[0]), LINES=str(SIZE[1]), COLORTERM="truecolor",
               BRIEFING_CACHE_DIR=str(folder / "keys-cache"))
    env.pop("SSH_CONNECTION", None)  # measured here as on a local terminal
    lines = [f"Keys at {SIZE[0]}x{SIZE[1]}, truecolor; latency median / p95 / max of 40 keys", ""]

    def say(line: str) -> None:
        lines.append(line)
        print(line, flush=True)

    floor = floor_latency(env, folder, SIZE)
    collecting = floor_latency(env, folder, SIZE, collect=True)
    say(f"floor (4 line-API panes, every line per key, full collections held off): {spread(floor)}")
    say(f"the same, collector as CPython sets it: {spread(collecting)}")
    searching, _ = typing_latency(seed, env, folder, 30, SIZE, limit=40, gap=0.05)
    say(f"seed, search keys: {spread(searching)}; {_ratio(searching, floor)}")
    moving, moved = moving_latency(seed, env, folder, SIZE)
    say(f"seed, j/k in the quotes: {spread(moving)}; {_ratio(moving, floor)}")
    if big is not None:
        total = len(check(big)[0].quotes)
        searching, _ = typing_latency(big, env, folder, total, SIZE, limit=40, gap=0.05)
        say(f"{total:,} quotes, search keys: {spread(searching)}; {_ratio(searching, floor)}")
        found, build = searching_in_process(big)
        say(f"{total:,} quotes, search and counts in process (CPU time of {len(found)} keys, "
            f"3 runs): {spread(found)}; the index built in {build:.2f} s")
    same, changed = search_bytes(seed, env, folder, SIZE)
    say("")
    say(f"bytes per j/k in the quotes (seed): {_kilobytes(moved)}")
    say(f"bytes per search key, results unchanged: {_kilobytes(same)}")
    say(f"bytes per search key, results changed: {_kilobytes(changed)}")
    reason = sshd.available()
    if reason:
        say(f"SSH session: not measured ({reason})")
        return lines
    server = sshd.Sshd(folder / "sshd").start()
    try:
        say("")
        say("SSH session (open the seed, /luban, Enter, c, Esc Esc, ten j, q), bytes received "
            "as ssh -v counts them, and as written to its terminal:")
        for name, variables in SSH_CASES:
            runs = [ssh_session(server, seed, folder, SIZE, variables) for _ in range(SSH_RUNS)]
            say(f"- {name}: {_kilobytes([r[0] for r in runs])}; "
                f"terminal {_kilobytes([r[1] for r in runs])}")
    finally:
        server.stop()
    return lines
