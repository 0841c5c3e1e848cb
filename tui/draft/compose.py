"""The draft as a whole: the article's paragraphs sorted into headline, headings, captions,
furniture and body; the statements and outcomes found in the body; and the briefing built
from them (meeting, speakers, sessions, topics, quotes, outcomes) as TOML text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..core.model import split_paragraphs
from ..core.sanitize import clean
from . import text as tx
from . import tomlout, topics
from .attribute import (
    Attributor,
    Statement,
    is_party_statement,
    looks_continued,
    question_label,
    takes_position,
)
from .people import NOT_NAMES, People, Person, fold, slug

BODY, HEADLINE, HEADING, CAPTION, FURNITURE, META, TURN = (
    "body", "headline", "heading", "caption", "furniture", "meta", "turn")


@dataclass
class Outcome:
    paragraph: int
    text: str


@dataclass
class Draft:
    paragraphs: tuple[str, ...]
    kinds: list[str]
    statements: list[Statement]
    outcomes: list[Outcome]
    title: str
    date: dt.date
    place: str
    published: dt.date | None
    notes: list[str] = field(default_factory=list)  # for stderr: what the drafter could not find
    speakers: dict[int, str] = field(default_factory=dict)  # id(person) -> speaker id

    def pairs(self) -> set[tuple[int, str]]:
        """(paragraph, speaker name) of every statement: what the scorer compares."""
        return {(s.paragraph, s.person.name) for s in self.statements}


def classify(paragraphs: tuple[str, ...]) -> list[str]:
    kinds: list[str] = []
    seen: set[str] = set()
    for number, para in enumerate(paragraphs):
        flat = " ".join(para.split())
        if number == 0 and tx.is_heading(para.split("\n")[0]) and not tx.dateline(para):
            kind = HEADLINE
        elif flat in seen or tx.is_caption(para):
            kind = CAPTION
        elif tx.is_furniture(para):
            kind = FURNITURE
        elif tx.updated_line(para):
            kind = META
        elif tx.turn(para):
            kind = TURN
        elif tx.is_heading(para):
            kind = HEADING
        else:
            kind = BODY
        seen.add(flat)
        kinds.append(kind)
    return kinds


class Drafter:
    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        self.paragraphs = paragraphs
        self.kinds = classify(paragraphs)
        self.people = People()
        for para, kind in zip(paragraphs, self.kinds):
            if kind in (BODY, CAPTION, TURN, HEADLINE):
                self.people.read(para)
        self.attributor = Attributor(self.people)
        self.statements: list[Statement] = []
        self.outcomes: list[Outcome] = []
        self.transcript = self.kinds.count(TURN) >= 2
        self.answerer: Person | None = None  # in a transcript, the last one who answered

    def run(self) -> None:
        turn_of: Person | None = None  # in a transcript, whose turn it is (None: a question's)
        in_turns = False
        for number, (para, kind) in enumerate(zip(self.paragraphs, self.kinds), start=1):
            if kind == TURN and self.transcript:
                label, offset = tx.turn(para)
                turn_of = self._label(label)
                self.answerer = turn_of or self.answerer
                in_turns = True
                if turn_of is not None:
                    self._whole(number, turn_of, offset, "direct")
                continue
            if kind == HEADING and in_turns:
                in_turns = False
            if kind not in (BODY, TURN):
                continue
            if in_turns and is_party_statement(para):
                self.outcomes.append(Outcome(number, " ".join(para.split())))
                continue
            if in_turns and turn_of is not None and self._names(para, turn_of):
                in_turns = False  # narrative naming the speaker: the turns are over
            if in_turns:
                if turn_of is not None:
                    self._whole(number, turn_of, 0, "direct")
                continue
            self._body(number, para)

    def _label(self, label: str) -> Person | None:
        if question_label(label):
            return None
        if label == "A":  # an answer: the one answering so far, or the first person named
            person = self.answerer or next((p for p in self.people.persons if p.role),
                                           self.people.persons[0] if self.people.persons else None)
            if person is not None:
                self.attributor.current = person
            return person
        person = self.people.find_full(label) or self.people.find_full(label.title())
        if person is None:
            words = label.split()
            short, _others = self.people.by_short(words[-1].title() if words[-1].isupper()
                                                  else words[-1])
            person = short if short is not None else self.people.by_role(label)
        if person is None and len(label.split()) >= 2:
            person = self.people.add(label.title() if label.isupper() else label)
        if person is not None:
            self.attributor.current = person
        return person

    def _whole(self, number: int, person: Person, offset: int, kind: str, note: str = "") -> None:
        para = self.paragraphs[number - 1]
        start, end = offset, len(para)
        while start < end and para[start] in " \n\"“":
            start += 1
        while end > start and para[end - 1] in " \n\"”":
            end -= 1
        if end - start >= 8:
            self.statements.append(Statement(number, person, kind, start, end, note))

    def _previous_speaker(self, number: int) -> Person | None:
        """The speaker of the last statement in the paragraph before, if it is body."""
        if number < 2 or self.kinds[number - 2] not in (BODY, TURN):
            return None
        last = [s for s in self.statements if s.paragraph == number - 1]
        return last[-1].person if last else None

    def _body(self, number: int, para: str) -> None:
        before = self._previous_speaker(number)
        stripped = para.lstrip()
        if (before is not None and stripped[:1] in "\"“" and
                tx.opens_unclosed(self.paragraphs[number - 2])):
            note = f"continues the quotation opened in paragraph {number - 1}"
            for a, b in tx.quotations(para):
                self._add(number, before, "direct", a, b, note if a < 3 else "")
            return
        if before is not None and self._only_quotation(para) and any(
                s.kind == "direct" and s.person is before
                for s in self.statements if s.paragraph == number - 1):
            note = f"a quotation without attribution after {before.name}'s in paragraph {number - 1}"
            for a, b in tx.quotations(para):
                self._add(number, before, "direct", a, b, note)
            return
        start = 0
        if number <= 3 and (line := tx.dateline(para)):
            start = line[1]
        found = []
        quoted = tx.quotations(para)
        for s in tx.sentences(para, start):
            result = self.attributor.sentence(para, s, quoted)
            if result is None:
                self.attributor.note_subject(s.text)
            found.append((s, result))
        people = {id(f.person): f.person for _s, f in found if f is not None}
        for index, (s, f) in enumerate(found):
            if f is not None:
                kind = "direct" if any(a <= sa < b for sa, _e in f.spans for a, b in quoted) \
                    else "paraphrase"
                for a, b in f.spans:
                    self._add(number, f.person, kind, a, b, f.note, f.to)
                continue
            if is_party_statement(s.text):
                self.outcomes.append(Outcome(number, " ".join(s.text.split())))
                continue
            inner = [(a, b) for a, b in quoted if a >= s.start and b <= s.end]
            if len(people) == 1 and not tx.is_caption(s.text) and (inner or takes_position(s.text)):
                person = next(iter(people.values()))
                near = [i for i, (_s, g) in enumerate(found) if g is not None]
                where = "before" if min(near) > index else "earlier in"
                spans = inner or [(s.start, s.end)]
                kind = "direct" if spans[0] != (s.start, s.end) else "paraphrase"
                for a, b in spans:
                    self._add(number, person, kind, a, b,
                              f"no attribution of its own; taken as {person.name}'s, named "
                              f"{'after it' if where == 'before' else 'earlier'} in this "
                              "paragraph")
        if not people and before is not None and not any(
                is_party_statement(s.text) for s, _f in found) and looks_continued(para):
            self._add(number, before, "paraphrase", start, len(para.rstrip()),
                      f"attributed by continuation from paragraph {number - 1}")

    @staticmethod
    def _names(para: str, person: Person) -> bool:
        """Does `para` name `person` (as one speaking of them, not as them)?"""
        words = {person.name, person.tokens[-1], *person.aliases}
        return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", para) for w in words)

    @staticmethod
    def _only_quotation(para: str) -> bool:
        """Is the paragraph nothing but quoted words (no attribution, no narrative)?"""
        spans = tx.quotations(para)
        outside = "".join(para[b:a] for (_s, b), (a, _e) in zip([(0, 0)] + spans,
                                                                 spans + [(len(para), 0)]))
        return bool(spans) and not any(c.isalnum() for c in outside)

    def _add(self, number, person, kind, a, b, note="", to=()) -> None:
        para = self.paragraphs[number - 1]
        while a < b and para[a] in " \n,;:\"“”-—":
            a += 1
        while b > a and para[b - 1] in " \n,;:\"“”-—":
            b -= 1
        if b - a < 8:
            return
        self.statements.append(Statement(number, person, kind, a, b, note, list(to)))


def _meeting_date(paragraphs, kinds) -> tuple[dt.date | None, dt.date | None]:
    """(meeting date, published date): a caption's date, a dateline's, an 'Updated' line's."""
    published = None
    for para in paragraphs[:4]:
        for line in para.split("\n"):
            if tx.updated_line(line) and tx.dates(line):
                published = tx.dates(line)[0]
    for para, kind in zip(paragraphs, kinds):
        if kind == CAPTION and tx.dates(para):
            return tx.dates(para)[0], published
    year = (published or dt.date.today()).year
    for para in paragraphs[:4]:
        day = tx.dateline_day(para, year)
        if day is not None:
            return day, published
    for para in paragraphs[:3]:
        if tx.dates(para):
            return tx.dates(para)[0], published
    return published, published


def _place(paragraphs, kinds) -> str:
    for para in paragraphs[:4]:
        line = tx.dateline(para)
        if line:
            return line[0]
        place = re.match(r"([A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?),\s+(.+)$", para.strip())
        if place and tx.dates(place.group(2)) and "\n" not in para.strip():
            return place.group(1)  # "Berlin, 21 June 2023"
    for para, kind in zip(paragraphs, kinds):
        if kind in (CAPTION, BODY):
            match = re.search(r"\b(?:meets?|met|talks|held|hosted)\b[^.]{0,120}?\bin "
                              r"([A-Z][\w-]+(?:, [A-Z][\w-]+)?)", para)
            if match and not tx.dates(match.group(1)) and fold(
                    match.group(1).split(",")[0]) not in NOT_NAMES:
                return match.group(1)
    return ""


def draft(article: str, source_text: str = "", date: dt.date | None = None,
          title: str | None = None, today: dt.date | None = None) -> tuple[str, Draft]:
    """The TOML text of a draft briefing of `article`, and the draft it was made from.
    `source_text` is what `source.text` says (the article's path relative to the output)."""
    paragraphs = split_paragraphs(clean(article.lstrip("\ufeff")))
    drafter = Drafter(paragraphs)
    drafter.run()
    found_date, published = _meeting_date(paragraphs, drafter.kinds)
    notes: list[str] = []
    headline = paragraphs[0].split("\n")[0].strip() if drafter.kinds[:1] == [HEADLINE] else ""
    when = date or found_date
    if when is None:
        when = today or dt.date.today()
        notes.append(f"no date found in the article: the meeting is dated {when.isoformat()}"
                     " (today); give --date to set it")
    result = Draft(paragraphs, drafter.kinds, drafter.statements, drafter.outcomes,
                   title or headline or "Draft briefing", when,
                   _place(paragraphs, drafter.kinds), published, notes)
    return _toml(result, headline, source_text, date is None and found_date is None), result


def _sections(kinds: list[str], paragraphs) -> list[tuple[str, int]]:
    """(heading, first paragraph) of each section the headings open."""
    return [(" ".join(p.split()), n) for n, (p, k) in enumerate(zip(paragraphs, kinds), start=1)
            if k == HEADING]


def _toml(d: Draft, headline: str, source_text: str, undated: bool) -> str:
    ids: dict[int, str] = {}
    speakers: dict[str, dict] = {}
    for s in d.statements:
        if id(s.person) in ids:
            continue
        base = slug(s.person.name)
        sid, n = base, 2
        while sid in speakers:
            sid, n = f"{base}-{n}", n + 1
        ids[id(s.person)] = sid
        speakers[sid] = {"name": s.person.name, "role": s.person.role,
                         "affiliation": s.person.affiliation,
                         "aliases": [a for a in s.person.aliases if a != s.person.name]}
    d.speakers = ids
    sections = _sections(d.kinds, d.paragraphs)

    def section_of(paragraph: int) -> int:
        return max((i for i, (_h, first) in enumerate(sections) if first <= paragraph),
                   default=-1)

    used = sorted({section_of(s.paragraph) for s in d.statements})
    sessions: dict[str, dict] = {}
    session_ids: dict[int, str] = {}
    if len([u for u in used if u >= 0]) >= 2:
        for index in used:
            if index < 0:
                continue
            heading = sections[index][0]
            base = slug(heading)[:40].strip("-") or "session"
            sid, n = base, 2
            while sid in sessions:
                sid, n = f"{base}-{n}", n + 1
            people = []
            for s in d.statements:
                if section_of(s.paragraph) == index and ids[id(s.person)] not in people:
                    people.append(ids[id(s.person)])
            session_ids[index] = sid
            sessions[sid] = {"title": heading, "participants": people}
    texts = [d.paragraphs[s.paragraph - 1][s.start:s.end] for s in d.statements]
    chosen, per_quote = topics.choose(texts)
    quotes = []
    for s, text, topic_ids in zip(d.statements, texts, per_quote):
        words = " ".join(text.split())
        words = words[:1].upper() + words[1:]
        if words[-1:] not in ".!?":
            words += "."
        to = [ids[id(p)] for p in s.to if id(p) in ids and p is not s.person]
        quotes.append({"speaker": ids[id(s.person)], "session": session_ids.get(
            section_of(s.paragraph)), "to": to, "topics": topic_ids, "kind": s.kind,
            "text": words, "paragraph": s.paragraph, "excerpt": text, "note": s.note})
    meeting = {"title": d.title, "date": d.date, "place": d.place}
    document: dict = {"format": 1, "meeting": meeting,
                      "source": {"headline": headline, "published": d.published,
                                 "text": source_text}}
    document["speakers"] = speakers
    document["topics"] = {t: {"title": title, "keywords": words} for t, title, words in chosen}
    if sessions:
        document["sessions"] = sessions
    document["quotes"] = quotes
    document["outcomes"] = [
        {"text": o.text, "paragraph": o.paragraph, "session": session_ids.get(section_of(o.paragraph))}
        for o in d.outcomes]
    header = "# A draft made by `briefing draft`: review every quote against the source.\n"
    if undated:
        header += "# No date was found in the article: meeting.date is today's; set the meeting's own.\n"
    return header + tomlout.dumps(document)
