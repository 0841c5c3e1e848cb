"""The briefing as plain immutable data. No Textual import here: the model is shared by the
CLI, the reader and the tests, and must load fast without a UI."""

from __future__ import annotations

import datetime as _dt
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path

#: A TOML date or date-time, as tomli returns it.
When = _dt.date | _dt.datetime


def when_text(value: When | None) -> str:
    """A date or date-time as short readable text ('' for None)."""
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        if value.utcoffset() is not None:
            text += value.strftime(" %z")
        return text
    return value.isoformat()


def when_key(value: When | None) -> tuple:
    """A sort key that orders dates and date-times together (None first)."""
    if value is None:
        return (_dt.date.min, _dt.time.min)
    if isinstance(value, _dt.datetime):
        return (value.date(), value.time().replace(tzinfo=None))
    return (value, _dt.time.min)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person who speaks or is spoken to, by the id the briefing gives them."""

    id: str
    name: str
    role: str = ""
    affiliation: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Name with role, for one-line display."""
        return f"{self.name}, {self.role}" if self.role else self.name

    @property
    def position(self) -> str:
        """Role and affiliation, the affiliation left out when the role already names it
        ("Foreign Minister of Tajikistan", not "…of Tajikistan, Tajikistan")."""
        if self.affiliation and self.affiliation.casefold() in self.role.casefold():
            return self.role
        return ", ".join(p for p in (self.role, self.affiliation) if p)


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject the quotes are filed under, with the keywords that find it."""

    id: str
    title: str
    keywords: tuple[str, ...] = ()
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Session:
    """A part of the meeting: its title, who took part, and when."""

    id: str
    title: str
    participants: tuple[Speaker, ...] = ()
    date: When | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """What a speaker said, in their words or paraphrased, and where the source has it."""

    index: int  # position in the briefing's [[quotes]], from 0
    speaker: Speaker
    text: str
    kind: str = "paraphrase"  # "direct" or "paraphrase"
    topics: tuple[Topic, ...] = ()
    session: Session | None = None
    to: tuple[Speaker, ...] = ()
    paragraph: int | None = None
    excerpt: str = ""
    note: str = ""

    @property
    def direct(self) -> bool:
        return self.kind == "direct"


def quick_builder(cls, name: str):
    """A function `name` building `cls` (a frozen slots dataclass) from its fields without
    the dataclass's __init__, which sets each field through object.__setattr__: the fields
    are set on a mutable twin with the same slots, which then becomes a `cls`. The function
    is named as a global of the class's module, so the cache can pickle a reference to it."""
    if hasattr(cls, "__post_init__") or any(
            f.default_factory is not MISSING or not f.init or f.kw_only for f in fields(cls)):
        raise TypeError(f"{cls.__name__}: quick_builder takes plain positional fields only")
    names = [f.name for f in fields(cls)]
    assert tuple(names) == cls.__slots__, cls
    defaults = {f"_default_{f.name}": f.default for f in fields(cls) if f.default is not MISSING}
    params = ", ".join(f"{n}=_default_{n}" if f"_default_{n}" in defaults else n for n in names)
    body = "".join(f"    made.{n} = {n}\n" for n in names)
    namespace = {"_new": object.__new__, "_cls": cls, **defaults,
                 "_twin": type(f"_{cls.__name__}Fields", (), {"__slots__": cls.__slots__})}
    exec(f"def {name}({params}):\n    made = _new(_twin)\n{body}"  # noqa: S102 - our own text
         f"    made.__class__ = _cls\n    return made\n", namespace)
    build = namespace[name]
    build.__module__, build.__qualname__ = cls.__module__, name
    build.__doc__ = f"A {cls.__name__}, equal to {cls.__name__}(*values), built quickly."
    return build


@dataclass(frozen=True, slots=True)
class Outcome:
    """Something the meeting agreed or produced."""

    text: str
    topics: tuple[Topic, ...] = ()
    session: Session | None = None
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    """The meeting a briefing is about: what, when and where."""

    title: str
    date: When
    end_date: When | None = None
    place: str = ""
    summary: str = ""
    tags: tuple[str, ...] = ()

    @property
    def when(self) -> str:
        """The date, or 'start – end' for a meeting over several days."""
        if self.end_date is None:
            return when_text(self.date)
        return f"{when_text(self.date)} – {when_text(self.end_date)}"


@dataclass(frozen=True, slots=True)
class Source:
    """The article a briefing was taken from, and its text as paragraphs."""

    outlet: str = ""
    headline: str = ""
    published: When | None = None
    url: str = ""
    text_path: str = ""  # as written in the briefing, relative to it
    resolved_path: Path | None = None
    #: The source text split into paragraphs (paragraph N is paragraphs[N - 1]); None when the
    #: briefing names no text or the text could not be read.
    paragraphs: tuple[str, ...] | None = None

    def paragraph(self, number: int | None) -> str | None:
        if number is None or self.paragraphs is None or not 1 <= number <= len(self.paragraphs):
            return None
        return self.paragraphs[number - 1]


@dataclass(frozen=True, slots=True)
class Briefing:
    """One briefing file, read and checked."""

    path: Path
    meeting: Meeting
    source: Source
    speakers: tuple[Speaker, ...]
    topics: tuple[Topic, ...] = ()
    sessions: tuple[Session, ...] = ()
    quotes: tuple[Quote, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    format: int = 1
    _by_id: dict = field(default_factory=dict, repr=False, compare=False)

    def speaker(self, speaker_id: str) -> Speaker | None:
        return self._index("speakers", self.speakers).get(speaker_id)

    def topic(self, topic_id: str) -> Topic | None:
        return self._index("topics", self.topics).get(topic_id)

    def session(self, session_id: str) -> Session | None:
        return self._index("sessions", self.sessions).get(session_id)

    def _index(self, name: str, items: tuple) -> dict:
        found = self._by_id.get(name)
        if found is None:
            found = self._by_id[name] = {item.id: item for item in items}
        return found


#: Quick builders (see quick_builder) for the loader and the cache, which build many.
new_quote = quick_builder(Quote, "new_quote")
new_speaker = quick_builder(Speaker, "new_speaker")
new_topic = quick_builder(Topic, "new_topic")
new_session = quick_builder(Session, "new_session")
new_outcome = quick_builder(Outcome, "new_outcome")
new_meeting = quick_builder(Meeting, "new_meeting")
new_source = quick_builder(Source, "new_source")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Blocks of text between blank (or white-space only) lines, trailing spaces removed."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in text.splitlines():
        line = line.rstrip()
        if line.strip():
            block.append(line)
        elif block:
            paragraphs.append("\n".join(block))
            block = []
    if block:
        paragraphs.append("\n".join(block))
    return tuple(paragraphs)


@dataclass(frozen=True, slots=True)
class Row:
    """A quote with the briefing it belongs to."""

    briefing: Briefing
    quote: Quote


#: Row(briefing, quote), for the catalog, which builds one per quote.
new_row = quick_builder(Row, "new_row")
