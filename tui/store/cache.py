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
from .stamps import Stamps

MAGIC = b"briefing-cache\n"
#: The structure of the header and body, as written by this module; the layout of the
#: model's classes is derived from them (see `layout_key`).
HEADER_FORMAT = 2
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
    and the stamps of the briefing it holds as it was read."""

    layout: str
    version: str
    stamps: Stamps

    def plain(self) -> tuple:
        """As plain tuples, for `marshal`."""
        return (self.layout, self.version, self.stamps.plain())

    @classmethod
    def from_plain(cls, plain) -> Header | None:
        """The header `plain()` gave, or None when it is of another layout or version;
        ValueError or TypeError when it is not that shape."""
        layout, version, stamps = plain
        if layout != LAYOUT or version != __version__:
            return None
        return cls(layout, version, Stamps.from_plain(stamps))


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
        stamps = read[0].stamps
        if stamps.real != real or not stamps.unchanged():
            return None
        return (*_loads(read[1]), stamps)
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
    return _write(folder, _entry_path(folder, stamps.real), Header(LAYOUT, __version__, stamps),
                  lambda: _dumps(replace(briefing, path=Path(stamps.real)), problems))
