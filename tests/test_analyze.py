"""Disagreements, the timeline, focus and updates: the example cluster and small clusters
built to hold known agreements, contradictions, look-alikes and dates."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from storyline import Options, read_cluster, summarize
from storyline.analyze.timex import resolve
from storyline.brief.group import SAME_FACT
from storyline.brief.segment import split_all
from storyline.brief.vectors import tfidf
from storyline.errors import OptionsError
from storyline.faces.cli import main
from storyline.model import Article

BACKGROUND = ("The regional government held an emergency meeting in the capital to discuss "
              "the situation. Aid groups asked for access to the area. ")


def brief_of(*texts: str, **options) -> object:
    """A brief of articles published on the same day (figures of one time)."""
    docs = [{"text": BACKGROUND + t, "id": str(i), "published": "2019-02-10"}
            if isinstance(t, str) else t for i, t in enumerate(texts, 1)]
    return summarize(docs, options=Options(**options))


def subjects(brief) -> list[str]:
    return [d.subject for d in brief.disagreements]


# --- disagreements ------------------------------------------------------------------

def test_the_example_clusters_fighter_counts_are_a_change_not_a_disagreement(example_dir):
    # about 2,000 in September 2018 (article 1's stamp), up to 600 in February 2019
    # (article 3's photo caption): the count fell, no source is wrong
    brief = summarize(read_cluster(example_dir))
    assert not [d for d in brief.disagreements if "fighters" in d.subject]
    fighters = [c for c in brief.changes if "fighters" in c.subject]
    assert len(fighters) == 1
    assert [(f.article, f.figure, f.date) for f in fighters[0].figures] == [
        ("1", "as many as 2,000", "2018-09-13"), ("3", "up to 600", "2019-02-09")]
    for f in fighters[0].figures:  # each figure points at its sentence in the article
        text = next(a.text for a in brief.articles if a.id == f.article)
        assert text[f.start:f.end] == f.text and f.figure in f.text
    data = brief.to_dict()["changes"][0]
    assert data["subject"] == "ISIS fighters" and data["figures"][1]["date"] == "2019-02-09"


def test_figures_days_apart_are_a_change_and_undated_ones_need_a_shared_time():
    a = {"id": "1", "published": "2019-02-04", "text": BACKGROUND +
         "Some 600 ISIS fighters remain inside the enclave, the alliance said."}
    b = {"id": "2", "published": "2019-02-09", "text": BACKGROUND +
         "About 300 ISIS fighters remain inside the enclave, the alliance said."}
    same_day = dict(b, published="2019-02-05")
    brief = summarize([a, b])
    assert brief.disagreements == () and [c.subject for c in brief.changes] == ["ISIS fighters"]
    assert [f.date for f in brief.changes[0].figures] == ["2019-02-04", "2019-02-09"]
    brief = summarize([a, same_day])
    assert [d.subject for d in brief.disagreements] == ["ISIS fighters"] and brief.changes == ()
    # undated: different statements of no evident time are not compared ...
    undated = [{k: v for k, v in x.items() if k != "published"} for x in (a, b)]
    undated[1]["text"] = BACKGROUND + "Only about 300 ISIS fighters are still holed up there."
    assert summarize(undated).disagreements == summarize(undated).changes == ()
    # ... but the same statement, or a time both name, is of one time
    undated[1]["text"] = b["text"]
    assert [d.subject for d in summarize(undated).disagreements] == ["ISIS fighters"]


@pytest.mark.parametrize("a, b, published", [
    # a count with no one named: like counts in a topic's articles count different things
    ("Some 600 fighters remain inside the enclave.", "About 300 fighters remain inside the "
     "enclave.", ("2019-02-04", "2019-02-09")),
    # the dead of an event: two counts more often tell two events than a count that moved
    ("The bombing killed 247 people in Kenya.", "The bombing killed 213 people in Kenya.",
     ("1998-09-19", "1998-10-14")),
    # more than half a year apart
    ("Some 600 ISIS fighters remain inside the enclave.", "About 300 ISIS fighters remain "
     "inside the enclave.", ("2018-01-04", "2019-02-09")),
    # part of a total, and "one"
    ("Another 11 people were killed in the blast.", "The blast killed 40 people.",
     ("2019-02-09", "2019-02-09")),
    ("In one course, students had to tutor a child.", "Students must take 40 courses.",
     ("2019-02-09", "2019-02-09")),
    # "people" with no event, no one and no place: the counts of different crowds
    ("About 50 people were at the meeting.", "More than 200 people were at the meeting.",
     ("2019-02-09", "2019-02-09")),
    # a state a verb of being gives: the unaccounted for are not those in need (story pages)
    ("Up to 200,000 people are unaccounted for in Haiti.",
     "Millions of people remain in need in Haiti.", ("2010-01-15", "2010-01-22")),
    # deaths are no count of people in hospital
    ("The government says 1,300 people are in hospital in Mexico.",
     "There have been 140 deaths in Mexico.", ("2009-04-29", "2009-05-10")),
    # a supposition reports nothing; "outside Mexico" is another scope than "in Mexico"
    ("If there have been hundreds of thousands of cases in Mexico, the disease is mild.",
     "There are about 100 cases in Mexico, officials said.", ("2009-05-01", "2009-05-01")),
    ("There are about 100 cases outside Mexico, officials said.",
     "There are about 1,000 cases in Mexico, officials said.", ("2009-05-01", "2009-05-01")),
    # suspected deaths are not the confirmed ones (a flu page's "101" against "only 19")
    ("Of the 101 suspected deaths from the virus in Mexico, 19 have been confirmed.",
     "Only 19 deaths in Mexico are confirmed as being caused by the new flu.",
     ("2009-05-03", "2009-05-03")),
    # a day's new cases are part of the total, not another count of it
    ("The ministry announced two new cases in Britain.",
     "The ministry announced five new cases in Britain.", ("2009-05-01", "2009-05-02")),
    # ten times apart and more: different things (a year's deaths and a week's; the 1918
    # flu's dead and this outbreak's)
    ("There have been six deaths in the United States.",
     "Influenza causes 36,000 deaths in the United States.", ("2009-05-10", "2009-05-18")),
    ("The flu has killed up to 160 people.", "The flu killed an estimated 50 million people.",
     ("2009-04-28", "2009-04-28")),
])
def test_what_is_neither_a_disagreement_nor_a_change(a, b, published):
    docs = [{"id": str(i), "published": p, "text": BACKGROUND + t}
            for i, (t, p) in enumerate(zip((a, b), published), 1)]
    brief = summarize(docs)
    assert brief.disagreements == () and brief.changes == ()


def test_new_in_a_name_or_a_total_and_outside_a_place_are_shown_as_written():
    # "New Zealand soldiers" and "300 new jobs" are counts like any; "outside Mexico" is
    # the subject's place as written; figures far apart do not join through a middle one
    assert subjects(brief_of("Two New Zealand soldiers were killed in Afghanistan on Sunday.",
                             "Three New Zealand soldiers were killed in Afghanistan on Sunday.")
                    ) == ["New Zealand soldiers killed in Afghanistan"]
    assert subjects(brief_of("The plant will create 300 new jobs in Ohio, the company said.",
                             "The plant will create 500 new jobs in Ohio, the company said.")
                    ) == ["new jobs in Ohio"]
    assert subjects(brief_of("There are about 100 cases outside Mexico, officials said.",
                             "There are about 300 cases outside Mexico, officials said.")
                    ) == ["cases outside Mexico"]
    brief = brief_of("About 2,000 ISIS fighters are in Mosul.", "About 15,000 ISIS fighters "
                     "are in Mosul.", "About 120,000 ISIS fighters are in Mosul.")
    assert [[f.figure for f in d.figures] for d in brief.disagreements] == [
        ["About 2,000", "About 15,000"]]


def test_a_toll_that_rose_is_a_change_and_a_state_is_compared_with_its_like():
    # "two deaths" then "six deaths" in the United States: the toll of a named place rose;
    # "up to 200,000" and "100,000" unaccounted for on one day: the sources disagree
    deaths = [{"id": str(i), "published": p, "text": BACKGROUND + t} for i, (t, p) in enumerate(
        [("There have been two deaths in the United States.", "2009-05-07"),
         ("There have been six deaths in the United States.", "2009-05-18")], 1)]
    brief = summarize(deaths)
    assert [c.subject for c in brief.changes] == ["deaths in US"]
    brief = brief_of("Up to 200,000 people are unaccounted for in Haiti.",
                     "About 50,000 people are unaccounted for in Haiti.")
    assert len(brief.disagreements) == 1 and not brief.changes


def test_a_source_that_gives_both_figures_is_no_disagreement():
    test = ("The agency will require air bags to protect occupants in a 25 mph crash test, "
            "rather than a test at 30 mph.")
    one = {"id": "1", "published": "2000-05-05", "text": BACKGROUND + test}
    two = {"id": "2", "published": "2000-05-05", "text": BACKGROUND + test.replace(
        "Rather", "rather") + " The 25 mph test is less forceful than a 30 mph test."}
    assert summarize([one, two]).disagreements == ()


def test_a_source_that_gives_both_figures_elsewhere_is_no_disagreement():
    # Undated: the two tolls of one statement contradict, but the first article also
    # gives the second's thirty for the same key in a sentence no rule links to them;
    # the parse of that sentence, asked for once the contradiction is found, settles it.
    one = ("Officials said twelve people were killed in the attack on the market. "
           "Elsewhere in the city, thirty people were killed by the floods.")
    two = "Officials said thirty people were killed in the attack on the market."
    assert summarize([BACKGROUND + one, BACKGROUND + two]).disagreements == ()
    assert len(summarize([BACKGROUND + one.split(". ")[0] + ".",
                          BACKGROUND + two]).disagreements) == 1


def test_the_example_clusters_civilian_figures_count_different_things(example_dir):
    # 60,000 living around Hajin (September) and some 20,000 let out of Baghuz (February)
    # are different quantities; "tens of thousands" agrees with "some 20,000".
    brief = summarize(read_cluster(example_dir))
    assert not [d for d in brief.disagreements if "civilian" in d.subject]
    assert all(d.kind in ("count", "age", "area", "distance", "money")
               for d in brief.disagreements)


def test_a_contradicting_death_toll_is_reported_with_every_source():
    brief = brief_of("Officials said 12 people were killed in the attack on the market in Kabul.",
                     "At least 30 people were killed in the attack on the market in Kabul.",
                     "Police said 12 people were killed in the attack on the market in Kabul.")
    assert len(brief.disagreements) == 1
    d = brief.disagreements[0]
    assert d.kind == "count" and "Kabul" in d.subject
    assert [(f.article, f.figure, f.low, f.high) for f in d.figures] == [
        ("1", "12", 12, 12), ("2", "At least 30", 30, float("inf")), ("3", "12", 12, 12)]
    assert brief.to_dict()["disagreements"][0]["figures"][1]["high"] is None  # JSON: open


@pytest.mark.parametrize("a, b", [
    # approximations that overlap
    ("About 2,000 people fled the town on foot.", "Some 2,100 people fled the town on foot."),
    ("Up to 600 fighters remain inside the enclave.",
     "About 500 fighters remain inside the enclave."),
    ("At least 15 militants were killed in the raid.", "27 militants were killed in the raid."),
    # ranges
    ("Between 14,000 and 18,000 militants are based in the region.",
     "About 16,000 militants are based in the region."),
    # different scopes: places, times, sides, events
    ("An estimated 5,000 US troops remain in Iraq.", "Some 2,000 US troops remain in Syria."),
    ("Between 14,000 and 18,000 militants are thought to be in Iraq and Syria.",
     "Between 15,500 and 17,100 militants are thought to be in Iraq."),
    ("Ten rebel fighters were killed in the clashes.",
     "Forty army soldiers were killed in the clashes."),
    ("Two men confronted the victim inside the shop.", "Three men were arrested later that week."),
    ("Airlines canceled more than 20,000 flights during Superstorm Sandy.",
     "Airlines canceled about 1,000 flights."),
    ("Around 60,000 civilians live in the town.", "Some 20,000 civilians left the town."),
    # vague amounts
    ("Tens of thousands of people fled the fighting.", "Some 20,000 people fled the fighting."),
    # shares, number words, floors, modifiers on one side only (from a review)
    ("Three of the fighters are foreigners, officials said.",
     "About 600 fighters remain, officials said."),
    ("Two of the hostages are American citizens.", "Thirty hostages are being held."),
    ("One-third of the residents fled the town.", "About 1,200 residents fled the town."),
    ("Twenty-five people were killed in the blast.", "Police said 25 people were killed in "
     "the blast."),
    ("More than 200 people were killed in the fighting.",
     "The fighting killed 500 people."),
    ("About 2,000 fighters remain in the enclave.",
     "Some 600 Kurdish fighters remain in the enclave."),
    ("Ten hostages were freed on the road.", "Thirty hostages are still held."),
    ("The driver, Mr. Smith, 41, was hurt.", "His wife, Mrs. Smith, 38, was unhurt."),
    ("Deaths were reported in New York (45) and Boston.",
     "Deaths were reported in New York (52) and Chicago."),
    ("About 10 000 people fled the city.", "About 10,000 people fled the city."),
])
def test_look_alikes_are_not_contradictions(a, b):
    assert brief_of(a, b).disagreements == ()


def test_ages_of_one_person_disagree_across_sources():
    brief = brief_of("Police arrested Kevin Johnson, 24, on Friday near his home.",
                     "Kevin Johnson, 25, was charged with murder by prosecutors.",
                     "Prosecutors also charged Antheyst Jarrett, 27, and Maria Lopez, 31.")
    assert [(d.kind, d.subject) for d in brief.disagreements] == [("age", "age of Kevin Johnson")]
    assert [f.low for f in brief.disagreements[0].figures] == [24, 25]


def test_no_analysis_leaves_both_lists_empty_and_the_brief_unchanged(example_dir):
    articles = read_cluster(example_dir)
    with_analysis = summarize(articles)
    without = summarize(articles, options=Options(analysis=False))
    assert without.disagreements == () and without.timeline == ()
    assert without.sentences == with_analysis.sentences


# --- timeline -----------------------------------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    ("February 9, 2019", None, ("2019-02-09", "day")),
    ("9 February 2019", None, ("2019-02-09", "day")),
    ("2019-02-09", None, ("2019-02-09", "day")),
    ("July 2014", None, ("2014-07", "month")),
    ("2014", None, ("2014", "year")),
    ("Monday", date(2018, 9, 13), ("2018-09-10", "day")),       # a Thursday article
    ("Thursday", date(2018, 9, 13), ("2018-09-13", "day")),     # its own day
    ("late on Monday", date(2018, 9, 13), ("2018-09-10", "day")),
    ("Sunday morning", date(2019, 2, 11), ("2019-02-10", "day")),
    ("December", date(2019, 2, 11), ("2018-12", "month")),      # the December before
    ("February", date(2019, 2, 11), ("2019-02", "month")),
    ("December 30", date(2019, 1, 2), ("2018-12-30", "day")),
    ("last month", date(2019, 1, 15), ("2018-12", "month")),
    ("last year", date(2019, 1, 15), ("2018", "year")),
    ("yesterday", date(2019, 3, 1), ("2019-02-28", "day")),
    ("Two years ago", date(2019, 2, 11), ("2017", "year")),
    ("Monday", None, None),          # relative dates need the article's date
    ("December", None, None),
    ("next week", date(2019, 2, 11), None),
    ("the past four months", date(2019, 2, 11), None),
    ("February 30", date(2019, 2, 11), None),
    ("March 3", date(2019, 2, 11), None),             # to come, not last year's
    ("December", date(2019, 2, 11), ("2018-12", "month")),
    ("this Friday", date(2019, 2, 11), None),
    ("1000000 days ago", date(2019, 2, 11), None),
    ("5000 years ago", date(2019, 2, 11), None),
    ("May 0000", None, None),
])
def test_dates_resolve_against_the_articles_date(text, published, expected):
    assert resolve(text, published) == expected


def test_the_timeline_orders_dated_events_and_drops_what_it_cannot_date():
    dated = {"id": "1", "published": "2019-02-11", "text": BACKGROUND + (
        "On Saturday the alliance launched the final battle for the village of Baghuz. "
        "The commander will meet reporters on Friday. "
        "Since 2014 the group has lost most of its territory. "
        "In December the president announced a withdrawal of all troops.")}
    undated = {"id": "2", "text": BACKGROUND + (
        "On Sunday heavy clashes broke out near the river crossing. "
        "The group declared its caliphate in June 2014 in the city of Mosul.")}
    brief = summarize([dated, undated])
    timeline = [(e.date, e.when, [c.article for c in e.sources]) for e in brief.timeline]
    assert timeline == [("2014-06", "in June 2014", ["2"]),
                        ("2018-12", "In December", ["1"]),
                        ("2019-02-09", "On Saturday", ["1"])]
    assert all(e.text in next(a.text for a in brief.articles if a.id == e.sources[0].article)
               for e in brief.timeline)


def test_a_timeline_entry_prints_a_wires_typewriter_marks():
    """A newswire's ``'' and " _ " read as quotation marks and a dash in the timeline too;
    the entry's source keeps the span as written."""
    wire = {"id": "1", "published": "2019-02-11", "text": BACKGROUND + (
        "On Saturday the alliance launched what it called ``the final battle'' _ its last "
        "push _ for the village of Baghuz.")}
    entry = next(e for e in summarize([wire]).timeline if e.when == "On Saturday")
    assert entry.text == ("On Saturday the alliance launched what it called “the final "
                          "battle” — its last push — for the village of Baghuz.")
    assert "``the final battle''" in entry.sources[0].text


def test_a_statement_reported_by_two_articles_is_one_entry_citing_both():
    one = {"id": "1", "published": "2018-09-13", "text": BACKGROUND +
           "The SDF offensive began on Monday against the last pocket near Hajin."}
    two = {"id": "2", "text": BACKGROUND +
           "The SDF offensive began on Monday against the last pocket near the town of Hajin."}
    entries = summarize([one, two]).timeline
    assert [(e.date, [c.article for c in e.sources]) for e in entries] == [
        ("2018-09-10", ["1", "2"])]


def test_the_example_timeline_is_in_order_and_cites_its_sources(example_dir):
    brief = summarize(read_cluster(example_dir))
    dates = [e.date for e in brief.timeline]
    assert dates == sorted(dates) and "2018-09-10" in dates and "2014" in dates
    assert "2018-12" in dates  # "in December", resolved against article 3's February date
    assert "2018-07" not in dates  # "after an attack ... in July" dates the attack, not the
    # offensive the sentence reports
    assert not any(e.text.startswith("Today, it has") for e in brief.timeline)  # a state
    monday = next(e for e in brief.timeline if e.date == "2018-09-10")
    assert "Monday" in monday.when and monday.sources[0].article == "1"
    # article 2 is undated, so its "On Saturday" stays off the timeline ...
    assert not any(e.when == "On Saturday" for e in brief.timeline)
    # ... until its date is given
    articles = read_cluster(example_dir)
    given = summarize(articles, options=Options(published="2019-02-10"))
    saturday = [e for e in given.timeline if e.date == "2019-02-09"]
    assert saturday and {c.article for e in saturday for c in e.sources} >= {"2", "3"}
    assert any(e.date == "2018-09-10" for e in given.timeline)  # article 1 keeps its own date


def timeline_of(sentence: str, published: str | None = "2019-02-13",
                source: str | None = None) -> list[str]:
    doc = {"id": "1", "text": BACKGROUND + sentence}
    if published:
        doc["published"] = published
    article = summarize([doc], options=Options(analysis=False)).articles[0]
    if source:  # a date found in the article itself (a caption, a post)
        from dataclasses import replace
        article = replace(article, date_source=source)
    from storyline.analyze import analyze as run
    from storyline.brief import group, segment, vectors
    sentences = segment.split_all([article])
    facts = group.group(sentences, vectors.tfidf(sentences))
    return [e.date for e in run([article], sentences, facts)[2]]


@pytest.mark.parametrize("sentence, dates", [
    # dates of the sentence's event, anchored or read on the parse
    ("In 1947, local authorities bulldozed the top of the mound.", ["1947"]),
    ("The foot was excavated in 1998 by an expedition from Kansas.", ["1998"]),
    ("Police said on Monday that the man had been arrested.", ["2019-02-11"]),
    ("However, on Wednesday the US warned that an assault could harm operations.",
     ["2019-02-13"]),
    ("Steck climbed the peak in 2011 but did not see the bodies then.", ["2011"]),
    # not event dates: clock times, labels, ages and counts are no dates at all
    ("Jimmy Choo shares were up 17 percent at 228.00 pence at 1510 GMT.", []),
    ("Prosecutors reopened the 1988 bombing case after new evidence emerged.", []),
    ("The court upheld the 2010 health-care law after a long fight.", []),
    ("He starred in a 1974 film that was shown again last week in Paris.", []),
    ("Tuesday's reports that the president tried to stop the probe thickened the plot.", []),
    # a date of something else in the sentence
    ("They said the mound was built for Thorfinn, a Viking earl who died in 1065.", []),
    ("Births increased from 265 in 2013 to 385 this year, the hospital said.", []),
    ("Spending for cocktail hours also rose to 76% from 69% in 2010.", []),
    ("The work force at Kokomo has dropped to 4,800 from 11,000 in 1977, the union said.", []),
    ("The cost rose 16% from a recent low of $26,984 in 2010, a survey found.", []),
    ("The party has been whiplashed by his drama since his first day in June 2015.", []),
    ("Clinton's campaign blames Comey for her defeat last November.", []),
    ("Officials hope to begin handling some of these cases in 2017.", []),
    ("\"The market is plunging today,\" Trump tweeted on Nov. 7, 2012.", ["2012-11-07"]),
    # what was done that day ("to" + a verb is no range's other end), a figure compared
    # ("more than 1 percent"), a "since" far from the date (not its start point)
    ("The Arab League voted on Monday to back a no-fly zone over the country.",
     ["2019-02-11"]),
    ("Brent crude fell more than 1 percent on Monday as investors sold.", ["2019-02-11"]),
    (("Putin was sworn in as the second president since the breakup of the Soviet Union "
      "in an official ceremony in the Kremlin on Monday."), ["2019-02-11"]),
    ("The death toll rose on Monday to 45, officials said.", ["2019-02-11"]),
    ("Trump flew on Monday to Mar-a-Lago for the weekend with his family.", ["2019-02-11"]),
    ("Brent crude fell from $80 to $75 on Monday, traders said.", ["2019-02-11"]),
    ("Traffic was quieter than usual on Monday in the capital.", ["2019-02-11"]),
    ("Stocks fell more than expected on Monday, traders said.", ["2019-02-11"]),
    ("The surplus was $25 billion more than expected a year ago, the budget office said.",
     []),
    ("The army withdrew from a town 30 miles north of the capital on Monday.",
     ["2019-02-11"]),
    ("Exports have slumped since the fighting began and the central bank cut rates on Monday.",
     ["2019-02-11"]),
    (("The council has courted support since the rebels and their allies took over the "
      "eastern port city of the north on Monday."), []),
    ("The exhibition ran Jan. 7—Jan. 11 and drew 40,000 visitors to the old port.", []),
    ("The death toll has risen since Sunday to 45, officials said on Monday.", ["2019-02-11"]),
    # a start point passed over for the day of the news
    ("Oil prices hit their highest since September 2008 on Monday, traders said.",
     ["2019-02-11"]),
    ("It has been closed since Friday and the first plane was sent to the port on Monday.",
     ["2019-02-11"]),
    # ... but a range, a start point and a time compared with stay out
    ("The office was closed from Monday to Wednesday while the roof was mended.", []),
    ("The office was closed Monday to Wednesday while the roof was mended.", []),
    ("The fair ran March 19 - April 2 in the old port.", []),
    ("The council has courted western support since its founding on Monday.", []),
    (("Since the effort to enforce the resolution began in mid-January, airstrikes have "
      "destroyed 40 tanks."), []),
    (("More than 200,000 have left the country since a rebellion against the leader's "
      "41-year rule broke out last month."), []),
    ("Libyans have not known democracy since he ousted the king and took power in 1969.", []),
    ("Sales were higher than in June 2013, when the plant opened.", []),
    ("Stock indexes fell to less than half what they were in May 2018, a report said.", []),
])
# (a tweet's signature, "— Touré (@Toure) June 20, 2017", dated nothing; cleaning now drops
# the embedded tweet whole: tests/test_clean.py)
def test_a_date_dates_a_sentence_only_when_it_dates_its_event(sentence, dates):
    assert timeline_of(sentence) == dates


def test_a_sentence_run_again_is_dated_from_where_it_was_first_written():
    # the brief's timeline, as the long story's: a recap's "On Monday, ..." (a comma
    # added) is the Monday before the first article that wrote it
    said = 'On Monday, the envoy said the leader "has been my friend for years" on television.'
    again = 'On Monday, the envoy said the leader, "has been my friend for years," on television.'
    docs = [{"id": "1", "text": BACKGROUND + said, "published": "2011-03-03"},
            {"id": "2", "text": BACKGROUND + again, "published": "2011-03-10"}]
    brief = summarize(docs)
    assert {e.date for e in brief.timeline if "my friend" in e.text} == {"2011-02-28"}


@pytest.mark.parametrize("sentence, day", [
    ("Residents could not leave their homes on Monday as the floods rose.", "2019-02-11"),
    ("A verdict could come as early as Monday, lawyers for the defendant said.", None),
    ("Sales grew from 2010 to 2015, and the company was sold to a rival on Monday.",
     "2019-02-11"),
])
def test_a_story_pages_key_date_of_a_line(sentence, day):
    # key dates leave out a time to come said with a verb, not "could not"; a range
    # before the news is passed over
    from storyline.analyze.dates import event_mention, resolved
    article = Article(id="1", text=sentence, published="2019-02-13")
    found = event_mention(sentence, resolved(sentence, article), in_passing=False, days=True)
    assert (found.value if found else None) == day


def test_a_sentence_counts_from_its_first_writer_within_two_weeks():
    from storyline.analyze.dates import written_first
    from storyline.brief import segment
    line = "On Monday, the envoy met the rebels in the port city."
    docs = [Article(id=str(i), text=line, published=day, date_source=source)
            for i, (day, source) in enumerate([("2011-01-01", None), ("2011-03-03", None),
                                              ("2011-03-10", None), ("2011-03-09", "caption"),
                                              (None, None), ("2011-03-02", "caption"),
                                              ("2011-03-20", None)])]
    first = [a.id for a in written_first(segment.split_all(docs), docs)]
    # March 10 counts from March 3 (January 1 is too far back), March 3 from itself,
    # the caption-dated copy from March 3 (a caption's date is "then or later", no one's
    # first: the March 3 article counts from itself, not from the caption-dated copy of
    # March 2), the undated copy from the earliest dated one, and March 20 from March 3
    # through March 10 (a chain of copies)
    assert first == ["0", "1", "1", "1", "0", "5", "1"]


def test_an_article_dated_by_its_photo_counts_weekdays_from_the_day_after():
    # a Saturday photo: "on Sunday" is the next day, "on Friday" the day before
    assert timeline_of("Intense gun battles were reported on Sunday morning in the town.",
                       "2019-02-09", "caption") == ["2019-02-10"]
    assert timeline_of("The Wall Street Journal reported on Friday that troops would stay.",
                       "2019-02-09", "caption") == ["2019-02-08"]
    assert timeline_of("Intense gun battles were reported on Sunday morning in the town.",
                       "2019-02-09", "stamp") == ["2019-02-03"]


# --- focus --------------------------------------------------------------------------

def test_focus_steers_the_brief_towards_the_topic(example_dir):
    articles = read_cluster(example_dir)
    generic = summarize(articles, options=Options(analysis=False))
    focused = summarize(articles, options=Options(focus="civilians", analysis=False))
    about = [s for s in focused.sentences if "civilian" in s.text.lower()]
    assert len(about) >= 2 and len(about) > sum("civilian" in s.text.lower()
                                                 for s in generic.sentences)
    assert focused.stats["focus"] == "civilians" and focused.stats["words"] <= 120


def test_a_focus_that_matches_nothing_still_gives_a_brief(example_dir):
    brief = summarize(read_cluster(example_dir), options=Options(focus="volcano tourism xyzzy"))
    assert brief.sentences


@pytest.mark.parametrize("bad", ["", "   ", "x" * 2001])
def test_a_bad_focus_is_refused(bad):
    with pytest.raises(OptionsError, match="focus"):
        Options(focus=bad)


# --- updates ------------------------------------------------------------------------

def test_since_leaves_out_every_fact_already_reported(example_dir):
    articles = read_cluster(example_dir)
    old = [a for a in articles if a.id in ("1", "4")]
    new = [a for a in articles if a.id not in ("1", "4")]
    brief = summarize(new, since=old, options=Options(words=250))
    assert brief.sentences and brief.stats["already_seen"] >= 1
    old_sentences = split_all(old)
    rows = tfidf(old_sentences, [s.text for s in brief.sentences])
    for k in range(len(brief.sentences)):  # no brief sentence repeats an old one
        row = rows[len(old_sentences) + k]
        assert (rows[:len(old_sentences)] @ row.T).max() < SAME_FACT


def test_since_drops_a_repeated_lead_that_the_plain_brief_shows():
    lead = "A dam burst early on Tuesday in the northern valley, flooding three villages."
    old = [lead + " Officials blamed days of heavy rain."]
    new = [lead + " Rescue teams evacuated about 2,000 people by boat in the afternoon. "
           "Engineers warned on Wednesday that a second dam upstream was also at risk.",
           lead + " The army sent helicopters to reach families trapped on rooftops."]
    assert lead in summarize(new).summary
    update = summarize(new, since=old)
    assert lead not in update.summary and "second dam" in update.summary
    assert update.stats["already_seen"] == 1


def test_nothing_new_gives_an_empty_brief_that_says_so(example_dir):
    articles = read_cluster(example_dir)
    brief = summarize(articles, since=articles)
    assert brief.sentences == () and brief.timeline == () and brief.disagreements == ()
    from storyline.brief.render import render
    assert "nothing new" in render(brief, "text")


# --- the command line ---------------------------------------------------------------

def test_cli_prints_disagreements_and_timeline(example_dir):
    result = CliRunner().invoke(main, ["summarize", str(example_dir)])
    assert result.exit_code == 0, result.output
    assert "Changes over time:" in result.output and "Timeline:" in result.output
    assert ("ISIS fighters: as many as 2,000 (Sept 2018) [1] → up to 600 (Feb 2019) [3]"
            in result.output)
    md = CliRunner().invoke(main, ["summarize", str(example_dir), "-f", "markdown"]).output
    assert "**Changes over time**" in md and "**Timeline**" in md
    assert "- **2018-09-10** An offensive began on Monday" in md


def test_cli_focus_since_published_and_no_analysis(example_dir, tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    (old / "seen.jsonl").write_text(json.dumps(
        {"documents": [(example_dir / "article-4.txt").read_text()]}) + "\n")
    out = CliRunner().invoke(main, [
        "summarize", str(example_dir), "-f", "json", "--focus", "civilians",
        "--since", str(old / "seen.jsonl"), "--published", "2019-02-10"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["stats"]["focus"] == "civilians" and data["stats"]["already_seen"] >= 1
    assert any(e["date"] == "2019-02-09" for e in data["timeline"])
    fast = json.loads(CliRunner().invoke(main, ["summarize", str(example_dir), "-f", "json",
                                                "--no-analysis"]).output)
    assert fast["disagreements"] == [] and fast["timeline"] == []


@pytest.mark.parametrize("args, message", [
    (["--published", "2019-13-01"], "YYYY-MM-DD"),
    (["--focus", " "], "focus must be"),
    (["--since", "/nonexistent/folder"], "does not exist"),
])
def test_cli_bad_options_say_what_to_fix(example_dir, args, message):
    result = CliRunner().invoke(main, ["summarize", str(example_dir), *args])
    assert result.exit_code != 0 and message in result.output


def test_since_reads_articles_as_json_lines(example_dir, tmp_path):
    seen = tmp_path / "seen.jsonl"
    seen.write_text(json.dumps({"text": (example_dir / "article-2.txt").read_text()}) + "\n"
                    + json.dumps((example_dir / "article-4.txt").read_text()) + "\n")
    from storyline.brief.ingest import read_seen
    assert [a.id for a in read_seen(seen)] == ["1", "1"]  # ids are renumbered in summarize
    assert summarize(read_cluster(example_dir), since=read_seen(seen)).sentences


def test_sources_that_date_one_statement_differently_disagree_on_the_day():
    one = {"id": "1", "published": "2019-02-11", "text": BACKGROUND +
           "The alliance launched the final offensive on the village of Baghuz on Saturday."}
    two = {"id": "2", "published": "2019-02-11", "text": BACKGROUND +
           "The alliance launched the final offensive on the village of Baghuz on Sunday."}
    three = {"id": "3", "text": BACKGROUND +
             "The alliance launched the final offensive on the village of Baghuz on "
             "February 9, 2019."}
    brief = summarize([one, two, three])
    dates = [d for d in brief.disagreements if d.kind == "date"]
    assert len(dates) == 1 and dates[0].subject.startswith("date of: The alliance launched")
    assert [(f.article, f.figure, f.low) for f in dates[0].figures] == [
        ("1", "on Saturday", "2019-02-09"), ("2", "on Sunday", "2019-02-10"),
        ("3", "on February 9, 2019", "2019-02-09")]
    assert brief.to_dict()["disagreements"][0]["figures"][0]["high"] == "2019-02-09"
    # another action, or a date of saying, is no disagreement about the day
    said = [{"id": str(i), "published": "2019-02-13", "text": BACKGROUND + t} for i, t in
            enumerate(["The death toll rose to 50 in the town, officials said on Monday.",
                       "The death toll rose to 50 in the town, officials said on Tuesday.",
                       "Rebels launched the offensive on the town near the border on Saturday.",
                       "Rebels resumed the offensive on the town near the border on Sunday."],
                      1)]
    assert not [d for d in summarize(said).disagreements if d.kind == "date"]
    # a month and a day in it are not a disagreement
    four = {"id": "4", "text": BACKGROUND +
            "The alliance launched the final offensive on the village of Baghuz in February 2019."}
    assert not [d for d in summarize([three, four]).disagreements if d.kind == "date"]


@pytest.mark.parametrize("since", ["an article", {"text": "an article"}])
def test_since_must_be_a_list_of_articles(example_dir, since):
    with pytest.raises(OptionsError, match="list of articles"):
        summarize(read_cluster(example_dir), since=since)


@pytest.mark.parametrize("bad", ["2019-W06-7", "2019021000", "2019-02-30", "10/02/2019"])
def test_published_must_be_a_calendar_date(bad):
    with pytest.raises(OptionsError, match="YYYY-MM-DD"):
        Options(published=bad)


def test_only_figures_that_may_meet_another_articles_are_parsed():
    from storyline.analyze import figures

    assert "fighters" in figures.keys("As many as 2,000 heavily armed ISIS militants remain.")
    assert "people" in figures.keys("More than 200 dead were counted.")  # the killed count people
    assert "age:johnson" in figures.keys("Kevin Johnson, 24, was arrested.")
    assert "money:$" in figures.keys("The city paid $2 million.")
    assert not figures.keys("He said it was over.")
    texts = {0: ("1", "As many as 2,000 ISIS fighters are bunkered down."),
             1: ("2", "Up to 600 jihadists are left in the town."),
             2: ("2", "Ten hostages were freed on Monday."),
             3: ("1", "Another 40 fighters surrendered to the 12 guards.")}
    # the hostages are counted by one article only; the guards too
    assert figures.worth_parsing(texts) == {0, 1, 3}


def test_figures_that_cannot_contradict_or_meet_are_not_parsed():
    from storyline.analyze import figures

    same = {0: ("1", "Two officers were struck by the car."),
            1: ("2", "The car struck two officers."),
            2: ("2", "Two officers were taken to hospital.")}
    assert figures.worth_parsing(same) == set()  # every one says "two": no contradiction
    differ = {**same, 3: ("1", "Three officers were hurt.")}
    assert figures.worth_parsing(differ) == {0, 1, 2, 3}
    # a year apart, figures are neither one time nor a change
    assert figures.worth_parsing(differ, {"1": "2019-01-05", "2": "2020-03-01"}) == set()
    assert figures.worth_parsing(differ, {"1": "2019-01-05", "2": "2019-01-06"}) == {0, 1, 2, 3}
    # "on Friday" is a time the others do not name (`_sure_time_words`): not of their time
    friday = {**differ, 1: ("2", "The car struck two officers on Friday.")}
    assert figures.worth_parsing(friday) == {0, 2, 3}
    # years, percentages, durations and ordinals count nothing
    assert not figures.keys("In 2014, 40% of voters waited six months for the 3rd ballot.")


def test_the_counted_noun_is_read_up_to_the_head_of_its_phrase():
    from storyline.analyze import figures

    found = figures.keyed_amounts("Police said 12 people were killed in Baghdad on Monday.")
    assert found["people"] == {"12"}
    assert not {"baghdad", "monday", "polic"} & set(found)  # past the noun phrase
    assert "colleagu" in figures.keys("He golfed with dozens of his Republican colleagues.")
    assert "averag" in figures.keys("The rate there is about three times the national average.")
    assert "student" in figures.keys("Six University of Connecticut students were hurt.")
    assert "judg" in figures.keys("Three U.S. District judges ruled against it.")
    assert "ballot" in figures.keys("Hundreds of mail-in ballots were lost.")
    assert "hundr" in figures.keys("Hundreds were killed in the clashes.")  # counts itself
    # each number keeps its own noun: the soldiers are four, the civilians 12
    found = figures.keyed_amounts("Four soldiers and 12 civilians died in the blast.")
    assert found["troops"] == {"four"} and found["civilians"] == {"12"}
    assert figures.keyed_amounts("Up to 3 million residents fled.")["civilians"] == {"3 million"}
    # an age is keyed by its name, not as a count; "two 14-year-olds" count the olds
    assert set(figures.keyed_amounts("A 24-year-old man, John Smith, was held.")) == {
        "age:john", "age:smith"}
    assert figures.keyed_amounts("The two 14-year-olds were charged.")["old"] == {"two"}


def test_time_words_are_those_a_named_time_may_hold():
    from storyline.analyze import figures

    assert figures._time_words("Five people died on Monday, 2 in the storm.") >= {"monday", "2"}
    assert not figures._time_words("They raised $27 from 80,000 donors, up 1.5 points.")
    assert "olympics" in figures._time_words("Attendance fell after the Olympics ended.")
    assert "berlin" in figures._time_words("Prices rose before Berlin Fashion Week opened.")
    assert not figures._time_words("The storm hit the coast and the town flooded.")
    # words that only modify or count a time: the time they modify is a word of its own
    assert not figures._time_words("For the first time, this one was the last to go early.")
    assert figures._time_words("Last year, early on Monday") == {"year", "monday"}


def test_undated_figures_are_parsed_only_when_they_may_be_of_one_time():
    from storyline.analyze import figures

    texts = {0: ("1", "Rescuers found 40 survivors in the rubble."),
             1: ("2", "Crews pulled 52 survivors from collapsed homes."),
             2: ("2", "Rescuers found 40 survivors in the rubble, officials said.")}
    # 0 and 1 are different statements naming no time: never compared, so not parsed;
    # 0 and 2 are one statement with one amount: they cannot contradict
    assert figures.worth_parsing(texts, {}, {0: 0, 1: 1, 2: 0}) == set()
    assert figures.worth_parsing(texts, {}, {0: 0, 1: 1, 2: 2}) == set()
    # one statement that may contradict, and 2 linked to 0 by the number both name
    assert figures.worth_parsing(texts, {}, {0: 0, 1: 0, 2: 2}) == {0, 1, 2}
    more = {**texts, 3: ("2", "Crews also pulled 7 survivors from a car."),
            4: ("2", "It took 3 hours.")}
    assert figures.worth_parsing(more, {}, {0: 0, 1: 0, 2: 2, 3: 3, 4: 4}) == {0, 1, 2}
    # should 0 and 1 contradict, 3 (article 2, the same key) may show that the key
    # counts two things: `analyze` parses it then
    assert figures.same_key_in_articles({(0, 1)}, more) == {0, 1, 2, 3}
    timed = {0: ("1", "Rescuers found 40 survivors on Tuesday."),
             1: ("2", "By Tuesday, crews had pulled 52 survivors from homes.")}
    assert figures.worth_parsing(timed, {}, {0: 0, 1: 1}) == {0, 1}  # the same day named
    # ages: compared only on one day or in one statement (they name no time of their own)
    ages = {0: ("1", "John Smith, 41, was arrested on Tuesday."),
            1: ("2", "On Tuesday police held John Smith, 42.")}
    assert figures.worth_parsing(ages, {}, {0: 0, 1: 1}) == set()
    assert figures.worth_parsing(ages, {}, {0: 0, 1: 0}) == {0, 1}
    two_days = {"1": "2020-05-01", "2": "2020-05-03"}
    assert figures.worth_parsing(ages, two_days, {0: 0, 1: 0}) == set()
    # dated articles a day apart are one time, whatever the statements
    assert figures.worth_parsing(texts, {"1": "2020-05-01", "2": "2020-05-02"},
                                 {0: 0, 1: 1, 2: 2}) == {0, 1, 2}


def test_the_entities_show_which_figures_still_need_the_parse():
    from storyline.analyze import figures, language

    nlp = language.nlp()

    def named(texts):  # the entities alone, as `analyze` first asks for them
        return {k: nlp.get_pipe("ner")(nlp.make_doc(text)) for k, (_, text) in texts.items()}

    timed = {0: ("1", "Rescuers found 40 survivors on Tuesday."),
             1: ("2", "By Tuesday, crews had pulled 52 survivors from homes.")}
    assert figures.worth_parsing(timed, {}, {0: 0, 1: 1}, named(timed)) == {0, 1}
    # both name "Tuesday" (the time words), but not the same times: never comparable
    other = {0: timed[0], 1: ("2", "On Tuesday night, crews pulled 52 survivors.")}
    assert figures.worth_parsing(other, {}, {0: 0, 1: 1}) == {0, 1}
    assert figures.worth_parsing(other, {}, {0: 0, 1: 1}, named(other)) == set()
    # a time word that one holds and the other does not: parted before the entities
    week = {0: timed[0], 1: ("2", "On Tuesday and Wednesday, crews pulled 52 survivors.")}
    assert figures.worth_parsing(week, {}, {0: 0, 1: 1}) == set()
    # ... the same statement, or dated a day apart: then no times or the same are needed
    assert figures.worth_parsing(other, {}, {0: 0, 1: 0}, named(other)) == set()
    assert figures.worth_parsing({0: ("1", "Rescuers found 40 survivors."), 1: other[1]},
                                 {}, {0: 0, 1: 0}, named(other)) == set()
    untimed = {0: ("1", "Rescuers found 40 survivors."), 1: ("2", "Crews pulled 52 survivors.")}
    assert figures.worth_parsing(untimed, {"1": "2020-05-01", "2": "2020-05-02"}, {0: 0, 1: 1},
                                 named(untimed)) == {0, 1}
    # a number that no entity takes for a figure ("747" is part of a product's name)
    plane = {0: ("1", "Rescuers found 40 survivors."),
             1: ("2", "The Boeing 747 survivors met.")}
    assert figures.worth_parsing(plane, {}, {0: 0, 1: 0}) == {0, 1}
    assert figures.worth_parsing(plane, {}, {0: 0, 1: 0}, named(plane)) == set()


def test_entities_added_to_a_later_parse_are_those_of_the_whole_pipe():
    from storyline.analyze import language

    nlp = language.nlp()
    text = "As many as 2,000 ISIS fighters remained in Baghuz on Monday, the SDF said."
    whole = nlp(text)
    alone = nlp.get_pipe("ner")(nlp.make_doc(text))
    parsed = language.with_entities(nlp(text, disable=["ner"]), alone)
    attrs = ["ENT_IOB", "ENT_TYPE", "TAG", "POS", "DEP", "HEAD"]
    assert (parsed.to_array(attrs) == whole.to_array(attrs)).all()
    assert [(e.start, e.end, e.label_) for e in parsed.ents] == [
        (e.start, e.end, e.label_) for e in whole.ents]


def test_a_cluster_without_figures_to_compare_or_dates_to_settle_never_loads_spacy(monkeypatch):
    from storyline.analyze import language

    def refuse(*_args, **_kwargs):
        raise AssertionError("spaCy was asked for")

    monkeypatch.setattr(language, "nlp", refuse)
    brief = summarize([("The river rose above its banks and flooded the old town center. "
                        "Residents said the water reached their windows."),
                       ("Floodwater covered the streets of the old town center. "
                        "Shop owners were cleaning up the mud.")])
    assert brief.disagreements == () and brief.timeline == ()
