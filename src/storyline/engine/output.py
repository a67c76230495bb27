"""Output files that appear whole: written beside their place, renamed in when complete.

- `atomic_writer(path)`: a temporary `.NAME.XXXX.tmp`, removed if the block fails.
- `resumable(path, run)`: a batch's unfinished output `.NAME.RUN.partial` (the lines
  written so far, in input order, flushed to disk at least once a second). It is kept if
  the run stops, so that the same batch run again with `resume` continues after its last
  complete line; RUN names the input file and options, so nothing else resumes it.

Each temporary file is locked (flock) by the process writing it, and the lock dies with
that process. So a later run tells a stale temporary (its run was killed with kill -9, or
its machine went down) from a live one: it removes the stale ones of its output, or, with
`resume`, continues its own.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from json import JSONDecoder
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)
SYNC_SECONDS = 1.0  # how much finished work a crash of the machine may cost, at most
_ERROR_AFTER_ID = ', "error": '


class OutputBusy(OSError):
    """Another live run is writing the same output file."""


class ResumeMismatch(OSError):
    """The unfinished output beside the file was made from another input or options."""


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """A text file that appears at `path` only when the block finishes without error.

    A symlink is followed; a path that is not a regular file (a pipe, /dev/stdout) is
    written to directly; a read-only file is refused, not replaced. Stale temporaries
    of `path` left by killed runs are removed.
    """
    path = Path(path)
    if not regular_or_new(path):
        with path.open("w", encoding="utf-8") as f:
            yield f
        return
    path = _checked(path)
    _remove_stale(path)
    fd, tmp = _locked_temporary(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
            _publish(tmp, path)  # still holding the lock: no one takes it for stale
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class Partial:
    """A batch's output under way: `done` lines are in it already (`failed` of them
    error lines); `write` appends the next one."""

    def __init__(self, f: IO[bytes], done: int, failed: int):
        self.file, self.done, self.failed = f, done, failed
        self.written = 0
        self._synced = time.monotonic()

    def write(self, line: str) -> None:
        self.file.write(line.encode("utf-8"))  # unbuffered: a killed run loses no line
        self.written += 1
        if time.monotonic() - self._synced > SYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        os.fsync(self.file.fileno())
        self._synced = time.monotonic()


@contextmanager
def resumable(path: str | Path, run: str, resume: bool = False) -> Iterator[Partial]:
    """The output of batch run `run` (a name for its input and options), appearing at
    `path` when the block finishes without error; kept beside it if the block fails.

    Without `resume`, stale temporaries of `path` are removed and the run starts at the
    first line. With it, the run's own unfinished output, if any, is continued after its
    last complete line; one from another input or other options is refused, not removed.
    """
    path = _checked(Path(path))
    partial = path.parent / f".{path.name}.{run}.partial"
    stale = _remove_stale(path, keep=partial if resume else None)
    if resume and not partial.exists() and any(p.suffix == ".partial" for p in stale):
        raise ResumeMismatch(
            errno.EEXIST, "the unfinished output beside it is from another input file or "
            f"other options ({stale[0].name}), or the input file was changed since (its "
            "size or time); run the same command as that run did, on the same file, with "
            "--resume, or drop --resume to start again", str(path))
    if resume and not partial.exists():  # (a retry that always asks to resume is told)
        log.warning("nothing to resume: no unfinished output of this run is beside %s%s; "
                    "running the whole batch", path.name,
                    " (the file there is a finished run's, or another's)" if path.exists()
                    else "")
    f, done, failed = _open_partial(partial, path)
    if done:
        log.info("resuming after %d clusters already in %s", done, partial.name)
    out = Partial(f, done, failed)
    try:
        yield out
        out.sync()
        _publish(partial, path)
    except BaseException:
        out.sync()
        if out.done + out.written == 0:
            partial.unlink(missing_ok=True)
        else:
            log.warning("stopped after %d clusters; they are kept in %s: run the same command "
                        "with --resume to go on from there", out.done + out.written,
                        partial)
        raise
    finally:
        f.close()


def regular_or_new(path: Path) -> bool:
    """Whether `path` is a regular file or nothing yet (not a pipe or a device)."""
    return not path.exists() or path.is_file()  # stat() follows /dev/stdout to the pipe


def _checked(path: Path) -> Path:
    """The file to replace: a symlink followed; a read-only file refused."""
    path = path.resolve()  # a symlink to a regular file: replace the file, keep the link
    if path.exists() and (not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK)):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    return path


def _temporaries(path: Path) -> list[Path]:
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return [path.parent / n for n in names
            if n.startswith(prefix) and n.endswith((".tmp", ".partial"))]


def _remove_stale(path: Path, keep: Path | None = None) -> list[Path]:
    """Remove the temporaries of `path` that no live process holds (but `keep`, and a
    .partial when `keep` is given: it may be resumed by its own command); list those
    that were .partial and left."""
    left = []
    for tmp in _temporaries(path):
        if tmp == keep:
            continue
        if keep is not None and tmp.suffix == ".partial":
            if not _held(tmp):
                left.append(tmp)
            continue
        try:
            fd = os.open(tmp, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue  # a live run's
        try:
            tmp.unlink(missing_ok=True)
            log.info("removed %s, left by a run that was stopped", tmp.name)
        finally:
            os.close(fd)
    return left


def _held(tmp: Path) -> bool:
    try:
        fd = os.open(tmp, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def _lock(fd: int, tmp: Path) -> bool:
    """Lock our temporary; False if a cleaner removed it before we could (then retry)."""
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # ours alone: cannot block
    try:
        return os.stat(tmp).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


def _locked_temporary(path: Path) -> tuple[int, Path]:
    while True:
        try:
            fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as e:  # name the file the user asked for, not the temporary one
            raise OSError(e.errno, e.strerror, str(path)) from None
        if _lock(fd, Path(name)):
            return fd, Path(name)
        os.close(fd)


def _open_partial(partial: Path, path: Path) -> tuple[IO[bytes], int, int]:
    """Our partial output, locked, positioned after its last complete line; with the
    count of its lines and of its error lines."""
    while True:
        try:
            fd = os.open(partial, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as e:
            raise OSError(e.errno, e.strerror, str(path)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputBusy(errno.EBUSY, "another storyline run is writing this file now; "
                             "wait for it to finish, or write to another file", str(path))
        try:
            same = os.stat(partial).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    done = failed = end = 0
    with open(partial, "rb") as lines:
        for line in lines:
            if not line.endswith(b"\n"):
                break  # torn by the crash: done again
            done += 1
            failed += _is_error(line)
            end += len(line)
    f = os.fdopen(fd, "r+b", buffering=0)
    f.truncate(end)
    f.seek(end)
    return f, done, failed


def _is_error(line: bytes) -> bool:
    """Whether an output line is an error line, `{"id": "...", "error": ...}`, read
    without parsing the whole brief."""
    text = line.decode("utf-8", "replace")
    try:
        _, after = JSONDecoder().raw_decode(text, len('{"id": '))  # the id, a JSON string
    except ValueError:
        return False
    return text.startswith(_ERROR_AFTER_ID, after)


def _publish(tmp: Path, path: Path) -> None:
    """Give the finished temporary the mode a plain open() would, and rename it in."""
    os.chmod(tmp, _mode_for(path))
    os.replace(tmp, path)
    try:  # the rename itself survives a crash only once the folder is synced
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def _mode_for(path: Path) -> int:
    """The mode the file would get from a plain open(): its old one, or 0o666 less umask."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
