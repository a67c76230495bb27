"""Stage 5: choose facts under the word budget, never stating one twice.

A selector takes facts, their scores, the sentences and vectors and the budget, and
returns the chosen fact indices. `SELECTORS` maps names to selectors.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import linalg, sparse

from ..model import Fact, Sentence
from .segment import is_statement

# Maximal marginal relevance: the weight of a fact's own score against its similarity
# to what is already chosen.
MMR_LAMBDA = 0.7
# A candidate at least this similar to a chosen sentence says the same thing again
# (or nearly) and is never added, whatever its score.
REDUNDANT = 0.4
# Facts scoring below this share of the best fact's score are never chosen: a brief
# that stops short reads better than one topped up with asides.
MIN_RELATIVE_SCORE = 0.3
# Rewordings share few words, so redundancy is also measured in a latent topic space
# (LSA over the candidates): the MMR penalty uses it, and candidates at least
# TOPIC_REDUNDANT close to a chosen one in it are dropped.
TOPIC_DIMS = 20
TOPIC_REDUNDANT = 0.6
# The leads of news articles (their first two sentences) all tell the main event: once
# one is chosen, every other lead counts as at least this similar to it. On the
# Multi-News dev sample it changes ROUGE-1/2 by -0.01/-0.02, and the example brief stops
# telling its lead twice.
LEAD_INDEX = 1
LEAD_OVERLAP = 0.5
MAX_CANDIDATES = 1000  # the best-scored candidates only, so memory stays bounded

Selector = Callable[[list[Fact], np.ndarray, list[Sentence], sparse.csr_matrix, int], list[int]]


def mmr(facts: list[Fact], scores: np.ndarray, sentences: list[Sentence],
        vectors: sparse.csr_matrix, budget: int) -> list[int]:
    """Greedy maximal marginal relevance within `budget` words, in order of choice."""
    floor = MIN_RELATIVE_SCORE * float(scores.max()) if len(scores) else 0.0
    candidates = [i for i, f in enumerate(facts)
                  if scores[i] >= floor and is_statement(sentences[f.representative].text)]
    candidates = sorted(candidates, key=lambda i: -scores[i])[:MAX_CANDIDATES]
    if not candidates:
        return []
    reps = vectors[[facts[i].representative for i in candidates]]
    gram = (reps @ reps.T).toarray()
    topics = topic_space(gram, TOPIC_DIMS)
    words = np.array([sentences[facts[i].representative].words for i in candidates])
    own = np.array([scores[i] for i in candidates])
    lead = np.array([sentences[facts[i].representative].index <= LEAD_INDEX for i in candidates])
    max_similarity = np.zeros(len(candidates))
    available = np.ones(len(candidates), dtype=bool)
    chosen: list[int] = []
    left = budget
    while True:
        available &= words <= left
        if not available.any():
            return chosen
        gain = np.where(available, MMR_LAMBDA * own - (1 - MMR_LAMBDA) * max_similarity, -np.inf)
        best = int(np.argmax(gain))
        chosen.append(candidates[best])
        left -= int(words[best])
        available[best] = False
        topical = topics @ topics[best]
        if lead[best]:  # article leads all tell the main event: a second one mostly repeats
            topical = np.where(lead, np.maximum(topical, LEAD_OVERLAP), topical)
        max_similarity = np.maximum(max_similarity, topical)
        available &= (gram[:, best] < REDUNDANT) & (topical < TOPIC_REDUNDANT)


def topic_space(gram: np.ndarray, dims: int) -> np.ndarray:
    """Unit-length LSA coordinates of the rows whose cosine matrix is `gram`.

    The top eigenvectors of the Gram matrix, scaled by the square roots of their
    eigenvalues, are the rows' coordinates on the leading singular directions.
    """
    n = gram.shape[0]
    values, vectors = linalg.eigh(gram, subset_by_index=[max(n - dims, 0), n - 1])
    coordinates = vectors * np.sqrt(np.clip(values, 0, None))
    return coordinates / np.maximum(np.linalg.norm(coordinates, axis=1, keepdims=True), 1e-9)


SELECTORS: dict[str, Selector] = {"mmr": mmr}

