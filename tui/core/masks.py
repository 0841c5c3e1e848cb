"""Sets of quotes as byte masks: an int whose byte `i` is 1 when quote `i` is in the set, so
that intersections, unions and complements are one C operation on the whole set, and the
set's size is `bit_count()`."""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, compress, repeat

BLOCK = 256  # quotes a Selection counts at a time
SPARSE = 32  # a mask with fewer than one quote in SPARSE is read by seeking its quotes


def mask_of(indices: Iterable[int], size: int) -> int:
    """The mask of the quotes at `indices` (each below `size`)."""
    flags = bytearray(size)
    deque(map(flags.__setitem__, indices, repeat(1)), maxlen=0)
    return int.from_bytes(flags, "little")


@lru_cache(maxsize=8)
def full(size: int) -> int:
    """The mask of every one of `size` quotes."""
    return int.from_bytes(b"\x01" * size, "little")


def flags(mask: int, size: int) -> bytes:
    """Byte `i` is 1 when quote `i` is in `mask`: for `bytes.count` and `itertools.compress`."""
    return mask.to_bytes(size, "little")


def indices(mask: int, size: int) -> list[int]:
    """The quotes in `mask`, in order."""
    count = mask.bit_count()
    if not count:
        return []
    found = flags(mask, size)
    if count * SPARSE >= size:
        return list(compress(range(size), found))
    out, find, at = [], found.find, found.find(1)
    while at >= 0:
        out.append(at)
        at = find(1, at + 1)
    return out


def tally(keys: Sequence, mask: int, size: int, totals: dict) -> dict:
    """How many quotes of `mask` have each key, where quote `i` has `keys[i]` and `totals`
    counts every quote's: keys with none are left out. The smaller side is counted: the set,
    or the quotes outside it subtracted from `totals`."""
    count = mask.bit_count()
    if count == size:
        return {key: n for key, n in totals.items() if n}
    if count * 2 <= size:
        return dict(Counter(compress(keys, flags(mask, size))))
    outside = Counter(compress(keys, flags(full(size) ^ mask, size)))
    return {key: left for key, n in totals.items() if (left := n - outside.get(key, 0))}


class Selection(Sequence[int]):
    """The quotes of a mask as a sorted sequence of indices, each found when asked for, so
    that a view of 100,000 rows costs no list of 100,000 numbers."""

    __slots__ = ("flags", "_length", "_before")

    def __init__(self, mask: int, size: int):
        self.flags = flags(mask, size)
        self._length = mask.bit_count()
        count = self.flags.count
        #: How many quotes of the mask come before each block of BLOCK quotes.
        self._before = list(accumulate((count(1, start, start + BLOCK)
                                        for start in range(0, size, BLOCK)), initial=0))

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        block = bisect_right(self._before, index) - 1
        start = block * BLOCK
        found = list(compress(range(start, start + BLOCK), self.flags[start:start + BLOCK]))
        return found[index - self._before[block]]

    def __iter__(self) -> Iterator[int]:
        return compress(range(len(self.flags)), self.flags)

    def __contains__(self, row) -> bool:
        return isinstance(row, int) and 0 <= row < len(self.flags) and self.flags[row] == 1

    def index(self, row, start: int = 0, stop: int | None = None) -> int:
        if row not in self:
            raise ValueError(f"{row} is not in the selection")
        return super().index(row, start, stop) if start or stop is not None else \
            self.flags.count(1, 0, row)

    def __eq__(self, other) -> bool:
        if isinstance(other, Selection):
            return self.flags == other.flags
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None

    def __repr__(self) -> str:
        return f"Selection({list(self)!r})"


class Kept(dict):
    """What was found for the last `limit` keys (the oldest forgotten first), for the next
    key to find again; safe to add to from the reader's worker and its UI thread at once."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self._lock = threading.Lock()

    def keep(self, key, value):
        """Add `value` under `key`, forgetting the oldest entry when full; returns `value`."""
        with self._lock:
            if len(self) >= self.limit:
                del self[next(iter(self))]
            self[key] = value
        return value
