"""How a command ends on an error: one printable line that says what is wrong and how to
fix it, and the exit status (1: the input or the machine; 2: a misused option)."""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ...brief.ingest import shown_path
from ...engine.output import atomic_writer
from ...errors import OptionsError, StorylineError

# Errors that only writing causes: they concern the output, whatever file name they carry.
WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def failure(error: StorylineError) -> click.ClickException:
    """A library error as the command's end: exit status 2 for an option, 1 otherwise."""
    if isinstance(error, OptionsError):
        return click.UsageError(printable(str(error)))
    return click.ClickException(printable(str(error)))


def os_failure(error: OSError, *, reading: str | Path | None,
               writing: str | Path | None = None) -> click.ClickException:
    """An OSError as one line naming the file it concerns: the output for a full disk or a
    read-only file system, else the file named in the error, else the input."""
    if writing is not None and (error.errno in WRITE_ERRNOS or error.filename is None
                                and reading is None):
        return click.ClickException(f"cannot write {shown_path(writing)}: {error.strerror}")
    name = error.filename or reading
    where = f"{shown_path(name if isinstance(name, (str, bytes, Path)) else str(name))}: " \
        if name is not None else ""
    return click.ClickException(printable(f"{where}{error.strerror or error}"))


def printable(text: str) -> str:
    """The message without terminal control characters (escaped, so they can be read)."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


@contextmanager
def ending(*, reading: str | Path | None, writing: str | Path | None) -> Iterator[None]:
    """Library and system errors as one line and an exit status (see `os_failure` for
    the file named); quiet ends for Ctrl-C (130) and a reader that went away (`| head`)."""
    try:
        yield
    except StorylineError as e:
        raise failure(e) from None
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as e:
        raise os_failure(e, reading=reading, writing=writing) from None


def write_output(text: str, output: Path | None) -> None:
    """`text` into the file `output` (whole, or not at all) or onto standard output; a
    failure ends the command with one line naming where it could not write."""
    with ending(reading=None, writing=output or "standard output"):
        if output:
            with atomic_writer(output) as f:
                f.write(text)
        else:
            click.echo(text, nl=False)
