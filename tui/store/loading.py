"""Loading the briefings the reader opens: from the cache when it holds an exact copy,
else by checking the file (and then caching it)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core.model import Briefing
from ..core.problem import Problem, first_error
from . import cache, collector
from .stamps import Fingerprint, Stamps, fingerprint

#: Called before each file with (number of files done, total, path).
Progress = Callable[[int, int, Path], None]


def display_name(path: Path, cwd: str | None = None, real: str | None = None) -> str:
    """`path` relative to the working directory (`cwd`, resolved, if given) when it is
    below it; `real` is its resolved path if known. Plain `os.path` calls, not pathlib's
    resolve."""
    try:
        real = real if real is not None else os.path.realpath(path)
        base = cwd if cwd is not None else os.path.realpath(os.getcwd())
    except OSError:
        return str(path)
    prefix = base.rstrip(os.sep) + os.sep
    return real[len(prefix):] if real.startswith(prefix) else str(path)


Pending = Callable[[], None]

def resolver() -> Callable[[Path], str | None]:
    """A function giving a file's resolved path (None when that fails), which resolves each
    folder once (`os.path.realpath` looks up every component of every path)."""
    folders: dict[str, str] = {}

    def resolve(path: Path) -> str | None:
        try:
            if ".." in os.fspath(path).split(os.sep):  # not to be folded before links are
                return os.path.realpath(path)
            head, tail = os.path.split(os.path.abspath(path))
            if not tail:
                return os.path.realpath(path)
            real = folders.get(head)
            if real is None:
                real = folders[head] = os.path.realpath(head)
            full = os.path.join(real, tail)
            return os.path.realpath(full) if os.path.islink(full) else full
        except (OSError, ValueError):
            return None

    return resolve


def load_one(path: Path, use_cache: bool = True) -> tuple[Briefing | None, list[Problem], Pending | None]:
    """(briefing or None, its problems, a call that caches it, or None when nothing is to
    be cached): `open_file`'s outcome for one file. The caller may run the last one later,
    once the briefing is on screen."""
    loaded = open_file(path, use_cache)
    return loaded.briefing, loaded.problems, loaded.store


def check_file(path: Path, display: str | None = None) -> tuple[Briefing | None, list[Problem]]:
    """`loader.check` with the garbage collector paused: the briefing is millions of objects
    and no cycles (see `collector`)."""
    from ..core.loader import check  # not needed (nor tomli) when the cache answers

    with collector.paused():
        return check(path, display)


def open_file(path: Path, use_cache: bool = True, cwd: str | None = None,
              folder: Path | None = None, real: str | None = None) -> Loaded:
    """Open one briefing for the reader: from its cache entry when that is exact, else
    checked by the loader, with the call that would cache it (`Loaded.store`). `cwd`
    (resolved), the cache `folder` and the file's resolved path `real` may be given when
    loading many files."""
    if real is None:
        real = resolver()(path)
    display = display_name(path, cwd, real)
    if not use_cache:
        return Loaded(path, *check_file(path, display))
    if real is not None:
        with collector.paused():
            hit = cache.load(real, folder)
        if hit is not None:
            briefing, problems, stamps = hit
            return Loaded(path, briefing, _named(problems, display), None, stamps)
    before = fingerprint(path)
    briefing, problems = check_file(path, display)
    if briefing is None or before is None or real is None:
        return Loaded(path, briefing, problems)
    source = briefing.source.resolved_path if briefing.source.paragraphs is not None else None
    source_print = _source_stamps(briefing, source)
    if source is not None and source_print is None:  # not known to be what was read
        return Loaded(path, briefing, problems)
    stamps = Stamps(real, before, None if source is None else str(source), source_print)

    def store() -> None:
        if fingerprint(path) == before:  # not changed since we read it
            cache.store(briefing, problems, stamps, folder)

    return Loaded(path, briefing, problems, store, stamps)


def _source_stamps(briefing: Briefing, source: Path | None) -> Fingerprint | None:
    """The fingerprint of the source text the loader read for `briefing`, or None (also
    when it has none). The text is read again between two fingerprints: the stamps are
    kept only if the file held still and its paragraphs are the ones the briefing has, so
    a text edited while the briefing was checked is never cached under its new stamps."""
    if source is None:
        return None
    from ..core.files import FileProblem
    from ..core.loader import read_paragraphs

    first = fingerprint(source)
    try:
        same = first is not None and read_paragraphs(source) == briefing.source.paragraphs
    except FileProblem:
        return None
    return first if same and fingerprint(source) == first else None


def _named(problems: list[Problem], display: str) -> list[Problem]:
    return [dataclasses.replace(p, file=display) for p in problems]


@dataclass
class Loaded:
    """One file's outcome: its briefing (None when it has errors), problems, and the call
    that would cache it (None when nothing is to be cached). `stamps` are the file's and
    its source text's as they were read, when known."""

    path: Path
    briefing: Briefing | None
    problems: list[Problem]
    store: Pending | None = None
    stamps: Stamps | None = None

    @property
    def watched(self) -> tuple | None:
        """What the reader watches of the file as it was read, when its stamps are known
        (see `Stamps.watched`)."""
        return self.stamps.watched if self.stamps is not None else None

    @property
    def first_error(self) -> str:
        return first_error(self.problems)


def load_files(
    files: Sequence[Path], use_cache: bool = True, progress: Progress | None = None,
) -> list[Loaded]:
    """Every file loaded, valid or not, in the order given."""
    try:
        cwd = os.path.realpath(os.getcwd())
    except OSError:
        cwd = None
    folder = cache.cache_dir() if use_cache else None
    resolve = resolver()
    out = []
    with collector.paused(keep=True):  # the briefings loaded at start stay for good
        for number, path in enumerate(files):
            if progress is not None:
                progress(number, len(files), path)
            out.append(open_file(path, use_cache, cwd, folder, resolve(path)))
    return out
