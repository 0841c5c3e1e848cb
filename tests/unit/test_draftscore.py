"""The draft scorer: its arithmetic, and the floor the annotated corpus and the seed meet."""

from __future__ import annotations

from tui.bench import draftscore
from tui.bench.draftscore import Score, score, total


def test_precision_and_recall_of_pairs():
    found = {(1, "Anne Morel"), (2, "Karl Brandt"), (3, "Anne Morel")}
    expected = {(1, "anne  morel"), (2, "Anne Morel"), (4, "Karl Brandt")}
    result = score("x", found, expected)  # names compared without case and spacing
    assert (result.true, result.found, result.expected) == (1, 3, 3)
    assert result.precision == 1 / 3 and result.recall == 1 / 3


def test_empty_sets_and_totals():
    assert score("x", set(), set()).precision == 1.0
    assert score("x", set(), {(1, "A")}).recall == 0.0
    assert score("x", {(1, "A")}, set()).precision == 0.0
    both = total("all", [Score("a", 1, 2, 4), Score("b", 3, 3, 4)])
    assert (both.precision, both.recall) == (4 / 5, 4 / 8)


def test_the_corpus_and_the_seed_meet_the_targets():
    for folder in (draftscore.ARTICLES, draftscore.ARTICLES / "heldout"):
        paths = draftscore.articles(folder)
        assert len(paths) >= 2
        result = total("set", [draftscore.article_score(p)[0] for p in paths])
        assert result.precision >= 0.95 and result.recall >= 0.90, result
    seed = draftscore.seed_score()[0]
    assert seed.precision >= 0.95 and seed.recall >= 0.90, seed


def test_the_scorer_prints_every_article_and_the_totals(capsys):
    assert draftscore.main([]) == 0
    out = capsys.readouterr().out
    for name in ("wire-water-talks", "news-farm-protest", "corpus overall", "held-out overall",
                 "seed (bundled briefing)"):
        assert name in out
