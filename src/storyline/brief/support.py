"""Honest citations: which articles state what a brief sentence states, and how fully.

A brief sentence cites, for each article, that article's sentence that best supports it:
one of the fact's members (the sentences grouped with it), or any sentence of the
article that states it in other words (a looser tf-idf match, then the same test). A
source sentence supports the brief sentence **fully** when it has the brief sentence's
numbers and names and most of its content words (weighted by tf-idf, so that "fighters"
counts more than "said"), **partially** when it has a good part of its content words and
contradicts none of its numbers; otherwise the article is not cited.
"""

from __future__ import annotations

import re

import numpy as np
from scipy import sparse

from ..model import Citation, Fact, Sentence

# Shares of the brief sentence's tf-idf weight that a source sentence must have, and
# the cosine at which an article's other sentences are looked at. Chosen by reading the
# citations of 30 Multi-News dev briefs (benchmarks/editor/README.md).
FULL = 0.6
PARTIAL = 0.35
LOOSE = 0.35  # and the cosine a supporting sentence needs at least
FULL_COSINE = 0.4
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = re.compile(r"\b(?:no|not|never|none|nobody|nothing|neither|nor|without|n't|"
                       r"denied|denies|deny|refused|refuses|false|untrue)\b|n['’]t\b", re.I)
_NAME = re.compile(r"(?<=[\w,;:)\"”’] )[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")


def citations(shown: int, fact: Fact, sentences: list[Sentence], vectors: sparse.csr_matrix,
              files: dict[str, str | None]) -> tuple[Citation, ...]:
    """The citations of the brief sentence `shown` (a member of `fact`), one per article
    that supports it, in cluster order; the article of `shown` cites `shown` itself."""
    text = sentences[shown].text
    row = vectors[shown]
    candidates: dict[str, list[int]] = {}
    for k in fact.members:
        candidates.setdefault(sentences[k].article, []).append(k)
    similar = np.flatnonzero((vectors @ row.T).toarray().ravel() >= LOOSE)
    for k in similar:
        candidates.setdefault(sentences[k].article, []).append(int(k))
    out = []
    for article in files:
        if article == sentences[shown].article:
            out.append(_citation(sentences[shown], files, "full"))
            continue
        graded = [(grade(text, row, sentences[k].text, vectors[k]), k)
                  for k in dict.fromkeys(candidates.get(article, ()))]
        graded = [(g, k) for g, k in graded if g is not None]
        if graded:
            support, k = max(graded, key=lambda g: (g[0] == "full", _share(row, vectors[g[1]])))
            out.append(_citation(sentences[k], files, support))
    return tuple(out)


def grade(text: str, row: sparse.csr_matrix, source: str,
          source_row: sparse.csr_matrix) -> str | None:
    """"full", "partial" or None: how well `source` states what `text` states."""
    share = _share(row, source_row)
    cosine = float((row @ source_row.T).toarray()[0, 0])
    numbers = _numbers(text)
    source_numbers = _numbers(source)
    if cosine < LOOSE or share < PARTIAL:
        return None
    if numbers and source_numbers and not numbers & source_numbers:
        return None  # other figures: not the same statement, or a disagreement
    if bool(_NEGATION.search(text)) != bool(_NEGATION.search(source)):
        return None  # one says it is so, the other that it is not
    if (share >= FULL and cosine >= FULL_COSINE and numbers <= source_numbers
            and _names(text) <= _words(source)):
        return "full"
    return "partial"


def _share(row: sparse.csr_matrix, source_row: sparse.csr_matrix) -> float:
    """The share of `row`'s tf-idf weight on terms that `source_row` has too."""
    total = row.sum()
    if not total:
        return 0.0
    shared = row.multiply(source_row > 0).sum()
    return float(shared / total)


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def _names(text: str) -> set[str]:
    """The capitalized words inside a sentence, lower-cased, without a possessive."""
    text = text.replace("’", "'")
    return {re.sub(r"'s?$", "", n.lower()) for n in _NAME.findall(text)}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+(?:-[a-z]+)*", text.replace("’", "'").lower()))


def _citation(s: Sentence, files: dict[str, str | None], support: str) -> Citation:
    return Citation(s.article, files[s.article], s.start, s.end, s.text, support)
