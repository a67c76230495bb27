"""Stage 4: how much each fact deserves a place in the brief.

A scorer takes the facts, their sentences and vectors, and returns one number per fact
(higher is better). `SCORERS` maps names to scorers, so a learned ranker can be added
beside the default without touching selection.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from scipy import sparse

from .model import Fact, Sentence

# A sentence that opens with a pronoun or a connective leans on a sentence that the brief
# may not show ("He said ...", "But ..."); it keeps this share of its score.
DANGLING_FACTOR = 0.6
_DANGLING = re.compile(
    r"""^["'“‘]?(i|we|you|our|he|she|they|his|her|their|him|them|but|and|however|also|"""
    r"""meanwhile|the two)\b""", re.I)

# Weights of the default scorer, set by reading briefs of the example cluster and of ten
# Multi-News dev clusters (not a fit to references): similarity to the cluster's
# centroid, lead position, and the share of articles that report the fact.
WEIGHTS = {"centrality": 0.5, "lead": 0.3, "support": 0.2}

Scorer = Callable[[list[Fact], list[Sentence], sparse.csr_matrix], np.ndarray]


def centrality(facts: list[Fact], sentences: list[Sentence],
               vectors: sparse.csr_matrix) -> np.ndarray:
    """Unsupervised salience: central, early and widely reported facts score high."""
    if not facts:
        return np.zeros(0)
    reps = [f.representative for f in facts]
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    central = vectors[reps] @ (centroid / norm) if norm else np.zeros(len(facts))
    central = np.asarray(central).ravel()
    if central.max() > 0:
        central = central / central.max()
    lead = np.array([max(1 / np.sqrt(1 + sentences[k].index) for k in f.members) for f in facts])
    n_articles = len({s.article for s in sentences})
    support = np.array([(len(f.articles) - 1) / max(n_articles - 1, 1) for f in facts])
    score = (WEIGHTS["centrality"] * central + WEIGHTS["lead"] * lead
             + WEIGHTS["support"] * support)
    dangling = np.array([bool(_DANGLING.match(sentences[r].text)) for r in reps])
    return np.where(dangling, score * DANGLING_FACTOR, score)


SCORERS: dict[str, Scorer] = {"centrality": centrality}
