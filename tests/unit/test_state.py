"""The reader's state between runs: tui/store/state.py."""

from __future__ import annotations

import json
import os

import pytest

from tui.store import state as state_module
from tui.store.state import FILE, HISTORY_LIMIT, State, briefing_key, state_dir


def test_the_state_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "s"))
    assert state_dir() == tmp_path / "s"


def test_a_missing_file_is_an_empty_state(tmp_path):
    state = State.load(tmp_path / "none")
    assert (state.theme, state.history, state.quotes, state.damaged) == (None, [], {}, False)


def test_what_is_saved_comes_back(tmp_path):
    state = State.load(tmp_path)
    state.theme = "nord"
    state.remember_search("trade")
    state.remember_quote("/a.toml", 3, "We agree.")
    assert state.save()
    again = State.load(tmp_path)
    assert again.theme == "nord"
    assert again.history == ["trade"]
    assert again.last_quote("/a.toml") == (3, "We agree.")
    assert [p.name for p in tmp_path.iterdir()] == [FILE]  # no temporary file left


def test_the_history_has_no_blank_and_no_repeat_in_a_row_and_is_bounded(tmp_path):
    state = State(tmp_path)
    for query in ["a", "a", "  ", "b", "a", " b  c "]:
        state.remember_search(query)
    assert state.history == ["a", "b", "a", "b c"]
    for number in range(HISTORY_LIMIT + 10):
        state.remember_search(f"q{number}")
    assert len(state.history) == HISTORY_LIMIT
    assert state.history[-1] == f"q{HISTORY_LIMIT + 9}"


def test_the_least_recently_used_quotes_go_first(tmp_path, monkeypatch):
    monkeypatch.setattr(state_module, "QUOTES_LIMIT", 2)
    state = State(tmp_path)
    state.remember_quote("a", 1, "x")
    state.remember_quote("b", 2, "y")
    state.remember_quote("a", 4, "z")
    state.remember_quote("c", 5, "w")
    assert list(state.quotes) == ["a", "c"]


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe", b"{" * 100_000])
def test_a_damaged_file_is_ignored_and_replaced(tmp_path, content):
    (tmp_path / FILE).write_bytes(content)
    state = State.load(tmp_path)
    assert state.damaged and state.history == []
    state.remember_search("x")
    assert state.save()
    assert json.loads((tmp_path / FILE).read_text())["history"] == ["x"]


def test_values_of_the_wrong_shape_are_dropped_and_strings_cleaned(tmp_path):
    (tmp_path / FILE).write_text(json.dumps({
        "theme": 7,
        "history": ["ok", 3, None, "esc\x1b[31m"],
        "quotes": {"a": [1, "t"], "b": ["1", "t"], "c": [-1, "t"], "d": [True, "t"], "e": 5},
    }))
    state = State.load(tmp_path)
    assert state.theme is None
    assert state.history == ["ok", "esc\u241b[31m"]
    assert state.quotes == {"a": (1, "t")}


def test_a_lone_surrogate_survives_a_round_trip(tmp_path):
    (tmp_path / FILE).write_text('{"history": ["\\ud800x"]}')
    state = State.load(tmp_path)
    assert state.save()
    assert State.load(tmp_path).history == ["\ud800x"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_is_skipped_and_keeps_the_old_file(tmp_path):
    state = State(tmp_path)
    state.remember_search("old")
    assert state.save()
    tmp_path.chmod(0o500)
    try:
        state.remember_search("new")
        assert not state.save()
    finally:
        tmp_path.chmod(0o700)
    assert State.load(tmp_path).history == ["old"]


def test_a_folder_that_is_a_file_is_skipped(tmp_path):
    (tmp_path / "f").write_text("")
    assert not State(tmp_path / "f" / "state").save()


def test_a_briefing_is_keyed_by_its_resolved_path(tmp_path):
    (tmp_path / "a.toml").write_text("")
    (tmp_path / "link.toml").symlink_to(tmp_path / "a.toml")
    assert briefing_key(tmp_path / "link.toml") == briefing_key(tmp_path / "." / "a.toml")
