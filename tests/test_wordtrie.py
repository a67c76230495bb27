"""analyze.wordtrie: a trie of words finds, between word boundaries, what their plain
alternation finds (the past verbs of `dates`, the number words of `figures`)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze import dates, figures
from storyline.analyze.wordtrie import alternation

WORDS = st.lists(st.text("abcdeéſK_1", min_size=1, max_size=6), min_size=1, max_size=12)
TEXT = st.text("abcdeéſK_1 -.,'", max_size=60)


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(WORDS, TEXT, st.booleans(), st.randoms(use_true_random=False))
def test_the_trie_finds_what_the_alternation_finds(words, text, ignore_case, random):
    flags = re.IGNORECASE if ignore_case else 0
    shuffled = random.sample(words, len(words))
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, shuffled)) + r")\b", flags)
    trie = re.compile(r"\b" + alternation(words) + r"\b", flags)
    assert _spans(trie, text) == _spans(plain, text)
    assert _spans(trie, " ".join(words)) == _spans(plain, " ".join(words))


def test_a_trie_of_a_few_words():
    assert alternation(["ten", "tens", "two"]) == "t(?:en(?:s)?|wo)"
    assert re.fullmatch(alternation(["a", "ab"]), "ab") and re.fullmatch(alternation(["a"]), "a")
    with pytest.raises(ValueError):
        alternation(["two words"])


def test_the_shipped_patterns_match_as_their_plain_alternations():
    text = ("It was sixteen, not sixteenth; tens of thousands fled and fed 2,000 said "
            "paid nine-year, a dozen scores, wound, wounded, understood overtook ninety one")
    past = re.compile(r"\b(?:was|were|had|did|\w{2,}ed|\w+aid|"
                      + "|".join(dates._PAST_WORDS) + r")\b")
    numeral = re.compile(r"\d[\d,.]*|\b(?:" + "|".join(
        sorted(figures._NUMERAL_WORDS, key=len, reverse=True)) + r")\b")
    for sample in (text, text.lower()):
        assert _spans(dates._LOWER_PAST, sample) == _spans(past, sample)
        assert _spans(figures._LOWER_NUMERAL, sample) == _spans(numeral, sample)
    assert [m.group() for m in dates._LOWER_PAST.finditer(text.lower())] == [
        "was", "fled", "fed", "said", "paid", "wound", "wounded", "understood", "overtook"]
