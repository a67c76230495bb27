"""storyline summarize: one cluster, or a JSON Lines batch of them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ...brief.ingest import (check_output, check_stdout, is_jsonl, read_cluster, read_seen,
                             read_stdin, shown_path)
from ...brief.pipeline import summarize
from ...brief.render import FORMATS, counted, render
from ...engine.batch import Engine, count_lines, local, run_batch
from ...errors import StorylineError
from ...options import MAX_WORDS, Options
from .engine_options import check_engine_options, engine_options
from .errors import ending, printable, write_output
from .progress import stages, text_width


@click.command("summarize")
@click.argument("path", type=click.Path(path_type=Path, allow_dash=True))
@click.option("-w", "--words", type=click.IntRange(1, MAX_WORDS), default=120, show_default=True,
              help="Word budget of each brief; never exceeded.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format  [default: text; json for a .jsonl batch]")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--explain", is_flag=True, help="Also list the page clutter removed, and why.")
@engine_options(jobs="Processes for a .jsonl batch", engine="Where a .jsonl batch runs")
@click.option("--resume", is_flag=True,
              help="Go on with a batch that stopped: only the clusters not yet written to -o "
                   "are summarized.")
@click.option("--focus", metavar="TEXT",
              help='Steer the brief towards a topic: a word, phrase or question, e.g. "civilians".')
@click.option("--since", type=click.Path(path_type=Path, exists=True),
              help="Articles already seen (a folder, an article file or a .jsonl): tell only "
                   "what is new.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Date of the articles that carry none, for the timeline's relative dates.")
@click.option("--no-analysis", is_flag=True,
              help="Skip the disagreements and the timeline (faster; the brief is the same).")
def summarize_command(path: Path, words: int, fmt: str | None, output: Path | None,
                      explain: bool, jobs: int | None, focus: str | None, since: Path | None,
                      published: str | None, no_analysis: bool, engine_name: str,
                      address: str | None, resume: bool) -> None:
    """Summarize the articles at PATH into one cited brief.

    PATH is a folder of .txt, .md or .html articles, one article file, "-" for articles
    on standard input (separated by lines of "|||||"), or a .jsonl file of clusters
    ({"id": ..., "documents": [...]} per line; gzipped: .jsonl.gz), which writes one
    JSON brief per line.
    """
    batch = is_jsonl(path)
    if batch and fmt not in (None, "json"):
        raise click.UsageError("a .jsonl batch writes JSON Lines; drop --format")
    if batch and explain:
        raise click.UsageError("--explain is for one cluster; run it on that cluster's articles")
    if not batch and jobs is not None:
        raise click.UsageError("--jobs is for a .jsonl batch of clusters")
    if not batch and engine_name != "local":
        raise click.UsageError("--engine is for a .jsonl batch of clusters")
    if not batch and resume:
        raise click.UsageError("--resume is for a .jsonl batch of clusters")
    check_engine_options(engine_name, address)
    if resume and not output:
        raise click.UsageError("--resume goes on with an output file; give the same -o FILE")
    if output and output.name.lower().endswith(".gz"):
        raise click.UsageError("-o writes plain text, not gzip; name the output without .gz "
                               "(and compress it after, if you like)")
    if batch and since:
        raise click.UsageError("--since is for one cluster; run it on that cluster's articles")
    try:
        options = Options(words=words, focus=focus, published=published,
                          analysis=not no_analysis)
        if output:
            check_output(output, [path, since] if since else [path])
        else:
            check_stdout([path, since] if since else [path])
    except StorylineError as e:  # both are misused options: exit status 2
        raise click.UsageError(printable(str(e))) from None
    if output and not output.parent.is_dir():
        raise click.ClickException(f"cannot write {shown_path(output)}: folder "
                                   f"{shown_path(output.parent)} does not exist")
    with ending(reading=path, writing=(output or "standard output") if batch else None):
        if batch:
            _batch(path, output, options, _engine(engine_name, jobs, address), resume)
            return
        if str(path) == "-":
            articles = read_stdin(sys.stdin.buffer.read())
        else:
            articles = read_cluster(path)
        seen = read_seen(since) if since else None
        brief = summarize(articles, options=options, since=seen)
        text = render(brief, fmt or "text", explain=explain,
                      width=text_width(output is not None))
    for warning in brief.warnings:
        click.echo(f"storyline: warning: {printable(warning)}", err=True)
    write_output(text, output)


def _engine(name: str, jobs: int | None, address: str | None) -> Engine:
    if name == "ray":
        from ...engine import ray  # imported only here: the default install has no Ray

        return ray.engine(address, workers=jobs)
    return local(jobs or 1)


def _batch(path: Path, output: Path | None, options: Options, engine: Engine,
           resume: bool) -> None:
    if output is None:
        result = run_batch(path, sys.stdout, options, engine=engine)
    else:
        with _progress(path) as advance:
            result = run_batch(path, output, options, engine=engine, resume=resume,
                               progress=advance)
    resumed = f" ({result.resumed} of them by the earlier run)" if result.resumed else ""
    if result.failed:
        raise click.ClickException(f"{result.failed} of {result.clusters} clusters failed"
                                   f"{resumed}; their lines hold an \"error\" that says why")
    if output:
        click.echo(printable(f"{counted(result.clusters, 'brief')} written to {shown_path(output)}"
                             f"{resumed}"), err=True)


@contextmanager
def _progress(path: Path) -> Iterator[Callable[[int], None]]:
    """The batch's progress bar on a terminal; nothing otherwise."""
    with stages() as stage:
        advance = stage("Summarizing", count_lines(path)) if stage else None
        yield advance or (lambda n: None)
