"""Search as pure functions: fold text, parse queries, find matching quotes and match spans.

Matching is on *folded* text: case-folded, accents and other combining marks removed, white
space runs made single spaces, so `angstrom` finds `Ångström` and `王丽` finds `王丽`. Spans are
reported in the caller's original text, so the widgets can highlight exactly what matched.

Query language: words must all match (AND); `"two words"` is a phrase; `@word` matches only
speakers (name, aliases, role, affiliation, id); `#word` matches only topics (title, keywords,
id). A plain word matches speakers, topics, the session title and the quote text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from .model import Quote, Session, Speaker, Topic

ALL, SPEAKER, TOPIC = "all", "speaker", "topic"
SEPARATOR = "\n"  # between fields of a haystack: no folded term contains it


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """One character folded: compatibility-decomposed, marks dropped, case-folded."""
    if char.isspace():
        return " "
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.casefold()


def fold(text: str) -> str:
    """`text` folded for matching; white space runs become one space."""
    if text.isascii():
        return " ".join(text.lower().split())
    return " ".join("".join(map(fold_char, text)).split())


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character (white space kept in place, not collapsed) and,
    for every folded character, the index of the original character it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = fold_char(char)
        folded.append(piece)
        origin.extend([index] * len(piece))
    return "".join(folded), origin


@dataclass(frozen=True, slots=True)
class Term:
    text: str  # folded; words separated by single spaces
    scope: str = ALL  # ALL, SPEAKER or TOPIC

    def covers(self, other: "Term") -> bool:
        """True when every haystack matching `other` also matches self."""
        return self.scope == other.scope and self.text in other.text


_TOKEN = re.compile(r'([@#]?)(?:"([^"]*)"?|(\S+))')


def parse_query(query: str) -> tuple[Term, ...]:
    """Terms of a query; empty terms (a lone `@`, `""`) are dropped."""
    terms = []
    for prefix, phrase, word in _TOKEN.findall(query):
        if word in ("@", "#"):
            continue  # a scope prefix not yet followed by anything
        text = fold(phrase if phrase or word == "" else word)
        if not text:
            continue
        scope = SPEAKER if prefix == "@" else TOPIC if prefix == "#" else ALL
        terms.append(Term(text, scope))
    return tuple(terms)


def speaker_text(speaker: Speaker) -> str:
    return SEPARATOR.join((speaker.id, speaker.name, *speaker.aliases, speaker.role,
                           speaker.affiliation))


def topic_text(topic: Topic) -> str:
    return SEPARATOR.join((topic.id, topic.title, *topic.keywords))


def session_text(session: Session) -> str:
    return SEPARATOR.join((session.id, session.title))


def folded_fields(text: str) -> str:
    return SEPARATOR.join(fold(part) for part in text.split(SEPARATOR))


def matches(query: str, text: str) -> bool:
    """Every word of `query` occurs in `text`, folded (for the CLI's filters)."""
    hay = folded_fields(text)
    return all(term.text in hay for term in parse_query(query))


class SearchIndex:
    """Folded haystacks of every quote, built once; `search` narrows from the previous
    result when the new query only adds to the old one."""

    def __init__(self, quotes: Sequence[Quote]):
        self.quotes = quotes
        speakers: dict[int, str] = {}
        topics: dict[int, str] = {}
        self._speaker_of: list[int] = []
        self._topics_of: list[tuple[int, ...]] = []
        self._hay: list[str] = []
        for quote in quotes:
            sid = id(quote.speaker)
            if sid not in speakers:
                speakers[sid] = folded_fields(speaker_text(quote.speaker))
            for topic in quote.topics:
                if id(topic) not in topics:
                    topics[id(topic)] = folded_fields(topic_text(topic))
            self._speaker_of.append(sid)
            self._topics_of.append(tuple(id(t) for t in quote.topics))
            parts = [speakers[sid], *(topics[id(t)] for t in quote.topics)]
            if quote.session is not None:
                parts.append(fold(quote.session.title))
            parts.append(fold(quote.text))
            self._hay.append(SEPARATOR.join(parts))
        self._speaker_hay = speakers
        self._topic_hay = topics
        self._last: tuple[tuple[Term, ...], list[int]] | None = None

    def search(self, terms: Sequence[Term], within: Iterable[int] | None = None) -> list[int]:
        """Indices of the quotes matching every term, in briefing order."""
        terms = tuple(terms)
        restricted = within is not None
        if within is None:
            within = range(len(self.quotes))
            if self._last is not None and terms:
                old_terms, old_hits = self._last
                if old_terms and all(any(o.covers(n) for n in terms) for o in old_terms):
                    within = old_hits
        hits = list(within)
        for term in terms:
            hits = self._filter(term, hits)
            if not hits:
                break
        if not restricted:  # hits within a subset are no base for a later search of all
            self._last = (terms, hits)
        return hits

    def _filter(self, term: Term, candidates: list[int]) -> list[int]:
        text = term.text
        if term.scope == SPEAKER:
            good = {k for k, hay in self._speaker_hay.items() if text in hay}
            of = self._speaker_of
            return [i for i in candidates if of[i] in good]
        if term.scope == TOPIC:
            good = {k for k, hay in self._topic_hay.items() if text in hay}
            of = self._topics_of
            return [i for i in candidates if any(t in good for t in of[i])]
        hay = self._hay
        return [i for i in candidates if text in hay[i]]


def spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of `text` where any folded needle occurs; white
    space in a needle matches any white space run."""
    needles = [n for n in needles if n]
    if not needles or not text:
        return []
    folded, origin = fold_with_map(text)
    found: list[tuple[int, int]] = []
    for needle in needles:
        pattern = re.compile(r"\s+".join(re.escape(word) for word in needle.split()))
        for match in pattern.finditer(folded):
            if match.end() > match.start():
                end = origin[match.end() - 1] + 1
                while end < len(text) and unicodedata.combining(text[end]):
                    end += 1  # keep the marks of the last character (decomposed text)
                found.append((origin[match.start()], end))
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def excerpt_span(paragraph: str, excerpt: str) -> tuple[int, int] | None:
    """Where `excerpt` stands in `paragraph`, white space compared loosely, case exact."""
    words = excerpt.split()
    if not words:
        return None
    match = re.search(r"\s+".join(map(re.escape, words)), paragraph)
    return match.span() if match else None
