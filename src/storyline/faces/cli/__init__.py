"""The command line: parse, call the library, print. Library errors become exit codes here.

One module per command (group), imported when its command runs (a brief does not pay
for the server's or the evaluation's imports); this one holds the `storyline` group.
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
import signal
import sys
import threading
from importlib import import_module

# One BLAS thread, set before numpy loads: the matrices of a brief are small, so a
# second thread gains nothing, and its idle spinning costs CPU from start-up on
# (measured: 0.1 s of a cold `storyline summarize`). Batches and workers keep BLAS to
# one thread anyway (engine/pool.py). A value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
# The collector's youngest generation collected every 20,000 new objects, not 700: a
# brief makes and drops many small objects, and every older collection walks the ones
# that survive, spaCy's model among them (70,000 objects). This more than halves the
# time spent collecting (0.35 -> 0.13 s of CPU on 200 Multi-News clusters).
gc.set_threshold(20_000, *gc.get_threshold()[1:])

import click  # noqa: E402

from ... import __version__  # noqa: E402
from .errors import printable  # noqa: E402

# Each command: the module that defines it and its name there.
_COMMANDS = {
    "summarize": ("summarize", "summarize_command"),
    "eval": ("evaluate", "eval_command"),
    "serve": ("serve", "serve_command"),
    "train": ("evaluate", "train_command"),
    "timeline": ("timeline", "timeline_command"),
    "stories": ("stories", "stories_group"),
}


class _Commands(click.Group):
    """The group of commands, whose every error message (ours and click's, which may quote
    a file name given on the command line) is printed without terminal control characters.
    A command's module is imported when the command is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in _COMMANDS:
            module, attribute = _COMMANDS[name]
            self.add_command(getattr(import_module(f".{module}", __name__), attribute), name)
        return self.commands.get(name)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand:  # load them all, so click suggests the nearest
            for name in _COMMANDS:
                self.get_command(ctx, name)
            return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.ClickException as e:
            e.message = printable(e.message)
            raise
        finally:
            self.ran = ctx.invoked_subcommand

    def main(self, args=None, *rest, **options):
        if args is not None:  # called by code (a test, another program), which goes on
            return super().main(args, *rest, **options)
        try:  # the `storyline` program itself (its arguments are the process's)
            return super().main(args, *rest, **options)
        except SystemExit as done:
            if getattr(self, "ran", None) in _EXIT_AT_ONCE:
                _exit_now(done.code)
            raise


# The commands whose process ends without the interpreter's teardown (`_exit_now`): they
# write their output whole and close it (a brief, a batch, a timeline).
_EXIT_AT_ONCE = frozenset({"summarize", "timeline"})


def _exit_now(code) -> None:
    """End the program without the interpreter's teardown, which frees every object one
    at a time (speed: 77 M instructions, a twelfth of the example's brief from a cold
    start; 160 M after 200 clusters). What an exit does that matters is done first: the
    exit handlers (the log's, the pattern cache's) and the flush of stdout and stderr.
    Only for an exit code with no other thread running; otherwise (or when the flush
    fails) this returns and the exit goes the usual way."""
    if (code is not None and not isinstance(code, int) or threading.active_count() > 1
            or not hasattr(atexit, "_run_exitfuncs")):  # (CPython's; they run once)
        return
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # (a closed pipe: the usual exit reports it)
        return
    os._exit(code or 0)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
