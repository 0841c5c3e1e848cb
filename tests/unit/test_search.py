"""Search: folding, the query language, the index (and its narrowing), match spans, and the
catalog's filters."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.catalog import Catalog
from tui.core.loader import load
from tui.core.masks import indices
from tui.core.search import (
    ALL,
    SPEAKER,
    TOPIC,
    Term,
    excerpt_span,
    fold,
    fold_many,
    matches,
    parse_query,
    spans,
    speaker_text,
)
from tui.core.searchindex import SearchIndex, filter_rows
from tui.core.textindex import TextIndex

from support import SEED


def ids(briefing, hits):
    """Speaker ids of the quotes at `hits`, to make expectations readable."""
    return [briefing.quotes[i].speaker.id for i in hits]


# -- fold -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Wang YI", "wang yi"),
        ("Ångström", "angstrom"),
        ("Ólafsson", "olafsson"),
        ("Guðrún", "guðrun"),
        ("王丽", "王丽"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("ﬁnance", "finance"),
        ("A\u030angstro\u0308m", "angstrom"),  # decomposed marks
        ("  two \n\t words  ", "two words"),
        ("Ünïcödé\u00a0text", "unicode text"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_is_idempotent_on_examples():
    for text in ["Ångström", "Straße", "王丽", "ﬁnance", "İstanbul"]:
        assert fold(fold(text)) == fold(text)


# -- parse_query ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, terms",
    [
        ("wang", [("wang", ALL)]),
        ("Wang  YI", [("wang", ALL), ("yi", ALL)]),
        ("@wang", [("wang", SPEAKER)]),
        ("#BRI", [("bri", TOPIC)]),
        ('"Belt and  Road"', [("belt and road", ALL, False, True)]),
        ('@"wang yi" #"belt and road" trade',
         [("wang yi", SPEAKER, False, True), ("belt and road", TOPIC, False, True),
          ("trade", ALL)]),
        ('"belt and', [("belt and", ALL, False, True)]),  # unterminated: runs to the end
        ('x "unterminated  phrase ', [("x", ALL), ("unterminated phrase", ALL, False, True)]),
        ("@Ólafsson", [("olafsson", SPEAKER)]),
        ('""', []),
        ("", []),
        ("   ", []),
        ("@", []),
        ("#", []),
        ("@ wang", [("wang", ALL)]),
        ("c# e-mail", [("c#", ALL), ("e-mail", ALL)]),
        ("-wang", [("wang", ALL, True)]),
        ('energy -"belt and road"', [("energy", ALL), ("belt and road", ALL, True, True)]),
        ("-@wang -#bri", [("wang", SPEAKER, True), ("bri", TOPIC, True)]),
        ("-", []),
        ("- -@ -#", []),
        ("--x", [("-x", ALL, True)]),
        ("#-x", [("-x", TOPIC)]),
        ('"-19"', [("-19", ALL, False, True)]),
    ],
)
def test_parse_query(query, terms):
    assert parse_query(query) == tuple(Term(*term) for term in terms)


def test_matches_all_words_in_any_field():
    text = "gudrun-olafsson\nGuðrún Ólafsson\nMinister of Energy"
    assert matches("olafsson minister", text)
    assert matches("GUÐRÚN", text)
    assert not matches("olafsson fisheries", text)
    assert not matches('"olafsson minister"', text)  # a phrase does not cross fields


# -- SearchIndex ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        ("geothermal", ["gudrun-olafsson", "wang-li", "gudrun-olafsson"]),
        ("geothermal fisheries", ["gudrun-olafsson"]),
        ("nine homes", ["gudrun-olafsson"]),
        ('"nine homes"', ["gudrun-olafsson"]),
        ('"homes nine"', []),
        ("nine fisheries", []),
        ("plenary", ["gudrun-olafsson", "wang-li", "asa-angstrom"]),
        ("", ["gudrun-olafsson", "wang-li", "asa-angstrom", "gudrun-olafsson"]),
    ],
)
def test_search_and_semantics(nordic, query, expected):
    index = SearchIndex(nordic.quotes)
    assert ids(nordic, index.search(parse_query(query))) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ("@wang", ["wang-li"]),
        ("@王丽", ["wang-li"]),
        ("@olafsson", ["gudrun-olafsson", "gudrun-olafsson"]),
        ("@angstrom", ["asa-angstrom"]),
        ("@iceland", ["gudrun-olafsson", "gudrun-olafsson"]),  # affiliation
        ("@geothermal", []),  # a topic word, not a speaker's
        ("#fish", ["asa-angstrom", "gudrun-olafsson"]),
        ("#quotas", ["asa-angstrom", "gudrun-olafsson"]),  # keyword
        ("#olafsson", []),
        ("#energy @olafsson", ["gudrun-olafsson", "gudrun-olafsson"]),
        ("#energy @angstrom", []),
    ],
)
def test_search_scopes(nordic, query, expected):
    index = SearchIndex(nordic.quotes)
    assert ids(nordic, index.search(parse_query(query))) == expected


_SEED_INDEX = None


def seed_search(query):
    """Speaker ids of the seed quotes matching `query`, in order."""
    global _SEED_INDEX
    _SEED_INDEX = _SEED_INDEX or SearchIndex(_SEED.quotes)
    return ids(_SEED, _SEED_INDEX.search(parse_query(query)))


def test_a_speakers_name_matches_their_quotes_not_a_session_titled_with_it():
    # Wang Yi's talks with Muhriddin are in a session titled with his name; "muhriddin
    # vaccines" asks what Muhriddin said about vaccines.
    assert set(seed_search("vaccines")) == {"wang-yi", "sirojiddin-muhriddin"}
    assert set(seed_search("muhriddin vaccines")) == {"sirojiddin-muhriddin"}
    assert seed_search("muhriddin") == ["sirojiddin-muhriddin"] * 3
    assert seed_search("MUHRIDDIN") == seed_search("@muhriddin")
    assert seed_search("yi") == seed_search("wang") == ["wang-yi"] * 20  # name and alias
    assert set(seed_search("emomali")) == {"emomali-rahmon", "rustam-emomali"}
    # A phrase is the words as written, wherever they are: mentions in session titles too.
    assert set(seed_search('"muhriddin" vaccines')) == {"wang-yi", "sirojiddin-muhriddin"}
    # Part of a name, a word of a longer alias, or a role is not a name on its own.
    assert "wang-yi" in seed_search("muhrid")
    assert set(seed_search("president")) > {"emomali-rahmon"}
    assert set(seed_search("minister")) > {"wang-yi"}


def test_names_speaker_only_for_plain_whole_names():
    index = SearchIndex(_SEED.quotes)
    assert index.names_speaker(Term("muhriddin"))
    assert index.names_speaker(Term("王毅"))  # a one-word alias
    assert not index.names_speaker(Term("muhriddin", phrase=True))
    assert not index.names_speaker(Term("muhriddin", SPEAKER))
    assert not index.names_speaker(Term("tajik"))  # of "the Tajik president"
    assert not index.names_speaker(Term("president rahmon"))


def test_minus_removes_what_a_term_matches():
    everyone = seed_search("")
    assert seed_search("-wang") == [s for s in everyone if s != "wang-yi"]
    assert seed_search("-@wang") == seed_search("-wang")
    assert set(seed_search("vaccines -muhriddin")) == {"wang-yi"}
    assert "sirojiddin-muhriddin" not in seed_search('-"talks with foreign minister"')
    covid = seed_search("#covid")
    assert len(seed_search("-#covid")) == len(everyone) - len(covid)
    assert seed_search("wang -wang") == []
    assert seed_search("-zebra") == everyone


def test_narrowing_from_a_name_does_not_lose_quotes():
    """"wang" names a speaker; "wangx" does not, and must not start from Wang Yi's quotes
    only. Typing "-lu" then "-luban" removes less, so it cannot narrow either."""
    index = SearchIndex(_SEED.quotes)
    assert ids(_SEED, index.search(parse_query("muhriddin"))) == ["sirojiddin-muhriddin"] * 3
    assert "wang-yi" in ids(_SEED, index.search(parse_query('"muhriddin"')))
    index.search(parse_query("-lu"))
    assert index.search(parse_query("-luban")) == SearchIndex(_SEED.quotes).search(
        parse_query("-luban"))


def test_search_within_a_subset(nordic):
    index = SearchIndex(nordic.quotes)
    assert index.search(parse_query("geothermal"), within=[1, 2]) == [1]


def test_narrowing_after_a_search_within_a_subset(nordic):
    index = SearchIndex(nordic.quotes)
    assert index.search(parse_query("energy"), within=[1]) == [1]
    # The same (or a longer) query over all quotes must not narrow from that subset.
    assert index.search(parse_query("energy")) == [0, 1, 3]
    assert index.search(parse_query("energy renewable")) == [0, 1, 3]


# Naive reference: a term matches a quote when its folded text is inside one folded field.
def _fields(quote, scope):
    speaker = quote.speaker
    speaker_fields = [speaker.id, speaker.name, *speaker.aliases, speaker.role,
                      speaker.affiliation]
    topic_fields = [f for t in quote.topics for f in (t.id, t.title, *t.keywords)]
    if scope == SPEAKER:
        return speaker_fields
    if scope == TOPIC:
        return topic_fields
    session = [quote.session.title] if quote.session else []
    return speaker_fields + topic_fields + session + [quote.text]


def naive(quotes, terms):
    """The query language, spelled out: a plain word naming a speaker (a word of a name or a
    one-word alias of anyone in `quotes`) matches that speaker's quotes only; `-` removes."""
    named = {w for q in quotes for w in _name_words(q.speaker)}

    def hit(quote, term):
        if term.scope == ALL and not term.phrase and term.text in named:
            return term.text in _name_words(quote.speaker)
        return any(term.text in fold(f) for f in _fields(quote, term.scope))

    return [i for i, quote in enumerate(quotes)
            if all(hit(quote, term) != term.exclude for term in terms)]


def _name_words(speaker):
    words = fold(speaker.name).split() + [fold(a) for a in speaker.aliases if " " not in fold(a)]
    return {w for w in (w.strip(",.;:()\"'") for w in words) if len(w) > 1}


_SEED = load(SEED)
_WORDS = sorted(
    {w for q in _SEED.quotes for w in re.findall(r"[\w-]+", q.text)}
    | {w for s in _SEED.speakers for w in re.findall(r"[\w-]+", " ".join((s.name, *s.aliases)))}
    | {w for t in _SEED.topics for w in re.findall(r"[\w-]+", " ".join((t.title, *t.keywords)))}
    | {"zebra", "Ångström", "王毅"}
)


@st.composite
def queries(draw):
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        word = draw(st.sampled_from(_WORDS))
        word = word[: draw(st.integers(1, len(word)))]  # a prefix, as typed so far
        prefix = draw(st.sampled_from(["", "", "@", "#", "-", "-@"]))
        if draw(st.booleans()) and parts:
            parts[-1] = f'{parts[-1]} {word}'  # grow into a two-word run
        else:
            parts.append(prefix + word)
    if draw(st.booleans()):
        parts = [f'"{parts[0]}"', *parts[1:]]
    return " ".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(queries(), min_size=1, max_size=4),
       st.lists(st.integers(0, len(_SEED.quotes) - 1), max_size=8))
def test_narrowing_search_equals_fresh_search_and_naive_scan(typed, subset):
    index = SearchIndex(_SEED.quotes)
    for query in typed:
        # Type the query a character at a time, as the reader's search box does; every
        # prefix must give exactly what a fresh index and a naive scan give.
        for end in range(1, len(query) + 1):
            terms = parse_query(query[:end])
            expected = naive(_SEED.quotes, terms)
            assert index.search(terms) == expected, query[:end]
            assert SearchIndex(_SEED.quotes).search(terms) == expected
        # A search within a subset (the catalog's facets) and then the same query over all.
        within = sorted(set(subset))
        terms = parse_query(query)
        expected = naive(_SEED.quotes, terms)
        assert index.search(terms, within) == [i for i in expected if i in within]
        assert index.search(terms) == expected


# -- spans and excerpt_span -----------------------------------------------------------------


def _shown(text, found):
    return [text[start:end] for start, end in found]


@pytest.mark.parametrize(
    "text, query, shown",
    [
        ("Die Straße ist lang", "strasse", ["Straße"]),
        ("Die Straße ist lang", "straße", ["Straße"]),
        ("STRASSE", "straße", ["STRASSE"]),
        ("Åsa Ångström spoke", "angstrom", ["Ångström"]),
        ("A\u030angstro\u0308m", "angstro", ["A\u030angstro\u0308"]),  # keeps the mark
        ("Guðrún Ólafsson", "olafsson", ["Ólafsson"]),
        ("the ﬁnal word", "final", ["ﬁnal"]),
        ("王丽说", "王丽", ["王丽"]),
        ("Wang and wang and WANG", "wang", ["Wang", "wang", "WANG"]),
        ("renewable\n   energy", "renewable energy", ["renewable\n   energy"]),
        ("nothing here", "zebra", []),
    ],
)
def test_spans_are_in_the_original_text(text, query, shown):
    needles = [term.text for term in parse_query(f'"{query}"')]
    assert _shown(text, spans(text, needles)) == shown


def test_spans_merge_and_sort():
    text = "green energy and energy"
    assert spans(text, ["energy", "green en"]) == [(0, 12), (17, 23)]
    assert spans(text, []) == []
    assert spans(text, [""]) == []
    assert spans("", ["x"]) == []


@pytest.mark.parametrize(
    "paragraph, excerpt, shown",
    [
        ("He said   big\nworld today.", "big world", "big\nworld"),
        ("He said big world.", "  big   world ", "big world"),
        ("He said big world.", "Big world", None),  # case is exact
        ("He said big world.", "", None),
        ("He said big world.", "small world", None),
    ],
)
def test_excerpt_span(paragraph, excerpt, shown):
    found = excerpt_span(paragraph, excerpt)
    assert (paragraph[found[0]:found[1]] if found else None) == shown


def test_every_seed_excerpt_is_spanned():
    for quote in _SEED.quotes:
        found = excerpt_span(_SEED.source.paragraph(quote.paragraph), quote.excerpt)
        assert found is not None, quote.index


# -- Catalog --------------------------------------------------------------------------------


@pytest.fixture()
def catalog(nordic):
    return Catalog([nordic])


def _who(catalog, rows):
    return [catalog.rows[i].quote.speaker.id for i in rows]


def test_catalog_select_nothing_selects_all(catalog):
    assert catalog.select() == [0, 1, 2, 3]


def test_catalog_speakers_or_within_facet(catalog):
    assert catalog.select(speakers=frozenset({"gudrun-olafsson"})) == [0, 3]
    assert catalog.select(speakers=frozenset({"gudrun-olafsson", "asa-angstrom"})) == [0, 2, 3]


def test_catalog_topics_or_within_facet(catalog):
    assert catalog.select(topics=frozenset({"fisheries"})) == [2, 3]
    assert catalog.select(topics=frozenset({"fisheries", "energy"})) == [0, 1, 2, 3]


def test_catalog_and_across_facets(catalog):
    speakers = frozenset({"gudrun-olafsson", "asa-angstrom"})
    assert catalog.select(speakers=speakers, topics=frozenset({"energy"})) == [0, 3]
    assert catalog.select(speakers=frozenset({"wang-li"}), topics=frozenset({"fisheries"})) == []


def test_catalog_facets_and_search_terms(catalog):
    speakers = frozenset({"gudrun-olafsson", "asa-angstrom"})
    assert catalog.select(speakers=speakers, terms=parse_query("nordic")) == [2]
    assert catalog.select(speakers=speakers, topics=frozenset({"energy"}),
                          terms=parse_query("working group")) == [3]
    assert catalog.select(terms=parse_query("geothermal")) == [0, 1, 3]
    # A faceted search must not leak into the next unfaceted one.
    assert catalog.select(speakers=frozenset({"wang-li"}), terms=parse_query("energy")) == [1]
    assert catalog.select(terms=parse_query("energy")) == [0, 1, 3]


def test_catalog_merges_speakers_and_counts(catalog):
    assert catalog.speakers["gudrun-olafsson"].count == 2
    assert catalog.topics["energy"].count == 3
    assert len(catalog) == 4


def test_filter_rows(catalog):
    rows = catalog.rows

    def who(found):
        return [r.quote.speaker.id for r in found]

    assert who(filter_rows(rows, speaker="olafsson")) == ["gudrun-olafsson"] * 2
    assert who(filter_rows(rows, speaker="王丽")) == ["wang-li"]
    assert who(filter_rows(rows, topic="fish")) == ["asa-angstrom", "gudrun-olafsson"]
    assert who(filter_rows(rows, speaker="olafsson", topic="fisheries")) == ["gudrun-olafsson"]
    assert who(filter_rows(rows, session="bilateral")) == ["gudrun-olafsson"]
    assert who(filter_rows(rows, speaker="wang", search="solar")) == ["wang-li"]
    assert who(filter_rows(rows, speaker="wang", topic="fisheries")) == []


def test_build_index_builds_once_and_returns_the_index(catalog):
    assert not catalog.indexed
    index = catalog.build_index()
    assert catalog.indexed and isinstance(index, SearchIndex)
    assert catalog.build_index() is index
    assert catalog.select(terms=parse_query("solar")) == index.search(parse_query("solar"))


def test_build_index_from_two_threads_builds_one_index(nordic, monkeypatch):
    import threading
    import time

    import tui.core.searchindex

    built = []

    class Counted(SearchIndex):
        def __init__(self, quotes):
            built.append(self)
            time.sleep(0.05)  # long enough for the other threads to ask meanwhile
            super().__init__(quotes)

    monkeypatch.setattr(tui.core.searchindex, "SearchIndex", Counted)
    catalog = Catalog([nordic])
    found = []
    threads = [threading.Thread(target=lambda: found.append(catalog.build_index()))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1 and all(index is built[0] for index in found) and len(found) == 4


def test_a_search_before_build_index_builds_it(catalog):
    assert catalog.select(terms=parse_query("solar")) and catalog.indexed


def test_catalog_quick_when_each_term_is_found_in_one_pass(catalog, monkeypatch):
    """Words are found from the words of the texts: quick once the index is built. Words
    with a space between are quick only when a shorter piece inside them is known to be in
    few quotes; a view with many sets of rows in a large catalog is not quick."""
    import tui.core.catalog
    import tui.core.textindex

    assert not catalog.quick(terms=parse_query("energy"))  # no index yet
    catalog.build_index()
    assert catalog.quick(terms=parse_query("energy"))
    assert catalog.quick(terms=parse_query("@wang #fish"))
    assert not catalog.quick(terms=parse_query('"renewable energy"'))  # no shorter piece known
    catalog.select(terms=parse_query('"renewable"'))
    assert catalog.quick(terms=parse_query('"renewable energy"'))
    assert catalog.quick(terms=parse_query('"renewable energy" -energy'))
    monkeypatch.setattr(tui.core.textindex, "QUICK_READS", 1)  # "renewable" has more quotes
    assert not catalog.quick(terms=parse_query('"renewable energy"'))
    catalog.select(terms=parse_query('"renewable energy"'))
    assert catalog.quick(terms=parse_query('"renewable energy"'))  # known now
    monkeypatch.setattr(tui.core.catalog, "QUICK_ROWS", 2 * len(catalog))
    assert catalog.quick(speakers=frozenset({"wang-li"}), terms=parse_query("energy"))
    assert not catalog.quick(speakers=frozenset({"wang-li"}), topics=frozenset({"energy"}),
                             terms=parse_query("energy"))  # rows, and the two panes' sets


def test_a_piece_typed_further_reads_only_the_texts_a_shorter_piece_is_in():
    texts = ["green energy now", "energy green", "green energetic", "blue sky", "green e x"]

    class Counted(list):
        reads = 0

        def __getitem__(self, index):
            Counted.reads += 1
            return super().__getitem__(index)

    index = TextIndex(Counted(texts))
    assert indices(index.containing("green e"), len(texts)) == [0, 2, 4]
    Counted.reads = 0
    assert indices(index.containing("green ene"), len(texts)) == [0, 2]
    assert Counted.reads <= 2  # only the texts with words ending "green" and beginning "ene"
    Counted.reads = 0
    assert indices(index.containing("green energy"), len(texts)) == [0]
    assert Counted.reads <= 2  # among the two that have "green ene"
    assert index.containing("energ") == index.containing("energ")  # kept
    assert indices(index.containing("ergy"), len(texts)) == [0, 1]
    assert indices(index.containing("sky blue"), len(texts)) == []
    assert indices(index.containing("y g"), len(texts)) == [1]


def test_text_index_rare_and_common_words_alike(monkeypatch):
    """Words in few texts are kept as lists, common ones as masks: both are found."""
    import tui.core.textindex

    texts = [f"common word{i % 7} {'rare' if i == 5 else 'x'}" for i in range(200)]
    monkeypatch.setattr(tui.core.textindex, "SAMPLE", 16)  # judge from a sample
    index = TextIndex(texts)
    assert indices(index.containing("rare"), len(texts)) == [5]
    assert indices(index.containing("common"), len(texts)) == list(range(200))
    assert indices(index.containing("word3 x"), len(texts)) == list(range(3, 200, 7))
    assert indices(index.containing("d3 r"), len(texts)) == []
    assert indices(index.containing("mon word5 rare"), len(texts)) == [5]


def test_the_same_person_in_many_meetings_is_searched_once(tmp_path):
    """A library holds each person once per meeting: the index keeps one haystack per
    distinct text, and a search still finds the person's quotes in every meeting."""
    from tui.bench.synth import write_library

    folder = write_library(tmp_path / "library", 6, 5)
    briefings = [load(path) for path in sorted(folder.rglob("*.toml"))]
    catalog = Catalog(briefings)
    index = catalog.build_index()
    speakers = {id(q.speaker) for b in briefings for q in b.quotes}
    texts = {speaker_text(q.speaker) for b in briefings for q in b.quotes}
    assert len(index._speakers) == len(texts) < len(speakers)
    name = briefings[0].quotes[0].speaker.name.split()[0]
    hits = catalog.select(terms=parse_query("@" + name))
    naive = [i for i, row in enumerate(catalog.rows)
             if fold(name) in fold(speaker_text(row.quote.speaker))]
    assert hits == naive and len({catalog.rows[i].briefing.path for i in hits}) > 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from("aB \t\x1fé."), max_size=8), min_size=2, max_size=4),
       st.text(st.sampled_from("ab .é"), min_size=1, max_size=3))
def test_fold_many_matches_as_fold_does(texts, query):
    """It may keep one space at either end of a text; no folded term begins or ends with
    one, so every search matches as over `fold` of each text."""
    many = fold_many(texts)
    assert [t.strip(" ") for t in many] == [fold(t) for t in texts]
    for term in parse_query(query):
        assert [term.text in t for t in many] == [term.text in fold(t) for t in texts]


def test_replace_term_writes_the_new_text_in_the_words_place():
    from tui.core.search import parse_query, replace_term

    def replaced(query, index, text):
        return replace_term(query, parse_query(query)[index], text)

    assert replaced("muhridin", 0, "Muhriddin") == "Muhriddin"
    assert replaced("vaccines  muhridin aid", 1, "Muhriddin") == "vaccines  Muhriddin aid"
    assert replaced("@wnag trade", 0, "Wang") == "@Wang trade"
    assert replaced("#tarde", 0, "Trade") == "#Trade"
    assert replaced("-Muhridin", 0, "Muhriddin") == "-Muhriddin"
    assert replaced('"sirojidin muhriddin"', 0, "Sirojiddin Muhriddin") == \
        '"Sirojiddin Muhriddin"'
    assert replaced("wang sirojidin", 1, "Sirojiddin Muhriddin") == \
        'wang "Sirojiddin Muhriddin"'
    # The first token that reads as the term, not one that only contains it.
    assert replaced("muhridinx muhridin", 1, "Muhriddin") == "muhridinx Muhriddin"
    # A term the query does not hold leaves it as it is.
    from tui.core.search import Term
    assert replace_term("trade", Term("wang"), "Wang") == "trade"
