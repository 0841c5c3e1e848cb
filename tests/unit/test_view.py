"""View.highlight: which search words, and which keywords of chosen topics, mark which
kind of field; View.counts: what each pane counts."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.catalog import Catalog, briefing_key
from tui.core.loader import load
from tui.core.view import Highlight, View

from support import NORDIC, SEED
from support.reference import plain_counts


@pytest.fixture()
def catalog(nordic):
    return Catalog([nordic])


def test_no_query_and_no_filter_marks_nothing(catalog):
    assert View().highlight(catalog) == Highlight()


def test_plain_words_mark_every_field_and_scoped_words_only_theirs(catalog):
    view = View().with_query("Ólafsson @minister #solar")
    assert view.highlight(catalog) == Highlight(
        speaker=("olafsson", "minister"),
        topic=("olafsson", "solar"),
        session=("olafsson",),
        text=("olafsson",),
    )


def test_chosen_topics_mark_their_keywords_in_quote_text_only(catalog):
    view = View().toggle_topic("fisheries").toggle_topic("energy").with_query("wang")
    assert view.highlight(catalog) == Highlight(
        speaker=("wang",),
        topic=("wang",),
        session=("wang",),
        text=("wang", "geothermal", "solar", "renewable energy", "fisheries", "quotas"),
    )


def test_a_topic_no_longer_in_the_catalog_marks_nothing(catalog):
    assert View().toggle_topic("gone").highlight(catalog) == Highlight()


def test_highlights_are_values():
    """Equal highlights compare and hash equal (a pane skips a redraw for the same one),
    and none can be changed once made."""
    one, other = Highlight(text=("a",)), Highlight(text=("a",))
    assert one == other and hash(one) == hash(other)
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.text = ("b",)


def test_excluded_words_mark_nothing(catalog):
    view = View().with_query("energy -solar -@wang @olafsson -#fish #energy")
    assert view.highlight(catalog) == Highlight(
        speaker=("energy", "olafsson"),
        topic=("energy", "energy"),
        session=("energy",),
        text=("energy",),
    )


# -- faceted counts ---------------------------------------------------------------------------

LIBRARY = Catalog([load(SEED), load(NORDIC)])


def test_a_chosen_speaker_leaves_the_others_counts_as_choosing_them_would_give(seed):
    catalog = Catalog([seed])
    rahmon = View().toggle_speaker("emomali-rahmon")
    facets = rahmon.counts(catalog)
    assert len(facets.rows) == 2
    # Not 0 (the intersection with Rahmon's quotes): Wang Yi's quotes, which Enter on him
    # adds to Rahmon's two.
    assert facets.speakers == {"wang-yi": 20, "emomali-rahmon": 2, "rustam-emomali": 5,
                               "sirojiddin-muhriddin": 3}
    both = rahmon.toggle_speaker("wang-yi").counts(catalog)
    assert len(both.rows) == 22 == facets.speakers["wang-yi"] + len(facets.rows)
    # The topics pane counts within the speakers chosen.
    assert facets.topics == plain_counts(catalog, facets.rows)[1]
    assert sum(facets.topics.values()) >= 2


def test_counts_follow_the_search_and_the_other_panes(seed):
    catalog = Catalog([seed])
    view = View().with_query("vaccines").toggle_topic("covid-19")
    facets = view.counts(catalog)
    assert facets.speakers == {"wang-yi": 2, "sirojiddin-muhriddin": 2}
    assert facets.topics["covid-19"] == 4  # its own count, with the search only


def _views():
    speakers = sorted(LIBRARY.speakers)
    topics = sorted(LIBRARY.topics)
    keys = [None, *LIBRARY.ranges]
    words = ["", "china", "energy", "wang", "-wang", "#covid", "@olafsson", "trade -security",
             "vaccines muhriddin"]
    return st.builds(
        lambda s, t, q, b: View(frozenset(s), frozenset(t), briefing=b).with_query(q),
        st.sets(st.sampled_from(speakers), max_size=3), st.sets(st.sampled_from(topics), max_size=2),
        st.sampled_from(words), st.sampled_from(keys))


@settings(max_examples=80, deadline=None)
@given(_views())
def test_every_count_is_what_choosing_that_entry_alone_would_give(view):
    catalog = LIBRARY
    facets = view.counts(catalog)
    briefing = view.briefing
    assert facets.rows == catalog.select(view.speakers, view.topics, view.terms, briefing)
    for speaker in catalog.speakers:
        alone = catalog.select(frozenset({speaker}), view.topics, view.terms, briefing)
        assert facets.speakers.get(speaker, 0) == len(alone), speaker
    for topic in catalog.topics:
        alone = catalog.select(view.speakers, frozenset({topic}), view.terms, briefing)
        assert facets.topics.get(topic, 0) == len(alone), topic
    for b in catalog.briefings:
        key = briefing_key(b)
        alone = catalog.select(view.speakers, view.topics, view.terms, key)
        assert facets.briefings[key] == len(alone), key
    assert facets.every_briefing == len(catalog.select(view.speakers, view.topics, view.terms))


def test_a_session_jumped_to_narrows_every_count(seed):
    catalog = Catalog([seed])
    session = (briefing_key(seed), "talks-muhriddin")
    view = View().with_session(session).toggle_speaker("wang-yi")
    facets = view.counts(catalog)
    assert facets.rows == view.rows(catalog) and facets.rows
    in_session = [q for q in seed.quotes if q.session and q.session.id == "talks-muhriddin"]
    assert facets.speakers == {s: sum(q.speaker.id == s for q in in_session)
                               for s in {q.speaker.id for q in in_session}}
    assert sum(facets.briefings.values()) == facets.every_briefing == len(facets.rows)


def test_a_search_word_that_matches_nothing_suggests_close_names():
    catalog = Catalog([load(SEED)])
    suggestion = View().with_query("vaccines muhridin").suggestion(catalog)
    assert suggestion is not None
    assert suggestion.word == "muhridin" and suggestion.names[0] == "Muhriddin"
    assert suggestion.query == "vaccines Muhriddin"
    assert View().with_query(suggestion.query).rows(catalog)  # taking it finds quotes
    assert View().with_query("@wnag").suggestion(catalog).query == "@Wang"
    # Nothing to offer: every word matches, a word has no close name, or it is excluded.
    assert View().with_query("vaccines").suggestion(catalog) is None
    assert View().with_query("zzzzqq").suggestion(catalog) is None
    assert View().with_query("-muhridin").suggestion(catalog) is None
    assert View().suggestion(catalog) is None
