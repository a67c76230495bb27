"""An evaluation's results, and the ways to show them: a terminal table, JSON, a
Markdown table and a chart of ROUGE-2 against speed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .rouge import METRICS
from .stats import Difference
from .systems import System

COLUMNS = ("words: mean output length after the cut. clusters/s: the system's own calls "
           "in one process and one thread, start-up excluded. peak MB: that process's "
           "peak resident memory, interpreter and libraries included.")
LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L",
          "rougeLsum": "ROUGE-Lsum", "rougeSU4": "ROUGE-SU4"}


@dataclass(frozen=True)
class Score:
    """One system's result: mean and 95% interval per metric, over `clusters` clusters;
    speed and peak memory of its process (None for published outputs)."""

    system: System
    clusters: int
    means: dict[str, float]
    intervals: dict[str, tuple[float, float]]
    words: float  # mean output length after the cut
    failures: int = 0
    clusters_per_second: float | None = None
    peak_mb: float | None = None
    base_mb: float | None = None  # its process before the first cluster


@dataclass(frozen=True)
class Comparison:
    """The paired bootstrap test of `system` against `other` on one metric."""

    metric: str
    system: str
    other: str
    clusters: int
    difference: Difference


@dataclass(frozen=True)
class Report:
    data: str
    clusters: int
    words: int
    measure: str
    seed: int
    resamples: int
    scores: tuple[Score, ...]  # best ROUGE-2 first
    comparisons: tuple[Comparison, ...]
    notes: tuple[str, ...]
    machine: dict[str, str]
    metrics: tuple[str, ...] = METRICS  # the columns: rouge.metrics_of(measure)

    def to_dict(self) -> dict:
        return {
            "data": self.data, "clusters": self.clusters, "words": self.words,
            "measure": self.measure, "seed": self.seed, "resamples": self.resamples,
            "machine": self.machine,
            "systems": [{
                "name": s.system.name, "kind": s.system.kind, "mode": dict(s.system.mode),
                "clusters": s.clusters, "failures": s.failures, "words": round(s.words, 1),
                **{m: {"mean": round(s.means[m], 4), "low": round(s.intervals[m][0], 4),
                       "high": round(s.intervals[m][1], 4)} for m in self.metrics},
                "clusters_per_second": _round(s.clusters_per_second, 2),
                "peak_mb": _round(s.peak_mb, 1), "base_mb": _round(s.base_mb, 1),
            } for s in self.scores],
            "comparisons": [{
                "metric": c.metric, "system": c.system, "other": c.other,
                "clusters": c.clusters, "difference": round(c.difference.mean, 4),
                "low": round(c.difference.low, 4), "high": round(c.difference.high, 4),
                "p_value": round(c.difference.p_value, 4),
            } for c in self.comparisons],
            "notes": list(self.notes),
        }

    @property
    def title(self) -> str:
        measure = {"f1": "ROUGE F1 (Porter stemming)", "recall": "ROUGE recall (Porter stemming)",
                   "duc": "ROUGE-2 and ROUGE-SU4 recall as NIST scored DUC (ROUGE-1.5.5's "
                          "stemming, references cut too, jackknifed)"}[self.measure]
        return (f"{Path(self.data).name}: {self.clusters} clusters, outputs cut to "
                f"{self.words} words, {measure}, 95% bootstrap "
                f"intervals ({self.resamples} resamples, seed {self.seed})")


def markdown(report: Report, chart: str | None = None, command: str | None = None) -> str:
    """The results as a Markdown section: table, the paired tests, notes, the chart."""
    lines = [f"**{report.title}.**", ""]
    if command:
        lines += [f"Command: `{command}`", ""]
    lines += ["| system | " + " | ".join(LABELS[m] for m in report.metrics)
              + " | words | clusters/s | peak MB |",
              "|---|" + "---|" * (len(report.metrics) + 3)]
    for s in report.scores:
        cells = [f"{s.means[m]:.2f} [{s.intervals[m][0]:.2f}, {s.intervals[m][1]:.2f}]"
                 for m in report.metrics]
        lines.append(f"| {_name(s, report.clusters)} | " + " | ".join(cells)
                     + f" | {s.words:.0f} | {_speed(s)} | {_memory(s)} |")
    if report.comparisons:
        lines += ["", "Paired bootstrap test, Storyline against the best other system "
                  "(not the oracle) on each metric, and each other Storyline mode against "
                  "the default one:", "",
                  "| metric | system | against | difference [95% interval] | p |",
                  "|---|---|---|---|---|"]
        lines += [f"| {LABELS[c.metric]} | {c.system} | {c.other} | {_difference(c)} | "
                  f"{c.difference.p_value:.3f} |" for c in report.comparisons]
    lines += ["", f"- {COLUMNS}"] + [f"- {note}" for note in report.notes]
    m = report.machine
    lines.append(f"- Machine: {m['cpus']} CPUs ({m['processor']}), Python {m['python']}, "
                 f"{m['platform']}, {m['date']}.")
    if chart:
        lines += ["", f"![ROUGE-2 against speed]({chart})"]
    return "\n".join(lines) + "\n"


def rich_table(report: Report):
    """The results as a rich table for the terminal."""
    from rich.table import Table

    table = Table(title=report.title, title_justify="left")
    table.add_column("system")
    for m in report.metrics:
        table.add_column(LABELS[m], justify="right")
    table.add_column("words", justify="right")
    table.add_column("clusters/s", justify="right")
    table.add_column("peak MB", justify="right")
    for s in report.scores:
        table.add_row(_name(s, report.clusters), *(f"{s.means[m]:.2f}\n[{s.intervals[m][0]:.2f}, "
                                  f"{s.intervals[m][1]:.2f}]" for m in report.metrics),
                      f"{s.words:.0f}", _speed(s), _memory(s))
    caption = [f"{LABELS[c.metric]}: {c.system} − {c.other} = {_difference(c)}, "
               f"p = {c.difference.p_value:.3f}" for c in report.comparisons]
    table.caption = "\n".join(caption + [COLUMNS] + list(report.notes))
    table.caption_justify = "left"
    return table


def write_chart(report: Report, path: Path) -> None:
    """ROUGE-2 (with its interval) against clusters per second, one point per system.
    Published outputs have no speed: they sit in a strip of their own on the right."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    timed = [s for s in report.scores if s.clusters_per_second]
    published = [s for s in report.scores if not s.clusters_per_second]
    fig, axes = plt.subplots(1, 2 if published else 1, figsize=(10 if published else 8, 5.5),
                             sharey=True, squeeze=False,
                             gridspec_kw={"width_ratios": [4, 1]} if published else None)
    ax = axes[0][0]
    markers = {"storyline": "*", "baseline": "s", "sumy": "o", "oracle": "D"}
    palette = plt.get_cmap("tab20b")
    for k, s in enumerate(timed):  # a legend, not labels: fast systems crowd together
        low, high = s.intervals["rouge2"]
        mean = s.means["rouge2"]
        ax.errorbar(s.clusters_per_second, mean, yerr=[[mean - low], [high - mean]],
                    fmt=markers.get(s.system.kind, "o"), capsize=3,
                    color="#d62728" if s.system.kind == "storyline" else palette(k % 10),
                    markersize=11 if s.system.kind == "storyline" else 6,
                    label=_name(s, report.clusters))
    ax.legend(fontsize=7, loc="best", framealpha=0.9)
    ax.set_xscale("log")
    speeds = [s.clusters_per_second for s in timed] or [1.0]
    ticks = [t * 10.0 ** e for e in range(-3, 6) for t in (1, 2, 5)
             if min(speeds) / 1.5 <= t * 10.0 ** e <= max(speeds) * 1.5]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_xlabel("clusters per second (log scale, one process, one thread)")
    ax.set_ylabel(f"ROUGE-2 {'F1' if report.measure == 'f1' else 'recall'} (95% interval)")
    ax.grid(True, alpha=0.3)
    ax.set_title(f"{Path(report.data).name}: {report.clusters} clusters, {report.words} words",
                 fontsize=10)
    if published:
        strip = axes[0][1]
        for k, s in enumerate(sorted(published, key=lambda s: s.means["rouge2"])):
            low, high = s.intervals["rouge2"]
            mean = s.means["rouge2"]
            strip.errorbar(k, mean, yerr=[[mean - low], [high - mean]], fmt="o", markersize=3,
                           color="#8e44ad", alpha=0.7, capsize=1)
        best = max(published, key=lambda s: s.means["rouge2"])
        strip.annotate(_name(best, report.clusters), (len(published) - 1, best.means["rouge2"]),
                       textcoords="offset points", xytext=(-40, 8), fontsize=7)
        strip.set_xticks([])
        strip.set_xlabel("published outputs\n(no speed), by ROUGE-2")
        strip.grid(True, axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write_report(report: Report, folder: Path, command: str | None = None) -> list[Path]:
    """report.md (with the chart and the `command` that made it), chart.png and
    report.json in `folder`."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    chart = folder / "chart.png"
    write_chart(report, chart)
    (folder / "report.md").write_text(markdown(report, chart.name, command), encoding="utf-8")
    (folder / "report.json").write_text(json.dumps(report.to_dict(), indent=2) + "\n",
                                        encoding="utf-8")
    return [folder / "report.md", chart, folder / "report.json"]


def _name(s: Score, clusters: int) -> str:
    """The system's name, with how many clusters it was scored on if not all."""
    return s.system.name + (f" ({s.clusters} of {clusters} clusters)"
                            if s.clusters != clusters else "")


def _speed(s: Score) -> str:
    return f"{s.clusters_per_second:.1f}" if s.clusters_per_second else "–"


def _memory(s: Score) -> str:
    return f"{s.peak_mb:.0f}" if s.peak_mb else "–"


def _difference(c: Comparison) -> str:
    d = c.difference
    return f"{d.mean:+.2f} [{d.low:+.2f}, {d.high:+.2f}]"


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
