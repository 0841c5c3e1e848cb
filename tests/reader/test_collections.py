"""No full (generation-2) garbage collection while the user types or moves: once the
reader has started, what it keeps is frozen and the full collection's threshold raised
(`tui.store.collector.hold_off_full`). Counted with `gc.callbacks`; no timing."""

from __future__ import annotations

import gc

import pytest

from tui.bench.synth import write_briefing
from tui.reader.app import make_app
from tui.store import collector

KEYS = ["slash", *"cooperation", "escape", "slash", *"tradesolar", "enter", *"j" * 10,
        "escape", "slash", *"relationship", "enter", *"k" * 5]


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


async def _full_collections_while_typing(app) -> list[int]:
    full: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(200):  # until the reader has started and held full collections off
            await pilot.pause(0.02)
            if app.reader is not None and gc.get_threshold()[2] >= collector.FULL_AFTER:
                break
        assert gc.get_threshold()[2] >= collector.FULL_AFTER
        gc.callbacks.append(count)
        try:
            for key in KEYS:
                await pilot.press(key)
            await pilot.pause()
        finally:
            gc.callbacks.remove(count)
    return full


async def test_typing_on_the_seed_starts_no_full_collection(seed, thresholds):
    gc.set_threshold(700, 10, 10)  # CPython's own, whatever ran before
    assert not await _full_collections_while_typing(make_app(briefings=[seed]))


async def test_typing_on_10k_quotes_starts_no_full_collection(tmp_path, thresholds, cache_folder):
    path = write_briefing(tmp_path / "b10k.toml", 10_000)
    gc.set_threshold(700, 10, 10)
    assert not await _full_collections_while_typing(make_app([path], use_cache=False))
