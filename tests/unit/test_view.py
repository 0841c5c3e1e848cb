"""View.highlight: which search words, and which keywords of chosen topics, mark which
kind of field."""

from __future__ import annotations

import dataclasses

import pytest

from tui.core.catalog import Catalog
from tui.core.view import Highlight, View


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
