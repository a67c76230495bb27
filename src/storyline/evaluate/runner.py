"""Run each system over a data file in a process of its own, then score the outputs.

A fresh process per system makes the peak memory that system's own, and runs one at a
time so their speeds do not compete for the cores. The clock runs only around the
system's calls: reading the file and start-up are not counted. Outputs go to a JSON
Lines file, one line per cluster in file order: `{"sentences": [...]}` or `{"error": ...}`.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import resource
import time
import traceback
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path

import numpy as np

from .data import Cluster, read_clusters
from .rouge import METRICS, Rouge, cut
from .systems import System, make


@dataclass(frozen=True)
class Run:
    """What running one system cost: clusters per second and peak memory (MB)."""

    clusters: int
    seconds: float
    peak_mb: float
    failures: int

    @property
    def clusters_per_second(self) -> float:
        return self.clusters / self.seconds if self.seconds else float("inf")


def run_system(system: System, data: Path, limit: int | None, words: int, measure: str,
               outputs: Path, progress: Callable[[int], None] = lambda n: None) -> Run:
    """Run `system` over the first `limit` clusters of `data` in a child process."""
    context = multiprocessing.get_context("spawn")  # a clean process: its memory is its own
    messages = context.Queue()
    child = context.Process(target=_child, daemon=True,
                            args=(system, data, limit, words, measure, outputs, messages))
    child.start()
    try:
        while True:
            try:
                kind, value = messages.get(timeout=0.5)
            except queue.Empty:
                if not child.is_alive():
                    raise RuntimeError(f"{system.name} stopped without a result (exit code "
                                       f"{child.exitcode}); was it killed for memory?")
                continue
            if kind == "progress":
                progress(value)
            elif kind == "error":
                raise RuntimeError(f"{system.name} could not run: {value}")
            else:
                return Run(**value)
    finally:
        if child.is_alive():
            child.terminate()
        child.join()


def _child(system: System, data: Path, limit: int | None, words: int, measure: str,
           outputs: Path, messages) -> None:
    try:
        warnings.simplefilter("ignore")  # sumy warns about short documents, per cluster
        summarizer = make(system, words, measure)
        seconds, clusters, failures = 0.0, 0, 0
        with outputs.open("w", encoding="utf-8") as out:
            for cluster in read_clusters(data, limit):
                start = time.perf_counter()
                try:
                    record = {"sentences": cut(summarizer(cluster), words)}
                except Exception as e:  # the system failed on this cluster: it scores 0
                    record = {"error": f"{type(e).__name__}: {e}"}
                    failures += 1
                seconds += time.perf_counter() - start
                clusters += 1
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                messages.put(("progress", 1))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        messages.put(("done", {"clusters": clusters, "seconds": seconds,
                               "peak_mb": peak_mb, "failures": failures}))
    except BaseException:
        messages.put(("error", traceback.format_exc(limit=3)))


def score_outputs(data: Path, ids: list[str], outputs: list[Path | dict[str, list[str]]],
                  measure: str, jobs: int = 1,
                  progress: Callable[[int], None] = lambda n: None) -> np.ndarray:
    """ROUGE of every system on every cluster: an array [system, metric, cluster], NaN
    where a system has no output (a peer that skipped a cluster). `ids` are the clusters
    to score, from the start of `data`; `outputs` holds, per system, its outputs file
    from `run_system` or {cluster id: sentences} for a peer. With `jobs` > 1, clusters
    are scored in that many processes, a window at a time (memory stays bounded)."""
    scores = np.full((len(outputs), len(METRICS), len(ids)), np.nan)
    score = partial(_score_cluster, measure=measure)
    with ExitStack() as stack:
        files = [stack.enter_context(o.open(encoding="utf-8")) if isinstance(o, Path) else o
                 for o in outputs]
        tasks = (_task(cluster, files) for cluster in read_clusters(data, len(ids)))
        pool = stack.enter_context(ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context("spawn"))) if jobs > 1 else None
        k = 0
        while window := list(islice(tasks, 32 * jobs)):
            results = pool.map(score, window, chunksize=8) if pool else map(score, window)
            for cluster_scores in results:
                for s, result in enumerate(cluster_scores):
                    if result is not None:
                        scores[s, :, k] = [result[m] for m in METRICS]
                k += 1
                progress(1)
    return scores


def _task(cluster: Cluster, sources: list) -> tuple[tuple[str, ...], list[list[str] | None]]:
    """A cluster's references and each system's sentences (None: a peer skipped it)."""
    summaries = []
    for source in sources:
        if isinstance(source, dict):
            summaries.append(source.get(cluster.id))
        else:
            summaries.append(json.loads(next(source)).get("sentences", []))
    return cluster.references, summaries


@lru_cache(maxsize=2)
def _rouge(measure: str) -> Rouge:
    return Rouge(measure)


def _score_cluster(task, measure: str) -> list[dict[str, float] | None]:
    references, summaries = task
    rouge = _rouge(measure)
    return [None if s is None else rouge.score(s, references) for s in summaries]
