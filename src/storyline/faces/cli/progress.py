"""Progress bars on a terminal (standard error), shared by the commands."""

from __future__ import annotations

import sys
from contextlib import contextmanager


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
