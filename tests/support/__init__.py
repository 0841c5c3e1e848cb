"""Paths and patterns the tests share. Fixtures built from them are in tests/conftest.py."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SEED = ROOT / "briefs" / "2022-08-01-china-tajikistan.toml"
SEED_SOURCE = ROOT / "seeds" / "2022-08-01-china-tajikistan.txt"
NORDIC = DATA / "good" / "nordic.toml"
HOSTILE = DATA / "hostile"

#: Characters that must never reach a terminal from a briefing: C0 and C1 controls (but tab
#: and newline), DEL, and the bidirectional controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
