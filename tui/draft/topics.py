"""Topics a draft can name: a small lexicon of what meetings are about, each with the words
that signal it. A topic is kept only when quotes use it."""

from __future__ import annotations

import re

LEXICON = (
    ("trade-economy", "Trade, investment and the economy",
     ("trade", "economic", "economy", "investment", "invest", "exports", "imports", "tariff",
      "tariffs", "market", "markets", "business", "enterprises")),
    ("security", "Security and defence",
     ("security", "terrorism", "defence", "defense", "military", "border", "stability")),
    ("energy", "Energy", ("energy", "oil", "gas", "solar", "renewable", "power plant", "grid")),
    ("health", "Health and the pandemic",
     ("COVID-19", "vaccine", "vaccines", "pandemic", "health", "hospital", "hospitals")),
    ("climate", "Climate and environment",
     ("climate", "emissions", "carbon", "environment", "environmental", "green")),
    ("infrastructure", "Infrastructure and connectivity",
     ("infrastructure", "railway", "railways", "roads", "ports", "Belt and Road",
      "connectivity", "transport", "transportation", "logistics")),
    ("sovereignty", "Sovereignty and non-interference",
     ("sovereignty", "territorial integrity", "internal affairs", "interference")),
    ("relations", "Bilateral relations",
     ("diplomatic relations", "strategic partnership", "friendship", "bilateral relations",
      "relations")),
    ("people-to-people", "People-to-people exchanges",
     ("cultural", "culture", "education", "tourism", "exchanges", "students", "flights")),
    ("migration", "Migration and asylum", ("migration", "migrants", "asylum", "refugees")),
    ("public-finance", "Budget and public finance",
     ("budget", "tax", "taxes", "spending", "debt", "deficit", "inflation")),
    ("technology", "Technology and innovation",
     ("technology", "digital", "innovation", "artificial intelligence", "data")),
    ("agriculture", "Agriculture and food",
     ("agriculture", "agricultural", "farmers", "farming", "food", "fisheries")),
    ("rights-democracy", "Rights and democracy",
     ("human rights", "democracy", "elections", "election", "press freedom")),
    ("peace-conflict", "Peace, conflict and sanctions",
     ("war", "ceasefire", "peace", "conflict", "sanctions")),
    ("housing", "Housing", ("housing", "rents", "rent", "homes", "mortgage", "mortgages")),
)
MAX_TOPICS = 8


def _pattern(word: str) -> re.Pattern[str]:
    flags = 0 if word.isupper() or "-" in word and word[0].isupper() else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", flags)


_PATTERNS = {word: _pattern(word) for _id, _title, words in LEXICON for word in words}


def choose(texts: list[str]) -> tuple[list[tuple[str, str, list[str]]], list[list[str]]]:
    """The topics `texts` (the quotes) support, as (id, title, keywords found), and for each
    text the ids of its topics."""
    per_text: list[list[str]] = [[] for _ in texts]
    found: dict[str, set[str]] = {}
    for topic_id, _title, words in LEXICON:
        for number, text in enumerate(texts):
            hits = {w for w in words if _PATTERNS[w].search(text)}
            if hits:
                per_text[number].append(topic_id)
                found.setdefault(topic_id, set()).update(hits)
    counts = {t: sum(t in ids for ids in per_text) for t in found}
    kept = sorted(found, key=lambda t: -counts[t])[:MAX_TOPICS]
    order = [t for t, _title, _w in LEXICON if t in kept]
    titles = {t: title for t, title, _w in LEXICON}
    words = {t: w for t, _title, w in LEXICON}
    topics = [(t, titles[t], [w for w in words[t] if w in found[t]]) for t in order]
    return topics, [[t for t in ids if t in kept] for ids in per_text]
