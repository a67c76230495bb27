"""Real processes for tests: `storyline serve` started as a user starts it, and the
processes a command started, read from /proc (Linux)."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

STORYLINE = shutil.which("storyline", path=str(Path(sys.executable).parent))


@dataclass(frozen=True)
class Server:
    port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(*args: str):
    """`storyline serve --port P *args`, once it answers /healthz; stopped at the end."""
    port = free_port()
    process = subprocess.Popen([STORYLINE, "serve", "--port", str(port), *map(str, args)],
                               stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(300):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"storyline serve exited: {process.stderr.read()}")
                time.sleep(0.1)
        else:
            pytest.fail("storyline serve did not answer /healthz within 30 s")
        yield Server(port, process)
    finally:
        process.terminate()
        process.wait(timeout=30)


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
