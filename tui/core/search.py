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
import threading
import unicodedata
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, repeat
from operator import attrgetter, setitem

from .masks import full, indices, mask_of
from .model import Quote, Session, Speaker, Topic
from .textindex import KEPT, TextIndex

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
    """Folded text of every quote (in a `TextIndex`) and of every speaker, topic and
    session, built once. A term's quotes are found once and kept as a mask (see `masks`), so
    that a query typed further, and the faceted counts' several searches, find each term's
    quotes again at the cost of an intersection."""

    def __init__(self, quotes: Sequence[Quote]):
        self.quotes = quotes
        self.size = len(quotes)
        self.text = TextIndex(fold_many([q.text for q in quotes]))
        speaker_number, self._speakers = _numberer(lambda s: folded_fields(speaker_text(s)))
        speaker_of = [speaker_number(q.speaker) for q in quotes]  # numbers all first
        #: A word naming speakers on its own (see name_words) → their numbers.
        named: defaultdict[str, set[int]] = defaultdict(set)
        speakers = [q.speaker for q in quotes]
        for speaker in dict(zip(map(id, speakers), speakers)).values():
            number = speaker_number(speaker)
            for word in name_words(speaker):
                named[word].add(number)
        self._named = dict(named)
        session_of, self._sessions = _numbered(
            (q.session for q in quotes), lambda s: fold(s.title) if s is not None else "")
        topic_number, self._topics = _numberer(lambda t: folded_fields(topic_text(t)))
        shapes: dict[tuple, int] = {}  # a quote's topics (by id) → the number of that set
        #: Each distinct set of topics, as topic numbers; a quote has one set.
        self._shapes: list[tuple[int, ...]] = []
        shape_of = []
        for quote in quotes:
            key = tuple(map(id, quote.topics))
            number = shapes.get(key)
            if number is None:
                number = shapes[key] = len(self._shapes)
                self._shapes.append(tuple(map(topic_number, quote.topics)))
            shape_of.append(number)
        #: Speakers, sessions and sets of topics by number, each quote's, and each one's quotes.
        self._by_speaker = _Kind(speaker_of, len(self._speakers))
        self._by_session = _Kind(session_of, len(self._sessions))
        self._by_shape = _Kind(shape_of, len(self._shapes))
        self._masks: dict[Term, int] = {}  # a term (never excluded) → its quotes
        self._lock = threading.Lock()

    def names_speaker(self, term: Term) -> bool:
        """Whether `term` is a plain word naming a speaker (see name_words), which then
        matches only the quotes of the speakers it names."""
        return term.scope == ALL and not term.phrase and term.text in self._named

    def search(self, terms: Sequence[Term], within: Sequence[int] | None = None) -> list[int]:
        """Indices of the quotes matching every term (among `within`, when given), in order."""
        found = self.mask(terms, None if within is None else mask_of(within, self.size))
        return indices(found, self.size)

    def mask(self, terms: Sequence[Term], within: int | None = None) -> int:
        """The mask of the quotes matching every term (among the mask `within`)."""
        found = full(self.size) if within is None else within
        for term in sorted(terms, key=attrgetter("exclude")):  # what to keep, then remove
            if not found:
                break
            if term.exclude:
                found ^= found & self.term_mask(term.positive())
            else:
                found &= self.term_mask(term)
        return found

    def known(self, term: Term) -> bool:
        """Whether the quotes `term` matches are known already (found for an earlier key)."""
        return term.positive() in self._masks

    def quick(self, term: Term) -> bool:
        """Whether `term`'s quotes are known, or found in about one pass over the quotes
        (see TextIndex.quick)."""
        term = term.positive()
        return term in self._masks or term.scope != ALL or self.text.quick(term.text)

    def term_mask(self, term: Term) -> int:
        """The mask of the quotes `term` (not an excluded one) matches."""
        found = self._masks.get(term)
        if found is None:
            found = self._find(term)
            with self._lock:
                if len(self._masks) >= KEPT:
                    del self._masks[next(iter(self._masks))]  # the oldest
                self._masks[term] = found
        return found

    def _find(self, term: Term) -> int:
        word = term.text
        if self.names_speaker(term):
            return self._of(self._by_speaker, self._named[word])
        good = _having(self._topics, word)
        shapes = {s for s, topics in enumerate(self._shapes) if not good.isdisjoint(topics)}
        if term.scope == TOPIC:
            return self._of(self._by_shape, shapes)
        speakers = _having(self._speakers, word)
        if term.scope == SPEAKER:
            return self._of(self._by_speaker, speakers)
        found = self.text.containing(word)
        sessions = _having(self._sessions, word)
        parts = [(kind, numbers) for kind, numbers in (
            (self._by_speaker, speakers), (self._by_shape, shapes),
            (self._by_session, sessions)) if numbers]
        missing = self.size - found.bit_count()
        if not parts or not missing:
            return found
        if missing * len(parts) <= sum(self._cost(kind, numbers) for kind, numbers in parts):
            # Few quotes lack the word: look at each of those.
            outside = indices(full(self.size) ^ found, self.size)
            extra: set[int] = set()
            for kind, numbers in parts:
                extra.update(compress(outside, map(numbers.__contains__,
                                                   map(kind.number_of.__getitem__, outside))))
            return found | mask_of(extra, self.size)
        for kind, numbers in parts:
            found |= self._of(kind, numbers)
        return found

    def _cost(self, kind: _Kind, numbers: set[int]) -> int:
        """How many quotes `_of(kind, numbers)` visits."""
        taken = kind.taken(numbers)
        return min(taken, self.size - taken)

    def _of(self, kind: _Kind, numbers: set[int]) -> int:
        """The mask of the quotes of the speakers (sessions, sets of topics) numbered
        `numbers`: when those are most quotes, from the others'."""
        if not numbers:
            return 0
        if kind.taken(numbers) * 2 <= self.size:
            return mask_of(chain.from_iterable(map(kind.quotes_of.__getitem__, numbers)),
                           self.size)
        others = (kind.quotes_of[n] for n in range(len(kind.quotes_of)) if n not in numbers)
        return full(self.size) ^ mask_of(chain.from_iterable(others), self.size)


def _having(hays: list[str], word: str) -> set[int]:
    """The numbers of the haystacks that contain `word`."""
    return set(compress(range(len(hays)), map(str.__contains__, hays, repeat(word))))


class _Kind:
    """Speakers, sessions or sets of topics, numbered: each quote has one of them."""

    __slots__ = ("number_of", "quotes_of", "sizes")

    def __init__(self, number_of: list[int], count: int):
        self.number_of = array("I", number_of)
        self.quotes_of = _inverted(number_of, count)
        self.sizes = list(map(len, self.quotes_of))

    def taken(self, numbers: set[int]) -> int:
        """How many quotes the ones numbered `numbers` have."""
        return sum(map(self.sizes.__getitem__, numbers))


def _inverted(number_of: list[int], count: int) -> list[array]:
    """For each of `count` numbers, the indices `i` with `number_of[i]` equal to it (gathered
    by a C loop into a dict per number, whose keys keep their order)."""
    found: list[dict[int, int]] = [{} for _ in range(count)]
    deque(map(setitem, map(found.__getitem__, number_of), range(len(number_of)), repeat(1)),
          maxlen=0)
    return [array("I", f) for f in found]


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
