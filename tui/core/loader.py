"""Load and validate a briefing file (format 1) into the model.

`check(path)` returns the briefing (or None when it has errors) and every problem found;
`load(path)` returns the briefing or raises `BriefingError`. Every string is passed through
`sanitize.clean` here, once, so the rest of the program only ever sees terminal-safe text.
The rules of single values are in `rules`, those of a quote in `quotes`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import tomli

from . import keylines, quotes, rules
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
    split_paragraphs,
)
from .problem import Problem, first_error
from .sanitize import clean

SUPPORTED_FORMATS = (1,)

KEYS = {
    (): ("format", "meeting", "source", "speakers", "topics", "sessions", "quotes", "outcomes"),
    ("meeting",): ("title", "date", "end_date", "place", "summary", "tags"),
    ("source",): ("outlet", "headline", "published", "url", "text"),
    ("speakers",): ("name", "role", "affiliation", "aliases"),
    ("topics",): ("title", "keywords", "summary"),
    ("sessions",): ("title", "participants", "date"),
    ("quotes",): quotes.KEYS,
    ("outcomes",): ("text", "topics", "session", "paragraph"),
}


class BriefingError(Exception):
    """A briefing that cannot be opened; `problems` lists every reason (and the warnings)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(first_error(problems, "invalid briefing"))


def read_paragraphs(path: Path) -> tuple[str, ...]:
    """A source text's paragraphs, as a briefing holds them; FileProblem when unreadable."""
    return split_paragraphs(clean(read_text(path, allow_bom=True)))


def _before(end, start) -> bool:
    """end < start, for any mix of dates, local and offset date-times."""
    both_times = isinstance(end, dt.datetime) and isinstance(start, dt.datetime)
    if both_times and (end.utcoffset() is None) == (start.utcoffset() is None):
        return end < start
    as_date = lambda v: v.date() if isinstance(v, dt.datetime) else v  # noqa: E731
    return as_date(end) < as_date(start)


class _Checker:
    """Reads a parsed document table by table, noting every problem (a `rules.Report`)."""

    def __init__(self, file: str, path: Path, text: str):
        self.file = file
        self.path = path
        self.text = text
        self.found: list[tuple[tuple, str, bool]] = []

    def error(self, where: tuple, message: str) -> None:
        self.found.append((where, message, False))

    def warn(self, where: tuple, message: str) -> None:
        self.found.append((where, message, True))

    def problems(self) -> list[Problem]:
        """The problems found, errors first, each in line order; the key → line map of the
        text is built only when there is something to report."""
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

    def entries(self, doc: dict, key: str, required: bool) -> dict[str, dict]:
        """The entries of the table of tables `key` ([speakers.ID]), each checked for
        unknown keys."""
        table = rules.table(doc.get(key), (), key, self, required)
        if table is None:
            return {}
        if required and not table:
            self.error((key,), f"at least one {key[:-1]} is required")
        found = rules.ids(table, (key,), self)
        for entry_id, entry in found.items():
            rules.unknown_keys(entry, (key, entry_id), KEYS[(key,)], self)
        return found

    # -- the document ----------------------------------------------------------------------
    def briefing(self, doc: dict) -> Briefing | None:
        rules.unknown_keys(doc, (), KEYS[()], self)
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
        table = rules.table(doc.get("meeting"), (), "meeting", self, required=True)
        if table is None:
            return None
        rules.unknown_keys(table, where, KEYS[where], self)
        get = table.get
        title = rules.string(get("title"), where, "title", self, required=True)
        date = rules.when(get("date"), where, "date", self, required=True)
        end = rules.when(get("end_date"), where, "end_date", self)
        if date is not None and end is not None and _before(end, date):
            self.error(where + ("end_date",), "end_date is before date")
        meeting = Meeting(
            title=title,
            date=date,
            end_date=end,
            place=rules.string(get("place"), where, "place", self),
            summary=rules.string(get("summary"), where, "summary", self),
            tags=rules.strings(get("tags"), where, "tags", self),
        )
        return meeting if date is not None else None

    def source(self, doc: dict) -> Source:
        where = ("source",)
        table = rules.table(doc.get("source"), (), "source", self, required=False)
        if table is None:
            return Source()
        rules.unknown_keys(table, where, KEYS[where], self)
        get = table.get
        text_path = rules.string(get("text"), where, "text", self)
        resolved = paragraphs = None
        if text_path:
            resolved = (self.path.parent / text_path).resolve()
            try:
                paragraphs = read_paragraphs(resolved)
            except FileProblem as problem:
                self.warn(where + ("text",), f"cannot read source text '{text_path}': {problem}")
        return Source(
            outlet=rules.string(get("outlet"), where, "outlet", self),
            headline=rules.string(get("headline"), where, "headline", self),
            published=rules.when(get("published"), where, "published", self),
            url=rules.string(get("url"), where, "url", self),
            text_path=text_path,
            resolved_path=resolved,
            paragraphs=paragraphs,
        )

    def speakers(self, doc: dict) -> dict[str, Speaker]:
        out = {}
        for speaker_id, entry in self.entries(doc, "speakers", required=True).items():
            where, get = ("speakers", speaker_id), entry.get
            out[speaker_id] = Speaker(
                id=speaker_id,
                name=rules.string(get("name"), where, "name", self, required=True),
                role=rules.string(get("role"), where, "role", self),
                affiliation=rules.string(get("affiliation"), where, "affiliation", self),
                aliases=rules.strings(get("aliases"), where, "aliases", self),
            )
        return out

    def topics(self, doc: dict) -> dict[str, Topic]:
        out = {}
        for topic_id, entry in self.entries(doc, "topics", required=False).items():
            where, get = ("topics", topic_id), entry.get
            out[topic_id] = Topic(
                id=topic_id,
                title=rules.string(get("title"), where, "title", self, required=True),
                keywords=rules.strings(get("keywords"), where, "keywords", self),
                summary=rules.string(get("summary"), where, "summary", self),
            )
        return out

    def sessions(self, doc: dict, speakers: dict) -> dict[str, Session]:
        out = {}
        for session_id, entry in self.entries(doc, "sessions", required=False).items():
            where, get = ("sessions", session_id), entry.get
            out[session_id] = Session(
                id=session_id,
                title=rules.string(get("title"), where, "title", self, required=True),
                participants=rules.refs(get("participants"), where, "participants", "speaker",
                                        speakers, self),
                date=rules.when(get("date"), where, "date", self),
            )
        return out

    def quotes(self, doc, speakers, topics, sessions, source) -> list[Quote]:
        read = quotes.QuoteRules(speakers, topics, sessions, source.paragraphs).read
        found = (read(index, entry, self)
                 for index, entry in rules.array_of_tables(doc.get("quotes"), "quotes", self,
                                                           required=True))
        return [quote for quote in found if quote is not None]

    def outcomes(self, doc, topics, sessions, source) -> list[Outcome]:
        out = []
        entries = rules.array_of_tables(doc.get("outcomes"), "outcomes", self, required=False)
        for index, entry in entries:
            where, get = ("outcomes", index), entry.get
            rules.unknown_keys(entry, where, KEYS[("outcomes",)], self)
            session = rules.ref(get("session"), where, "session", "session", sessions, self)
            out.append(
                Outcome(
                    text=rules.string(get("text"), where, "text", self, required=True),
                    topics=rules.refs(get("topics"), where, "topics", "topic", topics, self),
                    session=session,
                    paragraph=rules.paragraph(get("paragraph"), where, source.paragraphs, self),
                )
            )
        return out


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
