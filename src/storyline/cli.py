"""The command line: parse, call the library, print. Library errors become exit codes here."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shlex
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .batch import atomic_writer, count_lines, summarize_file
from .errors import StorylineError
from .ingest import read_cluster, read_seen, read_stdin
from .options import MAX_WORDS, Options
from .pipeline import summarize
from .render import FORMATS, render


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
def main() -> None:
    """Storyline: many news articles about one event in, one short cited brief out."""
    log = logging.getLogger("storyline")
    if not any(isinstance(h, logging.StreamHandler) for h in log.handlers):  # once a process
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("storyline: %(levelname)s: %(message)s"))
        log.addHandler(handler)
    for chatty in ("trafilatura", "htmldate", "courlan", "justext"):  # their notes are not ours
        logging.getLogger(chatty).addHandler(logging.NullHandler())
        logging.getLogger(chatty).propagate = False
    for signum in (signal.SIGTERM, signal.SIGHUP):  # unwind, so no temporary file is left
        signal.signal(signum, _exit_on_signal)


def _exit_on_signal(signum, frame) -> None:
    raise SystemExit(128 + signum)


@main.command("summarize")
@click.argument("path", type=click.Path(path_type=Path, allow_dash=True))
@click.option("-w", "--words", type=click.IntRange(1, MAX_WORDS), default=120, show_default=True,
              help="Word budget of each brief; never exceeded.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format  [default: text; json for a .jsonl batch]")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file (atomically) instead of standard output.")
@click.option("--explain", is_flag=True, help="Also list the page clutter removed, and why.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Processes for a .jsonl batch  [default: 1]")
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
                      published: str | None, no_analysis: bool) -> None:
    """Summarize the articles at PATH into one cited brief.

    PATH is a folder of .txt, .md or .html articles, one article file, "-" for articles
    on standard input (separated by lines of "|||||"), or a .jsonl file of clusters
    ({"id": ..., "documents": [...]} per line), which writes one JSON brief per line.
    """
    batch = path.suffix.lower() == ".jsonl"
    if batch and fmt not in (None, "json"):
        raise click.UsageError("a .jsonl batch writes JSON Lines; drop --format")
    if batch and explain:
        raise click.UsageError("--explain is for one cluster; run it on that cluster's articles")
    if not batch and jobs is not None:
        raise click.UsageError("--jobs is for a .jsonl batch of clusters")
    if batch and since:
        raise click.UsageError("--since is for one cluster; run it on that cluster's articles")
    if output and not output.parent.is_dir():
        raise click.ClickException(f"cannot write {output}: folder {output.parent} does not exist")
    try:
        options = Options(words=words, focus=focus, published=published,
                          analysis=not no_analysis)
        if batch:
            _batch(path, output, options, jobs or 1)
            return
        if str(path) == "-":
            articles = read_stdin(sys.stdin.buffer.read())
        else:
            articles = read_cluster(path)
        seen = read_seen(since) if since else None
        text = render(summarize(articles, options=options, since=seen), fmt or "text",
                      explain=explain)
        if output:
            with atomic_writer(output) as f:
                f.write(text)
        else:
            click.echo(text, nl=False)
    except StorylineError as e:
        raise click.ClickException(str(e)) from None
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as e:
        raise click.ClickException(f"{e.filename or path}: {e.strerror}") from None


@main.command("eval")
@click.argument("data", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-w", "--words", type=click.IntRange(1, MAX_WORDS), default=250, show_default=True,
              help="Cut every system's output to this many words.")
@click.option("--metric", type=click.Choice(["f1", "recall"]), default="f1", show_default=True,
              help="ROUGE F1 (Multi-News practice) or recall (DUC practice).")
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
    {"id": ..., "documents": [...], "summaries": [...]} per line. Needs the eval extra:
    pip install 'storyline[eval]'.
    """
    needed = ["sumy", "nltk", "rouge_score"] + (["matplotlib"] if report else [])
    missing = [name for name in needed if importlib.util.find_spec(name) is None]
    if missing:
        raise click.ClickException(f"storyline eval needs {', '.join(missing)}; install the "
                                   "eval extra: pip install 'storyline[eval]'")
    if report and report.exists() and not report.is_dir():
        raise click.ClickException(f"--report {report} is a file; give a folder to write to")
    from .evaluate import evaluate
    from .evaluate.report import rich_table, write_report

    try:
        with _stages() as progress:
            result = evaluate(
                data, words=words, measure=metric, peer_outputs=peer_outputs, limit=limit,
                systems=[s.strip() for s in systems.split(",") if s.strip()] if systems else None,
                modes=[_mode(m) for m in modes], seed=seed, resamples=resamples, jobs=jobs,
                progress=progress)
        if as_json:
            click.echo(json.dumps(result.to_dict(), indent=2))
        else:
            from rich.console import Console

            Console(width=None if sys.stdout.isatty() else 160).print(rich_table(result))
        if report:
            command = shlex.join(["storyline", *sys.argv[1:]])
            written = write_report(result, report, command)
            click.echo("wrote " + ", ".join(str(p) for p in written), err=True)
    except StorylineError as e:
        raise click.ClickException(str(e)) from None
    except KeyboardInterrupt:
        sys.exit(130)
    except (OSError, RuntimeError) as e:
        raise click.ClickException(str(e)) from None


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("-j", "--workers", type=click.IntRange(1, 64), default=None,
              help="Processes that summarize  [default: the CPU count]")
@click.option("--time-limit", type=click.FloatRange(1, 3600), default=60, show_default=True,
              help="Seconds a request may take before it is stopped (504).")
@click.option("--allow-private-urls", is_flag=True,
              help="Also fetch URLs on loopback and private networks (off: no server-side "
                   "request forgery).")
def serve_command(host: str, port: int, workers: int | None, time_limit: float,
                  allow_private_urls: bool) -> None:
    """Serve the HTTP API (POST /v1/briefs, docs at /docs) and the web page at /."""
    import uvicorn

    from .server import create_app

    app = create_app(workers=workers, time_limit=time_limit,
                     allow_private_urls=allow_private_urls)
    click.echo(f"Storyline on http://{host}:{port}/ (API docs at /docs); Ctrl-C stops it",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=5,
                limit_concurrency=1000)  # past that, uvicorn itself answers 503


@main.command("train")
@click.argument("data", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the weights here  [default: standard output]")
def train_command(data: Path, output: Path | None) -> None:
    """Fit the learned scorer (scorer=learned) on DATA: JSON Lines of clusters with human
    references ({"id", "documents", "summaries"} per line). The same data always gives
    the same weights; the shipped ones come from ../shared/data/multinews_dev250.jsonl.
    """
    from .evaluate.data import read_clusters
    from .train import train

    try:
        text = json.dumps(train(read_clusters(data)), indent=1) + "\n"
    except StorylineError as e:
        raise click.ClickException(str(e)) from None
    if output:
        with atomic_writer(output) as f:
            f.write(text)
    else:
        click.echo(text, nl=False)


def _mode(text: str) -> dict[str, str]:
    mode = {}
    for part in text.split(","):
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise click.BadParameter(f"{text!r}: write KEY=VALUE pairs separated by commas, "
                                     "e.g. scorer=centrality,selector=mmr", param_hint="--mode")
        mode[key.strip()] = value.strip()
    return mode


@contextmanager
def _stages():
    """Progress bars on a terminal, one per stage (standard error); nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        def stage(label: str, total: int):
            task = bar.add_task(label, total=total)
            return lambda n: bar.advance(task, n)
        yield stage


def _batch(path: Path, output: Path | None, options: Options, jobs: int) -> None:
    if output is None:
        result = summarize_file(path, sys.stdout, options, jobs)
    else:
        with atomic_writer(output) as f, _progress(path) as advance:
            result = summarize_file(path, f, options, jobs, progress=advance)
    if result.failed:
        raise click.ClickException(f"{result.failed} of {result.clusters} clusters failed; "
                                   "their lines hold an \"error\" that says why")
    if output:
        click.echo(f"{result.clusters} briefs written to {output}", err=True)


@contextmanager
def _progress(path: Path) -> Iterator[Callable[[], None]]:
    """The batch's progress bar on a terminal; nothing otherwise."""
    with _stages() as stage:
        advance = stage("Summarizing", count_lines(path)) if stage else None
        yield (lambda: advance(1)) if advance else (lambda: None)
