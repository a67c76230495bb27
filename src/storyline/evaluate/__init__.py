"""storyline.evaluate: Storyline against the summarizers people use, on data with
human references, in one run: ROUGE with bootstrap intervals, a paired test, speed and
memory. `evaluate()` is the whole of it; `storyline eval` is its command line.

    from storyline.evaluate import evaluate

    if __name__ == "__main__":  # each system runs in a fresh process that imports this file
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

from ..brief.ingest import shown_path
from ..errors import OptionsError
from ..options import MAX_WORDS
from . import updates
from .data import cluster_ids, read_clusters, read_peer_outputs
from .report import Comparison, Report, Score
from .rouge import CHOICES, cut, metrics_of, sentences_of
from .runner import run_system, score_outputs
from .stats import RESAMPLES, interval, paired_difference
from .systems import SYSTEMS, System, builtin, storyline_modes

__all__ = ["Comparison", "Report", "Score", "SYSTEMS", "evaluate"]

MIN_PAIRED = 10  # clusters two systems must share for a paired test to mean anything
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
    `modes` ({"scorer": ..., "selector": ...}; default: the default mode). Outputs
    are cut to `words` words; `measure` is "f1", "recall" or "duc" (ROUGE-2 and ROUGE-SU4
    recall as NIST scored DUC, references cut too). `jobs` processes score. Lines with
    `old` articles are update data: Storyline runs with since= them (`updates.py`).
    """
    if measure not in CHOICES:
        raise OptionsError(f"measure must be one of {', '.join(CHOICES)}, not {measure!r}")
    if not 1 <= words <= MAX_WORDS:
        raise OptionsError(f"words must be between 1 and {MAX_WORDS}, got {words}")
    for name, value in (("resamples", resamples), ("jobs", jobs), ("limit", limit or 1)):
        if value < 1:
            raise OptionsError(f"{name} must be a whole number above 0, got {value}")
    progress = progress or (lambda label, total: lambda n: None)
    data = Path(data)
    lineup = _lineup(systems or list(SYSTEMS), modes)  # options first, before the data is read
    ids = cluster_ids(data, limit)
    notes = [INPUT_NOTE]
    peers: dict[str, dict[str, list[str]]] = {}
    if peer_outputs is not None:
        published, other = read_peer_outputs(peer_outputs, ids)
        for name in sorted(published, key=_natural):
            peers[name] = {i: cut(sentences_of(s), words) for i, s in published[name].items()}
            lineup.append(System(f"peer {name}", name, "peer"))
        if other:
            notes.append(f"{other} peer outputs are for clusters not scored here; ignored.")

    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as tmp:
        runs, outputs = {}, []
        for k, system in enumerate(lineup):
            if system.kind == "peer":
                outputs.append(peers[system.key])
                continue
            path = Path(tmp) / f"{k}.jsonl"
            runs[system] = run_system(system, data, len(ids), words, measure, path,
                                      progress(system.name, len(ids)))
            outputs.append(path)
        scores = score_outputs(data, ids, outputs, measure, jobs,
                               progress("Scoring with ROUGE", len(ids)), words=words)

    rows = []
    for k, system in enumerate(lineup):
        run = runs.get(system)
        words_out = run.words / len(ids) if run else np.mean(
            [sum(len(s.split()) for s in summary) for summary in outputs[k].values()])
        rows.append(_score(system, scores[k], run, float(words_out), seed, resamples,
                           metrics_of(measure)))
        if run and run.error:
            notes.append(f"{system.name} did not finish ({run.error}); its unfinished "
                         "clusters score 0.")
        if run and run.failures:
            notes.append(f"{system.name} failed on {run.failures} of {len(ids)} clusters, "
                         "which score 0.")
    comparisons = _comparisons(lineup, scores, seed, resamples, metrics_of(measure))
    if any(c.old is not None for c in read_clusters(data, limit)):
        notes.append(updates.NOTE)
    if not comparisons and any(s.kind == "storyline" for s in lineup) and len(lineup) > 1:
        notes.append(f"No paired test: it needs at least {MIN_PAIRED} clusters scored "
                     "by Storyline and another system.")
    return Report(
        data=shown_path(data), clusters=len(ids), words=words, measure=measure, seed=seed,
        resamples=resamples, scores=tuple(sorted(rows, key=lambda r: -r.means["rouge2"])),
        comparisons=comparisons, notes=tuple(notes), machine=_machine(),
        metrics=metrics_of(measure))


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


def _score(system: System, values: np.ndarray, run, words: float, seed: int,
           resamples: int, metrics: tuple[str, ...]) -> Score:
    """One system's means and intervals, over the clusters it has outputs for."""
    scored = ~np.isnan(values[0])
    means = {m: float(values[i, scored].mean()) for i, m in enumerate(metrics)}
    intervals = {m: interval(values[i, scored], resamples, seed) for i, m in enumerate(metrics)}
    return Score(system=system, clusters=int(scored.sum()), means=means, intervals=intervals,
                 words=words, failures=run.failures if run else 0,
                 clusters_per_second=run.clusters_per_second if run else None,
                 peak_mb=run.peak_mb if run else None, base_mb=run.base_mb if run else None)


def _comparisons(lineup: list[System], scores: np.ndarray, seed: int,
                 resamples: int, metrics: tuple[str, ...]) -> tuple[Comparison, ...]:
    """Each Storyline mode against the best other real system on each metric, and every
    other mode against the default one (its first, when the default is not run), each
    pair judged on the clusters both scored."""
    ours = [k for k, s in enumerate(lineup) if s.kind == "storyline"]
    others = [k for k, s in enumerate(lineup) if s.kind not in ("storyline", "oracle")]
    if not ours:
        return ()
    anchor = next((k for k in ours if lineup[k].name == "Storyline"), ours[0])
    comparisons = []
    for us in [anchor, *(k for k in ours if k != anchor)]:
        for i, metric in enumerate(metrics):
            shared = {k: ~np.isnan(scores[us, i]) & ~np.isnan(scores[k, i])
                      for k in [*others, anchor]}
            rivals = [k for k in others if shared[k].sum() >= MIN_PAIRED]
            if rivals:
                rivals = [max(rivals, key=lambda k: scores[k, i, shared[k]].mean())]
            if us != anchor and shared[anchor].sum() >= MIN_PAIRED:
                rivals.append(anchor)
            for rival in rivals:
                difference = paired_difference(scores[us, i, shared[rival]],
                                               scores[rival, i, shared[rival]], resamples, seed)
                comparisons.append(Comparison(metric, lineup[us].name, lineup[rival].name,
                                              int(shared[rival].sum()), difference))
    return tuple(comparisons)


def _machine() -> dict[str, str]:
    return {"cpus": str(os.cpu_count()), "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(), "platform": platform.platform(terse=True),
            "date": date.today().isoformat()}


def _natural(name: str) -> tuple:
    return (0, int(name), "") if name.isdigit() else (1, 0, name)
