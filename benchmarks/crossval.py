"""Out-of-fold ROUGE of the learned scorer on Multi-News dev (5 folds over the clusters).

    .venv/bin/python benchmarks/crossval.py [--folds 5] [--label recall|density]

For each fold, `storyline.train` fits the weights on the other folds' clusters only, and
Storyline with `scorer=learned` summarizes the fold's clusters with them (250 words,
ROUGE F1, rouge-score with Porter stemming, as `storyline eval`). A cluster is thus
never scored by a model that saw it. The default scorer runs on the same clusters.
Reads ../shared/data/multinews_dev250.jsonl by path; needs the eval extra.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

import storyline.score as score
from storyline import Options, summarize, train
from storyline.evaluate.data import read_clusters
from storyline.evaluate.rouge import Rouge, cut
from storyline.evaluate.stats import interval, paired_difference

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_dev250.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args()
    rows = list(read_clusters(args.data))
    rouge = Rouge("f1")
    scores = {"centrality": [], "learned": []}
    for fold in range(args.folds):
        held = [r for i, r in enumerate(rows) if i % args.folds == fold]
        model = train.train(r for i, r in enumerate(rows) if i % args.folds != fold)
        score.load_weights.cache_clear()
        score.load_weights = _fixed(model)
        for name in scores:
            options = Options(words=args.words, scorer=name, analysis=False)
            for cluster in held:
                brief = summarize(cluster.articles, options=options)
                scores[name].append(rouge.score(cut([s.text for s in brief.sentences],
                                                    args.words), cluster.references))
    out = {}
    for name, values in scores.items():
        r1 = np.array([v["rouge1"] for v in values])
        r2 = np.array([v["rouge2"] for v in values])
        out[name] = {"rouge1": round(r1.mean(), 2), "rouge1_ci": interval(r1),
                     "rouge2": round(r2.mean(), 2), "rouge2_ci": interval(r2)}
    for metric in ("rouge1", "rouge2"):
        a = np.array([v[metric] for v in scores["learned"]])
        b = np.array([v[metric] for v in scores["centrality"]])
        d = paired_difference(a, b)
        out[f"learned-centrality {metric}"] = str(d)
    print(json.dumps(out, indent=1, default=str))


def _fixed(model: dict):
    def load() -> dict:
        return model
    load.cache_clear = lambda: None
    return load


if __name__ == "__main__":
    main()
