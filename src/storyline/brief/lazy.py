"""Values a brief computes per sentence only when a stage asks for them.

Most sentences of a cluster can never be chosen (a low score, no room left), so what is
read about a sentence (its needs, what it introduces, whether it is fit to stand) is
made the first time a stage asks, and kept: the answers are those of computing every
item up front, in any order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence


class OnDemand(Sequence):
    """A sequence whose item k is `make(k)`, made when first asked for and kept."""

    def __init__(self, length: int, make: Callable[[int], object]):
        self._items: list = [_NOT_YET] * length
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        item = self._items[k]
        if item is _NOT_YET:
            item = self._items[k] = self._make(k % len(self._items))
        return item

    def __iter__(self) -> Iterator:
        return (self[k] for k in range(len(self)))

    def made(self) -> int:
        """How many items have been made so far."""
        return sum(item is not _NOT_YET for item in self._items)


_NOT_YET = object()
