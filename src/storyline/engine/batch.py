"""Batch mode: a JSON Lines file of clusters in, one brief (or error) line per cluster out.

One work function, `summarize_line`, turns a numbered input line into its output line;
an engine only moves lines to it and gathers what it returns, in input order: `local`
here (this process, or `jobs` worker processes), `storyline.engine.ray` on a Ray cluster.
So every engine writes the same bytes.

A cluster that cannot be read or summarized gets an `{"id": ..., "error": ...}` line and
the others go on. The output file is written beside its place and renamed in when
complete, so it is either complete or absent; a run that stops keeps what it finished
there, and the same command with `resume` goes on after it (see `output.resumable`).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import asdict, dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, NamedTuple

from .. import __version__
from ..brief.ingest import cluster_lines, parse_cluster_line
from ..brief.pipeline import steps as brief_steps
from ..errors import StorylineError
from ..options import Options
from .output import atomic_writer, regular_or_new, resumable
from .pool import ordered_map

__all__ = ["BatchResult", "Output", "atomic_writer", "count_lines", "local", "run_batch",
           "summarize_line", "summarize_lines"]

log = logging.getLogger(__name__)
DIED = ("the process summarizing this cluster died (out of memory?); try it alone, or "
        "split its articles")

Line = tuple[int, bytes]  # a line of the input file: its number (from 1) and its bytes


class Output(NamedTuple):
    line: str  # the JSON line written for one input line, newline included
    failed: bool  # an error line


Engine = Callable[[Iterator[Line], Options], Iterator[Output]]


@dataclass(frozen=True)
class BatchResult:
    clusters: int
    failed: int
    resumed: int = 0  # of the clusters, those already written by an earlier run


def summarize_line(line: Line, options: Options) -> Output:
    """The work of a batch, for one input line: its output line. Never raises for a bad
    cluster; that cluster's line says what was wrong."""
    return summarize_lines([line], options)[0]


def summarize_lines(lines: list[Line], options: Options) -> list[Output]:
    """`summarize_line` of each line, the analysis's parses of several clusters made
    together (one call of spaCy's pipe costs about 2 ms of its own), a group of lines
    at a time: up to `MAX_GROUP_BYTES` of input, so that memory stays bounded."""
    out: list[Output] = []
    for group in _groups(lines):
        for record in _records(group, options):
            out.append(Output(json.dumps(record, ensure_ascii=False) + "\n", "error" in record))
    return out


def died(line: Line) -> Output:
    """The output line of a cluster whose worker process died while summarizing it."""
    number, raw = line
    record = {"id": parse_cluster_line(raw, number).id, "error": DIED}
    return Output(json.dumps(record, ensure_ascii=False) + "\n", True)


def local(jobs: int = 1) -> Engine:
    """Summarize in this process (`jobs` 1) or in `jobs` worker processes, a window of
    lines at a time, so memory stays bounded however long the input is. A worker that
    dies (the OOM killer, a crash in C code) costs only its own cluster an error line."""
    return partial(_local, jobs=jobs)


def run_batch(path: str | Path, out: Path | IO[str], options: Options, *,
              engine: Engine | None = None, resume: bool = False,
              progress: Callable[[int], None] = lambda n: None) -> BatchResult:
    """Summarize every cluster line of `path` into `out`, an output file (written
    atomically, resumable) or an open text stream; count the clusters and failures.

    `progress` is told how many more lines are written, including those resumed.
    """
    engine = engine or local()
    lines = cluster_lines(path)
    if not isinstance(out, Path) or not regular_or_new(out):
        if resume:
            raise StorylineError("--resume needs an output file (-o FILE) to go on from")
        if isinstance(out, Path):
            with atomic_writer(out) as f:
                return _write(engine(lines, options), f, progress)
        return _write(engine(lines, options), out, progress)
    with resumable(out, run_name(path, options), resume) as f:
        progress(f.done)
        result = _write(engine(islice(lines, f.done, None), options), f, progress)
    return BatchResult(result.clusters + f.done, result.failed + f.failed, f.done)


def run_name(path: str | Path, options: Options) -> str:
    """A short name for a batch run, from what decides its output: the input file (its
    path, size and time), the options and Storyline's version."""
    st = Path(path).stat()
    key = json.dumps([str(Path(path).resolve()), st.st_size, st.st_mtime_ns, asdict(options),
                      __version__], sort_keys=True, default=str)
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def count_lines(path: str | Path) -> int:
    """How many output lines a batch of `path` writes."""
    return sum(1 for _ in cluster_lines(path))


def _write(outputs: Iterator[Output], out, progress: Callable[[int], None]) -> BatchResult:
    clusters = failed = 0
    for output in outputs:
        out.write(output.line)
        clusters += 1
        failed += output.failed
        progress(1)
    return BatchResult(clusters, failed)


def _local(lines: Iterator[Line], options: Options, jobs: int) -> Iterator[Output]:
    if jobs > 1 and options.analysis:
        # Workers are forked from this process: load spaCy here, once, rather than in
        # each of them (about 1 s of CPU each; nearly every batch parses something).
        # (If it is missing, each cluster's line says so, as in one process.)
        from ..analyze import language
        with suppress(StorylineError):
            language.nlp()
    # Several clusters to a task, their parses made together (see summarize_lines): in
    # one process 16, with workers 4 each, so that none waits long for the last task.
    return ordered_map(partial(summarize_line, options=options), lines, jobs, died,
                       chunk=16 if jobs <= 1 else 4,
                       many=partial(summarize_lines, options=options))


MAX_GROUP_BYTES = 4_000_000  # the input lines summarized together (see summarize_lines)


def _groups(lines: list[Line]) -> Iterator[list[Line]]:
    group: list[Line] = []
    size = 0
    for line in lines:
        if group and size + len(line[1]) > MAX_GROUP_BYTES:
            yield group
            group, size = [], 0
        group.append(line)
        size += len(line[1])
    if group:
        yield group


def _records(lines: list[Line], options: Options) -> list[dict]:
    """The output records of the lines: each cluster's brief is made in turn up to the
    parses its analysis asks for, which are made together, and so on until all are done
    (`pipeline.steps`). A cluster that fails gets its error record; the others go on."""
    records: list[dict | None] = [None] * len(lines)
    asking: dict[int, tuple] = {}  # line -> the parse its cluster waits for
    work = {}
    for i, line in enumerate(lines):
        cluster = parse_cluster_line(line[1], line[0])
        if cluster.error:
            records[i] = {"id": cluster.id, "error": cluster.error}
            continue
        work[i] = (cluster, brief_steps(cluster.articles, options=options))
        _step(work, i, None, records, asking)
    while asking:
        requests = sorted(asking.items())
        asking = {}
        try:
            from ..analyze import language  # the clusters ask: it is loaded already
            parsed: list = language.parse_many([request for _, request in requests])
        except Exception:  # noqa: BLE001 - then each cluster's own parse, as alone
            parsed = [None] * len(requests)
        for (i, request), docs in zip(requests, parsed, strict=True):
            _step(work, i, docs if docs is not None else _Parse(request), records, asking)
    return records


class _Parse(NamedTuple):
    request: tuple  # the parse a cluster asks for, to be made for it alone


def _step(work: dict, i: int, parsed, records: list, asking: dict) -> None:
    """Take cluster `i`'s work on to its next request (into `asking`) or to its record,
    sending it `parsed` (None: start; a `_Parse`: the parse to make for it alone)."""
    cluster, steps = work[i]
    try:
        if isinstance(parsed, _Parse):
            from ..analyze import language
            parsed = language.parse(*parsed.request)
        asking[i] = next(steps) if parsed is None else steps.send(parsed)
        return
    except StopIteration as done:
        records[i] = {"id": cluster.id, **done.value.to_dict()}
    except StorylineError as e:  # (named as the reading errors name their lines)
        which = (f"line {cluster.number}" if cluster.id == str(cluster.number)
                 else f"line {cluster.number} (id {cluster.id})")
        records[i] = {"id": cluster.id, "error": f"{which}: {e}"}
    except Exception as e:  # a bug must not cost the other clusters their briefs
        log.exception("cluster %s (line %d) failed", cluster.id, cluster.number)
        records[i] = {"id": cluster.id, "error": f"internal error ({type(e).__name__}: {e}); "
                                                 "please report it with this cluster"}
    del work[i]
