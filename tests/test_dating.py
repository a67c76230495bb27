"""Article dates read from the raw article: stamps, datelines, bylines, captions, posts,
addresses and metadata, the strongest first, and page chrome left out."""

from __future__ import annotations

import pytest

from storyline import Options, read_cluster, summarize
from storyline.brief.dating import date_all, date_of
from storyline.brief.ingest import article_from_html
from storyline.model import Article

BODY = ("Syrian forces advanced on the town on Sunday, officials said, after a week of heavy "
        "fighting that drove thousands of families from their homes along the river.")


def dated(text: str, url: str | None = None):
    return date_of(Article(id="1", text=text, url=url))


@pytest.mark.parametrize("text, expected", [
    (f"Title\n\n{BODY}\n\nUpdated: September 13, 2018 02:35 PM", ("2018-09-13", "stamp")),
    (f"Published on May 3, 2015\n\n{BODY}", ("2015-05-03", "stamp")),
    (f"Last updated at 6:04 PM on 20th October 2011\n\n{BODY}", ("2011-10-20", "stamp")),
    # the first publication, not the update
    (f"Updated: Feb. 12, 2019\n\nPublished: Feb. 10, 2019\n\n{BODY}", ("2019-02-10", "stamp")),
    # a site's header of the day the page was read is chrome; its stamp is the date
    (f"Abu Dhabi, UAEWednesday 22 January 2020\n\nTitle\n\n{BODY}\n\n"
     "Updated: September 13, 2018 02:35 PM", ("2018-09-13", "stamp")),
    (f"Abu Dhabi, UAEWednesday 22 January 2020\n\nTitle\n\n{BODY}", None),
    (f"LONDON, Feb. 9, 2019 (Reuters) - {BODY}", ("2019-02-09", "dateline")),
    (f"NEW YORK, May 18 (UPI) -- {BODY}", None),  # no year: not solid
    (f"Title\n\nBy Jane Doe | February 9, 2019\n\n{BODY}", ("2019-02-09", "byline")),
    (f"Black Caucus to oppose debt deal\n\nBy Kase Wickman\n\nSunday, July 31, 2011 21:39 EDT"
     f"\n\n{BODY}", ("2011-07-31", "page")),
    (f"Crawl start date: 09 March, 2011\n\n{BODY}", None),  # the date of something else
    (f"Title\n\nCivilians wait to board trucks on February 9, 2019. / AFP / Jane Doe\n\n{BODY}",
     ("2019-02-09", "caption")),
    (f"The senator speaks in Austin, Thursday, Oct. 3, 2013. (AP Photo/LM Otero)\n\n{BODY}",
     ("2013-10-03", "caption")),
    # a file photo, or a photo of a day the story names as past, is not of the article's day
    (f"The judge in this June 27, 2011 file photo. (Jason Doiy/AP)\n\n{BODY}", None),
    ("A police officer at the scene, Wednesday, Sept. 2, 2015. (Photo: AP)\n\n"
     "Johnson faced six charges stemming from a Sept. 2, 2015, incident in which he said he "
     "was attacked by a gunman.", None),
    ("Donald Trump before opening the Nasdaq on September 20, 2005. Michael Nagle/Getty Images"
     "\n\nThe Dow closed at 18,589.69 on November 9, 2016, meaning the index is still up "
     "roughly 30% since the election.", None),
    (f"{BODY}\n\nRIP Prodigy. — Touré (@Toure) June 20, 2017\n\nA post shared by Nas (@nas) "
     "on Jun 19, 2017 at 10:33am PDT", ("2017-06-20", "post")),
    (BODY, None),
])
def test_the_article_date_and_where_it_came_from(text, expected):
    assert dated(text) == expected


def test_a_date_in_the_address_outranks_the_text():
    found = dated(f"Published on May 3, 2015\n\n{BODY}",
                  url="https://example.com/news/2015/05/02/story.html")
    assert found == ("2015-05-02", "url")
    assert dated(f"NEW YORK, May 18 (UPI) -- {BODY}",
                 url="https://example.com/2012/world/story") == ("2012-05-18", "dateline")


def test_a_date_before_the_pictures_it_shows_is_not_taken():
    text = (f"Sunday, March 3, 2019\n\n{BODY}\n\nCivilians leave the village on "
            "February 9, 2020. / AFP / Jane Doe")
    assert dated(text) == ("2020-02-09", "caption")


def test_given_dates_win_and_the_fallback_dates_only_the_undated():
    articles = [Article(id="1", text=f"Published on May 3, 2015\n\n{BODY}", published="2015-06-01"),
                Article(id="2", text=f"Published on May 3, 2015\n\n{BODY}"),
                Article(id="3", text=BODY),
                Article(id="4", text=BODY, published="2015-05-01", date_source="metadata")]
    got = [(a.published, a.date_source) for a in date_all(articles, fallback="2015-05-10")]
    assert got == [("2015-06-01", "given"), ("2015-05-03", "stamp"), ("2015-05-10", "option"),
                   ("2015-05-01", "metadata")]
    assert [a.date_source for a in date_all(articles[2:3])] == [None]


def test_html_metadata_is_recorded_as_such():
    html = ("<html><head><meta property='article:published_time' content='2019-02-09'>"
            f"<title>T</title></head><body><article><p>{BODY}</p><p>{BODY}</p></article>"
            "</body></html>")
    article = article_from_html(html, id="1")
    assert (article.published, article.date_source) == ("2019-02-09", "metadata")
    given = article_from_html(html, id="1", published="2019-02-10")
    assert (given.published, given.date_source) == ("2019-02-10", None)  # dating: "given"


def test_the_example_articles_are_dated_from_what_cleaning_removes(example_dir):
    brief = summarize(read_cluster(example_dir), options=Options(analysis=False))
    got = {a.id: (a.published, a.date_source) for a in brief.articles}
    assert got == {"1": ("2018-09-13", "stamp"), "2": (None, None),
                   "3": ("2019-02-09", "caption"), "4": (None, None), "5": (None, None)}
    assert "Updated:" not in brief.articles[0].text  # the stamp itself is still removed
    assert brief.to_dict()["articles"][2]["date_source"] == "caption"
    given = summarize(read_cluster(example_dir), options=Options(analysis=False,
                                                                 published="2019-02-10"))
    assert [(a.published, a.date_source) for a in given.articles][:2] == [
        ("2018-09-13", "stamp"), ("2019-02-10", "option")]


def test_the_storys_own_dates_are_read_only_against_a_caption_or_a_post(monkeypatch):
    from storyline.brief import dating

    body = ("Johnson faced six charges stemming from a Sept. 2, 2015, incident in which he "
            "said he was attacked by a group of men outside a bar in the city center.")
    read = []
    month_years = dating._month_years
    monkeypatch.setattr(dating, "_month_years", lambda line: read.append(line) or month_years(line))
    assert dating._evidence(body, None) == [] and read == []  # nothing to weigh them against
    caption = "Police at the scene on Sept. 2, 2015. (AP Photo/Jane Doe)"
    assert dating._evidence(f"{body}\n\n{caption}", None) == [] and read == [body]
