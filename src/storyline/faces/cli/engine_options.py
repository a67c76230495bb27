"""--jobs, --engine and --address: where the work of a command runs (this machine's
processes or a Ray cluster), declared and checked once for every command that has them
(`summarize` on a .jsonl batch, `stories add`)."""

from __future__ import annotations

from collections.abc import Callable

import click


def engine_options(*, jobs: str, engine: str, note: str = "") -> Callable:
    """The three options, added to a command; `jobs` says what the processes do, `engine`
    what runs where, `note` ends the help of --engine."""
    options = [
        click.option("-j", "--jobs", type=click.IntRange(1, 4096), default=None,
                     help=f"{jobs}  [default: 1; with --engine ray, one per CPU of the "
                          "cluster]"),
        click.option("--engine", "engine_name", type=click.Choice(["local", "ray"]),
                     default="local", show_default=True,
                     help=f"{engine}: this machine, or a Ray cluster (pip install "
                          f"'storyline[ray]').{note and ' ' + note}"),
        click.option("--address", metavar="ADDR",
                     help='The Ray cluster for --engine ray: "auto", HOST:PORT or '
                          "ray://HOST:PORT  [default: a Ray instance of this machine, for "
                          "this command]"),
    ]

    def add(command: Callable) -> Callable:
        for option in reversed(options):  # as listed, in --help
            command = option(command)
        return command
    return add


def check_engine_options(engine_name: str, address: str | None) -> None:
    """A misused combination as a usage error (exit status 2)."""
    if address and engine_name != "ray":
        raise click.UsageError("--address is the Ray cluster's; add --engine ray")
