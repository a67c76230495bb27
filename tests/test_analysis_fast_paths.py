"""The analysis's fast paths give what the plain code they replace gave."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from storyline.analyze import dates

# Words and marks `dates._ASIDE` turns on, so that drawn texts hit its alternatives.
_PIECES = ["who", "whom", "whose", "which", "where", "when", "once", "formerly", "having",
           "opened", "after", "following", "amid", "Trump", "took", "office", "in", "the",
           "band", "that", "broke", "up", ",", ";", "(", ")", "—", "–", " ", " ", " ", "\n",
           "WHEN", "When", "whenever", "Ed", "ed", "_", "9", "é", "."]


def _drawn(pieces: list[str], most: int, between: str = "") -> st.SearchStrategy[str]:
    """Texts made of up to `most` of the pieces (joined by `between`), or any short text."""
    return st.lists(st.sampled_from(pieces), max_size=most).map(between.join) | st.text(max_size=40)


@settings(max_examples=3000, deadline=None)
@given(_drawn(_PIECES, 30))
@example("Trump, who took office in ")
@example("a band that broke up in ")
@example("(opened, in ")
@example("after the Great Blackout of ")
@example("the storm, when ")
@example("When the band broke up in ")
@example("the band broke up when it was in ")
@example("x_when it was in ")
@example("é when")
def test_an_aside_is_found_in_the_last_clause_as_in_the_whole_text(before):
    assert dates._aside(before) == (dates._ASIDE.search(before) is not None)


# Pieces of date expressions, explicit and relative, for `timex`'s screens without a
# reference date.
_DATE_PIECES = ["January", "March", "May", "Sept.", "Dec", "Monday", "Sunday", "today",
                "yesterday", "tonight", "last", "this", "next", "week", "month", "year",
                "ago", "two", "days", "in", "on", "of", "the", "and", "between", "early",
                "summer", "2009", "1998", "2019-02-09", "9", "12th", ",", ".", "-", "\n",
                "morning", "night", "said", "Theresa", "since", "a"]


@settings(max_examples=3000, deadline=None)
@given(_drawn(_DATE_PIECES, 25, " "))
@example("between January and March 2003")
@example("on Monday, Feb. 9, 2019, and three days ago")
@example("the summer of 2009, last week")
def test_without_a_reference_only_the_explicit_families_are_read(text):
    from storyline.analyze import timex

    everything = timex._EXPLICIT
    try:
        timex._EXPLICIT = timex._FAMILIES  # the scan of every family, as before
        whole = timex.find(text, None)
    finally:
        timex._EXPLICIT = everything
    assert timex.find(text, None) == whole
    if not timex.may_hold_explicit_dates(text):
        assert whole == []


# Pieces of figures: currencies, ages, names with an age after them, in any case.
_FIGURE_PIECES = ["$", "€", "£", "dollars", "Dollar", "EUROS", "pound", "pounds sterling",
                  "Pounds Sterling", "yuan", "rupee", "25", "3", "1,000", "-year-old",
                  "-Years-Old", "-year-olds", "year", "old", "Kevin", "Johnson", "Jr", "Jr.",
                  "B2B", "aged", ",", "(", ")", ".", ";", " ", " ", "\n", "ſ", "K", "é",
                  "\u212a", "“", "’", "ı", "İ"]


@settings(max_examples=3000, deadline=None)
@given(_drawn(_FIGURE_PIECES, 30))
@example("Kevin Johnson, 24, and Keith Knowles Jr., 27,")
@example("Smith(25)B2B, 31.")
@example("a 13-YEAR-OLD boy and 40 DOLLARS")
def test_the_figures_fast_screens_match_their_plain_patterns(text):
    import re

    from storyline.analyze import figures

    plain_currency = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds? sterling|yuan|rupees?)\b",
                                re.I)
    plain_age = re.compile(r"\b\d{1,3}-years?-olds?\b", re.I)
    plain_name = re.compile(r"([A-Za-z]+)[.]?\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*(?:[,.;]|$)|"
                            r"\(\d{1,3}\))")
    lower = text.lower()
    fast = figures._currencies(text, lower)
    assert ([(m.span(), m.group().lower()) for m in fast]
            == [(m.span(), m.group().lower()) for m in plain_currency.finditer(text)])
    if "-old" not in lower:
        assert plain_age.search(text) is None
    assert ([(m.span(), m.group(1)) for m in figures._AGE_NEAR_NAME.finditer(text)]
            == [(m.span(), m.group(1)) for m in plain_name.finditer(text)])


# Numbers, units and letters that fold apart from or onto ASCII ones in a case-blind match
# ("ı", "ſ", "İ"; the Kelvin sign lower-cases to "k"), and other letters outside ASCII.
_NUMBER_PIECES = ["two", "Two", "TWO", "twenty", "tw\u0131nty", "fıve", "fiVe", "ſix", "SIX",
                  "million", "mİllion", "thousand", "12", "1,500", "3.5", "km", "\u212am",
                  "KM", "miles", "Mıles", "sq km", "hectares", "acre", "metres", "meter",
                  "é", "É", "ü", "“", "’", "ß", " ", " ", "-", ",", ".", "\n", "a", "of",
                  "someone", "often", "Tens", "_", "\u0663", "\u2460", "x"]


@settings(max_examples=3000, deadline=None)
@given(_drawn(_NUMBER_PIECES, 25))
@example("fıve miles, ſix KM and twenty thousand")
@example("“Two” mİllion, \u212am")
def test_a_lower_alike_text_matches_as_case_blind_patterns_do(text):
    from storyline.analyze import figures

    lower = text.lower()
    for blind in (figures._NUMERAL, figures._UNIT, figures._CURRENCY):
        plain = [(m.span(), m.group().lower()) for m in blind.finditer(text)]
        if figures._lower_alike(text):
            sighted = re.compile(blind.pattern)  # case-sensitive: its lower-case self
            assert [(m.span(), m.group()) for m in sighted.finditer(lower)] == plain
    assert ([m.span() for m in figures._numerals(text)]
            == [m.span() for m in figures._NUMERAL.finditer(text)])
    assert figures._has_unit(text) == bool(figures._UNIT.search(text))


@settings(max_examples=2000, deadline=None)
@given(_drawn(["a", "word", " ", "  ", "\n", "\t", "\u00a0", "\u2009", ",", "Two"], 20))
def test_a_statement_has_its_words_counted_up_to_the_bound(text):
    from storyline.analyze.dates import MIN_WORDS

    assert (len(text.split(None, MIN_WORDS - 1)) < MIN_WORDS) == (len(text.split()) < MIN_WORDS)
