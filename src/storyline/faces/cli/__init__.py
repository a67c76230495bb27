"""The command line: parse, call the library, print. Library errors become exit codes here.

One module per command (group); this one holds the `storyline` group itself.
"""

from __future__ import annotations

import logging
import signal
import sys

import click

from ... import __version__
from . import evaluate, serve, stories, summarize, timeline
from .errors import printable


class _Commands(click.Group):
    """The group of commands, whose every error message (ours and click's, which may quote
    a file name given on the command line) is printed without terminal control characters."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.ClickException as e:
            e.message = printable(e.message)
            raise


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


for _command in (summarize.summarize_command, evaluate.eval_command, serve.serve_command,
                 evaluate.train_command, timeline.timeline_command, stories.stories_group):
    main.add_command(_command)
