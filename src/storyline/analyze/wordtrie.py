"""Many words as one pattern, written as a trie, for patterns searched in every sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regular expression that matches the given words, as a trie ("t(?:en(?:s)?|wo)"
    for ten, tens and two): sre tries the branches of an alternation one by one at each
    position, the trie one branch a letter. Between word boundaries (`\\b...\\b`) it
    finds what the plain alternation finds, in any order of the words: a match there is
    a whole word, which only one of them can be (the trie's optional groups are greedy,
    so it tries a longer word first, then backs off to a shorter one)."""
    tree: dict = {}
    for word in words:
        if not re.fullmatch(r"\w+", word):
            raise ValueError(f"not a word: {word!r}")
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: dict) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items())
                if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
