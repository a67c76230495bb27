"""Stage 6: a reading order for the chosen sentences.

The main news comes first (the opener, when `select` chose one). The rest are told in the
order their articles tell them: by relative position in the article, so that leads come
before details and background comes last; among sentences at the same position the
higher-scored goes first. Two rules keep every sentence readable where it stands: a
sentence shown with its antecedent follows it directly, and a sentence that names
someone by surname comes after the sentence that names them in full.

When the articles fall into phases (clearly different times, `brief.phases`), the
latest phase is told first, the news first; then the earlier phases, in time order, as
the background of how it came to this; the sentences of articles that belong to no
phase come last. Each phase is told in the order above.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model import Sentence
from .context import Reading
from .select import Pick


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
    ranks = [len(phases) - 1, *range(len(phases) - 1)] if phases else []  # latest, earlier
    phase = {a: rank for rank, i in enumerate(ranks) for a in phases[i]}

    def key(chain: list[Pick]) -> tuple[int, float, float]:
        first = sentences[chain[0].sentence]
        return (phase.get(first.article, len(phases)), first.position,
                -float(scores[chain[0].fact]))

    head = [chains.pop(0)] if opened and chains else []
    waiting = sorted(chains, key=key)
    named = set().union(*(reading.introduces[p.sentence] for c in head for p in c))
    ordered = head
    while waiting:  # the first chain in order whose names are given, else the first
        ready = next((c for c in waiting if _needs(c, reading) <= named | _gives(c, reading)),
                     waiting[0])
        waiting.remove(ready)
        ordered.append(ready)
        named |= _gives(ready, reading)
    return [pick for chain in ordered for pick in chain]


def _needs(chain: list[Pick], reading: Reading) -> set[str]:
    return set().union(*(reading.needs[p.sentence].names for p in chain))


def _gives(chain: list[Pick], reading: Reading) -> set[str]:
    return set().union(*(reading.introduces[p.sentence] for p in chain))
