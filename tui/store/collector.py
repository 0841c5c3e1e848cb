"""Python's cyclic garbage collector around loading. A briefing is millions of small objects
and no cycles: while they are built the collector would only walk them again and again,
and afterwards every full collection would walk them once more."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # blocks open, in any thread (the start-up pause counts as one)
_was_enabled = False
_starting = False  # the start-up pause is open


@contextmanager
def paused(keep: bool = False) -> Iterator[None]:
    """The collector off for the block (and for any block open in another thread); back
    as it was when the last block ends. With `keep`, what is alive at the end is moved out
    of the collector's sight (`gc.freeze`): what the block built is kept for the reader's
    life, and left in sight, the first allocation after the block would start a full
    collection over all of it."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            if keep:
                gc.freeze()
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def pause_for_start() -> None:
    """The collector off from here until `resume_after_start`, as for a `paused` block:
    while the reader imports Textual and builds and draws its first screen it makes tens
    of thousands of objects and few cycles, which young collections would walk again and
    again. The few cycles the imports leave are frozen with the loaded briefings; the
    others are collected by the first young collection after the first paint."""
    global _depth, _was_enabled, _starting
    with _lock:
        if _starting:
            return
        _starting = True
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1


def resume_after_start() -> None:
    """The end of `pause_for_start`'s pause (nothing when none is open)."""
    global _depth, _starting
    with _lock:
        if not _starting:
            return
        _starting = False
        _depth -= 1
        if _depth == 0 and _was_enabled:
            gc.enable()


#: Young collections that a full one waits for while the reader runs (CPython's is 10). The
#: young thresholds stay as they are: raised, each young collection measured longer.
FULL_AFTER = 1000


def hold_off_full() -> None:
    """Once what the reader keeps is built: freeze it, so that no collection walks it
    again, and raise the full collection's threshold, so that none comes while the user
    types (docs/performance.md has the measures)."""
    gc.freeze()
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, max(FULL_AFTER, full))
