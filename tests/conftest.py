"""Fixtures shared by every kind of test: the bundled seed briefing and the Nordic fixture,
parsed once per run (the model is immutable), a private cache folder, and for every test a
state folder of its own (the theme, history and last quotes a reader remembers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.loader import load

from support import NORDIC, SEED


@pytest.fixture(scope="session")
def seed():
    """The bundled briefing of the China–Tajikistan meeting, as the loader reads it."""
    return load(SEED)


@pytest.fixture(scope="session")
def nordic():
    """A small briefing with every kind of key: tests/data/good/nordic.toml."""
    return load(NORDIC)


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    """A cache directory of the test's own, used by everything that caches."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def state_folder(tmp_path, monkeypatch) -> Path:
    """A state directory of the test's own: no test reads or writes the user's."""
    folder = tmp_path / "state"
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(folder))
    return folder
