"""`python -m tui.bench.draftscore`: precision and recall of the drafter's (paragraph,
speaker) attributions, per article and overall, on the annotated articles in
tests/data/articles (the tuning set, and heldout/ apart) and on the seed article against
the bundled briefing."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import tomli

from ..core.model import split_paragraphs
from ..draft import draft
from ..draft.people import fold

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "data" / "articles"
SEED_BRIEF = ROOT / "briefs" / "2022-08-01-china-tajikistan.toml"

Pair = tuple[int, str]


@dataclass(frozen=True)
class Score:
    name: str
    true: int  # attributions both found and expected
    found: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true / self.expected if self.expected else 1.0

    def line(self) -> str:
        return (f"{self.name:<34} {self.precision:9.3f} {self.recall:7.3f} "
                f"{self.true:5d} {self.found:6d} {self.expected:9d}")


def score(name: str, found: set[Pair], expected: set[Pair]) -> Score:
    """Compare (paragraph, speaker) pairs; speaker names are compared without case or accents."""
    def norm(pairs):
        return {(p, fold(" ".join(s.split()))) for p, s in pairs}

    f, e = norm(found), norm(expected)
    return Score(name, len(f & e), len(f), len(e))


def total(name: str, scores: list[Score]) -> Score:
    return Score(name, sum(s.true for s in scores), sum(s.found for s in scores),
                 sum(s.expected for s in scores))


def expected_pairs(annotation: Path) -> set[Pair]:
    data = json.loads(annotation.read_text(encoding="utf-8"))
    return {(int(p), name) for p, names in data["statements"].items() for name in names}


def article_score(article: Path) -> tuple[Score, set[Pair], set[Pair]]:
    _toml, made = draft(article.read_text(encoding="utf-8"))
    found = made.pairs()
    expected = expected_pairs(article.with_suffix(".expected.json"))
    return score(article.stem, found, expected), found, expected


def seed_score() -> tuple[Score, set[Pair], set[Pair]]:
    brief = tomli.loads(SEED_BRIEF.read_text(encoding="utf-8"))
    names = {sid: s["name"] for sid, s in brief["speakers"].items()}
    expected = {(q["paragraph"], names[q["speaker"]]) for q in brief["quotes"]}
    source = (SEED_BRIEF.parent / brief["source"]["text"]).resolve()
    text = source.read_text(encoding="utf-8")
    assert split_paragraphs(text)  # the bundled briefing's paragraphs are the drafter's
    _toml, made = draft(text)
    return score("seed (bundled briefing)", made.pairs(), expected), made.pairs(), expected


def articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if p.with_suffix(".expected.json").exists())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tui.bench.draftscore", description=__doc__)
    parser.add_argument("--set", choices=("tuning", "heldout", "all"), default="all",
                        help="which annotated articles to score (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list each wrong and each missed attribution")
    args = parser.parse_args(argv)
    groups = []
    if args.set in ("tuning", "all"):
        groups.append(("corpus", articles(ARTICLES)))
    if args.set in ("heldout", "all"):
        groups.append(("held-out", articles(ARTICLES / "heldout")))
    print(f"{'article':<34} {'precision':>9} {'recall':>7} {'right':>5} {'found':>6} "
          f"{'expected':>9}")
    everything: list[Score] = []
    for label, paths in groups:
        scores = []
        for path in paths:
            result, found, expected = article_score(path)
            scores.append(result)
            print(result.line())
            if args.verbose:
                _differences(found, expected)
        if scores:
            print(total(f"  {label} overall", scores).line())
            everything += scores
    if len(groups) > 1:
        print(total("all articles overall", everything).line())
    if args.set == "all":
        result, found, expected = seed_score()
        print(result.line())
        if args.verbose:
            _differences(found, expected)
    return 0


def _differences(found: set[Pair], expected: set[Pair]) -> None:
    for p, s in sorted(found - expected):
        print(f"    wrong   paragraph {p}: {s}")
    for p, s in sorted(expected - found):
        print(f"    missed  paragraph {p}: {s}")


if __name__ == "__main__":
    sys.exit(main())
