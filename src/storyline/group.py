"""Stage 3: sentences that say the same thing become one fact with its support.

Leader clustering over tf-idf cosines: sentences are visited best-candidate first
(complete statements before fragments, leads before later sentences), and each joins the
most similar existing leader at or above `SAME_FACT`, or leads a new fact. Comparing
with leaders only (not any member) keeps facts from chaining into topics. Repeats inside
one article collapse the same way as repeats across articles.

Sentences are compared with the leaders a block at a time, so memory grows with the
number of facts, never with the number of similar pairs (which is quadratic in
repetitive text).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from .model import Fact, Sentence
from .segment import is_statement
from .vectors import BLOCK_ROWS

# Cosine of stemmed tf-idf at which two sentences are taken to report the same fact.
# Calibrated by reading the pairs of the example cluster between 0.25 and 0.6: from 0.5
# up they are rewordings or extensions of one statement; below, they more often share a
# topic but state different things.
SAME_FACT = 0.5


def group(sentences: list[Sentence], vectors: sparse.csr_matrix,
          threshold: float = SAME_FACT) -> list[Fact]:
    """Facts covering every sentence exactly once, best-candidate leaders first."""
    order = sorted(range(len(sentences)), key=lambda k: _visit_key(sentences[k], k))
    leaders: list[int] = []
    members: dict[int, list[int]] = {}
    for start in range(0, len(order), BLOCK_ROWS):
        block = order[start:start + BLOCK_ROWS]
        rows = vectors[block]
        to_old = (rows @ vectors[leaders].T).toarray() if leaders else np.zeros((len(block), 0))
        to_block = (rows @ rows.T).toarray()
        old = len(leaders)
        new: list[int] = []  # positions in `block` of the leaders it has made so far
        for b, k in enumerate(block):
            similarity = np.concatenate([to_old[b], to_block[b, new]])
            best = int(np.argmax(similarity)) if len(similarity) else -1
            if best >= 0 and similarity[best] >= threshold:
                leader = leaders[best] if best < old else block[new[best - old]]
                members[leader].append(k)
            else:
                new.append(b)
                members[k] = [k]
        leaders.extend(block[b] for b in new)
    return [Fact(_medoid_first(m, sentences, vectors),
                 tuple(dict.fromkeys(sentences[k].article for k in sorted(m))))
            for m in members.values()]


def _medoid_first(members: list[int], sentences: list[Sentence],
                  vectors: sparse.csr_matrix) -> tuple[int, ...]:
    """The members with the one closest to all the others first: the wording the sources
    share, so the sentence shown says what every cited source says, not one's extras."""
    if len(members) < 2:
        return tuple(members)
    rows = vectors[members]
    total = np.asarray(rows.sum(axis=0)).ravel()
    own = np.asarray(rows.multiply(rows).sum(axis=1)).ravel()
    closeness = rows @ total - own  # each member's summed cosine with the others, in linear
    # time and memory (a fact of thousands of repeats must not build their square)
    statement = [is_statement(sentences[k].text) for k in members]
    best = max(range(len(members)), key=lambda i: (statement[i], closeness[i], -i))
    return (members[best], *members[:best], *members[best + 1:])


def _visit_key(sentence: Sentence, k: int) -> tuple:
    return (not is_statement(sentence.text), sentence.index, k)
