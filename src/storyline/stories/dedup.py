"""Near duplicates: syndicated copies of one wire story, found with MinHash.

An article's signature is a MinHash of its word 5-grams; two signatures agreeing in a
share s of their positions estimate the articles' Jaccard similarity as s
(approximately: the estimate's standard error is about 0.04 at 128 permutations). To
find candidates without comparing with every article, signatures are cut into `BANDS`
bands (locality-sensitive hashing); articles sharing a band are candidates, and a
candidate whose estimate reaches `COPY` is a copy. The store keeps the band hashes in an
index, so a look-up costs the same with 100 articles or a million.

The MinHash is datasketch's "affine32" scheme (its default since 2.0: each 32-bit hash
mixed by the MurmurHash3 finalizer, then h -> a*h + b mod 2**32 for 128 seeded odd a),
computed here in a few numpy operations over all shingles at once: the same values
(tests/test_stories.py checks them against datasketch), without datasketch's import
(about a second, for scipy) or its per-shingle Python loop.
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
_WORD = re.compile(r"\w+")
_BASE = 1_000_003  # a prime: the 5-gram hash is a polynomial in it of its words' hashes
_EMPTY = np.uint32(0xFFFFFFFF)  # a signature position no shingle has lowered
_BLOCK = 4096  # shingles permuted at a time: a block of them takes 2 MB


def signature(text: str) -> bytes:
    """The MinHash signature of the text's word 5-grams, as bytes (uint32 values)."""
    a, b = _permutations()
    values = np.full(PERMUTATIONS, _EMPTY, dtype=np.uint32)
    hashes = _fmix32(shingles(text).astype(np.uint32))
    for i in range(0, len(hashes), _BLOCK):  # uint32 arithmetic wraps: mod 2**32
        block = hashes[i:i + _BLOCK, None] * a + b
        values = np.minimum(values, block.min(axis=0))
    return values.tobytes()


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's seeded affine permutations: odd multipliers a, offsets b (uint32)."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer (a bijection that spreads the bits)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


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
