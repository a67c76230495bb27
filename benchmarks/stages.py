"""CPU time by stage of `storyline summarize` on a batch, in one process.

    .venv/bin/python benchmarks/stages.py [--clusters 200] [--no-analysis] [--chunk 16]

Summarizes the first N clusters of the Multi-News dev sample as a batch in one process
does (250 words, analysis on unless --no-analysis; `--chunk` clusters at a time, their
parses made together, as `storyline summarize` does) with a timer around each stage's
function (no profiler, so no overhead to speak of) and prints, for each stage, its CPU
seconds, its milliseconds per cluster and its share, start-up excluded; "analysis:
rules" is the analysis but for spaCy; "brief: the rest" is scoring, selection, order,
the JSON and what no timer covers. It also counts the sentences spaCy tagged and parsed
(with and without its entity recognizer) and those it read for their entities only.
Reads ../shared/data/multinews_dev250.jsonl by path.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

# First, as `storyline summarize` runs: the CLI's module sets one BLAS thread (before
# numpy loads) and its collector's threshold. Without it, two BLAS threads' idle spinning
# was counted as spaCy's parse (3.9 s against 1.2 s of CPU on a busy machine).
import storyline.faces.cli  # noqa: F401
from storyline.analyze import dates, figures, language
from storyline.brief import pipeline
from storyline.engine.batch import summarize_lines
from storyline.options import Options

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_dev250.jsonl"
SPENT: dict[str, float] = defaultdict(float)
PARSED = {"with entities": 0, "without entities": 0, "entities only": 0}


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

    def run(requests):
        for sentences, _, entities, tagged in requests:  # (an upper bound: the parse
            for i in range(len(sentences)):  # skips sentences without a number or a date)
                named = entities is None or i in entities
                if tagged is None or i in tagged:
                    PARSED["with entities" if named else "without entities"] += 1
                elif named:
                    PARSED["entities only"] += 1
        return function(requests)

    setattr(module, name, run)


def timed_steps(module, name: str, label: str) -> None:
    """Time a generator's own work (`pipeline.analysis`), not what it waits for."""
    function = getattr(module, name)

    def run(*args, **kwargs):
        work, sent = function(*args, **kwargs), None
        while True:
            start = time.process_time()
            try:
                request = work.send(sent)
            except StopIteration as done:
                return done.value
            finally:
                SPENT[label] += time.process_time() - start
            sent = yield request

    setattr(module, name, run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--no-analysis", action="store_true")
    parser.add_argument("--chunk", type=int, default=16)
    args = parser.parse_args()
    for module, name in [(pipeline.dating, "date_all"), (pipeline.clean, "clean_all"),
                         (pipeline.segment, "split_all"), (pipeline.vectors, "tfidf"),
                         (pipeline.group, "group"), (pipeline.context, "read"),
                         (pipeline.support, "citations"), (pipeline.checks, "warnings"),
                         (pipeline.select, "openers")]:
        timed(module, name, f"brief: {name}")
    timed_steps(pipeline, "analysis", "analysis: rules")
    timed(figures, "worth_parsing", "analysis: figure candidates")
    timed(dates, "candidates", "analysis: date candidates")
    counted(language, "parse_many")
    timed(language, "parse_many", "analysis: spaCy parse, load included")
    timed(language, "nlp", "analysis: spaCy import and load")  # cached inside: once
    options = Options(words=250, analysis=not args.no_analysis)
    start = time.process_time()
    with open(args.data, "rb") as lines:
        numbered = list(zip(range(1, args.clusters + 1), lines, strict=False))
    for first in range(0, len(numbered), args.chunk):
        summarize_lines(numbered[first:first + args.chunk], options)
    total = time.process_time() - start
    SPENT["analysis (all)"] = (SPENT["analysis: rules"]
                               + SPENT["analysis: spaCy parse, load included"])
    brief = total - SPENT["analysis (all)"]
    SPENT["brief: the rest"] = brief - sum(v for k, v in SPENT.items() if k.startswith("brief"))
    SPENT["brief (all)"] = brief
    stages = {k: {"cpu_seconds": round(v, 2), "ms_per_cluster": round(1000 * v / args.clusters, 1),
                  "share": round(v / total, 3)} for k, v in sorted(SPENT.items())}
    print(json.dumps({"clusters": args.clusters, "cpu_seconds": round(total, 2),
                      "spacy_sentences": PARSED, "stages": stages}, indent=1))


if __name__ == "__main__":
    main()
