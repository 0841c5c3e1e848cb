"""One or more briefings seen as one collection: rows of quotes, speakers and topics merged
by id, and the filter and search that the CLI and the reader share."""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain
from operator import attrgetter

from .model import Briefing, Quote, Row, Speaker, Topic, new_row, when_key
from .search import (
    ALL,
    SPEAKER,
    TOPIC,
    SearchIndex,
    Term,
    matches,
    parse_query,
    session_text,
    speaker_text,
    topic_text,
)
from .suggest import close_names

SESSION = "session"  # a scope of `Catalog.names`, beside search's SPEAKER, TOPIC and ALL


@dataclass(slots=True)
class SpeakerEntry:
    """A person across briefings: the same id is the same person."""

    speaker: Speaker
    roles: list[tuple[Briefing, str]] = field(default_factory=list)
    count: int = 0

    @property
    def id(self) -> str:
        return self.speaker.id


@dataclass(slots=True)
class TopicEntry:
    topic: Topic
    keywords: tuple[str, ...] = ()
    count: int = 0

    @property
    def id(self) -> str:
        return self.topic.id


class Rows(Sequence[Row]):
    """The catalog's rows, each made when it is asked for (a screen shows a few dozen)."""

    __slots__ = ("briefings", "quotes", "_starts")

    def __init__(self, briefings: Sequence[Briefing], quotes: list[Quote]):
        self.briefings, self.quotes = briefings, quotes  # every briefing's quotes, in order
        self._starts = list(accumulate((len(b.quotes) for b in briefings[:-1]), initial=0))

    def __len__(self) -> int:
        return len(self.quotes)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.quotes)))]
        quote = self.quotes[index]
        if index < 0:
            index += len(self.quotes)
        return new_row(self.briefings[bisect_right(self._starts, index) - 1], quote)

    def __iter__(self) -> Iterator[Row]:
        for briefing in self.briefings:
            for quote in briefing.quotes:
                yield new_row(briefing, quote)


#: A search narrowing fewer hits than this is done at once, even in a large catalog.
QUICK_ROWS = 20_000

_speaker_id = attrgetter("speaker.id")
_topics = attrgetter("topics")


class Catalog:
    """Rows of quotes in date order across briefings (briefing order within one), with
    speakers and topics merged by id and a search index over all rows."""

    def __init__(self, briefings: Sequence[Briefing]):
        self.briefings = sorted(briefings, key=lambda b: when_key(b.meeting.date))
        quotes = list(chain.from_iterable(b.quotes for b in self.briefings))
        self.rows = Rows(self.briefings, quotes)
        #: Each briefing's rows, which stand together: key (its path) → range of row indices.
        self.ranges: dict[str, range] = {}
        start = 0
        for briefing in self.briefings:
            self.ranges[briefing_key(briefing)] = range(start, start + len(briefing.quotes))
            start += len(briefing.quotes)
        self.speakers: dict[str, SpeakerEntry] = {}
        self.topics: dict[str, TopicEntry] = {}
        merged: set[tuple] = set()  # (topic id, keywords) already merged
        for briefing in self.briefings:
            for speaker in briefing.speakers:
                entry = self.speakers.get(speaker.id)
                if entry is None:
                    entry = self.speakers[speaker.id] = SpeakerEntry(speaker)
                entry.roles.append((briefing, speaker.role))
                entry.speaker = speaker  # the latest meeting's name and role
            for topic in briefing.topics:
                entry = self.topics.get(topic.id)
                if entry is None:
                    entry = self.topics[topic.id] = TopicEntry(topic)
                if (topic.id, topic.keywords) not in merged:
                    merged.add((topic.id, topic.keywords))
                    entry.keywords += tuple(k for k in topic.keywords if k not in entry.keywords)
        # Per-row ids and counts, with the loops in C (map, Counter).
        self._speaker_ids = list(map(_speaker_id, quotes))
        for speaker_id, count in Counter(self._speaker_ids).items():
            self.speakers[speaker_id].count += count
        # The quotes of a briefing share their topics tuples (the loader builds one per set
        # of topics, and the cache keeps it so): fold and count each distinct tuple once,
        # not each quote's. A topic named twice by one quote counts once, here as in `counts`.
        tuples = list(map(_topics, quotes))
        keys = list(map(id, tuples))
        folded = {key: frozenset([t.id for t in topics])
                  for key, topics in dict(zip(keys, tuples)).items()}
        for key, count in Counter(keys).items():
            for topic_id in folded[key]:
                self.topics[topic_id].count += count
        self._topic_ids = list(map(folded.__getitem__, keys))
        # Each distinct set of topics once, and each row's number in that list: the topic
        # counts count the rows of each set, then add each set's count to its topics.
        set_number = {key: number for number, key in enumerate(folded)}
        self._topic_sets = list(folded.values())
        self._topic_set_of = list(map(set_number.__getitem__, keys))
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()
        self._filtered: dict[tuple, list[int]] = {}

    def build_index(self) -> SearchIndex:
        """The search index, built now if it is not yet (once, whichever thread asks first).
        The reader calls this after the first paint; a search before that builds it too."""
        with self._lock:
            if self._index is None:
                self._index = SearchIndex(self.rows.quotes)
        return self._index

    @property
    def indexed(self) -> bool:
        """Whether the search index is built."""
        return self._index is not None

    def __len__(self) -> int:
        return len(self.rows)

    def select(
        self,
        speakers: frozenset[str] = frozenset(),
        topics: frozenset[str] = frozenset(),
        terms: Sequence[Term] = (),
        briefing: str | None = None,
    ) -> list[int]:
        """Row indices matching every active filter: the `briefing` (a key of `ranges`),
        any of `speakers`, any of `topics`, and every search term."""
        candidates = None
        if speakers or topics or briefing is not None:
            key = (speakers, topics, briefing)
            candidates = self._filtered.get(key)
            if candidates is None:
                sids, tids = self._speaker_ids, self._topic_ids
                within = (self.ranges.get(briefing, range(0)) if briefing is not None
                          else range(len(self.rows)))
                candidates = [
                    i for i in within
                    if (not speakers or sids[i] in speakers)
                    and (not topics or not topics.isdisjoint(tids[i]))
                ]
                if len(self._filtered) > 32:
                    self._filtered.clear()
                self._filtered[key] = candidates  # the same list lets a search narrow
            if not terms:
                return list(candidates)
        if not terms:
            return list(range(len(self.rows)))
        return self.build_index().search(terms, candidates)

    def facets(
        self,
        speakers: frozenset[str] = frozenset(),
        topics: frozenset[str] = frozenset(),
        terms: Sequence[Term] = (),
        briefing: str | None = None,
        session: tuple[str, str] | None = None,
    ) -> Facets:
        """The rows `select` gives, and each pane's faceted counts: how many rows choosing an
        entry alone would give with the other panes' filters and the search. A pane's own
        choice is left out of its counts, so that they never say 0 for an entry that would
        add quotes. A `session` (a `ranges` key and a session id) narrows every set. Each
        set is searched among its own candidates, and narrows as a query is typed further."""
        rows = self.select(speakers, topics, terms, briefing)
        by_speaker = self.select(frozenset(), topics, terms, briefing) if speakers else rows
        by_topic = self.select(speakers, frozenset(), terms, briefing) if topics else rows
        by_briefing = self.select(speakers, topics, terms, None) if briefing is not None else rows
        if session is not None:
            rows, by_speaker, by_topic, by_briefing = (
                self.in_session(r, session) for r in (rows, by_speaker, by_topic, by_briefing))
        return Facets(
            rows, self._speaker_counts(by_speaker), self._topic_counts(by_topic),
            {key: bisect_left(by_briefing, span.stop) - bisect_left(by_briefing, span.start)
             for key, span in self.ranges.items()},
            len(by_briefing),
        )

    def in_session(self, rows: Sequence[int], session: tuple[str, str]) -> list[int]:
        """The row indices `rows` of quotes in `session`: (a `ranges` key, a session id)."""
        key, session_id = session
        span = self.ranges.get(key, range(0))
        quotes = self.rows.quotes
        return [i for i in rows if i in span and (found := quotes[i].session) is not None
                and found.id == session_id]

    @staticmethod
    def _facet_keys(speakers: frozenset[str], topics: frozenset[str],
                    briefing: str | None) -> set[tuple]:
        """The filters of each set of rows `facets` selects."""
        keys = {(speakers, topics, briefing)}
        if speakers:
            keys.add((frozenset(), topics, briefing))
        if topics:
            keys.add((speakers, frozenset(), briefing))
        if briefing is not None:
            keys.add((speakers, topics, None))
        return keys

    def quick(
        self,
        speakers: frozenset[str] = frozenset(),
        topics: frozenset[str] = frozenset(),
        terms: Sequence[Term] = (),
        briefing: str | None = None,
    ) -> bool:
        """Whether `facets` with these would take well under a frame even in a large catalog:
        each of its searches would narrow a recent search's hits (a query typed further),
        and they are few."""
        if self._index is None or not terms:
            return False
        total = 0
        for key in self._facet_keys(speakers, topics, briefing):
            within = None
            if key != (frozenset(), frozenset(), None):
                within = self._filtered.get(key)
                if within is None:
                    return False
            size = self._index.narrowed_size(terms, within)
            if size is None:
                return False
            total += size
        return total < QUICK_ROWS

    def counts(self, rows: Sequence[int]) -> tuple[dict[str, int], dict[str, int]]:
        """How many of the rows at indices `rows` each speaker and each topic has."""
        return self._speaker_counts(rows), self._topic_counts(rows)

    # Counted in C, by Counter over the per-row ids.
    def _speaker_counts(self, rows: Sequence[int]) -> dict[str, int]:
        if len(rows) == len(self.rows):  # everything (a one-letter search, say)
            return {k: e.count for k, e in self.speakers.items() if e.count}
        return dict(Counter(map(self._speaker_ids.__getitem__, rows)))

    def _topic_counts(self, rows: Sequence[int]) -> dict[str, int]:
        if len(rows) == len(self.rows):
            return {k: e.count for k, e in self.topics.items() if e.count}
        topics: dict[str, int] = {}
        sets = self._topic_sets
        for number, rows_in in Counter(map(self._topic_set_of.__getitem__, rows)).items():
            for topic_id in sets[number]:
                topics[topic_id] = topics.get(topic_id, 0) + rows_in
        return topics

    def names(self, scope: str = ALL) -> list[str]:
        """What a query of `scope` is matched against: speaker names and aliases (SPEAKER),
        topic titles and keywords (TOPIC), session titles (SESSION), or speakers and topics
        (ALL)."""
        out: list[str] = []
        if scope in (SPEAKER, ALL):
            for entry in self.speakers.values():
                out += [entry.speaker.name, *entry.speaker.aliases]
        if scope in (TOPIC, ALL):
            for entry in self.topics.values():
                out += [entry.topic.title, *entry.keywords]
        if scope == SESSION:
            out += [s.title for b in self.briefings for s in b.sessions]
        return out

    def finds(self, query: str, scope: str) -> bool:
        """Whether any speaker (SPEAKER), topic (TOPIC) or session (SESSION) of the briefings
        matches `query` as `filter_rows` matches it."""
        if scope == SPEAKER:
            texts = (speaker_text(s) for b in self.briefings for s in b.speakers)
        elif scope == TOPIC:
            texts = (topic_text(t) for b in self.briefings for t in b.topics)
        else:
            texts = (session_text(s) for b in self.briefings for s in b.sessions)
        return any(matches(query, text) for text in texts)

    def suggest(self, word: str, scope: str = ALL) -> list[str]:
        """Names of `scope` close to `word` (see `names`), closest first, for a word that
        matches nothing: `muhridin` → ['Muhriddin']."""
        return close_names(word, self.names(scope))

    def unmatched(self, terms: Sequence[Term]) -> list[tuple[Term, list[str]]]:
        """Each term (not an excluded one) that alone matches no quote, with the names close
        to it (see `suggest`): what to offer when a search finds nothing."""
        return [(term, self.suggest(term.text, term.scope)) for term in terms
                if not term.exclude and not self.build_index().search([term])]

    def briefing_of(self, key: str | None) -> Briefing | None:
        for briefing in self.briefings:
            if briefing_key(briefing) == key:
                return briefing
        return None


@dataclass(frozen=True, slots=True)
class Facets:
    """What a view shows: its rows, and per pane how many rows choosing an entry would give
    (see Catalog.facets)."""

    rows: list[int]
    speakers: dict[str, int]
    topics: dict[str, int]
    briefings: dict[str, int]  # a Catalog.ranges key → count
    every_briefing: int  # with no briefing chosen


def briefing_key(briefing: Briefing) -> str:
    """How the reader names a briefing among others: its path."""
    return str(briefing.path)


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
