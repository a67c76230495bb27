"""`storyline train`: fit the learned scorer on clusters with human references.

Each fact of each cluster is one example: its `score.features` row, and as label how
much its sentence is worth to a brief of the references. The label has two parts: 1 if
the greedy ROUGE oracle (`evaluate.oracle.greedy_choice`, 250 words, F1) picks the fact,
plus its overlap per word with the references' stemmed unigrams and bigrams (unigram
recall plus twice bigram recall, averaged over references), as a share of the cluster's
densest fact. The first says what a brief needs, the second ranks the facts it leaves.
A ridge regression on standardized features is solved in closed form, so the same data
always gives the same weights: no seed, no randomness.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import Stemmer

from ..brief import clean, group, segment, vectors
from ..brief.score import FEATURES, features
from ..errors import InputError
from ..model import Article
from .data import Cluster
from .oracle import greedy_choice, ngrams

RIDGE = 1.0
# The oracle's budget, as Multi-News is scored. Out of fold on Multi-News dev (ROUGE-1/2
# F1, benchmarks/crossval.py), the density part alone gave 46.90/16.94, the oracle part
# alone 46.91/17.53, both 47.29/17.48; density as overlap per word to the power 0, 0.5
# or 1.5 instead of 1 did worse (BENCHMARKS.md).
ORACLE_WORDS = 250
LABEL_PARTS = {"oracle": 1.0, "density": 1.0}  # benchmarks/crossval.py turns each off
_TOKEN = re.compile(r"[a-z0-9]+")
_PORTER = Stemmer.Stemmer("porter")  # the stemmer rouge-score uses


def examples(articles: list[Article], references: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The features and labels of one cluster's facts."""
    articles, _ = clean.clean_all(articles)
    sentences = segment.split_all(articles)
    matrix = vectors.tfidf(sentences)
    facts = group.group(sentences, matrix)
    x = features(facts, sentences, matrix)
    refs = [_grams(r) for r in references]
    shown = [sentences[f.representative] for f in facts]
    grams = [_grams(s.text) for s in shown]
    density = np.array([_overlap(g, refs) / max(s.words, 1)
                        for g, s in zip(grams, shown, strict=True)])
    y = density / density.max() if len(density) and density.max() > 0 else density
    y = LABEL_PARTS["density"] * y
    y[greedy_choice(grams, [s.words for s in shown], refs, ORACLE_WORDS)] += LABEL_PARTS["oracle"]
    return x, y


def fit(x: np.ndarray, y: np.ndarray, ridge: float = RIDGE) -> dict:
    """Ridge regression weights, with the standardization they expect."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    weights = np.linalg.solve(z.T @ z + ridge * np.eye(z.shape[1]), z.T @ (y - y.mean()))
    return {"features": list(FEATURES), "mean": _rounded(mean), "scale": _rounded(scale),
            "weights": _rounded(weights), "bias": round(float(y.mean()), 8),
            "examples": int(len(y))}


def train(clusters: Iterable[Cluster]) -> dict:
    """Weights fitted on the clusters' facts (`evaluate.data.read_clusters` reads them)."""
    xs, ys = [], []
    for cluster in clusters:
        x, y = examples(list(cluster.articles), list(cluster.references))
        xs.append(x)
        ys.append(y)
    if not xs:
        raise InputError("no clusters to train on")
    model = fit(np.vstack(xs), np.concatenate(ys))
    model["clusters"] = len(xs)
    return model


def _grams(text: str) -> tuple[Counter, Counter]:
    return ngrams([_PORTER.stemWord(t) if len(t) > 3 else t for t in _TOKEN.findall(text.lower())])


def _overlap(sentence: tuple[Counter, Counter], references: list[tuple[Counter, Counter]]
             ) -> float:
    total = 0.0
    for uni, bi in references:
        total += sum((sentence[0] & uni).values()) / max(sum(uni.values()), 1)
        total += 2 * sum((sentence[1] & bi).values()) / max(sum(bi.values()), 1)
    return total / len(references)


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), 8) for v in values]
