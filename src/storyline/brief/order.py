"""Stage 6: a reading order for the chosen sentences.

The main news comes first (the opener, when `select` chose one). The rest are told in the
order their articles tell them: by relative position in the article, so that leads come
before details and background comes last; among sentences at the same position the
higher-scored goes first. Two rules keep every sentence readable where it stands: a
sentence shown with its antecedent follows it directly, and a sentence that names
someone by surname comes after the sentence that names them in full, within its time
(with phases, a line stays in its own time's section even when only an earlier time's
line names them in full: left out, a story lost its latest news; told below the earlier
time, its time was headed twice).

When the articles fall into phases (clearly different times, `brief.phases`), the
latest phase is told first, the news first; then the earlier phases, each before the one
it follows, as the background of how it came to this (each "Earlier, ..." section is
earlier than the one above it: two readers of story pages found time order after the
latest, "Earlier, May 1998" above "Earlier, October 1998", out of order); the sentences of articles that belong to no
phase come last. Each phase is told in the order above, the opener's article's sentences
first in its phase (a brief retold from the opener's article goes on with it, not with
another article's lead of the same phase). Without phases, each article's
sentences are then told together, the first sentence's article first and the others in
the order they come (two blind readers preferred it in 21 and 23 of 27 read Timeline17
days: `benchmarks/editor/ab_article_order.jsonl`).

A brief does not end on a stray line: a last sentence that only its own article reports,
the only one of that article in the brief, and that shares almost no words with any
other brief sentence (another strand of the day's news, a side remark) is left out, and
so on, with a lower bar for the lines before it, while the brief keeps three.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..model import Sentence
from .context import Reading
from .select import Pick
from .vectors import cosines

if TYPE_CHECKING:  # (tf-idf's rows: vectors.Rows, read as a csr_matrix)
    from scipy import sparse


def reading_order(picks: list[Pick], scores: np.ndarray, sentences: list[Sentence],
                  reading: Reading, *, opened: bool = False,
                  phases: Sequence[frozenset[str]] = ()) -> list[Pick]:
    """The picks in reading order; `opened` says that the first pick is the opener;
    `phases` are sets of article ids, in time order."""
    chains: list[list[Pick]] = []
    chain_of: dict[int, list[Pick]] = {}
    for pick in picks:
        chain = chain_of.get(pick.after) if pick.after is not None else None
        need = reading.needs[pick.sentence]
        if chain is not None and need.standalone and not need.names <= _gives(chain, reading):
            chain = None  # it only continues its article there: it waits for its names
        if chain is None:
            chain = []
            chains.append(chain)
        chain.append(pick)
        chain_of[pick.sentence] = chain
    ranks = list(range(len(phases) - 1, -1, -1))  # the latest first, then each time before it
    phase = {a: rank for rank, i in enumerate(ranks) for a in phases[i]}

    head = [chains.pop(0)] if opened and chains else []
    home = sentences[head[0][0].sentence].article if head else None
    # the opener's time goes on after it, whichever it is (a focused brief may open on
    # an earlier or an undated article): its time is not headed twice
    opening = phase.get(home, len(phases)) if head else None

    def key(chain: list[Pick]) -> tuple[int, bool, float, float]:
        first = sentences[chain[0].sentence]
        rank = phase.get(first.article, len(phases))
        return (-1 if rank == opening else rank, first.article != home, first.position,
                -float(scores[chain[0].fact]))

    waiting = sorted(chains, key=key)
    named = set().union(*(reading.introduces[p.sentence] for c in head for p in c))
    ordered = head
    while waiting:  # the first chain in order whose names are given, else the first
        # (a chain waits only for a name another waiting chain of its time gives: "Libya",
        # which none introduces, does not hold a time's sentences back behind an earlier
        # time's, nor do "the new rules" of the latest time wait below the earliest time's
        # "wetlands rules", which headed the latest time a second time after it)
        ready = next((c for c in waiting if not (_needs(c, reading) - named - _gives(c, reading))
                      & set().union(*(_gives(o, reading) for o in waiting
                                      if o is not c and key(o)[0] == key(c)[0]))),
                     waiting[0])
        waiting.remove(ready)
        ordered.append(ready)
        named |= _gives(ready, reading)
    told = [pick for chain in ordered for pick in chain]
    return told if phases else _by_article(told, sentences, reading)


def _by_article(told: list[Pick], sentences: list[Sentence], reading: Reading) -> list[Pick]:
    """`told` with each article's sentences together: the first sentence's article, then
    the others in the order they first come, each in its own order; as it was if that
    would name someone by surname before the full name."""
    articles = list(dict.fromkeys(sentences[p.sentence].article for p in told))
    grouped = [p for a in articles for p in told if sentences[p.sentence].article == a]
    named: set[str] = set()
    for pick in grouped:
        if not reading.needs[pick.sentence].names <= named | reading.introduces[pick.sentence]:
            return told
        named |= reading.introduces[pick.sentence]
    return grouped


def _needs(chain: list[Pick], reading: Reading) -> set[str]:
    return set().union(*(reading.needs[p.sentence].names for p in chain))


def _gives(chain: list[Pick], reading: Reading) -> set[str]:
    return set().union(*(reading.introduces[p.sentence] for p in chain))


# A last sentence whose tf-idf cosine with every other brief sentence is below this, from
# an article the brief shows nothing else of, is a stray ending (see the module's doc).
# 0.2 rather than 0.1: two blind readers would run the briefs without such endings in 20
# and 25 of 39 changed clusters (DUC 11 of 16 judgements, Timeline17 days 18 of 26,
# Multi-News 16 of 36), coherence 3.08 -> 3.59 and 3.03 -> 3.62, stray sentences 14 -> 4
# and 20 -> 8 (`benchmarks/editor/ab_stray_ending2.jsonl`); ROUGE-1/2 on Multi-News dev
# 44.91 / 15.73 -> 44.71 / 15.64, DUC 2006 39.46 / 8.58 -> 38.30 / 8.25 (a 250-word topic
# summary loses the topic's other events from its tail). The lines before it go on the
# first bar, 0.1 (`STRAY_TAIL`): the same 120-word briefs but for one, and DUC 2006 at
# 38.71 / 8.35 rather than 38.30 / 8.25.
STRAY_ENDING = 0.2
STRAY_TAIL = 0.1
# A line that alone tells an earlier phase is the story's background, a stray one only
# when it shares next to nothing with the rest (a charity's "April is here ..." after the
# climbers' news, which four readers of rounds 8 and 9 named).
STRAY_PHASE = 0.05
MIN_KEPT = 3


def without_stray_ending(picks: list[Pick], reported: Sequence[int], sentences: list[Sentence],
                         vectors: sparse.csr_matrix,
                         told_in: Sequence[int | None] | None = None) -> list[Pick]:
    """`picks` (in reading order) without the stray lines they end on; `reported` counts
    the articles that report each pick's sentence (`support.reported_by`), `told_in` the
    phase each is told in: a line that opens an earlier phase of the story is a stray one
    only under STRAY_PHASE."""
    whole = len(picks)
    while len(picks) > MIN_KEPT:
        last, rest = picks[-1], picks[:-1]
        article = sentences[last.sentence].article
        if (last.after is not None or reported[len(rest)] > 1
                or any(sentences[p.sentence].article == article for p in rest)):
            break
        opens_phase = told_in is not None and told_in[len(rest)] != told_in[len(rest) - 1]
        similarity = cosines(vectors, [p.sentence for p in rest], [last.sentence])
        if similarity.max() >= (STRAY_PHASE if opens_phase else
                                STRAY_ENDING if len(picks) == whole else STRAY_TAIL):
            break
        picks = rest
    return picks
