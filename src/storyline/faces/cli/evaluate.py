"""storyline eval and storyline train: scoring against human references, and fitting
the learned scorer on them."""

from __future__ import annotations

import importlib.util
import json
import os
import shlex
import sys
from pathlib import Path

import click

from ...brief.ingest import check_output, check_stdout, shown_path
from ...errors import StorylineError
from ...options import MAX_WORDS
from .errors import ending, failure, os_failure, printable, write_output
from .progress import stages


@click.command("eval")
@click.argument("data", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-w", "--words", type=click.IntRange(1, MAX_WORDS), default=250, show_default=True,
              help="Cut every system's output to this many words.")
@click.option("--metric", type=click.Choice(["f1", "recall", "duc"]), default="f1",
              show_default=True,
              help="ROUGE F1 (Multi-News practice), recall, or duc: ROUGE-2 and ROUGE-SU4 "
                   "recall exactly as NIST scored DUC (ROUGE-1.5.5, jackknifed).")
@click.option("--systems", default=None, metavar="NAMES",
              help="Comma-separated systems to run  [default: all: storyline, lead-words, "
                   "lead-sentences, lexrank, textrank, lsa, luhn, kl, sumbasic, oracle]")
@click.option("--mode", "modes", multiple=True, metavar="KEY=VALUE,...",
              help="A Storyline mode, e.g. scorer=centrality,selector=mmr; repeat for "
                   "several  [default: the default mode]")
@click.option("--peer-outputs", type=click.Path(path_type=Path, dir_okay=False),
              help='Published outputs to score too: JSON Lines of {"id", "system", "summary"}.')
@click.option("--limit", type=click.IntRange(1), default=None,
              help="Score only the first N clusters.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bootstrap.")
@click.option("--resamples", type=click.IntRange(100, 100_000), default=1000,
              show_default=True, help="Bootstrap resamples.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=os.cpu_count() or 1,
              show_default="all CPUs", help="Processes for scoring (systems run one at a time).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--report", type=click.Path(path_type=Path, file_okay=False),
              help="Also write report.md, chart.png and report.json to this folder.")
def eval_command(data: Path, words: int, metric: str, systems: str | None,
                 modes: tuple[str, ...], peer_outputs: Path | None, limit: int | None,
                 seed: int, resamples: int, jobs: int, as_json: bool,
                 report: Path | None) -> None:
    """Score Storyline, lead baselines, sumy's summarizers and the oracle on DATA.

    DATA is a JSON Lines file of clusters with human references:
    {"id": ..., "documents": [...], "summaries": [...]} per line; lines that also carry
    "old" (articles already read) are update data, summarized with since= them. Needs
    the eval extra: pip install 'storyline[eval]'. Lines with a reference "timeline"
    ({"date", "sentences"} list, as T17's) are scored as timelines instead: storyline
    timeline against baselines, alignment ROUGE and date F1 (--systems, --limit, --json,
    --report apply).
    """
    from ...evaluate.timelines import holds_timelines
    if report and report.exists() and not report.is_dir():
        raise click.ClickException(f"--report {report} is a file; give a folder to write to")
    reports = [report / name for name in ("report.md", "chart.png", "report.json")] \
        if report else []
    _check_outputs(reports, [data, peer_outputs] if peer_outputs else [data])  # before any work
    with ending(reading=data, writing=None):
        timelines = holds_timelines(data)
    if timelines:  # reference timelines: the timeline summarization protocol
        from .timeline import eval_timelines
        return eval_timelines(data, systems, limit, as_json, report)
    needed = ["sumy", "nltk", "rouge_score"] + (["matplotlib"] if report else [])
    missing = [name for name in needed if importlib.util.find_spec(name) is None]
    if missing:
        raise click.ClickException(f"storyline eval needs {', '.join(missing)}; install the "
                                   "eval extra: pip install 'storyline[eval]'")
    from ...evaluate import evaluate
    from ...evaluate.report import rich_table, write_report

    try:
        with ending(reading=data, writing=None), stages() as progress:
            result = evaluate(
                data, words=words, measure=metric, peer_outputs=peer_outputs, limit=limit,
                systems=[s.strip() for s in systems.split(",") if s.strip()] if systems else None,
                modes=[_mode(m) for m in modes], seed=seed, resamples=resamples, jobs=jobs,
                progress=progress)
    except RuntimeError as e:
        raise click.ClickException(printable(str(e))) from None
    with ending(reading=None, writing="standard output"):
        if as_json:
            click.echo(json.dumps(result.to_dict(), indent=2))
        else:
            from rich.console import Console

            Console(width=None if sys.stdout.isatty() else 160).print(rich_table(result))
    if report:
        with ending(reading=None, writing=report):
            command = shlex.join(["storyline", *map(shown_path, sys.argv[1:])])  # UTF-8
            written = write_report(result, report, command)
        click.echo(printable("wrote " + ", ".join(shown_path(p) for p in written)), err=True)


@click.command("train")
@click.argument("data", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the weights here  [default: standard output]")
def train_command(data: Path, output: Path | None) -> None:
    """Fit the learned scorer (scorer=learned) on DATA: JSON Lines of clusters with human
    references ({"id", "documents", "summaries"} per line). The same data always gives
    the same weights; the shipped ones come from ../shared/data/multinews_dev250.jsonl.
    """
    from ...evaluate.data import read_clusters
    from ...evaluate.train import train

    _check_outputs([output] if output else [], [data])
    try:
        text = json.dumps(train(read_clusters(data)), indent=1) + "\n"
    except StorylineError as e:
        raise failure(e) from None
    except OSError as e:
        raise os_failure(e, reading=data) from None
    write_output(text, output)


def _check_outputs(outputs: list[Path], inputs: list[Path]) -> None:
    """Refuse (exit status 2) outputs, standard output included, that are inputs."""
    try:
        for output in outputs:
            check_output(output, inputs)
        check_stdout(inputs)
    except StorylineError as e:  # an output onto the input is a misused option
        raise click.UsageError(printable(str(e))) from None


def _mode(text: str) -> dict[str, str]:
    mode = {}
    for part in text.split(","):
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise click.BadParameter(f"{text!r}: write KEY=VALUE pairs separated by commas, "
                                     "e.g. scorer=centrality,selector=mmr", param_hint="--mode")
        mode[key.strip()] = value.strip()
    return mode
