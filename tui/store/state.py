"""What the reader remembers between runs, in the user's state directory (never in a
briefing): the theme, the search history, and the last selected quote of each briefing.

The state is one small JSON file, written atomically (a temporary file renamed into
place). A damaged file is ignored and replaced at the next save; a folder that cannot be
written is skipped. Every string read back is cleaned like briefing text, and anything of
the wrong shape is dropped.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..core.sanitize import clean

FILE = "state.json"
HISTORY_LIMIT = 200  # searches kept
QUOTES_LIMIT = 500  # briefings whose last quote is kept (the least recently used go first)
MAX_BYTES = 1 << 20  # a larger file is not ours: ignored
LAYOUT = 1


def state_dir() -> Path:
    override = os.environ.get("BRIEFING_STATE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_state_dir("briefing", appauthor=False))


def briefing_key(path: Path) -> str:
    """The key of a briefing in the state: its resolved path."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(Path(path).absolute())


@dataclass
class State:
    """What is kept of the reader between runs, and the folder it is kept in."""

    folder: Path
    theme: str | None = None
    history: list[str] = field(default_factory=list)  # oldest first
    quotes: dict[str, tuple[int, str]] = field(default_factory=dict)  # briefing key → (index, text)
    damaged: bool = False  # the file was there and could not be read

    @classmethod
    def load(cls, folder: Path | None = None) -> State:
        """The state in `folder` (the state directory by default); an empty one when the
        file is missing or damaged."""
        state = cls(folder if folder is not None else state_dir())
        try:
            with open(state.folder / FILE, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except OSError:
            return state
        import json  # here: a first run, with no file, need not import it

        try:
            if len(raw) > MAX_BYTES:
                raise ValueError("too large")
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError, RecursionError):
            state.damaged = True
            return state
        theme = data.get("theme")
        if isinstance(theme, str) and theme:
            state.theme = clean(theme)
        history = data.get("history")
        if isinstance(history, list):
            for query in history:
                if isinstance(query, str):
                    state.remember_search(clean(query))
        quotes = data.get("quotes")
        if isinstance(quotes, dict):
            for key, value in quotes.items():
                if (isinstance(value, list) and len(value) == 2 and type(value[0]) is int
                        and value[0] >= 0 and isinstance(value[1], str)):
                    state.remember_quote(key, value[0], clean(value[1]))
        return state

    def remember_search(self, query: str) -> None:
        """Add a kept search to the history: not blank, not the same as the last one."""
        query = " ".join(query.split())
        if not query or (self.history and self.history[-1] == query):
            return
        self.history.append(query)
        del self.history[:-HISTORY_LIMIT]

    def remember_quote(self, key: str, index: int, text: str) -> None:
        self.quotes.pop(key, None)  # to the end: the most recently used
        self.quotes[key] = (index, text)
        while len(self.quotes) > QUOTES_LIMIT:
            del self.quotes[next(iter(self.quotes))]

    def last_quote(self, key: str) -> tuple[int, str] | None:
        return self.quotes.get(key)

    def to_json(self) -> str:
        import json

        return json.dumps({
            "layout": LAYOUT,
            "theme": self.theme,
            "history": self.history,
            "quotes": {key: list(value) for key, value in self.quotes.items()},
        }, indent=1)  # ASCII: a lone surrogate read back is written back as it came

    def save(self) -> bool:
        """Write the state atomically. False (and nothing changed on disk) when the folder
        cannot be written."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=self.folder)
        except OSError:
            return False
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(self.to_json())
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.folder / FILE)
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            return False
        self.damaged = False
        return True
