"""Out-of-fold ROUGE of the learned scorer and its ablations on Multi-News dev.

    .venv/bin/python benchmarks/crossval.py [--folds 5] [VARIANT ...]

For each fold (cluster i is in fold i mod 5), `storyline.evaluate.train` fits the weights on the
other folds' clusters only, and Storyline summarizes the fold's clusters with them (250
words, ROUGE F1, rouge-score with Porter stemming, as `storyline eval`). A cluster is
thus never scored by a model that saw it. Each variant changes one part (a label part,
a group of features, the readability penalty, cleaning, the splitter's rules) inside
this process only; `centrality` is the unsupervised scorer on the same clusters. Prints
one JSON line per variant, with 95% bootstrap intervals and the paired difference from
`learned` (the default).
Reads ../shared/data/multinews_dev250.jsonl by path; needs the eval extra.
"""

from __future__ import annotations

import argparse
import json
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import numpy as np

import storyline.brief.score as score
from storyline import Options, summarize
from storyline.brief import clean, segment
from storyline.evaluate import train
from storyline.evaluate.data import read_clusters
from storyline.evaluate.rouge import Rouge, cut
from storyline.evaluate.stats import interval, paired_difference

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_dev250.jsonl"

# Feature groups, each ablated by holding its columns at zero in training and scoring.
GROUPS = {
    "position": ("lead", "first", "position"),
    "centrality": ("central",),
    "support": ("support", "cross_support"),
    "length": ("words", "short"),
    "content": ("quote", "digits", "capitals", "statement", "question"),
    "article": ("article_order", "article_size"),
}
VARIANTS = ["learned", "centrality", "label: oracle only", "label: density only",
            "no readability penalty", *(f"without {g} features" for g in GROUPS),
            "no cleaning", "splitter without news rules"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="*", default=VARIANTS,
                        help=f"among: {', '.join(VARIANTS)}")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args()
    rows = list(read_clusters(args.data))
    rouge = Rouge("f1")
    results = {}
    for variant in ["learned", *[v for v in args.variants if v != "learned"]]:
        values = []
        with ExitStack() as patches:
            for patch in _patches(variant):
                patches.enter_context(patch)
            for fold in range(args.folds):
                held = [r for i, r in enumerate(rows) if i % args.folds == fold]
                model = train.train(r for i, r in enumerate(rows) if i % args.folds != fold)
                with mock.patch.object(score, "load_weights", lambda m=model: m):
                    options = Options(words=args.words, analysis=False,
                                      scorer="centrality" if variant == "centrality"
                                      else "learned")
                    for cluster in held:
                        brief = summarize(cluster.articles, options=options)
                        values.append(rouge.score(cut([s.text for s in brief.sentences],
                                                      args.words), cluster.references))
        results[variant] = {m: np.array([v[m] for v in values]) for m in ("rouge1", "rouge2")}
        line = {"variant": variant}
        for metric, scores in results[variant].items():
            line[metric] = round(float(scores.mean()), 2)
            line[f"{metric}_ci"] = [round(v, 2) for v in interval(scores)]
            if variant != "learned":
                d = paired_difference(scores, results["learned"][metric])
                line[f"{metric}_vs_learned"] = [round(d.mean, 2), round(d.p_value, 3)]
        print(json.dumps(line), flush=True)


def _patches(variant: str) -> list:
    if variant == "label: oracle only":
        return [mock.patch.dict(train.LABEL_PARTS, {"density": 0.0})]
    if variant == "label: density only":
        return [mock.patch.dict(train.LABEL_PARTS, {"oracle": 0.0})]
    if variant == "no cleaning":  # the articles as they come, clutter and all
        return [mock.patch.object(clean, "clean_all", lambda articles: (articles, []))]
    if variant == "splitter without news rules":  # nupunkt alone: "Sept." "U.S." may split
        return [mock.patch.object(segment, "_false_split", lambda before, after: False)]
    if variant == "no readability penalty":
        return [mock.patch.object(score, "LEARNED_DANGLING_FACTOR", 1.0)]
    if variant.startswith("without "):
        columns = [score.FEATURES.index(f) for f in GROUPS[variant.split()[1]]]

        def zeroed(*args, _features=score.features):
            x = _features(*args)
            x[:, columns] = 0.0
            return x
        return [mock.patch.object(score, "features", zeroed),
                mock.patch.object(train, "features", zeroed)]
    if variant not in ("learned", "centrality"):
        raise SystemExit(f"unknown variant {variant!r}; choose among: {', '.join(VARIANTS)}")
    return []


if __name__ == "__main__":
    main()
