"""The engines on a Ray cluster: an ordered map whose work runs in Ray actors, gathered
in input order on the driver. `engine` runs a batch's `batch.summarize_line` (the driver
writes the lines as a local run does: same bytes); `mapper` gives the ordered map that
`Stories.add(prepare_with=...)` takes, for the per-article work of `stories add`.

Needs the `ray` extra (`pip install 'storyline[ray]'`), on the driver and on every node,
with the same Storyline version (checked). Ray is imported only here, only when asked for.

How the work moves: the driver reads the input and sends chunks of items (`CHUNK` lines
of a batch) to one actor per CPU of the cluster (spread over the nodes), each actor
holding `DEPTH` chunks at most, so memory stays bounded on both sides. An actor is a
long-lived worker process: spaCy, the scorer's weights and the word caches load once in
it, and its BLAS keeps to one thread as a `--jobs` worker's does. A batch's output lines
come back to the driver as JSON text, not as nested records, so nothing is converted on
the way.

Failures: an actor whose node is lost is restarted elsewhere and its chunks retried
(`RETRIES` times); a chunk whose actor keeps dying (a node lost before Ray noticed, or a
cluster that exhausts a worker's memory) is then done item by item in one-off tasks, so
that only an item that kills its worker fails, with `died(item)`: for a batch line, the
same error line a local run writes.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import islice

from .. import __version__
from ..errors import StorylineError
from ..options import Options
from .batch import Engine, Line, Output, died, summarize_line, summarize_lines

log = logging.getLogger(__name__)
CHUNK = 8  # batch lines per actor call: a few seconds of work with the analysis, ms of overhead
DEPTH = 4  # chunks queued per actor: enough to keep it busy while the driver gathers
# An actor asks for half a CPU: with one actor per CPU, the actors of a lost node can
# restart on the others. (Asking for a whole CPU each, they would wait for ever for a CPU
# that never comes free.)
WORKER_CPUS = 0.5
RETRIES = 3  # tries of a chunk after its actor died, before it goes line by line


def engine(address: str | None = None, workers: int | None = None) -> Engine:
    """The Ray engine: on the cluster at `address` ("auto", "HOST:PORT", "ray://HOST:PORT"),
    or on a Ray instance of its own on this machine when None; `workers` actors (default:
    one per CPU of the cluster)."""
    if address is None:
        # A Ray instance for this run alone listens on loopback addresses only, so nothing
        # on the network can reach it. (Ray reads this at import; it only stops a machine
        # from serving as one node of several, which an instance of one run never is.)
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    require_ray()
    return partial(_run, address=address, workers=workers)


def require_ray():
    try:
        import ray
    except ImportError:
        raise StorylineError("--engine ray needs Ray, which is not installed; "
                             "pip install 'storyline[ray]' (on every node of the cluster)"
                             ) from None
    return ray


@contextmanager
def mapper(address: str | None = None, workers: int | None = None, *, chunk: int = CHUNK,
           died: Callable = lambda item: None) -> Iterator[Callable]:
    """While open, connected to the cluster at `address` (as `engine`), an ordered map:
    `map(fn, items)` with `fn` run in `workers` actors, `chunk` items a call; an item
    whose worker keeps dying gives `died(item)`."""
    if address is None:
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")  # see engine()
    with _connected(address) as ray:
        yield partial(_map, ray, workers=workers, chunk=chunk, died=died)


class Worker:
    """A Ray actor: runs its function on chunk after chunk of items (`many(chunk)`, if
    given, does a chunk at once: a batch's parses made together)."""

    def __init__(self, fn: Callable, many: Callable[[list], list] | None = None):
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)  # as a --jobs worker (see pool._worker_setup)
        self.fn = fn
        self.many = many

    def version(self) -> str:
        return __version__

    def run(self, chunk: list) -> list:
        return self.many(chunk) if self.many else [self.fn(item) for item in chunk]


def _run(lines: Iterator[Line], options: Options, address: str | None,
         workers: int | None) -> Iterator[Output]:
    with _connected(address) as ray:
        yield from _map(ray, partial(summarize_line, options=options), lines,
                        workers=workers, chunk=CHUNK, died=died,
                        many=partial(summarize_lines, options=options))


def _map(ray, fn: Callable, items: Iterable, *, workers: int | None, chunk: int,
         died: Callable, many: Callable[[list], list] | None = None) -> Iterator:
    n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    actor = ray.remote(Worker).options(num_cpus=WORKER_CPUS, max_restarts=-1,
                                       max_task_retries=RETRIES, scheduling_strategy="SPREAD")
    actors = [actor.remote(fn, many) for _ in range(n)]
    try:
        _check_versions(ray, actors)
        items = iter(items)
        chunks = iter(lambda: list(islice(items, chunk)), [])
        window: deque = deque()
        for i, part in enumerate(chunks):
            window.append((part, actors[i % n].run.remote(part)))
            if len(window) >= n * DEPTH:
                yield from _gather(ray, *window.popleft(), fn, died)
        while window:
            yield from _gather(ray, *window.popleft(), fn, died)
    finally:  # a mapper's connection outlives this map: free the CPUs now
        if ray.is_initialized():
            for a in actors:
                ray.kill(a)


def _gather(ray, chunk: list, ref, fn: Callable, died: Callable) -> list:
    try:
        return ray.get(ref)
    except ray.exceptions.RayActorError:  # its actor died RETRIES + 1 times
        return _alone(ray, chunk, fn, died)


def _alone(ray, chunk: list, fn: Callable, died: Callable) -> list:
    """Each item in a one-off task of its own, so that an item whose worker keeps dying
    gets `died(item)`, and only it. These tasks ask for no CPU: they are rare, and with
    all CPUs held by actors they would otherwise never start."""
    task = ray.remote(_call).options(num_cpus=0, max_retries=RETRIES)
    refs = [task.remote(fn, item) for item in chunk]
    outputs = []
    for item, ref in zip(chunk, refs, strict=True):
        try:
            outputs.append(ray.get(ref))
        except (ray.exceptions.WorkerCrashedError, ray.exceptions.NodeDiedError):
            outputs.append(died(item))
    return outputs


def _call(fn: Callable, item):
    return fn(item)


def _check_versions(ray, actors) -> None:
    try:
        versions = set(ray.get([a.version.remote() for a in actors]))
    except ray.exceptions.RayError as e:
        first = str(e).strip().splitlines()[-1][:300] if str(e).strip() else type(e).__name__
        raise StorylineError(f"the Ray workers cannot run Storyline ({first}); install "
                             "storyline[ray] on every node of the cluster") from None
    if versions != {__version__}:
        raise StorylineError(f"the Ray cluster runs Storyline {', '.join(sorted(versions))} "
                             f"and this is {__version__}; install the same version on every "
                             "node, so that the output is the one a local run gives")


def _reachable(address: str) -> None:
    """Fail at once on a HOST:PORT nothing listens on (Ray itself retries for minutes)."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return  # "auto", or a form Ray will explain
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=10).close()
    except OSError as e:
        raise StorylineError(f"cannot connect to the Ray cluster at {address} "
                             f"({e.strerror or e}); start it with `ray start --head`, or "
                             "check the address") from None


@contextmanager
def _connected(address: str | None) -> Iterator[object]:
    ray = require_ray()
    # (not its warnings either: a token notice on every run, which asks nothing of the user)
    quiet = {"logging_level": logging.ERROR, "log_to_driver": False}
    guard = None
    if address is None:  # a Ray instance of this machine's own, for this run only
        # "local": a new instance even where `ray start` or RAY_ADDRESS names a running
        # cluster (ray.init() would join that one, and the guard would then end it).
        ray.init(address="local", num_cpus=os.cpu_count(), include_dashboard=False, **quiet)
        guard = _guard(ray)
    else:
        _reachable(address)
        try:
            ray.init(address=address, **quiet)
        except (ConnectionError, ValueError, RuntimeError) as e:
            if "AuthToken" in f"{e} {e.__cause__}":
                fix = ("the cluster asks for a token: set RAY_AUTH_MODE=token and give its "
                       "token (~/.ray/auth_token or RAY_AUTH_TOKEN)")
            else:
                fix = "start it with `ray start --head`, or check the address"
            raise StorylineError(f"cannot connect to the Ray cluster at {address} ({e}); "
                                 f"{fix}") from None
    try:
        yield ray
    finally:
        ray.shutdown()
        if guard:
            guard.terminate()
            guard.wait()


# Ends every process of a Ray session when its driver ends, however it ends: Ray's own
# fate sharing stops its server and raylet, but its agents and workers outlive a driver
# killed with kill -9. The guard dies with the driver (PR_SET_PDEATHSIG, SIGTERM) and on
# SIGTERM kills the processes whose command line names the session.
_GUARD = """
import ctypes, os, signal, sys
session, driver = sys.argv[1].encode(), int(sys.argv[2])
def end(*_):
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if int(pid) != os.getpid() and session in open(f"/proc/{pid}/cmdline", "rb").read():
                os.kill(int(pid), signal.SIGKILL)
        except OSError:
            pass
    os._exit(0)
signal.signal(signal.SIGTERM, end)
ctypes.CDLL(None).prctl(1, signal.SIGTERM)
if os.getppid() != driver:
    end()
while True:
    signal.pause()
"""


def _guard(ray):
    if not sys.platform.startswith("linux"):
        return None
    try:  # Ray's own name for the session (its folder), from a private attribute
        session = os.path.basename(ray._private.worker._global_node.get_session_dir_path())
    except AttributeError:
        log.warning("cannot name this Ray session; if this run is killed, `ray stop` "
                    "ends what it leaves")
        return None
    return subprocess.Popen([sys.executable, "-c", _GUARD, session, str(os.getpid())],
                            stdin=subprocess.DEVNULL, start_new_session=True)
