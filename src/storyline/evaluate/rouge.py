"""ROUGE as the field reports it, the same for every system.

rouge-score with Porter stemming; ROUGE-Lsum takes one sentence per line. Every output is
cut to the same number of words first (`cut`), and a score against several references is
their mean. Scores are percentages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..brief.segment import sentence_spans

METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")
MEASURES = {"f1": "fmeasure", "recall": "recall"}
# --metric duc: ROUGE-2 and ROUGE-SU4 recall as NIST scored DUC (rouge155.py)
CHOICES = (*MEASURES, "duc")


def metrics_of(measure: str) -> tuple[str, ...]:
    """The metrics a measure reports."""
    from .rouge155 import METRICS as DUC_METRICS

    return DUC_METRICS if measure == "duc" else METRICS


def scorer(measure: str, words: int):
    """The scorer of a measure: `Rouge`, or `rouge155.DucRouge` cutting references too."""
    from .rouge155 import DucRouge

    return DucRouge(words) if measure == "duc" else Rouge(measure)


def cut(sentences: Sequence[str], words: int) -> list[str]:
    """The first `words` whitespace-separated words of the sentences, sentence breaks kept."""
    kept: list[str] = []
    left = words
    for sentence in sentences:
        tokens = sentence.split()
        if left <= 0:
            break
        if tokens:
            kept.append(" ".join(tokens[:left]))
            left -= len(tokens)
    return kept


@lru_cache(maxsize=256)  # a cluster's references are scored once per system
def sentences_of(text: str) -> tuple[str, ...]:
    """A reference or published summary split into sentences by Storyline's splitter
    (rouge-score's own splitter needs NLTK data that cannot be downloaded offline).

    A line break ends a sentence unless the next line starts in lower case (a line
    wrapped inside a sentence), so highlights written one per line without full stops
    stay apart."""
    blocks = re.split(r"\s*\n\s*(?![a-z])", text.strip())
    return tuple(s for block in blocks if (flat := " ".join(block.split()))
                 for s in (flat[a:b] for a, b in sentence_spans(flat)))


class Rouge:
    """Scores a summary (a list of sentences) against references (texts)."""

    def __init__(self, measure: str = "f1"):
        if measure not in MEASURES:
            raise ValueError(f"measure must be one of {sorted(MEASURES)}, not {measure!r}")
        from rouge_score import rouge_scorer  # here, so system processes do not load it

        self.measure = measure
        self._scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def score(self, summary: Sequence[str], references: Sequence[str]) -> dict[str, float]:
        prediction = "\n".join(summary)
        field = MEASURES[self.measure]
        totals = dict.fromkeys(METRICS, 0.0)
        for reference in references:
            scores = self._scorer.score("\n".join(sentences_of(reference)), prediction)
            for metric in METRICS:
                totals[metric] += getattr(scores[metric], field)
        return {m: 100 * totals[m] / len(references) for m in METRICS}
