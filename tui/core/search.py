"""Search as pure functions: fold text, parse queries, find matching quotes and match spans.

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
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter

from .model import Quote, Session, Speaker, Topic

ALL, SPEAKER, TOPIC = "all", "speaker", "topic"
SEPARATOR = "\n"  # between fields of a haystack: no folded term contains it
RECENT = 8  # searches remembered to narrow from, each among its own candidates


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


def _numberer(text) -> tuple[Callable[[object], int], list[str]]:
    """For objects shared by many quotes: a function giving each one's number, and the list
    of folded `text(object)` by number, which it fills. Objects with the same text share a
    number, so that a person a library holds once per meeting is searched once."""
    by_object: dict[int, int] = {}  # id → number (the objects outlive the index's build)
    by_text: dict[str, int] = {}
    texts: list[str] = []

    def number(item) -> int:
        found = by_object.get(id(item))
        if found is None:
            folded = text(item)
            found = by_text.get(folded)
            if found is None:
                found = by_text[folded] = len(texts)
                texts.append(folded)
            by_object[id(item)] = found
        return found

    return number, texts


def _numbered(items, text) -> tuple[list[int], list[str]]:
    """Each item's number (see _numberer), and the folded text of each number."""
    number, texts = _numberer(text)
    return [number(item) for item in items], texts


_NAME_PUNCTUATION = ",.;:()\"'"


def name_words(speaker: Speaker) -> set[str]:
    """The folded words that name `speaker` on their own: each word of the name, and each
    one-word alias."""
    words = set(fold(speaker.name).split())
    words.update(a for a in map(fold, speaker.aliases) if a and " " not in a)
    words = {w.strip(_NAME_PUNCTUATION) for w in words}
    return {w for w in words if len(w) > 1}


class SearchIndex:
    """Folded text of every quote and of every speaker, topic and session, built once.
    `search` narrows from the previous result over the same candidates when the new query
    only adds to the old one."""

    def __init__(self, quotes: Sequence[Quote]):
        self.quotes = quotes
        self._text = fold_many([q.text for q in quotes])
        speaker_number, self._speakers = _numberer(lambda s: folded_fields(speaker_text(s)))
        self._speaker_of = [speaker_number(q.speaker) for q in quotes]  # numbers all first
        #: A word naming speakers on its own (see name_words) → their numbers.
        self._named: dict[str, set[int]] = defaultdict(set)
        speakers = [q.speaker for q in quotes]
        for speaker in dict(zip(map(id, speakers), speakers)).values():
            number = speaker_number(speaker)
            for word in name_words(speaker):
                self._named[word].add(number)
        self._named = dict(self._named)
        self._session_of, self._sessions = _numbered(
            (q.session for q in quotes), lambda s: fold(s.title) if s is not None else "")
        topic_number, self._topics = _numberer(lambda t: folded_fields(topic_text(t)))
        shapes: dict[tuple, tuple[int, ...]] = {}
        self._topics_of: list[tuple[int, ...]] = []
        for quote in quotes:
            key = tuple(map(id, quote.topics))
            numbers = shapes.get(key)
            if numbers is None:
                numbers = shapes[key] = tuple(map(topic_number, quote.topics))
            self._topics_of.append(numbers)
        self._quotes_of: tuple[dict[int, list[int]], ...] | None = None
        #: The last search among each `within` (by id; the entry holds it, so the id stays
        #: its own): a faceted view searches a few sets of candidates on every key.
        self._recent: dict[int, tuple[tuple[Term, ...], object, list[int]]] = {}
        self._inverted()  # now, with the rest, not on the first keystroke

    def names_speaker(self, term: Term) -> bool:
        """Whether `term` is a plain word naming a speaker (see name_words), which then
        matches only the quotes of the speakers it names."""
        return term.scope == ALL and not term.phrase and term.text in self._named

    def search(self, terms: Sequence[Term], within: Sequence[int] | None = None) -> list[int]:
        """Indices of the quotes matching every term (among `within`, when given), in
        order. Pass the same `within` object again to let a longer query narrow."""
        terms = tuple(terms)
        narrowed = self._narrowed(terms, within)
        candidates: Sequence[int] = range(len(self.quotes)) if within is None else within
        hits = list(candidates if narrowed is None else narrowed[1])
        done = () if narrowed is None else narrowed[0]  # every old hit satisfies these
        for term in sorted(terms, key=attrgetter("exclude")):  # what to keep, then remove
            if term in done:
                continue
            if term.exclude:
                removed = set(self._filter(term.positive(), hits))
                hits = [i for i in hits if i not in removed] if removed else hits
            else:
                hits = self._filter(term, hits)
            if not hits:
                break
        recent = self._recent
        recent.pop(id(within), None)
        if len(recent) >= RECENT:
            recent.pop(next(iter(recent)), None)  # the oldest
        recent[id(within)] = (terms, within, hits)
        return hits

    def _covers(self, old: Term, new: Term) -> bool:
        """Whether every quote matching `new` also matches `old`. A speaker's name matches
        fewer quotes than a longer word containing it, so it covers only itself."""
        if old == new:
            return True
        if old.scope != new.scope or old.exclude != new.exclude or self.names_speaker(old):
            return False
        if old.exclude:  # a shorter excluded word removes more
            return not self.names_speaker(new) and new.text in old.text
        return old.text in new.text

    def _narrowed(self, terms: tuple[Term, ...],
                  within: object) -> tuple[tuple[Term, ...], list[int]] | None:
        """The last search's terms and hits, when a search for `terms` among `within` can
        start from them (every old term is covered by a new one); else None."""
        last = self._recent.get(id(within))  # one read: a worker thread may be replacing it
        if last is None or not terms:
            return None
        old_terms, old_within, old_hits = last
        if old_within is within and old_terms and all(
                any(self._covers(o, n) for n in terms) for o in old_terms):
            return old_terms, old_hits
        return None

    def narrowed_size(self, terms: Sequence[Term], within: object = None) -> int | None:
        """How many quotes a search for `terms` among `within` would look at, when it can
        narrow the last search's hits; None when it would look at them all again."""
        narrowed = self._narrowed(tuple(terms), within)
        return None if narrowed is None else len(narrowed[1])

    def _filter(self, term: Term, candidates: list[int]) -> list[int]:
        word = term.text
        named = self._named.get(word) if self.names_speaker(term) else None
        if named is not None:
            speaker_of = self._speaker_of
            return [i for i in candidates if speaker_of[i] in named]
        topics_of = self._topics_of
        good_topics = {n for n, hay in enumerate(self._topics) if word in hay}
        if term.scope == TOPIC:
            return [i for i in candidates if any(t in good_topics for t in topics_of[i])]
        speaker_of = self._speaker_of
        good_speakers = {n for n, hay in enumerate(self._speakers) if word in hay}
        if term.scope == SPEAKER:
            return [i for i in candidates if speaker_of[i] in good_speakers]
        text = self._text
        good_sessions = {n for n, hay in enumerate(self._sessions) if hay and word in hay}
        # (word in text[i] for each candidate, as a chain of maps that runs in C)
        direct = list(compress(candidates, map(str.__contains__, map(text.__getitem__,
                                                                        candidates), repeat(word))))
        if len(direct) == len(candidates) or not (good_topics or good_speakers or good_sessions):
            return direct  # (every candidate's own text matches: nothing to add)
        # Quotes whose speaker, topic or session matches, from the inverted lists.
        extra: set[int] = set()
        for lists, numbers in zip(self._inverted(), (good_speakers, good_topics, good_sessions)):
            for number in numbers:
                extra.update(lists.get(number, ()))
        if not isinstance(candidates, range) or len(candidates) != len(self.quotes):
            extra.intersection_update(candidates)
        extra.update(direct)
        return sorted(extra)

    def _inverted(self) -> tuple[dict[int, list[int]], dict[int, list[int]], dict[int, list[int]]]:
        """The quotes of each speaker, topic and session number, in order."""
        if self._quotes_of is None:
            speakers: defaultdict[int, list[int]] = defaultdict(list)
            topics: defaultdict[int, list[int]] = defaultdict(list)
            sessions: defaultdict[int, list[int]] = defaultdict(list)
            for i, speaker in enumerate(self._speaker_of):
                speakers[speaker].append(i)
            for i, session in enumerate(self._session_of):
                sessions[session].append(i)
            for i, numbers in enumerate(self._topics_of):
                for topic in numbers:
                    topics[topic].append(i)
            self._quotes_of = (dict(speakers), dict(topics), dict(sessions))
        return self._quotes_of


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
