"""Sentence representations: stemmed tf-idf over the cluster's own sentences.

Rows are L2-normalized, so a dot product is a cosine similarity. Similarities between
many sentences are computed in blocks, so memory stays bounded for large inputs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import snowballstemmer
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from .model import Sentence

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")
_STEMMER = snowballstemmer.stemmer("english")
BLOCK_ROWS = 512  # rows per block in `similar_pairs`: 512 x 40,000 float32 is 80 MB


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def terms(text: str) -> list[str]:
    """Lower-cased, stemmed content words; numbers are kept.

    Stop words are dropped, except capitalized acronyms that look like one ("US", "IS",
    "U.S." all count as words), so the United States does not vanish as the pronoun "us".
    """
    text = _DOTTED_ACRONYM.sub(lambda m: m.group().replace(".", ""), text.replace("’", "'"))
    out = []
    for word in _WORD.findall(text):
        word = word.removesuffix("'s").removesuffix("'S")
        lower = word.lower()
        if word.isupper() and len(word) > 1:
            out.append(lower)
        elif lower not in ENGLISH_STOP_WORDS:
            out.append(_stem(lower))
    return out


def tfidf(sentences: list[Sentence]) -> sparse.csr_matrix:
    """One L2-normalized tf-idf row per sentence; idf is computed over the cluster's sentences."""
    if not sentences:
        return sparse.csr_matrix((0, 0), dtype=np.float32)
    vectorizer = TfidfVectorizer(analyzer=terms, sublinear_tf=True, dtype=np.float32)
    try:
        return vectorizer.fit_transform([s.text for s in sentences]).tocsr()
    except ValueError:  # no content word at all: every row is empty
        return sparse.csr_matrix((len(sentences), 1), dtype=np.float32)


def similar_pairs(vectors: sparse.csr_matrix, threshold: float) -> Iterator[tuple[int, int, float]]:
    """Every pair (i, j, cosine) with i > j and cosine >= threshold, in order of i."""
    transposed = vectors.T.tocsc()
    for start in range(0, vectors.shape[0], BLOCK_ROWS):
        block = (vectors[start:start + BLOCK_ROWS] @ transposed).toarray()
        rows, cols = np.nonzero(block >= threshold)
        for r, c in zip(rows.tolist(), cols.tolist()):
            i = start + r
            if c < i:
                yield i, c, float(block[r, c])
