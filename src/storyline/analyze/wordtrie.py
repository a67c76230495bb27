"""Many words as one pattern, written as a trie, for patterns searched in every sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..brief.literals import trie


def alternation(words: Iterable[str]) -> str:
    """A regular expression that matches the given words, as a trie ("t(?:en(?:s)?|wo)"
    for ten, tens and two): sre tries the branches of an alternation one by one at each
    position, the trie one branch a letter. Between word boundaries (`\\b...\\b`) it
    finds what the plain alternation finds, in any order of the words: a match there is
    a whole word, which only one of them can be (the trie's optional groups are greedy,
    so it tries a longer word first, then backs off to a shorter one)."""
    words = list(words)
    for word in words:
        if not re.fullmatch(r"\w+", word):
            raise ValueError(f"not a word: {word!r}")
    return trie(words)
