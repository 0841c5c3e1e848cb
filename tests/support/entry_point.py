"""Where the installed `briefing` command is, for the tests that run it as a user would."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def entry_point() -> str:
    """The `briefing` installed beside this Python, else the one on PATH."""
    beside = Path(sys.executable).parent / "briefing"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("briefing")
    assert found, "the briefing command is not installed (pip install -e '.[test]')"
    return found
