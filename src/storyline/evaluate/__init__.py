"""storyline.evaluate: Storyline against the summarizers people use, on data with
human references, in one run: ROUGE with bootstrap intervals, a paired test, speed and
memory. `evaluate()` is the whole of it; `storyline eval` is its command line.

    from storyline.evaluate import evaluate
    report = evaluate("multinews_dev250.jsonl", words=250, measure="f1")
"""

from __future__ import annotations

import os
import platform
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np

from ..errors import OptionsError
from .data import cluster_ids, read_peer_outputs
from .report import Comparison, Report, Score
from .rouge import MEASURES, METRICS, cut, sentences_of
from .runner import run_system, score_outputs
from .stats import RESAMPLES, interval, paired_difference
from .systems import SYSTEMS, System, builtin, storyline_modes

__all__ = ["Comparison", "Report", "Score", "SYSTEMS", "evaluate"]

Progress = Callable[[str, int], Callable[[int], None]]  # (label, total) -> advance(n)
INPUT_NOTE = ("The lead baselines, sumy and the oracle read the articles as Storyline "
              "cleans and splits them (sumy's own splitter needs NLTK data that cannot be "
              "downloaded offline); references and peer outputs are split into sentences "
              "by the same splitter, for ROUGE-Lsum.")


def evaluate(data: str | Path, *, words: int = 250, measure: str = "f1",
             systems: list[str] | None = None, modes: list[dict[str, str]] | None = None,
             peer_outputs: str | Path | None = None, limit: int | None = None,
             seed: int = 0, resamples: int = RESAMPLES, jobs: int = 1,
             progress: Progress | None = None) -> Report:
    """Run and score every system on the clusters of `data` (the first `limit`).

    `systems` are names from `SYSTEMS` (default: all); Storyline runs in each of
    `modes` ({"scorer": ..., "selector": ...}; default: every combination). Outputs
    are cut to `words` words; `measure` is "f1" or "recall". `jobs` processes score.
    """
    if measure not in MEASURES:
        raise OptionsError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    if words < 1 or resamples < 1 or jobs < 1 or (limit is not None and limit < 1):
        raise OptionsError("words, resamples, jobs and limit must be whole numbers above 0")
    progress = progress or (lambda label, total: lambda n: None)
    data = Path(data)
    ids = cluster_ids(data, limit)
    lineup = _lineup(systems or list(SYSTEMS), modes)
    notes = [INPUT_NOTE]
    peers: dict[str, dict[str, list[str]]] = {}
    if peer_outputs is not None:
        published, other = read_peer_outputs(peer_outputs, ids)
        for name in sorted(published, key=_natural):
            peers[name] = {i: cut(sentences_of(s), words) for i, s in published[name].items()}
            lineup.append(System(f"peer {name}", "peer", "peer"))
        if other:
            notes.append(f"{other} peer outputs are for clusters not scored here; ignored.")

    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as tmp:
        runs, outputs = {}, []
        for k, system in enumerate(lineup):
            if system.kind == "peer":
                outputs.append(peers[system.name.removeprefix("peer ")])
                continue
            path = Path(tmp) / f"{k}.jsonl"
            runs[system] = run_system(system, data, len(ids), words, measure, path,
                                      progress(system.name, len(ids)))
            outputs.append(path)
        scores = score_outputs(data, ids, outputs, measure, jobs,
                               progress("Scoring with ROUGE", len(ids)))

    rows = [_score(system, scores[k], runs.get(system), seed, resamples)
            for k, system in enumerate(lineup)]
    for row in rows:
        if row.failures:
            notes.append(f"{row.system.name} failed on {row.failures} of {len(ids)} clusters, "
                         "which score 0.")
    return Report(
        data=str(data), clusters=len(ids), words=words, measure=measure, seed=seed,
        resamples=resamples, scores=tuple(sorted(rows, key=lambda r: -r.means["rouge2"])),
        comparisons=_comparisons(lineup, scores, seed, resamples), notes=tuple(notes),
        machine=_machine())


def _lineup(keys: list[str], modes: list[dict[str, str]] | None) -> list[System]:
    unknown = [k for k in keys if k not in SYSTEMS]
    if unknown:
        raise OptionsError(f"unknown system {unknown[0]!r}; choose from {', '.join(SYSTEMS)}")
    if modes and "storyline" not in keys:
        raise OptionsError("Storyline modes were given but Storyline is not among the systems")
    lineup: list[System] = []
    for key in dict.fromkeys(keys):
        lineup.extend(storyline_modes(modes) if key == "storyline" else [builtin(key)])
    return lineup


def _score(system: System, values: np.ndarray, run, seed: int, resamples: int) -> Score:
    """One system's means and intervals, over the clusters it has outputs for."""
    scored = ~np.isnan(values[0])
    means = {m: float(values[i, scored].mean()) for i, m in enumerate(METRICS)}
    intervals = {m: interval(values[i, scored], resamples, seed) for i, m in enumerate(METRICS)}
    return Score(system=system, clusters=int(scored.sum()), means=means, intervals=intervals,
                 failures=run.failures if run else 0,
                 clusters_per_second=run.clusters_per_second if run else None,
                 peak_mb=run.peak_mb if run else None)


def _comparisons(lineup: list[System], scores: np.ndarray, seed: int,
                 resamples: int) -> tuple[Comparison, ...]:
    """Storyline (its first mode) against the best other real system, per metric."""
    ours = next((k for k, s in enumerate(lineup) if s.kind == "storyline"), None)
    others = [k for k, s in enumerate(lineup) if s.kind not in ("storyline", "oracle")]
    if ours is None or not others:
        return ()
    comparisons = []
    for i, metric in enumerate(METRICS):
        best = max(others, key=lambda k: np.nanmean(scores[k, i]))
        both = ~np.isnan(scores[ours, i]) & ~np.isnan(scores[best, i])
        difference = paired_difference(scores[ours, i, both], scores[best, i, both],
                                       resamples, seed)
        comparisons.append(Comparison(metric, lineup[ours].name, lineup[best].name,
                                      int(both.sum()), difference))
    return tuple(comparisons)


def _machine() -> dict[str, str]:
    return {"cpus": str(os.cpu_count()), "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(), "platform": platform.platform(terse=True),
            "date": date.today().isoformat()}


def _natural(name: str) -> tuple:
    return (0, int(name), "") if name.isdigit() else (1, 0, name)
