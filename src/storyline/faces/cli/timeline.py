"""storyline timeline: the dates that matter in a long story, and what happened on each;
and `storyline eval` on data with reference timelines."""

from __future__ import annotations

import json
import shlex
import sys
from dataclasses import replace
from pathlib import Path

import click

from ...analyze.timeline import DATES, FORMATS, PER_DATE, render, timeline, untokenized
from ...brief.ingest import (check_output, check_stdout, is_jsonl, jsonl_lines, load_json,
                              read_cluster, read_clusters, read_seen, shown_path)
from ...engine.output import atomic_writer
from ...errors import InputError, OptionsError, StorylineError
from .errors import ending, printable, write_output
from .progress import text_width


@click.command("timeline")
@click.argument("path", type=click.Path(path_type=Path, exists=True))
@click.option("-n", "--dates", type=click.IntRange(1, 1000), default=DATES, show_default=True,
              help="How many dates the timeline has.")
@click.option("-k", "--per-date", type=click.IntRange(1, 50), default=PER_DATE,
              show_default=True, help="Sentences for each date.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Output format.")
@click.option("--from", "start", metavar="YYYY-MM-DD",
              help="Read only the articles published on or after this day.")
@click.option("--to", "end", metavar="YYYY-MM-DD",
              help="Read only the articles published on or before this day.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file (atomically) instead of standard output.")
def timeline_command(path: Path, dates: int, per_date: int, fmt: str, start: str | None,
                     end: str | None, output: Path | None) -> None:
    """The timeline of the story told by the dated articles at PATH: its most important
    dates, and for each the sentences that best tell what happened, every one cited.

    PATH is a folder of articles, a .jsonl file of articles ({"text", "published", ...}
    per line), or a .jsonl file of clusters ({"id", "documents": [{"text", "published"},
    ...]} per line, as ../shared/data/t17_dev.jsonl), which gives one timeline per line.
    Articles need a publication date to be placed on the timeline.
    """
    try:
        if output:
            check_output(output, [path])
        else:
            check_stdout([path])
    except StorylineError as e:  # an output onto the input is a misused option
        raise click.UsageError(printable(str(e))) from None
    if output and not output.parent.is_dir():
        raise click.ClickException(f"cannot write {shown_path(output)}: folder "
                                   f"{shown_path(output.parent)} does not exist")
    with ending(reading=path, writing=None):
        inputs = _inputs(path)
        stories = [(name, _timeline(articles, dates=dates, per_date=per_date, start=start,
                                    end=end, alone=len(inputs) == 1))
                   for name, articles in inputs]
    if fmt == "json" and len(stories) > 1:  # JSON Lines, one timeline (or error) a line
        text = "".join(json.dumps({"id": name, **({"error": story} if isinstance(story, str)
                                                  else story.to_dict())},
                                  ensure_ascii=False) + "\n" for name, story in stories)
    else:
        text = "\n".join((f"== {name} ==\n\n" if len(stories) > 1 else "")
                         + (f"error: {story}\n" if isinstance(story, str)
                            else render(story, fmt, text_width(output is not None)))
                         for name, story in stories)
    write_output(text, output)
    for name, story in stories:  # (an undated article adds no day of its own: say so)
        undated = 0 if isinstance(story, str) else sum(a.published is None for a in story.articles)
        if undated:
            click.echo(f"storyline: warning: {name + ': ' if len(stories) > 1 else ''}"
                       f"{undated} of the {len(story.articles)} articles "
                       f"{'has' if undated == 1 else 'have'} no publication "
                       "date: the days they name count, but nothing is placed on their own "
                       "day (give each a \"published\" date, YYYY-MM-DD)", err=True)
    failed = sum(isinstance(story, str) for _, story in stories)
    if failed:
        raise click.ClickException(f"{failed} of {len(stories)} timelines failed; their "
                                   "entries hold an error that says why")


def _timeline(articles: list | str, *, alone: bool, **options):
    """The timeline of `articles`, or the message that says why there is none (`articles`
    is that message already for a line that could not be read). Options wrong for every
    timeline, and the error of a lone timeline (`alone`), are raised."""
    try:
        if isinstance(articles, str):
            raise InputError(articles)
        return timeline(articles, **options)
    except OptionsError:
        raise
    except StorylineError as e:
        if alone:
            raise
        return str(e)


def _inputs(path: Path) -> list[tuple[str, list | str]]:
    """(name, articles) for each timeline to make: a folder or file is one; a .jsonl of
    clusters gives one a line (tokenized text, as T17's, is untokenized), or for a line
    that cannot be read, (its id, the message that says why)."""
    if not is_jsonl(path):
        return [(path.name, read_cluster(path))]
    if not _holds_clusters(path):  # one article a line: numbered by line unless they have ids
        articles = read_seen(path)
        if len({a.id for a in articles}) < len(articles):
            articles = [replace(a, id=str(i)) for i, a in enumerate(articles, 1)]
        return [(path.name, [untokenized(a) for a in articles])]
    return [(line.id, f"{shown_path(path.name)} {line.error}" if line.error else
             [untokenized(a) for a in line.articles]) for line in read_clusters(path)]


def _holds_clusters(path: Path) -> bool:
    first = next((raw for raw in jsonl_lines(path) if raw.strip()), b"")
    try:
        obj = load_json(first, where=path.name)
    except StorylineError:  # not JSON (or JSON Python cannot take): reading says which line
        return False
    return isinstance(obj, dict) and ("documents" in obj or "document" in obj)


def eval_timelines(data: Path, systems: str | None, limit: int | None, as_json: bool,
                   report: Path | None) -> None:
    """`storyline eval` on lines with a reference `timeline`: the T17 protocol."""
    from ...evaluate.timelines import run, table

    names = [s.strip() for s in systems.split(",") if s.strip()] if systems else None
    with ending(reading=data, writing=None):
        result = run(data, systems=names, limit=limit,
                     progress=lambda message: click.echo(message, err=True))
    with ending(reading=None, writing="standard output"):
        click.echo(json.dumps(result.to_dict(), indent=2) if as_json else table(result))
    if report:
        with ending(reading=None, writing=report):
            report.mkdir(parents=True, exist_ok=True)
            command = shlex.join(["storyline", *map(shown_path, sys.argv[1:])])  # UTF-8
            with atomic_writer(report / "report.md") as f:
                f.write(f"# Timelines: {shown_path(data.name)}\n\n`{command}`\n\n"
                        f"{table(result)}\n")
            with atomic_writer(report / "report.json") as f:
                f.write(json.dumps(result.to_dict(), indent=2) + "\n")
        click.echo(printable(f"wrote {shown_path(report / 'report.md')}, "
                             f"{shown_path(report / 'report.json')}"), err=True)
