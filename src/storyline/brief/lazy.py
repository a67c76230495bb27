"""What a brief makes only when it is asked for.

Most sentences of a cluster can never be chosen (a low score, no room left), so what is
read about a sentence (its needs, what it introduces, whether it is fit to stand) is
made the first time a stage asks, and kept: the answers are those of computing every
item up front, in any order. And numpy's modules that scipy touches at import but a
brief never uses are loaded only if something uses them.
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


# numpy's submodules that its own `__getattr__` imports on first use and a brief never
# uses. scipy's array-API layer (`scipy._lib.array_api_compat.numpy`, imported by
# scipy.sparse) copies every public name of numpy with `hasattr`, which imports them all:
# numpy.f2py and numpy.testing are about a tenth of a brief's start-up (instructions),
# numpy.ma a few percent (scipy.linalg reads it on every call, but the brief no longer
# imports scipy.linalg: brief/eigen.py), the others under 1%. (numpy.random is read by
# scipy's own import, numpy.fft by scipy: they are not deferred.)
DEFERRED_NUMPY = ("numpy.f2py", "numpy.testing", "numpy.polynomial", "numpy.ctypeslib",
                  "numpy.char", "numpy.rec", "numpy.strings", "numpy.ma")


def defer_unused_numpy_modules() -> None:
    """Put the DEFERRED_NUMPY modules in place as lazy modules (importlib's LazyLoader),
    before scipy is imported: a name copied from numpy then costs nothing, and the first
    real use of a module (an attribute read) loads it in full. Modules already imported
    are left as they are."""
    import importlib.util
    import sys

    import numpy

    for name in DEFERRED_NUMPY:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            continue
        spec.loader = importlib.util.LazyLoader(spec.loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        setattr(numpy, name.rpartition(".")[2], module)
