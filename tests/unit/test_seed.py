"""The seed briefing: valid without a single warning, and faithful to its source text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.loader import check
from tui.core.search import excerpt_span
from tui.store.paths import bundled_briefings

from support import SEED, SEED_SOURCE

SOURCE = SEED_SOURCE
SHARED = Path("/work/shared/seeds") / SOURCE.name


@pytest.fixture(scope="module")
def seed():
    briefing, problems = check(SEED)
    assert problems == [], [str(p) for p in problems]
    return briefing


def test_seed_loads_with_no_problems_at_all(seed):
    assert seed is not None
    assert seed.source.resolved_path == SOURCE.resolve()
    assert seed.source.paragraphs is not None
    assert len(seed.quotes) >= 20


def test_every_quote_has_session_paragraph_and_excerpt_in_it(seed):
    for quote in seed.quotes:
        assert quote.session is not None, quote.index
        assert quote.paragraph is not None, quote.index
        assert quote.excerpt, quote.index
        body = seed.source.paragraph(quote.paragraph)
        assert excerpt_span(body, quote.excerpt) is not None, (quote.index, quote.excerpt)


def test_every_outcome_has_a_paragraph(seed):
    assert seed.outcomes
    for outcome in seed.outcomes:
        assert seed.source.paragraph(outcome.paragraph) is not None


def _paragraphs_with(seed, words: str) -> set[int]:
    return {n for n, text in enumerate(seed.source.paragraphs, start=1) if words in text}


def test_the_two_emomalis(seed):
    # The 'Pioneers of BRI construction' section (paragraphs 14-20) is Wang Yi's meeting with
    # Rustam Emomali, whom the text calls just 'Emomali'; paragraphs 11-12 are President
    # Emomali Rahmon's reply in the talks before.
    assert seed.source.paragraph(13) == "Pioneers of BRI construction"
    assert seed.source.paragraph(19).startswith("Emomali said")
    bri = [q for q in seed.quotes if 14 <= q.paragraph <= 20]
    assert bri
    assert {q.speaker.id for q in bri} <= {"rustam-emomali", "wang-yi"}
    assert any(q.speaker.id == "rustam-emomali" for q in bri)
    rahmon = [q for q in seed.quotes if q.paragraph in (11, 12)]
    assert rahmon
    assert {q.speaker.id for q in rahmon} == {"emomali-rahmon"}
    assert all(q.paragraph in (11, 12) for q in seed.quotes if q.speaker.id == "emomali-rahmon")


def test_no_quote_from_captions_headings_or_search_trends(seed):
    captions = _paragraphs_with(seed, "/Chinese Foreign Ministry")
    assert captions == {3, 4, 21, 22}
    headings = {5, 13, 23}
    assert [seed.source.paragraph(n) for n in sorted(headings)] == [
        "A historic high", "Pioneers of BRI construction",
        "China to provide more vaccine assistance",
    ]
    trends = _paragraphs_with(seed, "Search Trends")
    assert trends == {len(seed.source.paragraphs)}
    banned = captions | headings | trends | {1}
    assert not [q.index for q in seed.quotes if q.paragraph in banned]
    assert not [o.text for o in seed.outcomes if o.paragraph in banned]


def test_seed_speakers_and_topics_all_used(seed):
    spoken = {q.speaker.id for q in seed.quotes}
    assert spoken == {s.id for s in seed.speakers}
    assert {t.id for q in seed.quotes for t in q.topics} == {t.id for t in seed.topics}


@pytest.mark.skipif(not SHARED.exists(), reason=f"{SHARED} not present")
def test_seed_source_is_byte_identical_to_shared_copy():
    assert SOURCE.read_bytes() == SHARED.read_bytes()


def test_bundled_briefings_finds_the_seed():
    assert SEED.resolve() in [path.resolve() for path in bundled_briefings()]
