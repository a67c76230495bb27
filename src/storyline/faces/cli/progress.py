"""Progress bars on a terminal (standard error), and the width text is wrapped to, shared
by the commands."""

from __future__ import annotations

import shutil
import sys
from contextlib import contextmanager

TEXT_WIDTH = 88  # columns of text output: a file's, or a terminal's that is wider


def text_width(to_file: bool = False) -> int:
    """The columns text is wrapped to: TEXT_WIDTH, or a narrower terminal's (its own
    wrapping broke words: "cross / ings")."""
    if to_file or not sys.stdout.isatty():
        return TEXT_WIDTH
    return max(40, min(TEXT_WIDTH, shutil.get_terminal_size((TEXT_WIDTH, 24)).columns))


@contextmanager
def stages():
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
