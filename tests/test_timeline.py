"""The long-story timeline (analyze.timeline), its command, its HTTP route, and `storyline
eval` on reference timelines, on a small made-up story."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from storyline import read_cluster, timeline
from storyline.analyze.timeline import render, untokenize
from storyline.errors import EmptyInputError, OptionsError
from storyline.faces.cli import main
from storyline.faces.server import create_app

FILLER = ("Residents said the situation in the northern province remained tense and uncertain. "
          "Aid groups called for calm and asked the authorities to open the main roads again. ")
STORY = [
    ("2011-02-15", "Protesters gathered in Benghazi on Tuesday to demand the release of a "
                   "human rights lawyer held by the police. "),
    ("2011-02-17", "Thousands of protesters marched through Benghazi on Thursday in a day of "
                   "rage against the government. "
                   "Security forces opened fire on the protesters in Benghazi on Tuesday, "
                   "witnesses said in interviews. "),
    ("2011-02-18", "Security forces killed dozens of protesters in Benghazi on Thursday, "
                   "according to a rights group based in New York. "),
    ("2011-02-21", "The protesters took control of Benghazi on Sunday after days of fighting "
                   "with the security forces. "
                   "Thousands of protesters marched through Benghazi on Thursday in a day of "
                   "rage against the government. "),
    ("2011-02-22", "The leader vowed on Tuesday to fight on to the last drop of his blood in a "
                   "long speech on state television. "
                   "The protesters took control of Benghazi on Sunday after heavy fighting "
                   "with the security forces. "),
]


def articles():
    return [{"text": text + FILLER, "published": day, "title": f"Report {i}"}
            for i, (day, text) in enumerate(STORY, 1)]


def test_the_timeline_chooses_the_days_most_articles_tell():
    story = timeline(articles(), dates=3, per_date=1)
    assert [d.date for d in story.days] == ["2011-02-15", "2011-02-17", "2011-02-20"]
    march = story.days[1].sentences[0]
    assert march.text.startswith("Thousands of protesters marched")
    assert [c.article for c in march.sources] == ["2", "4"]  # both articles that have it


def test_a_story_pages_key_dates_end_where_the_story_stands():
    # with `latest`, the newest publication day's report takes the least worthy day's
    # place (Feb. 20 is a day the articles tell of, not one they were published on)
    story = timeline(articles(), dates=3, per_date=1, latest=True)
    assert [d.date for d in story.days] == ["2011-02-15", "2011-02-17", "2011-02-22"]
    assert story.days[-1].sentences[0].text.startswith("The leader vowed on Tuesday")
    # ... and with room, it is added
    assert [d.date for d in timeline(articles(), dates=5, per_date=1, latest=True).days
            ][-1] == "2011-02-22"
    # a quotation is no report of where it stands (as no brief opens on one)
    quoted = articles()[:-1] + [{"published": "2011-02-23", "title": "Report 6", "text": (
        '"We will fight on to the last drop of our blood," the leader said in a long '
        'speech on state television. "Nobody in this country will ever surrender to the '
        'protesters," he added in the same speech.')}]
    assert "2011-02-23" not in [d.date for d in timeline(quoted, dates=3, per_date=1,
                                                            latest=True).days]


def test_every_sentence_is_verbatim_and_cited_and_days_are_in_order():
    story = timeline(articles(), dates=5, per_date=2)
    texts = {a.id: a.text for a in story.articles}
    dates = [d.date for d in story.days]
    assert dates == sorted(dates) and len(dates) <= 5
    for day in story.days:
        assert 1 <= len(day.sentences) <= 2
        for s in day.sentences:
            assert s.sources and all(texts[c.article][c.start:c.end] == c.text == s.text
                                     for c in s.sources)
    shown = [s.text for d in story.days for s in d.sentences]
    assert len(shown) == len(set(shown))  # nothing told twice


def test_an_article_not_in_english_is_not_read():
    spanish = {"published": "2011-02-19", "text": (
        "Miles de manifestantes marcharon por Bengasi el jueves en un día de furia contra el "
        "gobierno, según dijeron los testigos. Las fuerzas de seguridad abrieron fuego contra "
        "los manifestantes en Bengasi el martes, y murieron decenas de personas.")}
    story = timeline([*articles(), spanish], dates=5, per_date=1)
    assert len(story.articles) == len(STORY)
    assert all("Bengasi" not in s.text for d in story.days for s in d.sentences)


@pytest.mark.parametrize("others", [4, 9])
def test_a_line_names_whom_it_speaks_of_unless_the_story_always_does(others):
    from storyline.analyze.timeline import _introduces_enough
    from storyline.brief import segment
    from storyline.model import Article

    rescue = ("Rescue chief Jack Cooke led the team into the collapsed hotel on Friday. Mr "
              "Cooke said his team rescued two people on Saturday. Muammar Gaddafi said on "
              "Sunday that he would stay. Police were investigating the incident, a "
              "spokeswoman said on Monday. Rebels said on Monday they rejected the plan.")
    told = [f"Muammar Gaddafi spoke on state television on day {k} of the siege, and "
            "rebels said they would fight on against the plan." for k in range(others)]
    articles = [Article(str(k), text) for k, text in enumerate([rescue, *told])]
    pool = segment.split_all(articles)
    alone = _introduces_enough(pool, articles)
    said = {s.text.split(" said")[0]: alone(k) for k, s in enumerate(pool) if s.article == "0"}
    assert said == {"Rescue chief Jack Cooke led the team into the collapsed hotel on "
                    "Friday.": True, "Mr Cooke": False, "Muammar Gaddafi": True,
                    "Police were investigating the incident, a spokeswoman": False,
                    "Rebels": True}  # (the plan: told in every article)


def test_a_lead_that_tells_last_weeks_news_is_not_its_days():
    late = {"published": "2011-03-02", "title": "Envoys", "text": (
        "Rebel leaders met foreign envoys in the port city last week, officials said. "
        + FILLER)}
    story = timeline([*articles(), late], dates=10, per_date=1)
    assert not any("envoys" in s.text for d in story.days for s in d.sentences)
    # nor an earlier year's ("On the day before Thanksgiving in 1991, the U.S. Senate
    # voted ..." on a day of 2009)
    back = {**late, "text": late["text"].replace("Rebel", "Back in 1986, rebel").replace(
        " last week", "")}
    story = timeline([*articles(), back], dates=10, per_date=1)
    assert not any("envoys" in s.text for d in story.days for s in d.sentences)
    # nor a chronology's entry whose year is elsewhere (a 1999 law on a day of 2008); but
    # a name is no month ("May – under pressure from her party – met ...")
    entry = {**late, "text": "November: Rebel leaders met foreign envoys in the port city. "
             + FILLER}
    story = timeline([*articles(), entry], dates=10, per_date=1)
    assert not any("envoys" in s.text for d in story.days for s in d.sentences)
    named = {**late, "text": "May – under pressure from her party – met foreign envoys in "
             "the port city, officials said. " + FILLER}
    story = timeline([*articles(), named], dates=10, per_date=1)
    assert any("envoys" in s.text for d in story.days for s in d.sentences)
    for told in ("", " after last week's fighting", " in February"):  # (its day's news)
        lead = {**late, "text": late["text"].replace(" last week", told)}
        story = timeline([*articles(), lead], dates=10, per_date=1)
        assert any("envoys" in s.text for d in story.days for s in d.sentences), told


def test_a_day_of_only_an_unrelated_lead_gives_no_line():
    # (a pool of 200 sentences or more: the story's mean tells what is off topic)
    story = [{"published": f"2011-02-{10 + k}", "title": f"Report {k}", "text": " ".join(
        f"Protesters marched through Benghazi on day {k}, and security forces fired on the "
        f"protesters near the court number {j}." for j in range(14))} for k in range(16)]
    digest = {"published": "2011-03-05", "title": "Digest", "text": (
        "The interior secretary will ask the president to create four new national "
        "monuments in the western deserts. Hikers and ranchers have argued over the land "
        "for years, and the parks service has asked for money to keep the trails open.")}
    days = timeline([*story, digest], dates=20, per_date=1).days
    assert days and not any("monuments" in s.text for d in days for s in d.sentences)


def test_the_span_limits_the_articles_read():
    story = timeline(articles(), dates=5, per_date=1, start="2011-02-20", end="2011-02-22")
    assert {a.published for a in story.articles} == {"2011-02-21", "2011-02-22"}
    assert all("2011-02-20" <= d.date <= "2011-02-22" for d in story.days)
    with pytest.raises(EmptyInputError, match="no article is published between"):
        timeline(articles(), start="2012-01-01")
    with pytest.raises(OptionsError, match="YYYY-MM-DD"):
        timeline(articles(), start="last week")
    with pytest.raises(OptionsError):
        timeline(articles(), dates=0)


def test_untokenize_restores_written_text():
    assert untokenize("Egypt 's president , 82 , said -LRB- AP -RRB- `` no '' . He did n't go .") \
        == "Egypt's president, 82, said (AP) “no”. He didn't go."
    assert untokenize("Plain text, as written.") == "Plain text, as written."


def test_renderings():
    story = timeline(articles(), dates=2, per_date=1)
    text = render(story, "text")
    first = story.days[0].sentences[0]
    assert text.startswith(story.days[0].date) and "Sources:" in text
    assert f"[{', '.join(c.article for c in first.sources)}]" in text
    assert "**2011-02-" in render(story, "markdown")
    data = json.loads(render(story, "json"))
    assert data["timeline"][0]["sentences"][0]["sources"][0]["article"]
    assert set(data["timeline"][0]) == {"date", "sentences"}
    narrow = render(story, "text", 40)  # (a narrow terminal's: its own wrapping broke words)
    assert max(map(len, narrow.splitlines())) <= 40 < max(map(len, text.splitlines()))


def test_the_command_says_how_many_articles_it_could_not_place(example_dir, tmp_path):
    result = CliRunner().invoke(main, ["timeline", str(example_dir)])
    assert result.exit_code == 0, result.output
    assert ("warning: 3 of the 5 articles have no publication date: the days they name count, "
            "but nothing is placed on their own day") in result.stderr
    lines = tmp_path / "dated.jsonl"
    lines.write_text("".join(json.dumps(a) + "\n" for a in articles()))
    assert "warning" not in CliRunner().invoke(main, ["timeline", str(lines)]).stderr


def test_the_command_reads_a_folder_and_jsonl(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    for i, a in enumerate(articles(), 1):
        (folder / f"{i}.txt").write_text(f"Published: {a['published']}\n\n{a['text']}")
    lines = tmp_path / "articles.jsonl"
    lines.write_text("".join(json.dumps(a) + "\n" for a in articles()))
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text("".join(json.dumps({"id": f"c{i}", "documents": articles()}) + "\n"
                                for i in (1, 2)))
    runner = CliRunner()
    result = runner.invoke(main, ["timeline", str(lines), "-n", "2", "-k", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2011-02-")
    result = runner.invoke(main, ["timeline", str(clusters), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.output.splitlines()] == ["c1", "c2"]
    result = runner.invoke(main, ["timeline", str(folder), "--from", "nonsense"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output  # a misused option


def test_eval_runs_the_timeline_protocol(tmp_path):
    reference = [{"date": "2011-02-17", "sentences": ["Protesters marched in Benghazi ."]},
                 {"date": "2011-02-20", "sentences": ["Protesters took Benghazi ."]}]
    data = tmp_path / "tl.jsonl"
    data.write_text(json.dumps({"id": "t", "documents": articles(), "timeline": reference}) + "\n")
    result = CliRunner().invoke(main, ["eval", str(data), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{"):])
    assert set(report["systems"]) == {"storyline", "random", "busiest-days"}
    assert report["systems"]["storyline"]["mean"]["date"]["f1"] > 0


def test_the_http_route():
    with TestClient(create_app(workers=1)) as client:
        response = client.post("/v1/timelines", json={"documents": articles(), "dates": 2,
                                                      "per_date": 1})
        assert response.status_code == 200, response.text
        assert len(response.json()["timeline"]) == 2
        response = client.post("/v1/timelines", json={"documents": articles(), "start": "x"})
        assert response.status_code == 422 and "YYYY-MM-DD" in response.json()["error"]
        assert client.post("/v1/timelines", json={"documents": []}).status_code == 422


def test_the_example_timeline_tells_both_phases(example_dir):
    # article 1 is dated by its "Updated:" stamp, article 3 by its photo caption
    # (brief.dating), so the Hajin offensive and the Baghuz battle both appear
    days = [d.date for d in timeline(read_cluster(example_dir), dates=4, per_date=1).days]
    assert "2018-09-10" in days and any(d.startswith("2019-02") for d in days)


def test_a_line_that_leans_on_the_one_before_it_is_not_shown():
    dangling = ("The leader vowed on Tuesday to fight on in a long speech on state television. "
                "Later, in a hospital, they were shown the bodies of two children killed on "
                "Tuesday by the shelling. ")
    days = timeline([{"text": dangling + FILLER, "published": "2011-02-22"},
                     *articles()[:2]], dates=5, per_date=3).days
    shown = [s.text for d in days for s in d.sentences]
    assert any(t.startswith("The leader vowed") for t in shown)
    assert not any(t.startswith("Later, in a hospital") for t in shown)


def test_a_page_that_opens_mid_story_has_no_lead_to_show():
    # its first sentence opens on a pronoun: the page was cut out of a longer story ("He
    # joined the band as a full member in 1975 ..." on an obituary's page)
    cut = ("He joined the rebels on Tuesday in Benghazi and was their spokesman for a week. "
           + FILLER)
    days = timeline([{"text": cut, "published": "2011-02-22"}, *articles()[:2]],
                    dates=5, per_date=3).days
    assert not any(s.text.startswith("He joined") for d in days for s in d.sentences)
    from storyline.analyze.timeline import _CUT_OUT
    assert _CUT_OUT.match("It's one of the most awkward moments of the night.")
    assert not _CUT_OUT.match("His Holiness the Pope arrived in the capital on Tuesday.")


@pytest.mark.parametrize("tally", [
    ("The rebels have lost 2,518 fighters since the start of the uprising in the east, on "
     "February 15, 2011, the council said in a statement. "),
    ("In the course of the fighting in the east that began on February 15, 2011, the council "
     "has registered 2,240 people killed. "),
    ("By the weekend, 2,240 volunteers had streamed east toward Benghazi, where the revolt "
     "against the leader's rule began on February 15, 2011. "),
])
def test_a_tally_counted_from_a_day_is_not_that_days_news(tally):
    # the day a count starts from is no day of what the sentence tells (a later tally)
    late = {"published": "2011-07-21", "title": "Tally", "text": tally + FILLER}
    story = timeline([*articles(), late], dates=10, per_date=10)
    assert not any(s.text == tally.strip() for d in story.days for s in d.sentences)
    from storyline.analyze.dates import counted_from
    assert counted_from(tally, tally.index("February 15"))
    for news in (("Protesters marched through Benghazi on February 15, 2011, after a week of "
                  "arrests."),
                 ("Since the start of the campaign, Smith has held 40 rallies, and he won the "
                  "Ohio primary on February 15, 2011."),
                 ("The revolt began in Benghazi, where rebels seized the barracks on February "
                  "15, 2011."),
                 "Police said that the protest began on February 15, 2011, in the port.",
                 "Shares fell 5 percent when trading began on February 15, 2011."):
        assert not counted_from(news, news.index("February 15")), news
    us = "Since the start of the U.S. operation in the east on February 15, 2011, 90 died."
    assert counted_from(us, us.index("February 15"))
    ended = "Since the start of the war in the east. Then on February 15, 2011, 90 died."
    assert not counted_from(ended, ended.index("February 15"))  # (a small letter's stop)


@pytest.mark.parametrize("told", [
    # a start point in a "since" clause ("... since its founding on March 5", a June line),
    # a time compared with, a range's end
    ("Since the rebels took over the eastern port city of the north on February 15, 2011, "
     "the council has courted western support with some success. "),
    ("The council has courted western support since the rebels took over the eastern port "
     "city of the north on February 15, 2011. "),
    ("The council said a vote on the new army chief could come as early as February 15, "
     "2011, in the port city. "),
    ("The council has had more support abroad than before the rebels took the port city "
     "on February 15, 2011. "),
    ("The offices of the council stayed shut from February 15, 2011 to March 2, 2011, "
     "its spokesman said. "),
])
def test_a_date_a_line_tells_of_in_passing_is_not_that_days_news(told):
    # the brief's timeline reads these as no event dates; a story's key dates now do too
    late = {"published": "2011-07-21", "title": "Support", "text": told + FILLER}
    story = timeline([*articles(), late], dates=10, per_date=10)
    assert not any(d.date == "2011-02-15" and s.text == told.strip()
                   for d in story.days for s in d.sentences)


def test_a_chronologys_entry_and_what_was_done_that_day_are_on_their_day():
    # "March 19 - The first air strikes ..." is a chronology's entry, no range; "voted on
    # Thursday to back ..." tells what was done that day (a guard: the brief's range rule,
    # which key dates now ask too, had read both as a range's start)
    entry = ("February 19, 2011 - Army units in the port city defect to the rebels and hand "
             "over their weapons. ")
    voted = "Rebel leaders voted on Sunday to back a new transitional government in exile. "
    late = {"published": "2011-03-02", "title": "Chronology", "text": entry + voted + FILLER}
    story = timeline([*articles(), late], dates=10, per_date=10)
    on = {s.text: d.date for d in story.days for s in d.sentences}
    assert on.get(entry.strip()) == "2011-02-19"
    assert on.get(voted.strip()) == "2011-02-27"


def test_an_articles_undated_leads_tell_one_day_not_two():
    # its leads are candidates for its day and the day before: both days on the timeline
    # would show one article's lines twice, as news of two days
    late = {"published": "2011-03-02", "title": "Envoys", "text": (
        "Rebel leaders met foreign envoys in the port city, officials said. "
        "France and Italy promised food and medicine for the hospitals of the rebel city. "
        + FILLER)}
    days = timeline([*articles(), late], dates=10, per_date=1).days
    told = [d.date for d in days for s in d.sentences if s.sources[0].article == "6"]
    assert len(told) == 1 and told[0] in ("2011-03-01", "2011-03-02")


@pytest.mark.parametrize("told", [
    "Rebel leaders, who first met in 1986, met foreign envoys in the port city, officials said. ",
    "Rebel attacks on the port city doubled in 2010, officials said in a report. ",
])
def test_a_lead_with_a_year_in_an_aside_or_last_years_figures_is_its_days(told):
    lead = {"published": "2011-03-02", "title": "Report", "text": told + FILLER}
    story = timeline([*articles(), lead], dates=10, per_date=1)
    assert any(s.text == told.strip() for d in story.days for s in d.sentences)


def test_the_least_worthy_days_undated_lead_moves_to_its_own_day(monkeypatch):
    # the newest article's lead is on the day before it (the least worthy day, put last):
    # where the story stands, it moves to its own day
    from datetime import date

    from storyline.analyze import timeline as module

    ranked = module._rank_days
    front = [date(2011, 2, 15), date(2011, 2, 17), date(2011, 2, 22)]
    monkeypatch.setattr(module, "_rank_days", lambda *a, **k: front + [
        d for d in ranked(*a, **k) if d not in front])
    newest = {"published": "2011-02-23", "title": "Envoys", "text": (
        "Rebel leaders met foreign envoys in the port city, officials said. " + FILLER)}
    days = timeline([*articles()[:4], newest], dates=3, per_date=1, latest=True).days
    assert days[-1].date == "2011-02-23" and "envoys" in days[-1].sentences[0].text


def test_a_story_page_tells_a_day_by_an_articles_first_sentence():
    budget = [
        ("The city council approved the new budget on Tuesday after members argued over "
         "taxes, the council said."),
        ("Officials met in the city hall on Monday. Council members argued over taxes and "
         "the new budget on Tuesday, the council said in a statement."),
        ("Protesters gathered outside the city hall on Sunday. Council members argued over "
         "taxes and the budget on Tuesday, members of the council said."),
    ]
    stories = [{"published": "2011-03-02", "title": f"Budget {i}", "text": text}
               for i, text in enumerate(budget, 1)]
    line = timeline(stories, dates=1, per_date=1).days[0].sentences[0].text
    assert line.startswith("Council members argued")  # the closest to the day's centroid
    page = timeline(stories, dates=1, per_date=1, latest=True).days[0].sentences[0].text
    assert page.startswith("The city council approved the new budget")  # its lead


def test_a_days_line_is_printed_as_a_reader_reads_it():
    """A lead-in in capitals and a wire's typewriter marks print as the brief prints
    them (`brief.render.printed`); the citation keeps the span as written."""
    lead = ("THE CITY COUNCIL approved the ``new'' budget on Tuesday _ after a long night _ "
            "the city council said.")
    stories = [{"published": "2011-03-02", "title": f"Budget {i}", "text": lead + " " + more}
               for i, more in enumerate(["Members argued over taxes for hours.",
                                         "The mayor welcomed the vote on Wednesday."], 1)]
    line = timeline(stories, dates=1, per_date=1, latest=True).days[0].sentences[0]
    assert line.text == ("The city council approved the “new” budget on Tuesday — after a "
                         "long night — the city council said.")
    assert line.sources[0].text == lead


def test_a_subject_cut_off_its_sentence_is_no_days_line():
    """A "!" inside a name ends a sentence there; its tail ("Harbor Studios, was released
    ...") is no line of the timeline, as it is none of a brief."""
    cut = ("The cartoon of Ahoy There! Harbor Studios, was released on Tuesday by the band's "
           "label in Los Angeles.")
    more = ["Fans of the band lined up outside a theater in the city to watch it.",
            "Critics said the drawings recalled the cartoons of the 1930s.",
            "The label said a second cartoon would follow in the autumn."]
    stories = [{"published": "2011-03-02", "title": f"Cartoon {i}", "text": f"{cut} {m}"}
               for i, m in enumerate(more, 1)]
    lines = [s.text for d in timeline(stories, dates=1, per_date=2).days for s in d.sentences]
    assert lines and not any(line.startswith("Harbor Studios") for line in lines)


def test_the_story_timeline_dates_a_weekday_as_the_briefs_timeline_does(example_dir):
    """An article dated by a photo caption (the example's Saturday, 9 February 2019) was
    written that day or later, so its "on Sunday morning" is the next day, 10 February,
    not the Sunday before: in `storyline timeline` as in the brief's own timeline."""
    from storyline import Options, summarize
    articles = read_cluster(example_dir)
    brief = summarize(articles, options=Options())
    [event] = [e for e in brief.timeline if e.text.startswith("Intense gun battles")]
    days = {s.text: d.date for d in timeline(articles).days for s in d.sentences}
    assert days[event.text] == event.date == "2019-02-10"


def test_a_story_pages_day_prefers_a_line_that_reports_news():
    # of two lines as close to their day, a story page takes the one that reports news
    # (`select.reports_news`) over background; Timeline17's timelines are not asked
    import numpy as np
    from scipy.sparse import csr_matrix

    from storyline.analyze.timeline import _pick
    rows = csr_matrix(np.array([[0.6, 0.8], [0.6, 0.8]]))
    args = ([0, 1], rows, np.array([True, True]), 1, [], lambda k: True, np.zeros(2, bool))
    assert _pick(*args) == [0]
    assert _pick(*args, news=lambda k: k == 1) == [1]
    background = "The port city has long been a place of rubble and broken promises for its people."
    news = "Rescuers have pulled a girl alive from the rubble of a school in the port city."
    from storyline.brief.select import reports_news
    assert reports_news(news) and not reports_news(background)


def test_a_story_page_puts_an_undated_lead_on_its_articles_day_only():
    # two articles of March 2 whose leads name no day: the long timeline may put one on
    # the day before (a morning paper's news of the day before); a story page does not
    # guess so (readers of 20 changed pages preferred it 12 to 8, twice)
    leads = ["Rebel leaders met foreign envoys in the port city, officials said. ",
             "France and Italy promised food and medicine for the hospitals of the rebel city. "]
    late = [{"published": "2011-03-02", "title": f"Envoys {i}", "text": lead + FILLER}
            for i, lead in enumerate(leads)]
    told = {}
    for latest in (False, True):
        days = timeline([*articles(), *late], dates=10, per_date=1, latest=latest).days
        told[latest] = {s.text: d.date for d in days for s in d.sentences
                        if s.sources[0].article in ("6", "7")}
    assert sorted(told[False].values()) == ["2011-03-01", "2011-03-02"]
    assert list(told[True].values()) == ["2011-03-02"]


def test_a_sentence_run_again_counts_its_weekdays_from_where_it_was_first_written():
    # a recap a week later repeats "On Monday, ..." (a comma added): it is the Monday
    # before the first article, not the one before the recap
    said = ('On Monday, the envoy said the leader "has been my friend for a long time" on '
            'state television. ')
    again = ('On Monday, the envoy said the leader, "has been my friend for a long time," on '
             'state television. ')
    first = {"published": "2011-03-03", "title": "Envoy", "text": said + FILLER}
    recap = {"published": "2011-03-10", "title": "Recap", "text": (
        "On Monday, rebels marched again through the port city, witnesses said. "
        + again + "On Monday, the council met in the port city to name a new army chief. "
        + FILLER)}
    more = {"published": "2011-03-09", "title": "Council", "text": (
        "On Monday, the council met in the port city and named a new army chief. " + FILLER)}
    days = timeline([*articles(), first, recap, more], dates=10, per_date=3).days
    told = {d.date for d in days for s in d.sentences if "my friend" in s.text}
    assert told == {"2011-02-28"}


def test_the_news_preference_reaches_a_story_pages_days(monkeypatch):
    # two leads of one day, as close to its centroid: a story page shows the one that
    # reports news; without the preference, the first
    from storyline.analyze import timeline as module
    texts = [("The port city has long been a place of rubble and broken promises for its "
              "people. "),
             "Rescuers have pulled a girl alive from the rubble of a school in the port city. "]
    docs = [{"published": "2011-03-02", "title": f"Port {i}", "text": t}
            for i, t in enumerate(texts)]

    def line():
        return timeline(docs, dates=1, per_date=1, latest=True).days[0].sentences[0].text
    assert line().startswith("Rescuers")
    monkeypatch.setattr(module, "NEWS_PREFERENCE", 0.0)
    assert line().startswith("The port city")
