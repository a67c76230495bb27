"""storyline stories: a story store fed from a stream of articles.

    storyline stories add SOURCE... [--db PATH]      folders, .jsonl, feeds, WARC
                  [--jobs N] [--engine ray [--address ADDR]]
    storyline stories watch FEED... --every 10m      poll until Ctrl-C or SIGTERM
    storyline stories list [--since DATE] [--format text|json]
    storyline stories show ID [--format text|markdown|json]
    storyline stories export --format jsonl
"""

from __future__ import annotations

import json
import re
import signal
import sys
import threading
import time
from pathlib import Path

import click

from ...brief.ingest import _valid_date, check_stdout
from ...brief.render import counted
from ...engine.stories import prepare_map
from ...errors import StorylineError
from ...stories import StoreBusy, Stories, read_sources
from ...stories.render import FORMATS, render_story
from .engine_options import check_engine_options, engine_options
from .errors import failure, os_failure, printable
from .progress import stages, text_width

DB_HELP = "The story store (an SQLite file; created if missing)."


def _db_option(f):
    return click.option("--db", default="storyline.db", show_default=True,
                        type=click.Path(dir_okay=False), help=DB_HELP)(f)


@click.group("stories")
def stories_group() -> None:
    """Stories from a stream of articles: add, watch, list, show, export."""


@stories_group.command("add")
@click.argument("sources", nargs=-1, required=True)
@_db_option
@click.option("--allow-private-urls", is_flag=True,
              help="Also fetch feeds and pages on loopback and private networks.")
@engine_options(jobs="Processes preparing the articles (extraction, cleaning, vectors)",
                engine="Where the articles are prepared",
                note="Stories are assigned in order either way.")
def add_command(sources: tuple[str, ...], db: str, allow_private_urls: bool,
                jobs: int | None, engine_name: str, address: str | None) -> None:
    """Add the articles of SOURCES to the store and group them into stories.

    A SOURCE is a folder (of .txt, .md, .html articles, feeds, .jsonl or WARC files), a
    .jsonl (or .jsonl.gz) file of articles ({"id", "title", "text", "published", "url",
    "source"} per line), an RSS, Atom or JSON feed file or URL, or a WARC file
    (.warc, .warc.gz).
    """
    check_engine_options(engine_name, address)
    try:
        with _errors(), Stories(db) as stories, prepare_map(engine_name, jobs, address) as pmap:
            result = _add(stories, sources, allow_private_urls, pmap)
            click.echo(result.summary(), err=True)
    except KeyboardInterrupt:  # (each batch is committed whole: the store is sound)
        click.echo("\nstoryline: stopped; the articles added before the stop are stored. Run "
                   "the same command again to add the rest (those stored are skipped as "
                   "duplicates).", err=True)
        sys.exit(130)
    # A source that gave no article at all (a wrong path, a feed that did not answer) is
    # the caller's to fix: exit status 1, after adding what the others hold.
    unread = len({s.unread for s in result.skipped if s.unread is not None})
    if unread == len(sources) and not result.added and not result.duplicates:
        raise click.ClickException("no source could be read (said above)" if unread > 1
                                   else "the source could not be read (said above)")
    if unread:  # (a cut-off file gives its first articles, then breaks off)
        which = ("the source" if len(sources) == 1
                 else f"{unread} of the {len(sources)} sources")
        raise click.ClickException(f"{which} could not be read, or not to the end (said "
                                   "above); the articles read were added")
    # ... and so is a run whose every article was bad (a file of broken lines or of
    # clusters, every date unreadable): nothing added, nothing already there
    if not result.added and not result.duplicates and result.skipped:
        raise click.ClickException("no article could be added: each was skipped (said above)")


def _add(stories: Stories, sources, allow_private: bool, prepare_with=map,
         polled: dict | None = None):
    items = read_sources(sources, known=_known(stories), allow_private=allow_private,
                         polled=polled)
    if polled is not None:  # a poll's feeds are read before the store is written: its
        items = list(items)  # writer lock is not held while they download
    with stages() as stage:
        if stage is None:
            result = stories.add(items, prepare_with=prepare_with)
        else:  # counted as prepared, so the bar does not run ahead of the work
            bar = stage("Adding articles", None)
            result = stories.add(items, prepare_with=lambda fn, xs: _counting(
                prepare_with(fn, xs), bar))
    for skipped in result.skipped:
        click.echo(f"storyline: skipped: {printable(skipped.reason)}", err=True)
    return result


def _counting(items, advance):
    for item in items:
        yield item
        advance(1)


def _known(stories: Stories):
    def known(article_id, url) -> bool | str:
        if stories.db.execute("SELECT 1 FROM articles WHERE id = ? OR url = ?",
                              (article_id, url)).fetchone():
            return True
        return "alias" if stories.db.execute(  # (`sources.Known`)
            "SELECT 1 FROM aliases WHERE id = ?", (article_id,)).fetchone() else False
    return known


@stories_group.command("watch")
@click.argument("feeds", nargs=-1, required=True)
@_db_option
@click.option("--every", default="10m", show_default=True, metavar="INTERVAL",
              help="How often to poll: 30s, 10m, 1h.")
@click.option("--allow-private-urls", is_flag=True,
              help="Also fetch feeds and pages on loopback and private networks.")
def watch_command(feeds: tuple[str, ...], db: str, every: str, allow_private_urls: bool) -> None:
    """Poll FEEDS every INTERVAL and add what is new, until Ctrl-C or SIGTERM.

    A stop waits for the article being added; every batch is committed whole, so
    nothing is half-written. The store is written only while a poll adds: between polls
    `storyline stories add` and `POST /v1/articles` may write it (a poll that finds it
    being written tries again at the next). A feed whose server says it has not changed
    since the last poll (ETag, Last-Modified) is not downloaded again.
    """
    seconds = _interval(every)
    missing = [f for f in feeds if not re.match(r"https?://", f) and not Path(f).exists()]
    if missing:  # (a path that is not there will not be at the next poll either)
        raise click.BadParameter(f"{printable(missing[0])} does not exist; give feed URLs or "
                                 "files that exist", param_hint="FEEDS")
    stop = threading.Event()
    polled: dict = {}  # each feed's version as its server gave it: asked "if changed" next

    def on_signal(signum, frame):
        stop.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        with _errors():
            while not stop.is_set():
                try:  # (opened for each poll: the writer lock is held only while adding)
                    with Stories(db) as stories:
                        result = _add(stories, feeds, allow_private_urls, polled=polled)
                    click.echo(f"storyline: {_now()} {result.summary()}", err=True)
                except StoreBusy as e:
                    polled.clear()  # (what this poll read is read again at the next)
                    click.echo(f"storyline: {_now()} {e.what}; trying again in {every}",
                               err=True)
                stop.wait(seconds)
    except KeyboardInterrupt:
        click.echo("storyline: stopped; everything reported as added is stored", err=True)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")  # (a watch's log says when each poll was)


def _interval(text: str) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([smh]?)", text.strip())
    if not match or float(match.group(1)) <= 0:
        raise click.BadParameter(f"{text!r} is not an interval; write 30s, 10m or 1h",
                                 param_hint="--every")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


@stories_group.command("list")
@_db_option
@click.option("--since", metavar="YYYY-MM-DD", help="Only stories active since that day.")
@click.option("-n", "--limit", type=click.IntRange(1), default=None, help="At most N stories.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def list_command(db: str, since: str | None, limit: int | None, fmt: str) -> None:
    """The stories, the most recently active first, with their size and dates."""
    if since and _valid_date(since) != since:
        raise click.BadParameter(f"{since!r} is not a date; write YYYY-MM-DD",
                                 param_hint="--since")
    _check_stdout(db)
    with _errors(writing="standard output"), Stories(db, create=False) as stories:
        found = stories.list(since=since, limit=limit)
        if fmt == "json":
            for s in found:
                click.echo(json.dumps(s.to_dict(), ensure_ascii=False))
            return
        for s in found:
            dates = " to ".join(dict.fromkeys(filter(None, (s.first_date, s.last_date))))
            sources = "source " if s.sources == 1 else "sources"
            click.echo(f"{s.id:>6}  {s.sources:>3} {sources}  {dates or '(undated)':<24}  "
                       f"{s.title}")


@stories_group.command("show")
@click.argument("story_id", metavar="ID", type=int)
@_db_option
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True)
@click.option("-w", "--words", type=click.IntRange(1, 5000), default=120, show_default=True,
              help="Word budget of the brief.")
def show_command(story_id: int, db: str, fmt: str, words: int) -> None:
    """A story: its brief, what is new since its previous brief, its timeline,
    disagreements, changes and articles."""
    _check_stdout(db)
    with _errors(writing="standard output"), Stories(db, create=False) as stories:
        click.echo(render_story(stories.brief(story_id, words=words).to_dict(), fmt,
                                text_width()), nl=False)


@stories_group.command("refresh")
@_db_option
@click.option("-n", "--limit", type=click.IntRange(1), default=None,
              help="At most N stories, the most recently active first.")
def refresh_command(db: str, limit: int | None) -> None:
    """Make the briefs of the stories that changed since their last one, so that each is
    listed under its current headline (its brief's main news), the most recently active
    first. `storyline serve --db` does this in the background."""
    with _errors(), Stories(db, create=False) as stories:
        stale = stories.stale(limit=limit)
        counting = sys.stderr.isatty()  # (a cron job's log gets the last line only)
        for done, story_id in enumerate(stale, 1):
            stories.brief(story_id, shown=False)
            if counting:
                click.echo(f"\rrefreshed {done} of {len(stale)} stories", nl=False, err=True)
        busy = set(stale) & set(stories.stale())  # (made, but not stored: a writer held it)
        click.echo(("\r" if counting else "")
                   + f"{counted(len(stale) - len(busy), 'story', 'stories')} refreshed" + (
                       f", {len(busy)} not stored (the store was busy; run it again)"
                       if busy else "") + (" " * 20 if counting else ""), err=True)


@stories_group.command("export")
@_db_option
@click.option("-f", "--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True)
def export_command(db: str, fmt: str) -> None:
    """One line per article, {"id", "story"}, in arrival order; an id skipped as a
    duplicate of a stored article (its text or url) has the story of that article."""
    _check_stdout(db)
    with _errors(writing="standard output"), Stories(db, create=False) as stories:
        for article_id, story in stories.export():
            click.echo(json.dumps({"id": article_id, "story": story}, ensure_ascii=False))


def _check_stdout(db: str) -> None:
    """`storyline stories export >> storyline.db` would write into the store: refused."""
    try:
        check_stdout([db])
    except StorylineError as e:
        raise click.UsageError(printable(str(e))) from None


class _errors:
    """Library errors become one clear line and exit status 1; a closed pipe ends quietly.
    `writing`: what a full disk fills (standard output, for the commands that print)."""

    def __init__(self, writing: str | None = None):
        self.writing = writing

    def __enter__(self):
        return self

    def __exit__(self, kind, error, tb):
        if isinstance(error, StorylineError):
            raise failure(error) from None  # exit status 2 for a misused option
        if isinstance(error, BrokenPipeError):
            sys.stderr.close()
            raise SystemExit(1)
        if isinstance(error, OSError):
            raise os_failure(error, reading=None, writing=self.writing) from None
        return False
