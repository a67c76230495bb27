"""`Stories`: a story store opened from Python. Add articles, list stories, read one.

    with Stories("news.db") as stories:
        result = stories.add(read_sources(["feeds/"]))
        for story in stories.list():
            print(story.id, story.title, stories.brief(story.id).brief["summary"])

`add` runs the per-article work (`prepare.prepare_or_skip`, a pure function) through
`prepare_with` (the built-in `map` by default; an engine may pass its own ordered map),
then the ordered pass: exact duplicates, near duplicates (dedup.py), story detection
(detect.py) and the store (store.py), a batch of articles per transaction.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from ..brief.ingest import _valid_date
from ..brief.render import counted
from ..errors import OptionsError, StorylineError
from ..model import Article
from . import dedup, detect, store
from .prepare import TERM_BITS, Incoming, Prepared, Skipped, prepare_or_skip

_SQL_INT = 2**63 - 1  # the largest integer SQLite stores; Python's go further

DEFAULT_PATH = "storyline.db"
BATCH_ARTICLES = 200  # articles per transaction ...
BATCH_SECONDS = 2.0  # ... or seconds, whichever comes first
BRIEF_WORDS = 120  # the budget of the briefs the pages show (and the refresher makes)
SHOWN_SECONDS = 0.1  # a view waits this long to mark its brief shown while a writer works


@dataclass(frozen=True)
class Added:
    """What `add` did: articles added (copies of earlier ones among them), duplicates
    skipped, bad articles skipped (each with its reason), stories opened and updated;
    and, when asked (`Stories.add(placing=True)`), `placed`: (id, story) for each
    article added and each found to repeat a stored one (its id as sent, the story of
    what it repeats), so that a client learns where what it sent went; a feed's item
    skipped before reading as one already stored is not among them."""

    added: int = 0
    copies: int = 0
    duplicates: int = 0
    opened: int = 0
    updated: int = 0
    skipped: tuple[Skipped, ...] = ()
    placed: tuple[tuple[str, int], ...] = ()

    def __add__(self, other: Added) -> Added:
        return Added(self.added + other.added, self.copies + other.copies,
                     self.duplicates + other.duplicates, self.opened + other.opened,
                     self.updated + other.updated, self.skipped + other.skipped,
                     self.placed + other.placed)

    def summary(self) -> str:
        copies = ("" if not self.copies else " (1 of them a copy of an earlier one)"
                  if self.copies == 1 else f" ({self.copies} of them copies of earlier ones)")
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return (f"{counted(self.added, 'article')} added{copies}, "
                f"{counted(self.duplicates, 'duplicate')} skipped{skipped}; "
                f"{counted(self.opened, 'story', 'stories')} opened, {self.updated} updated")


@dataclass(frozen=True)
class Story:
    """A story as listed: its size, sources and dates."""

    id: int
    title: str
    size: int  # articles, copies included
    sources: int  # articles that are not copies of another
    first_date: str | None
    last_date: str | None
    updated: str  # UTC time of its last change
    closed: bool
    version: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "size": self.size,
                "sources": self.sources, "first_date": self.first_date,
                "last_date": self.last_date, "updated": self.updated,
                "closed": self.closed}


@dataclass(frozen=True)
class StoryBrief:
    """A story's brief and what goes with it, as JSON-ready dicts (docs/schema.md)."""

    story: Story
    brief: dict[str, Any]  # the brief's schema, or {"error": ...} if none could be made
    new: dict[str, Any] | None  # what is new since the previous brief, or None
    previous: dict[str, Any] | None  # that previous brief's version, time and articles
    articles: list[dict[str, Any]] = field(default_factory=list)
    made: str = ""
    timeline: list[dict[str, Any]] | None = None  # its key dates (None: a brief cached before)

    def to_dict(self) -> dict[str, Any]:
        return {"story": self.story.to_dict(), "brief": self.brief, "new": self.new,
                "previous": self.previous, "timeline": self.timeline,
                "articles": self.articles, "made": self.made}


class Stories:
    """A story store at `path` (created if missing). Readers need nothing more; the
    first `add` takes the store's writer lock until `close`."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, create: bool = True):
        self.path = Path(path)
        self.db = store.connect(self.path, create=create)
        self._lock: store.WriterLock | None = None
        self._detector: detect.Detector | None = None

    def __enter__(self) -> Stories:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()
        if self._lock:
            self._lock.release()
            self._lock = None

    # --- adding -------------------------------------------------------------------------

    def add(self, items: Iterable[str | Incoming | Article | dict | Prepared | Skipped], *,
            prepare_with: Callable = map,
            progress: Callable[[Added], None] | None = None, whole: bool = False,
            placing: bool = False) -> Added:
        """Add articles in the order given; return what was done. Each batch is committed
        with all it changed, so what `progress` or the result reports as added is stored;
        `whole` makes all of them one batch (all or nothing, as the HTTP API wants);
        `placing` tells the story of each (`Added.placed`, as the HTTP API answers).
        """
        if isinstance(items, (str, bytes)):  # (one text would be read a character at a time)
            raise StorylineError("give a list of articles, not one text: add([text])")
        if self._lock is None:
            lock = store.WriterLock(self.path)
            lock.acquire()
            self._lock = lock
        if self._detector is None:
            self._detector = self._load_detector()
        prepared = prepare_with(prepare_or_skip, _incoming(items))
        batch = _Batch(self, whole=whole, placing=placing)
        try:
            for item in prepared:
                batch.take(item)
                if batch.full():
                    batch.commit()
                    if progress:
                        progress(batch.done())
            batch.commit()
        except BaseException:
            batch.rollback()
            self._detector = None  # it saw the articles rolled back: reload it from the store
            raise
        if progress:
            progress(batch.done())
        return batch.done()

    def _load_detector(self) -> detect.Detector:
        df = np.zeros(1 << TERM_BITS, dtype=np.int32)
        rows = self.db.execute("SELECT term, n FROM df").fetchall()
        if rows:
            terms, counts = np.array(rows, dtype=np.int64).T
            df[terms] = counts
        state = dict(self.db.execute("SELECT key, value FROM state").fetchall())
        stories = [detect.Story(r["id"], *detect.unpack(r["centroid"]), r["last_date"],
                                r["last_seq"], r["size"] - r["copies"])
                   for r in self.db.execute("SELECT * FROM stories WHERE closed = 0")]
        return detect.Detector.from_state(
            df, int(state.get("articles", 0)), state.get("clock"),
            int(state.get("next_story", 1)), stories)

    # --- reading ------------------------------------------------------------------------

    def list(self, *, since: str | None = None, limit: int | None = None,
             offset: int = 0) -> list[Story]:
        """Stories, the most recently active first; `since` (YYYY-MM-DD) keeps those
        active on or after that day (by their articles' dates, else when they changed)."""
        sql = "SELECT * FROM stories"
        args: list[Any] = []
        if since:
            if _valid_date(since) != since:
                raise OptionsError(f"since must be a date written YYYY-MM-DD, such as "
                                   f"2019-02-28, not {since[:20]!r}")
            sql += " WHERE coalesce(last_date, substr(updated, 1, 10)) >= ?"
            args.append(since)
        if offset > _SQL_INT:  # past SQLite's integers: past every story
            return []
        sql += " ORDER BY last_seq DESC LIMIT ? OFFSET ?"
        args += [-1 if limit is None else min(limit, _SQL_INT), offset]
        return [_story(r) for r in self.db.execute(sql, args)]

    def __iter__(self) -> Iterator[Story]:
        return iter(self.list())

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM stories").fetchone()[0]

    def story(self, story_id: int) -> Story:
        row = None
        if 0 < story_id <= _SQL_INT:  # a larger one is no story either
            row = self.db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise StorylineError(f"no story {story_id} in {self.path}; "
                                 "`storyline stories list` shows the stories")
        return _story(row)

    def export(self) -> Iterator[tuple[str, int]]:
        """(article id, story id) for every article, in arrival order, the ids skipped
        as duplicates of a stored article among them (with that article's story)."""
        for row in self.db.execute(
                "SELECT a.id, s.story, a.seq AS came, 0 AS alias FROM articles a "
                "JOIN assignments s ON s.article = a.seq UNION ALL "
                "SELECT l.id, s.story, l.after, l.rowid FROM aliases l "
                "JOIN assignments s ON s.article = l.article ORDER BY came, alias"):
            yield row[0], row[1]

    def stale(self, *, limit: int | None = None) -> list[int]:
        """The stories with articles that no brief covers yet, the most recently active
        first: until `brief` makes theirs, they are listed under their first article's
        title or an older brief's headline (`storyline stories refresh` and the server
        make them)."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM briefs b WHERE "
            "b.story = s.id AND b.version = s.version) ORDER BY last_seq DESC LIMIT ?",
            (-1 if limit is None else min(limit, _SQL_INT),))]

    def briefed(self, story_id: int) -> bool:
        """Whether a brief of the story as it is now is stored."""
        return self.db.execute("SELECT 1 FROM briefs b JOIN stories s ON b.story = s.id AND "
                               "b.version = s.version WHERE s.id = ?", (story_id,)
                               ).fetchone() is not None

    def brief(self, story_id: int, *, words: int = BRIEF_WORDS,
              shown: bool = True) -> StoryBrief:
        """The story's brief, computed only if the story changed since the cached one; a
        brief at another budget than the pages' (BRIEF_WORDS) is made for each call and
        not cached. `new` tells what the articles since the previous brief shown to a
        reader add to it. A new brief names the story: its headline becomes the brief's
        main news (`briefs.headline`). `shown=False` makes it for later (the server's
        refresher): "what is new" goes on reading from the last brief shown. A brief that
        cannot be cached (the store is busy past its timeout) is still given."""
        from . import briefs  # the brief pipeline is loaded only when a brief is wanted

        with self._snapshot():  # (an article committed meanwhile waits for the next brief)
            story = self.story(story_id)
            articles = self._articles(story_id)
            cached = self.db.execute("SELECT * FROM briefs WHERE story = ? AND version = ?",
                                     (story_id, story.version)).fetchone()
            previous = self.db.execute(
                "SELECT version, upto, made FROM briefs WHERE story = ? AND version < ? "
                "AND shown ORDER BY version DESC LIMIT 1", (story_id, story.version)).fetchone()
            labels = self.db.execute(  # (the newest, the current one's if it is cached)
                "SELECT json_extract(brief, '$.labels') FROM briefs WHERE story = ? AND "
                "version <= ? ORDER BY version DESC LIMIT 1", (story_id, story.version)
            ).fetchone()
        if shown and cached is not None and not cached["shown"]:  # (seen, at any budget)
            self._write("UPDATE briefs SET shown = 1 WHERE story = ? AND version = ?",
                        (story_id, story.version), seconds=SHOWN_SECONDS)
        data = json.loads(cached["brief"]) if cached is not None else None
        if data is not None and data.get("words", BRIEF_WORDS) == words:
            for part in (data["brief"], data["new"]):
                briefs.labelled(part)
        else:
            known = json.loads(labels[0]) if labels and labels[0] else {}
            data = briefs.story_brief(articles, previous, words=words, labels=known)
            data["made"], data["words"] = _now(), words
            if words == BRIEF_WORDS:
                title = briefs.headline(data["brief"], articles) or story.title
                self._write(self._cache, story, data, max(a["seq"] for a in articles), title,
                            shown)
                story = replace(story, title=title)
        return StoryBrief(story=story, brief=data["brief"], new=data["new"],
                          previous=data["previous"],
                          articles=briefs.listing(articles, data.get("labels")),
                          made=data["made"], timeline=data.get("timeline"))

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Reads that see the store as of one moment (WAL: a writer does not wait); inside
        a transaction already open, they do."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            if self.db.in_transaction:  # (SQLite may have ended it on an error)
                self.db.execute("COMMIT")

    def _write(self, work, *args, seconds: float | None = None) -> None:
        """`work(*args)`, or an SQL statement; given up if the store stays busy past its
        timeout, or `seconds` (a cache: the next brief tries again)."""
        if seconds is not None:
            self.db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
        try:
            if callable(work):
                work(*args)
            else:
                self.db.execute(work, *args)
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e):
                raise
        finally:
            if seconds is not None:
                self.db.execute(f"PRAGMA busy_timeout = {int(store.BUSY_SECONDS * 1000)}")

    def _cache(self, story: Story, data: dict, upto: int, title: str, shown: bool) -> None:
        """Store a brief of `story` and the headline it gives, or neither. Of the older
        briefs, only the last one shown (what "what is new" reads) is kept, without its
        labels; a brief shown stays shown (a reader and the refresher may write it both)."""
        self.db.execute("SAVEPOINT brief")
        try:
            self.db.execute(
                "INSERT INTO briefs (story, version, upto, made, brief, shown) VALUES "
                "(?, ?, ?, ?, ?, ?) ON CONFLICT (story, version) DO UPDATE SET upto = "
                "excluded.upto, made = excluded.made, brief = excluded.brief, shown = "
                "max(shown, excluded.shown)",
                (story.id, story.version, upto, data["made"], json.dumps(data), int(shown)))
            kept = self.db.execute("SELECT max(version) FROM briefs WHERE story = ? AND "
                                   "version < ? AND shown", (story.id, story.version)
                                   ).fetchone()[0]
            self.db.execute("DELETE FROM briefs WHERE story = ? AND version < ? AND version "
                            "IS NOT ?", (story.id, story.version, kept))
            self.db.execute("UPDATE briefs SET brief = json_remove(brief, '$.labels') "
                            "WHERE story = ? AND version = ?", (story.id, kept))
            # (only if no article came meanwhile: a newer brief's headline stays)
            self.db.execute("UPDATE stories SET title = ? WHERE id = ? AND version = ?",
                            (title, story.id, story.version))
        except BaseException:
            if self.db.in_transaction:  # (SQLite may have rolled it back itself)
                self.db.execute("ROLLBACK TO brief")
                self.db.execute("RELEASE brief")
            raise
        self.db.execute("RELEASE brief")

    def _articles(self, story_id: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT a.seq, a.id, a.title, a.text, a.url, a.source, a.published, a.added, "
            "s.copy_of FROM assignments s JOIN articles a ON a.seq = s.article "
            "WHERE s.story = ? ORDER BY a.seq", (story_id,))
        return [dict(r) for r in rows]


class _Batch:
    """The articles of one transaction, and what they changed; `done` adds up the
    committed ones. Rows are kept in memory until `commit` writes them all at once
    (one `executemany` per table); the look-ups of later articles (duplicates, near
    duplicates) see both the store and these pending rows."""

    def __init__(self, stories: Stories, whole: bool = False, placing: bool = False):
        self.stories = stories
        self.whole = whole
        self.placing = placing
        self.placed_before: list[tuple[str, int]] = []  # by the batches committed already
        self.db = stories.db
        self.detector = stories._detector
        self.started = time.monotonic()
        self.count = self.committed = Added()
        self.opened: set[int] = set()
        self.touched: set[int] = set()
        self.opened_before: set[int] = set()  # by the batches committed already
        self.touched_before: set[int] = set()
        self.active = False
        self.seq = (self.db.execute("SELECT max(seq) FROM articles").fetchone()[0] or 0)
        self._clear()

    def _clear(self) -> None:
        self.articles: list[tuple] = []  # rows of the tables, pending
        self.band_rows: list[tuple[int, int, int]] = []
        self.assignments: list[tuple] = []
        # the pending articles' (story, seq) by ("id" | "key" | "url", value): an id may
        # be another article's url (feeds use links as guids), and is no duplicate of it
        self.pending_story: dict[tuple[str, str], tuple[int, int]] = {}
        self.aliases: dict[str, tuple[str, int, int]] = {}  # id -> (id, seq it repeats, after)
        self.unaliased: list[str] = []  # stored aliases whose id came with a text of its own
        self.placed: list[tuple[str, int]] = []
        self.bands: dict[tuple[int, int], list[int]] = {}  # band -> pending originals
        self.pending: dict[int, tuple[bytes, int, int | None]] = {}  # seq -> sig, story, copy_of
        self.changes: dict[int, _StoryChange] = {}  # story -> what the batch did to it

    def take(self, item: Prepared | Skipped) -> None:
        if isinstance(item, Skipped):
            self.count += Added(duplicates=1) if item.duplicate else Added(skipped=(item,))
            return
        if not self.active:
            self.db.execute("BEGIN IMMEDIATE")
            self.active, self.started = True, time.monotonic()
        a = item.article
        found = next((self.pending_story[k] for k in (("id", a.id), ("key", item.key),
                                                       ("url", a.url))
                      if k[1] is not None and k in self.pending_story), None)
        if found is None:
            rows = self.db.execute(
                "SELECT s.story, a.seq, a.id, a.key, a.url FROM articles a JOIN assignments s "
                "ON s.article = a.seq WHERE a.id = ? OR a.key = ? OR a.url = ? "
                "OR a.seq = (SELECT article FROM aliases WHERE id = ?)",
                (a.id, item.key, a.url, a.id)).fetchall()
            # an id once skipped as another's duplicate, come with a text of its own: an
            # article (as before the store kept such ids), its alias dropped
            direct = [r for r in rows if r[2] == a.id or r[3] == item.key
                      or (a.url is not None and r[4] == a.url)]
            if rows and not direct:
                self.unaliased.append(a.id)
            found = (direct[0][0], direct[0][1]) if direct else None
        if found is not None:
            story, seq = found
            self.count += Added(duplicates=1)
            self._placed(a.id, story)
            if self._new_alias(a.id):
                self.aliases[a.id] = (a.id, seq, self.seq)
            return
        self.seq += 1
        original, jaccard = self._original(item.signature)
        if original is not None:
            (story, copy_of), similarity = original, jaccard
        else:
            decision = self.detector.assign(item.terms, a.published, self.seq)
            story, copy_of, similarity = decision.story, None, decision.similarity
        self._insert(item, story, copy_of, similarity)
        self.aliases.pop(a.id, None)  # (a pending alias's id, come with a text of its own)
        self.count += Added(added=1, copies=int(copy_of is not None))
        self._placed(a.id, story)

    def _new_alias(self, article: str) -> bool:
        """Whether `article`, a duplicate's id, is one the store knows neither as an
        article's nor as an alias."""
        if ("id", article) in self.pending_story or article in self.aliases:
            return False
        return self.db.execute(
            "SELECT 1 FROM articles WHERE id = ? UNION ALL SELECT 1 FROM aliases WHERE id = ?",
            (article, article)).fetchone() is None

    def _placed(self, article: str, story: int) -> None:
        if self.placing:  # (kept aside: summing them in `Added` each time is quadratic)
            self.placed.append((article, story))

    def _original(self, signature: bytes) -> tuple[tuple[int, int] | None, float]:
        """(story, seq) of the earliest article whose near duplicate this is (not a copy
        itself), and their estimated Jaccard similarity."""
        keys = dedup.bands(signature)
        placeholders = " OR ".join("(band = ? AND hash = ?)" for _ in keys)
        candidates = {seq for (seq,) in self.db.execute(
            f"SELECT DISTINCT article FROM bands WHERE {placeholders}",
            [x for key in keys for x in key])}
        candidates.update(seq for key in keys for seq in self.bands.get(key, ()))
        best, best_jaccard = None, 0.0
        for seq in sorted(candidates):
            if seq in self.pending:
                other, story, copy_of = self.pending[seq]
            else:
                row = self.db.execute(
                    "SELECT a.signature, s.story, s.copy_of FROM articles a JOIN assignments s "
                    "ON s.article = a.seq WHERE a.seq = ?", (seq,)).fetchone()
                other, story, copy_of = row
            jaccard = dedup.similarity(signature, other)
            if jaccard >= dedup.COPY and jaccard > best_jaccard and copy_of is None:
                best, best_jaccard = (story, seq), jaccard
        return best, best_jaccard

    def _insert(self, item: Prepared, story: int, copy_of: int | None,
                similarity: float) -> None:
        a, now = item.article, _now()
        self.articles.append(
            (self.seq, a.id, a.url, item.key, a.title, a.text, a.published, a.source,
             json.dumps(item.extra, ensure_ascii=False) if item.extra else None, now,
             item.signature))
        here = (story, self.seq)
        self.pending_story.update({("id", a.id): here, ("key", item.key): here})
        if a.url:
            self.pending_story[("url", a.url)] = here
        self.pending[self.seq] = (item.signature, story, copy_of)
        if copy_of is None:  # copies are found through their original
            for key in dedup.bands(item.signature):
                self.bands.setdefault(key, []).append(self.seq)
                self.band_rows.append((*key, self.seq))
        change = self.changes.get(story)
        if change is None:
            exists = story not in self.opened and self.db.execute(
                "SELECT 1 FROM stories WHERE id = ?", (story,)).fetchone()
            change = self.changes[story] = _StoryChange(
                new=not exists, title=item.label or a.id, first_seq=self.seq)
            if exists and story not in self.opened_before:
                self.touched.add(story)
            elif not exists:
                self.opened.add(story)
        change.add(self.seq, a.published, copy_of is not None, now)
        self.assignments.append((self.seq, story, similarity, copy_of))

    def full(self) -> bool:
        taken = self.count.added + self.count.duplicates
        return self.active and not self.whole and (
            taken >= BATCH_ARTICLES or time.monotonic() - self.started >= BATCH_SECONDS)

    def done(self) -> Added:
        """What the committed batches did."""
        return replace(self.committed, opened=len(self.opened_before),
                       updated=len(self.touched_before), placed=tuple(self.placed_before))

    def commit(self) -> None:
        """Write the batch's rows and detection's state, commit, and start a new batch."""
        if self.active:
            db = self.db
            db.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           self.articles)
            db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?, ?)", self.band_rows)
            db.executemany(
                "INSERT INTO stories (id, title, first_seq, last_seq, first_date, last_date, "
                "size, copies, version, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(story, c.title, c.first_seq, c.last_seq, c.first_date, c.last_date, c.size,
                  c.copies, c.size, c.updated) for story, c in self.changes.items() if c.new])
            db.executemany(
                "UPDATE stories SET last_seq = ?, size = size + ?, copies = copies + ?, "
                "first_date = min(coalesce(first_date, ?), coalesce(?, first_date)), "
                "last_date = max(coalesce(last_date, ?), coalesce(?, last_date)), "
                "version = version + ?, updated = ? WHERE id = ?",
                [(c.last_seq, c.size, c.copies, c.first_date, c.first_date, c.last_date,
                  c.last_date, c.size, c.updated, story)
                 for story, c in self.changes.items() if not c.new])
            db.executemany("INSERT INTO assignments VALUES (?, ?, ?, ?)", self.assignments)
            db.executemany("DELETE FROM aliases WHERE id = ?", [(i,) for i in self.unaliased])
            db.executemany("INSERT INTO aliases VALUES (?, ?, ?)", self.aliases.values())
            terms, changed, closed = self.detector.changes()
            db.executemany("INSERT INTO df VALUES (?, ?) ON CONFLICT (term) DO UPDATE "
                           "SET n = excluded.n", terms)
            db.executemany("UPDATE stories SET centroid = ? WHERE id = ?",
                           [(detect.pack(s), s.id) for s in changed])
            db.executemany("UPDATE stories SET closed = 1, centroid = NULL WHERE id = ?",
                           [(s,) for s in closed])
            d = self.detector
            db.executemany("INSERT OR REPLACE INTO state VALUES (?, ?)",
                           [("articles", d.articles), ("clock", d.clock),
                            ("next_story", d.next_id)])
            db.execute("COMMIT")
        self.committed += self.count
        self.placed_before += self.placed
        self.opened_before |= self.opened
        self.touched_before |= self.touched
        self.active, self.count = False, Added()
        self.opened, self.touched = set(), set()
        self._clear()

    def rollback(self) -> None:
        if self.active:
            self.db.execute("ROLLBACK")
            self.active = False
        self._clear()


@dataclass
class _StoryChange:
    """What one batch did to one story: its new articles, summed up for one write."""

    new: bool  # opened by this batch
    title: str
    first_seq: int
    last_seq: int = 0
    first_date: str | None = None  # of this batch's articles
    last_date: str | None = None
    size: int = 0
    copies: int = 0
    updated: str = ""

    def add(self, seq: int, published: str | None, copy: bool, now: str) -> None:
        self.last_seq, self.size, self.copies, self.updated = (
            seq, self.size + 1, self.copies + copy, now)
        if published:
            self.first_date = min(self.first_date or published, published)
            self.last_date = max(self.last_date or published, published)


def _incoming(items: Iterable) -> Iterator[Incoming | Prepared | Skipped]:
    for i, item in enumerate(items, 1):
        if isinstance(item, (Incoming, Prepared, Skipped)):
            yield item
        elif isinstance(item, Article):
            yield Incoming(text=item.text, where=item.file or item.id or f"article {i}",
                           id=item.id or None, title=item.title, url=item.url,
                           published=item.published, source=item.source)
        elif isinstance(item, (dict, str)):  # (a plain text, as `summarize` takes it)
            from .sources import from_object
            yield from_object(item if isinstance(item, dict) else {"text": item},
                              where=f"article {i}")
        else:
            raise StorylineError(f"article {i} is {type(item).__name__}; give texts, "
                                 "Incoming, Article or {\"text\": ...} values")


def _story(row: sqlite3.Row) -> Story:
    return Story(id=row["id"], title=row["title"] or "", size=row["size"],
                 sources=row["size"] - row["copies"], first_date=row["first_date"],
                 last_date=row["last_date"], updated=row["updated"],
                 closed=bool(row["closed"]), version=row["version"])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
