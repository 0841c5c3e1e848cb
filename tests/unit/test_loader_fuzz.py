"""Property tests: whatever bytes or TOML the loader is given, it returns a briefing or
problems with positions, never raises, never hangs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.loader import Problem, check
from tui.store.paths import expand

from support import SEED

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check_bytes(tmp_path: Path, data: bytes):
    path = tmp_path / "fuzz.toml"
    path.write_bytes(data)
    briefing, problems = check(path)
    assert all(isinstance(p, Problem) for p in problems)
    if briefing is None:
        assert any(not p.warning for p in problems), "no briefing, so at least one error"
    for problem in problems:
        text = str(problem)
        assert "\n" not in text and "\x1b" not in text
        assert text.startswith(str(path))
    return briefing, problems


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(tmp_path, data):
    _check_bytes(tmp_path, data)


@SETTINGS
@given(st.text(max_size=2000))
def test_random_text(tmp_path, text):
    _check_bytes(tmp_path, text.encode("utf-8", "surrogatepass"))


TOML_VALUES = st.recursive(
    st.one_of(st.integers(), st.booleans(), st.text(max_size=30), st.floats(allow_nan=False),
              st.dates(), st.datetimes()),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=20,
)


def _toml(value) -> str:
    import datetime as dt
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"


@SETTINGS
@given(st.sampled_from(["format", "meeting", "speakers", "quotes", "topics", "sessions",
                        "source", "outcomes", "meeting.date", "quotes.0", "unknown"]),
       TOML_VALUES)
def test_seed_with_one_key_replaced(tmp_path, key, value):
    """The seed briefing with one top-level key replaced by a random TOML value."""
    lines = SEED.read_text(encoding="utf-8")
    head = key.split(".")[0]
    addition = f"\n[zz_extra]\nvalue = {_toml(value)}\n"
    if head in ("format",):
        lines = lines.replace("format = 1", f"format = {_toml(value)}", 1)
    else:
        lines = lines.replace(f"[{head}", f"[{head}_moved", 1) + f"\n{head} = {_toml(value)}\n"
    _check_bytes(tmp_path, (lines + addition).encode())


@SETTINGS
@given(st.integers(min_value=0, max_value=20_000), st.binary(min_size=1, max_size=8))
def test_truncated_and_mutated_seed(tmp_path, cut, noise):
    data = SEED.read_bytes()
    cut = min(cut, len(data))
    _check_bytes(tmp_path, data[:cut])
    _check_bytes(tmp_path, data[:cut] + noise + data[cut:])


@pytest.mark.parametrize("depth", [10, 500, 5_000, 50_000])
def test_deep_nesting(tmp_path, depth):
    _check_bytes(tmp_path, b"a = " + b"[" * depth + b"]" * depth + b"\n")
    _check_bytes(tmp_path, b"a = " + b"{b = " * depth + b"1" + b"}" * depth + b"\n")


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.toml"
    with open(big, "wb") as handle:
        handle.truncate(200 * 2**20)  # sparse: 200 MB that costs nothing
    briefing, problems = check(big)
    assert briefing is None
    assert "refused" in str(problems[0]) and "200" in str(problems[0])


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    briefing, problems = check(fifo)
    assert briefing is None and "not a regular file" in str(problems[0])


def test_symlink_loop_in_a_folder_is_walked_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.toml").write_text("format = 1\n")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    files, missing = expand([str(tmp_path)])
    assert missing == []
    assert [f.name for f in files] == ["x.toml"]


def test_dangling_symlink_is_a_clean_error(tmp_path):
    link = tmp_path / "gone.toml"
    os.symlink(tmp_path / "nowhere.toml", link)
    briefing, problems = check(link)
    assert briefing is None and "no such file" in str(problems[0])
