"""Sets of quotes as byte masks, and the text index built on them, against plain lists."""

from __future__ import annotations

import bisect
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import masks
from tui.core.masks import Selection, full, indices, mask_of, tally
from tui.core.textindex import TextIndex


@given(st.integers(0, 700).flatmap(
    lambda size: st.tuples(st.just(size), st.sets(st.integers(0, max(size - 1, 0)), max_size=size))))
def test_a_mask_holds_its_indices(case):
    size, chosen = case
    chosen = sorted(i for i in chosen if i < size)
    mask = mask_of(chosen, size)
    assert indices(mask, size) == chosen
    assert mask.bit_count() == len(chosen)
    assert indices(full(size) ^ mask, size) == [i for i in range(size) if i not in chosen]
    selection = Selection(mask, size)
    assert len(selection) == len(chosen)
    assert list(selection) == chosen == selection
    assert [selection[k] for k in range(len(chosen))] == chosen
    assert selection[-1:] == chosen[-1:]
    for row in (0, size // 2, size - 1):
        assert bisect.bisect_left(selection, row) == bisect.bisect_left(chosen, row)
        assert (row in selection) == (row in chosen)
        if row in chosen:
            assert selection.index(row) == chosen.index(row)
    with pytest.raises(IndexError):
        selection[len(chosen)]


def test_sparse_and_dense_masks_read_alike(monkeypatch):
    size = 5000
    chosen = list(range(3, size, 97))
    dense = indices(mask_of(chosen, size), size)
    monkeypatch.setattr(masks, "SPARSE", 10**9)  # every mask read by seeking
    assert indices(mask_of(chosen, size), size) == dense == chosen


@given(st.lists(st.sampled_from("abcde"), max_size=300), st.data())
def test_tally_counts_the_smaller_side_alike(keys, data):
    size = len(keys)
    chosen = data.draw(st.sets(st.integers(0, max(size - 1, 0)), max_size=size))
    chosen = [i for i in chosen if i < size]
    totals = dict(Counter(keys))
    expected = dict(Counter(keys[i] for i in chosen))
    assert tally(keys, mask_of(chosen, size), size, totals) == expected


_TEXTS = st.lists(st.text("abc ", max_size=12).map(lambda t: " ".join(t.split())), max_size=40)
_PIECES = st.text("abc ", min_size=1, max_size=6).map(lambda t: " ".join(t.split())).filter(bool)


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.lists(_PIECES, min_size=1, max_size=8), st.integers(1, 4))
def test_text_index_finds_what_a_scan_finds(texts, pieces, sample):
    """Pieces in any order (shorter ones first or after, with or without spaces), common and
    rare words alike: the quotes whose text contains each piece."""
    import tui.core.textindex

    tui.core.textindex.SAMPLE = sample
    try:
        index = TextIndex(texts)
        for piece in pieces + [p[:-1] for p in pieces if len(p) > 1] + pieces:
            expected = [i for i, text in enumerate(texts) if piece in text]
            assert indices(index.containing(piece), len(texts)) == expected, piece
    finally:
        tui.core.textindex.SAMPLE = 4096


def test_kept_forgets_the_oldest_first():
    from tui.core.masks import Kept

    kept = Kept(2)
    assert kept.keep("a", 1) == 1
    kept.keep("b", 2)
    kept.keep("c", 3)
    assert dict(kept) == {"b": 2, "c": 3}
