"""Stage 6: a readable order for the chosen facts.

Facts are told in the order their articles tell them: by relative position in the
article (the earliest among the fact's sentences), so that leads come first and
background comes last; among facts at the same position, the higher-scored goes first.
"""

from __future__ import annotations

import numpy as np

from ..model import Fact, Sentence


def by_position(chosen: list[int], facts: list[Fact], scores: np.ndarray,
                sentences: list[Sentence]) -> list[int]:
    """The chosen fact indices in reading order."""
    def key(i: int) -> tuple[float, float]:
        return (min(sentences[k].position for k in facts[i].members), -float(scores[i]))

    return sorted(chosen, key=key)
