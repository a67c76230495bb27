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
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from .data import Cluster, read_clusters
from .rouge import cut, metrics_of, scorer
from .systems import System, make


@dataclass(frozen=True)
class Run:
    """What running one system cost. `seconds` counts only its calls; `peak_mb` is its
    process's peak resident memory and `base_mb` the process's before the first cluster
    (interpreter, libraries, models loaded at start). Timings are None if the process
    died; `error` then says how, and its unfinished clusters are failures."""

    clusters: int
    failures: int
    words: int  # output words, all clusters together
    seconds: float | None = None
    peak_mb: float | None = None
    base_mb: float | None = None
    error: str | None = None

    @property
    def clusters_per_second(self) -> float | None:
        return self.clusters / self.seconds if self.seconds else None


def run_system(system: System, data: Path, clusters: int, words: int, measure: str,
               outputs: Path, progress: Callable[[int], None] = lambda n: None) -> Run:
    """Run `system` over the first `clusters` clusters of `data` in a child process.

    A system that cannot start raises RuntimeError. A process that dies on the way (the
    out-of-memory killer, a crash in C code) costs the clusters it had not finished:
    they get error lines and the run goes on.
    """
    context = multiprocessing.get_context("spawn")  # a clean process: its memory is its own
    messages = context.Queue()
    child = context.Process(target=_child, daemon=True,
                            args=(system, data, clusters, words, measure, outputs, messages))
    child.start()
    done = 0
    try:
        while True:
            try:
                kind, value = messages.get(timeout=0.5)
            except queue.Empty:
                if child.is_alive():
                    continue
                child.join()
                if not done and child.exitcode != -9:  # it never started: nothing to keep
                    raise RuntimeError(
                        f"{system.name} could not run: {_death(child.exitcode)}") from None
                return _died(data, outputs, clusters, _death(child.exitcode))
            if kind == "progress":
                done += 1
                progress(1)
            elif kind == "error" and not done:
                raise RuntimeError(f"{system.name} could not run: {value}")
            elif kind == "error":
                return _died(data, outputs, clusters, value)
            else:
                return Run(**value)
    finally:
        if child.is_alive():
            child.terminate()
        child.join()


def _death(exitcode: int | None) -> str:
    if exitcode == -9:
        return "its process was killed (signal 9), most likely for using too much memory"
    return (f"its process stopped with exit code {exitcode}; if evaluate() was called from "
            "a script, put the call under `if __name__ == \"__main__\":` (each system runs "
            "in a fresh process, which imports the script again)")


def _died(data: Path, outputs: Path, clusters: int, why: str) -> Run:
    """Keep the whole output lines a dead process left; its other clusters get errors."""
    kept = [line for line in (outputs.read_text(encoding="utf-8").splitlines(keepends=True)
                              if outputs.exists() else []) if line.endswith("\n")]
    with outputs.open("w", encoding="utf-8") as out:
        out.writelines(kept)
        for cluster in islice(read_clusters(data, clusters), len(kept), None):
            out.write(json.dumps({"id": cluster.id, "error": why}) + "\n")
    records = [json.loads(line) for line in kept]
    return Run(clusters=clusters, failures=clusters - sum("sentences" in r for r in records),
               words=sum(len(s.split()) for r in records for s in r.get("sentences", [])),
               error=why)


def _child(system: System, data: Path, clusters: int, words: int, measure: str,
           outputs: Path, messages) -> None:
    try:
        threadpool_limits(1)  # one core for every system, numpy-based or not
        warnings.simplefilter("ignore")  # sumy warns about short documents, per cluster
        summarizer = make(system, words, measure)
        base_mb = _peak_mb()
        first = next(read_clusters(data, 1))
        try:  # warm up: lazy models load on the first call, outside the clock
            summarizer(first)
        except Exception:
            pass
        seconds, failures, total_words = 0.0, 0, 0
        with outputs.open("w", encoding="utf-8") as out:
            for cluster in read_clusters(data, clusters):
                start = time.perf_counter()
                try:
                    record = {"id": cluster.id, "sentences": cut(summarizer(cluster), words)}
                    total_words += sum(len(s.split()) for s in record["sentences"])
                except Exception as e:  # the system failed on this cluster: it scores 0
                    record = {"id": cluster.id, "error": f"{type(e).__name__}: {e}"}
                    failures += 1
                seconds += time.perf_counter() - start
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()  # so a process that dies leaves whole lines behind
                messages.put(("progress", 1))
        messages.put(("done", {"clusters": clusters, "failures": failures,
                               "words": total_words, "seconds": seconds,
                               "peak_mb": _peak_mb(), "base_mb": base_mb}))
    except BaseException as e:
        messages.put(("error", f"{type(e).__name__}: {e}"))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def score_outputs(data: Path, ids: list[str], outputs: list[Path | dict[str, list[str]]],
                  measure: str, jobs: int = 1,
                  progress: Callable[[int], None] = lambda n: None,
                  words: int = 100) -> np.ndarray:
    """ROUGE of every system on every cluster: an array [system, metric, cluster], NaN
    where a system has no output (a peer that skipped a cluster). `ids` are the clusters
    to score, from the start of `data` (`words` cuts references too, for --metric duc);
    `outputs` holds, per system, its outputs file
    from `run_system` or {cluster id: sentences} for a peer. With `jobs` > 1, clusters
    are scored in that many processes, a window at a time (memory stays bounded)."""
    metrics = metrics_of(measure)
    scores = np.full((len(outputs), len(metrics), len(ids)), np.nan)
    score = partial(_score_cluster, measure=measure, words=words)
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
                        scores[s, :, k] = [result[m] for m in metrics]
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
            record = json.loads(next(source))
            if record["id"] != cluster.id:
                raise RuntimeError(f"outputs for cluster {record['id']!r} met cluster "
                                   f"{cluster.id!r}: did the data file change during the run?")
            summaries.append(record.get("sentences", []))
    return cluster.references, summaries


@lru_cache(maxsize=2)
def _rouge(measure: str, words: int):
    return scorer(measure, words)


def _score_cluster(task, measure: str, words: int = 100) -> list[dict[str, float] | None]:
    references, summaries = task
    rouge = _rouge(measure, words)
    return [None if s is None else rouge.score(s, references) for s in summaries]
