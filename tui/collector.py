"""Python's cyclic garbage collector around loading. A briefing is millions of small objects
and no cycles: while they are built the collector would only walk them again and again,
and afterwards every full collection would walk them once more."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block (nested blocks leave it as they found it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def settle() -> None:
    """Put everything alive now out of the collector's sight: the loaded briefings are
    kept until the reader closes, so walking them later would find nothing to free."""
    gc.freeze()
