"""Phases: the clearly different times a cluster's articles fall into."""

from __future__ import annotations

import pytest

from storyline import Options, read_cluster, summarize
from storyline.brief.phases import find, latest_news
from storyline.model import Article, Phase

HAJIN = ("The Syrian Democratic Forces launched a ground offensive on Monday against jihadist "
         "militants around Hajin, a town in the Middle Euphrates River Valley. Mattis said "
         "commanders expect a difficult fight near Hajin and the Safa volcanic field.")
BAGHUZ = ("Kurdish-led fighters announced the final battle for the village of Baghuz. SDF "
          "spokesman Mustafa Bali said the battle for Baghuz would be sealed within days as "
          "civilians were evacuated by truck.")
BOTH = "Both Hajin and Baghuz were once held by the group, residents recalled."


def test_the_example_has_two_phases_with_its_undated_articles_placed_where_clear(example_dir):
    brief = summarize(read_cluster(example_dir), options=Options(analysis=False))
    assert brief.phases == (Phase("2018-09-13", "2018-09-13", ("1", "4")),
                            Phase("2019-02-09", "2019-02-09", ("2", "3")))
    # (each phase's label: the brief heads its sentences with it, "Earlier, ..." below a
    # later phase's, and so do the pages)
    assert brief.to_dict()["phases"] == [
        {"start": "2018-09-13", "end": "2018-09-13", "articles": ["1", "4"],
         "label": "September 2018"},
        {"start": "2019-02-09", "end": "2019-02-09", "articles": ["2", "3"],
         "label": "February 2019"}]
    assert Phase("2011-03-01", "2011-04-22", ()).label(earlier=False) == "March–April 2011"
    assert Phase("2010-12-01", "2011-01-22", ()).label(earlier=True) == \
        "Earlier, December 2010 – January 2011"


def test_articles_of_one_time_have_no_phases():
    articles = [Article("1", HAJIN, published="2018-09-10"),
                Article("2", BAGHUZ, published="2018-09-30"),  # 20 days on: the same time
                Article("3", BOTH)]
    assert find(articles) == ()
    assert find([Article("1", HAJIN), Article("2", BAGHUZ)]) == ()  # nothing dated


def test_an_undated_article_joins_a_phase_only_when_clearly_like_it():
    articles = [Article("1", HAJIN, published="2018-09-13"),
                Article("2", BAGHUZ, published="2019-02-09"),
                Article("3", BAGHUZ.replace("final battle", "last assault")),
                Article("4", BOTH),
                Article("5", HAJIN + " " + BAGHUZ)]
    assert find(articles) == (Phase("2018-09-13", "2018-09-13", ("1",)),
                              Phase("2019-02-09", "2019-02-09", ("2", "3")))


def test_runs_of_dated_articles_make_a_phase_each():
    articles = [Article(str(i), HAJIN, published=d) for i, d in enumerate(
        ["2019-01-05", "2018-09-13", "2018-09-20", "2019-01-01", "2019-04-01"], 1)]
    assert [(p.start, p.end, p.articles) for p in find(articles)] == [
        ("2018-09-13", "2018-09-20", ("2", "3")), ("2019-01-01", "2019-01-05", ("1", "4")),
        ("2019-04-01", "2019-04-01", ("5",))]


def test_a_story_of_one_time_that_ran_for_weeks_opens_with_its_latest_news():
    early = ("Rescue crews searched the flooded Turia valley on Monday for residents trapped by "
             "the river. Engineers said the Brenmoor dam held after the night's storm.")
    middle = ("Rescue crews in the Turia valley found two more residents alive on Tuesday after "
              "the flood. The army sent boats to villages cut off by the river.")
    later = ("The regional government approved 40 million euros on Friday to rebuild homes of "
             "residents in the flooded Turia valley, where rescue crews searched for weeks after "
             "the river burst. Residents of the valley began clearing mud from their streets.")
    scene = ("Sitting on her porch above the Turia valley, Ana Ruiz watched the river that took "
             "her neighbours' homes. The flood left the valley changed, she said.")
    articles = [Article("1", early, published="2024-03-04"),
                Article("2", middle, published="2024-03-05"),
                Article("3", early.replace("Monday", "Sunday"), published="2024-03-03"),
                Article("4", later, published="2024-03-22"),
                Article("5", middle.replace("two", "three"), published="2024-03-12")]
    brief = summarize(articles, options=Options(words=40, analysis=False))
    assert brief.sentences[0].text == later.split(". ")[0] + "."
    # without the later reports, three days are one moment: the best lead opens
    brief = summarize(articles[:3], options=Options(words=40, analysis=False))
    assert brief.sentences[0].text == early.split(". ")[0] + "."
    # four days are not: the story has moved on, and its latest report opens
    days_later = Article("4", later.replace(" on Friday", " on Thursday"),
                         published="2024-03-07")
    brief = summarize([*articles[:3], days_later], options=Options(words=40, analysis=False))
    assert brief.sentences[0].text.startswith("The regional government approved")
    # so does the latest phase's last week, when the story had an earlier phase
    phased = [Article("0", HAJIN, published="2023-09-13"), *articles]
    brief = summarize(phased, options=Options(words=40, analysis=False))
    assert len(brief.phases) == 2
    assert brief.sentences[0].text.startswith("The regional government approved")
    # a last week's lead that names no day, no source and nothing that has happened is a
    # feature's or a recap's: the latest report before it opens (the 12th's)
    undated_day = Article("4", later.replace(" on Friday", ""), published="2024-03-22")
    brief = summarize([*articles[:3], undated_day, articles[4]],
                      options=Options(words=40, analysis=False))
    assert brief.sentences[0].text == articles[4].text.split(". ")[0] + "."
    # a late article about something else does not take the brief over: the first week's
    # latest report opens (the 5th's)
    stadium = ("The Turia valley football club said it would reopen its stadium on Saturday for "
               "the new season with cheaper tickets for families.")
    brief = summarize([*articles[:3], Article("4", stadium, published="2024-03-22")],
                      options=Options(words=40, analysis=False))
    assert brief.sentences[0].text == middle.split(". ")[0] + "."
    # nor does a feature's scene, which is no news
    featured = [*articles[:3], Article("4", scene, published="2024-03-22")]
    brief = summarize(featured, options=Options(words=40, analysis=False))
    assert brief.sentences[0].text == middle.split(". ")[0] + "."


def test_the_latest_news_is_the_latest_days_nearly_best_report_a_week_at_a_time():
    day = {"1": "2024-03-01", "2": "2024-03-04", "3": "2024-03-06", "4": "2024-03-16"}
    articles = [Article(i, "text", published=d) for i, d in day.items()]
    article_of = {10: "1", 20: "2", 30: "3", 40: "4"}.__getitem__
    openers = {10: 0.2, 20: 0.3, 30: 0.25, 40: 0.2}  # each article's lead: its agreement

    def reports(ids, agreement=openers, features=("4",)):
        return {k: v for k, v in agreement.items()
                if article_of(k) in ids and article_of(k) not in features}

    def latest(agreement, best, plain=lambda k, v: v, **given):
        return latest_news(agreement, best, article_of, given.pop("articles", articles),
                           lambda ids: reports(ids, agreement, **given), plain)

    # the last week holds only a feature's opening: the week before it, where the 6th's
    # report agrees nearly as well (0.25 of 0.3) as the 4th's and is later
    assert latest(openers, 20) == {30: 0.25}
    # a later report that agrees much less than the week's best does not open, nor one
    # that agrees nearly as well only by the day it names (a day's bonus, 1.2, not counted)
    assert latest({**openers, 30: 0.2}, 20) == {20: 0.3}
    assert latest(openers, 20, plain=lambda k, v: v / 1.2 if k == 30 else v) == {20: 0.3}
    # a report of the last week opens, if it agrees at least half as well as the best
    assert latest(openers, 20, features=()) == {40: 0.2}
    assert latest({**openers, 40: 0.1}, 20, features=()) == {30: 0.25}
    # none older than the best lead opens, and no week before its day is read
    assert latest(openers, 30, features=("3", "4")) == openers
    assert latest(openers, 40) == openers
    # a story of two days keeps its openers; one of five days opens on its latest report
    assert latest(openers, 10, articles=[*articles[:1], Article("2", "text",
                                                                published="2024-03-03")]) == openers
    assert latest(openers, 20, articles=articles[:3], features=()) == {30: 0.25}


def test_a_time_whose_leads_tell_no_news_joins_the_time_before_it():
    from storyline.brief.phases import merged

    phases_ = (Phase("2011-03-01", "2011-05-01", ("1", "2")),
               Phase("2011-06-20", "2011-06-20", ("3",)),
               Phase("2011-08-18", "2011-08-21", ("4", "5")))
    order = ["1", "2", "3", "4", "5"]
    assert merged(phases_, order, lambda ids: True) == phases_
    news = {"1", "2", "4", "5"}  # the June feature tells none
    assert merged(phases_, order, lambda ids: bool(ids & news)) == (
        Phase("2011-03-01", "2011-06-20", ("1", "2", "3")), phases_[2])
    assert merged(phases_, order, lambda ids: "1" in ids) == ()  # one time left
    # in a brief: the latest time's only lead recaps how it began, so it opens no phase
    recap = ("Fighting in the north started with protests in February and escalated into a war. "
             "Aid groups said food was running short.")
    articles = [Article("1", HAJIN, published="2018-09-13"),
                Article("2", HAJIN.replace("Monday", "Tuesday"), published="2018-09-14"),
                Article("3", recap, published="2019-02-09")]
    brief = summarize(articles, options=Options(words=40, analysis=False))
    assert brief.phases == () and brief.sentences[0].text.startswith("The Syrian Democratic")


@pytest.mark.parametrize("lead, news", [
    ("Fighting in Libya started with anti-government demonstrations in February and "
     "escalated into a nationwide civil war.", False),
    ("At first glance, the village would seem the perfect place to hide.", False),
    ("This isn't the way medical science is supposed to work.", False),
    ("The civil war that began in March 2011 has killed more than 100,000 people, the U.N. "
     "said Thursday.", True),
    ("The strike that began in January ended on Monday after a deal.", True),
])
def test_how_it_all_began_and_a_features_way_in_are_no_news(lead, news):
    from storyline.brief.select import tells_news

    assert tells_news(lead) == news


@pytest.mark.parametrize(("lead", "report"), [
    ("Villagers in the valley have donated a total of 3 million euros to the flood appeal.", True),
    ("The body of a rescue worker missing since the flood has been identified by police.", True),
    ("The council said on Friday the bridge would reopen.", True),
    ("The army is to send boats to the villages cut off by the river.", True),
    ("Investors peering through the fog of the flood will find plenty of promise.", False),
    ("Since 1990, many of the valley's houses have been built on the flood plain.", False),
    ("For decades, the dam has held back the spring floods.", False),
    ("For 95 years, the bank has been the valley's lender of last resort.", False),
    ("Sitting on her porch, Ana Ruiz has watched the river rise, she said.", False),
    ("Police say the dam's keeper was last seen on Sunday night.", True),
    ("Valley police say they've arrested four people over the looting.", True),
    ("The regional court has upheld the ban on building by the river.", True),
    ("The council has reportedly agreed to rebuild the bridge.", True),
    ("Over the years, engineers have warned that the dam was weak.", False),
    ("In recent years, the valley has flooded twice in spring.", False),
    # a month or a year gone by is background, whoever told it
    ("Last May, the mayor told the council he would resign over the flood.", False),
    ("In March, the council said the bridge would close for a year.", False),
    ("Two years ago, the mayor said the dam would hold any flood.", False),
    ("In May the council said it would rebuild the bridge.", True),
    # ... but a month's figures told on their day are news
    ("In March, river traffic rose 4 percent, the port authority said Tuesday.", True),
    # a perfect after the opening clause is an op-ed's aside, not what happened
    ("The past few years have been hard for the valley, and most residents have decided "
     "to stay.", False),
])
def test_a_report_tells_its_day_its_source_or_what_has_happened(lead, report):
    from storyline.brief.select import reports_news

    assert reports_news(lead) == report


def test_a_focused_brief_tells_each_time_in_one_section(example_dir):
    # pasted without their files' dates, with a stub beside them (as the page test does),
    # the example's focused brief opens on an undated article, and the other undated
    # lines follow it (the page was headed "Undated", "Earlier, September 2018",
    # "Undated" before)
    from storyline.brief.render import sections

    texts = [p.read_text(encoding="utf-8") for p in sorted(example_dir.glob("article-*.txt"))]
    texts.append("Injected markup stays text.")
    brief = summarize([Article(str(i), t) for i, t in enumerate(texts, 1)],
                      options=Options(words=100, focus="fighters", analysis=False))
    labels = [label for label, _ in sections(brief)]
    assert len(brief.phases) == 2 and len(labels) >= 2 and len(labels) == len(set(labels))
    assert not labels[0].startswith("Earlier")  # (nothing later is told above it)


def test_earlier_times_are_told_going_back_from_the_latest(example_dir):
    # each "Earlier, ..." section is earlier than the one above it (readers of story pages
    # read "Earlier, May 1998" above "Earlier, October 1998" as out of order): the example
    # with its BBC article moved to December makes three times
    from dataclasses import replace

    from storyline.brief.render import sections

    articles = [replace(a, published="2018-12-20") if a.id == "4" else a
                for a in read_cluster(example_dir)]
    brief = summarize(articles, options=Options(words=200, analysis=False))
    assert [label for label, _ in sections(brief)] == [
        "February 2019", "Earlier, December 2018", "Earlier, September 2018"]


def test_a_story_of_one_time_goes_on_with_news_of_its_openers_time():
    import numpy as np

    from storyline.brief.phases import EARLIER, recency_within
    from storyline.model import Fact

    articles = [Article(id="1", text="x", published="2009-05-04"),
                Article(id="2", text="x", published="2009-06-20"),
                Article(id="3", text="x", published="2009-06-23"),
                Article(id="4", text="x", published="2009-07-10")]
    facts = [Fact(members=(0,), articles=("1",)), Fact(members=(1,), articles=("1", "2")),
             Fact(members=(2,), articles=("3",)), Fact(members=(3,), articles=("4",))]
    # told only weeks before the opener's day: lowered; in its week, or after it: not
    scores = recency_within(np.ones(4), facts, articles, "2009-06-23")
    assert list(scores) == [EARLIER, 1.0, 1.0, 1.0]
    # an undated opener, or a story told within a week, is left as it is
    assert list(recency_within(np.ones(4), facts, articles, None)) == [1.0] * 4
    week = [Article(id=a.id, text="x", published=f"2009-05-0{k + 1}")
            for k, a in enumerate(articles)]
    assert list(recency_within(np.ones(4), facts, week, "2009-05-04")) == [1.0] * 4


def test_the_pipeline_weighs_a_long_story_by_its_openers_week(monkeypatch):
    from storyline.brief import phases

    seen = []
    real = phases.recency_within

    def spy(scores, facts, articles, now):
        seen.append(now)
        return real(scores, facts, articles, now)

    monkeypatch.setattr(phases, "recency_within", spy)
    texts = ["The council approved the new bridge over the river on Monday, officials said.",
             "Work on the new bridge over the river began on Tuesday, the council said.",
             "The new bridge over the river opened to traffic on Friday, the council said."]
    days = ["2026-03-02", "2026-03-17", "2026-03-27"]  # (weeks apart, no month's gap)
    summarize([{"text": t, "published": d} for t, d in zip(texts, days)],
              options=Options(analysis=False))
    assert len(seen) == 1 and seen[0] in days
