"""Which quotes' folded texts contain a piece of text, found from the words of the texts
rather than by scanning every text.

Folded text has single spaces between its words, so a piece without a space is inside one
word: the quotes containing it are those having a word that contains it, and the words are
far fewer than the quotes. A piece with spaces (`trade s`) starts at the end of one word,
spans whole words and ends at the start of another: the quotes having such words are the
only ones whose texts are then read. What is found is kept, so that a piece typed further
starts from the words and quotes found for a shorter piece inside it."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from itertools import chain, compress, repeat
from operator import setitem

from .masks import Kept, full, indices, mask_of

DENSE = 64  # a word in at least one quote in DENSE has a mask; a rarer word, a list
MASKS = 512  # masks at most (the commonest words): a mask takes a byte per quote
SAMPLE = 4096  # texts read to judge which words are common
QUICK_READS = 20_000  # texts read for a piece in well under a frame
KEPT = 64  # pieces of text remembered (their words and their quotes)


class TextIndex:
    """The words of `texts` (folded, see `search.fold`) and the quotes having each."""

    def __init__(self, texts: Sequence[str]):
        self.texts = texts
        self.size = size = len(texts)
        # Each word's quotes are gathered by a C loop per text, into a byte array for a
        # common word (in one text in DENSE or more, judged from a sample of the texts) and
        # into a dict for the others (whose keys keep their order).
        step = max(1, size // SAMPLE)
        sample = texts[::step]
        counts = Counter(chain.from_iterable(map(str.split, sample)))
        common = max(1, len(sample) // DENSE)
        sinks: defaultdict[str, bytearray | dict] = defaultdict(dict)
        sinks.update((word, bytearray(size)) for word, count in counts.most_common(MASKS)
                     if count >= common)
        sink = sinks.__getitem__
        for i, text in enumerate(texts):
            deque(map(setitem, map(sink, text.split()), repeat(i), repeat(1)), maxlen=0)
        self.words = list(sinks)
        self._number = {word: number for number, word in enumerate(self.words)}
        #: A common word's quotes as a mask, a rare word's as a list (by word number).
        self._masks: dict[int, int] = {}
        self._lists: dict[int, array] = {}
        for number, found in enumerate(sinks.values()):
            if isinstance(found, bytearray):
                self._masks[number] = int.from_bytes(found, "little")
            else:
                self._lists[number] = array("I", found)
        self._words_with: Kept = Kept(KEPT)  # piece → numbers of the words having it
        self._quotes_with: Kept = Kept(KEPT)  # piece → mask of the quotes having it

    def containing(self, piece: str) -> int:
        """The mask of the quotes whose text contains `piece`."""
        found = self._quotes_with.get(piece)
        if found is None:
            if not piece:
                found = full(self.size)
            elif " " in piece:
                found = self._spanning(piece)
            else:
                found = self._union(self.words_containing(piece))
            self._quotes_with.keep(piece, found)
        return found

    def quick(self, piece: str) -> bool:
        """Whether the quotes containing `piece` are known, or found without reading many
        texts: a piece without a space is found from the words alone; one with spaces when
        a piece inside it is known to be in few quotes, whose texts are then read."""
        if " " not in piece or piece in self._quotes_with:
            return True
        return any(other in piece and found.bit_count() < QUICK_READS
                   for other, found in list(self._quotes_with.items()))

    def words_containing(self, piece: str) -> list[int]:
        """The numbers of the words that contain `piece` (which has no space)."""
        numbers = self._words_with.get(piece)
        if numbers is None:
            pool = self._narrowest(self._words_with, piece, len)
            if pool is None:
                pool = range(len(self.words))
            words = self.words
            numbers = list(compress(pool, map(str.__contains__, map(words.__getitem__, pool),
                                              repeat(piece))))
            self._words_with.keep(piece, numbers)
        return numbers

    def _spanning(self, piece: str) -> int:
        """`containing` for a piece with spaces: the quotes with a word ending as it begins,
        its whole words between, and a word beginning as it ends, whose texts contain it."""
        first, *between, last = piece.split(" ")
        words = self.words
        if first and last and all(between):
            candidates = self._union([n for n in self.words_containing(first)
                                      if words[n].endswith(first)])
            for word in between:
                number = self._number.get(word)
                candidates &= self._union([number]) if number is not None else 0
            candidates &= self._union([n for n in self.words_containing(last)
                                       if words[n].startswith(last)])
        else:
            candidates = full(self.size)
        shorter = self._narrowest(self._quotes_with, piece, int.bit_count)
        if shorter is not None:
            candidates &= shorter
        if not candidates:
            return 0
        texts = self.texts
        pool = indices(candidates, self.size)
        return mask_of(compress(pool, map(str.__contains__, map(texts.__getitem__, pool),
                                          repeat(piece))), self.size)

    def _union(self, numbers: list[int]) -> int:
        """The mask of the quotes having any of the words numbered `numbers`."""
        found, rare = 0, []
        masks = self._masks
        for number in numbers:
            mask = masks.get(number)
            if mask is not None:
                found |= mask
            else:
                rare.append(self._lists[number])
        if rare:
            found |= mask_of(chain.from_iterable(rare), self.size)
        return found

    @staticmethod
    def _narrowest(kept: dict, piece: str, size):
        """Of what `kept` holds for the pieces inside `piece`, the smallest; None if none."""
        best = None
        for other, found in list(kept.items()):
            if other in piece and other != piece and (best is None or size(found) < size(best)):
                best = found
        return best
