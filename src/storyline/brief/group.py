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

from typing import TYPE_CHECKING

import numpy as np

from ..model import Fact, Sentence
from .segment import is_statement
from .vectors import BLOCK_ROWS, cosines, row_entries, running_sums, scipy_matrix

if TYPE_CHECKING:  # (tf-idf's rows: vectors.Rows, read as a csr_matrix)
    from scipy import sparse

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
        similarity = cosines(vectors, block, leaders + block)  # old leaders, block
        old = len(leaders)
        leads = [True] * old + [False] * len(block)  # by column, as the block goes on
        near: list[list[int]] = [[] for _ in block]  # the columns at or above threshold
        for b, column in zip(*(i.tolist() for i in np.nonzero(similarity >= threshold))):
            near[b].append(column)
        new: list[int] = []  # positions in `block` of the leaders it has made so far
        for b, k in enumerate(block):
            candidates = [column for column in near[b] if leads[column]]
            if candidates:  # the most similar leader, the earliest on a tie
                best = max(candidates, key=similarity[b].__getitem__)
                members[leaders[best] if best < old else block[best - old]].append(k)
            else:
                leads[old + b] = True
                new.append(b)
                members[k] = [k]
        leaders.extend(block[b] for b in new)
    facts = list(members.values())
    firsts = _medoids(facts, sentences, vectors)
    return [Fact((first, *(k for k in m if k != first)),
                 tuple(dict.fromkeys(sentences[k].article for k in sorted(m))))
            if len(m) > 1 else Fact((first,), (sentences[first].article,))  # (most: faster)
            for first, m in zip(firsts, facts)]


def _medoids(facts: list[list[int]], sentences: list[Sentence],
             vectors: sparse.csr_matrix) -> list[int]:
    """Each fact's member to show first: the one closest to all the others, the wording
    the sources share, so the sentence shown says what every cited source says, not one's
    extras. Complete statements come first, the earlier member on a tie."""
    closeness = iter(_closeness([m for m in facts if len(m) > 1], vectors))
    firsts = []
    for m in facts:
        if len(m) == 1:
            firsts.append(m[0])
            continue
        key = {k: (is_statement(sentences[k].text), next(closeness), -i)
               for i, k in enumerate(m)}
        firsts.append(max(m, key=key.__getitem__))
    return firsts


def _closeness(facts: list[list[int]], vectors: sparse.csr_matrix) -> np.ndarray:
    """Each member's summed cosine with the other members of its fact, for the members of
    all `facts` in turn: v·(sum of the fact's rows) - v·v, in linear time and memory (a
    fact of thousands of repeats must not build their square).

    Bit for bit what `_closeness_by_scipy` gets from scipy's products (each fact's float32
    sums added in the order they would be for the fact alone, so that near ties between
    members fall the same way whatever the other facts), computed on the matrix's arrays:
    the products' per-call cost was most of the time. The orders, as scipy's:
    a fact's total adds its members' rows in member order (`np.add.at` adds in index
    order); v·total adds a row's products in its term order (a running sum,
    `np.add.accumulate`); v·v squares a row's terms in their order when every row of the
    product, or of the fact, has sorted terms (scipy's canonical case), else last first,
    drops squares that are 0 and adds them as scipy's row sums do (`np.add.reduceat`).
    """
    flat = np.asarray([k for m in facts for k in m], dtype=np.intp)
    sizes = np.asarray([len(m) for m in facts], dtype=np.intp)
    entry_row, place, take, indptr = row_entries(vectors, flat)
    nnz = int(indptr[-1])
    if not nnz:  # no facts, or no terms in them
        return np.zeros(len(flat), np.float32)
    lengths = np.diff(indptr)
    data, indices = vectors.data[take], vectors.indices[take].astype(np.int64)
    row_fact = np.repeat(np.arange(len(facts)), sizes)
    entry_fact = row_fact[entry_row]
    # each fact's total at each of its terms, its members' entries added in member order
    keys = entry_fact * vectors.shape[1] + indices
    unique, inverse = np.unique(keys, return_inverse=True)
    totals = np.zeros(len(unique), np.float32)
    np.add.at(totals, inverse, data)
    # v·total, a running sum of each row's products in its term order
    dot = running_sums(entry_row, place, data * totals[inverse], len(flat))
    # v·v: a row's squares in its term order where scipy's product is canonical (every
    # row of the product sorted, or, for a fact whose rows all are, the fact's own)
    sorted_entry = np.ones(nnz, bool)
    sorted_entry[1:] = indices[1:] > indices[:-1]
    sorted_entry[indptr[:-1][lengths > 0]] = True  # a row's first term
    sorted_row = np.bincount(entry_row, weights=~sorted_entry, minlength=len(flat)) == 0
    if sorted_row.all():
        in_order = np.ones(len(flat), bool)
    else:
        unsorted_in_fact = np.bincount(row_fact, weights=~sorted_row, minlength=len(facts))
        in_order = (unsorted_in_fact == 0)[row_fact]
    backwards = indptr[entry_row] + indptr[entry_row + 1] - 1 - np.arange(nnz)
    order = np.where(in_order[entry_row], np.arange(nnz), backwards)
    squares = data[order] * data[order]
    kept = squares != 0
    row_of_square = entry_row[order][kept]
    squares = squares[kept]
    own = np.zeros(len(flat), np.float32)
    if len(squares):
        counts = np.bincount(row_of_square, minlength=len(flat))
        firsts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        nonempty = np.flatnonzero(counts)
        own[nonempty] = np.add.reduceat(squares, firsts[nonempty])
    return dot - own


def _closeness_by_scipy(facts: list[list[int]], vectors: sparse.csr_matrix) -> np.ndarray:
    """`_closeness` by scipy's sparse products (the code it replaces; tests compare them)."""
    from scipy import sparse

    vectors = scipy_matrix(vectors)
    flat = [k for m in facts for k in m]
    sizes = [len(m) for m in facts]
    rows = vectors[flat]
    if not rows.nnz:  # no facts, or no terms in them
        return np.zeros(len(flat), np.float32)
    membership = sparse.csr_matrix(
        (np.ones(len(flat), np.float32), np.arange(len(flat)), np.cumsum([0, *sizes])),
        shape=(len(facts), len(flat)))
    totals = membership @ rows  # row f: the sum of fact f's rows, added in member order
    # v·total term by term in v's order, as `row @ total` adds it: the total at each of
    # the rows' entries, weighted by the entry (one column per entry) and summed by row
    row_fact = np.repeat(np.arange(len(facts)), sizes)
    entry_row = np.repeat(np.arange(len(flat)), np.diff(rows.indptr))
    at_entries = np.asarray(totals[row_fact[entry_row], rows.indices]).ravel()
    by_entry = sparse.csr_matrix((rows.data, np.arange(rows.nnz), rows.indptr),
                                 shape=(len(flat), rows.nnz))
    own = np.asarray(rows.multiply(rows).sum(axis=1)).ravel()
    # scipy adds up v·v in another order when all the rows it is given have sorted terms:
    # such a fact gets it as it would alone.
    unsorted = np.diff(rows.indices, prepend=-1) <= 0
    unsorted[rows.indptr[:-1][np.diff(rows.indptr) > 0]] = False  # a row's first term
    unsorted_rows = np.bincount(entry_row, weights=unsorted, minlength=len(flat)) > 0
    ends = np.cumsum(sizes)
    for f in np.flatnonzero(np.bincount(row_fact, weights=unsorted_rows) == 0):
        alone = vectors[facts[f]]
        own[ends[f] - sizes[f]:ends[f]] = np.asarray(alone.multiply(alone).sum(axis=1)).ravel()
    return by_entry @ at_entries - own


def _visit_key(sentence: Sentence, k: int) -> tuple:
    return (not is_statement(sentence.text), sentence.index, k)
