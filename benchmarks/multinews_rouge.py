"""Quick quality and speed check on the Multi-News dev sample: Storyline against Lead.

ROUGE-1/2/L/Lsum F1 (rouge-score, Porter stemming) at a 250-word budget, one reference
per cluster, and clusters per second. A stop-gap until `storyline eval`; needs
`pip install rouge-score`. Reads ../shared/data by path and never copies it.

Run: .venv/bin/python benchmarks/multinews_rouge.py [PATH] [--words 250]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from rouge_score import rouge_scorer

from storyline import summarize
from storyline.clean import clean_all
from storyline.ingest import to_articles

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_dev250.jsonl"
METRICS = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def lead(documents: list[str], words: int) -> list[str]:
    """The first `words` words of the cleaned articles, one after another."""
    articles, _ = clean_all(to_articles(documents))
    out = " ".join(a.text for a in articles).split()[:words]
    return [" ".join(out)]


def storyline(documents: list[str], words: int) -> list[str]:
    return [s.text for s in summarize(documents, words=words).sentences]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args()
    if not args.path.exists():
        sys.exit(f"{args.path} not found; give the path of a JSON Lines file with references")
    clusters = [json.loads(line) for line in args.path.open() if line.strip()]
    scorer = rouge_scorer.RougeScorer(METRICS, use_stemmer=True)
    print(f"{len(clusters)} clusters from {args.path.name}, {args.words} words, F1\n")
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-L | ROUGE-Lsum | clusters/s |")
    print("|---|---|---|---|---|---|")
    for name, system in [("Storyline", storyline), ("Lead (first N words)", lead)]:
        scores = {m: [] for m in METRICS}
        start = time.perf_counter()
        outputs = [system(c["documents"], args.words) for c in clusters]
        rate = len(clusters) / (time.perf_counter() - start)
        for c, sentences in zip(clusters, outputs):
            result = scorer.score(c["summaries"][0], "\n".join(sentences))
            for m in METRICS:
                scores[m].append(result[m].fmeasure)
        row = " | ".join(f"{100 * statistics.mean(scores[m]):.2f}" for m in METRICS)
        print(f"| {name} | {row} | {rate:.1f} |")


if __name__ == "__main__":
    main()
