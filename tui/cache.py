"""A cache of parsed, validated briefings, so that a large briefing opens in a fraction of
the time it takes to parse.

An entry is keyed by the briefing's resolved path and checked, before use, against the
file's size, mtime and BLAKE2 hash of its content, the same for its source text, and the
reader's version: it can never serve a stale or different file. Entries are `marshal`
data of plain tuples (fast to read, and nothing in them can run code); a corrupt or
unreadable entry is ignored and rebuilt. Entries are written atomically (a temporary file
renamed into place); a cache directory that cannot be written is silently skipped.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import tempfile
from pathlib import Path

try:  # hashlib.blake2b is this; hashlib itself would load OpenSSL too (~7 ms at start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

from . import __version__
from .problem import Problem
from .model import Briefing, Meeting, Outcome, Session, Source, Speaker, Topic, new_quote

MAGIC = b"briefing-cache\n"
LAYOUT = 1  # bump when the entry layout changes


def cache_dir() -> Path:
    override = os.environ.get("BRIEFING_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing", appauthor=False))


def _entry_path(folder: Path, path: Path) -> Path:
    name = blake2b(str(path).encode("utf-8", "surrogatepass"), digest_size=32).hexdigest()
    return folder / (name + ".bin")


def fingerprint(path: Path) -> tuple | None:
    """(size, mtime_ns, content hash) of a file, or None when it cannot be read. The stamps
    come from the open file itself (one path lookup, and they describe what was hashed)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block us
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        digest = blake2b(digest_size=20)
        while chunk := os.read(handle, 1 << 20):
            digest.update(chunk)
    except OSError:
        return None
    finally:
        os.close(handle)
    return (info.st_size, info.st_mtime_ns, digest.hexdigest())


# -- plain data ----------------------------------------------------------------------------
def _when_out(value):
    if value is None:
        return None
    kind = "dt" if isinstance(value, dt.datetime) else "d"
    return (kind, value.isoformat())


def _when_in(value):
    if value is None:
        return None
    kind, text = value
    return dt.datetime.fromisoformat(text) if kind == "dt" else dt.date.fromisoformat(text)


def _to_plain(briefing: Briefing, problems: list[Problem]) -> tuple:
    speakers = {s.id: i for i, s in enumerate(briefing.speakers)}
    topics = {t.id: i for i, t in enumerate(briefing.topics)}
    sessions = {s.id: i for i, s in enumerate(briefing.sessions)}
    m, src = briefing.meeting, briefing.source
    return (
        briefing.format,
        (m.title, _when_out(m.date), _when_out(m.end_date), m.place, m.summary, m.tags),
        (src.outlet, src.headline, _when_out(src.published), src.url, src.text_path,
         str(src.resolved_path) if src.resolved_path else None, src.paragraphs),
        [(s.id, s.name, s.role, s.affiliation, s.aliases) for s in briefing.speakers],
        [(t.id, t.title, t.keywords, t.summary) for t in briefing.topics],
        [(s.id, s.title, tuple(speakers[p.id] for p in s.participants), _when_out(s.date))
         for s in briefing.sessions],
        [(speakers[q.speaker.id], q.text, q.kind, tuple(topics[t.id] for t in q.topics),
          sessions[q.session.id] if q.session else -1, tuple(speakers[s.id] for s in q.to),
          q.paragraph or 0, q.excerpt, q.note) for q in briefing.quotes],
        [(o.text, tuple(topics[t.id] for t in o.topics),
          sessions[o.session.id] if o.session else -1, o.paragraph or 0)
         for o in briefing.outcomes],
        [(p.file, p.message, p.key, p.line, p.column, p.warning) for p in problems],
    )


def _from_plain(path: Path, data: tuple) -> tuple[Briefing, list[Problem]]:
    fmt, m, src, speakers_, topics_, sessions_, quotes_, outcomes_, problems_ = data
    speakers = [Speaker(*s) for s in speakers_]
    topics = [Topic(*t) for t in topics_]
    sessions = [Session(i, t, tuple(speakers[p] for p in ps), _when_in(d))
                for i, t, ps, d in sessions_]
    topic_sets: dict[tuple, tuple] = {(): ()}
    quotes = []
    append = quotes.append
    for index, (s, text, kind, ts, k, to, par, exc, note) in enumerate(quotes_):
        chosen = topic_sets.get(ts)
        if chosen is None:
            chosen = topic_sets[ts] = tuple(topics[t] for t in ts)
        append(new_quote(index, speakers[s], text, kind, chosen, sessions[k] if k >= 0 else None,
                         tuple(speakers[x] for x in to) if to else (), par or None, exc,
                         note))
    outcomes = [Outcome(text, tuple(topics[t] for t in ts), sessions[k] if k >= 0 else None,
                        par or None) for text, ts, k, par in outcomes_]
    title, date, end, place, summary, tags = m
    outlet, headline, published, url, text_path, resolved, paragraphs = src
    briefing = Briefing(
        path=path,
        meeting=Meeting(title, _when_in(date), _when_in(end), place, summary, tags),
        source=Source(outlet, headline, _when_in(published), url, text_path,
                      Path(resolved) if resolved else None, paragraphs),
        speakers=tuple(speakers), topics=tuple(topics), sessions=tuple(sessions),
        quotes=tuple(quotes), outcomes=tuple(outcomes), format=fmt,
    )
    return briefing, [Problem(*p) for p in problems_]


# -- reading and writing -------------------------------------------------------------------
def _header(path: Path, briefing_print: tuple, source: Path | None, source_print) -> tuple:
    return (LAYOUT, __version__, str(path), briefing_print,
            str(source) if source else None, source_print)


def load(path: Path, folder: Path | None = None, real: str | None = None,
         ) -> tuple[Briefing, list[Problem]] | None:
    """The cached briefing for `path` (whose resolved path is `real`, if known) if the
    entry is there and still exact, else None."""
    path = Path(real if real is not None else os.path.realpath(path))
    entry = _entry_path(folder or cache_dir(), path)
    try:
        with open(entry, "rb") as handle:
            data = handle.read()
        if not data.startswith(MAGIC):
            return None
        start = len(MAGIC) + 4
        size = int.from_bytes(data[len(MAGIC):start], "big")
        header = marshal.loads(data[start:start + size])
        if header[0] != LAYOUT or header[1] != __version__ or header[2] != str(path):
            return None
        if fingerprint(path) != header[3]:
            return None
        source = header[4]
        if source is not None and fingerprint(Path(source)) != header[5]:
            return None
        return _from_plain(path, marshal.loads(memoryview(data)[start + size:]))
    except (OSError, EOFError, ValueError, TypeError, IndexError, KeyError):
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


def store(briefing: Briefing, problems: list[Problem], briefing_print: tuple | None,
          folder: Path | None = None) -> bool:
    """Write the entry for a valid briefing; False when the cache cannot be written."""
    path = briefing.path.resolve()
    if briefing_print is None:
        return False
    source = briefing.source.resolved_path if briefing.source.paragraphs is not None else None
    source_print = fingerprint(source) if source else None
    folder = folder or cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(folder)
        handle, temporary = tempfile.mkstemp(prefix=".entry-", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as out:
            header = marshal.dumps(_header(path, briefing_print, source, source_print))
            out.write(MAGIC + len(header).to_bytes(4, "big") + header)
            out.write(marshal.dumps(_to_plain(briefing, problems)))
        os.replace(temporary, _entry_path(folder, path))
        return True
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False
