"""Timeline summarization scored as the field scores it (T17, Crisis, Entities).

The content measure is alignment-based ROUGE ("align+ m:1", Martschat & Markert 2017, as
tilse computes it and Gholipour Ghalandari & Ifrim 2020 report it):

- Each system date is aligned to the reference date of least cost, and (for recall) each
  reference date to the system date of least cost; a date may be chosen many times. The
  cost of a pair is (1 - 1 / (days apart + 1)) x (1 - unigram F1 of their summaries), the
  unigram F1 on the raw whitespace tokens, punctuation tokens left out.
- The ROUGE-N hits of an aligned pair count 1 / (days apart + 1) times; precision is the
  weighted hits over the system's n-grams, recall over the reference's.
- ROUGE itself is ROUGE-1.5.5's with -m -s: lower-cased, every character that is not a
  letter, a digit or a hyphen made a space, SMART stop words dropped, the Porter stemmer
  on words longer than 3 characters (ROUGE-1.5.5 first looks words up in WordNet's
  exception lists; that step is left out here: see BENCHMARKS.md for the difference
  against the Perl script), the sentences of a date joined, so bigrams cross them.

Date F1 is the exact overlap of the two sets of dates. Over several timelines,
precision and recall are averaged and F1 is taken of the averages. `concat` ROUGE
(all summaries of a timeline joined) is reported beside them.

`run()` runs the protocol on JSON Lines lines carrying a reference `timeline`: the input
is restricted to the reference's date span, the system returns as many dates as the
reference with as many sentences per date as its mean, rounded; Storyline and baselines
are scored side by side with the time each took per timeline.
"""

from __future__ import annotations

import json
import random
import re
import string
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import Stemmer

from ..data import word_list
from ..errors import InputError
from ..model import Article

Timeline = dict[date, list[str]]  # date -> its summary sentences

_STOP = word_list("rouge_stopwords.txt")
_PORTER = Stemmer.Stemmer("porter")  # the original Porter algorithm, as ROUGE-1.5.5's
_NOT_WORD = re.compile(r"[^a-z0-9\-]")


# --- ROUGE ------------------------------------------------------------------------------

def rouge_terms(text: str) -> list[str]:
    """The tokens ROUGE-1.5.5 counts with -m -s (see the module docstring)."""
    text = _NOT_WORD.sub(" ", text.lower().replace("-", " - "))
    return [_PORTER.stemWord(t) if len(t) > 3 else t for t in text.split()
            if t not in _STOP and t[0] != "-"]


def ngrams(terms: Sequence[str], n: int) -> Counter:
    return Counter(zip(*(terms[i:] for i in range(n))))


@dataclass(frozen=True)
class Counts:
    """ROUGE-N counts of one summary against one reference: clipped hits, the summary's
    n-grams, the reference's."""

    hits: float
    peer: int
    model: int


def rouge_counts(summary: Sequence[str], reference: Sequence[str], n: int) -> Counts:
    peer = ngrams(rouge_terms(" ".join(summary)), n)
    model = ngrams(rouge_terms(" ".join(reference)), n)
    return Counts(sum((peer & model).values()), sum(peer.values()), sum(model.values()))


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def _ratio(num: float, denom: float) -> float:
    return num / denom if denom else 0.0


# --- the alignment ----------------------------------------------------------------------

def _unigram_f1(summary: Sequence[str], reference: Sequence[str]) -> float:
    """tilse's cheap content similarity for the alignment: unigram F1 on whitespace tokens,
    case kept, tokens that are punctuation left out."""
    def bag(sentences):
        return Counter(t for s in sentences for t in s.split() if t not in string.punctuation)
    a, b = bag(summary), bag(reference)
    hits = sum((a & b).values())
    return PRF(_ratio(hits, sum(a.values())), _ratio(hits, sum(b.values()))).f1


def alignment(system: Timeline, reference: Timeline) -> tuple[dict[date, date],
                                                              dict[date, date]]:
    """The many-to-one alignment: each system date's reference date (for precision) and
    each reference date's system date (for recall), the least costly; ties go to the
    earliest date."""
    sys_dates, ref_dates = sorted(system), sorted(reference)
    cost = {(s, r): (1 - 1 / (abs((s - r).days) + 1))
            * (1 - _unigram_f1(system[s], reference[r])) for s in sys_dates for r in ref_dates}
    to_ref = {s: min(ref_dates, key=lambda r: (cost[s, r], r)) for s in sys_dates} \
        if ref_dates else {}
    to_sys = {r: min(sys_dates, key=lambda s: (cost[s, r], s)) for r in ref_dates} \
        if sys_dates else {}
    return to_ref, to_sys


def align_rouge(system: Timeline, reference: Timeline, n: int) -> PRF:
    """Alignment-based ROUGE-N ("align+ m:1")."""
    to_ref, to_sys = alignment(system, reference)
    hits = denom = 0.0
    for s, r in to_ref.items():
        c = rouge_counts(system[s], reference[r], n)
        hits, denom = hits + c.hits / (abs((s - r).days) + 1), denom + c.peer
    precision = _ratio(hits, denom)
    hits = denom = 0.0
    for r in reference:
        if r in to_sys:
            s = to_sys[r]
            c = rouge_counts(system[s], reference[r], n)
            hits += c.hits / (abs((s - r).days) + 1)
            denom += c.model
        else:  # an empty system timeline: the reference's n-grams are all missed
            denom += rouge_counts([], reference[r], n).model
    return PRF(precision, _ratio(hits, denom))


def concat_rouge(system: Timeline, reference: Timeline, n: int) -> PRF:
    """ROUGE-N of all the system's summaries, in date order, against all the reference's."""
    c = rouge_counts([s for d in sorted(system) for s in system[d]],
                     [s for d in sorted(reference) for s in reference[d]], n)
    return PRF(_ratio(c.hits, c.peer), _ratio(c.hits, c.model))


def date_prf(system: Timeline, reference: Timeline) -> PRF:
    shared = len(set(system) & set(reference))
    return PRF(_ratio(shared, len(system)), _ratio(shared, len(reference)))


MEASURES = ("AR-1", "AR-2", "date", "concat-1", "concat-2")


def score(system: Timeline, reference: Timeline) -> dict[str, PRF]:
    """Every measure of one system timeline against one reference."""
    return {"AR-1": align_rouge(system, reference, 1), "AR-2": align_rouge(system, reference, 2),
            "date": date_prf(system, reference), "concat-1": concat_rouge(system, reference, 1),
            "concat-2": concat_rouge(system, reference, 2)}


def average(scores: Iterable[dict[str, PRF]]) -> dict[str, PRF]:
    """Precision and recall averaged over timelines (F1 is then taken of the averages, as
    Gholipour Ghalandari & Ifrim report)."""
    scores = list(scores)
    if not scores:
        return {}
    return {m: PRF(sum(s[m].precision for s in scores) / len(scores),
                   sum(s[m].recall for s in scores) / len(scores)) for m in scores[0]}
