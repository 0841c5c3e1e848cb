"""Close names for a word that matches nothing: `muhridin` → `Muhriddin`, as `check` suggests
the nearest key. Compared folded (case and accents ignored), offered as the briefing spells
them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .search import fold

#: How alike a name must be to be offered (difflib's ratio, 0 to 1).
CUTOFF = 0.7
_PUNCTUATION = ",.;:()\"'"


def close_names(word: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """Up to `limit` of the words in `names` (of whole `names`, when `word` is several
    words) closest to `word`, closest first; never the word itself."""
    wanted = fold(word)
    if not wanted:
        return []
    spelled: dict[str, str] = {}  # folded → first spelling seen
    for name in names:
        words = [c.strip(_PUNCTUATION) for c in name.split()]
        if wanted in map(fold, words):
            continue  # the word is already one of this name's words
        for candidate in ([name.strip()] if " " in wanted else words):
            key = fold(candidate)
            if key and key != wanted:
                spelled.setdefault(key, candidate)
    close = difflib.get_close_matches(wanted, list(spelled), n=limit, cutoff=CUTOFF)
    return [spelled[c] for c in close]


def did_you_mean(names: list[str]) -> str:
    """'; did you mean 'X'?' (or 'X' or 'Y'), '' when there is nothing to offer."""
    if not names:
        return ""
    return "; did you mean " + " or ".join(f"'{n}'" for n in names) + "?"
