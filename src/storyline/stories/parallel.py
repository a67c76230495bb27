"""The per-article work on several cores, in order: a drop-in for `map` in `Stories.add`.

`prepare` (cleaning, terms, signature) is most of the cost of an article and reads
nothing but the article, so `Workers(jobs).map` runs it in `jobs` worker processes while
this process runs the ordered pass (duplicates, detection, the store) on what comes
back. The results come back in input order, so the stories are the same as with `map`.
Articles are sent in chunks, and only `AHEAD` chunks per worker are in flight: a long
stream is never read far ahead of what is stored. A short one (a chunk or less) is
prepared here.

The workers are forked when `Workers` is made: make it before opening the store, so
that they hold none of its files (a forked child shares its parent's writer lock, which
would outlive a parent killed with -9 for as long as the child runs).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

CHUNK = 16  # articles per task: few enough to keep the order flowing, enough to amortize
AHEAD = 4  # chunks in flight per worker


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Workers:
    """`jobs` worker processes for `map`, started now; with one job, `map` is the
    built-in one. Close them (or use `with`) when done."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool = None
        if jobs > 1:
            self.pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_setup,
                                            initargs=(os.getpid(),))
            self.pool.submit(int).result()  # the first task forks all the workers

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def map(self, work: Callable, items: Iterable) -> Iterator:
        """`work` of each item, in order."""
        items = iter(items)
        first = list(islice(items, CHUNK))
        if self.pool is None or len(first) < CHUNK:  # a short stream: prepared here
            yield from map(work, first)
            yield from map(work, items)
            return
        in_flight = deque([self.pool.submit(_chunk, work, first)])
        try:
            for chunk in iter(lambda: list(islice(items, CHUNK)), []):
                in_flight.append(self.pool.submit(_chunk, work, chunk))
                if len(in_flight) >= self.jobs * AHEAD:
                    yield from in_flight.popleft().result()
            while in_flight:
                yield from in_flight.popleft().result()
        finally:  # also when the caller stops early: what has not started is dropped
            for future in in_flight:
                future.cancel()


def _chunk(work: Callable, chunk: list) -> list:
    return [work(item) for item in chunk]


def _worker_setup(parent: int) -> None:
    """Workers leave interrupts to the parent, and die with it however it ends (on
    Linux the kernel sends them SIGKILL), so none is left behind."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):  # not the parent's handlers
        signal.signal(signum, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died before that took hold
        os._exit(1)
