"""The analysis's fast paths give what the plain code they replace gave."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from storyline.analyze import dates

# Words and marks `dates._ASIDE` turns on, so that drawn texts hit its alternatives.
_PIECES = ["who", "whom", "whose", "which", "where", "when", "once", "formerly", "having",
           "opened", "after", "following", "amid", "Trump", "took", "office", "in", "the",
           "band", "that", "broke", "up", ",", ";", "(", ")", "—", "–", " ", " ", " ", "\n",
           "WHEN", "Ed", "ed"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join) | st.text(max_size=40))
@example("Trump, who took office in ")
@example("a band that broke up in ")
@example("(opened, in ")
@example("after the Great Blackout of ")
@example("the storm, when ")
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
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=25).map(" ".join)
       | st.text(max_size=40))
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
