import numpy as np
import pytest

from storyline import Options
from storyline.brief.context import read
from storyline.brief.group import group
from storyline.brief.score import SCORERS
from storyline.brief.segment import is_statement, split_all
from storyline.brief.select import REDUNDANT, Pick, _leads, mmr, standing_paragraph, walk_home
from storyline.brief.vectors import cosines, terms, tfidf
from storyline.model import Article

SHARED = "Rescue teams evacuated about 2,000 people from the flooded villages on Tuesday."


def pipeline_parts(*texts):
    sentences = split_all([Article(id=str(i), text=t) for i, t in enumerate(texts, 1)])
    vectors = tfidf(sentences)
    return sentences, vectors, group(sentences, vectors)


def test_same_sentence_in_two_articles_is_one_fact_with_both_sources():
    sentences, _, facts = pipeline_parts(
        f"A dam burst in the north of the country. {SHARED}",
        f"{SHARED} The governor called it the worst flood in decades.")
    [shared] = [f for f in facts if len(f.members) > 1]
    assert shared.articles == ("1", "2")
    assert {sentences[k].text for k in shared.members} == {SHARED}


def test_reworded_repeat_inside_one_article_collapses():
    sentences, _, facts = pipeline_parts(
        'Defence Secretary James Mattis told reporters on Tuesday he "would not be surprised" '
        "if the leaders were still in the area, while declining to give more details. "
        'He told reporters he "would not be surprised" if the leaders were in the area, declining '
        "to give more details. The coalition says 2,000 fighters remain in the valley. "
        "Civilians fled across the river by boat. Aid groups set up camps near the border.")
    repeated = [f for f in facts if len(f.members) > 1]
    assert len(facts) == 4 and len(repeated) == 1 and repeated[0].articles == ("1",)
    assert sentences[repeated[0].representative].text.startswith("Defence Secretary")


def test_every_sentence_is_in_exactly_one_fact_and_grouping_is_stable():
    texts = ["The storm hit the coast on Monday. Power was cut to 40,000 homes. Schools closed.",
             "Power was cut to 40,000 homes after the storm hit. Officials opened shelters.",
             "Officials opened three shelters. The storm hit the coast on Monday."]
    sentences, vectors, facts = pipeline_parts(*texts)
    members = sorted(k for f in facts for k in f.members)
    assert members == list(range(len(sentences)))
    assert group(sentences, vectors) == facts


def test_unrelated_sentences_stay_apart():
    _, _, facts = pipeline_parts("The central bank raised interest rates by half a point.",
                                 "A rare white tiger was born at the city zoo last week.")
    assert len(facts) == 2


def test_a_sentence_in_capitals_is_the_same_as_in_lower_case():
    assert terms("THE STORM HIT THE COAST ON MONDAY") == terms("The storm hit the coast on Monday")


def test_terms_keep_acronyms_and_numbers_and_stem_words():
    assert terms("The U.S. and US fighters said 2,000 fighters") == [
        "us", "us", "fighter", "said", "2,000", "fighter"]


def test_selection_respects_the_budget_and_never_repeats_a_fact():
    text = ("The storm hit the coast on Monday and cut power to 40,000 homes in the region. "
            "Officials opened three shelters for families who lost their homes in the storm. "
            "The storm hit the coast on Monday and cut power to 40,000 homes in the area. "
            "Schools across the region will stay closed until the end of the week, they said.")
    sentences, vectors, facts = pipeline_parts(text)
    scores = SCORERS["centrality"](facts, sentences, vectors)
    reading = read([s.text for s in sentences], [is_statement(s.text) for s in sentences])
    for budget in [1, 10, 16, 20, 40, 200]:
        chosen = mmr(facts, scores, sentences, vectors, budget, reading)
        words = sum(sentences[p.sentence].words for p in chosen)
        assert words <= budget
        texts = [sentences[p.sentence].text for p in chosen]
        assert not any("cut power" in a and "cut power" in b
                       for i, a in enumerate(texts) for b in texts[i + 1:])
        for pick in chosen:  # "they said" only with the sentence before it in the article
            if "they said" in sentences[pick.sentence].text:
                assert pick.after == pick.sentence - 1
                assert pick.after in [p.sentence for p in chosen]
    assert mmr(facts, scores, sentences, vectors, 5, reading) == []


def test_selectors_and_scorers_are_named_in_options():
    assert Options().scorer == "learned" and Options().selector == "mmr"
    assert isinstance(SCORERS["centrality"]([], [], tfidf([])), np.ndarray)


def test_closeness_of_all_facts_at_once_is_each_facts_own_to_the_bit():
    from storyline.brief.group import _closeness

    _, vectors, facts = pipeline_parts(
        f"A dam burst in the north of the country. {SHARED} Dam burst.",
        f"{SHARED} The governor called it the worst flood in decades. Burst dam.",
        f"About 2,000 people were evacuated from the flooded villages. {SHARED} Dam burst.")
    shared = [list(f.members) for f in facts if len(f.members) > 1]
    assert len(shared) >= 2
    alone = []
    for members in shared:  # one fact at a time, in the plain way
        rows = vectors[members]
        total = np.asarray(rows.sum(axis=0)).ravel()
        alone.extend(rows @ total - np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    assert _closeness(shared, vectors).tobytes() == np.array(alone, np.float32).tobytes()


def test_a_fact_of_rows_with_sorted_terms_gets_its_closeness_as_alone():
    from scipy import sparse

    from storyline.brief.group import _closeness

    # scipy squares and adds these in another order, with another float32 rounding, when
    # they sit in one matrix with rows whose terms are not sorted
    values = [0.6205118298530579, 0.4336986243724823, 0.41150403022766113,
              0.43553626537323, 0.24604572355747223, 0.08546692878007889]
    rows = [(values, [0, 1, 2, 3, 4, 5])] * 2 + [([1.0, 1.0], [1, 0])] * 2
    vectors = sparse.csr_matrix(
        (np.array([x for v, _ in rows for x in v], np.float32), [c for _, c in rows for c in c],
         np.cumsum([0] + [len(c) for _, c in rows])), shape=(4, 6))
    alone = []
    for members in ([0, 1], [2, 3]):
        fact = vectors[members]
        total = np.asarray(fact.sum(axis=0)).ravel()
        alone.extend(fact @ total - np.asarray(fact.multiply(fact).sum(axis=1)).ravel())
    assert _closeness([[0, 1], [2, 3]], vectors).tobytes() == np.array(alone, np.float32).tobytes()


FLOOD = ("A dam burst in the north of the country on Monday night, flooding twelve villages "
         "along the river valley. Rescue teams evacuated about 2,000 people from the flooded "
         "villages on Tuesday. The governor called the flood the worst the valley had seen "
         "in decades.")
FLOOD_2 = ("Heavy rain had fallen for nine days before the dam in the north burst on Monday "
           "night. Rescue teams evacuated about 2,000 people from the flooded villages on "
           "Tuesday. Officials said the dam had not been inspected since 1998. Engineers will "
           "examine what is left of the dam wall once the water in the valley has gone down.")


def test_the_opener_goes_on_with_the_next_sentences_of_its_article():
    sentences, vectors, facts = pipeline_parts(FLOOD, FLOOD_2)
    reading = read([s.text for s in sentences], [True] * len(sentences))
    scores = SCORERS["centrality"](facts, sentences, vectors)
    picks = mmr(facts, scores, sentences, vectors, 60, reading, [{0: 1.0}])
    assert [p.sentence for p in picks[:2]] == [0, 1]
    assert picks[1].after == 0  # told right after the opener, in its article's words


def test_the_home_walk_retells_the_openers_article_in_its_order_then_the_other_picks():
    sentences, vectors, facts = pipeline_parts(FLOOD, FLOOD_2)
    reading = read([s.text for s in sentences], [True] * len(sentences))
    fact_of = {k: i for i, f in enumerate(facts) for k in f.members}
    scores = np.ones(len(facts))
    low = fact_of[2]  # the governor's verdict: under the floor, so skipped
    scores[low] = 0.2
    # the selector's choice: the opener, then a fact of the other article
    picks = [Pick(fact_of[0], 0), Pick(fact_of[5], 5)]
    walked = walk_home(picks, facts, scores, sentences, vectors, 200, reading)
    assert [p.sentence for p in walked] == [0, 1, 5]
    assert walked[1].after == 0  # it follows the opener directly
    # the budget stops the walk; the other picks come only where they fit
    short = walk_home(picks, facts, scores, sentences, vectors, sentences[0].words + 5, reading)
    assert [p.sentence for p in short] == [0]


def test_the_home_walk_does_not_retell_what_its_sentences_told_together():
    # the article restates its first two sentences in one; each shares little with it alone
    restated = ("A gunman opened fire inside a clinic in Millbrook on Thursday, police said. "
                "A nurse was killed and a doctor was wounded in the arm. "
                "A female nurse was killed and a doctor shot when a gunman opened fire on them "
                "Thursday inside a clinic on the campus of the county hospital, officials say. "
                "Patients were moved to another building for the night.")
    vectors, walked = _walked_from_its_lead(restated)
    assert cosines(vectors, [0, 1], [2]).max() < REDUNDANT  # alone, neither would stop it
    assert walked == [0, 1, 3]


def _walked_from_its_lead(text):
    """One article's tf-idf rows, and the sentences `walk_home` tells from its lead (every
    fact scored alike, a budget that holds them all)."""
    sentences, vectors, facts = pipeline_parts(text)
    reading = read([s.text for s in sentences], [True] * len(sentences))
    fact_of = {k: i for i, f in enumerate(facts) for k in f.members}
    walked = walk_home([Pick(fact_of[0], 0)], facts, np.ones(len(facts)), sentences, vectors,
                       200, reading)
    return vectors, [p.sentence for p in walked]


def test_the_home_walk_passes_over_a_wires_standing_paragraph():
    standing = ("The ferry was built in 1998. It can carry 900 passengers and 200 cars.")
    reports = [
        "The ferry ran aground off the island on Monday with 300 people on board. " + standing
        + " Coast guard boats took the passengers ashore by nightfall.",
        "Divers inspected the hull of the stranded ferry on Tuesday. " + standing,
        "Salvage crews began pumping fuel from the ferry on Wednesday. " + standing,
    ]
    sentences, vectors, facts = pipeline_parts(*reports)
    reading = read([s.text for s in sentences], [True] * len(sentences))
    fact_of = {k: i for i, f in enumerate(facts) for k in f.members}
    walked = walk_home([Pick(fact_of[0], 0)], facts, np.ones(len(facts)), sentences, vectors,
                       200, reading)
    assert [sentences[p.sentence].text[:10] for p in walked] == ["The ferry ", "Coast guar"]
    # nor told when the selector chose it from another article's copy
    other = next(k for k, s in enumerate(sentences)
                 if s.article == "2" and s.text.startswith("The ferry was built"))
    picked = walk_home([Pick(fact_of[0], 0), Pick(fact_of[other], other)], facts,
                       np.ones(len(facts)), sentences, vectors, 200, reading)
    assert other not in [p.sentence for p in picked]
    # printed by two articles only, or by copies of one story, it is the story's own
    twice = pipeline_parts(*reports[:2])
    assert standing_paragraph(twice[0]) == set()
    copies = pipeline_parts(reports[0], reports[0], reports[0])
    assert standing_paragraph(copies[0]) == set()


def test_the_home_walk_shows_no_quotation_left_open_nor_one_nobody_says():
    opened = ("The city council voted on Tuesday to close the old bridge over the river for two "
              "years of repairs. The mayor, Jane Okafor, said in a statement: \u201cWe cannot "
              "wait for the bridge to fall down. Traffic will be sent over the northern bridge, "
              "which will get a new lane.")
    sentences, vectors, facts = pipeline_parts(opened)
    reading = read([s.text for s in sentences], [True] * len(sentences))
    fact_of = {k: i for i, f in enumerate(facts) for k in f.members}
    walked = walk_home([Pick(fact_of[0], 0)], facts, np.ones(len(facts)), sentences, vectors,
                       200, reading)
    assert all(not sentences[p.sentence].text.startswith("The mayor") for p in walked)
    assert [p.sentence for p in walked] == [0, 2]


def test_an_article_about_something_else_stays_out_of_the_brief_and_is_named():
    from storyline import summarize

    match = ("The home side won the cup final 3-1 at the national stadium on Saturday "
             "afternoon. Their striker scored twice in the second half before a crowd of "
             "60,000 fans. The coach praised his players for their patience. The team will parade "
             "the trophy through the streets of the capital on an open-top bus on Sunday.")
    brief = summarize([FLOOD, FLOOD_2, match], options=Options(words=200, analysis=False))
    assert brief.sentences and all(s.sources[0].article in {"1", "2"} for s in brief.sentences)
    assert any("article 3" in w for w in brief.warnings)


def _openers(*texts):
    """The articles' sentences, and the openers `select.openers` finds among them."""
    from storyline.brief.select import openers

    sentences, vectors, _ = pipeline_parts(*texts)
    reading = read([s.text for s in sentences], [True] * len(sentences))
    return sentences, openers(sentences, reading, vectors)


def test_a_lead_that_opens_with_a_title_may_open_when_another_lead_takes_it_up():
    titled = ('"Valley Dam" engineers said the dam burst in the north on Monday night, '
              "flooding twelve villages. Crews began repairs on Wednesday.")
    sentences, found = _openers(titled, FLOOD, FLOOD_2)
    assert any(sentences[k].article == "1" for k in found)
    promo = ('"The Rise of Online Learning" is our new compilation of articles for teachers '
             "this year. Order it today for your school.")
    sentences, found = _openers(promo, FLOOD)
    assert found and all(sentences[k].article != "1" for k in found)


def test_a_scene_setting_lead_does_not_open_the_brief_when_a_news_lead_can():
    scene = ("One day in the valley last spring, an old farmer walked up to the dam wall and "
             "did not like what he saw. He told the county about the cracks.")
    sentences, found = _openers(scene, FLOOD, FLOOD_2)
    assert found and all(sentences[k].article != "1" for k in found)
    assert _openers(scene)[1]  # with no other lead, the scene may still open


def test_a_lead_that_tells_what_has_long_been_so_does_not_open_when_a_news_lead_can():
    for background in (
            "Engineers have long warned that the dam in the river valley could fail in a "
            "flood. The county ignored them.",
            "For more than a decade, the dam in the river valley has leaked after every flood. "
            "The county ignored it.",
            "In 1994 the county built the dam in the river valley to stop the floods. It cost "
            "a fortune.",
            "The Valley Dam is a concrete wall built across the river to stop the floods. It "
            "is old.",
            "Jan de la Cruz was a great engineer, and a great builder of dams in the river "
            "valley. He is missed.",
            "Last month, when the governor toured the dam in the river valley, he saw a "
            "familiar face. It was his brother.",
            "Jan de la Cruz was one of the county's most trusted engineers at the dam in the "
            "river valley. He is missed.",
            "Anne Ziegenhorn lives in the river valley, below the dam that the county built "
            "to stop the floods. She is worried.",
            "Once upon a time, the county built a dam in the river valley to stop the "
            "floods. It is old.",
            "The county doesn't often mess around with the dam in the river valley, floods or "
            "not. It is old.",
            "The river valley in the north of the county is home to the old dam and to "
            "2,000 people. It is old.",
            "Well, the county has a convenient excuse for the state of the dam in the river "
            "valley. It is old.",
            "As the engineer was working to fix the dam in the river valley, he was also "
            "signing papers. It is old.",
            "No one liked the dam in the river valley, but apparently it was not without "
            "friends. It is old.",
            "Dams are assumed to stop floods in the river valley, which protects the towns "
            "below. It is old.",
            "With a record flood up for grabs in the river valley, plenty of folks are "
            "dreaming about the dam. It is old.",
            "For the 2,000 people who live below the dam in the river valley, it may be cold "
            "comfort. It is old.",
            "Concrete dams are among the most common walls in the river valley. It is old."):
        assert _opens_elsewhere(background), background


def test_an_article_that_opens_on_a_question_to_its_reader_opens_only_when_no_other_can():
    review = ("Does any dam in the country have a worse name than the old dam in the river "
              "valley? At a visit last week, the county's engineers walked the dam wall in the "
              "river valley after the flood and the rescue.")
    assert _opens_elsewhere(review)
    assert _openers(review)[1]  # with no other lead, it may still open
    # (a page's highlights glued into one line are no question to the reader)
    glued = ("Dam bursts in the valley NEW: Rescue teams evacuate 2,000 people from the villages "
             "Witnesses say the water came at night Governor says the county is safe Officials "
             "fear more rain this week Did you see the flood? The old dam in the river valley "
             "burst on Saturday, flooding the villages.")
    sentences, found = _openers(glued, FLOOD)
    assert any(sentences[k].article == "1" for k in found)


def _opens_elsewhere(lead: str) -> bool:
    """With two news leads beside it, the brief opens on one of them, not on `lead`."""
    sentences, found = _openers(lead, FLOOD, FLOOD_2)
    return bool(found) and all(sentences[k].article != "1" for k in found)


def test_a_feature_whose_lead_tells_background_opens_where_it_turns_to_its_news():
    feature = ("Engineers have long warned that the old dam in the river valley could fail in "
               "a flood. They wrote reports for years. Now the dam has burst, and rescue teams "
               "evacuated about 2,000 people from the villages below it.")
    sentences, found = _openers(feature)
    assert [sentences[k].text[:12] for k in found] == ["Now the dam "]
    feature = ("Engineers have long warned that the old dam in the river valley could fail in "
               "a flood. They wrote reports for years. Joining the rescue today in the river "
               "valley are 2,000 soldiers, sent after the dam burst and flooded the villages.")
    sentences, found = _openers(feature)
    assert [sentences[k].text[:12] for k in found] == ["Joining the "]
    for turn in ("In a new study of 40 dams, engineers found that the old dam in the river "
                 "valley would burst in a flood.",
                 "Researchers in the river valley have found that the old dam would burst in "
                 "a flood and drown 2,000 people."):
        feature = ("Engineers have long warned that old dams in a river valley may fail in a "
                   "flood. They were built long ago. " + turn)
        sentences, found = _openers(feature)
        assert [sentences[k].text[:12] for k in found] == [turn[:12]]


@pytest.mark.parametrize("top", [
    "Of the 12 arrested on Saturday, seven were booked at the county jail in the valley.",
    "But the county had refused for years to pay for the repairs that the engineers asked for.",
])
def test_a_page_cut_mid_story_leads_with_its_next_statement(top):
    page = (top + " The old dam in the river valley burst on Saturday, and rescue teams "
            "evacuated about 2,000 people from the villages below it.")
    sentences, found = _openers(page)
    assert [sentences[k].text[:12] for k in found] == ["The old dam "]
    # a feature's scene goes on in its next sentence: its first statement stays its lead
    scene = ("It was 10 p.m. on a Saturday in the river valley, and the rain had not stopped. "
             "As the villagers slept, the old dam burst.")
    sentences, _, _ = pipeline_parts(scene)
    reading = read([s.text for s in sentences], [True] * len(sentences))
    assert _leads(sentences, reading) == {"1": 0}


def test_an_article_that_opens_with_photo_captions_has_its_lead_after_them():
    from storyline.brief.clean import is_clutter

    caption = ("People pray at a memorial to the victims of the flood in the river valley, "
               "Tuesday, April 11, 2017. (AP Photo/Jane Roe)")
    page = (f"{caption}\n\n{caption}\n\nThe old dam in the river valley burst on Saturday, and "
            "rescue teams evacuated about 2,000 people from the villages below it. The county "
            "had been warned about cracks in the dam for years.")
    sentences, _, _ = pipeline_parts(page)
    fit = [is_statement(s.text) and not is_clutter(s.text) for s in sentences]
    reading = read([s.text for s in sentences], fit)
    assert sentences[_leads(sentences, reading)["1"]].text.startswith("The old dam")
    # unfit lines that are no clutter (a headline's pieces) still count
    page = "Dam bursts\n\nValley\n\nIn the dark\n\n" + page.split("\n\n", 2)[2]
    sentences, _, _ = pipeline_parts(page)
    reading = read([s.text for s in sentences], [is_statement(s.text) for s in sentences])
    assert "1" not in _leads(sentences, reading)


def test_a_lead_that_says_here_opens_only_when_no_lead_names_its_place():  # (a few articles)
    for here in ("Rescue teams evacuated about 2,000 people from villages here on Tuesday "
                 "after the dam burst in the river valley.",
                 "Rescue teams evacuated about 2,000 people from this river town on Tuesday "
                 "after the dam burst in the valley."):
        assert _opens_elsewhere(here), here


def test_a_sentence_that_introduces_two_names_for_another_is_shown_once():
    sentences, vectors, facts = pipeline_parts(
        "Congress left for the weekend on Friday without a deal on the payroll tax cut.",
        "Senator Mitch McConnell says Harry Reid should talk to John Boehner. "
        "Reid said on Thursday that he would talk to Boehner about a compromise. "
        "Boehner said he would not negotiate.")
    reading = read([s.text for s in sentences], [True] * len(sentences))
    needing = next(k for k, s in enumerate(sentences) if s.text.startswith("Reid said"))
    assert {"Reid", "Boehner"} <= reading.needs[needing].names
    scores = np.array([10.0 if needing in f.members else 1.0 for f in facts])
    picks = mmr(facts, scores, sentences, vectors, 200, reading, [])
    shown = [p.sentence for p in picks]
    assert needing in shown and len(shown) == len(set(shown))


def test_a_lead_that_dates_its_news_counts_more_as_opener(monkeypatch):
    from storyline.brief import select

    dated = ("Rescue teams evacuated about 2,000 people from villages in the river valley on "
             "Tuesday after the dam burst.")
    undated = ("Rescue teams evacuated about 2,000 people from villages in the river valley "
               "after the dam burst in the north.")
    sentences, vectors, _ = pipeline_parts(dated, undated, FLOOD)
    reading = read([s.text for s in sentences], [True] * len(sentences))
    scored = select.openers(sentences, reading, vectors)
    monkeypatch.setattr(select, "NEWS_TIME_BONUS", 1.0)
    plain = select.openers(sentences, reading, vectors)
    ratio = {sentences[k].article: scored[k] / plain[k] for k in plain}
    assert ratio["1"] == pytest.approx(ratio["3"]) and ratio["1"] > 1  # FLOOD says "Monday"
    assert ratio["2"] == pytest.approx(1.0)


def test_a_lead_printed_twice_does_not_agree_with_itself():
    analysis = ("Jockeying for power among the valley's fractious councils may intensify after "
                "the dam burst, an anxious moment for the region. Councils have argued for "
                "years over who pays for the dams.")
    sentences, found = _openers(analysis, analysis, FLOOD, FLOOD_2)
    best = max(found, key=found.get)
    assert sentences[best].article in {"3", "4"}  # the copy's agreement does not count


def test_a_sentence_from_another_strand_is_not_told(monkeypatch):
    from storyline.brief import select

    aside = ("Some Congolese have criticised the offer of money from their government. "
             "Millions of people live in poverty after years of conflict in the east.")
    sentences, vectors, facts = pipeline_parts(FLOOD, FLOOD_2, aside)
    reading = read([s.text for s in sentences], [True] * len(sentences))
    scores = np.array([2.0 if sentences[f.members[0]].article == "3" else 1.0 for f in facts])
    opener = [{0: 1.0}]  # the brief opens with the dam's news
    told = {sentences[p.sentence].article for p in mmr(facts, scores, sentences, vectors, 120,
                                                        reading, opener)}
    assert "3" not in told and told
    monkeypatch.setattr(select, "STRAY", 0.0)  # without the rule, the aside is told
    told = {sentences[p.sentence].article for p in mmr(facts, scores, sentences, vectors, 120,
                                                        reading, opener)}
    assert "3" in told


def test_a_quotation_is_not_given_to_the_speaker_of_the_next_paragraph():
    text = ("Germany called for fresh sanctions against the government on Sunday.\n\n"
            "\"The flow of money must be cut off.\"\n\n"
            "Officials said the revolt had blocked most of the oil output.")
    sentences, vectors, facts = pipeline_parts(text)
    reading = read([s.text for s in sentences], [True] * len(sentences))
    quote = next(k for k, s in enumerate(sentences) if s.text.startswith('"The flow'))
    scores = np.array([1.2 if quote in f.members else 1.0 for f in facts])
    shown = [p.sentence for p in mmr(facts, scores, sentences, vectors, 200, reading, [])]
    assert quote not in shown
    glued = pipeline_parts(text.replace('\n\nOfficials', ' Officials'))
    sentences, vectors, facts = glued  # in its paragraph, the next sentence may say who
    reading = read([s.text for s in sentences], [True] * len(sentences))
    scores = np.array([1.2 if quote in f.members else 1.0 for f in facts])
    assert quote in [p.sentence for p in mmr(facts, scores, sentences, vectors, 200, reading, [])]


def test_a_quotation_goes_on_only_from_a_sentence_that_quotes():
    """After "Police said the road was closed." a bare quotation is nobody's; after a
    quoted sentence of the same speaker it goes on; a quotation left open ('"It was a
    tragic death.' with the speaker in the next sentence) is not shown without the rest."""
    def shown(text, start):
        sentences, vectors, facts = pipeline_parts(text)
        reading = read([s.text for s in sentences], [True] * len(sentences))
        quote = next(k for k, s in enumerate(sentences) if s.text.startswith(start))
        scores = np.array([1.2 if quote in f.members else 1.0 for f in facts])
        return quote in [p.sentence for p in mmr(facts, scores, sentences, vectors, 200,
                                                 reading, [])]

    told = "Police said the coastal road was closed after the storm on Monday. "
    assert not shown(told + '"We will reopen it when the water goes down."', '"We will')
    quoted = '"The coastal road is closed," police said on Monday. '
    assert shown(quoted + '"We will reopen it when the water goes down."', '"We will')
    left_open = ("A woman killed in 1990 was identified on Thursday, the coroner said. "
                 '"It was a very tragic death. Not that most are not, this one was," '
                 "the deputy coroner said.")
    assert not shown(left_open, '"It was a very')


def test_each_article_is_told_together_after_the_opener():
    from storyline.brief.order import reading_order
    from storyline.brief.select import Pick
    from storyline.model import Sentence

    texts = [("1", 0, "Rebels seized the port of Brega on Monday after heavy fighting."),
             ("1", 1, "The rebels said the port was now in their hands."),
             ("2", 0, "Doctors in Brega said ten rebels were killed in the fighting."),
             ("1", 2, "Oil exports from the port stopped in March, traders said."),
             ("2", 1, "Hospitals in the east are short of blood, doctors said.")]
    sentences = [Sentence(a, i, t, 0, len(t), of=3) for a, i, t in texts]
    reading = read([t for _, _, t in texts], [True] * len(texts))
    picks = [Pick(k, k) for k in (0, 2, 1, 4, 3)]
    told = reading_order(picks, np.ones(5), sentences, reading, opened=True)
    assert [sentences[p.sentence].article for p in told] == ["1", "1", "1", "2", "2"]


def test_in_a_phase_the_openers_article_is_told_first():
    from storyline.brief.order import reading_order
    from storyline.brief.select import Pick
    from storyline.model import Sentence

    texts = [("1", 0, "Rebels seized the port of Brega on Monday after heavy fighting."),
             ("2", 0, "Doctors in Brega said ten rebels were killed in the fighting."),
             ("1", 1, "The rebels said the port was now in their hands."),
             ("3", 0, "Rebels first took the town in March, before losing it.")]
    sentences = [Sentence(a, i, t, 0, len(t), of=2) for a, i, t in texts]
    reading = read([t for _, _, t in texts], [True] * len(texts))
    picks = [Pick(k, k) for k in range(4)]
    told = reading_order(picks, np.ones(4), sentences, reading, opened=True,
                         phases=(frozenset({"3"}), frozenset({"1", "2"})))
    assert [sentences[p.sentence].article for p in told] == ["1", "1", "2", "3"]


def test_a_later_times_sentence_stays_in_its_time_when_an_earlier_time_names_its_person():
    from storyline.brief.order import reading_order
    from storyline.brief.select import Pick
    from storyline.model import Sentence

    texts = [("1", 0, "Rebels seized the port of Brega on Monday after heavy fighting."),
             ("1", 1, "Holm said the port was now in the rebels' hands."),
             ("3", 0, "Rebel spokeswoman Petra Holm said in March that the town would fall.")]
    sentences = [Sentence(a, i, t, 0, len(t), of=2) for a, i, t in texts]
    reading = read([t for _, _, t in texts], [True] * len(texts))
    assert "holm" in {n.lower() for n in reading.needs[1].names}  # (what the test is about)
    picks = [Pick(k, k) for k in range(3)]
    told = reading_order(picks, np.ones(3), sentences, reading, opened=True,
                         phases=(frozenset({"3"}), frozenset({"1"})))
    # (it waited below the earlier time's sentence, and its time was headed a second time)
    assert [sentences[p.sentence].article for p in told] == ["1", "1", "3"]


def test_a_brief_does_not_end_on_a_stray_line():
    from storyline.brief.order import without_stray_ending
    from storyline.brief.select import Pick
    from storyline.model import Sentence

    texts = [("1", "Rebels seized the port of Brega on Monday after heavy fighting."),
             ("1", "The rebels said the port of Brega was now in their hands."),
             ("2", "Fighting around Brega killed ten rebels, doctors said on Monday."),
             ("3", "Now is not the time for fear."),                 # another strand
             ("2", "Doctors in Brega said the fighting had ended.")]
    sentences = [Sentence(a, i, t, 0, len(t)) for i, (a, t) in enumerate(texts)]
    vectors = tfidf(sentences)
    picks = [Pick(k, k) for k in range(4)]
    assert without_stray_ending(picks, [1, 1, 1, 1], sentences, vectors) == picks[:3]
    assert without_stray_ending(picks, [1, 1, 1, 2], sentences, vectors) == picks  # cited twice
    same_article = [Pick(k, k) for k in (0, 1, 2, 4)]  # its article told before it: no stray
    assert without_stray_ending(same_article, [1] * 4, sentences, vectors) == same_article
    three = [Pick(k, k) for k in (0, 1, 3)]  # a brief keeps three sentences
    assert without_stray_ending(three, [1] * 3, sentences, vectors) == three
    # a line that alone tells an earlier phase: background unless it shares next to nothing
    assert without_stray_ending(picks, [1] * 4, sentences, vectors, [0, 0, 0, 1]) == picks[:3]
    brega = [*(Pick(k, k) for k in range(3)), Pick(4, 4)]
    texts[4] = ("4", "Brega's port was shut by the rebels a month before the fighting.")
    sentences = [Sentence(a, i, t, 0, len(t)) for i, (a, t) in enumerate(texts)]
    vectors = tfidf(sentences)
    assert without_stray_ending(brega, [1] * 4, sentences, vectors, [0, 0, 0, 1]) == brega



@pytest.mark.parametrize(("other_lead", "told"), [
    ("Voters in Stamford picked a local store owner to lead their city hall.", False),
    ("Voters in Stamford picked a local store owner on Tuesday to lead their city hall.", True),
])
def test_another_articles_lead_does_not_retell_the_news_unless_it_dates_it(other_lead, told):
    opener = "Lois Slocum, who owns a hardware store, was named the new mayor of Stamford."
    sentences, vectors, facts = pipeline_parts(
        opener + " She won 61 percent of the vote in a three-way race.",
        other_lead + " Turnout reached a record 48 percent, officials said.")
    scores = np.ones(len(facts))  # every fact worth telling: only the rule can leave one out
    reading = read([s.text for s in sentences], [is_statement(s.text) for s in sentences])
    first = next(k for k, s in enumerate(sentences) if s.text == opener)
    chosen = mmr(facts, scores, sentences, vectors, 200, reading, [{first: 1.0}])
    texts = [sentences[p.sentence].text for p in chosen]
    assert texts[0] == opener and (other_lead in texts) is told
    assert "Turnout reached a record 48 percent, officials said." in texts


def test_a_sentence_is_not_told_with_an_introduction_that_says_it_already():
    sentences, vectors, facts = pipeline_parts(
        "Votes are still being counted in the Senate race on Thursday. \"With half a million "
        "ballots left to count, we remain confident that Martha McSally will be elected,\" "
        "campaign chief Jim Bognet said in a statement.",
        "The race is close. \"With half a million ballots left to count we remain confidence,\" "
        "Bognet said in the statement, adding that the rural counties in the north of the "
        "state would decide the race for the Republican candidate.")
    reading = read([s.text for s in sentences], [True] * len(sentences))
    second = next(k for k, s in enumerate(sentences) if "the statement" in s.text)
    first = next(k for k, s in enumerate(sentences) if s.text.endswith("a statement."))
    assert not any(second in f.members and first in f.members for f in facts)
    assert cosines(vectors, [second], [first])[0, 0] >= REDUNDANT
    assert "Bognet" in reading.needs[second].names
    scores = np.array([10.0 if second in f.members else 1.0 for f in facts])
    shown = [p.sentence for p in mmr(facts, scores, sentences, vectors, 200, reading, [])]
    assert not {first, second} <= set(shown)


def test_covered_is_the_share_of_a_sentences_weight_in_words_already_used():
    from storyline.brief.vectors import covered

    _, vectors, _ = pipeline_parts(
        "Rescue teams evacuated 2,000 people from the flooded villages on Tuesday. "
        "The flooded villages lie along the river. Teams evacuated the villages.")
    assert covered(vectors, [0], 0) == pytest.approx(1.0)
    assert covered(vectors, [], 0) == 0.0
    assert covered(vectors, [0], 2) == pytest.approx(1.0)  # all its words were used
    assert 0.0 < covered(vectors, [0], 1) < 1.0  # "lie", "river" are new


def test_the_home_walk_does_not_tell_what_its_words_told_already():
    told = ("Rihanna topped the dance club chart this week with her latest single, her twentieth "
            "number one in less than ten years of recording. Madonna still holds the record for "
            "most number ones on that chart, forty-three since her debut album was released in "
            "the early eighties by a small New York label. Only Madonna has more number ones than "
            "Rihanna. A music video for the single will be released across Europe on Friday.")
    vectors, walked = _walked_from_its_lead(told)
    similar = cosines(vectors, [0, 1], [2])
    assert similar.max() < REDUNDANT  # neither alone nor together
    assert similar.sum() < REDUNDANT * np.sqrt(cosines(vectors, [0, 1], [0, 1]).sum())
    assert walked == [0, 1, 3]


def test_a_short_brief_of_a_large_cluster_is_walked_and_a_long_summary_is_not(monkeypatch):
    from storyline import summarize
    from storyline.brief import select

    places = ["Lyon", "Nice", "Lille", "Nantes", "Brest", "Dijon", "Metz", "Tours", "Caen",
              "Reims", "Rouen", "Nancy"]
    articles = [f"Flood waters rose across {town} on Monday after three days of heavy rain, "
                f"officials said. Rescue teams in {town} moved hundreds of families to "
                f"schools and gyms. The river at {town} crested at six meters, a record for "
                f"the month. Trains between {town} and Paris were cancelled until Wednesday. "
                f"Farmers near {town} said the harvest would be lost." for town in places]
    walks = []
    real = select.walk_home
    monkeypatch.setattr(select, "walk_home",
                        lambda *a, **k: walks.append((a[5], a[8] if len(a) > 8 else None))
                        or real(*a, **k))
    assert len(articles) > select.HOME_WALK_ARTICLES
    summarize(articles, select.HOME_WALK_WORDS)
    summarize(articles, select.HOME_WALK_WORDS + 100)
    [(budget, near)] = walks
    assert budget == select.HOME_WALK_WORDS
    assert near is not None and len(near) >= 2  # the floods told in the other towns too
    walks.clear()
    summarize(articles[:3], select.HOME_WALK_WORDS)  # a few articles: no topic, all are near
    assert [near for _, near in walks] == [None]


def test_a_walked_topic_brief_takes_other_picks_only_from_articles_of_its_story():
    from storyline.brief.checks import strays
    from storyline.brief.select import NEAR_ARTICLE

    sentences, vectors, facts = pipeline_parts(
        FLOOD, FLOOD_2,
        "The ski resort said the logging road across the marsh was an honest mistake. Its "
        "owners paid a fine to the county and planted new trees along the slope.")
    near = {"1", "2", "3"} - strays("1", ["1", "2", "3"], vectors, sentences, below=NEAR_ARTICLE)
    assert near == {"1", "2"}  # the flood told twice; the resort's marsh is another story
    reading = read([s.text for s in sentences], [True] * len(sentences))
    fact_of = {k: i for i, f in enumerate(facts) for k in f.members}
    scores = np.ones(len(facts))
    other = next(k for k, s in enumerate(sentences) if s.article == "3")
    picks = [Pick(fact_of[0], 0), Pick(fact_of[other], other), Pick(fact_of[5], 5)]
    everything = walk_home(picks, facts, scores, sentences, vectors, 300, reading)
    walked = walk_home(picks, facts, scores, sentences, vectors, 300, reading, near=near)
    assert other in [p.sentence for p in everything]
    assert other not in [p.sentence for p in walked] and 5 in [p.sentence for p in walked]
