"""Benchmark: `python -m tui.bench [--sizes 1000,10000,100000] [--keys] [--out FILE]`.

Generates synthetic briefings and measures, each beside a bare `tomli.load` of the same file
and a bare Textual app's first paint in the same run: validation time, cold first paint (empty
cache), warm first paint (cached), keystroke-to-screen latency while typing queries, and the
reader's peak RSS; then `keys.section`: keys at 120x36 beside the floor app, bytes per key and
an SSH session's bytes. Paint and latency are measured through a real pseudo-terminal: the
clock stops when the expected text has been written to the terminal.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import tomli

from ..store.loading import check_file as check
from ..store.paths import bundled_briefings
from . import keys
from .keys import briefing_command, spread, typing_latency
from .synth import write_briefing, write_library
from .terminal import COLUMNS, LINES, NO_STATE, Terminal

BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("bare-app-ready")
Bare().run()
"""
SEED_NAME = "2022-08-01-china-tajikistan.toml"  # the bundled briefing, 30 quotes
PAINT_RUNS = 7  # of the bare app and of the seed briefing, in turns
ROUNDS = 3  # of parse, check, cold and warm paint for each size, in turns
WARM_RUNS = 5  # warm first paints of the library


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


def _environment() -> dict[str, str]:
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES))
    env.pop("NO_COLOR", None)
    return env


def run(sizes: list[int], folder: Path, library: tuple[int, int] | None = None) -> list[str]:
    env = _environment()
    lines = [
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, terminal {COLUMNS}x{LINES}",
        "",
    ]
    bare_file = folder / "bare.py"
    bare_file.write_text(BARE_APP)
    # Taken in turns, so that both see the same moments of a shared machine.
    pairs = [(first_paint([sys.executable, str(bare_file)], "bare-app-ready", env, folder),
              first_paint(briefing_command(), "Quotes 30 of 30", env, folder))
             for _ in range(PAINT_RUNS)]
    bares, seeds = [bare for bare, _ in pairs], [seed for _, seed in pairs]
    bare, seed = statistics.median(bares), statistics.median(seeds)
    lines += [
        f"bare Textual app, first paint:  {bare:.3f} s (median of {PAINT_RUNS}; fastest {min(bares):.3f} s)",
        f"seed briefing, first paint:     {seed:.3f} s (median of {PAINT_RUNS}; fastest {min(seeds):.3f} s)",
        f"seed / bare:                    {seed / bare:.2f}x by medians, "
        f"{min(seeds) / min(bares):.2f}x by fastest runs (target <= 1.5x)",
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
        argv = briefing_command() + [str(path)]
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
            f"| {spread(latencies)} | {rss:.0f} MB |"
        )
        print(lines[-1], flush=True)
    if library:
        lines += ["", _library_case(folder, env, *library)]
        print(lines[-1], flush=True)
    big = folder / f"b{max(sizes)}.toml" if sizes else None
    lines += [""] + keys.section(folder, env, _seed(), big)
    return lines


def _seed() -> Path:
    (found,) = [p for p in bundled_briefings() if p.name == SEED_NAME]
    return found


def _library_case(folder: Path, env: dict[str, str], count: int, each: int) -> str:
    """A folder of `count` briefings of `each` quotes: cold and warm first paint, typing."""
    library = write_library(folder / "library", count, each)
    total = count * each
    cache = folder / "cache-library"
    run_env = dict(env, BRIEFING_CACHE_DIR=str(cache))
    marker = f"Quotes {total} of {total}"
    argv = briefing_command() + [str(library)]
    cold = first_paint(argv, marker, run_env, folder)
    _wait_for_cache(cache, expected=count)  # each file's entry
    warms = sorted(first_paint(argv, marker, run_env, folder) for _ in range(WARM_RUNS))
    latencies, rss = typing_latency(library, run_env, folder, total)
    return (f"library of {count:,} briefings x {each} quotes: cold first paint {cold:.2f} s, "
            f"warm first paint {statistics.median(warms):.2f} s (median of {WARM_RUNS}; "
            f"{warms[0]:.2f} to {warms[-1]:.2f} s; target <= 2 s), keystroke median / p95 / max "
            f"{spread(latencies)}, peak RSS {rss:.0f} MB")


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
    parser.add_argument("--keys", action="store_true",
                        help="only the keys at 120x36 (beside the floor app), bytes per key and "
                             "the SSH session, on the seed and the largest of --sizes")
    parser.add_argument("--out", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    # As pip does when it installs a wheel: the reader starts from byte code, not from
    # compiling its modules (which an editable checkout with PYTHONDONTWRITEBYTECODE would).
    compileall.compile_dir(Path(__file__).resolve().parents[1], quiet=1)
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
        os.environ["BRIEFING_STATE_DIR"] = NO_STATE  # the readers it starts remember nothing
        library = None
        if args.library != "none":
            count, each = (int(n) for n in args.library.lower().split("x"))
            library = (count, each)
        if args.keys:
            big = write_briefing(Path(folder) / "big.toml", max(sizes)) if sizes else None
            lines = keys.section(Path(folder), _environment(), _seed(), big)
        else:
            lines = run(sizes, Path(folder), library)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
