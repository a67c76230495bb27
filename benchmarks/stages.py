"""CPU time by stage of `storyline summarize` on a batch, in one process.

    .venv/bin/python benchmarks/stages.py [--clusters 200]

Summarizes the first N clusters of the Multi-News dev sample as a batch does (250 words,
analysis on) with a timer around each stage's function (no profiler, so no overhead to
speak of) and prints the CPU seconds of each, start-up excluded. Reads
../shared/data/multinews_dev250.jsonl by path.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from storyline.analyze import dates, figures, language
from storyline.brief import pipeline
from storyline.engine.batch import summarize_line
from storyline.options import Options

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_dev250.jsonl"
SPENT: dict[str, float] = defaultdict(float)


def timed(module, name: str, label: str) -> None:
    function = getattr(module, name)

    def run(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - start

    setattr(module, name, run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--data", default=str(DATA))
    args = parser.parse_args()
    for module, name in [(pipeline.dating, "date_all"), (pipeline.clean, "clean_all"),
                         (pipeline.segment, "split_all"), (pipeline.vectors, "tfidf"),
                         (pipeline.group, "group"), (pipeline.context, "read"),
                         (pipeline.support, "citations"), (pipeline.checks, "warnings"),
                         (pipeline.select, "openers")]:
        timed(module, name, f"brief: {name}")
    timed(pipeline, "analyze", "analysis (all)")
    timed(figures, "worth_parsing", "analysis: figure candidates")
    timed(dates, "candidates", "analysis: date candidates")
    timed(language, "parse", "analysis: spaCy parse, load included")
    timed(language, "nlp", "analysis: spaCy import and load")  # cached inside: once
    options = Options(words=250)
    start = time.process_time()
    with open(args.data, "rb") as lines:
        for number, line in zip(range(1, args.clusters + 1), lines, strict=False):
            summarize_line((number, line), options)
    total = time.process_time() - start
    print(json.dumps({"clusters": args.clusters, "cpu_seconds": round(total, 2),
                      **{k: round(v, 2) for k, v in sorted(SPENT.items())}}, indent=1))


if __name__ == "__main__":
    main()
