"""The files a reader has open, and what became of each: its last good briefing, its
current error, whether it is gone. Watching is a light poll of `os.stat` (no file is read
unless its size, mtime or inode changed), which needs nothing from the platform. The
folders the user named are watched too: when the mtime of one of them, or of a folder
under it, moves, it is walked again for new briefings."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..core.model import Briefing
from ..core.problem import first_error
from . import stamps as stamps_of
from .loading import Loaded, load_one
from .paths import folder_stamp, walk

RACY_NS = 2 * 10**9  # folders changed more recently than this are walked at every look


@dataclass
class OpenFile:
    """One file the reader has open, as live reload last saw it."""

    path: Path
    briefing: Briefing | None = field(default=None, repr=False)  # the last good version
    error: str = ""  # the first error of the current version, if it has errors
    gone: bool = False
    stamps: tuple = ()  # (size, mtime, inode) of the briefing and of its source text

    def current_stamps(self) -> tuple:
        source = self.briefing.source.resolved_path if self.briefing is not None else None
        return (stamps_of.now(self.path), stamps_of.now(source))


@dataclass
class Library:
    """The files the reader has open and the folders it watches for new ones."""

    files: list[OpenFile] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)  # named by the user: watched for new files
    # Real path → mtime of every folder walked under them; None: not walked yet.
    folder_stamps: dict[str, int] | None = field(default=None, repr=False)

    @classmethod
    def from_loaded(cls, loaded: list[Loaded]) -> Library:
        library = cls()
        for item in loaded:
            entry = OpenFile(item.path, item.briefing, item.first_error)
            # As the file was read, when its stamps are known: a change made since is then
            # seen at the first look, and the files are not looked up again. A source text
            # that could not be read is not in the stamps: it is looked up.
            watched = item.watched
            if watched is not None and watched[1] is None and item.briefing is not None:
                watched = (watched[0], stamps_of.now(item.briefing.source.resolved_path))
            entry.stamps = watched or entry.current_stamps()
            library.files.append(entry)
        return library

    def briefings(self) -> list[Briefing]:
        return [f.briefing for f in self.files if f.briefing is not None]

    def errors(self) -> dict[str, str]:
        """Path (as the briefing names it) → first error, for files whose current version
        does not open."""
        return {str(f.path): f.error for f in self.files if f.error}

    def gone(self) -> set[str]:
        return {str(f.path) for f in self.files if f.gone}

    def changed(self) -> list[OpenFile]:
        """Files whose stamps moved since they were last read (a cheap `stat` of each)."""
        return [f for f in self.files if f.current_stamps() != f.stamps]

    def folders_moved(self) -> bool:
        """Whether a watched folder must be walked again (a `stat` of each): never walked,
        or an entry added to or removed from one of them or a folder under them."""
        stamps = self.folder_stamps
        return bool(self.folders) and (stamps is None or any(
            folder_stamp(folder) != stamp for folder, stamp in stamps.items()))

    def _walk(self) -> tuple[list[Path], dict[str, int]]:
        found: list[Path] = []
        stamps: dict[str, int] = {}
        for folder in self.folders:
            files, walked = walk(folder)
            found.extend(files)
            stamps.update(walked)
        # A folder changed within the file system's clock tick of the walk could change
        # again with the same mtime: it is walked again until its mtime is older than that.
        recent = time.time_ns() - RACY_NS
        return found, {k: (v if v < recent else -2) for k, v in stamps.items()}

    def reload(self, entry: OpenFile, use_cache: bool = True) -> str:
        """Read `entry` again. Returns what happened: "gone", "error", "reloaded"."""
        entry.stamps = entry.current_stamps()
        if entry.stamps[0] is None:
            entry.gone = True
            return "gone"
        entry.gone = False
        briefing, problems, store = load_one(entry.path, use_cache)
        if briefing is None:  # keep the last good version on screen
            entry.error = first_error(problems, "cannot be opened")
            return "error"
        entry.briefing, entry.error = briefing, ""
        if store is not None:
            store()
        entry.stamps = entry.current_stamps()
        return "reloaded"

    def refreshed(self, use_cache: bool = True) -> tuple[Library, list[tuple[OpenFile, str]]]:
        """A new library with the files that changed read again and the briefings new in
        the watched folders added, and what happened to each (see `reload`; "new" for an
        added file); this one is left as it was, but for the folders' stamps. Nothing
        changed: itself and []."""
        files, outcomes = list(self.files), []
        for number, entry in enumerate(self.files):
            if entry.current_stamps() != entry.stamps:
                files[number] = fresh = replace(entry)
                outcomes.append((fresh, self.reload(fresh, use_cache)))
        stamps = self.folder_stamps
        if self.folders_moved():
            found, stamps = self._walk()
            known = {str(f.path) for f in files}
            for path in found:
                if str(path) not in known:
                    known.add(str(path))
                    entry = OpenFile(path)
                    self.reload(entry, use_cache)
                    files.append(entry)
                    outcomes.append((entry, "new"))
        if not outcomes:
            self.folder_stamps = stamps  # walked, nothing new: no need to walk them again
            return self, []
        return Library(files, self.folders, stamps), outcomes
