"""`storyline train`: fit the learned scorer on clusters with human references.

Each fact of each cluster is one example: its `score.features` row, and as label the
share of the references' stemmed unigrams and bigrams its sentence contains (unigram
recall plus twice bigram recall, averaged over references; the ROUGE-1/ROUGE-2 a brief
gains from it). A ridge regression on standardized features is solved in closed form, so
the same data always gives the same weights: no seed, no randomness.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import Stemmer

from . import clean, group, segment, vectors
from .errors import InputError
from .evaluate.data import Cluster
from .model import Article
from .score import FEATURES, features

RIDGE = 1.0
# The label is the overlap per word to this power (in ROUGE points): 0 rewards long
# sentences (more words, more overlap), 1 the overlap per word, which is what a word
# budget buys. Out of fold on Multi-News dev, ROUGE-1/2: 0 gave 44.54/14.42, 0.5
# 45.89/16.07, 1 46.95/17.12, 1.5 46.10/16.12 (benchmarks/crossval.py).
LENGTH_POWER = 1.0
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
    y = np.array([100 * _overlap(_grams(sentences[f.representative].text), refs)
                  / (max(sentences[f.representative].words, 1) ** LENGTH_POWER) for f in facts])
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
    tokens = [_PORTER.stemWord(t) if len(t) > 3 else t for t in _TOKEN.findall(text.lower())]
    return Counter(tokens), Counter(zip(tokens, tokens[1:], strict=False))


def _overlap(sentence: tuple[Counter, Counter], references: list[tuple[Counter, Counter]]
             ) -> float:
    total = 0.0
    for uni, bi in references:
        total += sum((sentence[0] & uni).values()) / max(sum(uni.values()), 1)
        total += 2 * sum((sentence[1] & bi).values()) / max(sum(bi.values()), 1)
    return total / len(references)


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), 8) for v in values]
