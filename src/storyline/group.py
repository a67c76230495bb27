"""Stage 3: sentences that say the same thing become one fact with its support.

Leader clustering over tf-idf cosines: sentences are visited best-candidate first
(complete statements before fragments, leads before later sentences), and each joins the
most similar existing leader at or above `SAME_FACT`, or leads a new fact. Comparing
with leaders only (not any member) keeps facts from chaining into topics. Repeats inside
one article collapse the same way as repeats across articles.
"""

from __future__ import annotations

from collections import defaultdict

from scipy import sparse

from .model import Fact, Sentence
from .segment import is_statement
from .vectors import similar_pairs

# Cosine of stemmed tf-idf at which two sentences are taken to report the same fact.
# Calibrated by reading pairs from the example cluster and Multi-News dev clusters:
# from 0.5 up, pairs are rewordings or extensions of one statement; below, they
# more often share a topic but state different things.
SAME_FACT = 0.5


def group(sentences: list[Sentence], vectors: sparse.csr_matrix,
          threshold: float = SAME_FACT) -> list[Fact]:
    """Facts covering every sentence exactly once, best-candidate leaders first."""
    neighbours: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, j, similarity in similar_pairs(vectors, threshold):
        neighbours[i].append((similarity, j))
        neighbours[j].append((similarity, i))

    members: dict[int, list[int]] = {}
    for i in sorted(range(len(sentences)), key=lambda k: _visit_key(sentences[k], k)):
        leaders = [(similarity, j) for similarity, j in neighbours.get(i, ()) if j in members]
        if leaders:
            members[max(leaders)[1]].append(i)
        else:
            members[i] = [i]
    return [Fact(tuple(m), tuple(dict.fromkeys(sentences[k].article for k in sorted(m))))
            for m in members.values()]


def _visit_key(sentence: Sentence, k: int) -> tuple:
    return (not is_statement(sentence.text), sentence.index, k)
