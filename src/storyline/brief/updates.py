"""Updates: only what is new since articles already seen.

A fact is already reported when any of its sentences would have joined a sentence of
the old articles as the same fact (tf-idf cosine at `group.SAME_FACT` or more); such
facts are dropped before scoring, so none of them can reach the brief.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..model import Fact
from .group import SAME_FACT
from .vectors import BLOCK_ROWS

if TYPE_CHECKING:  # (tf-idf's rows: vectors.Rows, read as a csr_matrix)
    from scipy import sparse


def unseen(facts: list[Fact], vectors: sparse.csr_matrix,
           old: sparse.csr_matrix) -> list[Fact]:
    """The facts none of whose sentences repeats a sentence of the old articles
    (`old`: their rows in the same tf-idf space as `vectors`)."""
    if old.shape[0] == 0:
        return facts
    seen = np.zeros(vectors.shape[0], dtype=bool)
    for start in range(0, vectors.shape[0], BLOCK_ROWS):
        block = vectors[start:start + BLOCK_ROWS] @ old.T
        seen[start:start + BLOCK_ROWS] = block.max(axis=1).toarray().ravel() >= SAME_FACT
    return [f for f in facts if not seen[list(f.members)].any()]
