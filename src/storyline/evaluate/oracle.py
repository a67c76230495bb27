"""The extractive oracle: input sentences chosen greedily by ROUGE against the references.

It sees the answer, so it is no summarizer: it is the ceiling that any system choosing
whole input sentences can reach under the same budget. Each step adds the sentence that
most raises ROUGE-1 + ROUGE-2 (mean over the references, in the measure being reported),
the usual greedy oracle of the extractive literature; it stops when the budget is full
or, for F1, when no sentence raises the score. Bigrams are counted within sentences; the
scorer also counts the few that span two chosen sentences, so the oracle's own estimate
can differ slightly from its reported ROUGE-2.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def greedy_oracle(sentences: Sequence[str], references: Sequence[str], words: int,
                  measure: str = "f1") -> list[str]:
    """Sentences in the order chosen (so a cut at the budget drops the least useful)."""
    from rouge_score.tokenizers import DefaultTokenizer

    tokenizer = DefaultTokenizer(use_stemmer=True)  # the tokens rouge-score counts
    chosen = greedy_choice([ngrams(tokenizer.tokenize(s)) for s in sentences],
                           [len(s.split()) for s in sentences],
                           [ngrams(tokenizer.tokenize(r)) for r in references], words, measure)
    return [sentences[i] for i in chosen]


def greedy_choice(candidates: Sequence[tuple[Counter, Counter]], lengths: Sequence[int],
                  refs: Sequence[tuple[Counter, Counter]], words: int,
                  measure: str = "f1") -> list[int]:
    """The greedy oracle on counted unigrams and bigrams (`ngrams` of each candidate and
    reference): candidate indices in the order chosen. Training labels use it too."""
    ref_totals = [[sum(ref[n].values()) for n in (0, 1)] for ref in refs]
    chosen: list[int] = []
    picked: tuple[Counter, Counter] = (Counter(), Counter())
    overlaps = [[0, 0] for _ in refs]  # per reference: matched unigrams, bigrams
    best = 0.0
    used = 0
    while used < words:
        step = None
        for i, grams in enumerate(candidates):
            if i in chosen or not grams[0]:
                continue
            gain = [[o[n] + _added(picked[n], grams[n], ref[n]) for n in (0, 1)]
                    for o, ref in zip(overlaps, refs, strict=True)]
            score = _score(gain, [sum(picked[n].values()) + sum(grams[n].values())
                                  for n in (0, 1)], ref_totals, measure)
            if score > best + 1e-12:
                best, step = score, (i, gain)
        if step is None:
            break
        i, overlaps = step
        chosen.append(i)
        for n in (0, 1):
            picked[n].update(candidates[i][n])
        used += lengths[i]
    return chosen


def ngrams(tokens: list[str]) -> tuple[Counter, Counter]:
    """The unigram and bigram counts of a token list."""
    return Counter(tokens), Counter(zip(tokens, tokens[1:], strict=False))


def _added(picked: Counter, new: Counter, ref: Counter) -> int:
    """How many more of `ref`'s n-grams are matched once `new` joins `picked` (clipped)."""
    return sum(min(picked[g] + c, ref[g]) - min(picked[g], ref[g]) for g, c in new.items()
               if g in ref)


def _score(overlaps: list[list[int]], totals: list[int], ref_totals: list[list[int]],
           measure: str) -> float:
    """Mean over references of ROUGE-1 + ROUGE-2, as F1 or recall."""
    result = 0.0
    for (o1, o2), ref_total_n in zip(overlaps, ref_totals, strict=True):
        for n, overlap in enumerate((o1, o2)):
            ref_total = ref_total_n[n]
            recall = overlap / ref_total if ref_total else 0.0
            if measure == "recall":
                result += recall
            else:
                precision = overlap / totals[n] if totals[n] else 0.0
                result += 2 * precision * recall / (precision + recall) if overlap else 0.0
    return result / len(ref_totals)
