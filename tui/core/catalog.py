"""One or more briefings seen as one collection: rows of quotes, speakers and topics merged
by id, and the filter and search that the CLI and the reader share."""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain
from operator import attrgetter
from typing import TYPE_CHECKING

from .masks import Kept, Selection, flags, full, tally
from .model import Briefing, Quote, Row, Speaker, Topic, new_row, when_key
from .search import (
    ALL,
    SPEAKER,
    TOPIC,
    Term,
    matches,
    session_text,
    speaker_text,
    topic_text,
)
from .suggest import close_names

if TYPE_CHECKING:
    from .searchindex import SearchIndex

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


#: Rows selected and counted (over every set `facets` makes) that take well under a frame.
QUICK_ROWS = 200_000

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
        # not each quote's. A topic named twice by one quote counts once.
        tuples = list(map(_topics, quotes))
        keys = list(map(id, tuples))
        folded = {key: frozenset([t.id for t in topics])
                  for key, topics in dict(zip(keys, tuples)).items()}
        for key, count in Counter(keys).items():
            for topic_id in folded[key]:
                self.topics[topic_id].count += count
        # Each distinct set of topics once, and each row's number in that list: the topic
        # counts count the rows of each set, then add each set's count to its topics.
        set_number = {key: number for number, key in enumerate(folded)}
        self._topic_sets = list(folded.values())
        self._topic_set_of = list(map(set_number.__getitem__, keys))
        self._speaker_totals = {key: entry.count for key, entry in self.speakers.items()}
        self._set_totals = {set_number[key]: count for key, count in Counter(keys).items()}
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()
        self._filtered = Kept(32)  # (speakers, topics, briefing, session) → mask
        self._made = Kept(16)  # (what, mask) → the rows or counts made of it

    def build_index(self) -> SearchIndex:
        """The search index, built now if it is not yet (once, whichever thread asks first).
        The reader calls this after the first paint; a search before that builds it too."""
        with self._lock:
            if self._index is None:
                from .searchindex import SearchIndex  # not before the first paint

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
        session: tuple[str, str] | None = None,
    ) -> list[int]:
        """Row indices matching every active filter: the `briefing` (a key of `ranges`),
        any of `speakers`, any of `topics`, the `session` (a `ranges` key and a session id)
        and every search term."""
        searched = self.build_index().mask(terms) if terms else None
        return list(self._rows(self._select(speakers, topics, briefing, session, searched)))

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
        add quotes. A `session` narrows every set."""
        searched = self.build_index().mask(terms) if terms else None
        rows = self._select(speakers, topics, briefing, session, searched)
        by_speaker = (self._select(frozenset(), topics, briefing, session, searched)
                      if speakers else rows)
        by_topic = (self._select(speakers, frozenset(), briefing, session, searched)
                    if topics else rows)
        by_briefing = (self._select(speakers, topics, None, session, searched)
                       if briefing is not None else rows)
        return Facets(
            self._rows(rows), self._speaker_counts(by_speaker), self._topic_counts(by_topic),
            dict(self._made_of("briefings", by_briefing, self._count_briefings)),
            by_briefing.bit_count(),
        )

    def quick(
        self,
        speakers: frozenset[str] = frozenset(),
        topics: frozenset[str] = frozenset(),
        terms: Sequence[Term] = (),
        briefing: str | None = None,
        session: tuple[str, str] | None = None,
    ) -> bool:
        """Whether `facets` would take well under a frame: the index is built, each term's
        quotes are known or found in about one pass over the quotes (see SearchIndex.quick),
        and the sets of rows to select and count are few for the catalog's size."""
        index = self._index
        if index is None:
            return False
        sets = len(self._filter_keys(speakers, topics, briefing, session))
        return sets * len(self.rows) <= QUICK_ROWS and all(map(index.quick, terms))

    # -- sets of rows as masks (see `masks`) --------------------------------------------------
    def _select(self, speakers, topics, briefing, session, searched: int | None) -> int:
        """The filters' rows, among the mask `searched` (the search's quotes) when given."""
        found = self._filter(speakers, topics, briefing, session)
        return found if searched is None else found & searched

    @staticmethod
    def _filter_keys(speakers, topics, briefing, session) -> set[tuple]:
        """The filters of each set of rows `facets` selects."""
        keys = {(speakers, topics, briefing, session)}
        if speakers:
            keys.add((frozenset(), topics, briefing, session))
        if topics:
            keys.add((speakers, frozenset(), briefing, session))
        if briefing is not None:
            keys.add((speakers, topics, None, session))
        return keys

    def _filter(self, speakers, topics, briefing, session) -> int:
        """The mask of the rows the filters (not the search) select, kept for the next key."""
        key = (speakers, topics, briefing, session)
        found = self._filtered.get(key)
        if found is None:
            size = len(self.rows)
            found = full(size)
            if briefing is not None:
                found &= _span(self.ranges.get(briefing, range(0)))
            if speakers:
                found &= int.from_bytes(bytes(map(speakers.__contains__, self._speaker_ids)),
                                        "little")
            if topics:
                chosen = bytes(not topics.isdisjoint(s) for s in self._topic_sets)
                found &= int.from_bytes(bytes(map(chosen.__getitem__, self._topic_set_of)),
                                        "little")
            if session is not None:
                found &= self._session(*session)
            self._filtered.keep(key, found)
        return found

    def _session(self, key: str, session_id: str) -> int:
        span = self.ranges.get(key, range(0))
        quotes = self.rows.quotes
        return int.from_bytes(bytes(span.start) + bytes(
            (found := quotes[i].session) is not None and found.id == session_id
            for i in span), "little")

    def _made_of(self, what: str, mask: int, make):
        """`make(mask)`, or what it made for an equal mask lately: a key that leaves the
        results as they were costs no new rows and no new counts."""
        found = self._made.get((what, mask))
        return self._made.keep((what, mask), make(mask)) if found is None else found

    def _rows(self, mask: int) -> Selection:
        return self._made_of("rows", mask, lambda m: Selection(m, len(self.rows)))

    def _speaker_counts(self, mask: int) -> dict[str, int]:
        return dict(self._made_of("speakers", mask, lambda m: tally(
            self._speaker_ids, m, len(self.rows), self._speaker_totals)))

    def _topic_counts(self, mask: int) -> dict[str, int]:
        return dict(self._made_of("topics", mask, self._count_topics))

    def _count_briefings(self, mask: int) -> dict[str, int]:
        if len(self.ranges) == 1:
            return dict.fromkeys(self.ranges, mask.bit_count())
        count = flags(mask, len(self.rows)).count
        return {key: count(1, span.start, span.stop) for key, span in self.ranges.items()}

    def _count_topics(self, mask: int) -> dict[str, int]:
        topics: dict[str, int] = {}
        sets = self._topic_sets
        for number, rows_in in tally(self._topic_set_of, mask, len(self.rows),
                                     self._set_totals).items():
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
        matches `query` as `searchindex.filter_rows` matches it."""
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
                if not term.exclude and not self.build_index().term_mask(term)]

    def briefing_of(self, key: str | None) -> Briefing | None:
        for briefing in self.briefings:
            if briefing_key(briefing) == key:
                return briefing
        return None


def _span(rows: range) -> int:
    """The mask of the rows in `rows` (a range with step 1)."""
    return int.from_bytes(bytes(rows.start) + b"\x01" * len(rows), "little")


@dataclass(frozen=True, slots=True)
class Facets:
    """What a view shows: its rows, and per pane how many rows choosing an entry would give
    (see Catalog.facets)."""

    rows: Sequence[int]  # sorted row indices (a masks.Selection)
    speakers: dict[str, int]
    topics: dict[str, int]
    briefings: dict[str, int]  # a Catalog.ranges key → count
    every_briefing: int  # with no briefing chosen


def briefing_key(briefing: Briefing) -> str:
    """How the reader names a briefing among others: its path."""
    return str(briefing.path)
