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
