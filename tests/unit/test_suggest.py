"""Close names for a word that matches nothing, and counted nouns."""

from __future__ import annotations

import pytest

from tui.core.catalog import SESSION, Catalog
from tui.core.problem import Problem, counted, tally
from tui.core.search import ALL, SPEAKER, TOPIC, parse_query
from tui.core.suggest import close_names, did_you_mean


@pytest.fixture(scope="module")
def catalog(seed):
    return Catalog([seed])


@pytest.mark.parametrize("word, scope, expected", [
    ("muhridin", SPEAKER, ["Muhriddin"]),
    ("MUHRIDIN", ALL, ["Muhriddin"]),
    ("rahman", SPEAKER, ["Rahmon"]),
    ("vacine", TOPIC, ["vaccine", "vaccines"]),
    ("vacine", SPEAKER, []),  # a topic's word is not a speaker's name
    ("luban workshp", TOPIC, ["Luban Workshop"]),
    ("talkz", SESSION, ["Talks"]),
    ("zzzz", ALL, []),
    ("", ALL, []),
])
def test_catalog_suggests_close_names(catalog, word, scope, expected):
    assert catalog.suggest(word, scope) == expected


def test_never_suggests_the_word_itself():
    assert close_names("Muhriddin", ["Sirojiddin Muhriddin"]) == []
    assert close_names("angstrom", ["Åsa Ångström"]) == []  # the same word, folded
    assert close_names("angstrm", ["Åsa Ångström"]) == ["Ångström"]


def test_names_of_each_scope(catalog):
    assert "Wang Yi" in catalog.names(SPEAKER) and "王毅" in catalog.names(SPEAKER)
    assert "Traditional medicine" in catalog.names(TOPIC) and "BRI" in catalog.names(TOPIC)
    assert "Talks with President Emomali Rahmon" in catalog.names(SESSION)
    assert set(catalog.names(ALL)) == set(catalog.names(SPEAKER)) | set(catalog.names(TOPIC))


def test_finds_as_the_filters_match(catalog):
    assert catalog.finds("muhriddin", SPEAKER) and catalog.finds("王毅", SPEAKER)
    assert not catalog.finds("muhridin", SPEAKER)
    assert catalog.finds("vaccine", TOPIC) and not catalog.finds("wang", TOPIC)
    assert catalog.finds("rahmon talks", SESSION) and not catalog.finds("plenary", SESSION)


def test_unmatched_terms_come_with_close_names(catalog):
    terms = parse_query("muhridin vaccines -zebra #medicin @wnag")
    assert catalog.unmatched(terms) == [(terms[0], ["Muhriddin"]), (terms[4], ["Wang"])]
    assert catalog.unmatched(parse_query("muhriddin luban")) == []  # each matches alone


def test_did_you_mean():
    assert did_you_mean([]) == ""
    assert did_you_mean(["A"]) == "; did you mean 'A'?"
    assert did_you_mean(["A", "B"]) == "; did you mean 'A' or 'B'?"


def test_counted_and_tally():
    assert [counted(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    problems = [Problem("f", "x"), Problem("f", "y", warning=True)]
    assert tally(problems) == "1 error, 1 warning"
    assert tally(problems[:1] * 2) == "2 errors, 0 warnings"
    assert tally([]) == "0 errors, 0 warnings"
