"""One options object, keyword-only, validated once when it is made."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import OptionsError

MAX_WORDS = 5000


@dataclass(frozen=True, kw_only=True)
class Options:
    """How to summarize.

    words: the word budget of the brief; it is never exceeded.
    scorer: how facts are rated (a name from `score.SCORERS`).
    selector: how facts are chosen under the budget (a name from `select.SELECTORS`).
    """

    words: int = 120
    scorer: str = "centrality"
    selector: str = "mmr"

    def __post_init__(self) -> None:
        from .score import SCORERS
        from .select import SELECTORS

        if isinstance(self.words, bool) or not isinstance(self.words, int):
            raise OptionsError(f"words must be a whole number, got {self.words!r}")
        if not 1 <= self.words <= MAX_WORDS:
            raise OptionsError(f"words must be between 1 and {MAX_WORDS}, got {self.words}")
        if self.scorer not in SCORERS:
            raise OptionsError(f"unknown scorer {self.scorer!r}; choose one of {sorted(SCORERS)}")
        if self.selector not in SELECTORS:
            raise OptionsError(
                f"unknown selector {self.selector!r}; choose one of {sorted(SELECTORS)}")
