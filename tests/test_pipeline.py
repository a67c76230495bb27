import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline import Brief, EmptyInputError, Options, OptionsError, read_cluster, summarize
from storyline.brief.clean import clean_all
from storyline.brief.ingest import to_articles
from storyline.brief.render import printed, render, sections
from storyline.brief.updates import overtaken
from storyline.errors import InputError

SUBJECTS = ["The mayor", "Rescue teams", "The governor", "Officials", "Police", "The army",
            "Witnesses", "The company", "Doctors", "The minister"]
VERBS = ["said", "reported", "confirmed", "announced", "warned", "denied"]
OBJECTS = ["the bridge had collapsed", "about 2,000 people were evacuated", "the dam burst",
           "schools would close on Monday", "the river rose by 3.5 metres overnight",
           "the U.S. embassy would stay open", "three villages were flooded",
           "aid would arrive by Friday", "the road to the airport was cut",
           "the ``temporary'' levee held _ for now",  # typewriter marks
           "the dam -- built in 1950 -- gave way"]

sentence = st.builds(lambda s, v, o: f"{s} {v} that {o}.", st.sampled_from(SUBJECTS),
                     st.sampled_from(VERBS), st.sampled_from(OBJECTS))
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
article_text = st.lists(paragraph, min_size=1, max_size=5).map("\n\n".join)
cluster = st.lists(article_text, min_size=1, max_size=5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cluster, st.integers(min_value=1, max_value=300))
def test_brief_properties(texts, words):
    brief = summarize(texts, words=words)
    cleaned, _ = clean_all(to_articles(texts))
    by_id = {a.id: a.text for a in cleaned}
    assert sum(len(s.text.split()) for s in brief.sentences) <= words
    for s in brief.sentences:
        assert s.sources, "every brief sentence cites at least one source"
        assert any(_marks_as_one(s.text) in _marks_as_one(text) for text in by_id.values())
        for c in s.sources:
            assert by_id[c.article][c.start:c.end] == c.text
    texts_in_brief = [s.text for s in brief.sentences]
    assert len(texts_in_brief) == len(set(texts_in_brief))
    assert summarize(texts, words=words).to_dict() == brief.to_dict()


def _marks_as_one(text: str) -> str:
    """`text` with every quotation mark as one, dashes as the wires type them and no space
    before a stop: a brief sentence is its source's span, printed as a reader reads it."""
    text = re.sub(r"(?<!-)--(?!-)", "—", re.sub(r"(?<=\w) +(?=[.,;:!?](?:\s|$))", "", text))
    text = text.replace("'''", '""').replace("``", '"').replace("''", '"')
    return text.translate(str.maketrans("“”‘’`'—", '""""""_'))


def test_newswire_marks_are_printed_as_a_reader_reads_them():
    """``Star Wars'' and a dash typed " _ " read as “Star Wars” and " — " in the brief;
    its citations keep the article's span as written (their offsets point into it)."""
    wire = ("The new ``Star Wars'' movie opened on Wednesday _ a day early _ in 2,970 "
            "theaters, its studio said.\n\nFans had camped outside theaters for weeks, "
            "and ``it was worth it,'' one of them said on Wednesday night.")
    brief = summarize([wire], words=60)
    first = brief.sentences[0]
    assert first.text == ("The new “Star Wars” movie opened on Wednesday — a day early — in "
                          "2,970 theaters, its studio said.")
    assert first.sources[0].text == wire[:first.sources[0].end]
    assert "“Star Wars”" in render(brief, "markdown")
    assert json.loads(render(brief, "json"))["summary"].startswith("The new “Star Wars”")


@pytest.mark.parametrize("wire, printed_", [
    ("It was signed, ''Affectionately, Fidel Castro.''",
     "It was signed, “Affectionately, Fidel Castro.”"),
    ("``He told me `no,''' she said.", "“He told me ‘no,’” she said."),
    ("\"We will stay,'' the mayor said.", '"We will stay," the mayor said.'),
    ('Plain "quotes" and a snake_case word stay.', 'Plain "quotes" and a snake_case word stay.'),
    ("He tried -- for a second time -- and an explorer--played by Goodman--came.",
     "He tried — for a second time — and an explorer—played by Goodman—came."),
    ("A rule typed --- stays as it is.", "A rule typed --- stays as it is."),
    ("It said so in a filing . Its Double Down Dog , a hot dog , sold out .",
     "It said so in a filing. Its Double Down Dog, a hot dog, sold out."),
])
def test_printed_turns_only_the_typewriter_marks(wire, printed_):
    assert printed(wire) == printed_
    assert re.findall(r"[A-Za-z0-9]+", printed(wire)) == re.findall(r"[A-Za-z0-9]+", wire)


@pytest.mark.parametrize("lead, printed_", [
    ("THE DÁIL IS to sit late tonight to pass an emergency bill.",
     "The Dáil is to sit late tonight to pass an emergency bill."),
    ("THE TOWNHOUSE that served as a film's setting is on the market again.",
     "The townhouse that served as a film's setting is on the market again."),
    ("A US SOLDIER was killed on Monday in the north of the country.",
     "A US soldier was killed on Monday in the north of the country."),
    ("US troops pulled out of the town on Monday, officials told us.",
     "US troops pulled out of the town on Monday, officials told us."),
])
def test_a_lead_in_in_capitals_is_printed_as_its_article_writes_it(lead, printed_):
    """Print sets an article's first words in capitals; the brief prints them as the
    article writes them elsewhere ("the Dáil"), else in small letters, and keeps an
    acronym ("US", though the article writes "us")."""
    article = lead + " The bill is to be taken in the Dáil by the minister, who told us so."
    assert printed(lead, article) == printed_
    brief = summarize([article], words=40)
    assert brief.sentences[0].text == printed_


def test_schema_of_the_example_brief(example_dir):
    brief = summarize(read_cluster(example_dir))
    data = json.loads(render(brief, "json"))
    assert list(data) == ["sentences", "summary", "articles", "disagreements", "changes",
                          "phases", "timeline", "warnings", "stats"]
    assert data["changes"] and data["timeline"]  # their content: tests/test_analyze.py
    assert data["disagreements"] == []  # its one contradiction is months apart: a change
    assert set(data["changes"][0]) == {"subject", "kind", "figures"}
    assert set(data["changes"][0]["figures"][0]) == {
        "article", "file", "figure", "low", "high", "start", "end", "text", "date"}
    assert set(data["phases"][0]) == {"start", "end", "articles", "label"}
    assert set(data["timeline"][0]) == {"date", "when", "text", "sources"}
    first = data["sentences"][0]
    assert set(first) == {"text", "sources", "phase"}
    assert set(first["sources"][0]) == {"article", "file", "start", "end", "text", "support"}
    # the summary tells which time each part is of, as the text output does
    [(latest, now), (earlier, before)] = [(label, " ".join(s.text for s in run))
                                          for label, run in sections(brief)]
    assert (latest, earlier) == ("February 2019", "Earlier, September 2018")
    assert data["summary"] == f"{latest}: {now}\n\n{earlier}: {before}"
    assert data["summary"].startswith("February 2019: US-backed Syrian forces")
    assert "\n\nEarlier, September 2018: A US-backed militia alliance" in data["summary"]
    assert set(data["articles"][0]) >= {"id", "file", "title", "published", "date_source"}
    assert data["stats"]["budget"] == 120 and data["stats"]["words"] <= 120


def test_one_article_is_summarized_on_its_own():
    text = ("A dam burst early on Tuesday in the northern valley, flooding three villages. "
            "Rescue teams evacuated about 2,000 people by boat in the afternoon. "
            "Engineers had warned for years that the structure needed urgent repairs.")
    brief = summarize([text], words=30)
    assert brief.sentences and all(c.article == "1" for s in brief.sentences for c in s.sources)


def test_a_photos_caption_with_its_credit_is_no_sentence_of_the_brief():
    caption = ("The mayor of Millbrook has named Jane Roe, a former state trooper, as the city's "
               "new police chief.")
    rest = ("The city has had four chiefs in six years. Its force of 300 officers has faced "
            "budget cuts since 2019, and two stations closed last spring.")
    story = ("Millbrook's mayor named Jane Roe, a former state trooper, the city's new police "
             "chief on Monday. Roe, 52, will start next month. The council approved her "
             "contract by a vote of 7 to 2.")
    plain = summarize([f"{caption}\n\n{rest}", story], words=60)
    assert caption in [s.text for s in plain.sentences]  # newsy as it reads
    credited = summarize([f"{caption} (John Doe/The Valley Herald)\n\n{rest}", story], words=60)
    assert credited.sentences and caption not in [s.text for s in credited.sentences]


def test_a_caption_credited_photo_by_goes_too():
    """An agency's caption at the top of a page, its dateline cut off, ends on "(Photo by
    Name/Outlet)": it goes with its credit."""
    caption = ("WASHINGTON, DC - JUNE 18: Former Congresswoman Jane Roe throws out the first "
               "pitch at the Congressional Softball game with the help of Rep. John Doe (D-FL) "
               "and Senator Ann Poe (D-NY) on Capitol Hill in Washington, DC Wednesday evening "
               "June 18, 2014. (Photo by Ed Moe/The Valley Herald)")
    rest = ("This post has been updated. Senator Ann Poe has written a book about her years in "
            "Congress. She tells of colleagues who commented on her weight.")
    story = ("Senator Ann Poe says in her new book that male colleagues commented on her "
             "weight. The book comes out next week.")
    brief = summarize([f"{caption}\n\n{rest}", story], words=120)
    assert brief.sentences and not any("first pitch" in s.text for s in brief.sentences)


def test_nothing_fits_gives_an_empty_brief():
    brief = summarize(["A dam burst early on Tuesday in the northern valley, flooding villages."],
                      words=3)
    assert brief.sentences == () and brief.summary == ""


def test_only_headlines_and_clutter_is_an_error_not_an_empty_brief():
    with pytest.raises(EmptyInputError, match="no complete sentence"):
        summarize(["Storm hits coast\n\nImage copyright\n\nGetty Images\n\nLeave a Reply"])


def test_articles_in_capitals_only_are_told_so():
    transcript = ("A LOCAL MAN IS FLORIDA'S NEWEST MILLIONAIRE AFTER HITTING IT BIG WITH A "
                  "SCRATCH OFF TICKET. THE TICKET WAS SOLD IN MOUNT DORA ON FRIDAY.")
    with pytest.raises(EmptyInputError, match="capital letters only.*normal case"):
        summarize([transcript, transcript.replace("FRIDAY", "MONDAY")])


def test_an_article_in_capitals_only_is_named_in_the_warnings():
    news = ("A dam burst early on Tuesday in the northern valley, flooding three villages "
            "and forcing hundreds of families to leave their homes, officials said. Rescue "
            "teams reached the last of the villages by boat on Wednesday morning, and the "
            "army flew in food and water for the families.")
    brief = summarize([news, news.upper()], options=Options(analysis=False))
    assert [w for w in brief.warnings if "capital letters only" in w] == [
        "article 2 is written in capital letters only (a broadcast transcript?), so the "
        "brief cannot read its sentences; give it in normal case"]
    assert not any("little text" in w for w in brief.warnings)


DAM = ("A dam burst early on Tuesday in the northern valley, flooding three villages and "
       "forcing hundreds of families to leave their homes, officials said. Rescue teams "
       "reached the last of the villages by boat on Wednesday morning, and the army flew in "
       "food and water for the families.")
COMET = ("Astronomers said on Monday that the comet Varga-Lund will be bright enough to see "
         "without a telescope next week, low in the western sky after sunset. The comet was "
         "found in January by two students at an observatory in the mountains.")


def test_a_second_story_among_the_articles_is_named_in_the_warnings():
    """Articles close to one another but far from the brief's story (a second story, or a
    day's feed given as one cluster) are named: the brief takes nothing from them."""
    dam = [DAM, DAM.replace("Tuesday", "Monday night"), DAM.replace("three", "four")]
    comet = [COMET, COMET.replace("Monday", "Sunday")]
    brief = summarize(dam + comet, options=Options(analysis=False))
    assert {c.article for s in brief.sentences for c in s.sources} <= {"1", "2", "3"}
    assert ("articles 4 and 5 seem to tell another story than the brief's (they share almost "
            "no words with the article it opens on), so the brief takes no sentence from "
            "them") in brief.warnings
    mixed = summarize(dam + comet + [COMET.replace("January", "February")],
                      options=Options(analysis=False))
    assert any(w.startswith("the articles look like more than one story: the brief tells "
                            "one and takes no sentence from 3 of the 6 articles")
               for w in mixed.warnings), mixed.warnings
    alone = summarize(dam, options=Options(analysis=False))
    assert not any("story" in w for w in alone.warnings)


# A page in another language, and one whose accented letters were lost (as Timeline17's
# BBC Vietnamese pages were), written for these tests.
SPANISH = ("Una presa se rompió el martes en el valle del norte y las aguas inundaron tres "
           "pueblos, según dijeron las autoridades locales. Los equipos de rescate llegaron "
           "en barco al último de los pueblos el miércoles por la mañana, y el ejército "
           "envió comida y agua para las familias que perdieron sus casas.")
LETTERS_LOST = ("M t con p v  t i thung l ng ph a b c s ng th  ba, n c tr n ng p ba ng i "
                "l ng, c c quan ch c a ph ng cho bi t. C c i c u h  n ng i l ng cu i c ng "
                "b ng thuy n v o s ng th  t , v  qu n i g i th c n v  n c cho c c gia nh.")


ARABIC = " ".join(["انهار سد في الوادي الشمالي يوم الثلاثاء وغمرت المياه ثلاث قرى"] * 4)
DUTCH = ("De minister zei dinsdag dat de regering meer geld zal uitgeven aan de zorg en het "
         "onderwijs in de provincies, volgens de lokale pers, en dat het geld naar de dorpen "
         "in het noorden gaat die door de overstroming zijn getroffen.")
JAPANESE = "北部の谷で火曜日にダムが決壊し、三つの村が浸水したと当局が発表した。" * 3


@pytest.mark.parametrize("text", [SPANISH, LETTERS_LOST, ARABIC, DUTCH, JAPANESE])
def test_an_article_not_in_english_is_left_out_and_named(text):
    news = ("A dam burst early on Tuesday in the northern valley, flooding three villages "
            "and forcing hundreds of families to leave their homes, officials said. Rescue "
            "teams reached the last of the villages by boat on Wednesday morning, and the "
            "army flew in food and water for the families.")
    brief = summarize([news, text], options=Options(analysis=False))
    assert {c.article for s in brief.sentences for c in s.sources} == {"1"}
    assert [a.id for a in brief.articles] == ["1"]
    assert ("article 2 is not in English, or its letters were lost, so the brief leaves it "
            "out") in brief.warnings
    with pytest.raises(InputError, match="not (in )?English"):  # (ingest tells scripts)
        summarize([text, text.replace("martes", "jueves").replace("ba,", "hai,")])


# A wire's budget, written for these tests in the form of the DUC 2006 ones: coming stories
# under their slugs, then the desk's notes.
BUDGET = ("These stories are moving today to clients of the news service.\n"
          "DAM-BURST _ RIVERTON _ A dam burst on Tuesday in the northern valley, flooding "
          "three villages. (Smith, News Service). 30.\n"
          "VALLEY-AID (Undated) _ The army flew food and water to the families of the valley. "
          "(Jones, News Service).\n"
          "SCHOOL-VOTE _ The school board votes on a new budget for the county. 20. WITH PHOTO.\n"
          "All times are Eastern unless otherwise noted. For questions, call the desk.")


def test_a_wire_budget_is_left_out_and_named():
    news = ("A dam burst early on Tuesday in the northern valley, flooding three villages "
            "and forcing hundreds of families to leave their homes, officials said. Rescue "
            "teams reached the last of the villages by boat on Wednesday morning, and the "
            "army flew in food and water for the families.")
    brief = summarize([news, BUDGET], options=Options(analysis=False))
    assert [a.id for a in brief.articles] == ["1"]
    assert ("article 2 is a wire's budget (a list of coming stories), not a story, so the "
            "brief leaves it out") in brief.warnings
    with pytest.raises(InputError, match="budgets"):
        summarize([BUDGET, BUDGET.replace("Tuesday", "Monday")])
    # nor are two slugs, nor a digest of datelined briefs; the key dates leave it out too
    from storyline import timeline
    from storyline.brief.checks import is_budget
    assert is_budget(BUDGET) and not is_budget("\n".join(BUDGET.split("\n")[:3]))
    assert not is_budget("LONDON _ The Bank of England held rates.\nPARIS _ Strikes closed "
                         "the metro.\nBERLIN _ The cabinet met on Tuesday.")
    story = timeline([{"text": news, "published": "2026-03-03"},
                      {"text": BUDGET, "published": "2026-03-04"}])
    assert [a.id for a in story.articles] == ["1"]


def test_english_is_told_by_its_commonest_words():
    from storyline.brief.checks import in_english

    assert in_english("The dam burst on Tuesday, and the army flew in food for the families "
                      "of the three villages that were flooded, officials said on Wednesday.")
    assert not any(map(in_english, [SPANISH, LETTERS_LOST, ARABIC, DUTCH, JAPANESE]))
    assert in_english("Presa rota en el valle")  # (too short to tell: not judged)
    # a list of names and numbers is no foreign text
    assert in_english("; ".join(f"Ana Ruiz {k}, Jan Novak {k + 1}, Omar Said {k + 2}"
                                for k in range(20, 40)))


def test_words_and_options_together_are_refused():
    with pytest.raises(OptionsError, match="not both"):
        summarize(["A dam burst early on Tuesday in the valley."], words=50, options=Options())


@pytest.mark.parametrize("kwargs, message", [
    ({"words": 0}, "between 1 and"), ({"words": "120"}, "whole number"),
    ({"scorer": "magic"}, "unknown scorer"), ({"selector": "x"}, "unknown selector"),
])
def test_bad_options_say_what_to_fix(kwargs, message):
    with pytest.raises(OptionsError, match=message):
        Options(**kwargs)


def test_markdown_cites_with_numbered_sources(example_dir):
    brief = summarize(read_cluster(example_dir), words=250)
    md = render(brief, "markdown")
    assert re.search(r"\.\[\d\*?\](\[\d\*?\])*", md)
    assert "**Sources**" in md and re.search(r"^- \[3\] \*Heavy fighting", md, re.M)
    assert "**February 2019:**" in md and "**Earlier, September 2018:**" in md
    text = render(brief, "text")
    assert re.search(r"\. \[\d\*?(, \d\*?)*\]", text) and "Sources:" in text


def test_markers_are_article_ids_in_every_format(tmp_path):
    (tmp_path / "a.txt").write_text("   ")
    (tmp_path / "b.txt").write_text("A dam burst early on Tuesday in the valley, officials said.")
    brief = summarize(read_cluster(tmp_path))
    assert brief.sentences[0].sources[0].article == "2"
    assert "[2]" in render(brief, "text") and "  [2] " in render(brief, "text")
    assert "said.[2]" in render(brief, "markdown") and "- [2] " in render(brief, "markdown")


def test_empty_brief_says_why_and_lists_no_sources():
    brief = summarize(["A dam burst early on Tuesday in the valley, officials said."], words=3)
    text = render(brief, "text")
    assert "no complete sentence fits in 3 words" in text and "Sources:" not in text


def test_brief_is_a_value(example_dir):
    brief = summarize(read_cluster(example_dir))
    assert isinstance(brief, Brief)
    with pytest.raises(AttributeError):
        brief.sentences = ()


def test_every_data_file_ships_in_the_wheel():
    """The package-data globs in pyproject.toml cover every file in src/storyline/data."""
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    globs = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"]["storyline"]
    data = root / "src" / "storyline" / "data"
    for path in data.iterdir():
        if path.suffix != ".py" and path.is_file():
            assert any(fnmatch.fnmatch(f"data/{path.name}", g) for g in globs), path.name


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from("aZ é\ud800"),
               max_size=200))
def test_in_capitals_counts_small_letters_as_one_by_one_counting_does(text):
    import string

    from storyline.brief.checks import ALL_CAPS, in_capitals

    small = sum(text.count(c) for c in string.ascii_lowercase)
    letters = [c for c in text if c.isalpha()]
    expected = (small <= (1 - ALL_CAPS) * len(text) and bool(letters)
                and sum(c.isupper() for c in letters) >= ALL_CAPS * len(letters))
    assert in_capitals(text) == expected


def test_a_live_pages_earlier_line_that_the_news_overtook_stays_out():
    """A live page keeps its earlier lines below its latest: "Police didn't identify whose
    body ..." under "Police confirmed ... was Jon Moe". A brief that told both would say
    the news and its opposite."""
    latest = ("Police confirmed on Friday that the man found in the river at Millbrook was "
              "Jon Moe, 41, a fisherman from the town.")
    earlier = ("Police didn't identify whose body was pulled from the water near the old mill, "
               "but relatives feared it was Jon Moe, who vanished on his way home from the "
               "harbour on Wednesday night.")
    rest = ("Divers searched the river for two days before the body was found. The coroner "
            "will hold an inquest next month, police said.")
    told = [s.text for s in summarize([f"{latest} {rest} {earlier}"], words=120).sentences]
    assert latest in told and earlier not in told
    alone = [s.text for s in summarize([f"{earlier} {rest}"], words=120).sentences]
    assert earlier in alone  # with nothing to overtake it, it is the news


SETTLED = "Police confirmed that the man found in the river was Jon Moe, 41, a fisherman."


@pytest.mark.parametrize("line, out", [
    ("Police did not identify the man, but relatives said it was Jon Moe.", True),
    ("The coroner has not yet named the man; neighbours believe he is Jon Moe.", True),
    ("Officials declined to confirm that the body was that of Jon Moe.", True),
    # another person, or nobody named: nothing says this one was settled
    ("Police did not identify the driver, Ann Poe's neighbour said.", False),
    ("Police did not identify the man found in the river.", False),
    # the one who cannot confirm is no one left open
    ("Jon Moe's brother, Al Moe, said he could not confirm the report.", False),
    # said without a negation, it agrees
    ("Police identified the man as Jon Moe on Friday.", False),
])
def test_a_line_is_overtaken_when_another_settles_what_it_leaves_open(line, out):
    texts = [SETTLED, line, "Jon Moe, 41, had been missing since Wednesday, police said."]
    assert (1 in overtaken(texts)) is out


def test_a_line_is_not_overtaken_by_one_that_leaves_it_open_too():
    texts = ["Police did not identify the man, but relatives said it was Jon Moe, 41.",
             "Police have not confirmed that the man was Jon Moe, who was 41."]
    assert overtaken(texts) == frozenset()


def test_a_line_of_an_undated_article_is_told_in_the_time_of_a_dated_one_stating_it(
        example_dir):
    """The example's 60-word brief takes Trump's declaration from an undated article
    (article 5) that a February 2019 article (3) states in full: the line is told under
    "February 2019", not under "Undated"."""
    brief = summarize(read_cluster(example_dir), options=Options(words=60, analysis=False))
    [line] = [s for s in brief.sentences if "Trump declared" in s.text]
    assert line.sources[-1].article == "5" and ("3", "full") in {
        (c.article, c.support) for c in line.sources}
    assert brief.phases[line.phase].label() == "February 2019"
    assert [label for label, _ in sections(brief)] == ["February 2019"]
    # where it comes below an earlier time, it stays undated: no time is headed twice
    longer = summarize(read_cluster(example_dir), options=Options(words=84, analysis=False))
    assert [label for label, _ in sections(longer)] == [
        "February 2019", "Earlier, September 2018", "Undated"]
