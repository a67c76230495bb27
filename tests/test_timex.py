"""Temporal expressions (analyze.timex): golden cases, including the false friends that
misdated timeline entries before (clock times, ages, counts, years that label a thing)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.timex import Timex, find, period, resolve

THU = date(2018, 9, 13)  # a Thursday
JAN20 = date(2010, 1, 20)  # a Wednesday


def values(text: str, reference: date | None = None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find(text, reference)]


@pytest.mark.parametrize("text, expected", [
    ("It fell on Feb. 9, 2019 at dawn.", [("Feb. 9, 2019", "2019-02-09")]),
    ("It fell on February 9th, 2019.", [("February 9th, 2019", "2019-02-09")]),
    ("It fell on 9 February 2019.", [("9 February 2019", "2019-02-09")]),
    ("It fell on the 9th of February, 2019.", [("the 9th of February, 2019", "2019-02-09")]),
    ("Posted 2019-02-09 by staff.", [("2019-02-09", "2019-02-09")]),
    ("Sept. 15, 2008 was a Monday.", [("Sept. 15, 2008", "2008-09-15")]),
    ("Added : Tuesday , 19 January , 2010 , 18:16 GMT",
     [("Tuesday , 19 January , 2010", "2010-01-19")]),
    ("HONG KONG | Wed Apr 15 , 2009 5:56 am EDT HONG KONG -LRB- Reuters -RRB-",
     [("Wed Apr 15 , 2009", "2009-04-15")]),
    ("on Saturday, Oct. 11, 2008 in Washington", [("Saturday, Oct. 11, 2008", "2008-10-11")]),
    ("It began in July 2014 and in January of 2015.",
     [("July 2014", "2014-07"), ("January of 2015", "2015-01")]),
    ("Prices fell in 2009 and again by mid-2010.", [("2009", "2009"), ("mid-2010", "2010")]),
    ("In the summer of 2009 and in late 2001 it rained.",
     [("the summer of 2009", "2009"), ("late 2001", "2001")]),
    ("between January and March 2003", [("January", "2003-01"), ("March 2003", "2003-03")]),
])
def test_explicit_dates_need_no_reference(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, reference, expected", [
    ("The offensive began on Monday.", THU, [("Monday", "2018-09-10")]),
    ("It happened Thursday.", THU, [("Thursday", "2018-09-13")]),     # the reference day
    ("It happened last Thursday.", THU, [("last Thursday", "2018-09-06")]),
    ("Fighting resumed on Sunday morning.", THU, [("Sunday morning", "2018-09-09")]),
    ("It hit on January 12.", JAN20, [("January 12", "2010-01-12")]),
    ("It hit on 12 January.", JAN20, [("12 January", "2010-01-12")]),
    ("It was signed on December 30.", date(2019, 1, 2), [("December 30", "2018-12-30")]),
    ("The vote was in December.", date(2019, 2, 11), [("December", "2018-12")]),
    ("The vote was in February.", date(2019, 2, 11), [("February", "2019-02")]),
    ("It began last November.", date(2009, 6, 9), [("last November", "2008-11")]),
    ("Sales fell last month.", date(2019, 1, 15), [("last month", "2018-12")]),
    ("Sales fell last year.", date(2019, 1, 15), [("last year", "2018")]),
    ("Sales fell earlier this month.", date(2019, 1, 15), [("earlier this month", "2019-01")]),
    ("Sales fell last week.", date(2019, 1, 15), [("last week", "2019-W02")]),
    ("It was found yesterday.", date(2019, 3, 1), [("yesterday", "2019-02-28")]),
    ("It was found today.", date(2019, 3, 1), [("today", "2019-03-01")]),
    ("Shots rang out last night.", date(2019, 3, 1), [("last night", "2019-02-28")]),
    ("He speaks tonight.", date(2019, 3, 1), [("tonight", "2019-03-01")]),
    ("It opened three days ago.", date(2019, 3, 1), [("three days ago", "2019-02-26")]),
    ("It opened 3 months ago.", date(2019, 3, 1), [("3 months ago", "2018-12")]),
    ("Two years ago it closed.", date(2019, 2, 11), [("Two years ago", "2017")]),
])
def test_relative_dates_resolve_against_the_reference(text, reference, expected):
    assert values(text, reference) == expected
    assert all(t.relative for t in find(text, reference))


def test_relative_dates_are_not_returned_without_a_reference():
    assert find("It began on Monday, last month, on January 12 and yesterday.") == []


@pytest.mark.parametrize("text", [
    "The quake struck at 1653 local time (2153 GMT).",           # clock times
    "At 1903 GMT the convoy left.",
    "By 1100 -LRB- 1600 GMT -RRB- at least 1,500 bodies were found.",
    "He woke at 4.00am and left at 0400.",
    "The 45-year-old man, aged 45, died.",                        # ages
    "In 2000 people marched and 1998 soldiers were deployed.",    # counts
    "It cost $2009 and £1999.",                                   # money
    "He lives at 1600 Pennsylvania Avenue and at 1410 Penn Street.",  # street numbers
    "Security Council Resolution 1973 passed.",                   # a resolution number
    "Flight 2011 landed; page 1988 was missing.",
    "In the 1990s and the 1980's inflation rose.",                 # decades
    "Prices rose over the past four months and for two weeks.",   # durations
    "Theresa May spoke. April Ryan asked. They may march.",       # names and verbs
    "Black Friday sales and the Sunday Times.",                   # named days
    "A march of 2,000 people.",
    "The 2009-10 season.",
])
def test_false_friends_are_not_dates(text):
    assert find(text, JAN20) == []


@pytest.mark.parametrize("text, labelled", [
    ("Since the 1988 bombing nothing changed.", "1988"),
    ("He starred in a 1974 film.", "1974"),
    ("They attacked the 2010 health-care law.", "2010"),
    ("Japan 's 2011 tsunami was worse.", "2011"),
    ("Obama's 2008 campaign was long.", "2008"),
    ("The Jan. 12 quake killed thousands.", "Jan. 12"),
    ("As many as 200,000 died in the 12 January earthquake.", "the 12 January"),
])
def test_years_and_dates_that_name_a_thing_are_labels(text, labelled):
    found = find(text, JAN20)
    assert [t.text for t in found] == [labelled]
    assert found[0].label and not found[0].event


@pytest.mark.parametrize("text, when, flag", [
    ("The talks resume next week.", "next week", "future"),
    ("He will meet the rebels on Friday.", "Friday", "future"),
    ("The donors meet tomorrow.", "tomorrow", "future"),
    ("A fundraiser is planned for Feb. 5.", "Feb. 5", "future"),
    ("Aid arrives in April.", "April", "future"),                # soon after the reference
    ("It has governed since 2014.", "2014", "bound"),
    ("Schools are closed until May 6.", "May 6", "bound"),
    ("Troops will be there by Monday.", "Monday", "bound"),
    ("As of today, 17 journalists are missing.", "today", "bound"),
    ("The school expects to be closed until at least Sunday.", "Sunday", "bound"),
    ("The talks must end by at the latest Friday.", "Friday", "bound"),
])
def test_futures_and_bounds_are_flagged(text, when, flag):
    found = find(text, JAN20)
    assert [t.text for t in found] == [when]
    assert getattr(found[0], flag) and not found[0].event


def test_future_weekdays_resolve_to_the_coming_one():
    (friday,) = find("He will meet the rebels on Friday.", JAN20)
    assert friday.value == "2010-01-22"
    (monday,) = find("He met the rebels on Monday.", JAN20)
    assert monday.value == "2010-01-18" and monday.event
    # the verb to come may stand far before the day (a Haiti page put this meeting on the
    # Saturday before the quake)
    (saturday,) = find("Mr Obama says he will meet former US presidents Bill Clinton and "
                       "George W Bush at the White House on Saturday.", JAN20)
    assert saturday.value == "2010-01-23" and saturday.future
    # ... but not a relative clause's, far back, before a past main verb
    (monday,) = find("The company, which will close its plant in Ohio and cut thousands of jobs "
                     "in the state, laid off 200 workers on Monday.", JAN20)
    assert monday.value == "2010-01-18" and monday.event


@pytest.mark.parametrize("text, day, future", [  # (JAN20 is a Wednesday)
    ("Russia will hire a Norwegian company, a top official said Monday.", "2010-01-18", False),
    ("The army will withdraw, he told reporters on Tuesday.", "2010-01-19", False),
    ("On Friday, the governor will lead a memorial for the victims.", "2010-01-22", True),
    ("On Friday, officials are expected to announce the toll.", "2010-01-22", True),
    # a past verb before the future one, or a report of it, keeps the past day
    ("On Monday, the president signed a bill that will cut taxes.", "2010-01-18", False),
    ("On Monday the company said it will cut 500 jobs.", "2010-01-18", False),
])
def test_a_verb_of_saying_dates_its_report_and_an_opening_date_its_future_verb(text, day,
                                                                                future):
    (found,) = find(text, JAN20)
    assert found.value == day and found.future == future and found.event != future


@pytest.mark.parametrize("text, day", [
    # to come: a passive future is no report ("will be announced"), and an opening date
    # dates the future verb of its own sentence, whatever its subject
    ("The winners will be announced on Friday.", "2010-01-22"),
    ("The verdict is to be announced on Monday.", "2010-01-25"),
    ("Workers will be told the news Friday.", "2010-01-22"),
    ("On Friday, the Fed will raise rates.", "2010-01-22"),
    ("On Friday, the United Nations will vote on the plan.", "2010-01-22"),
    # past: a past verb before the future one, a name, a relative clause, a sentence end
    ("On Monday, the president wrote that he will veto the bill.", "2010-01-18"),
    ("On Tuesday, the army began an offensive that will last weeks.", "2010-01-19"),
    ("On Monday, Will Smith attended the premiere.", "2010-01-18"),
    ("On Monday, officials who will lead the inquiry met the families.", "2010-01-18"),
    ("On Monday, the plant closed. Its 300 workers will lose their jobs.", "2010-01-18"),
])
def test_futures_read_from_the_verb_a_date_belongs_to(text, day):
    assert find(text, JAN20)[0].value == day


def test_a_live_pages_time_before_a_name_is_no_date_and_bounds_go_on_after_or():
    assert find("1404 Jan Egeland, the former UN relief co-ordinator, tells the BBC.", JAN20) == []
    (fourth,) = find("The talks began on 4 Jan 2010.", JAN20)
    assert fourth.value == "2010-01-04"
    (saturday,) = find("More food supplies are expected in Haiti on Saturday.", JAN20)
    assert saturday.future and saturday.value == "2010-01-23"
    thursday, friday = find("They hoped to get supplies in by Thursday or Friday.", JAN20)
    assert thursday.bound and friday.bound
    thursday, friday = find("The talks ran on Thursday and Friday.", JAN20)
    assert thursday.event and friday.event


def test_since_a_month_is_a_past_month():
    (november,) = find("The dollar is at its strongest since November.", date(2009, 5, 19))
    assert november.value == "2008-11" and november.bound


def test_tokenized_text_and_offsets():
    text = "On Jan. 12 , 2010 , a quake hit ; on Tuesday 's anniversary , officials met ."
    found = find(text, date(2011, 1, 13))
    assert [(t.text, t.value) for t in found] == [("Jan. 12 , 2010", "2010-01-12"),
                                                  ("Tuesday", "2011-01-11")]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_a_date_never_spans_two_lines():
    text = "It hit on Feb. 9\n2019 was the year."
    assert values(text) == []
    assert values(text, date(2019, 3, 1)) == [("Feb. 9", "2019-02-09")]


def test_period_of_each_precision():
    assert period("2019-02-09") == (date(2019, 2, 9), date(2019, 2, 9))
    assert period("2019-W06") == (date(2019, 2, 4), date(2019, 2, 10))
    assert period("2019-02") == (date(2019, 2, 1), date(2019, 2, 28))
    assert period("2019") == (date(2019, 1, 1), date(2019, 12, 31))
    t = Timex(0, 4, "2019", "2019", "year")
    assert (t.first, t.last) == (date(2019, 1, 1), date(2019, 12, 31)) and t.event


@pytest.mark.parametrize("text, reference, expected", [
    ("February 9, 2019", None, ("2019-02-09", "day")),
    ("late on Monday", THU, ("2018-09-10", "day")),
    ("mid-February", date(2019, 3, 1), ("2019-02", "month")),
    ("the 1990s", None, None),
    ("1903 GMT", None, None),
    ("this week", THU, None),          # a week is not a timeline date
    ("upcoming Monday", THU, None),
    ("Monday and Tuesday", THU, None),  # more than one date
])
def test_resolve_reads_one_date_expression(text, reference, expected):
    assert resolve(text, reference) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    list("0123456789,.-:/'\n") + ["Jan", "Feb.", "May", "Monday", "the", "of", "in", "since",
                                  "last", "week", "year", "ago", "2009", "12", "today"]),
    max_size=20).map(" ".join), st.one_of(st.none(), st.dates()))
def test_find_never_fails_and_spans_are_verbatim(text, reference):
    for t in find(text, reference):
        assert text[t.start:t.end] == t.text
        assert t.precision in ("day", "week", "month", "year")
        first, last = period(t.value)
        assert first <= last


def test_look_alike_letters_are_read_as_latin_ones():
    # a case-blind pattern matches "thıs" (dotless i) as "this": it must not crash
    found = find("The bridge closed thıs week, officials said.", date(2020, 3, 3))
    assert [(t.text, t.value) for t in found] == [("thıs week", "2020-W10")]
