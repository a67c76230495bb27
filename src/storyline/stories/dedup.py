"""Near duplicates: syndicated copies of one wire story, found with MinHash.

An article's signature is a MinHash (datasketch) of its word 5-grams; two signatures
agreeing in a share s of their positions estimate the articles' Jaccard similarity as s
(approximately: the estimate's standard error is about 0.04 at 128 permutations). To
find candidates without comparing with every article, signatures are cut into `BANDS`
bands (locality-sensitive hashing); articles sharing a band are candidates, and a
candidate whose estimate reaches `COPY` is a copy. The store keeps the band hashes in an
index, so a look-up costs the same with 100 articles or a million.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

PERMUTATIONS = 128
BANDS = 16  # of 8 rows: pairs at Jaccard 0.8 share a band with probability 0.9996
COPY = 0.8  # estimated Jaccard of 5-gram shingles at which an article is a copy
SHINGLE = 5
SEED = 1
SCHEME = "affine32"  # datasketch 2's default: 32-bit hashes, stored as uint32
_WORD = re.compile(r"\w+")
_BASE = 1_000_003  # a prime: the 5-gram hash is a polynomial in it of its words' hashes
_permutations = None


def signature(text: str) -> bytes:
    """The MinHash signature of the text's word 5-grams, as bytes (uint32 values)."""
    from datasketch import MinHash  # imported on use: its import costs half a second

    global _permutations
    m = MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=int, permutations=_permutations,
                scheme=SCHEME)
    _permutations = m.permutations  # made once per process, then shared
    m.update_batch(shingles(text))
    return np.asarray(m.hashvalues, dtype=np.uint32).tobytes()


def shingles(text: str) -> np.ndarray:
    """The distinct 32-bit hashes of the text's word 5-grams (of its lower-cased words;
    a text shorter than five words is one shingle). Each word is hashed once and the
    5-grams combined in numpy, as a polynomial of their words' hashes."""
    words = np.fromiter(map(_word_hash, _WORD.findall(text.lower())), dtype=np.uint64)
    if len(words) == 0:
        return words
    n = max(1, len(words) - SHINGLE + 1)
    combined = np.zeros(n, dtype=np.uint64)
    for k in range(min(SHINGLE, len(words))):
        combined = (combined * np.uint64(_BASE) + words[k:k + n]) & np.uint64(0xFFFFFFFF)
    return np.unique(combined)


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode())


def bands(sig: bytes) -> list[tuple[int, int]]:
    """(band, hash) pairs under which the store indexes the signature."""
    rows = len(sig) // BANDS
    return [(b, zlib.crc32(sig[b * rows:(b + 1) * rows])) for b in range(BANDS)]


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two articles' shingles."""
    x, y = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    return float(np.mean(x == y))
