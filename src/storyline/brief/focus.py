"""Query focus: steer the brief towards a topic ("civilians", or a DUC topic question).

A fact's relevance is the best tf-idf cosine of its sentences with the query, after one
round of pseudo-relevance feedback: the query is widened with the sentences that match
it best, so that "civilians" also finds the sentences about those who fled. The scores
of `score` are then multiplied by `FLOOR + (1 - FLOOR) * relevance` (relevance scaled
to the best fact's): an off-topic fact keeps a share of its score, so a query that
matches little still yields a brief.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..model import Fact

if TYPE_CHECKING:  # (tf-idf's rows: vectors.Rows, read as a csr_matrix)
    from scipy import sparse

# Chosen on DUC 2006 topics D0601-D0625 (the first half), scored on D0626-D0650; see
# BENCHMARKS.md.
FLOOR = 0.2
FEEDBACK_SENTENCES = 5
FEEDBACK_WEIGHT = 0.5


def relevance(facts: list[Fact], vectors: sparse.csr_matrix,
              query: sparse.csr_matrix) -> np.ndarray:
    """Each fact's relevance to the query (a one-row matrix in the sentences' space),
    from 0 to 1, the best fact at 1 (all 0 when nothing matches)."""
    similarity = np.asarray((vectors @ query.T).todense()).ravel()
    if FEEDBACK_SENTENCES and similarity.max(initial=0) > 0:
        top = np.argsort(-similarity)[:FEEDBACK_SENTENCES]
        top = top[similarity[top] > 0]
        widened = query.toarray().ravel() + FEEDBACK_WEIGHT * np.asarray(
            vectors[top].mean(axis=0)).ravel()
        widened /= np.linalg.norm(widened)
        similarity = vectors @ widened
    per_fact = np.array([max(similarity[k] for k in f.members) for f in facts])
    best = per_fact.max(initial=0)
    return per_fact / best if best > 0 else per_fact


def focused(scores: np.ndarray, relevance: np.ndarray) -> np.ndarray:
    return scores * (FLOOR + (1 - FLOOR) * relevance)
