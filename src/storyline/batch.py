"""Batch mode: a JSON Lines file of clusters in, one brief (or error) line per cluster out.

Output lines follow input order. A cluster that cannot be read or summarized gets an
`{"id": ..., "error": ...}` line and the others go on. The output file is written to a
temporary file beside it and renamed into place, so it is either complete or absent.
"""

from __future__ import annotations

import json
import logging
import os
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

from .errors import StorylineError
from .ingest import ClusterLine, read_clusters
from .options import Options
from .pipeline import summarize

log = logging.getLogger(__name__)
WINDOW_PER_JOB = 16  # clusters in flight per process: enough to keep it busy, few in memory


@dataclass(frozen=True)
class BatchResult:
    clusters: int
    failed: int


def summarize_lines(path: str | Path, options: Options, jobs: int = 1) -> Iterator[dict]:
    """One output record per cluster line of `path`, in order.

    With `jobs` > 1, clusters are summarized in that many processes, a window of
    clusters at a time, so memory stays bounded however long the file is.
    """
    lines = read_clusters(path)
    if jobs <= 1:
        yield from (_record(line, options) for line in lines)
        return
    work = partial(_record, options=options)
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
    with open(path, "rb") as f:
        return sum(1 for raw in f if raw.strip())


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """A text file that appears at `path` only when the block finishes without error."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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
    return ProcessPoolExecutor(max_workers=jobs, initializer=_one_blas_thread)


def _one_blas_thread() -> None:
    """Each worker keeps to one core: BLAS threads gain nothing on these small matrices
    (measured: 200 clusters in 2.0 s with 1 thread or 2) and fight the other workers."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _mode_for(path: Path) -> int:
    """The mode the file would get from a plain open(): its old one, or 0o666 less umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _record_alone(line: ClusterLine, options: Options) -> dict:
    """Summarize one cluster in a process of its own, so that if it dies only it fails."""
    with _pool(1) as pool:
        try:
            return pool.submit(_record, line, options).result()
        except BrokenProcessPool:
            return {"id": line.id, "error": "the process summarizing this cluster died (out of "
                                            "memory?); try it alone, or split its articles"}


def _record(line: ClusterLine, options: Options) -> dict:
    if line.error:
        return {"id": line.id, "error": line.error}
    try:
        brief = summarize(line.articles, options=options)
    except StorylineError as e:
        return {"id": line.id, "error": str(e)}
    except Exception as e:  # a bug must not cost the other clusters their briefs
        log.exception("cluster %s (line %d) failed", line.id, line.number)
        return {"id": line.id, "error": f"internal error ({type(e).__name__}: {e}); "
                                        "please report it with this cluster"}
    return {"id": line.id, **brief.to_dict()}
