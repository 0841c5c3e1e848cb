"""A cache of parsed, validated briefings, so that a large briefing opens in a fraction of
the time it takes to parse.

An entry is keyed by the briefing's resolved path and checked, before use, against the
file's size, mtime and SHA-256 hash of its content, the same for its source text, and the
reader's version: it can never serve a stale or different file. An entry is a `marshal`
header (the key and the stamps) and the briefing pickled with the model's quick builders;
its unpickler accepts only the model's constructors, paths and dates, so an entry cannot
name any other code to run. A corrupt or unreadable entry is ignored and rebuilt.
Entries are written atomically (a temporary file renamed into place); a cache directory
that cannot be written is silently skipped.
"""

from __future__ import annotations

import io
import marshal
import os
import pickle
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from functools import partial
from operator import attrgetter
from pathlib import Path

try:  # hashlib.blake2b is this; hashlib itself would load OpenSSL too (~7 ms at start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

from .. import __version__
from ..core import files
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

MAGIC = b"briefing-cache\n"
LAYOUT = 4  # bump when the entry layout changes


def cache_dir() -> Path:
    override = os.environ.get("BRIEFING_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing", appauthor=False))


def _entry_path(folder: Path, path: Path) -> Path:
    name = blake2b(str(path).encode("utf-8", "surrogatepass"), digest_size=32).hexdigest()
    return folder / (name + ".bin")


#: From this size on, files are hashed by OpenSSL's SHA-256, which runs on the CPU's SHA
#: instructions where it has them (2.5 times faster than BLAKE2 here over a library of
#: 2,000 files); smaller ones by Python's own SHA-256, which needs no OpenSSL loaded (hashlib
#: costs ~7 ms at start-up). Either way the digest is the same.
LARGE_FILE = 1 << 20


try:
    from _sha256 import sha256 as _python_sha256  # Python 3.11
except ImportError:  # pragma: no cover - other Pythons
    try:
        from _sha2 import sha256 as _python_sha256  # Python 3.12 on
    except ImportError:
        _python_sha256 = None


def _sha256(size: int):
    if size < LARGE_FILE and _python_sha256 is not None:
        return _python_sha256()
    from hashlib import sha256

    return sha256()


def fingerprint(path: Path) -> tuple | None:
    """(size, mtime_ns, inode, content hash) of a file, or None when it cannot be read. The
    stamps come from the open file itself (one path lookup, and they describe what was
    hashed); the first three are what the reader watches for changes. Only a regular file
    the loader would read is opened: a device, FIFO or over-large file is refused from
    `stat`."""
    try:
        seen = os.stat(path)
        if not stat.S_ISREG(seen.st_mode) or seen.st_size > files.MAX_BYTES:
            return None
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block us
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(handle)
        if info.st_ino != seen.st_ino or not stat.S_ISREG(info.st_mode):
            return None  # replaced between the two looks
        digest = _sha256(info.st_size)
        while chunk := os.read(handle, 1 << 20):
            digest.update(chunk)
    except OSError:
        return None
    finally:
        os.close(handle)
    return (info.st_size, info.st_mtime_ns, info.st_ino, digest.hexdigest())


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


def _read(entry: Path, body: bool = True) -> tuple[tuple, bytes] | None:
    """An entry's header, checked for this layout and version, and its body (not read,
    b"", when `body` is false)."""
    with open(entry, "rb") as handle:
        start = handle.read(len(MAGIC) + 4)
        if not start.startswith(MAGIC):
            return None
        header = marshal.loads(handle.read(int.from_bytes(start[len(MAGIC):], "big")))
        if header[0] != LAYOUT or header[1] != __version__:
            return None
        return header, handle.read() if body else b""


def _write(folder: Path, target: Path, header: tuple, body: Callable[[], bytes]) -> bool:
    """Write an entry atomically: a temporary file renamed into place."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the user's own
        _remove_abandoned(folder)
        handle, temporary = tempfile.mkstemp(prefix=".entry-", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            head = marshal.dumps((LAYOUT, __version__, *header))
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


def _unchanged(prints: tuple) -> bool:
    """Whether a briefing and its source text still have the stamps `prints` records:
    (resolved path, its fingerprint, source text path or None, its fingerprint)."""
    real, briefing_print, source, source_print = prints
    if fingerprint(real) != briefing_print:
        return False
    return source is None or fingerprint(source) == source_print


def load(path: Path, folder: Path | None = None, real: str | None = None,
         ) -> tuple[Briefing, list[Problem], tuple] | None:
    """The cached briefing for `path` (whose resolved path is `real`, if known), its
    problems and its stamps (see `_unchanged`), if the entry is there and still exact;
    else None."""
    real = real if real is not None else os.path.realpath(path)
    try:
        read = _read(_entry_path(folder or cache_dir(), Path(real)))
        if read is None:
            return None
        (_, _, *prints), body = read
        if prints[0] != real or not _unchanged(tuple(prints)):
            return None
        return (*_loads(body), tuple(prints))
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


def source_path(briefing: Briefing) -> str | None:
    """The source text a briefing was read with, as its entry names it (None: none)."""
    source = briefing.source.resolved_path if briefing.source.paragraphs is not None else None
    return str(source) if source is not None else None


def store(briefing: Briefing, problems: list[Problem], stamps: tuple,
          folder: Path | None = None) -> bool:
    """Write the entry for a valid briefing with the stamps it was read with (see
    `_unchanged`); False when the cache cannot be written."""
    path = Path(stamps[0])
    folder = folder or cache_dir()
    return _write(folder, _entry_path(folder, path), tuple(stamps),
                  lambda: _dumps(replace(briefing, path=path), problems))


# -- sets of briefings ----------------------------------------------------------------------
# A library of many small briefings opens faster from one entry for the whole set than from
# an entry per file: one file to read, no path work per briefing. The set's entry holds every
# briefing's stamps and is used only when all of them still hold.
SET_KEEP = 4  # set entries kept, the most recently used


def _set_path(folder: Path, reals: Sequence[str]) -> Path:
    key = "\0".join(reals).encode("utf-8", "surrogatepass")
    return folder / ("set-" + blake2b(key, digest_size=32).hexdigest() + ".bin")


def _set_stamps(read: tuple[tuple, bytes] | None, reals: Sequence[str]) -> list | None:
    """The stamps a set entry holds, if it is the entry of exactly the files `reals`."""
    if read is None:
        return None
    _, _, kind, prints = read[0]
    return prints if kind == "set" and [p[0] for p in prints] == list(reals) else None


def check_set(reals: Sequence[str], folder: Path | None = None) -> list | None:
    """The stamps the set entry for `reals` holds, if it is there and every file still has
    them; else None. Reads only the entry's header."""
    try:
        prints = _set_stamps(_read(_set_path(folder or cache_dir(), reals), body=False), reals)
        return prints if prints is not None and all(map(_unchanged, prints)) else None
    except _BROKEN:
        return None


def load_set(reals: Sequence[str], folder: Path | None = None,
             step: Callable[[int], None] | None = None, checked: list | None = None,
             ) -> list[tuple[Briefing, list[Problem], tuple]] | None:
    """The cached briefings of the files whose resolved paths are `reals`, in that order,
    with their problems and stamps; None unless the set's entry holds every one of them
    unchanged. `checked` is what `check_set` found moments ago, if it was asked (the
    files are not checked again when the entry still holds exactly those stamps).
    `step(i)` is called as file i is read."""
    entry = _set_path(folder or cache_dir(), reals)
    try:
        read = _read(entry)
        prints = _set_stamps(read, reals)
        if prints is None or (prints != checked and not all(map(_unchanged, prints))):
            return None
        parts = marshal.loads(read[1])
        if len(parts) != len(prints):
            return None
        loaded = []
        for number, part in enumerate(parts):
            if step is not None:
                step(number)
            loaded.append((*_loads(part), tuple(prints[number])))
    except _BROKEN:
        return None
    try:
        os.utime(entry)  # used: kept before the others
    except OSError:
        pass  # a cache we may read but not write
    return loaded


def watched(stamps: tuple) -> tuple:
    """From a file's stamps as the cache keeps them, (size, mtime, inode) of the briefing
    and of its source text (None when it has none): what the reader watches."""
    _, briefing_print, source, source_print = stamps
    return (tuple(briefing_print[:3]),
            tuple(source_print[:3]) if source is not None and source_print else None)


def store_set(items: Sequence[tuple[Briefing, list[Problem], tuple]],
              folder: Path | None = None) -> bool:
    """Write the entry for a set of valid briefings, each with its problems and the stamps
    it was read with (see `_unchanged`). False when a file changed since or the cache
    cannot be written."""
    prints, parts = [], []
    for briefing, problems, stamps in items:
        if fingerprint(stamps[0]) != stamps[1]:
            return False
        prints.append(tuple(stamps))
        parts.append(lambda b=briefing, p=problems, real=stamps[0]:
                     _dumps(replace(b, path=Path(real)), p))
    folder = folder or cache_dir()
    reals = [p[0] for p in prints]
    if not _write(folder, _set_path(folder, reals), ("set", prints),
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
