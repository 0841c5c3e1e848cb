"""Search as pure functions: fold text, parse queries, match spans (the index that finds
matching quotes is `searchindex`).

Matching is on *folded* text: case-folded, accents and other combining marks removed, white
space runs made single spaces, so `angstrom` finds `Ångström` and `王丽` finds `王丽`. Spans are
reported in the caller's original text, so the widgets can highlight exactly what matched.

Query language: words must all match (AND); `"two words"` is a phrase; `@word` matches only
speakers (name, aliases, role, affiliation, id); `#word` matches only topics (title, keywords,
id). A plain word that is one of a speaker's names (a word of the name, or a one-word alias)
matches that speaker's quotes only, not others' through a session title or their text; any
other plain word, and a phrase, match speakers, topics, the session title and the quote text.
`-` before a term (`-word`, `-"two words"`, `-@name`, `-#topic`) removes the quotes it matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .model import Session, Speaker, Topic

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
    exclude: bool = False  # `-term`: the quotes it matches are removed
    phrase: bool = False  # written in quotation marks: never a speaker's name only

    def positive(self) -> Term:
        """The term without its `-`: what it matches."""
        return Term(self.text, self.scope, False, self.phrase) if self.exclude else self


_TOKEN = re.compile(r'(-?)([@#]?)(?:"([^"]*)"?|(\S+))')


def parse_query(query: str) -> tuple[Term, ...]:
    """Terms of a query; empty terms (a lone `@`, `-`, `""`) are dropped."""
    terms = []
    for minus, prefix, phrase, word in _TOKEN.findall(query):
        if word in ("@", "#", "-"):
            continue  # a prefix not yet followed by anything
        quoted = word == ""
        text = fold(phrase if quoted else word)
        if not text:
            continue
        scope = SPEAKER if prefix == "@" else TOPIC if prefix == "#" else ALL
        terms.append(Term(text, scope, bool(minus), quoted))
    return tuple(terms)


def replace_term(query: str, term: Term, text: str) -> str:
    """`query` with the first word or phrase that reads as `term` written as `text` (its
    `-`, `@` or `#` kept; in quotation marks when `text` has a space)."""
    for match in _TOKEN.finditer(query):
        minus, prefix, phrase, word = (group or "" for group in match.groups())
        if word in ("@", "#", "-"):
            continue
        scope = SPEAKER if prefix == "@" else TOPIC if prefix == "#" else ALL
        quoted = word == ""
        if Term(fold(phrase if quoted else word), scope, bool(minus), quoted) == term:
            written = f'"{text}"' if quoted or " " in text else text
            return query[:match.start()] + minus + prefix + written + query[match.end():]
    return query


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


def fold_many(texts: Sequence[str]) -> list[str]:
    """`[fold(t) for t in texts]`, in a few C-speed passes when all of it is ASCII; then a
    single space at either end of a text may stay, which changes no match (a search term
    is folded too, so it never begins or ends with a space)."""
    joined = "\x00".join(texts)
    if joined.isascii() and len(texts) > 1:
        folded = joined.lower().split("\x00")
        if len(folded) == len(texts):
            return [t if "  " not in t and t.isprintable() else " ".join(t.split())
                    for t in folded]
    return [fold(t) for t in texts]


@lru_cache(maxsize=256)
def _needle_pattern(needle: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(word) for word in needle.split()))


def spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of `text` where any folded needle occurs; white
    space in a needle matches any white space run."""
    needles = [n for n in needles if n]
    if not needles or not text:
        return []
    folded, origin = fold_with_map(text)
    found: list[tuple[int, int]] = []
    for needle in needles:
        for match in _needle_pattern(needle).finditer(folded):
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
