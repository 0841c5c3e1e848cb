"""Loading the briefings the reader opens."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .loader import Problem, check
from .model import Briefing


def display_name(path: Path) -> str:
    """`path` relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def load_files(
    files: Sequence[Path], use_cache: bool = True
) -> tuple[list[Briefing], list[Problem]]:
    """Every valid briefing among `files`, and the problems of all of them."""
    briefings: list[Briefing] = []
    problems: list[Problem] = []
    for path in files:
        briefing, found = check(path, display_name(path))
        problems.extend(found)
        if briefing is not None:
            briefings.append(briefing)
    return briefings, problems
