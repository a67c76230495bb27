"""`stories add` on an engine: the ordered map that `Stories.add(prepare_with=...)` takes.

The per-article work (`stories.prepare.prepare_or_skip`: HTML extraction, cleaning,
terms, near-duplicate signature) runs in `--jobs` processes of this machine or in the
actors of a Ray cluster; the results come back in input order, so the store's single
ordered pass (duplicates, story assignment, writes) sees what a plain run sees and
stores the same. Reading the sources (files, WARC records, feeds) stays in the driver:
it is cheap next to the work, and it keeps the articles' order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial

from ..stories.prepare import Incoming, Skipped
from .pool import ordered_map

PREPARE_CHUNK = 32  # articles per call: tens of ms each, so calls of about a second
DIED = ("the process preparing this article died (out of memory?); add it alone, or "
        "check its size")

Map = Callable[[Callable, Iterable], Iterator]


@contextmanager
def prepare_map(engine: str = "local", jobs: int | None = None,
                address: str | None = None) -> Iterator[Map]:
    """An ordered map for `Stories.add(prepare_with=...)`, valid while open: the built-in
    `map` (`jobs` 1), `jobs` local processes, or a Ray cluster (`engine` "ray", at
    `address`, or a Ray instance of this machine ended on closing; `jobs` actors, by
    default one per CPU of the cluster)."""
    if engine == "ray":
        from . import ray  # imported only here: the default install has no Ray

        ray.require_ray()
        with ray.mapper(address, jobs, chunk=PREPARE_CHUNK, died=died) as on_ray:
            yield partial(_dated, on_ray)
    elif jobs and jobs > 1:
        yield partial(_dated, partial(_on_pool, jobs=jobs))
    else:
        yield map


def died(item: Incoming) -> Skipped:
    """What an article whose worker process died becomes: skipped, with the reason."""
    return Skipped(item.where, f"{item.where}: {DIED}")


def _dated(run: Map, fn: Callable, items: Iterable) -> Iterator:
    # "In the future" is judged against the driver's date, as a plain run judges it,
    # not against each node's clock.
    return run(partial(fn, today=date.today()), items)


def _on_pool(fn: Callable, items: Iterable, jobs: int) -> Iterator:
    return ordered_map(fn, items, jobs, died, chunk=PREPARE_CHUNK // 4)
