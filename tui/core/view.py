"""What the reader shows: active filters and search over a catalog, as plain data (no
Textual), so that it can be tested and reused by the export."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .catalog import Catalog, Facets
from .search import ALL, SPEAKER, TOPIC, Term, fold, parse_query, replace_term


@dataclass(frozen=True)
class Highlight:
    """The folded words to mark in each kind of field a pane shows (see View.highlight)."""

    speaker: tuple[str, ...] = ()  # speaker names, roles and affiliations
    topic: tuple[str, ...] = ()  # topic titles
    session: tuple[str, ...] = ()  # session titles
    text: tuple[str, ...] = ()  # quote text and its source paragraph


NO_HIGHLIGHT = Highlight()  # nothing to mark


@dataclass(frozen=True)
class Suggestion:
    """Close names for a search word that matches nothing (see View.suggestion)."""

    word: str  # the word, folded
    names: tuple[str, ...]  # closest first, as the briefings spell them
    query: str  # the query with the first name in the word's place


@dataclass(frozen=True)
class View:
    """Filters and query; `rows` are the catalog row indices they select."""

    speakers: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    query: str = ""
    terms: tuple[Term, ...] = field(default=(), compare=False)
    briefing: str | None = None  # a Catalog.ranges key: only that briefing's quotes
    session: tuple[str, str] | None = None  # (Catalog.ranges key, session id)

    def with_query(self, query: str) -> View:
        return replace(self, query=query, terms=parse_query(query))

    def toggle_speaker(self, speaker_id: str) -> View:
        return replace(self, speakers=self.speakers ^ {speaker_id})

    def toggle_topic(self, topic_id: str) -> View:
        return replace(self, topics=self.topics ^ {topic_id})

    def with_briefing(self, key: str | None) -> View:
        return replace(self, briefing=key)

    def with_speakers(self, *speaker_ids: str) -> View:
        return replace(self, speakers=frozenset(speaker_ids))

    def with_topics(self, *topic_ids: str) -> View:
        return replace(self, topics=frozenset(topic_ids))

    def with_session(self, session: tuple[str, str] | None) -> View:
        return replace(self, session=session)

    def cleared_filters(self) -> View:
        return replace(self, speakers=frozenset(), topics=frozenset(), briefing=None,
                       session=None)

    @property
    def filtered(self) -> bool:
        return bool(self.speakers or self.topics or self.terms or self.briefing is not None
                    or self.session is not None)

    def highlight(self, catalog: Catalog) -> Highlight:
        """What to mark: plain search words in every field, @words in speakers, #words in
        topics, and in quote text also the keywords of the topics chosen as filters. An
        excluded word (`-word`) is in no quote shown, and marks nothing."""
        terms = [t for t in self.terms if not t.exclude]
        plain = tuple(t.text for t in terms if t.scope == ALL)
        keywords = []
        for topic_id in sorted(self.topics):
            entry = catalog.topics.get(topic_id)
            if entry is not None:
                keywords.extend(fold(k) for k in entry.keywords)
        return Highlight(
            speaker=tuple(t.text for t in terms if t.scope in (ALL, SPEAKER)),
            topic=tuple(t.text for t in terms if t.scope in (ALL, TOPIC)),
            session=plain,
            text=plain + tuple(keywords),
        )

    def rows(self, catalog: Catalog) -> list[int]:
        return catalog.select(self.speakers, self.topics, self.terms, self._briefing(catalog),
                              self.session)

    def counts(self, catalog: Catalog) -> Facets:
        """The rows, and each pane's counts of what choosing an entry would give (a session
        jumped to narrows every one of them)."""
        return catalog.facets(self.speakers, self.topics, self.terms, self._briefing(catalog),
                              self.session)

    def quick(self, catalog: Catalog) -> bool:
        """Whether `facets` would take well under a frame (see Catalog.quick)."""
        return catalog.quick(self.speakers, self.topics, self.terms, self._briefing(catalog),
                             self.session)

    def session_title(self, catalog: Catalog) -> str | None:
        if self.session is None:
            return None
        briefing = catalog.briefing_of(self.session[0])
        session = next((s for s in briefing.sessions if s.id == self.session[1]), None) \
            if briefing is not None else None
        return session.title if session is not None else None

    def _briefing(self, catalog: Catalog) -> str | None:
        return self.briefing if self.briefing in catalog.ranges else None

    def filters(self, catalog: Catalog) -> list[tuple[str, str]]:
        """The active filters as (what, which) pairs: ("speaker", "Wang Yi or Emomali
        Rahmon"), ("search", "luban"); meeting first, search last."""
        parts = []
        chosen = catalog.briefing_of(self.briefing)
        if chosen is not None:
            parts.append(("meeting", f"{chosen.meeting.title} ({chosen.meeting.when})"))
        if self.speakers:
            names = sorted(catalog.speakers[s].speaker.name for s in self.speakers
                           if s in catalog.speakers)
            parts.append(("speaker", " or ".join(names)))
        if self.topics:
            titles = sorted(catalog.topics[t].topic.title for t in self.topics
                            if t in catalog.topics)
            parts.append(("topic", " or ".join(titles)))
        title = self.session_title(catalog)
        if title is not None:
            parts.append(("session", title))
        if self.query.strip():
            parts.append(("search", self.query.strip()))
        return parts

    def suggestion(self, catalog: Catalog) -> Suggestion | None:
        """For a search that finds nothing: the first of its words that alone matches no
        quote and has names close to it (`muhridin` → Muhriddin); None when there is none."""
        for term, names in catalog.unmatched(self.terms):
            if names:
                return Suggestion(term.text, tuple(names),
                                  replace_term(self.query, term, names[0]))
        return None

    def describe(self, catalog: Catalog) -> str:
        """The active filters in words, for exports: "speaker: Wang Yi · search: luban"."""
        return " · ".join(f"{what}: {which}" for what, which in self.filters(catalog))

__all__ = ["Highlight", "NO_HIGHLIGHT", "Suggestion", "View", "SPEAKER", "TOPIC", "ALL"]
