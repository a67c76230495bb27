"""Batches on Ray against local runs, side by side: `storyline summarize` as a user runs it.

    .venv/bin/python benchmarks/ray.py [--sizes 200,250,2500] [--repeat 2] [--analysis on,off]
                                       [--runs jobs1,jobs2,ray-local,ray-1node,ray-2nodes]
                                       [--plans 200:on,2500:off]  (instead of sizes x analysis)

Inputs: the first N clusters of the Multi-News dev sample (../shared/data/multinews_dev250.jsonl);
an N above 250 repeats the 250 with fresh ids (the 10x input is 2500). Each command runs in
a fresh process, start-up included, and writes with -o; every output is checked to be
byte for byte the one-process output of the same input and options.

- jobs1, jobs2: `--jobs 1` and `--jobs 2` on this machine.
- ray-local: `--engine ray` without an address (a Ray instance of its own for the run).
- ray-1node, ray-2nodes: `--engine ray --address ...` on a cluster started the way a user
  starts one (`ray start --head`, `ray start --address`), one CPU per node, so the second
  node is one added worker; the cluster's own start and stop are timed apart.

Peak memory: the largest sum of resident memory over the command's processes and, for a
cluster, over each node's processes (sampled every 0.2 s). Prints one JSON line per run.
Needs the `ray` extra. On a shared machine, compare ratios within one run only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from ray_cluster import ENV, cluster

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_dev250.jsonl"
STORYLINE = str(Path(sys.executable).parent / "storyline")
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb(pids) -> float:
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError):
            pass
    return total / 2**20


def tree(pid: int) -> list[int]:
    """`pid` and its descendants."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents.setdefault(int(stat[stat.rindex(")") + 2:].split()[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(parents.get(p, []))
    return found


class Peak(threading.Thread):
    """Samples the peak memory of some groups of processes while a command runs."""

    def __init__(self, groups):
        super().__init__(daemon=True)
        self.groups, self.peaks, self.done = groups, {name: 0.0 for name in groups}, False

    def run(self):
        while not self.done:
            for name, pids in self.groups.items():
                self.peaks[name] = max(self.peaks[name], rss_mb(pids()))
            time.sleep(0.2)


def make_input(folder: Path, n: int) -> Path:
    lines = DATA.read_text().splitlines()
    out = folder / f"mn{n}.jsonl"
    with out.open("w") as f:
        for i in range(n):
            obj = json.loads(lines[i % len(lines)])
            if i >= len(lines):
                obj["id"] = f"{obj.get('id', i % len(lines))}-copy{i // len(lines)}"
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return out


def timed(command: list[str], groups: dict) -> tuple[float, dict, int]:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, **ENV})
    peak = Peak({"command": lambda: tree(process.pid), **groups})
    peak.start()
    code = process.wait()
    seconds = time.perf_counter() - start
    peak.done = True
    peak.join()
    return seconds, {k: round(v) for k, v in peak.peaks.items()}, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,250,2500")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--analysis", default="on,off")
    parser.add_argument("--runs", default="jobs1,jobs2,ray-local,ray-1node,ray-2nodes")
    parser.add_argument("--plans", help="instead of sizes x analysis: e.g. 200:on,2500:off")
    args = parser.parse_args()
    runs = args.runs.split(",")
    if args.plans:
        plans = [(int(n), a) for n, a in (p.split(":") for p in args.plans.split(","))]
    else:
        plans = [(int(n), a) for n in args.sizes.split(",") for a in args.analysis.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = {n: make_input(folder, n) for n in sorted({n for n, _ in plans})}
        reference: dict = {}

        def measure(name: str, n: int, analysis: str, extra: list[str], groups=None):
            out = folder / "out.jsonl"
            command = [STORYLINE, "summarize", str(inputs[n]), "-o", str(out), "--words", "250",
                       *([] if analysis == "on" else ["--no-analysis"]), *extra]
            times, peaks = [], {}
            for _ in range(args.repeat):
                out.unlink(missing_ok=True)
                seconds, peak, code = timed(command, groups or {})
                assert code in (0, 1), f"{name} failed with status {code}"
                times.append(seconds)
                peaks = {k: max(v, peaks.get(k, 0)) for k, v in peak.items()}
                body = out.read_bytes()
                same = reference.setdefault((n, analysis), body) == body
                assert same, f"{name} on {n} clusters wrote other bytes than one process"
            print(json.dumps({"run": name, "clusters": n, "analysis": analysis,
                              "seconds": round(statistics.median(times), 2),
                              "runs": [round(t, 2) for t in times],
                              "clusters_per_s": round(n / statistics.median(times), 1),
                              "peak_mb": peaks, "same_bytes": True}), flush=True)

        one = folder / "one.jsonl"  # the fixed cost: a batch of one cluster, brief only
        one.write_text(DATA.read_text().split("\n", 1)[0] + "\n")
        for name, extra in (("jobs1", []), ("jobs2", ["--jobs", "2"]),
                            ("ray-local", ["--engine", "ray"])):
            if name in runs:
                seconds = [timed([STORYLINE, "summarize", str(one), "-o", str(folder / "o1"),
                                  "--no-analysis", *extra], {}) for _ in range(args.repeat)]
                print(json.dumps({"run": name, "one_cluster_s": round(statistics.median(
                    s for s, _, _ in seconds), 2), "peak_mb": seconds[-1][1]}), flush=True)
        for n, analysis in plans:
            for name, extra in (("jobs1", ["--jobs", "1"]), ("jobs2", ["--jobs", "2"]),
                                ("ray-local", ["--engine", "ray"])):
                if name in runs or (name == "jobs1" and (n, analysis) not in reference):
                    measure(name, n, analysis, extra)
        for nodes in (1, 2):
            name = f"ray-{nodes}node{'s' if nodes > 1 else ''}"
            if name not in runs:
                continue
            start = time.perf_counter()
            with cluster(nodes=nodes, cpus=1) as (address, started):
                up = time.perf_counter() - start
                print(json.dumps({"cluster": name, "start_s": round(up, 1),
                                  "idle_mb": [round(rss_mb(node.processes()))
                                              for node in started]}), flush=True)
                groups = {f"node{i}": (lambda node=node: node.processes())
                          for i, node in enumerate(started)}
                seconds, _, _ = timed([STORYLINE, "summarize", str(one), "-o",
                                       str(folder / "o1.jsonl"), "--no-analysis",
                                       "--engine", "ray", "--address", address], {})
                print(json.dumps({"cluster": name, "one_cluster_run_s": round(seconds, 2)}),
                      flush=True)
                for n, analysis in plans:
                    measure(name, n, analysis, ["--engine", "ray", "--address", address],
                            groups)
                stop = time.perf_counter()
            print(json.dumps({"cluster": name, "stop_s": round(time.perf_counter() - stop, 1)}),
                  flush=True)


if __name__ == "__main__":
    main()
