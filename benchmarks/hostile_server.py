"""Two attacks on `storyline serve` from issue 17, measured: a 4.9 MB request of half a
million unknown JSON keys, and one client address holding 1,000 half-sent requests.

    .venv/bin/python benchmarks/hostile_server.py [storyline command ...]

Starts the server as a user does (`storyline serve --workers 1` on a free loopback port),
and reports for the big request the answer's status, size and time, the server
process's peak memory (VmHWM) and the slowest /healthz answer while it ran; for the
held connections, what a second client address (127.0.0.2) gets meanwhile. All traffic
stays on loopback; every loop is bounded; the server is stopped at the end. Give another
command (e.g. `python -m ...` on an older checkout) to measure that one instead.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

HELD = 1000


def main(command: list[str]) -> None:
    port = _free_port()
    server = subprocess.Popen([*command, "serve", "--port", str(port), "--workers", "1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(port)
        print(f"server: {' '.join(command)} (pid {server.pid})")
        print(f"memory at rest: {_memory(server.pid, 'VmRSS')} MB")
        big_request(port, server.pid)
        held_connections(port)
    finally:
        server.terminate()
        server.wait(timeout=30)


def big_request(port: int, pid: int) -> None:
    body = json.dumps({_base36(i): 1 for i in range(500_000)}, separators=(",", ":")).encode()
    stop = threading.Event()
    slowest = [0.0]

    def health() -> None:
        while not stop.is_set():
            start = time.monotonic()
            try:
                _get(port, "/healthz", timeout=30)
            except OSError:
                pass
            slowest[0] = max(slowest[0], time.monotonic() - start)
            time.sleep(0.05)

    watcher = threading.Thread(target=health)
    watcher.start()
    time.sleep(0.5)
    start = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("POST", "/v1/briefs", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    answer = response.read()
    took = time.monotonic() - start
    time.sleep(0.5)
    stop.set()
    watcher.join()
    print(f"{len(body) / 1e6:.1f} MB of {500_000:,} unknown keys: {response.status}, "
          f"answer {len(answer):,} bytes in {took:.2f} s; slowest /healthz meanwhile "
          f"{slowest[0] * 1000:.0f} ms; server peak memory {_memory(pid, 'VmHWM')} MB")
    print(f"  answer begins: {answer[:120]!r}")


def held_connections(port: int) -> None:
    held = []
    for _ in range(HELD):  # half-sent requests: a head promising a body that never comes
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                      b"\r\nContent-Length: 1000\r\n\r\n{")
            held.append(s)
        except OSError:
            break
    time.sleep(1)
    statuses = []
    for path, body in (("/healthz", None), ("/v1/briefs", json.dumps({"documents": [
            (Path(__file__).parent.parent / "examples/baghuz/article-1.txt").read_text()],
            "analysis": False}).encode())):
        try:
            statuses.append(f"{path} {_request(port, path, body, source='127.0.0.2')}")
        except OSError as e:
            statuses.append(f"{path} failed ({e})")
    print(f"{len(held)} half-sent requests from 127.0.0.1; meanwhile 127.0.0.2 gets: "
          + ", ".join(statuses))
    for s in held:
        s.close()


def _request(port: int, path: str, body: bytes | None, source: str = "127.0.0.1") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60,
                                            source_address=(source, 0))
    connection.request("POST" if body else "GET", path, body,
                       {"Content-Type": "application/json"} if body else {})
    response = connection.getresponse()
    response.read()
    return response.status


def _get(port: int, path: str, timeout: float) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status


def _base36(n: int) -> str:
    digits = ""
    while True:
        n, d = divmod(n, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[d] + digits
        if not n:
            return digits


def _memory(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return -1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(port: int) -> None:
    for _ in range(600):
        try:
            if _get(port, "/healthz", timeout=1) == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start within a minute")


if __name__ == "__main__":
    main(sys.argv[1:] or [os.path.join(os.path.dirname(sys.executable), "storyline")])
