"""What each readability rule of the brief costs on ROUGE (issue 12), in-sample.

    .venv/bin/python benchmarks/readability.py ../shared/data/multinews_dev250.jsonl default noopen noante
    .venv/bin/python benchmarks/readability.py ../shared/data/duc2006.jsonl default nonames

Each variant turns rules off inside this process only and summarizes every cluster at
250 words (analysis off), scored as `storyline eval` scores (F1 for Multi-News, recall
for DUC, rouge-score with Porter stemming): `noopen` without the news-first opener,
`noante` without the antecedent rule, `nospeaker` without the speaker rule, `nonames`
without the names rule; join them with "-" to turn several off. Needs the eval extra.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from unittest import mock

import numpy as np

from storyline import Options, summarize
from storyline.brief import context, select
from storyline.evaluate.data import read_clusters
from storyline.evaluate.rouge import Rouge, cut

WORDS = 250


def patches(variant: str) -> list:
    off = set(variant.split("-"))
    chosen = []
    if "noopen" in off:
        chosen.append(mock.patch.object(select, "openers", lambda *a, **k: {}))
    if "noante" in off:
        chosen.append(mock.patch.object(context, "_leans_back", lambda text: False))
    if "nospeaker" in off:
        chosen.append(mock.patch.object(context, "_needs_speaker", lambda text: False))
    if "nonames" in off:
        chosen.append(mock.patch.object(context.Names, "used", lambda self, text: frozenset()))
    return chosen


def main() -> None:
    path, variants = sys.argv[1], sys.argv[2:] or ["default"]
    clusters = list(read_clusters(path))
    rouge = Rouge(measure="recall" if "duc" in path else "f1")
    for variant in variants:
        with ExitStack() as stack:
            for patch in patches(variant):
                stack.enter_context(patch)
            context._opening_needs.cache_clear()
            scores = [rouge.score(cut([s.text for s in summarize(
                c.articles, options=Options(words=WORDS, analysis=False)).sentences], WORDS),
                c.references) for c in clusters]
        print(f"{variant:30s} ROUGE-1 {np.mean([s['rouge1'] for s in scores]):.2f} "
              f"ROUGE-2 {np.mean([s['rouge2'] for s in scores]):.2f}", flush=True)


if __name__ == "__main__":
    main()
