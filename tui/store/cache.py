"""A cache of parsed, validated briefings, so that a large briefing opens in a fraction of
the time it takes to parse.

An entry is keyed by the briefing's resolved path and checked, before use, against the
file's stamps (size, mtime and SHA-256 hash of its content, the same for its source text,
see `stamps`), the reader's version and the layout of the model it was pickled from: it
can never serve a stale or different file. An entry is a `marshal` header (`Header`) and
the briefing pickled with the model's quick builders; its unpickler accepts only the
model's constructors, paths and dates, so an entry cannot name any other code to run. A
corrupt or unreadable entry is ignored and rebuilt. Entries are written atomically (a
temporary file renamed into place); a cache directory that cannot be written is silently
skipped. The cache stores and serves briefings; it does not read briefings itself.
"""

from __future__ import annotations

import io
import marshal
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from functools import partial
from hashlib import blake2b
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from .. import __version__
from ..core.model import (
    Briefing,
    Meeting,
    Outcome,
    Quote,
    Session,
    Source,
    Speaker,
    Topic,
    new_meeting,
    new_outcome,
    new_quote,
    new_session,
    new_source,
    new_speaker,
    new_topic,
)
from ..core.problem import Problem, new_problem
from .stamps import Stamps, fingerprint

MAGIC = b"briefing-cache\n"
#: The structure of the header and body, as written by this module; the layout of the
#: model's classes is derived from them (see `layout_key`).
HEADER_FORMAT = 1
#: The classes an entry's body holds.
MODEL = (Briefing, Meeting, Source, Speaker, Topic, Session, Quote, Outcome, Problem)


def layout_key(classes: Sequence[type] = MODEL, header_format: int = HEADER_FORMAT) -> str:
    """A short hash of the header format and of the names, field names and field types of
    `classes`: an entry pickled from another shape of the model has another key."""
    shape = [str(header_format)]
    for cls in classes:
        shape.append(f"{cls.__module__}.{cls.__qualname__}")
        shape.extend(f"{f.name}:{f.type}" for f in fields(cls))
    return blake2b("\n".join(shape).encode(), digest_size=8).hexdigest()


LAYOUT = layout_key()


def cache_dir() -> Path:
    override = os.environ.get("BRIEFING_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing", appauthor=False))


def _entry_path(folder: Path, real: str) -> Path:
    name = blake2b(real.encode("utf-8", "surrogatepass"), digest_size=32).hexdigest()
    return folder / (name + ".bin")


class Header(NamedTuple):
    """What an entry says of itself: the layout and reader version it was written with,
    its kind ("file" or "set") and the stamps of each briefing it holds."""

    layout: str
    version: str
    kind: str
    stamps: tuple[Stamps, ...]

    def plain(self) -> tuple:
        """As plain tuples, for `marshal`."""
        return (self.layout, self.version, self.kind, tuple(s.plain() for s in self.stamps))

    @classmethod
    def from_plain(cls, plain) -> Header | None:
        """The header `plain()` gave, or None when it is of another layout or version;
        ValueError or TypeError when it is not that shape."""
        layout, version, kind, stamps = plain
        if layout != LAYOUT or version != __version__:
            return None
        return cls(layout, version, kind, tuple(map(Stamps.from_plain, stamps)))


def _header(kind: str, stamps: Sequence[Stamps]) -> Header:
    return Header(LAYOUT, __version__, kind, tuple(stamps))


# -- the entry's body ----------------------------------------------------------------------
def _reducers() -> dict:
    """Pickle the model's objects as calls to its quick builders (a frozen dataclass's own
    unpickling sets each field through Python code), a briefing as a call to Briefing (its
    lookup tables start empty), and problems through their builder too: an entry then
    needs no class to be instantiated bare (NEWOBJ) and filled in (BUILD)."""
    table = {}
    for cls, build in ((Quote, new_quote), (Speaker, new_speaker), (Topic, new_topic),
                       (Session, new_session), (Outcome, new_outcome), (Meeting, new_meeting),
                       (Source, new_source), (Problem, new_problem)):
        table[cls] = lambda obj, build=build, get=attrgetter(*cls.__slots__): (build, get(obj))
    get = attrgetter(*(f.name for f in fields(Briefing) if f.name != "_by_id"))
    table[Briefing] = lambda briefing: (Briefing, get(briefing))
    return table


#: The only globals an entry may name: the model's constructors, paths and dates.
_ALLOWED = {
    ("tui.core.model", name) for name in (
        "new_quote", "new_speaker", "new_topic", "new_session", "new_outcome", "new_meeting",
        "new_source", "Briefing")
} | {("tui.core.problem", "new_problem"), ("pathlib", type(Path()).__name__),
     ("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"),
     ("datetime", "timedelta")}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        """An allowed global, as a function that calls it: an entry gets nothing it could
        change (BUILD sets attributes on what it is given) or instantiate bare (NEWOBJ)."""
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} has no place in a cache entry")
        return partial(super().find_class(module, name))


def _dumps(briefing: Briefing, problems: list[Problem]) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _reducers()
    pickler.dump((briefing, list(problems)))
    return out.getvalue()


def _loads(data) -> tuple[Briefing, list[Problem]]:
    briefing, problems = _Unpickler(io.BytesIO(data)).load()
    if not isinstance(briefing, Briefing) or not all(isinstance(p, Problem) for p in problems):
        raise ValueError("not a briefing")
    return briefing, problems


# -- reading and writing -------------------------------------------------------------------
# A damaged or crafted entry can raise almost anything while it is read (OverflowError from
# a date, NotImplementedError, RecursionError...): every such entry is a miss, never a crash.
_BROKEN = Exception


def _read(entry: Path, body: bool = True) -> tuple[Header, bytes] | None:
    """An entry's header, if it is of this layout and version, and its body (not read,
    b"", when `body` is false)."""
    with open(entry, "rb") as handle:
        start = handle.read(len(MAGIC) + 4)
        if not start.startswith(MAGIC):
            return None
        plain = marshal.loads(handle.read(int.from_bytes(start[len(MAGIC):], "big")))
        header = Header.from_plain(plain)
        if header is None:
            return None
        return header, handle.read() if body else b""


def _write(folder: Path, target: Path, header: Header, body: Callable[[], bytes]) -> bool:
    """Write an entry atomically: a temporary file renamed into place."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the user's own
        _remove_abandoned(folder)
        handle, temporary = tempfile.mkstemp(prefix=".entry-", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            head = marshal.dumps(header.plain())
            out.write(MAGIC + len(head).to_bytes(4, "big") + head)
            out.write(body())
        os.replace(temporary, target)
        return True
    except (OSError, ValueError, pickle.PicklingError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False


def load(real: str | os.PathLike, folder: Path | None = None,
         ) -> tuple[Briefing, list[Problem], Stamps] | None:
    """The cached briefing whose resolved path is `real`, its problems and the stamps it
    was read with, if the entry is there and the files still have those stamps; else
    None."""
    real = os.fspath(real)
    try:
        read = _read(_entry_path(folder or cache_dir(), real))
        if read is None:
            return None
        header, body = read
        if header.kind != "file" or len(header.stamps) != 1:
            return None
        (stamps,) = header.stamps
        if stamps.real != real or not stamps.unchanged():
            return None
        return (*_loads(body), stamps)
    except _BROKEN:
        return None


def _remove_abandoned(folder: Path, age: float = 3600) -> None:
    """Temporary files of writers that were stopped (the reader quit mid-write)."""
    import time

    for leftover in folder.glob(".entry-*"):
        try:
            if time.time() - leftover.stat().st_mtime > age:
                leftover.unlink()
        except OSError:
            pass


def store(briefing: Briefing, problems: list[Problem], stamps: Stamps,
          folder: Path | None = None) -> bool:
    """Write the entry for a valid briefing with the stamps it was read with; False when
    the cache cannot be written."""
    folder = folder or cache_dir()
    return _write(folder, _entry_path(folder, stamps.real), _header("file", [stamps]),
                  lambda: _dumps(replace(briefing, path=Path(stamps.real)), problems))


# -- sets of briefings ----------------------------------------------------------------------
# One entry for the whole set of files a library opens: one file to read, no path work per
# briefing. It holds every briefing's stamps and is used only when all of them still hold.
SET_KEEP = 4  # set entries kept, the most recently used


def _set_path(folder: Path, reals: Sequence[str]) -> Path:
    key = "\0".join(reals).encode("utf-8", "surrogatepass")
    return folder / ("set-" + blake2b(key, digest_size=32).hexdigest() + ".bin")


def _set_stamps(read: tuple[Header, bytes] | None, reals: Sequence[str],
                ) -> tuple[Stamps, ...] | None:
    """The stamps a set entry holds, if it is the entry of exactly the files `reals`."""
    if read is None:
        return None
    header = read[0]
    if header.kind != "set" or [s.real for s in header.stamps] != list(reals):
        return None
    return header.stamps


def check_set(reals: Sequence[str], folder: Path | None = None) -> tuple[Stamps, ...] | None:
    """The stamps the set entry for `reals` holds, if it is there and every file still has
    them; else None. Reads only the entry's header."""
    try:
        stamps = _set_stamps(_read(_set_path(folder or cache_dir(), reals), body=False), reals)
        return stamps if stamps is not None and all(s.unchanged() for s in stamps) else None
    except _BROKEN:
        return None


def load_set(reals: Sequence[str], folder: Path | None = None,
             step: Callable[[int], None] | None = None,
             checked: Sequence[Stamps] | None = None,
             ) -> list[tuple[Briefing, list[Problem], Stamps]] | None:
    """The cached briefings of the files whose resolved paths are `reals`, in that order,
    with their problems and stamps; None unless the set's entry holds every one of them
    unchanged. `checked` is what `check_set` found moments ago, if it was asked (the
    files are not checked again when the entry still holds exactly those stamps).
    `step(i)` is called as file i is read."""
    entry = _set_path(folder or cache_dir(), reals)
    try:
        read = _read(entry)
        stamps = _set_stamps(read, reals)
        if stamps is None or (
                (checked is None or tuple(checked) != stamps)
                and not all(s.unchanged() for s in stamps)):
            return None
        parts = marshal.loads(read[1])
        if len(parts) != len(stamps):
            return None
        loaded = []
        for number, part in enumerate(parts):
            if step is not None:
                step(number)
            loaded.append((*_loads(part), stamps[number]))
    except _BROKEN:
        return None
    try:
        os.utime(entry)  # used: kept before the others
    except OSError:
        pass  # a cache we may read but not write
    return loaded


def store_set(items: Sequence[tuple[Briefing, list[Problem], Stamps]],
              folder: Path | None = None) -> bool:
    """Write the entry for a set of valid briefings, each with its problems and the stamps
    it was read with. False when a file changed since or the cache cannot be written."""
    all_stamps, parts = [], []
    for briefing, problems, stamps in items:
        if fingerprint(stamps.real) != stamps.briefing:
            return False
        all_stamps.append(stamps)
        parts.append(lambda b=briefing, p=problems, real=stamps.real:
                     _dumps(replace(b, path=Path(real)), p))
    folder = folder or cache_dir()
    target = _set_path(folder, [s.real for s in all_stamps])
    if not _write(folder, target, _header("set", all_stamps),
                  lambda: marshal.dumps([part() for part in parts])):
        return False
    _prune_sets(folder)
    return True


def _prune_sets(folder: Path) -> None:
    entries = []
    for entry in folder.glob("set-*.bin"):
        try:
            entries.append((entry.stat().st_mtime, entry))
        except OSError:
            pass
    for _, entry in sorted(entries, reverse=True)[SET_KEEP:]:
        try:
            entry.unlink()
        except OSError:
            pass
