"""The index's search and the catalog's counts against a plain reference written from the
query language's definition, on a synthetic briefing large enough to share speakers,
topics and sessions among many quotes: the same hits, in the same order, whether a query
is searched afresh or narrowed from the one typed before it, and the same counts."""

from __future__ import annotations

from collections import Counter

import pytest

from tui.bench.synth import write_briefing
from tui.core.catalog import Catalog
from tui.core.loader import load
from tui.core.search import (
    SPEAKER,
    TOPIC,
    fold,
    folded_fields,
    parse_query,
    speaker_text,
    topic_text,
)
from tui.core.searchindex import SearchIndex

QUERIES = ["cooperation", "@bjork", "#energy", "trade solar", '"climate water"', "session",
           "s1", "@s12", "#t3", "and", "e", "zzz", "water @son", "#and energy"]


@pytest.fixture(scope="module")
def briefing(tmp_path_factory):
    path = write_briefing(tmp_path_factory.mktemp("synth") / "b.toml", 3000)
    return load(path)


def matches(quote, term) -> bool:
    speaker = folded_fields(speaker_text(quote.speaker))
    topics = [folded_fields(topic_text(t)) for t in quote.topics]
    if term.scope == SPEAKER:
        return term.text in speaker
    if term.scope == TOPIC:
        return any(term.text in t for t in topics)
    session = fold(quote.session.title) if quote.session is not None else ""
    return (term.text in fold(quote.text) or term.text in speaker
            or any(term.text in t for t in topics) or bool(session and term.text in session))


def reference(quotes, query: str) -> list[int]:
    terms = parse_query(query)
    return [i for i, quote in enumerate(quotes)
            if all(matches(quote, t.positive()) != t.exclude for t in terms)]


def test_every_prefix_of_every_query_finds_what_the_reference_finds(briefing):
    index = SearchIndex(briefing.quotes)
    for query in QUERIES:
        fresh = SearchIndex(briefing.quotes)  # typed backwards: nothing shorter is known
        for end in range(1, len(query) + 1):
            prefix = query[:end]
            expected = reference(briefing.quotes, prefix)
            assert index.search(parse_query(prefix)) == expected, prefix  # narrowed
            prefix = query[:len(query) + 1 - end]
            expected = reference(briefing.quotes, prefix)
            assert fresh.search(parse_query(prefix)) == expected, prefix
    assert reference(briefing.quotes, "zzz") == []
    assert 0 < len(reference(briefing.quotes, "trade solar")) < len(briefing.quotes)


def test_a_search_within_candidates_keeps_their_order(briefing):
    index = SearchIndex(briefing.quotes)
    within = list(range(0, len(briefing.quotes), 3))
    expected = [i for i in reference(briefing.quotes, "water") if i % 3 == 0]
    assert index.search(parse_query("water"), within) == expected


def test_counts_are_the_reference_counts(briefing):
    catalog = Catalog([briefing])
    for query in ("", "water", "-water", "@s1", "#t2", "e", "zzz"):
        rows = reference(briefing.quotes, query) if query else list(range(len(briefing.quotes)))
        facets = catalog.facets(terms=parse_query(query))
        assert list(facets.rows) == rows, query
        quotes = [briefing.quotes[i] for i in rows]
        assert facets.speakers == dict(Counter(q.speaker.id for q in quotes)), query
        expected = Counter(t for q in quotes for t in {topic.id for topic in q.topics})
        assert facets.topics == dict(expected), query
