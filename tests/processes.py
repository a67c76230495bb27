"""Real processes for tests: `storyline serve` started as a user starts it, batch runs
watched through their partial output, a command run in a fresh interpreter, and the
processes a command started, read from /proc (Linux)."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

STORYLINE = shutil.which("storyline", path=str(Path(sys.executable).parent))


@dataclass(frozen=True)
class Server:
    port: int
    process: subprocess.Popen
    stderr: IO[str]  # a file, not a pipe: a pipe nobody reads would stop the server when full

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        """What the server has written to its standard error."""
        self.stderr.seek(0)
        return self.stderr.read()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(*args: str):
    """`storyline serve --port P *args`, once it answers /healthz; stopped at the end."""
    port = free_port()
    stderr = tempfile.TemporaryFile("w+")
    process = subprocess.Popen([STORYLINE, "serve", "--port", str(port), *map(str, args)],
                               stderr=stderr, text=True)
    server = Server(port, process, stderr)
    try:
        for _ in range(300):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"storyline serve exited: {server.log()}")
                time.sleep(0.1)
            finally:
                connection.close()  # not held open: the server caps connections per client
        else:
            pytest.fail("storyline serve did not answer /healthz within 30 s")
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)
        stderr.close()


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                found += [int(entry)] if _stat(int(entry))[1] == str(pid) else []
            except OSError:
                continue
    return found


def alive(pid: int) -> bool:
    try:
        return _stat(pid)[0] != "Z"
    except OSError:
        return False


def cpu_ticks(pid: int) -> int:
    """The CPU time `pid` has used (user + system), in clock ticks."""
    fields = _stat(pid)
    return int(fields[11]) + int(fields[12])


def _stat(pid: int) -> list[str]:
    """/proc/PID/stat after the command name: state, parent, ... (proc(5), from field 3)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.rindex(")") + 2:].split()


def wait_for_partial(folder: Path, lines: int, run: subprocess.Popen,
                     seconds: float = 300) -> Path:
    """The partial output (`.NAME.RUN.partial`) of a batch `run` writing into `folder`,
    once it holds `lines` lines; the run is killed if it ends or stalls before."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and run.poll() is None:
        partial = list(folder.glob(".*.partial"))
        if partial and partial[0].read_bytes().count(b"\n") >= lines:
            return partial[0]
        time.sleep(0.05)
    run.kill()
    raise AssertionError(f"the run ended or stalled before it had written {lines} lines")


def temporaries(folder: Path) -> list[Path]:
    """The hidden files in `folder`: what a batch leaves beside its output."""
    return [p for p in folder.iterdir() if p.name.startswith(".")]


def imports_ray(*args: str) -> bool:
    """Whether `storyline ARGS` imports Ray, run in a fresh interpreter."""
    script = ("import sys; from storyline.faces.cli import main\n"
              "try:\n    main(sys.argv[1:])\n"
              "except SystemExit:\n    pass\n"
              "print('ray' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], check=False,
                          capture_output=True, text=True)
    assert done.stdout.strip(), done.stderr
    return done.stdout.strip().splitlines()[-1] == "True"
