"""The matches of spaCy's attribute ruler, found the same but faster.

The English pipeline's attribute ruler (the part of spaCy's parse that turns tags into
parts of speech and morphology, with their exceptions) finds its matches with spaCy's
generic `Matcher`: about 14 µs a token, a fifth of the analysis's parse. Its patterns
are all of a fixed length, and test a token's tag, lower case, dependency or whether it
is a space (equal to, in, not in, or a regular expression found in the value).
`fast_match` finds the same matches, in the order `AttributeRuler.match` returns them:
it reads the tokens' values in one call (`Doc.to_array`, as string hashes) and looks
each up in a table of the patterns that can start there. A ruler with any other kind of
pattern keeps its own matcher.

`fast_set` sets what the matches say, as `AttributeRuler.set_annotations` does, without
the `Span` it makes for each match to find the token to set (9,112 matches on the 200
clusters of the batch; about half the ruler's time was there).
"""

from __future__ import annotations

import re
from collections.abc import Callable

ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the columns of `Doc.to_array`
MAX_REMEMBERED = 100_000  # regex results remembered per pattern (by word), rows' answers
# A column, and a test of a value there (a string hash, given the doc's string store).
Test = tuple[int, Callable[[int, object], bool]]


def fast_match(ruler) -> Callable | None:
    """A replacement for `ruler.match` (the same results), or None if a pattern tests
    what this does not read."""
    strings = ruler.vocab.strings
    starts: list[dict[int, list]] = [{} for _ in ATTRIBUTES]  # by column, by value
    anywhere = []  # patterns whose first token has no test of a value equal or listed
    for number, entry in enumerate(ruler.patterns):
        if str(number) not in strings:
            return None  # not the ruler's numbering of its patterns
        key = strings[str(number)]
        for pattern in entry["patterns"]:
            read = [_read(token, strings) for token in pattern]
            if not read or None in read:
                return None
            steps = [(offset, column, test) for offset, (tests, _) in enumerate(read)
                     for column, test in tests]
            rule = (number, key, len(read), steps)
            index = read[0][1]
            if index is None:
                anywhere.append(rule)
            else:
                column, values = index
                for value in values:
                    starts[column].setdefault(value, []).append(rule)

    def candidates(here: list[int]) -> list:
        rules = anywhere
        for column, value in enumerate(here):
            if (more := starts[column].get(value)) is not None:
                rules = rules + more
        return rules

    # A one-token pattern's answer depends on the token's values alone: kept by them (a
    # few thousand rows of tag, word, dependency and space), with the longer patterns to
    # try from there.
    by_row: dict[tuple, tuple[list, list]] = {}

    def read(here: list[int], strings) -> tuple[list, list]:
        one, longer = [], []
        for number, key, length, steps in candidates(here):
            if length > 1:
                longer.append((number, key, length, steps))
            elif all(test(here[column], strings) for _, column, test in steps):
                one.append((number, key))
        return one, longer

    def match(doc) -> list[tuple[int, int, int, int]]:
        values = doc.to_array(list(ATTRIBUTES)).tolist()
        doc_strings = doc.vocab.strings
        found = set()
        for start, here in enumerate(values):
            row = tuple(here)
            if (known := by_row.get(row)) is None:
                if len(by_row) >= MAX_REMEMBERED:
                    by_row.clear()
                known = by_row[row] = read(here, doc_strings)
            one, longer = known
            for number, key in one:
                found.add((number, key, start, start + 1))
            for number, key, length, steps in longer:
                if start + length > len(values):
                    continue
                for offset, column, test in steps:
                    if not test(values[start + offset][column], doc_strings):
                        break
                else:
                    found.add((number, key, start, start + length))
        return sorted(found)

    return match


# The attributes a ruler may set that are plain fields of a token (`Token.set_struct_attr`;
# `Lexeme.set_struct_attr` ignores them): setting one again overwrites it.
_TOKEN_FIELDS = frozenset({"TAG", "POS", "MORPH", "DEP", "LEMMA"})


def fast_set(ruler) -> Callable | None:
    """A replacement for `ruler.set_annotations` (the same tokens set to the same values),
    or None if the ruler sets anything but the token fields above."""
    from spacy.attrs import IDS
    from spacy.tokens._retokenize import set_token_attrs

    fields = {IDS[name] for name in _TOKEN_FIELDS}
    if not all(set(attrs) <= fields for attrs in ruler.attrs):
        return None
    attrs, indices = ruler.attrs, ruler.indices
    spacys = type(ruler).set_annotations

    def set_annotations(doc, matches) -> None:
        tokens = None
        for attr_id, _, start, end in matches:
            index = indices[attr_id]
            at = (start if index >= 0 else end) + index  # as span[index]
            if not start <= at < end:
                spacys(ruler, doc, matches)  # which raises spaCy's error for it
                return
            if tokens is None:
                tokens = list(doc)
            set_token_attrs(tokens[at], attrs[attr_id])

    return set_annotations


def _read(token: dict, strings) -> tuple[list[Test], tuple[int, list[int]] | None] | None:
    """A pattern token's tests (of string hashes, as `Doc.to_array` gives them), and the
    values of one column that it needs to be one of (to look it up by); None for a kind
    of test this does not know."""
    tests: list[Test] = []
    index = None  # by the word if the pattern names it, the most telling column
    for attribute, wanted in sorted(token.items(), key=lambda item: item[0] != "LOWER"):
        if attribute not in ATTRIBUTES:
            return None
        column = ATTRIBUTES.index(attribute)
        code = int if attribute == "IS_SPACE" else strings.__getitem__  # True -> 1
        if isinstance(wanted, bool if attribute == "IS_SPACE" else str):
            tests.append((column, lambda value, _, w=code(wanted): value == w))
            index = index or (column, [code(wanted)])
            continue
        if not isinstance(wanted, dict) or len(wanted) != 1 or attribute == "IS_SPACE":
            return None
        (kind, argument), = wanted.items()
        if kind in ("IN", "NOT_IN") and isinstance(argument, list) and all(
                isinstance(a, str) for a in argument):
            listed = frozenset(map(code, argument))
            if kind == "IN":
                tests.append((column, lambda value, _, a=listed: value in a))
                index = index or (column, sorted(listed))
            else:
                tests.append((column, lambda value, _, a=listed: value not in a))
        elif kind == "REGEX" and isinstance(argument, str):
            tests.append((column, _regex_test(re.compile(argument))))
        else:
            return None
    return tests, index


def _regex_test(pattern: re.Pattern) -> Callable[[int, object], bool]:
    """Whether the pattern is found in the string of a hash (as spaCy's REGEX tests)."""
    seen: dict[int, bool] = {}

    def test(value: int, strings) -> bool:
        found = seen.get(value)
        if found is None:
            if len(seen) >= MAX_REMEMBERED:
                seen.clear()
            found = seen[value] = bool(pattern.search(strings[value]))
        return found

    return test
