"""Load test of `storyline serve`: many concurrent clients against 127.0.0.1.

Starts the server as a user would (`storyline serve`), then runs `--clients` clients
that each post the bundled example cluster (5 articles, 120 words) again and again for
`--seconds` seconds, or until `--max-requests` in all; a client refused with 503 tries
again after 0.1 s. Prints briefs per second, the latency percentiles of the briefs, the
count of each status and of client errors, and the peak resident memory of the server's
process tree (sampled every 0.2 s). Not a unit test.

Run: .venv/bin/python benchmarks/load.py [--clients 50] [--seconds 30] [--workers N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines()
                          if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration):
            continue
    return total / 1024


async def client(http: httpx.AsyncClient, url: str, body: dict, deadline: float,
                 budget: list[int], latencies: list[float], statuses: Counter) -> None:
    """Posts until the deadline; `latencies` gets the time of each 200 answer."""
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        start = time.perf_counter()
        try:
            response = await http.post(url, json=body)
            statuses[response.status_code] += 1
        except httpx.HTTPError as e:
            statuses[type(e).__name__] += 1
            continue
        if response.status_code == 200:
            latencies.append(time.perf_counter() - start)
        elif response.status_code == 503:
            await asyncio.sleep(0.1)  # refused: try again shortly


async def run(args, base: str, server_pid: int) -> dict:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/baghuz")
                                                            .glob("article-*.txt"))]
    body = {"documents": texts, "words": 120}
    latencies: list[float] = []
    statuses: Counter = Counter()
    peak = [0.0]

    async def sample():
        while True:
            peak[0] = max(peak[0], tree_rss_mb(server_pid))
            await asyncio.sleep(0.2)

    sampler = asyncio.create_task(sample())
    limits = httpx.Limits(max_connections=args.clients)
    async with httpx.AsyncClient(timeout=120, limits=limits) as http:
        start = time.monotonic()
        deadline = start + args.seconds
        budget = [args.max_requests]
        await asyncio.gather(*(client(http, base + "/v1/briefs", body, deadline, budget,
                                      latencies, statuses) for _ in range(args.clients)))
        elapsed = time.monotonic() - start
    sampler.cancel()
    ordered = sorted(latencies) or [float("nan")]
    return {
        "clients": args.clients, "seconds": round(elapsed, 1),
        "requests": sum(statuses.values()), "briefs": len(latencies),
        "briefs_per_second": round(len(latencies) / elapsed, 2),
        "brief_p50_ms": round(1000 * statistics.median(ordered)),
        "brief_p99_ms": round(1000 * ordered[int(0.99 * (len(ordered) - 1))]),
        "statuses": {str(k): v for k, v in sorted(statuses.items(), key=str)},
        "server_peak_mb": round(peak[0]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [shutil.which("storyline", path=str(Path(sys.executable).parent)), "serve",
               "--port", str(port)] + (["--workers", str(args.workers)] if args.workers else [])
    server = subprocess.Popen(command)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        result = asyncio.run(run(args, base, server.pid))
        print(json.dumps(result, indent=2))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
