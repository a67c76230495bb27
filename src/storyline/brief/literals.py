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
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from functools import lru_cache
from re import _parser  # the regex module's own parser: the tree `re.compile` builds on

from .. import regex_cache

try:  # every needle of a screen found in one pass over the text (Aho-Corasick, in C)
    import ahocorasick
except ImportError:  # pragma: no cover - a dependency; without it, one test per needle
    ahocorasick = None

# Non-ASCII characters that case-insensitive matching takes for ASCII letters (checked
# against every code point in tests/test_literals.py); str.lower() keeps them apart.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_ZERO_WIDTH = (_parser.AT,)
_AT_START = (_parser.AT_BEGINNING, _parser.AT_BEGINNING_STRING)  # "^" (without re.M), "\\A"
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
    if type(needles) is Needles and needles.find is not None:  # all of them in one pass
        for _ in needles.find(screened):
            return True
        return False
    for needle in needles:
        if needle in screened:
            return True
    return False


class Needles(tuple):
    """The needles `needles` gives: a tuple, with an Aho-Corasick automaton's `iter` that
    finds them in one pass (`find`, None for a few needles or without pyahocorasick)."""

    MANY = 6  # fewer needles: their substring tests cost no more than a pass

    def __new__(cls, found):
        made = super().__new__(cls, found)
        made.find = _finder({needle: needle for needle in made}) if len(made) >= cls.MANY else None
        return made


def needles(pattern: re.Pattern | str, *, case: bool = False) -> tuple[str, ...] | None:
    """Lower-case literals, one of which every match of `pattern` contains, or None when
    the pattern guarantees none, or when its search is cheap anyway: anchored at the
    start ("^..."), it is tried at one position only. (Even a one-letter needle pays: a
    substring test costs a fraction of a search tried at every position.)

    With `case`, the literals keep their case, to be looked for in the text itself
    (`may_match(found, text)`): stronger needles ("AP" is rarer than "ap"), for a pattern
    that matches case-sensitively throughout (otherwise None)."""
    found = needle_sets(pattern, case=case)
    return Needles(found[0]) if found else None


def _kept(function):
    """`function(source, flags, *options)`, a pattern's source read off its parse, with
    its value kept by `regex_cache` (read at import by every process: a tenth of the
    brief's start-up) under a key that names this module's code. A compiled pattern
    given for `source` stands for its source and flags."""
    name = function.__name__

    def kept(source, flags: int = 0, *options):
        if isinstance(source, re.Pattern):
            source, flags = source.pattern, source.flags
        if _CODE is None or type(source) is not str:
            return function(source, flags, *options)
        return regex_cache.remembered((_CODE, name, source, int(flags), *options),
                                      lambda: function(source, flags, *options))

    kept.__wrapped__ = function
    kept.__doc__ = function.__doc__
    return kept


def _code_tag() -> str | None:
    """A tag of this module's code: values kept by an earlier version are not read."""
    import zlib

    try:
        with open(__file__, "rb") as source:
            return f"literals-{zlib.crc32(source.read()):08x}"
    except (OSError, NameError, TypeError):
        return None


_CODE = _code_tag()


def needle_sets(pattern: re.Pattern | str, flags: int = 0, *, case: bool = False,
                anchored: bool = False) -> tuple[tuple[str, ...], ...]:
    """Every set of literals that `needles` could give: a match of `pattern` contains one
    literal of each set ("you must be (logged|signed) in" holds "you must be " and
    "logged" or "signed"); the best set (`needles`) first, empty as `needles` is None.
    With `anchored`, a pattern anchored at the start gets its sets too. (`flags` are
    those of a pattern given as a string.)"""
    return _needle_sets(pattern, flags, case, anchored)


@_kept
def _needle_sets(pattern: str, flags: int, case: bool, anchored: bool
                 ) -> tuple[tuple[str, ...], ...]:
    tree = _tree(pattern, flags)
    if tree is None or not anchored and _anchored_tree(tree, flags):
        return ()
    if case and (tree.state.flags | flags) & re.IGNORECASE:
        return ()
    options = sorted(_all_required(list(tree), case), key=_strength)
    return tuple(dict.fromkeys(tuple(sorted(o)) for o in options))  # each set once


def prefixes(pattern: re.Pattern | str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match of `pattern` starts with, read off its
    parse ("^(read|click) more" gives "click" and "read"), or None when it has
    none. For a pattern anchored at the start: a text that starts with none of them (its
    `screen`) is not tried. (`flags` are those of a pattern given as a string.)"""
    return _prefixes(pattern, flags)


@_kept
def _prefixes(pattern: str, flags: int) -> tuple[str, ...] | None:
    tree = _tree(pattern, flags)
    found = None if tree is None else _starts(list(tree))
    return None if found is None else tuple(sorted(found))


def led(pattern: re.Pattern) -> re.Pattern:
    """`pattern` behind a look-ahead of the characters its matches can start with
    (`(?=[ABC...Zae])(?<![\\w.'’-])(?:(?:al|el)-)?...` for a name): the same matches (the
    look-ahead only says what the match does anyway), found faster, since sre then tries
    the rest only where such a character stands: a pattern that opens with a word
    boundary, a look-behind, an optional prefix or an alternation is otherwise tried in
    full at every position. The pattern itself when the characters are not known (a
    category such as `\\w`, a class of all but some, a match that may be empty, or a
    part of other case rules), or when sre finds where to try it by itself (a pattern
    that starts with a literal or a class: a look-ahead would hide them)."""
    first = _first_characters(pattern)
    if first is None or _sre_skips(pattern):
        return pattern
    source = pattern.pattern
    if len(_alternatives(source, pattern.flags)) > 1:
        source = f"(?:{source})"
    try:
        return re.compile(f"(?=[{first}]){source}", pattern.flags)
    except re.error:  # (a global flag, which must stand first)
        return pattern


def boundary_behind(pattern: re.Pattern) -> re.Pattern:
    """`pattern` that opens with `\\b` and a word ("\\b[Tt]he ..."), written with the word
    first and the boundary checked behind it ("[Tt]he (?<=\\b[Tt]he )..."): the same
    matches, spans and groups (the look-behind reads the opening again), but sre skips to
    the word's first letter where it would try the pattern at every position. The pattern
    itself when it opens otherwise, is verbose, or quantifies the word's last letter."""
    found = _LEADING_WORD.match(pattern.pattern)
    if (found is None or pattern.flags & re.VERBOSE
            or pattern.pattern[found.end():found.end() + 1] in ("?", "*", "+", "{")):
        return pattern
    word = found.group(1)
    return re.compile(f"{word}(?<=\\b{word}){pattern.pattern[found.end():]}", pattern.flags)


_LEADING_WORD = re.compile(r"\\b((?:[A-Za-z ]|\[[A-Za-z]+\])+)")


def words_as_trie(pattern: re.Pattern) -> re.Pattern:
    """`pattern` with the plain words among the alternatives of its first group at the top
    level (`(?:...)`) written as a trie ("t(?:en(?:s)?|wo)" for ten, tens and two), for a
    test of whether it matches: sre tries the branches of an alternation one by one at
    each position, the trie one branch a letter. The group matches the same strings
    either way, so the pattern matches the same texts, its matches starting at the same
    places (which of them ends where may differ: a trie tries the longer word first).
    The pattern itself when it has no such group with at least TRIE_WORDS words, or has
    capture groups (their numbers would change)."""
    source = _trie_source(pattern.pattern, pattern.flags)
    return pattern if source is None else re.compile(source, pattern.flags)


TRIE_WORDS = 8  # fewer words: their branches cost no more than a trie's groups


@_kept
def _trie_source(source: str, flags: int) -> str | None:
    if not isinstance(source, str) or flags & re.VERBOSE or re.compile(source, flags).groups:
        return None
    depth = 0
    for i, c in _structure(source):
        if c == "(" and depth == 0 and source.startswith("(?:", i):
            end = _closing(source, i)
            if end is None:
                return None
            parts = _alternatives(source[i + 3:end], flags)
            words = [p for p in parts if re.fullmatch(r"\w+", p)]
            if len(words) < TRIE_WORDS or len(parts) < 2:
                return None
            others = [p for p in parts if p not in words]
            inner = "|".join([trie(words), *others])
            return f"{source[:i]}(?:{inner}){source[end + 1:]}"
        depth += {"(": 1, ")": -1}.get(c, 0)
    return None


def trie(words: list[str]) -> str:
    """A pattern that matches the given words (each `\\w+`), as a trie (also
    `analyze.wordtrie`'s)."""
    tree: dict = {}
    for word in words:
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


@_kept
def _sre_skips(source: str, flags: int) -> bool:
    """sre finds the places to try the pattern at by itself: it starts with a literal, or
    a class of characters (`re._compiler`'s prefix and charset, what `_compile_info`
    reads); True, too, when that cannot be read here."""
    tree = _tree(source, flags)
    try:
        flags = tree.state.flags
        prefix = re._compiler._get_literal_prefix(tree, flags)[0]
        return bool(prefix or re._compiler._get_charset_prefix(tree, flags))
    except Exception:  # another Python's compiler  # noqa: BLE001
        return True


@_kept
def _first_characters(source: str, flags: int) -> str | None:
    """The characters a match of the pattern can start with, escaped for a class, or None."""
    tree = _tree(source, flags)
    found = None if tree is None else _firsts(list(tree), flags)
    return None if not found else "".join(re.escape(c) for c in sorted(found))


def _firsts(items: list, flags: int, past_start: bool = False) -> set[str] | None:
    """(With `past_start`, the characters a match that does not start at the text's start
    can start with: an alternative after "^" has none.)"""
    found: set[str] = set()
    for i, (op, av) in enumerate(items):
        if past_start and op is _parser.AT and av in _AT_START:
            return found  # (nothing after it matches past the start)
        if op in _ZERO_WIDTH or op is _parser.ASSERT or op is _parser.ASSERT_NOT:
            continue  # "\\b", "^", a look-around: they consume nothing
        if op is _parser.LITERAL:
            return found | {chr(av)}
        if op is _parser.IN:
            if not all(o in (_parser.LITERAL, _parser.RANGE) for o, _ in av):
                return None
            for o, v in av:
                found |= {chr(v)} if o is _parser.LITERAL else set(map(chr, range(v[0], v[1] + 1)))
            return found
        if op is _parser.SUBPATTERN:
            if (av[1] | av[2]) & re.IGNORECASE and not flags & re.IGNORECASE:
                return None  # its own case rule: a class outside it would have another
            inner = _firsts(list(av[-1]), flags, past_start)
            return None if inner is None else found | inner
        if op is _parser.BRANCH:
            branches = [_firsts(list(b), flags, past_start) for b in av[1]]
            return None if None in branches else found.union(*branches)
        if op in _REPEATS:
            inner = _firsts(list(av[2]), flags, past_start)
            if inner is None:
                return None
            found |= inner
            if av[0] >= 1:
                return found
            continue  # may be absent: or the match starts with what follows
        return None
    return None  # the sequence may match an empty string


def _tree(source: str | bytes, flags: int):
    """The regex module's parse of a pattern, or None when it cannot be read here. While
    a `FirstMatch` is built, which reads each pattern several times, parses are kept
    (and then let go: kept, their many objects would slow every garbage collection)."""
    if not isinstance(source, str):
        return None
    key = (source, flags)
    if _KEPT_TREES is not None and key in _KEPT_TREES:
        return _KEPT_TREES[key]
    try:
        tree = _parser.parse(source, flags)
    except (re.error, AttributeError, TypeError):  # another Python's parser: no screening
        tree = None
    if _KEPT_TREES is not None:
        _KEPT_TREES[key] = tree
    return tree


_KEPT_TREES: dict | None = None


@contextmanager
def _trees_kept():
    global _KEPT_TREES
    _KEPT_TREES = {}
    try:
        yield
    finally:
        _KEPT_TREES = None


def _starts(items: list) -> frozenset[str] | None:
    """The literals one of which every match of the sequence `items` starts with (in
    lower case), or None when no such literals are known."""
    run = ""
    for i, (op, av) in enumerate(items):
        if op is _parser.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if op in _ZERO_WIDTH or op is _parser.ASSERT or op is _parser.ASSERT_NOT:
            continue  # "^", "\b", a look-around: they consume nothing
        if run:
            break
        if op is _parser.SUBPATTERN:
            return _starts(list(av[-1]))
        if op is _parser.BRANCH:
            branches = [_starts(list(b)) for b in av[1]]
            return None if None in branches else frozenset().union(*branches)
        if op in _REPEATS and av[0] >= 1:
            return _starts(list(av[2]))
        if op in _REPEATS:  # may be absent: the match starts with it or with what follows
            first, rest = _starts(list(av[2])), _starts(items[i + 1:])
            return None if first is None or rest is None else first | rest
        if op is _parser.IN and all(o is _parser.LITERAL and v < 128 for o, v in av):
            return frozenset(chr(v).lower() for _, v in av)
        return None
    return frozenset([run]) if run else None


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
    options = _all_required(items, case)
    return min(options, key=_strength) if options else None


def _strength(option: frozenset[str]) -> tuple[int, int]:
    """How well a set of literals screens, best lowest: its shortest literal the longer,
    the better, then the fewer literals."""
    return -min(map(len, option)), len(option)


def _all_required(items: list, case: bool = False) -> list[frozenset[str]]:
    """The sets of literals a match of the sequence `items` contains one of each."""
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
    return options


class FirstMatch:
    """Which of an ordered list of pattern groups first has a pattern that matches a
    text, found with few searches: `FirstMatch([(key, patterns), ...])(text)` is the key
    of the first group with a pattern that `search`es `text`, or None.

    A pattern is tried only when the text holds one of its needles, and one of each of
    its next two sets of needles (`needle_sets`; an anchored alternative only the first
    set); the needles a text holds are found in
    one pass over it (an Aho-Corasick automaton, pyahocorasick). The patterns anchored at
    the start are tried first, each alternative at one position: those with `prefixes` as
    one pattern, on a text that starts with one; the others with their needles, or as one
    pattern when they have none. When an anchored one matches, or the text cannot be screened,
    the groups are tried in order, one by one. A pattern without needles may have a guard
    in `guards`: a pattern that finds something in every text the pattern matches, and is
    found fast (`\\d(?<=[a-z]\\d)` for a journal's reference marks, searched from each
    digit); the pattern is tried only on a text where its guard finds something.
    """

    EXTRA_SETS = 2  # sets of needles checked after the first, before a search

    def __init__(self, groups, guards: dict | None = None):
        with _trees_kept():
            self._build(groups, guards or {})

    def _build(self, groups, guards: dict) -> None:
        self._groups = [(key, tuple(patterns)) for key, patterns in groups]
        anchored = [p for _, patterns in self._groups for p in patterns
                    if all(_is_anchored_source(a, p.flags)
                           for a in _alternatives(p.pattern, p.flags))]
        self._start = self._start_anywhere = None
        self._prefixes: tuple[str, ...] = ()
        self._prefixes_by_first: dict[str, tuple[str, ...]] = {}
        # the patterns tried after the needles' screen, in order, each with its search and
        # its sets of needles
        self._order: list[tuple[object, Callable, tuple[tuple[str, ...], ...]]] = []
        guarded: dict[int, Callable] = {}  # positions in _order of guarded patterns, guards
        if len({p.flags for p in anchored}) > 1:  # they cannot be joined: all in order
            self._order = [(key, p.search, ()) for key, patterns in self._groups for p in patterns]
        else:
            self._screen_anchored(anchored)
            for key, patterns in self._groups:
                for p in patterns:
                    parts = [] if p in anchored else _alternatives(p.pattern, p.flags)
                    if p in guards and p not in anchored:
                        guarded[len(self._order)] = guards[p].search
                        self._order.append((key, led(p).search, ()))
                    elif len(parts) == 1:
                        self._order.append((key, led(p).search, needle_sets(p)))
                    else:
                        self._order += [(key, _Lazy(a, p.flags, "search"),
                                         needle_sets(a, p.flags, anchored=True))
                                        for a in parts]
        self._unscreened: set[int] = set()  # positions in _order of patterns without needles
        by_needle: dict[str, set[int]] = {}
        for position, (_, _, sets) in enumerate(self._order):
            if not sets and position not in guarded:
                self._unscreened.add(position)
            for needle in sets[0] if sets else ():
                by_needle.setdefault(needle, set()).add(position)
        # (an anchored alternative is only tried at the start: its match fails there for
        # less than one set's substring tests cost, so its next sets are not tested)
        self._order = [(key, find, () if key is _ANCHORED else sets[1:1 + self.EXTRA_SETS])
                       for key, find, sets in self._order]
        for position, (_, find, _) in enumerate(self._order):
            if isinstance(find, _Lazy):  # compiled, it takes its own place in the order
                find.home = (self._order, position)
        self._by_needle = by_needle
        self._found = _finder(by_needle)
        self._one_by_one: tuple[tuple, tuple] | None = None  # (without the automaton)
        self._guards = tuple(guarded.items())

    def _tests(self) -> tuple[tuple, tuple]:
        """The needles tested one by one when there is no automaton (`_gated`), worked out
        when first asked: with pyahocorasick, never (6% of the import: 935 -> 874 M
        instructions)."""
        if self._one_by_one is None:
            self._one_by_one = _gated(self._by_needle)
        return self._one_by_one

    _needles = property(lambda self: self._tests()[0])
    _gated = property(lambda self: self._tests()[1])

    def _screen_anchored(self, anchored: list[re.Pattern]) -> None:
        """The anchored patterns' alternatives (of the same flags): those with prefixes
        joined into `_start`, those with needles first in `_order` (key _ANCHORED: a match
        means "try in order"), the others joined into `_start_anywhere`."""
        if not anchored:
            return
        flags = anchored[0].flags
        alternatives = [a for p in anchored for a in _alternatives(p.pattern, flags)]
        starts = {a: prefixes(a, flags) for a in alternatives}
        others = {a: needle_sets(a, flags, anchored=True) for a in alternatives
                  if starts[a] is None}
        self._start = _joined([a for a in alternatives if starts[a] is not None], flags)
        self._prefixes = tuple(sorted({s for a in alternatives for s in starts[a] or ()}))
        by_first: dict[str, list[str]] = {}  # the prefixes by their first letter
        for prefix in self._prefixes:  # (each holds a letter: see `_starts`)
            by_first.setdefault(prefix[:1], []).append(prefix)
        self._prefixes_by_first = {c: tuple(p) for c, p in by_first.items()}
        self._start_anywhere = _joined([a for a, sets in others.items() if not sets], flags)
        self._order += [(_ANCHORED, _Lazy(a, flags, "match"), sets)
                        for a, sets in others.items() if sets]

    def __call__(self, text: str):
        # (`screen` and `may_match` written out: this runs on every line and sentence)
        screened = text.lower() if text.isascii() or not _FOLDS_TO_ASCII.search(text) else None
        if (screened is None
                or self._start is not None
                and screened.startswith(self._prefixes_by_first.get(screened[:1], ()))
                and self._start.match(text)
                or self._start_anywhere is not None and self._start_anywhere.match(text)):
            return self._in_order(text)
        if self._found is not None:  # every needle's occurrences, in one pass
            found = [positions for _, positions in self._found(screened)]
        else:
            single, gated = self._tests()
            found = [positions for needle, positions in single if needle in screened]
            for gate, needles in gated:
                if gate in screened:
                    found += [positions for needle, positions in needles if needle in screened]
        for position, guard in self._guards:
            if guard(text):
                found.append((position,))
        if not found and not self._unscreened:  # the common case: nothing to search
            return None
        for position in sorted(self._unscreened.union(*found)):
            key, find, also = self._order[position]
            for needles in also:  # a set none of whose needles the text holds: no match
                for needle in needles:
                    if needle in screened:
                        break
                else:
                    break
            else:
                if find(text):
                    return self._in_order(text) if key is _ANCHORED else key
        return None

    def _in_order(self, text: str):
        for key, patterns in self._groups:
            for pattern in patterns:
                if pattern.search(text):
                    return key
        return None


def _built_when_called(build: Callable[[re.Pattern], Callable[[str], bool]],
                       pattern: re.Pattern) -> Callable[[str], bool]:
    """A test that is `build(pattern)`, built the first time it is called."""
    built: list[Callable[[str], bool]] = []

    def test(text: str) -> bool:
        if not built:
            built.append(build(pattern))
        return built[0](text)

    return test


def screened_match(pattern: re.Pattern) -> Callable[[str], bool]:
    """A test that says `bool(pattern.match(text))` with less work: the pattern's top-level
    alternatives that can start their match anywhere in a long text ('.*\\bhas ...') are
    tried only on a text that holds a needle of each of their sets; the others (anchored
    at the start: one position to try) are joined and tried first. Built when first
    called (not at start-up)."""
    return _built_when_called(_screened_match, pattern)


def _screened_match(pattern: re.Pattern) -> Callable[[str], bool]:
    parts = _alternatives(pattern.pattern, pattern.flags)
    costly = [(a, needle_sets(a, pattern.flags, anchored=True)) for a in parts
              if not _is_anchored_source(a, pattern.flags)]
    costly = [(a, sets) for a, sets in costly if sets]
    cheap = [a for a in parts if a not in {a for a, _ in costly}]
    if not costly or len(parts) < 2:
        return lambda text: pattern.match(text) is not None
    try:
        joined = _joined(cheap, pattern.flags)
        # (a part that matches case-sensitively is screened by its needles as written, in
        # the text itself: no lower-cased copy to make)
        screened = [(re.compile(a, pattern.flags).match, case_sets or sets, bool(case_sets))
                    for a, sets in costly
                    for case_sets in [needle_sets(a, pattern.flags, case=True, anchored=True)]]
    except re.error:  # a part that cannot stand in another pattern (a global flag)
        return lambda text: pattern.match(text) is not None

    def test(text: str) -> bool:
        if joined is not None and joined.match(text):
            return True
        lowered = False  # (not made yet)
        for match, sets, case in screened:
            if case:
                held = text
            else:
                if lowered is False:
                    lowered = screen(text)
                held = lowered
            for needles in sets if held is not None else ():
                for needle in needles:
                    if needle in held:
                        break
                else:  # a set of which the text holds no needle: no match
                    break
            else:
                if match(text):
                    return True
        return False

    return test


def searched_past_start(pattern: re.Pattern) -> Callable[[str], bool]:
    """A test that says `bool(pattern.search(text))` with less work, for a pattern whose
    alternatives open with "^" or with one of a few characters (`(?:^\\s*|[,;:"”’']\\s*)the
    ...`), which sre would try in full at every position: it is tried at the start
    (`match`), and past the start only where a character stands that a match past the
    start can open with (a look-ahead of them, as `led` does; "^" matches nowhere else).
    The pattern's own search when those characters are not known or "^" matches after a
    newline too (re.M). Built when first called (not at start-up)."""
    return _built_when_called(_searched_past_start, pattern)


def _searched_past_start(pattern: re.Pattern) -> Callable[[str], bool]:
    first = _past_start_characters(pattern.pattern, pattern.flags)
    try:
        later = re.compile(f"(?=[{first}])(?:{pattern.pattern})", pattern.flags) if first else None
    except re.error:  # (a global flag, which must stand first)
        later = None
    if later is None:
        return lambda text: pattern.search(text) is not None
    match, search = pattern.match, later.search
    # (a search from 1 still sees the character before it: look-behinds and "\\b" read it)
    return lambda text: match(text) is not None or search(text, 1) is not None


@_kept
def _past_start_characters(source: str, flags: int) -> str | None:
    """The characters a match of the pattern past the text's start can open with,
    escaped for a class; None when not known, none, or when "^" matches after a newline."""
    tree = _tree(source, flags)
    if tree is None or (tree.state.flags | flags) & re.MULTILINE:
        return None
    found = _firsts(list(tree), flags, past_start=True)
    return "".join(re.escape(c) for c in sorted(found)) if found else None


_ANCHORED = object()  # FirstMatch's key of an anchored pattern's alternative
GATE = 3  # the length of a gate's piece


def _gated(by_needle: dict[str, set[int]]) -> tuple[tuple, tuple]:
    """The needles (with their patterns' positions) in two parts: those looked for one by
    one, and groups of two or more behind a gate, a piece of GATE letters each needle of
    its group holds, looked for first: a text without it holds none of them ("photo"
    for " photo", "afp photo", "buy photo")."""
    single = dict(by_needle)
    groups = []
    while True:
        count = Counter(g for n in single for g in dict.fromkeys(
            n[i:i + GATE] for i in range(len(n) - GATE + 1)))
        gate, covered = max(count.items(), key=lambda c: c[1], default=("", 0))
        if covered < 2:
            return tuple(single.items()), tuple(groups)
        groups.append((gate, tuple((n, single.pop(n)) for n in list(single) if gate in n)))


def _finder(by_needle: dict[str, set[int]]) -> Callable | None:
    """The `iter` of an Aho-Corasick automaton of the needles, each with its patterns'
    positions: it gives, in one pass over a text, the positions of every needle the text
    holds (once per occurrence), as the needles' substring tests one by one would. None
    without pyahocorasick, or without needles."""
    if ahocorasick is None or not by_needle:
        return None
    automaton = ahocorasick.Automaton()
    for needle, positions in by_needle.items():
        automaton.add_word(needle, positions)
    automaton.make_automaton()
    return automaton.iter


class _Lazy:
    """A pattern's `search` or `match`, compiled when first called (most of a pattern's
    alternatives are never tried in a run). With a `home` (a list and a position in it,
    holding a tuple whose second item is this), the compiled method replaces it there,
    so that later calls skip this wrapper."""

    __slots__ = ("_source", "_flags", "_method", "_find", "home")

    def __init__(self, source: str, flags: int, method: str):
        self._source, self._flags, self._method, self._find = source, flags, method, None
        self.home: tuple[list, int] | None = None

    def __call__(self, text: str):
        if self._find is None:
            pattern = re.compile(self._source, self._flags)
            self._find = getattr(led(pattern) if self._method == "search" else pattern,
                                 self._method)
            if self.home is not None:
                order, position = self.home
                key, _, also = order[position]
                order[position] = (key, self._find, also)
        return self._find(text)


def _joined(sources: list[str], flags: int) -> re.Pattern | None:
    """One pattern that matches where one of the patterns `sources` does."""
    return re.compile("|".join(f"(?:{s})" for s in sources), flags) if sources else None


@_kept
@lru_cache(maxsize=1024)
def _alternatives(source: str, flags: int) -> tuple[str, ...]:
    """The alternatives of the pattern `source` at its top level ("^a|^b(c|d)" gives "^a"
    and "^b(c|d)"; "\\b(?:a|b)" gives "\\b(?:a)" and "\\b(?:b)"), to be read with `flags`:
    a text matches the pattern where it matches one of them. Just the pattern when it
    has one, or when one could not be read alone (a reference to another's group) or
    could be misread (verbose patterns)."""
    if not isinstance(source, str) or flags & re.VERBOSE:
        return (source,)
    parts, depth, start = [], 0, 0
    for i, c in _structure(source):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    if len(parts) == 1:  # a group of alternatives after "\\b", or none: the group's, each after it
        lead = "\\b" if source.startswith("\\b(?:") else ""
        if source.startswith(lead + "(?:") and _closing(source, len(lead)) == len(source) - 1:
            parts = [f"{lead}(?:{a})" for a in _alternatives(source[len(lead) + 3:-1], flags)]
    if len(parts) > 1 and any(_tree(part, flags) is None for part in parts):
        return (source,)
    return tuple(parts)


def _structure(source: str) -> list[tuple[int, str]]:
    """The positions of the parentheses and bars of the pattern `source`, escaped ones
    and those in character classes left out."""
    out, i, in_class = [], 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += source.startswith("^", i + 1)
            i += source.startswith("]", i + 1)  # "[]...]": "]" first is a literal
        elif c in "()|":
            out.append((i, c))
        i += 1
    return out


def _closing(source: str, at: int) -> int | None:
    """Where the parenthesis opened at `at` in the pattern `source` closes."""
    depth = 0
    for i, c in _structure(source):
        if i >= at and c in "()":
            depth += 1 if c == "(" else -1
            if depth == 0:
                return i
    return None


def _is_anchored(pattern: re.Pattern) -> bool:
    """Every match starts at the start of the text ("^" without re.MULTILINE)."""
    return _is_anchored_source(pattern.pattern, pattern.flags)


@_kept
def _is_anchored_source(source: str, flags: int) -> bool:
    tree = _tree(source, flags)
    return tree is not None and _anchored_tree(tree, flags)


def _anchored_tree(tree, flags: int) -> bool:
    return not (tree.state.flags | flags) & re.MULTILINE and _anchored(list(tree))
