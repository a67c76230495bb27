"""A batch as a user runs it: `storyline summarize CLUSTERS.jsonl`, against sumy's LexRank.

    .venv/bin/python benchmarks/batch.py [--clusters 200] [--repeat 3]

Writes the first N clusters of the Multi-News dev sample to a temporary .jsonl, then
times, each in a fresh process with start-up included, `storyline summarize` on it
(default, --jobs 2, --no-analysis, --no-analysis --jobs 2; 250 words) and a Python
process that imports sumy and runs LexRank (as `storyline eval` sets it up) on the same
clusters. Storyline's sources are first compiled to bytecode, as `pip install` does for
sumy and for a non-editable install of Storyline (an editable install under
PYTHONDONTWRITEBYTECODE=1 would otherwise compile them in every process). Reports the median wall time of `--repeat` runs and the peak memory of each
command (its largest process) and its CPU time (user + system, all its processes: on a
shared machine a steadier measure of the work than the wall time). Reads ../shared/data/multinews_dev250.jsonl by path;
needs the eval extra.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_dev250.jsonl"
BIN = Path(sys.executable).parent
LEXRANK = """
import sys
from storyline.evaluate.data import read_clusters
from storyline.evaluate.systems import builtin, make
run = make(builtin("lexrank"), 250, "f1")
with open(sys.argv[2], "w") as out:
    for cluster in read_clusters(sys.argv[1]):
        out.write(" ".join(run(cluster)) + "\\n")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--only", help="run only the commands whose name holds this text "
                        "(LexRank always runs)")
    args = parser.parse_args()
    for folder in importlib.util.find_spec("storyline").submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "clusters.jsonl"
        with open(args.data) as source:
            lines = [line for _, line in zip(range(args.clusters), source, strict=False)]
        batch.write_text("".join(lines))
        out = str(Path(tmp) / "out.jsonl")
        storyline = [str(BIN / "storyline"), "summarize", str(batch), "--words", "250",
                     "-o", out]
        commands = {
            "storyline summarize (default)": storyline,
            "storyline summarize --jobs 2": [*storyline, "--jobs", "2"],
            "storyline summarize --no-analysis": [*storyline, "--no-analysis"],
            "storyline summarize --no-analysis --jobs 2": [*storyline, "--no-analysis",
                                                           "--jobs", "2"],
            "sumy LexRank": [sys.executable, "-c", LEXRANK, str(batch), out],
        }
        for name, command in commands.items():
            if args.only and args.only not in name and name != "sumy LexRank":
                continue
            times, cpu, peak = [], [], 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                done = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", *command],
                                      check=True, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True)
                times.append(time.perf_counter() - start)
                kb, user, system = done.stderr.split()[-3:]
                peak = max(peak, int(kb))  # kB, its largest process
                cpu.append(float(user) + float(system))  # all its processes
            print(json.dumps({"command": name, "clusters": args.clusters,
                              "seconds": round(statistics.median(times), 2),
                              "runs": [round(t, 2) for t in times],
                              "cpu_seconds": round(statistics.median(cpu), 2),
                              "peak_mb": round(peak / 1024)}), flush=True)


if __name__ == "__main__":
    main()
