"""A cheap test before a costly regex search: the literal words any match must contain.

Most lines match none of the clutter patterns, and a pattern that can match anywhere in
a line (no "^" or literal start to anchor it) is tried at every position. But a match of
"\\b(afp|ap|reuters) photos?$" must contain " photo", whatever else it holds: a line
whose lower-cased text lacks it cannot match, and a substring test is far cheaper than
the search. `needles(pattern)` reads such literals off the pattern's parse; `may_match`
says whether the search is worth running. It never says no to a line the pattern
matches, so the answers of the searches it guards are unchanged.

The test works on `screen(text)`, the text lower-cased. Case-insensitive patterns match
a few non-ASCII letters to ASCII ones ("ſ" to "s", the Kelvin sign to "k"); a text with
one of them is not screened (`screen` gives None and every search runs).
"""

from __future__ import annotations

import re
from re import _parser  # the regex module's own parser: the tree `re.compile` builds on

# Non-ASCII characters that case-insensitive matching takes for ASCII letters (checked
# against every code point in tests/test_literals.py); str.lower() keeps them apart.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_ZERO_WIDTH = (_parser.AT,)
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)


def screen(text: str) -> str | None:
    """`text` as `may_match` reads it: lower-cased; None when it cannot be screened."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return None
    return text.lower()


def may_match(needles: tuple[str, ...] | None, screened: str | None) -> bool:
    """False only when no match is possible: the screened text has none of `needles`
    (None: the pattern has no needles, or the text was not screened)."""
    if needles is None or screened is None:
        return True
    for needle in needles:
        if needle in screened:
            return True
    return False


def needles(pattern: re.Pattern | str, *, case: bool = False) -> tuple[str, ...] | None:
    """Lower-case literals, one of which every match of `pattern` contains, or None when
    the pattern guarantees none, or when its search is cheap anyway: anchored at the
    start ("^..."), it is tried at one position only. (Even a one-letter needle pays: a
    substring test costs a fraction of a search tried at every position.)

    With `case`, the literals keep their case, to be looked for in the text itself
    (`may_match(found, text)`): stronger needles ("AP" is rarer than "ap"), for a pattern
    that matches case-sensitively throughout (otherwise None)."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    if not isinstance(source, str):
        return None
    try:
        tree = _parser.parse(source, flags)
    except (re.error, AttributeError, TypeError):  # another Python's parser: no screening
        return None
    if _is_anchored(pattern if isinstance(pattern, re.Pattern) else re.compile(source)):
        return None
    if case and (tree.state.flags | flags) & re.IGNORECASE:
        return None
    found = _required(list(tree), case)
    return None if found is None else tuple(sorted(found))


def _anchored(items: list) -> bool:
    """Every match starts at the start of the text ("^a", "(?:^a)|(?:^b)")."""
    if not items:
        return False
    op, av = items[0]
    if op is _parser.AT:
        return av is _parser.AT_BEGINNING or av is _parser.AT_BEGINNING_STRING
    if op is _parser.SUBPATTERN:  # "(?m:^...)" is anchored at every line
        return not av[1] & re.MULTILINE and _anchored(list(av[-1]))
    if op is _parser.BRANCH:
        return all(_anchored(list(b)) for b in av[1])
    return False


def _required(items: list, case: bool = False) -> frozenset[str] | None:
    """The best set of literals one of which a match of the sequence `items` contains:
    the set whose shortest literal is longest (in their case, with `case`)."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _parser.LITERAL and av < 128:
            run += chr(av) if case else chr(av).lower()
            continue
        if op in _ZERO_WIDTH:  # "\b", "^", "$" consume nothing: the run goes on
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        inner = None
        if op is _parser.SUBPATTERN:  # "(?i:...)": no literal of its case is needed
            inner = None if case and av[1] & re.IGNORECASE else _required(list(av[-1]), case)
        elif op is _parser.BRANCH:
            branches = [_required(list(b), case) for b in av[1]]
            if all(b is not None for b in branches):
                inner = frozenset().union(*branches)
        elif op in _REPEATS and av[0] >= 1:
            inner = _required(list(av[2]), case)
        if inner:
            options.append(inner)
    if run:
        options.append(frozenset([run]))
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


class FirstMatch:
    """Which of an ordered list of pattern groups first has a pattern that matches a
    text, found with few searches: `FirstMatch([(key, patterns), ...])(text)` is the key
    of the first group with a pattern that `search`es `text`, or None.

    The patterns anchored at the start are tried as one pattern (at one position); each
    of the others only when the text holds one of its needles. When an anchored one
    matches, or the text cannot be screened, the groups are tried in order, one by one.
    """

    def __init__(self, groups):
        self._groups = [(key, tuple(patterns)) for key, patterns in groups]
        self._order: list[tuple[object, re.Pattern]] = []  # the unanchored patterns
        self._unscreened: set[int] = set()  # their positions in _order: no needles
        self._by_needle: dict[str, set[int]] = {}
        anchored = []
        for key, patterns in self._groups:
            for pattern in patterns:
                if _is_anchored(pattern):
                    anchored.append(pattern)
                    continue
                found = needles(pattern)
                position = len(self._order)
                self._order.append((key, pattern))
                if found is None:
                    self._unscreened.add(position)
                for needle in found or ():
                    self._by_needle.setdefault(needle, set()).add(position)
        self._start = None  # the anchored patterns joined into one
        flags = {p.flags for p in anchored}
        if len(flags) == 1:
            self._start = re.compile("|".join(f"(?:{p.pattern})" for p in anchored), flags.pop())
        elif anchored:  # they cannot be joined: all are tried one by one, in order
            self._order = [(key, p) for key, patterns in self._groups for p in patterns]
            self._unscreened = set(range(len(self._order)))
            self._by_needle = {}
        self._needles = tuple(self._by_needle.items())

    def __call__(self, text: str):
        screened = screen(text)
        # anchored: `match`, which tries the start only, finds what `search` would
        if screened is None or self._start is not None and self._start.match(text):
            return self._in_order(text)
        found = [positions for needle, positions in self._needles if needle in screened]
        if not found and not self._unscreened:  # the common case: nothing to search
            return None
        for position in sorted(self._unscreened.union(*found)):
            key, pattern = self._order[position]
            if pattern.search(text):
                return key
        return None

    def _in_order(self, text: str):
        for key, patterns in self._groups:
            for pattern in patterns:
                if pattern.search(text):
                    return key
        return None


def _is_anchored(pattern: re.Pattern) -> bool:
    """Every match starts at the start of the text ("^" without re.MULTILINE)."""
    if not isinstance(pattern.pattern, str):
        return False
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except (re.error, AttributeError, TypeError):
        return False
    return not (tree.state.flags | pattern.flags) & re.MULTILINE and _anchored(list(tree))
