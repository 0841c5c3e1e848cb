"""The search index: which quotes each term of a query matches, as masks (see `masks`).

A plain word matches a quote's text (found by `textindex`), its speaker, its topics and its
session title; `@word` only speakers, `#word` only topics; a word naming a speaker on its own
(see `name_words`) only that speaker's quotes. Each term's quotes are found once and kept, so
that a query typed further, and the faceted counts' several searches, cost intersections."""

from __future__ import annotations

from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from itertools import chain, compress, repeat
from operator import attrgetter, setitem

from .masks import Kept, full, indices, mask_of
from .model import Quote, Row, Speaker
from .search import (
    ALL,
    SPEAKER,
    TOPIC,
    Term,
    fold,
    fold_many,
    folded_fields,
    matches,
    parse_query,
    session_text,
    speaker_text,
    topic_text,
)
from .textindex import KEPT, TextIndex


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
        self._masks: Kept = Kept(KEPT)  # a term (never excluded) → its quotes

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

    def quick(self, term: Term) -> bool:
        """Whether `term`'s quotes are known, or found in about one pass over the quotes
        (see TextIndex.quick)."""
        term = term.positive()
        return term in self._masks or term.scope != ALL or self.text.quick(term.text)

    def term_mask(self, term: Term) -> int:
        """The mask of the quotes `term` (not an excluded one) matches."""
        found = self._masks.get(term)
        return self._masks.keep(term, self._find(term)) if found is None else found

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


def filter_rows(
    rows: Sequence[Row],
    speaker: str | None = None,
    topic: str | None = None,
    session: str | None = None,
    search: str | None = None,
) -> list[Row]:
    """The rows whose speaker, any topic, session and text match the given queries (all
    given filters must match; each is case- and accent-insensitive)."""
    out = list(rows)
    if speaker:
        out = [r for r in out if matches(speaker, speaker_text(r.quote.speaker))]
    if topic:
        out = [r for r in out if any(matches(topic, topic_text(t)) for t in r.quote.topics)]
    if session:
        out = [r for r in out if r.quote.session and matches(session, session_text(r.quote.session))]
    if search:
        terms = parse_query(search)
        index = SearchIndex([r.quote for r in out])
        out = [out[i] for i in index.search(terms)]
    return out
