"""An ordered map over worker processes of this machine: the local engine's machinery.

`ordered_map(fn, items, jobs, died)` is `map(fn, items)` run by `jobs` processes, a
window of items in flight (memory stays bounded however long the input is), results in
input order. A worker that dies (the OOM killer, a crash in C code) costs only its own
item: the items in flight are done again one item per process, and the item that kills
its process gets `died(item)`. Workers keep BLAS to one thread and die with their parent.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# (concurrent.futures' process pool, with multiprocessing, is imported when a pool is
# made: a brief in one process never needs it, and it is a few percent of the start-up)

WINDOW_PER_JOB = 16  # items in flight per process: enough to keep it busy, few in memory


def ordered_map(fn: Callable[[Any], Any], items: Iterable, jobs: int,
                died: Callable[[Any], Any], *, chunk: int = WINDOW_PER_JOB // 4,
                many: Callable[[list], list] | None = None) -> Iterator:
    """`fn` over `items` in `jobs` processes (`chunk` items per task), in order; an item
    whose process dies gives `died(item)`. With one job, in this process. `many`, if
    given, does a task's items at once (`many(part)` is `[fn(x) for x in part]`)."""
    items = iter(items)
    many = many or partial(_chunk, fn)
    if jobs <= 1:
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1):  # as in the workers (see _worker_setup)
            while part := list(islice(items, chunk)):
                yield from many(part)
        return
    from concurrent.futures.process import BrokenProcessPool

    ahead = jobs * max(WINDOW_PER_JOB, 4 * chunk) // chunk  # chunks handed out at once
    pending: deque[tuple[list, Future]] = deque()  # in input order
    pool = _pool(jobs)
    try:
        while True:
            # A new chunk goes in as each one comes out, so the workers never wait for
            # the slowest chunk of a window (as they did when a window was mapped whole).
            while len(pending) < ahead and (part := list(islice(items, chunk))):
                pending.append((part, pool.submit(many, part)))
            if not pending:
                return
            part, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:  # a worker died (the OOM killer, a crash in C code)
                pool.shutdown(cancel_futures=True)
                for again, _ in [(part, future), *pending]:
                    yield from (_alone(fn, item, died) for item in again)
                pending.clear()
                pool = _pool(jobs)
                continue
            yield from results
    finally:
        pool.shutdown(cancel_futures=True)


def _chunk(fn: Callable[[Any], Any], part: list) -> list:
    return [fn(item) for item in part]


def _pool(jobs: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, mp_context=start_method(),
                               initializer=_worker_setup, initargs=(os.getpid(),))


def start_method():
    """How the workers start, named rather than left to Python's default: on Linux they
    are forked from this process, so that what it loaded before (spaCy, loaded once for
    all of them by `engine.batch`) is theirs without a load of their own; elsewhere they
    are spawned, as is the default there. Python 3.14's default on Linux, "forkserver",
    would start them from a server process: each would load spaCy again, and
    `_worker_setup`, finding that its parent is not this process, would end it (every
    cluster of a --jobs batch failed so)."""
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _worker_setup(parent: int) -> None:
    """Workers die with their parent, leave interrupts to it, and keep to one core each:
    BLAS threads gain nothing on these small matrices (measured: 200 clusters in 2.0 s
    with one thread or two) and fight the other workers, or any other job on the machine."""
    from threadpoolctl import threadpool_limits

    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    threadpool_limits(1)


def die_with_parent(parent: int) -> None:
    """End this process when `parent` ends, however it ends (kill -9 included), so no
    orphan holds memory: on Linux the kernel sends SIGKILL (PR_SET_PDEATHSIG); elsewhere
    a thread watches for the parent to go."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    else:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)
        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # it died before the above took hold
        os._exit(1)


def _alone(fn: Callable, item, died: Callable):
    """`fn(item)` in a process of its own, so that if it dies only this item fails."""
    from concurrent.futures.process import BrokenProcessPool

    with _pool(1) as pool:
        try:
            return pool.submit(fn, item).result()
        except BrokenProcessPool:
            return died(item)
