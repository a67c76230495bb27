"""CPU time by stage of `storyline summarize` on a batch, in one process.

    .venv/bin/python benchmarks/stages.py [--clusters 200] [--no-analysis]

Summarizes the first N clusters of the Multi-News dev sample as a batch does (250 words,
analysis on unless --no-analysis) with a timer around each stage's function (no
profiler, so no overhead to speak of) and prints, for each stage, its CPU seconds, its
milliseconds per cluster and its share, start-up excluded; "brief: the rest" is scoring,
selection, order, the JSON and what no timer covers. It also counts the sentences spaCy
parsed (with and without its entity recognizer). Reads
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
PARSED = {"with entities": 0, "without entities": 0}


def timed(module, name: str, label: str) -> None:
    function = getattr(module, name)

    def run(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - start

    setattr(module, name, run)


def counted(module, name: str) -> None:
    function = getattr(module, name)

    def run(sentences, priority=None, entities=None):
        named = len(sentences) if entities is None else len(entities)
        PARSED["with entities"] += named
        PARSED["without entities"] += len(sentences) - named
        return function(sentences, priority, entities=entities)

    setattr(module, name, run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--no-analysis", action="store_true")
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
    counted(language, "parse")
    timed(language, "parse", "analysis: spaCy parse, load included")
    timed(language, "nlp", "analysis: spaCy import and load")  # cached inside: once
    options = Options(words=250, analysis=not args.no_analysis)
    start = time.process_time()
    with open(args.data, "rb") as lines:
        for number, line in zip(range(1, args.clusters + 1), lines, strict=False):
            summarize_line((number, line), options)
    total = time.process_time() - start
    brief = total - SPENT["analysis (all)"]
    SPENT["brief: the rest"] = brief - sum(v for k, v in SPENT.items() if k.startswith("brief"))
    SPENT["brief (all)"] = brief
    stages = {k: {"cpu_seconds": round(v, 2), "ms_per_cluster": round(1000 * v / args.clusters, 1),
                  "share": round(v / total, 3)} for k, v in sorted(SPENT.items())}
    print(json.dumps({"clusters": args.clusters, "cpu_seconds": round(total, 2),
                      "spacy_sentences": PARSED, "stages": stages}, indent=1))


if __name__ == "__main__":
    main()
