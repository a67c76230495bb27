"""One options object, keyword-only, validated once when it is made."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .errors import OptionsError

MAX_WORDS = 5000
MAX_FOCUS_CHARS = 2000


@dataclass(frozen=True, kw_only=True)
class Options:
    """How to summarize.

    words: the word budget of the brief; it is never exceeded.
    scorer: how facts are rated (a name from `score.SCORERS`).
    selector: how facts are chosen under the budget (a name from `select.SELECTORS`).
    focus: a word, phrase or question that the brief should be about, or None.
    published: the date (YYYY-MM-DD) of the articles that carry none of their own, so
        that "on Monday" or "last month" in them can be put on the timeline.
    analysis: whether to find the disagreements and the timeline (with spaCy, about
        1.5 s to load once and 7 ms per sentence with a number or a date); the brief
        itself is the same either way.
    """

    words: int = 120
    scorer: str = "learned"
    selector: str = "mmr"
    focus: str | None = None
    published: str | None = None
    analysis: bool = True

    def __post_init__(self) -> None:
        from .brief.score import SCORERS
        from .brief.select import SELECTORS

        if isinstance(self.words, bool) or not isinstance(self.words, int):
            raise OptionsError(f"words must be a whole number, got {self.words!r}")
        if not 1 <= self.words <= MAX_WORDS:
            raise OptionsError(f"words must be between 1 and {MAX_WORDS}, got {self.words}")
        if self.scorer not in SCORERS:
            raise OptionsError(f"unknown scorer {self.scorer!r}; choose one of {sorted(SCORERS)}")
        if self.focus is not None and (not isinstance(self.focus, str) or not self.focus.strip()
                                       or len(self.focus) > MAX_FOCUS_CHARS):
            raise OptionsError(f"focus must be a word, phrase or question of 1 to "
                               f"{MAX_FOCUS_CHARS} characters, got {self.focus!r:.60}")
        if self.published is not None and not _is_date(self.published):
            raise OptionsError(f"published must be a date written YYYY-MM-DD, got "
                               f"{self.published!r}")
        if not isinstance(self.analysis, bool):
            raise OptionsError(f"analysis must be True or False, got {self.analysis!r}")
        if self.selector not in SELECTORS:
            raise OptionsError(
                f"unknown selector {self.selector!r}; choose one of {sorted(SELECTORS)}")


def _is_date(text) -> bool:
    try:
        return (isinstance(text, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", text) is not None
                and bool(date.fromisoformat(text)))
    except ValueError:
        return False
