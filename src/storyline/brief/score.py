"""Stage 4: how much each fact deserves a place in the brief.

A scorer takes the facts, their sentences and vectors, and returns one number per fact
(higher is better). `SCORERS` maps names to scorers, so a learned ranker can be added
beside the default without touching selection.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..model import Fact, Sentence
from .segment import is_statement
from .vectors import BLOCK_ROWS, column_means, cosines, row_dots

if TYPE_CHECKING:  # (tf-idf's rows: vectors.Rows, read as a csr_matrix)
    from scipy import sparse

_QUOTE = re.compile(r"[\"“”]")
_DIGIT = re.compile(r"\d")
# (speed: in an ASCII text \d finds the digits 0-9, a class sre tests faster than \d's
# Unicode category)
_ASCII_DIGIT = re.compile(r"[0-9]")
_CAPITALIZED = re.compile(r"(?<=\s)[A-Z][a-z]+")
# _CAPITALIZED's matches, found faster: a pattern that starts with a character class is
# searched by skipping to that class, here the capital, rarer than the space before it,
# which the look-behind then checks.
_CAPITALIZED_AFTER_SPACE = re.compile(r"[A-Z](?<=\s[A-Z])[a-z]+")

# A sentence that opens with a pronoun, a demonstrative or a connective leans on a
# sentence that the brief may not show ("He said ...", "That territory ...", "But ...");
# it keeps this share of its score.
DANGLING_FACTOR = 0.6
_DANGLING = re.compile(
    r"""^["'“‘]?(i|we|you|our|he|she|they|his|her|their|him|them|but|and|however|also|"""
    r"""meanwhile|the two|this|these|those|that|it['’]s)\b""", re.I)

# Weights of the default scorer: similarity to the cluster's centroid, lead position, and
# support by the other articles. Chosen among four hand-picked settings by ROUGE-1/2 F1
# at 250 words on the first 60 clusters of the Multi-News dev sample (the tuning set) and
# by reading the example brief; a fitted ranker is future work.
WEIGHTS = {"centrality": 0.4, "lead": 0.2, "support": 0.4}

Scorer = Callable[[list[Fact], list[Sentence], "sparse.csr_matrix"], np.ndarray]


def centrality(facts: list[Fact], sentences: list[Sentence],
               vectors: sparse.csr_matrix) -> np.ndarray:
    """Unsupervised salience: central, early and widely reported facts score high."""
    if not facts:
        return np.zeros(0)
    x = _signals(facts, sentences, vectors)
    score = (WEIGHTS["centrality"] * x["central"] + WEIGHTS["lead"] * x["lead"]
             + WEIGHTS["support"] * (x["cross_support"] + x["support"]) / 2)
    return np.where(x["dangling"] > 0, score * DANGLING_FACTOR, score)


def _signals(facts: list[Fact], sentences: list[Sentence],
             vectors: sparse.csr_matrix) -> dict[str, np.ndarray]:
    """What both scorers read, one value per fact: similarity to the cluster's centroid
    (the best fact at 1), lead position of the earliest member and whether it opens its
    article, the share of the other articles that report it, how well they echo it, and
    whether it dangles."""
    reps = [f.representative for f in facts]
    centroid = column_means(vectors)  # (bit for bit scipy's mean and product)
    norm = np.linalg.norm(centroid)
    central = row_dots(vectors, reps, centroid / norm) if norm else np.zeros(len(facts))
    if central.max() > 0:
        central = central / central.max()
    n_articles = len({s.article for s in sentences})
    earliest = np.array([min(sentences[k].index for k in f.members) for f in facts])
    return {
        "central": central,
        "lead": 1 / np.sqrt(1 + earliest),
        "first": (earliest == 0).astype(float),
        "support": np.array([(len(f.articles) - 1) / max(n_articles - 1, 1) for f in facts]),
        "cross_support": cross_support(reps, sentences, vectors),
        "dangling": np.array([float(bool(_DANGLING.match(sentences[r].text))) for r in reps]),
    }


def cross_support(rows: list[int], sentences: list[Sentence],
                  vectors: sparse.csr_matrix) -> np.ndarray:
    """How well the other articles echo each sentence: over every other article, the mean
    of its best cosine with the sentence (0 when there is no other article).

    A graded form of "how many sources report this" that also credits rewordings too
    loose to be grouped into one fact.
    """
    article_ids = sorted({s.article for s in sentences})
    if len(article_ids) < 2 or not rows:
        return np.zeros(len(rows))
    column = {a: i for i, a in enumerate(article_ids)}
    owner = np.array([column[s.article] for s in sentences])
    out = np.zeros(len(rows))
    for start in range(0, len(rows), BLOCK_ROWS):
        block = rows[start:start + BLOCK_ROWS]
        similarity = cosines(vectors, block, range(vectors.shape[0]))
        best = np.zeros((len(block), len(article_ids)))
        for a in range(len(article_ids)):
            best[:, a] = similarity[:, owner == a].max(axis=1, initial=0.0)
        own = owner[block]
        best[np.arange(len(block)), own] = 0.0
        out[start:start + len(block)] = best.sum(axis=1) / (len(article_ids) - 1)
    return out


# The learned scorer: a ridge regression over `features`, fitted by `storyline train` on
# each sentence's ROUGE overlap with human references (see train.py). Its weights ship
# as package data; `FEATURES` names the columns, in order.
FEATURES = ("central", "lead", "first", "position", "support", "cross_support", "words",
            "short", "dangling", "quote", "digits", "capitals", "article_order",
            "article_size", "statement", "question")
_OWN_FEATURES = ("position", "words", "short", "quote", "digits", "capitals",
                 "article_order", "article_size", "statement", "question")
_WEIGHTS_FILE = "salience.json"
LEARNED_DANGLING_FACTOR = 1.0


def features(facts: list[Fact], sentences: list[Sentence],
             vectors: sparse.csr_matrix) -> np.ndarray:
    """One row of `FEATURES` per fact, from the fact's sentence shown (its representative)
    and its members: where they stand, how central and widely reported, what they hold."""
    if not facts:
        return np.zeros((0, len(FEATURES)))
    shared = _signals(facts, sentences, vectors)
    articles = list(dict.fromkeys(s.article for s in sentences))
    order = {a: i / max(len(articles) - 1, 1) for i, a in enumerate(articles)}
    sizes = {a: np.log1p(n) for a, n in Counter(s.article for s in sentences).items()}
    position = [s.position for s in sentences]
    rows = []
    for f in facts:
        s = sentences[f.representative]
        text, words = s.text, s.words
        rows.append((
            min(map(position.__getitem__, f.members)), min(words, 60) / 30,
            float(words < 8), float('"' in text or "“" in text or "”" in text),  # _QUOTE
            float((_ASCII_DIGIT if text.isascii() else _DIGIT).search(text) is not None),
            len(_CAPITALIZED_AFTER_SPACE.findall(text)) / max(words, 1), order[s.article],
            sizes[s.article], float(is_statement(text)), float(text.rstrip().endswith("?"))))
    own = np.array(rows, dtype=float)
    columns = {**shared, **dict(zip(_OWN_FEATURES, own.T, strict=True))}
    return np.column_stack([columns[name] for name in FEATURES])


def learned(facts: list[Fact], sentences: list[Sentence],
            vectors: sparse.csr_matrix) -> np.ndarray:
    """The fitted ridge regression's predicted ROUGE overlap of each fact."""
    model = load_weights()
    x = features(facts, sentences, vectors)
    if not len(x):
        return np.zeros(0)
    predicted = np.clip(predict(model, x), 0, None)  # on the centrality scorer's 0..1 scale,
    best = predicted.max()  # which selection's thresholds and MMR trade-off expect
    predicted = predicted / best if best > 0 else predicted
    # ROUGE does not mind "He said ..." without its context; a reader does.
    dangling = x[:, FEATURES.index("dangling")] > 0
    return np.where(dangling, predicted * LEARNED_DANGLING_FACTOR, predicted)


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    z = (x - np.array(model["mean"])) / np.array(model["scale"])
    return z @ np.array(model["weights"]) + model["bias"]


@lru_cache(maxsize=1)
def load_weights() -> dict:
    import json

    from ..data import read_text

    model = json.loads(read_text(_WEIGHTS_FILE))
    if tuple(model["features"]) != FEATURES:
        raise RuntimeError(f"{_WEIGHTS_FILE} was fitted on other features; run storyline train")
    return model


SCORERS: dict[str, Scorer] = {"centrality": centrality, "learned": learned}
