"""The files a reader has open, and what became of each: its last good briefing, its
current error, whether it is gone. Watching is a light poll of `os.stat` (no file is read
unless its size, mtime or inode changed), which needs nothing from the platform."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..core.model import Briefing
from ..core.problem import first_error
from . import stamps as stamps_of
from .loading import Loaded, load_one


@dataclass
class OpenFile:
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
    files: list[OpenFile] = field(default_factory=list)

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
        """A new library with the files that changed read again, and what happened to each
        (see `reload`); this one is left as it was. Nothing changed: itself and []."""
        files, outcomes = list(self.files), []
        for number, entry in enumerate(self.files):
            if entry.current_stamps() != entry.stamps:
                files[number] = fresh = replace(entry)
                outcomes.append((fresh, self.reload(fresh, use_cache)))
        return (Library(files), outcomes) if outcomes else (self, [])
