"""SVG snapshots of the reader's key screens over the seed briefing, at 80×24 and 120×40.

The baselines live in tests/reader/__snapshots__/test_snapshots/. After an intended change
of the look, regenerate them with `pytest tests/reader/test_snapshots.py --snapshot-update`
and look at the new SVGs (or at snapshot_report.html, written when a comparison fails)
before keeping them."""

from __future__ import annotations

import pytest

from tui.core.loader import load
from tui.reader.app import make_app

from support import SEED

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def seed_app():
    return make_app(briefings=[load(SEED)])


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, size):
    assert snap_compare(seed_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_search_with_highlights(snap_compare, size):
    """`/trade` Enter: 5 of 30 quotes, "trade" marked in topics, quotes and the detail."""
    assert snap_compare(seed_app(), press=["slash", *"trade", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, size):
    assert snap_compare(seed_app(), press=["question_mark"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_overview(snap_compare, size):
    assert snap_compare(seed_app(), press=["o"], terminal_size=size)
