"""Loading the briefings the reader opens: from the cache when it holds an exact copy,
else by checking the file (and then caching it)."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from . import cache, collector
from .problem import Problem
from .model import Briefing

#: Called before each file with (number of files done, total, path).
Progress = Callable[[int, int, Path], None]


def display_name(path: Path, cwd: str | None = None, real: str | None = None) -> str:
    """`path` relative to the working directory (`cwd`, resolved, if given) when it is
    below it; `real` is its resolved path if known. Plain `os.path` calls: pathlib's
    resolve was a fifth of opening a library."""
    try:
        real = real if real is not None else os.path.realpath(path)
        base = cwd if cwd is not None else os.path.realpath(os.getcwd())
    except OSError:
        return str(path)
    prefix = base.rstrip(os.sep) + os.sep
    return real[len(prefix):] if real.startswith(prefix) else str(path)


Pending = Callable[[], None]


def load_one(path: Path, use_cache: bool = True, cwd: str | None = None,
             folder: Path | None = None,
             ) -> tuple[Briefing | None, list[Problem], Pending | None]:
    """(briefing or None, its problems, a call that caches it, or None when nothing is to
    be cached). The caller may run the last one later, once the briefing is on screen.
    `cwd` (resolved) and the cache `folder` may be given when loading many files."""
    from .loader import check  # not needed (nor tomli) when the cache answers

    try:
        real = os.path.realpath(path)
    except OSError:
        real = None
    display = display_name(path, cwd, real)
    if not use_cache:
        briefing, problems = check(path, display)
        return briefing, problems, None
    with collector.paused():
        hit = cache.load(path, folder, real)
    if hit is not None:
        briefing, problems = hit
        return briefing, [dataclasses.replace(p, file=display) for p in problems], None
    before = cache.fingerprint(path)
    briefing, problems = check(path, display)
    if briefing is None or before is None:
        return briefing, problems, None

    def store() -> None:
        if cache.fingerprint(path) == before:  # not changed since we read it
            cache.store(briefing, problems, before)

    return briefing, problems, store


@dataclass
class Loaded:
    """One file's outcome: its briefing (None when it has errors), problems, and the call
    that would cache it (None when nothing is to be cached)."""

    path: Path
    briefing: Briefing | None
    problems: list[Problem]
    store: Pending | None = None

    @property
    def first_error(self) -> str:
        errors = [p for p in self.problems if not p.warning]
        return str(errors[0]) if errors else ""


def load_files(
    files: Sequence[Path], use_cache: bool = True, progress: Progress | None = None
) -> list[Loaded]:
    """Every file loaded, valid or not, in the order given."""
    out = []
    try:
        cwd = os.path.realpath(os.getcwd())
    except OSError:
        cwd = None
    folder = cache.cache_dir() if use_cache else None
    with collector.paused(keep=True):  # the briefings loaded at start stay for good
        for number, path in enumerate(files):
            if progress is not None:
                progress(number, len(files), path)
            out.append(Loaded(path, *load_one(path, use_cache, cwd, folder)))
    return out
