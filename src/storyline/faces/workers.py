"""The server's worker processes: a pebble pool that outlives the death of any worker.

Every route whose work runs in a worker process (a brief, a timeline, a story's brief, an
ingest) calls `Workers.run`, so time limits, clients that hang up and dead workers are
answered in one place, the same way.

A worker may die at any moment: the OOM killer, a crash in C code, a `kill -9`. Pebble
answers the death of a busy worker with ProcessExpired for its task and starts another,
but the death of an idle or still-starting worker leaves the whole pool broken ("All
workers expired"; every later task fails), and a worker killed while it holds the pool's
channel lock blocks the others for good. So after any death the pool is replaced: new work
goes to a fresh pool, and the old one finishes what it has and stops. A request that was
only waiting in a pool that broke is run once more in the new one; a request whose own
worker died gets 500 (its work may be what killed it). A pool none of whose tasks has
started for STALLED_SECONDS is taken as broken too: a worker killed while it started can
leave pebble waiting without a word.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import stat
import threading
from concurrent.futures.process import BrokenProcessPool

from fastapi import Request
from pebble import ProcessPool
from pebble.common import ProcessExpired

from .body import error

log = logging.getLogger(__name__)
WATCH_SECONDS = 0.5  # how often a waiting request checks its deadline and its client
# A pool none of whose tasks has started for this long is stuck: a worker killed while it
# started can leave it so without the BrokenProcessPool pebble raises otherwise (a
# worker's start, spaCy loaded, takes a few seconds).
STALLED_SECONDS = 30


class Workers:
    """`workers` processes that run the server's work, each task under `time_limit`."""

    def __init__(self, workers: int, time_limit: float):
        self.workers = workers
        self.time_limit = time_limit
        self._pool = self._new_pool()
        self._retired: list[tuple[ProcessPool, threading.Thread]] = []  # draining
        self._waiting: dict[int, set] = {}  # id of a pool -> its futures not done
        self._last_failure: str | None = None  # of `run_unattended`

    async def run(self, request: Request, work, *args, deadline: float | None = None,
                  what: str = "the request", fix: str = "send fewer or shorter articles"):
        """`work(*args)`'s value, computed in a worker, or the JSON answer for what went
        wrong around it: 504 past `deadline` (event-loop time; default: the time limit
        from now), 499 for a client that hung up, 500 when its worker died. What `work`
        raises is raised here, for the route to answer. `what` and `fix` word the 504."""
        loop = asyncio.get_running_loop()
        deadline = deadline if deadline is not None else loop.time() + self.time_limit
        for attempt in (1, 2):
            pool, future = self._schedule(work, args, max(0.1, deadline - loop.time()))
            job, scheduled = asyncio.wrap_future(future), loop.time()
            try:
                while not job.done():  # wait, watching the clock and the client
                    await asyncio.wait({job}, timeout=WATCH_SECONDS)
                    if not job.done() and loop.time() > deadline:
                        raise TimeoutError
                    if not job.done() and await request.is_disconnected():
                        return error(499, "the client went away")  # nobody reads this
                    if loop.time() - scheduled > STALLED_SECONDS and self._stalled(pool):
                        raise BrokenProcessPool("no task of the pool has started")
                return job.result()
            except TimeoutError:
                return error(504, f"{what} took over {self.time_limit:g} s and was "
                                  f"stopped; {fix}")
            except ProcessExpired as died:
                log.warning("a worker died (exit code %s); replacing the pool", died.exitcode)
                self._replace(pool)
                return error(500, "the worker process serving this request died (killed, "
                                  "or out of memory?) and has been replaced; retry, or "
                                  f"{fix}")
            except BrokenProcessPool:  # a worker died while this waited; it never ran
                log.warning("a worker died before this request ran; replacing the pool")
                self._replace(pool)
                if attempt == 2:
                    return error(503, "the server's workers keep dying; retry in a moment",
                                 headers={"Retry-After": "2"})
            finally:
                future.cancel()  # stops the worker if it still runs; nothing if it is done

    async def run_unattended(self, work, *args):
        """`work(*args)`'s value, computed in a worker for no client (the story briefs the
        server keeps current), or None if it failed, ran past the time limit or its
        worker died (logged; a dead worker's pool is replaced as for a request)."""
        pool, future = self._pool, None
        try:
            pool, future = self._schedule(work, args, self.time_limit)
            value = await asyncio.wrap_future(future)
            self._last_failure = None
            return value
        except (ProcessExpired, BrokenProcessPool) as e:
            log.warning("a worker died (%s); replacing the pool", type(e).__name__)
            self._replace(pool)
        except Exception as e:  # noqa: BLE001 (the work's own failure: logged, not fatal)
            message = (f"unattended {getattr(work, '__name__', work)}{args!r} failed: "
                       f"{type(e).__name__}: {e}")
            if message != self._last_failure:  # (the same failure every few seconds: once)
                log.warning(message)
            self._last_failure = message
        finally:
            if future is not None:
                future.cancel()
        return None

    def stop(self) -> None:
        """Stop every worker, the retired pools' too."""
        for pool, _ in self._retired:
            pool.stop()  # its drain thread then joins it at once
        self._pool.stop()
        self._pool.join()
        for _, drain in self._retired:
            drain.join()

    def _new_pool(self) -> ProcessPool:
        return ProcessPool(max_workers=self.workers, initializer=_warm_up)

    def _schedule(self, work, args: tuple, timeout: float):
        """(pool, future): `work` scheduled in the current pool, or in a fresh one if the
        current one is broken by a death no request has seen (an idle worker's)."""
        pool = self._pool
        try:
            future = pool.schedule(work, args=args, timeout=timeout)
        except RuntimeError:  # pebble: "Unexpected error within the Pool"
            log.warning("an idle worker died and broke the pool; replacing it")
            self._replace(pool)
            pool = self._pool
            future = pool.schedule(work, args=args, timeout=timeout)
        waiting = self._waiting.setdefault(id(pool), set())
        waiting.add(future)
        future.add_done_callback(waiting.discard)
        return pool, future

    def _stalled(self, pool: ProcessPool) -> bool:
        """Whether `pool` has tasks and none of them has started (`STALLED_SECONDS`)."""
        waiting = self._waiting.get(id(pool), set())
        return bool(waiting) and not any(f.running() for f in list(waiting))

    def _replace(self, pool: ProcessPool) -> None:
        """A fresh pool for new work, once for a broken `pool` (a second request that saw
        it break finds it replaced already); `pool` finishes its tasks, then stops."""
        if pool is not self._pool:
            return
        self._waiting = {k: v for k, v in self._waiting.items() if v}  # (pools done with)
        self._pool = self._new_pool()
        drain = threading.Thread(target=_drain, args=(pool, self.time_limit), daemon=True,
                                 name="storyline-retired-pool")
        drain.start()
        self._retired = [(p, t) for p, t in self._retired if t.is_alive()] + [(pool, drain)]


def _drain(pool: ProcessPool, seconds: float) -> None:
    """Let a retired pool finish its tasks (they have `seconds` at most), then stop it."""
    pool.close()
    try:
        pool.join(timeout=seconds + 1)
    except TimeoutError:  # it is stuck (a lock held by a dead worker): its tasks time out
        pool.stop()
        pool.join()


def _warm_up() -> None:
    """Runs once in each worker process: let go of the server's network connections, and
    load spaCy before the first request needs it."""
    from ..analyze import language

    _close_network_sockets()
    language.nlp()


def _close_network_sockets() -> None:
    """Close the TCP sockets a forked worker inherits: the listening one and every client
    connection open when it was forked (at start, or replacing a stopped worker). Kept
    open here, a connection the server has closed would stay open for its client, which
    would wait for the end of an answer long sent. Workers talk to the server by pipes."""
    fds = ([int(fd) for fd in os.listdir("/proc/self/fd")] if os.path.isdir("/proc/self/fd")
           else range(3, 1024))
    for fd in fds:
        try:
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
            probe = socket.socket(fileno=fd)
        except OSError:
            continue
        family = probe.family
        probe.detach()  # the probe must not close what it only looked at
        if family in (socket.AF_INET, socket.AF_INET6):
            os.close(fd)
