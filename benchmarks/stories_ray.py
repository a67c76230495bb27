"""`storyline stories add` on Ray against local runs, side by side, as a user runs it.

    .venv/bin/python benchmarks/stories_ray.py [--streams multinews,duc2006]
                                               [--runs plain,jobs2,ray-local,ray-1node]

Each story stream of ../shared/data (stories_multinews_dev.jsonl, 690 articles;
stories_duc2006.jsonl, 1,250) goes into a new store with one `stories add` command in a
fresh process, start-up included:

- plain: one process (the per-article work through the built-in map).
- jobs2: `--jobs 2`, the per-article work in two local processes.
- ray-local: `--engine ray`, a Ray instance of the command's own (started and ended by it).
- ray-1node: `--engine ray --address` on a one-node cluster of 2 CPUs started with
  `ray start --head` (its own start timed apart).

The fixed cost is a stream of one article in each mode. Every store is checked to hold
what the plain run's holds (every table, every row, clock columns aside). Peak memory:
the largest sum of resident memory over the command's processes (and the node's). Prints
one JSON line per run, with the load average before and after. Needs the `ray` extra.
On a shared machine, compare ratios within one run only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from ray_cluster import cluster  # noqa: E402
from test_stories_engine import store_contents  # noqa: E402

# benchmarks/ray.py's timing and memory sampling (loaded under another name than the
# ray package's)
_spec = importlib.util.spec_from_file_location("ray_benchmark", HERE / "ray.py")
_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench)
STORYLINE, rss_mb, timed = _bench.STORYLINE, _bench.rss_mb, _bench.timed

DATA = HERE.parents[1] / "shared" / "data"
STREAMS = {"multinews": DATA / "stories_multinews_dev.jsonl",
           "duc2006": DATA / "stories_duc2006.jsonl"}


def load() -> float:
    return os.getloadavg()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", default="multinews,duc2006")
    parser.add_argument("--runs", default="plain,jobs2,ray-local,ray-1node")
    args = parser.parse_args()
    runs = args.runs.split(",")
    streams = {name: STREAMS[name] for name in args.streams.split(",")}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one = folder / "one.jsonl"
        one.write_text(next(iter(streams.values())).read_text().split("\n", 1)[0] + "\n")
        reference: dict = {}

        def measure(name: str, extra: list[str], groups=None) -> None:
            for stream in ("one", *streams):
                path = one if stream == "one" else streams[stream]
                db = folder / f"{name}-{stream}.db"
                before = load()
                seconds, peak, code = timed([STORYLINE, "stories", "add", str(path), "--db",
                                             str(db), *extra], groups or {})
                assert code == 0, f"{name} on {stream} failed with status {code}"
                contents = store_contents(db)
                same = reference.setdefault(stream, contents) == contents
                assert same, f"{name} on {stream} stored other rows than the plain run"
                articles = sum(1 for line in path.open() if line.strip())
                print(json.dumps({"run": name, "stream": stream, "articles": articles,
                                  "seconds": round(seconds, 2),
                                  "articles_per_s": round(articles / seconds, 1),
                                  "peak_mb": peak, "same_store": True,
                                  "load": [round(before, 1), round(load(), 1)]}), flush=True)

        for name, extra in (("plain", []), ("jobs2", ["--jobs", "2"]),
                            ("ray-local", ["--engine", "ray"])):
            if name in runs or (name == "plain" and not reference):
                measure(name, extra)
        if "ray-1node" in runs:
            start = time.perf_counter()
            with cluster(nodes=1, cpus=2) as (address, started):
                print(json.dumps({"cluster": "ray-1node", "start_s": round(
                    time.perf_counter() - start, 1), "idle_mb": round(rss_mb(
                        started[0].processes()))}), flush=True)
                measure("ray-1node", ["--engine", "ray", "--address", address],
                        {"node": started[0].processes})


if __name__ == "__main__":
    main()
