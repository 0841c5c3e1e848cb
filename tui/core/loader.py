"""Load and validate a briefing file (format 1) into the model.

`check(path)` returns the briefing (or None when it has errors) and every problem found;
`load(path)` returns the briefing or raises `BriefingError`. Every string is passed through
`sanitize.clean` here, once, so the rest of the program only ever sees terminal-safe text.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

import tomli

from . import keylines
from .files import FileProblem, read_text
from .model import (
    Briefing,
    Meeting,
    Outcome,
    Quote,
    Session,
    Source,
    Speaker,
    Topic,
    new_quote,
    split_paragraphs,
)
from .problem import Problem
from .sanitize import clean

SUPPORTED_FORMATS = (1,)
_ID = re.compile(r"[A-Za-z0-9_-]+")

KEYS = {
    (): ("format", "meeting", "source", "speakers", "topics", "sessions", "quotes", "outcomes"),
    ("meeting",): ("title", "date", "end_date", "place", "summary", "tags"),
    ("source",): ("outlet", "headline", "published", "url", "text"),
    ("speakers",): ("name", "role", "affiliation", "aliases"),
    ("topics",): ("title", "keywords", "summary"),
    ("sessions",): ("title", "participants", "date"),
    ("quotes",): (
        "speaker", "text", "kind", "topics", "session", "to", "paragraph", "excerpt", "note",
    ),
    ("outcomes",): ("text", "topics", "session", "paragraph"),
}


class BriefingError(Exception):
    """A briefing that cannot be opened; `problems` lists every reason (and the warnings)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if not p.warning]
        super().__init__(str(errors[0]) if errors else "invalid briefing")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time of day"
    return type(value).__name__


def _suggest(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def read_paragraphs(path: Path) -> tuple[str, ...]:
    """A source text's paragraphs, as a briefing holds them; FileProblem when unreadable."""
    return split_paragraphs(clean(read_text(path, allow_bom=True)))


def _loose(text: str) -> str:
    return " ".join(text.split())


def _before(end, start) -> bool:
    """end < start, for any mix of dates, local and offset date-times."""
    both_times = isinstance(end, dt.datetime) and isinstance(start, dt.datetime)
    if both_times and (end.utcoffset() is None) == (start.utcoffset() is None):
        return end < start
    as_date = lambda v: v.date() if isinstance(v, dt.datetime) else v  # noqa: E731
    return as_date(end) < as_date(start)


class _Checker:
    def __init__(self, file: str, path: Path, text: str):
        self.file = file
        self.path = path
        self.text = text
        self.found: list[tuple[tuple, str, bool]] = []

    # -- reporting -------------------------------------------------------------------------
    def error(self, where: tuple, message: str) -> None:
        self.found.append((where, message, False))

    def warn(self, where: tuple, message: str) -> None:
        self.found.append((where, message, True))

    def problems(self) -> list[Problem]:
        if not self.found:
            return []
        lines = keylines.key_lines(self.text)
        out = []
        for where, message, warning in self.found:
            position = keylines.line_of(lines, where) or (1, None)
            out.append(
                Problem(
                    self.file, message, keylines.path_text(where) or "(top level)",
                    position[0], None, warning,
                )
            )
        out.sort(key=lambda p: (p.warning, p.line or 0))
        return out

    # -- typed readers; each returns the cleaned value or a default after reporting ---------
    def table(self, parent: dict, key: str, where: tuple, required: bool) -> dict | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.error(where[:-1], f"missing required table [{keylines.path_text(where)}]")
            return None
        if not isinstance(value, dict):
            self.error(where, f"must be a table, not {_type_name(value)}")
            return None
        return value

    def unknown_keys(self, table: dict, where: tuple, allowed: tuple[str, ...]) -> None:
        for key in table:
            if key not in allowed:
                self.warn(where + (key,), f"unknown key '{key}'{_suggest(key, allowed)}")

    def string(self, table: dict, key: str, where: tuple, required: bool = False) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.error(where, f"missing required key '{key}'")
            return ""
        if not isinstance(value, str):
            self.error(where + (key,), f"must be a string, not {_type_name(value)}")
            return ""
        if required and not value.strip():
            self.error(where + (key,), "must not be empty")
        return clean(value)

    def strings(self, table: dict, key: str, where: tuple) -> tuple[str, ...]:
        value = table.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(where + (key,), f"must be an array of strings, not {_type_name(value)}")
            return ()
        out = []
        for index, item in enumerate(value):
            if isinstance(item, str):
                out.append(clean(item))
            else:
                self.error(where + (key, index), f"must be a string, not {_type_name(item)}")
        return tuple(out)

    def when(self, table: dict, key: str, where: tuple, required: bool = False):
        value = table.get(key)
        if value is None:
            if required:
                self.error(where, f"missing required key '{key}'")
            return None
        if isinstance(value, dt.date):  # datetime is a date too
            return value
        self.error(where + (key,), f"must be a date or date-time, not {_type_name(value)}")
        return None

    def ref(self, value: Any, where: tuple, kind: str, known: dict) -> Any:
        if not isinstance(value, str):
            self.error(where, f"must be a {kind} id (a string), not {_type_name(value)}")
            return None
        if value not in known:
            self.error(where, f"unknown {kind} '{clean(value)}'{_suggest(value, known)}")
            return None
        return known[value]

    def refs(self, table: dict, key: str, where: tuple, kind: str, known: dict) -> tuple:
        value = table.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(where + (key,), f"must be an array of {kind} ids, not {_type_name(value)}")
            return ()
        found = (self.ref(item, where + (key, i), kind, known) for i, item in enumerate(value))
        return tuple(item for item in found if item is not None)

    def ids(self, table: dict, where: tuple) -> dict:
        out = {}
        for key, value in table.items():
            if not _ID.fullmatch(key):
                self.error(where + (key,), "an id may hold only ASCII letters, digits, - and _")
            elif not isinstance(value, dict):
                self.error(where + (key,), f"must be a table, not {_type_name(value)}")
            else:
                out[key] = value
        return out

    def array_of_tables(self, doc: dict, key: str, required: bool) -> list[tuple[int, dict]]:
        value = doc.get(key)
        if value is None or value == []:
            if required:
                self.error((), f"at least one [[{key}]] is required")
            return []
        if not isinstance(value, list):
            self.error((key,), f"must be an array of tables ([[{key}]]), not {_type_name(value)}")
            return []
        out = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                out.append((index, item))
            else:
                self.error((key, index), f"must be a table, not {_type_name(item)}")
        return out

    def paragraph(self, table: dict, where: tuple, source: Source) -> int | None:
        value = table.get("paragraph")
        if value is None:
            return None
        if type(value) is not int:
            self.error(where + ("paragraph",), f"must be an integer, not {_type_name(value)}")
            return None
        if value < 1:
            self.error(where + ("paragraph",), "must be 1 or more")
            return None
        count = len(source.paragraphs) if source.paragraphs is not None else None
        if count is not None and value > count:
            self.error(
                where + ("paragraph",),
                f"paragraph {value} is past the end of the source text ({count} paragraphs)",
            )
            return None
        return value

    # -- the document ----------------------------------------------------------------------
    def briefing(self, doc: dict) -> Briefing | None:
        self.unknown_keys(doc, (), KEYS[()])
        version = doc.get("format")
        supported = ", ".join(map(str, SUPPORTED_FORMATS))
        if version is None:
            self.error((), f"missing required key 'format' (supported: {supported})")
        elif type(version) is not int or version not in SUPPORTED_FORMATS:
            shown = clean(repr(version)) if not isinstance(version, str) else f"'{clean(version)}'"
            self.error(("format",), f"unsupported format {shown}; this reader supports {supported}")
            return None

        meeting = self.meeting(doc)
        source = self.source(doc)
        speakers = self.speakers(doc)
        topics = self.topics(doc)
        sessions = self.sessions(doc, speakers)
        quotes = self.quotes(doc, speakers, topics, sessions, source)
        outcomes = self.outcomes(doc, topics, sessions, source)

        spoken = {q.speaker.id for q in quotes} | {s.id for q in quotes for s in q.to}
        for speaker_id in speakers:
            if speaker_id not in spoken:
                self.warn(("speakers", speaker_id), "no quote uses this speaker")
        used = {t.id for q in quotes for t in q.topics}
        for topic_id in topics:
            if topic_id not in used:
                self.warn(("topics", topic_id), "no quote uses this topic")

        if any(not warning for _, _, warning in self.found) or meeting is None:
            return None
        return Briefing(
            path=self.path,
            meeting=meeting,
            source=source,
            speakers=tuple(speakers.values()),
            topics=tuple(topics.values()),
            sessions=tuple(sessions.values()),
            quotes=tuple(quotes),
            outcomes=tuple(outcomes),
            format=version if isinstance(version, int) else 1,
        )

    def meeting(self, doc: dict) -> Meeting | None:
        where = ("meeting",)
        table = self.table(doc, "meeting", where, required=True)
        if table is None:
            return None
        self.unknown_keys(table, where, KEYS[where])
        title = self.string(table, "title", where, required=True)
        date = self.when(table, "date", where, required=True)
        end = self.when(table, "end_date", where)
        if date is not None and end is not None:
            before = _before(end, date)
            if before:
                self.error(where + ("end_date",), "end_date is before date")
        meeting = Meeting(
            title=title,
            date=date,
            end_date=end,
            place=self.string(table, "place", where),
            summary=self.string(table, "summary", where),
            tags=self.strings(table, "tags", where),
        )
        return meeting if date is not None else None

    def source(self, doc: dict) -> Source:
        where = ("source",)
        table = self.table(doc, "source", where, required=False)
        if table is None:
            return Source()
        self.unknown_keys(table, where, KEYS[where])
        text_path = self.string(table, "text", where)
        resolved = paragraphs = None
        if text_path:
            resolved = (self.path.parent / text_path).resolve()
            try:
                paragraphs = read_paragraphs(resolved)
            except FileProblem as problem:
                self.warn(where + ("text",), f"cannot read source text '{text_path}': {problem}")
        return Source(
            outlet=self.string(table, "outlet", where),
            headline=self.string(table, "headline", where),
            published=self.when(table, "published", where),
            url=self.string(table, "url", where),
            text_path=text_path,
            resolved_path=resolved,
            paragraphs=paragraphs,
        )

    def speakers(self, doc: dict) -> dict[str, Speaker]:
        table = self.table(doc, "speakers", ("speakers",), required=True)
        if table is None:
            return {}
        if not table:
            self.error(("speakers",), "at least one speaker is required")
        out = {}
        for speaker_id, entry in self.ids(table, ("speakers",)).items():
            where = ("speakers", speaker_id)
            self.unknown_keys(entry, where, KEYS[("speakers",)])
            out[speaker_id] = Speaker(
                id=speaker_id,
                name=self.string(entry, "name", where, required=True),
                role=self.string(entry, "role", where),
                affiliation=self.string(entry, "affiliation", where),
                aliases=self.strings(entry, "aliases", where),
            )
        return out

    def topics(self, doc: dict) -> dict[str, Topic]:
        table = self.table(doc, "topics", ("topics",), required=False)
        out = {}
        for topic_id, entry in self.ids(table or {}, ("topics",)).items():
            where = ("topics", topic_id)
            self.unknown_keys(entry, where, KEYS[("topics",)])
            out[topic_id] = Topic(
                id=topic_id,
                title=self.string(entry, "title", where, required=True),
                keywords=self.strings(entry, "keywords", where),
                summary=self.string(entry, "summary", where),
            )
        return out

    def sessions(self, doc: dict, speakers: dict) -> dict[str, Session]:
        table = self.table(doc, "sessions", ("sessions",), required=False)
        out = {}
        for session_id, entry in self.ids(table or {}, ("sessions",)).items():
            where = ("sessions", session_id)
            self.unknown_keys(entry, where, KEYS[("sessions",)])
            out[session_id] = Session(
                id=session_id,
                title=self.string(entry, "title", where, required=True),
                participants=self.refs(entry, "participants", where, "speaker", speakers),
                date=self.when(entry, "date", where),
            )
        return out

    def quotes(self, doc, speakers, topics, sessions, source) -> list[Quote]:
        out = []
        fast = _FastQuotes(speakers, topics, sessions, source)
        for index, entry in self.array_of_tables(doc, "quotes", required=True):
            quote = fast.quote(index, entry)
            if quote is not None:
                out.append(quote)
                continue
            where = ("quotes", index)
            self.unknown_keys(entry, where, KEYS[("quotes",)])
            speaker = None
            if "speaker" not in entry:
                self.error(where, "missing required key 'speaker'")
            else:
                speaker = self.ref(entry["speaker"], where + ("speaker",), "speaker", speakers)
            text = self.string(entry, "text", where, required=True)
            kind = entry.get("kind", "paraphrase")
            if kind not in ("direct", "paraphrase"):
                shown = f"'{clean(kind)}'" if isinstance(kind, str) else _type_name(kind)
                self.error(where + ("kind",), f"must be \"direct\" or \"paraphrase\", not {shown}")
                kind = "paraphrase"
            session = None
            if "session" in entry:
                session = self.ref(entry["session"], where + ("session",), "session", sessions)
            paragraph = self.paragraph(entry, where, source)
            excerpt = self.string(entry, "excerpt", where)
            if excerpt and paragraph is not None:
                body = source.paragraph(paragraph)
                if body is not None and _loose(excerpt) not in _loose(body):
                    short = excerpt if len(excerpt) <= 60 else excerpt[:57] + "..."
                    self.error(
                        where + ("excerpt",), f"excerpt '{short}' not found in paragraph {paragraph}"
                    )
            quote = Quote(
                index=index,
                speaker=speaker,
                text=text,
                kind=kind,
                topics=self.refs(entry, "topics", where, "topic", topics),
                session=session,
                to=self.refs(entry, "to", where, "speaker", speakers),
                paragraph=paragraph,
                excerpt=excerpt,
                note=self.string(entry, "note", where),
            )
            if speaker is not None:
                out.append(quote)
        return out

    def outcomes(self, doc, topics, sessions, source) -> list[Outcome]:
        out = []
        for index, entry in self.array_of_tables(doc, "outcomes", required=False):
            where = ("outcomes", index)
            self.unknown_keys(entry, where, KEYS[("outcomes",)])
            session = None
            if "session" in entry:
                session = self.ref(entry["session"], where + ("session",), "session", sessions)
            out.append(
                Outcome(
                    text=self.string(entry, "text", where, required=True),
                    topics=self.refs(entry, "topics", where, "topic", topics),
                    session=session,
                    paragraph=self.paragraph(entry, where, source),
                )
            )
        return out


_QUOTE_KEYS = frozenset(KEYS[("quotes",)])
_KINDS = frozenset(("direct", "paraphrase"))


class _FastQuotes:
    """Builds a quote in one pass when it is plainly valid, or returns None so that the
    checker's slower, reporting path looks at it. Large briefings are almost all valid."""

    def __init__(self, speakers, topics, sessions, source: Source):
        self.speakers, self.topics, self.sessions = speakers, topics, sessions
        self.paragraphs = source.paragraphs
        self.loose: dict[int, str] = {}
        self.topic_sets: dict[tuple, tuple] = {}

    def quote(self, index: int, entry: dict) -> Quote | None:
        if not entry.keys() <= _QUOTE_KEYS:
            return None
        get = entry.get
        topic_ids, to_ids = get("topics", []), get("to", [])
        if type(topic_ids) is not list or type(to_ids) is not list:
            return None
        try:
            speaker = self.speakers[entry["speaker"]]
            text = entry["text"]
            kind = get("kind", "paraphrase")
            key = tuple(topic_ids)  # quotes with the same topics share one tuple: the
            topics = self.topic_sets.get(key)  # catalog folds and counts each tuple once
            if topics is None:
                topics = self.topic_sets[key] = tuple([self.topics[t] for t in topic_ids])
            to = tuple([self.speakers[s] for s in to_ids])
            session_id = entry.get("session")
            session = None if session_id is None else self.sessions[session_id]
        except (KeyError, TypeError):
            return None
        paragraph = entry.get("paragraph")
        excerpt = entry.get("excerpt", "")
        note = entry.get("note", "")
        if (
            type(text) is not str or not text.strip() or kind not in _KINDS
            or type(excerpt) is not str or type(note) is not str
        ):
            return None
        if paragraph is not None:
            if type(paragraph) is not int or paragraph < 1:
                return None
            if self.paragraphs is not None:
                if paragraph > len(self.paragraphs):
                    return None
                if excerpt:
                    loose = self.loose.get(paragraph)
                    if loose is None:
                        loose = self.loose[paragraph] = _loose(self.paragraphs[paragraph - 1])
                    if _loose(excerpt) not in loose:
                        return None
        return new_quote(index, speaker, clean(text), kind, topics, session, to, paragraph,
                         clean(excerpt), clean(note))


def check(path: Path | str, display: str | None = None) -> tuple[Briefing | None, list[Problem]]:
    """Validate the briefing at `path`: (briefing or None when it has errors, problems).
    Callers that load large files pause the garbage collector around it (`tui.store.loading`)."""
    path = Path(path)
    file = display if display is not None else str(path)
    try:
        text = read_text(path)
    except FileProblem as problem:
        return None, [Problem(file, problem.message, "", problem.line, problem.column)]
    if not text.strip():
        return None, [Problem(file, "file is empty; a briefing needs at least format, "
                              "[meeting], [speakers] and [[quotes]]", "", 1)]
    try:
        doc = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        message = getattr(error, "msg", str(error))
        return None, [Problem(file, f"invalid TOML: {message}", "", error.lineno, error.colno)]
    except RecursionError:
        return None, [Problem(file, "invalid TOML: arrays or tables nested too deeply")]
    checker = _Checker(file, path, text)
    try:
        briefing = checker.briefing(doc)
    except RecursionError:
        return None, [Problem(file, "arrays or tables nested too deeply")]
    return briefing, checker.problems()


def load(path: Path | str) -> Briefing:
    """The briefing at `path`, or BriefingError listing its problems."""
    briefing, problems = check(path)
    if briefing is None:
        raise BriefingError(problems)
    return briefing
