"""Batch mode: a JSON Lines file of clusters in, one brief (or error) line per cluster out.

Output lines follow input order. A cluster that cannot be read or summarized gets an
`{"id": ..., "error": ...}` line and the others go on. The output file is written to a
temporary file beside it and renamed into place, so it is either complete or absent.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO

from ..brief.ingest import cluster_lines, parse_cluster_line
from ..brief.pipeline import summarize
from ..errors import StorylineError
from ..options import Options

log = logging.getLogger(__name__)
WINDOW_PER_JOB = 16  # clusters in flight per process: enough to keep it busy, few in memory


@dataclass(frozen=True)
class BatchResult:
    clusters: int
    failed: int


def summarize_lines(path: str | Path, options: Options, jobs: int = 1) -> Iterator[dict]:
    """One output record per cluster line of `path`, in order.

    With `jobs` > 1, lines are read and summarized in that many processes, a window of
    lines at a time, so memory stays bounded however long the file is.
    """
    lines = cluster_lines(path)
    work = partial(_record, options=options)
    if jobs <= 1:
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1):  # as in the workers (see _worker_setup)
            yield from (work(line) for line in lines)
        return
    pool = _pool(jobs)
    try:
        while window := list(islice(lines, jobs * WINDOW_PER_JOB)):
            try:
                yield from list(pool.map(work, window, chunksize=WINDOW_PER_JOB // 4))
            except BrokenProcessPool:  # a worker died (the OOM killer, a crash in C code)
                pool.shutdown(cancel_futures=True)
                yield from (_record_alone(line, options) for line in window)
                pool = _pool(jobs)
    finally:
        pool.shutdown(cancel_futures=True)


def summarize_file(path: str | Path, out: IO[str], options: Options, jobs: int = 1,
                   progress: Callable[[], None] = lambda: None) -> BatchResult:
    """Write one JSON line per cluster of `path` to `out`; count the failures."""
    clusters = failed = 0
    for record in summarize_lines(path, options, jobs):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        clusters += 1
        failed += "error" in record
        progress()
    return BatchResult(clusters, failed)


def count_lines(path: str | Path) -> int:
    """How many output lines `summarize_file` will write for `path`."""
    return sum(1 for _ in cluster_lines(path))


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """A text file that appears at `path` only when the block finishes without error.

    A symlink is followed; a path that is not a regular file (a pipe, /dev/stdout) is
    written to directly; a read-only file is refused, not replaced.
    """
    path = Path(path)
    if path.exists() and not path.is_file():  # stat() follows /dev/stdout to the pipe
        with path.open("w", encoding="utf-8") as f:
            yield f
        return
    path = path.resolve()  # a symlink to a regular file: replace the file, keep the link
    if path.exists() and (not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK)):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:  # name the file the user asked for, not the temporary one
        raise OSError(e.errno, e.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_setup)


def _worker_setup() -> None:
    """Workers leave interrupts to the main process, and keep to one core each: BLAS
    threads gain nothing on these small matrices (measured: 200 clusters in 2.0 s with
    one thread or two) and fight the other workers, or any other job on the machine."""
    from threadpoolctl import threadpool_limits

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    threadpool_limits(1)


def _mode_for(path: Path) -> int:
    """The mode the file would get from a plain open(): its old one, or 0o666 less umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _record_alone(line: tuple[int, bytes], options: Options) -> dict:
    """Summarize one cluster in a process of its own, so that if it dies only it fails."""
    with _pool(1) as pool:
        try:
            return pool.submit(_record, line, options).result()
        except BrokenProcessPool:
            number, raw = line
            return {"id": parse_cluster_line(raw, number).id,
                    "error": "the process summarizing this cluster died (out of memory?); "
                             "try it alone, or split its articles"}


def _record(line: tuple[int, bytes], options: Options) -> dict:
    cluster = parse_cluster_line(line[1], line[0])
    if cluster.error:
        return {"id": cluster.id, "error": cluster.error}
    try:
        brief = summarize(cluster.articles, options=options)
    except StorylineError as e:
        return {"id": cluster.id, "error": str(e)}
    except Exception as e:  # a bug must not cost the other clusters their briefs
        log.exception("cluster %s (line %d) failed", cluster.id, cluster.number)
        return {"id": cluster.id, "error": f"internal error ({type(e).__name__}: {e}); "
                                           "please report it with this cluster"}
    return {"id": cluster.id, **brief.to_dict()}
