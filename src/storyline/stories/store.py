"""The story store: one SQLite file (stdlib sqlite3, WAL), the only state of the stories.

Articles in arrival order, stories, the assignment of each article to its story, the
ids of duplicates skipped (with the article they repeat), the near-duplicate index,
detection's document frequencies and the cached briefs. One writer at a time (a lock
beside the file, taken for the whole ingest, released by the system even after
`kill -9`), any number of readers. Each batch of articles is one transaction with
everything it changed, so a crash loses at most the batch in flight, never an article
reported as added; re-running the ingest resumes, since an article already stored (same
id, URL or content) adds nothing.

The schema is versioned (`PRAGMA user_version`) and migrated forward on open;
`PRAGMA application_id` marks the file as a Storyline store.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from pathlib import Path

from ..errors import StorylineError

APPLICATION_ID = 0x53544C4E  # "STLN"
BUSY_SECONDS = 5.0

# One entry per schema version: the statements that take a store from the previous one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,          -- arrival order, from 1
        id TEXT NOT NULL UNIQUE,
        url TEXT UNIQUE,
        key TEXT NOT NULL UNIQUE,         -- hash of the cleaned text: same content, same key
        title TEXT,
        text TEXT NOT NULL,
        published TEXT,                   -- YYYY-MM-DD or NULL
        source TEXT,
        extra TEXT,                       -- JSON object of the input's other fields, or NULL
        added TEXT NOT NULL,              -- UTC time it was stored
        signature BLOB NOT NULL           -- MinHash (dedup.py)
    );
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        first_date TEXT,
        last_date TEXT,
        size INTEGER NOT NULL,            -- articles, copies included
        copies INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL,         -- grows with every change: cached briefs follow it
        updated TEXT NOT NULL,
        closed INTEGER NOT NULL DEFAULT 0,
        size_at_close INTEGER,
        centroid BLOB                     -- detection's centroid (NULL once closed)
    );
    CREATE INDEX stories_activity ON stories (last_seq);
    CREATE TABLE assignments (
        article INTEGER PRIMARY KEY REFERENCES articles (seq),
        story INTEGER NOT NULL REFERENCES stories (id),
        similarity REAL NOT NULL,
        copy_of INTEGER REFERENCES articles (seq)  -- a near duplicate of that article
    );
    CREATE INDEX assignments_story ON assignments (story, article);
    CREATE TABLE bands (
        band INTEGER NOT NULL, hash INTEGER NOT NULL, article INTEGER NOT NULL,
        PRIMARY KEY (band, hash, article)
    ) WITHOUT ROWID;
    CREATE TABLE df (term INTEGER PRIMARY KEY, n INTEGER NOT NULL);
    CREATE TABLE state (key TEXT PRIMARY KEY, value);
    CREATE TABLE briefs (
        story INTEGER NOT NULL REFERENCES stories (id),
        version INTEGER NOT NULL,
        upto INTEGER NOT NULL,            -- the last article (seq) it covers
        made TEXT NOT NULL,
        brief TEXT NOT NULL,              -- JSON: the story's brief (docs/schema.md)
        PRIMARY KEY (story, version)
    );
    """,
    # A brief made in the background (`storyline serve`'s refresher) is not yet shown:
    # "what is new" reads the last brief a reader was shown, not the refresher's last.
    """
    ALTER TABLE briefs ADD COLUMN shown INTEGER NOT NULL DEFAULT 1;
    """,
    # An article skipped as a duplicate of a stored one under another id (the same text
    # or url from a second source) is still exported with its story: a user joining the
    # export to their input found it missing.
    """
    CREATE TABLE aliases (
        id TEXT PRIMARY KEY,              -- an input id not stored: a duplicate of `article`
        article INTEGER NOT NULL REFERENCES articles (seq),
        after INTEGER NOT NULL            -- the last stored article (seq) when it came
    );
    """,
)
VERSION = len(MIGRATIONS)


class StoreError(StorylineError):
    """The store cannot be used: not a Storyline store, too new, or locked."""


class StoreBusy(StoreError):
    """Another process is writing the store (its writer lock is taken): `what` says
    which, the message adds what to do."""

    def __init__(self, what: str, advice: str = "wait for it to finish, or stop it (one "
                 "writer at a time; reading is fine)"):
        super().__init__(what, advice)  # (both in `args`: it pickles to a worker's caller)
        self.what = what

    def __str__(self) -> str:
        return "; ".join(self.args)


def connect(path: str | Path, *, create: bool = True) -> sqlite3.Connection:
    """An open, checked and migrated store; `StoreError` says what is wrong with it."""
    path = Path(path)
    if not path.exists() and not create:
        raise StoreError(f"{path} does not exist; add articles first "
                         "(storyline stories add SOURCE --db PATH)")
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give the store's file, e.g. {path}/storyline.db")
    if not path.parent.is_dir():
        raise StoreError(f"cannot create {path}: folder {path.parent} does not exist")
    try:
        db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None,
                             check_same_thread=False)
        db.row_factory = sqlite3.Row
        app, version = _header(db, path)
        if version == 0 and app == 0:
            tables = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
            if tables:
                raise StoreError(f"{path} is an SQLite database of another program, not a "
                                 "Storyline store; give a new file name with --db")
        elif app != APPLICATION_ID:
            raise StoreError(f"{path} is an SQLite database of another program, not a "
                             "Storyline store; give a new file name with --db")
        if version > VERSION:
            raise StoreError(f"{path} was made by a newer Storyline (schema {version}, this "
                             f"one knows up to {VERSION}); upgrade Storyline")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # WAL: a commit survives a process crash
        db.execute("PRAGMA foreign_keys = ON")
        if version < VERSION:
            _migrate(db, version)
    except sqlite3.DatabaseError as e:
        if "not a database" in str(e) or "malformed" in str(e):
            raise StoreError(f"{path} is not a Storyline store (not an SQLite database); "
                             "give a new file name with --db, or the right file") from None
        if "locked" in str(e) or "busy" in str(e):
            raise StoreError(f"{path} is busy (another program holds it); try again") from None
        if "readonly" in str(e):
            raise StoreError(f"{path} was made by an older Storyline and must be upgraded, "
                             "which needs write access: open it once as a user who can "
                             "write it (e.g. storyline stories list --db PATH)") from None
        raise StoreError(f"{path}: {e}") from None
    return db


def _header(db: sqlite3.Connection, path: Path) -> tuple[int, int]:
    app = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    return app, version


def _migrate(db: sqlite3.Connection, version: int) -> None:
    """Apply the migrations after `version`, each in one transaction with its number."""
    for number in range(version, VERSION):
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] > number:
                db.execute("COMMIT")  # (another process took it there while this one waited)
                continue
            for statement in _statements(MIGRATIONS[number]):
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {number + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """A migration script split into statements (none of ours has a ";" in a string)."""
    lines = [line.split("--")[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


class WriterLock:
    """The store's single-writer lock: an advisory lock on `PATH-lock` beside it. The
    system releases it when the process ends, however it ends."""

    def __init__(self, path: str | Path):
        self.path = Path(f"{path}-lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            holder = self.path.read_text().strip() or "another process"
            raise StoreBusy(f"{self.path.with_name(self.path.name.removesuffix('-lock'))} "
                            f"is being written by {holder}") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"process {os.getpid()}".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing releases the lock
            self._fd = None
