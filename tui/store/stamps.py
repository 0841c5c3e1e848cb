"""What the reader knows of a file as it read it: its fingerprint (size, mtime, inode and
content hash), and the stamps of a briefing with its source text. The cache checks an
entry against them; live reload watches their first three fields."""

from __future__ import annotations

import os
import stat
from hashlib import sha256
from pathlib import Path
from typing import NamedTuple

from ..core import files


class Watched(NamedTuple):
    """What live reload compares: a file's size, mtime and inode."""

    size: int
    mtime_ns: int
    inode: int


class Fingerprint(NamedTuple):
    """A file's size, mtime and inode as it was read, and the SHA-256 of what was read."""

    size: int
    mtime_ns: int
    inode: int
    digest: str

    @property
    def watched(self) -> Watched:
        return Watched(self.size, self.mtime_ns, self.inode)


class Stamps(NamedTuple):
    """A briefing as it was read: its resolved path and fingerprint, and the resolved path
    and fingerprint of its source text (both None when it was read without one)."""

    real: str
    briefing: Fingerprint
    source: str | None = None
    source_print: Fingerprint | None = None

    def plain(self) -> tuple:
        """As plain tuples, for `marshal`."""
        return (self.real, tuple(self.briefing), self.source,
                None if self.source_print is None else tuple(self.source_print))

    @classmethod
    def from_plain(cls, plain) -> Stamps:
        """From `plain()`'s output; ValueError or TypeError when it is not that shape."""
        real, briefing, source, source_print = plain
        return cls(real, Fingerprint(*briefing), source,
                   None if source_print is None else Fingerprint(*source_print))

    def unchanged(self) -> bool:
        """Whether the briefing and its source text still have these fingerprints."""
        if fingerprint(self.real) != self.briefing:
            return False
        return self.source is None or fingerprint(self.source) == self.source_print

    @property
    def watched(self) -> tuple[Watched, Watched | None]:
        """What live reload watches: the briefing's and its source text's size, mtime and
        inode (None for a briefing read without a source text)."""
        return (self.briefing.watched,
                self.source_print.watched if self.source_print is not None else None)


def fingerprint(path: Path | str) -> Fingerprint | None:
    """The fingerprint of a file, or None when it cannot be read. The stamps come from the
    open file itself (one path lookup, and they describe what was hashed). Only a regular
    file the loader would read is opened: a device, FIFO or over-large file is refused from
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
        digest = sha256()
        while chunk := os.read(handle, 1 << 20):
            digest.update(chunk)
    except OSError:
        return None
    finally:
        os.close(handle)
    return Fingerprint(info.st_size, info.st_mtime_ns, info.st_ino, digest.hexdigest())


def now(path: Path | str | None) -> Watched | None:
    """A file's size, mtime and inode now (None when there is no file to look at)."""
    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return Watched(info.st_size, info.st_mtime_ns, info.st_ino)
