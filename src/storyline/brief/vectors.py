"""Sentence representations: stemmed tf-idf over the cluster's own sentences.

Rows are L2-normalized, so a dot product is a cosine similarity. They are held in
scipy's compressed-row layout by numpy alone (`Rows`): a brief reads their arrays and
never imports scipy.sparse (a sixth of its start-up); the rare paths that ask
for more (a focus, articles already seen, a cluster too large for a table) get scipy's
matrix of the same arrays.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
import Stemmer  # PyStemmer: the Snowball stemmers in C

if TYPE_CHECKING:
    from scipy import sparse

from ..data import word_list
from ..model import Sentence

# (possessive: nothing follows that could make a shorter run match; a fifth faster)
_WORD = re.compile(r"\d++(?:[.,]\d+)*+|[^\W\d_]++(?:'[^\W\d_]+)*+")
# The same words in an ASCII text, found faster: a letter tested against a table of 52, not
# against Unicode's categories (most sentences are ASCII once their apostrophes are).
_ASCII_WORD = re.compile(r"[A-Za-z]++(?:'[A-Za-z]+)*+|\d++(?:[.,]\d+)*+")
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")
# In every dotted acronym ("[A-Z]\.[A-Z]\."), and fast to search: from each period (sre skips
# to a literal first character, and a text has fewer periods than capitals).
_MAYBE_DOTTED = re.compile(r"\.(?<=[A-Z]\.)[A-Z]\.")
_STOP_WORDS = word_list("stopwords.txt")
_STEMMER = Stemmer.Stemmer("english")
# Each word is stemmed once (`terms` keeps its term): the stemmer's own cache, which it
# purges by sorting its entries whenever 10,000 are kept, would only cost (35 -> 11 ms for
# the 22,760 words of 200 Multi-News clusters).
_STEMMER.maxCacheSize = 0


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A word's Snowball stem, the one its tf-idf term is made of ("seized", "seizes":
    "seiz"); for cleaning's word tests, cached (`_term` keeps its own terms)."""
    return _STEMMER.stemWord(word.lower())


# Rows compared at a time (in `group` against the fact leaders, in `score` against all
# rows), so that memory stays bounded: a 512 x 40,000 block of float32 is 80 MB.
BLOCK_ROWS = 512


def terms(text: str) -> list[str]:
    """Lower-cased, stemmed content words; numbers are kept.

    Stop words are dropped, except capitalized acronyms that look like one ("US", "IS",
    "U.S." all count as words), so the United States does not vanish as the pronoun "us";
    in a line written in capitals, no word is taken for an acronym.
    """
    text = text.replace("’", "'")
    if _MAYBE_DOTTED.search(text):
        text = _DOTTED_ACRONYM.sub(lambda m: m.group().replace(".", ""), text)
    words = _words(text, (_ASCII_WORD if text.isascii() else _WORD).findall)
    acronyms = sum(map(str.isupper, words)) <= len(words) / 2  # not shouting
    known = _KNOWN[acronyms]  # most words recur: each is stemmed once (a dict is faster
    out = []  # to ask than a cached function)
    for word in words:
        term = known.get(word, _UNKNOWN)
        if term is _UNKNOWN:
            if len(known) >= MAX_KNOWN:  # memory stays bounded
                known.clear()
            term = known[word] = _term(word, acronyms)
        if term is not None:
            out.append(term)
    return out


def _words(text: str, find) -> list[str]:
    """`find(text)`, `_WORD`'s `findall` (or `_ASCII_WORD`'s, for an ASCII text), read one
    whitespace-separated token at a time: no word holds a space, nor starts or stops for
    what stands beyond its token, so the tokens' words are the text's, in order; and a
    token of letters only, as most are, is one word, found without a search (a search's
    cost is mostly per word found: 687 -> 505 M instructions for the words of the 200
    Multi-News clusters' sentences)."""
    words: list[str] = []
    for token in text.split():
        if token.isalpha():
            words.append(token)
        else:
            words += find(token)
    return words


MAX_KNOWN = 100_000  # words remembered, each way
_KNOWN: tuple[dict[str, str | None], dict[str, str | None]] = ({}, {})  # by `acronyms`
_UNKNOWN = object()


def _term(word: str, acronyms: bool) -> str | None:
    """The term of one word, None for a stop word."""
    word = word.removesuffix("'s").removesuffix("'S")
    lower = word.lower()
    if acronyms and word.isupper() and len(word) > 1:
        return lower
    return None if lower in _STOP_WORDS else _STEMMER.stemWord(lower)


def tfidf(sentences: list[Sentence], extra: Sequence[str] = ()) -> Rows:
    """One L2-normalized tf-idf row per sentence, idf computed over the cluster's sentences.

    Sublinear term frequency (1 + log tf) and smoothed idf (log((1 + n) / (1 + df)) + 1),
    as scikit-learn's TfidfVectorizer(sublinear_tf=True) does, without its import cost.
    Rows for the `extra` texts (a focus query, articles already seen) follow the
    sentences' rows, in the same space: they use the sentences' idf and do not count in it.
    """
    n = len(sentences)
    indptr_, indices_, counts, width = _counted([terms(s.text) for s in sentences]
                                                + [terms(text) for text in extra])
    df = np.bincount(indices_[:indptr_[n]], minlength=width)
    idf = (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)
    data = (1 + np.log(counts.astype(np.float32))) * idf[indices_]
    return _normalized(data, indices_, indptr_, width)


def _counted(rows: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """The rows' terms counted, as csr parts (indptr, indices, counts) and the width (at
    least 1): a term's column is its rank among the terms in the order they first occur,
    and a row's entries come in the order its terms first occur in it (as a `Counter` of
    the row would give them; sums over a row depend on that order). Counted by numpy,
    which costs less than a `Counter` and a vocabulary lookup per row."""
    flat = list(chain.from_iterable(rows))
    column = {t: i for i, t in enumerate(dict.fromkeys(flat))}
    width = max(len(column), 1)
    row_of = np.repeat(np.arange(len(rows), dtype=np.int64), [len(r) for r in rows])
    keys = row_of * width + np.fromiter(map(column.__getitem__, flat), np.int64, len(flat))
    unique, first, counts = np.unique(keys, return_index=True, return_counts=True)
    in_order = np.argsort(first, kind="stable")  # by row, then first occurrence in it
    unique, counts = unique[in_order], counts[in_order]
    indptr = np.searchsorted(unique // width, np.arange(len(rows) + 1)).astype(np.int32)
    return indptr, (unique % width).astype(np.int32), counts, width


def _counted_by_counter(rows: list[list[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """`_counted` with a `Counter` per row (the code it replaces; tests compare them)."""
    vocabulary: dict[str, int] = {}
    indptr, indices, counts = [0], [], []
    for terms_ in rows:
        row = Counter(terms_)  # terms in the order they first occur, as the columns
        indices.extend([vocabulary.setdefault(t, len(vocabulary)) for t in row])
        counts.extend(row.values())
        indptr.append(len(indices))
    return (np.array(indptr, dtype=np.int32), np.array(indices, dtype=np.int32),
            np.array(counts, dtype=np.int64), max(len(vocabulary), 1))


class Rows:
    """A matrix in scipy's compressed sparse row layout (`data`, `indices`, `indptr`,
    `shape`, as `scipy.sparse.csr_matrix` holds them), kept by numpy: tf-idf's rows, of
    which the stages read the arrays. A slice of whole rows is cut here, as scipy cuts
    it; anything else (a product, `.T`, `.mean()`, a row by number) is asked of scipy's
    `csr_matrix` of the same arrays, made when first needed: the same answers, and
    scipy.sparse is imported only by what uses it. The arrays are never changed."""

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray,
                 shape: tuple[int, int]):
        self.data, self.indices, self.indptr, self.shape = data, indices, indptr, shape
        self._scipy = None

    @property
    def dtype(self) -> np.dtype:
        return self.data.dtype

    @property
    def nnz(self) -> int:
        return int(self.indptr[-1])

    def __getitem__(self, key):
        if isinstance(key, slice) and key.step in (None, 1):
            start, stop, _ = key.indices(self.shape[0])
            stop = max(start, stop)
            if (start, stop) == (0, self.shape[0]):
                return self  # (scipy copies; the arrays never change)
            first, last = self.indptr[start], self.indptr[stop]
            return Rows(self.data[first:last].copy(), self.indices[first:last].copy(),
                        self.indptr[start:stop + 1] - first, (stop - start, self.shape[1]))
        return self.sparse()[key]

    def sparse(self) -> sparse.csr_matrix:
        """scipy's matrix of these arrays (made once)."""
        if self._scipy is None:
            from scipy import sparse

            self._scipy = sparse.csr_matrix((self.data, self.indices, self.indptr),
                                            shape=self.shape)
        return self._scipy

    def __matmul__(self, other):
        return self.sparse() @ (other.sparse() if isinstance(other, Rows) else other)

    def __rmatmul__(self, other):
        return other @ self.sparse()

    def __getattr__(self, name: str):
        if name.startswith("_"):  # (not set yet, or special: not scipy's)
            raise AttributeError(name)
        return getattr(self.sparse(), name)


def scipy_matrix(matrix: Rows | sparse.csr_matrix) -> sparse.csr_matrix:
    """scipy's matrix for `matrix`: itself, or a `Rows`' arrays as one."""
    return matrix.sparse() if isinstance(matrix, Rows) else matrix


MAX_TABLE_ROWS = 2048  # a table of all cosines is kept up to this many rows (16 MB)
_LAST_TABLE: tuple = (lambda: None, None)  # the last matrix asked about (weakly), its table


def cosines(matrix: Rows | sparse.csr_matrix, rows: Sequence[int],
            columns: Sequence[int]) -> np.ndarray:
    """The cosines of `matrix`'s rows `rows` with its rows `columns`, as an array: bit for
    bit `(matrix[rows] @ matrix[columns].T).toarray()`.

    The stages ask for many small blocks of one cluster's cosines, and each sparse
    product cost about 0.1 ms of scipy's own work; so they are read from a table of all
    the matrix's cosines, made once (`_table`). A matrix of more than `MAX_TABLE_ROWS`
    rows is multiplied as asked.
    """
    global _LAST_TABLE
    last, table = _LAST_TABLE  # one read: another thread may replace it
    if last() is not matrix:
        if matrix.shape[0] > MAX_TABLE_ROWS:
            return (matrix[rows] @ matrix[columns].T).toarray()
        table = _table(matrix)
        _LAST_TABLE = (weakref.ref(matrix), table)
    n = table.shape[0]
    if isinstance(columns, range) and columns == range(n):  # every column: the rows' copy
        return table[_indices(rows)]
    if isinstance(rows, range) and rows == range(n):  # every row: the columns', laid out
        return np.ascontiguousarray(table[:, _indices(columns)])  # as `ix_` lays them out
    return table[_indices(rows)[:, None], _indices(columns)]  # (`np.ix_`, without its cost)


MAX_PRODUCTS = 1_000_000  # products made at once by `_table` (about 50 MB of arrays;
# 200 Multi-News clusters make at most 63,000 each)


def _table(matrix: Rows | sparse.csr_matrix) -> np.ndarray:
    """All the cosines of `matrix`'s rows, bit for bit `(matrix @ matrix.T).toarray()`
    (scipy's product, a block of `BLOCK_ROWS` rows at a time), made by numpy.

    scipy's product makes row i of the table as a running sum from 0, in the matrix's
    float type: for each of row i's entries in its term order, the entry times every
    row's entry at that term (row i's own too) is added to that row's cell. Here each product
    is made once, laid out by row i's entries in order, and added to its cell by
    `np.add.at`, which adds in index order: each cell's sum in scipy's order. (A
    product with a row that lacks the term is 0 in scipy's dense result too.) A block
    with more than MAX_PRODUCTS products, or a matrix of another type, is multiplied
    by scipy.
    """
    n, width = matrix.shape
    nnz = int(matrix.indptr[-1])
    if not n:
        return np.zeros((0, 0), matrix.dtype)
    if matrix.dtype not in (np.float32, np.float64):
        return _scipy_table(matrix)
    indptr = matrix.indptr.astype(np.intp)
    terms, data = matrix.indices[:nnz].astype(np.intp), matrix.data[:nnz]
    row_of = np.repeat(np.arange(n), np.diff(indptr))  # each entry's row
    by_term = np.argsort(terms, kind="stable")  # the entries by term, each term's by row
    term_start = np.zeros(width + 1, np.intp)
    np.cumsum(np.bincount(terms, minlength=width), out=term_start[1:])
    blocks = []
    for start in range(0, n, BLOCK_ROWS):
        stop = min(start + BLOCK_ROWS, n)
        first, last = indptr[start], indptr[stop]
        mine = terms[first:last]
        met = term_start[mine + 1] - term_start[mine]  # each entry meets its term's entries
        total = int(met.sum())
        if total > MAX_PRODUCTS:
            blocks.append(_scipy_table(matrix, start, stop))
            continue
        entry = np.repeat(np.arange(first, last), met)
        other = by_term[np.repeat(term_start[mine] - (np.cumsum(met) - met), met)
                        + np.arange(total)]
        block = np.zeros((stop - start) * n, data.dtype)
        np.add.at(block, (row_of[entry] - start) * n + row_of[other], data[entry] * data[other])
        blocks.append(block.reshape(stop - start, n))
    return blocks[0] if len(blocks) == 1 else np.vstack(blocks)


def _scipy_table(matrix: Rows | sparse.csr_matrix, start: int = 0,
                 stop: int | None = None) -> np.ndarray:
    """`_table`'s rows `start` to `stop` by scipy's product (the code it replaces; tests
    compare them)."""
    matrix = scipy_matrix(matrix)
    n = matrix.shape[0]
    stop = n if stop is None else stop
    if start == 0 and stop == n <= BLOCK_ROWS:  # the matrix itself (a slice is a copy)
        return (matrix @ matrix.T).toarray()
    return np.vstack([(matrix[at:min(at + BLOCK_ROWS, stop)] @ matrix.T).toarray()
                      for at in range(start, stop, BLOCK_ROWS)])


def _indices(ids: Sequence[int]) -> np.ndarray:
    if isinstance(ids, range):  # (numpy reads a range item by item)
        return np.arange(ids.start, ids.stop, ids.step, dtype=np.intp)
    return np.asarray(ids, dtype=np.intp)


def column_means(matrix: sparse.csr_matrix) -> np.ndarray:
    """The mean of each column, bit for bit `np.asarray(matrix.mean(axis=0)).ravel()`:
    scipy scales every entry by 1/rows (in the matrix's float type) and adds each
    column's entries in row order (`np.add.at` adds in index order), without its
    per-call cost."""
    rows, width = matrix.shape
    if not rows or matrix.dtype != np.float32:
        return np.asarray(matrix.mean(axis=0)).ravel()
    means = np.zeros(width, np.float32)
    np.add.at(means, matrix.indices, matrix.data * (1.0 / rows))
    return means


def covered(matrix: Rows | sparse.csr_matrix, rows: Sequence[int], k: int) -> float:
    """The share of row `k`'s weight (its squared entries) in the terms that rows `rows`
    use: how much of what it says they have said in its words, whatever else they say."""
    start, end = int(matrix.indptr[k]), int(matrix.indptr[k + 1])
    weights = np.asarray(matrix.data[start:end], dtype=np.float64) ** 2
    total = float(weights.sum())
    if not total or not len(rows):
        return 0.0
    # (the terms as a set, not `np.isin`: a few dozen terms, for which numpy's per-call
    # cost was most of the time; the same entries summed in the same order)
    indices, indptr, said = matrix.indices, matrix.indptr, set()
    for j in rows:
        said.update(indices[indptr[j]:indptr[j + 1]].tolist())
    return float(weights[[term in said for term in indices[start:end].tolist()]].sum()) / total


def row_dots(matrix: sparse.csr_matrix, rows: Sequence[int], vector: np.ndarray) -> np.ndarray:
    """The dot products of `matrix`'s rows `rows` with `vector`, bit for bit
    `np.asarray(matrix[rows] @ vector).ravel()`: each row's products added in its term
    order from 0 (a running sum), without scipy's per-call cost."""
    if matrix.dtype != np.float32 or vector.dtype != np.float32 or not len(rows):
        return np.asarray(matrix[rows] @ vector).ravel()
    entry_row, place, take, offsets = row_entries(matrix, np.asarray(rows, dtype=np.intp))
    if not offsets[-1]:
        return np.zeros(len(rows), np.float32)
    return running_sums(entry_row, place, matrix.data[take] * vector[matrix.indices[take]],
                        len(rows))


def row_entries(matrix: sparse.csr_matrix, rows: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The entries of `matrix`'s rows `rows` (in that order, repeats allowed), laid end to
    end: each entry's row (its place in `rows`), its position in that row, and where it
    is in the matrix's arrays; and where each row's entries start (one more: the end)."""
    starts = matrix.indptr[rows].astype(np.intp)
    lengths = matrix.indptr[rows + 1].astype(np.intp) - starts
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    entry_row = np.repeat(np.arange(len(rows)), lengths)
    place = np.arange(offsets[-1]) - offsets[entry_row]
    return entry_row, place, starts[entry_row] + place, offsets


def running_sums(entry_row: np.ndarray, place: np.ndarray, values: np.ndarray,
                 n_rows: int) -> np.ndarray:
    """Each row's `values` (float32, laid out as `row_entries` lays them) added in order
    from 0, as scipy's sparse products add a row's products (at least one value)."""
    products = np.zeros((n_rows, int(place.max()) + 1), np.float32)
    products[entry_row, place] = values
    return np.add.accumulate(products, axis=1)[:, -1]


def mean_cosine(matrix: sparse.csr_matrix, rows: Sequence[int], k: int) -> float:
    """The mean cosine of `matrix`'s rows `rows` with its row `k`: bit for bit
    `(matrix[rows] @ matrix[k].T).mean()`, which scales the product's stored (nonzero)
    entries and sums them in float32."""
    column = cosines(matrix, rows, [k])[:, 0]
    return float((column[column != 0] * (1.0 / len(column))).sum(dtype=column.dtype))


def _normalized(data: np.ndarray, indices: np.ndarray, indptr: np.ndarray,
                width: int) -> Rows:
    """The csr matrix of rows (data, indices, indptr) scaled to unit length, bit for bit
    as scipy's `diags(1 / norms) @ m` with `norms = sqrt(m.multiply(m).sum(axis=1))`
    makes it, without building the four matrices in between (their per-call cost was
    a fifth of tf-idf's time on Multi-News clusters).

    scipy orders a row's entries as it meets them in its products: the element-wise
    square and the scaling each write a row's entries last-met first, unless (for the
    square) every row of the matrix has sorted terms, and float32 sums depend on the
    order of their terms.
    """
    rows = len(indptr) - 1
    lengths = np.diff(indptr)
    row_of = np.repeat(np.arange(rows), lengths)
    # each entry's position in its row read backwards: the order scipy's products write
    backwards = indptr[:-1][row_of] + indptr[1:][row_of] - 1 - np.arange(len(data))
    squares = data * data
    in_order = bool(np.all(np.diff(indices)[np.diff(row_of) == 0] > 0))  # scipy's canonical
    if not in_order:
        squares = squares[backwards]
    nonempty = np.flatnonzero(lengths)
    sums = np.zeros(rows, dtype=np.float32)
    if len(nonempty):
        sums[nonempty] = np.add.reduceat(squares, indptr[nonempty])
    norms = np.sqrt(sums)
    scale = (1 / np.where(norms > 0, norms, 1)).astype(np.float32)
    return Rows(scale[row_of][backwards] * data[backwards], indices[backwards], indptr,
                (rows, width))


MAX_PROFILE_CELLS = 4_000_000  # profiles x terms held dense (32 MB) by `profile_cosines`


def profile_cosines(matrix: sparse.csr_matrix, groups: Sequence[Sequence[int]]) -> np.ndarray:
    """The cosines between the profiles of `groups` of `matrix`'s rows (a profile: the
    sum of a group's rows, scaled to unit length), as a square float64 array: bit for
    bit what `_scipy_profile_cosines` gets from scipy's products, without their per-call
    cost (about a dozen small products and conversions per brief).

    The order of each sum is scipy's: a profile's entries are summed row after row (in
    row order); its product with the scaling writes them in the order the terms first
    come (its own product wrote them last-met first), and its squares for the length in
    that order unless every profile is stored sorted (scipy's canonical case); a cosine
    sums a profile's products with another's in the profile's order.
    """
    width = matrix.shape[1]
    if len(groups) * width > MAX_PROFILE_CELLS:
        return _scipy_profile_cosines(matrix, groups)
    dense = np.zeros((len(groups), width))
    orders = []  # each profile's terms, last-met first (as its product stores them)
    indptr = matrix.indptr
    for g, rows in enumerate(groups):
        rows = sorted(rows)
        if rows and rows[-1] - rows[0] + 1 == len(rows):  # an article's rows: one slice
            piece = slice(indptr[rows[0]], indptr[rows[-1] + 1])
            terms, data = matrix.indices[piece], matrix.data[piece]
        else:
            pieces = [slice(indptr[k], indptr[k + 1]) for k in rows]
            terms = np.concatenate([matrix.indices[p] for p in pieces] or [np.zeros(0, np.int32)])
            data = np.concatenate([matrix.data[p] for p in pieces] or [np.zeros(0)])
        np.add.at(dense[g], terms, data.astype(np.float64))
        # the terms in the order they first come (a dict keeps it), last-met first
        order = np.fromiter(dict.fromkeys(terms.tolist()), np.int32, -1)[::-1]
        orders.append(order[dense[g, order] != 0])
    canonical = all(np.all(np.diff(order) > 0) for order in orders)
    for g, order in enumerate(orders):
        squares = dense[g, order] ** 2
        if not canonical:
            squares = squares[::-1]
        norm = np.sqrt(np.add.reduceat(squares, [0])[0]) if len(squares) else 0.0
        dense[g] *= 1 / (norm if norm > 0 else 1)
        orders[g] = order[::-1]  # the scaled profile: in the order the terms first come
    out = np.zeros((len(groups), len(groups)))
    for g, order in enumerate(orders):
        if len(order):
            out[g] = np.add.accumulate(dense[:, order] * dense[g, order], axis=1)[:, -1]
    return out


def _scipy_profile_cosines(matrix: sparse.csr_matrix,
                           groups: Sequence[Sequence[int]]) -> np.ndarray:
    """`profile_cosines` by scipy's products (for profiles too many to hold dense)."""
    from scipy import sparse

    matrix = scipy_matrix(matrix)
    rows = [k for group in groups for k in group]
    owner = sparse.csr_matrix(
        (np.ones(len(rows)), ([g for g, group in enumerate(groups) for _ in group], rows)),
        shape=(len(groups), matrix.shape[0]))
    profiles = owner @ matrix
    norms = np.sqrt(np.asarray(profiles.multiply(profiles).sum(axis=1)).ravel())
    profiles = sparse.diags(1 / np.where(norms > 0, norms, 1)) @ profiles
    return (profiles @ profiles.T).toarray()
