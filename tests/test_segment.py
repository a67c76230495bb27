import pytest

from storyline.brief.segment import cut_subject, is_statement, sentence_spans, split
from storyline.model import Article


def sentences(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text", [
    "The U.S. military said it would stay in the region. Officials declined to comment.",
    "U.S.-backed forces advanced on the town. They met little resistance.",
    "Gen. Joseph Votel, the top U.S. commander, visited the base on Monday. He left at noon.",
    "Lt. Col. Sean Ryan and Sgt. Maj. John Troxell arrived. Mr. Bali spoke to Ms. Wille.",
    "The attack came at around 4.00am local time. The rate rose by 3.5 percent.",
    "The meeting ended at 5 p.m. on Friday. Talks resume next week.",
    # a time of day ends its sentence when a sentence's first word follows
    "Someone opened fire around 10:45 p.m. A stray bullet hit the girl as she ran home.",
    "They left at 10 p.m. Monday with the ballots. The count began on Tuesday.",
    '"This battle will be sealed in the coming days," he told AFP. The SDF advanced.',
    "“The battle is very fierce,” he said. “Those remaining inside are experienced.”",
    "Former U.S. Secretary of State John Kerry spoke. The U.N. Security Council met.",
    # "U.S." inside a proper name (Multi-News dev: the name was cut off its commander)
    "Gen. Tom Berg, the South Korea/U.S. Combined Forces Command commander, spoke. He left.",
    "The cold reached much of the U.S. These are the coldest cities in the country.",
    "The assembly mound dates to the 13th century. Later on, earls were buried there.",
    "The issue of Aug. 23-Sept. 5 sold out. Rep. Mark Meadows (R-N.C.), chairman, spoke.",
    # a photo's credit ends its caption, not the next sentence
    "Soldiers fired on protesters [Reuters] Libyan leader Muammar Gaddafi appeared on TV.",
    "The cabin of a Qatar Airways plane. AP American Airlines on Thursday said it got a note.",
    # a decimal a typing slip spaced stays in its sentence
    "The U.S. catch will be limited under 16. 5 percent, down from 20 percent. It is a deal.",
])
def test_news_sentences_split_where_they_end(text):
    got = sentences(text)
    assert len(got) == 2, got
    assert " ".join(got) == text


@pytest.mark.parametrize("text, first", [
    ('"Maybe someone who had a super PAC?" Colbert said on his show Thursday night, as his '
     'left hand tried to smother his right. Sure.',
     '"Maybe someone who had a super PAC?" Colbert said on his show Thursday night, as his '
     'left hand tried to smother his right.'),
    ('“Why not?” The White House spokesman asked. The talks went on.',
     '“Why not?” The White House spokesman asked.'),
    ('He asked the crowd "why?" The Senate voted on Friday.', 'He asked the crowd "why?"'),
])
def test_a_quoted_question_keeps_who_asked_it(text, first):
    assert sentences(text)[0] == first


def test_offsets_map_back_and_headline_lines_stay_apart():
    text = ("Dam bursts in valley\n\nA dam burst on Tuesday. About 2,000 people fled.\n\n"
            "Rescue teams arrived by boat")
    got = split(Article(id="a", text=text))
    assert [s.text for s in got] == ["Dam bursts in valley", "A dam burst on Tuesday.",
                                     "About 2,000 people fled.", "Rescue teams arrived by boat"]
    for s in got:
        assert text[s.start:s.end] == s.text and s.article == "a" and s.of == 4
    assert [s.index for s in got] == [0, 1, 2, 3]


def test_sentences_glued_after_a_closing_quote_are_split_even_after_an_abbreviation():
    text = 'She has never said no."For her part, Gillibrand does not run.'
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ['She has never said no."',
                                             "For her part, Gillibrand does not run."]


def test_empty_text_has_no_sentences():
    assert split(Article(id="a", text="")) == []


@pytest.mark.parametrize("text, ok", [
    ("The coalition estimates that as many as 2,000 fighters remain.", True),
    ("Austin Custodio, 21, of Boyce Road, Pine Bush, N.Y.; sale of alcohol to minors.", False),
    ("A: Before anything else, sign the back of the ticket.", False),
    ("Q: Should I take the lump sum?", False),
    ("A man was arrested on Monday.", True),
    ("Patrick Callahan, 21, Matthew Moll, 21, and Dylan Morose, 22, all of 51 Baxter Road, "
     "Mansfield; each charged with eight counts of permitting a minor to possess alcohol.", False),
    ("Patrick Callahan, 21, of Mansfield, was charged with permitting a minor to possess "
     "alcohol.", True),
    ("Jonathan Polansky, 22, of Sherman Street, Beverly, Mass., charged with eight counts.",
     False),
    ("John Smith, 45, of Denver, was arrested on Monday after the crash.", True),
    ("Banks had a message for the gangs in her neighborhood.", False),
    ("A Shalimar woman has a warning for them.", False),
    ('"This battle will be sealed in the coming days," he told AFP.', True),
    ("2,000 people were evacuated from the valley overnight.", True),
    ("An offensive began on Monday against an estimated 2,000 fighters", False),  # no period
    ("How many militants are left in the enclave now?", False),  # a question
    ("Bolton told ABC News on Sunday the following:", False),
    ("We know that.", False),  # too short to stand alone
    ("and then the fighters left the town before dawn.", False),  # a fragment
    ("That doesn't just happen!” he tweeted last August.", False),  # a quotation's tail
    ('Maybe somebody who had a super PAC."', False),
    ("“Jimmy and I were just fooling around with the stuff at home.", True),  # opens one
    ('"We will take control of it," the commander added on Monday.', True),
    ('She told CNN, "My colleagues are much nicer than the critics say.', True),
    ("Towards the end that was 22 people who had to approve it. ...", False),  # cut off
    ("The mayor said the council would meet again and then…", False),
    ("Any plans for the future don't include Kris very much.'", False),  # a quote's tail
    ("'We will win the players' vote,' he said on Monday.", True),
    ("OPAL LEE: I kept telling family and friends that wanted to do it.", False),
    ("Written and directed by George Lucas.", False),  # a film's credits
    ("US officials said the talks would resume on Monday in Geneva.", True),
    ("(Labor union official 302, February 3, 2009 p.", False),        # a cut-off reference
    ("Although the new restrictions make this scenario unlikely.", False),  # no main clause
    ("Even if it's a little help from a poor country.", False),
    ("Although the vote was close, the bill passed the Senate on Monday.", True),
    ("(The governor will name a senator who serves until 2014.)", True),
    ("5. ``Do it because I said so'' management.", False),  # a numbered list's item
    ("2) The council voted to close the old bridge on Monday.", False),
    ("The cabin of a Qatar Airways plane at the gate.", False),  # no verb: a caption
    ("Black leopard near road in the Kenyir Wildlife Corridor.", False),
    ("More than half of the workers work for GM.", True),
    # a plural noun after a possessive is no third-person verb
    ("People thrusting their hands through the taxi window, begging.", False),
    ("The council sends its plans to the mayor.", True),
    ("Yet other witnesses contradict that account.", True),  # "other" holds no "her"
    ("A photo of her shows the singer on stage in London.", True),  # "her", an object
    ("Prodigy co-founded the group in the early '90s.", True),
    ("They also bound away at the slightest disturbance.", True),
    ("Hang on Libyans, freedom is near now!", False),  # a writer's cry, not news
    ("1918: The Spanish flu pandemic remains the most devastating outbreak.", False),
    ("If only banks could mend as fast as the markets.", False),
    ('"Let this not happen in Libya!" the protesters shouted.', True),
    ('The crowd chanted: "Freedom is near now!"', True),
    # long lines without a verb: a pasted tweet, a photo budget's line, film credits
    ("Record Stock Market, Strong on Military, Crime, Borders, & ISIS, Judicial Strength & "
     "Numbers, Lowest Unemployment for Women & ALL, Massive Tax Cuts - and so much more.", False),
    ("(NYT5) BOSTON -- Oct. 20, 1999 -- LAWYER-PROFILE-BOS, 10-20 -- William Lee of the law "
     "firm of Hale and Dorr.", False),
    ("A Sony Pictures Entertainment release of a TriStar Pictures presentation in association "
     "with FilmDistrict of a Ghost House Pictures production.", False),
    # and long ones with an irregular past the verb list now knows
    ("The Musashi sank on October 24, 1944, during the Battle of the Sibuyan Sea, part of "
     "the Battle of Leyte Gulf, in the central Philippines.", True),
    ("On Wednesday, 39-year-old Jamaican sprinter Merlene Ottey withdrew from the World "
     "Championships after testing positive for Nandrolone.", True),
    # a pasted tweet's hashtag, and one a sentence presents
    ("Confirmed: potential jurors refusing to serve under #StanfordRape judge.", False),
    ("Thousands of women shared their stories using the hashtag #MeToo on Monday.", True),
    # the page telling its reader what to do
    ("Think about the man Colbert would be replacing.", False),
    ("Consider the Coeur d'Alene tribe in northern Idaho and its lake.", False),
    # a reference's or a court citation's tail, a timeline box's dated item
    ("12), similar to the observed lower crustal velocities beneath the volcano.", False),
    ("13 (1962) (In this world, with its many people, the court said so.)", False),
    ("Nov. 25 -- Elian rescued at sea two or three days after boat capsizes.", False),
    ("Thinking about the vote, the senator said he would abstain.", True),
    # a Q&A's question, which its answer needs (a Libya page's brief printed it)
    ("Question: If a no-fly zone is to be enforced, Robert Gates has said it would need an "
     "attack on air defenses.", False),
])
def test_is_statement(text, ok):
    assert is_statement(text) is ok


@pytest.mark.parametrize("block", [
    "  The storm hit on Monday.  Power was cut to 40,000 homes!\tSchools closed ",
    "Lt. Col. Sean Ryan arrived. Mr. Bali spoke to Ms. Wille. \u00a0",
    "No final period here",
    " \t ",
    "",
])
def test_one_line_paragraphs_split_as_nupunkt_splits_them(block):
    from storyline.brief.segment import _punkt_spans, _tokenizer

    assert _punkt_spans(block) == _tokenizer().spans(block)


def test_the_tokenizer_is_made_as_first_written():
    """`_tokenizer` reads its own model and drops the plain-word abbreviations at once: the
    same parameters, and the same spans, as copying `nupunkt.load`'s and dropping them one
    by one (only the decisions' cache counter, which each edit moves, differs)."""
    import copy

    import nupunkt

    from storyline.brief.segment import _tokenizer
    from storyline.data import word_list

    news = word_list("abbreviations.txt")  # as first written:
    first = nupunkt.PunktSentenceTokenizer(copy.deepcopy(nupunkt.load("default").parameters),
                                           include_common_abbrevs=False)
    for abbreviation in list(first.abbreviations):
        if "." not in abbreviation and abbreviation not in news:
            first.remove_abbreviation(abbreviation)
    first.add_abbreviations(sorted(news))
    mine = _tokenizer()
    assert mine.parameters is not first.parameters
    ours, theirs = vars(mine.parameters), vars(first.parameters)
    assert ours.keys() == theirs.keys()
    assert {k: v for k, v in ours.items() if k != "_decision_generation"} == \
        {k: v for k, v in theirs.items() if k != "_decision_generation"}
    assert len(mine.abbreviations) > 100 and "u.s" in mine.abbreviations
    text = ("Lt. Col. Sean Ryan arrived in the U.S. on Sept. 5. Mr. Bali spoke to Ms. Wille. "
            "The vote was 5-4 vs. the plan, etc. and then the Gov. left! Did he? Yes.\n\nNew.")
    assert list(mine.span_tokenize(text)) == list(first.span_tokenize(text))
    assert mine.spans(text) == first.spans(text)


@pytest.mark.parametrize("text, first", [
    ("Advert warns about the dangers of swine flu The government has appointed a tsar.",
     "Advert warns about the dangers of swine flu"),            # a caption glued on
    ("First death of swine flu patient in UK For the first time in Britain, a man died.",
     "First death of swine flu patient in UK"),
    ("He told The Associated Press that the talks failed on Monday.",   # a title
     "He told The Associated Press that the talks failed on Monday."),
    ("Bill Bradbury, director of the group For the Sake of the Salmon, spoke.",
     "Bill Bradbury, director of the group For the Sake of the Salmon, spoke."),
    ("Talks failed. Officials said The end was near.", "Talks failed."),  # first sentence only
    ("Problems continue to hinder aid to quake-hit Haiti Hundreds of thousands of survivors "
     "are still waiting for aid.", "Problems continue to hinder aid to quake-hit Haiti"),
    ("Children pulled from Haiti rubble An 11-year-old girl has been pulled from a building.",
     "Children pulled from Haiti rubble"),
    ("Haiti quake: Death toll may be 200,000, US general says The leading US general in Haiti "
     "has said so.", "Haiti quake: Death toll may be 200,000, US general says"),
    ("Face masks are handed out as the WHO voices concern A new flu virus may kill many.",
     "Face masks are handed out as the WHO voices concern"),
    ("Officials said low vitamin A levels were found in most of the children.",
     "Officials said low vitamin A levels were found in most of the children."),
    ("It was first published with the title A Signal for Solitude in the spring.",
     "It was first published with the title A Signal for Solitude in the spring."),
])
def test_a_headline_glued_to_the_first_sentence_is_cut_off(text, first):
    spans = sentence_spans(text)
    assert text[spans[0][0]:spans[0][1]] == first


@pytest.mark.parametrize("text, parts", [
    ("Tests take several days to be verified But when the first figures came, the word "
     "was crucial.", ["Tests take several days to be verified",
                      "But when the first figures came, the word was crucial."]),
    ("Tamiflu is given to pupils at Hill School A third school has closed after eight cases.",
     ["Tamiflu is given to pupils at Hill School", "A third school has closed after eight cases."]),
    ("The rebels took the town. Jets flew over the coast The alliance denied it.",
     ["The rebels took the town.", "Jets flew over the coast", "The alliance denied it."]),
    # "But" before a name; a quotation whose speaker follows it; a clock time or a year
    ("Rally supports Libyan woman But Ibrahim refused to take further questions.",
     ["Rally supports Libyan woman", "But Ibrahim refused to take further questions."]),
    ('Girl loses leg in rocket blast "We are targeting military sites," a spokeswoman said.',
     ["Girl loses leg in rocket blast", '"We are targeting military sites," a spokeswoman said.']),
    ("1901 The BBC's Matt Frei in Port-au-Prince says the roads are blocked.",
     ["1901", "The BBC's Matt Frei in Port-au-Prince says the roads are blocked."]),
    ("Five Days: Sept. 15 - 19, 2008 The Dow Jones average closed up 3.4 percent.",
     ["Five Days: Sept. 15 - 19, 2008", "The Dow Jones average closed up 3.4 percent."]),
    ("McCain pushes Libya no-fly zone People in Zawiya took control, state TV reported.",
     ["McCain pushes Libya no-fly zone", "People in Zawiya took control, state TV reported."]),
])
def test_sentences_run_together_without_a_stop_are_cut_apart(text, parts):
    assert [text[s:e] for s, e in sentence_spans(text)] == parts


@pytest.mark.parametrize("text", [
    "The virus is an influenza A virus, carrying the designation H1N1.",
    "He pleaded guilty to a Class A misdemeanor on Monday.",
    "Samples were taken. The rocks moved along path A in the figure.",
    "Officials said The end was near, then left.",
    "He told The Associated Press that it was over.",
    'He wrote the book "Son of a Gambler: Winners and Losers," says a friend of his.',
    'Crowds chanted "Down with the regime, down with him," witnesses said on Monday.',
    "The United Nations has declared 2010 The International Year of Biodiversity.",
    "The UN High Commissioner for Refugees said it was very concerned.",
    "She spoke in an interview with People magazine that is not yet online.",
])
def test_a_capital_inside_a_sentence_that_opens_nothing_stays(text):
    assert [text[s:e] for s, e in sentence_spans(text)][-1] == text.split(". ")[-1]



def test_a_pull_quote_glued_before_a_sentence_is_cut_off_as_a_line_of_its_own():
    text = ("The mayor said the bridge would reopen in May.\n\n"
            "\"We need steel to rebuild the bridge and the roads,\" she said.\n\n"
            "We need steel to rebuild the bridge and the roads Councillors will vote on the "
            "plan on Tuesday.")
    sentences = [s.text for s in split(Article(id="1", text=text))]
    assert sentences[-2:] == ["We need steel to rebuild the bridge and the roads",
                              "Councillors will vote on the plan on Tuesday."]
    assert not is_statement(sentences[-2])


@pytest.mark.parametrize("text", [
    # a phrase the article also ends a sentence on, but not a sentence of its own
    ("Settlers moved into the West Bank and Gaza.\n\n"
     "Building went on in the West Bank and Gaza Strip, a peace group said."),
    # a sentence said twice, each time with its stop
    ("Rescuers pulled two men from the rubble on Monday.\n\n"
     "Rescuers pulled two men from the rubble on Monday."),
    # a sentence said again with more to it
    ("The storm killed at least 12 people across the state.\n\n"
     "The storm killed at least 12 people across the state Tuesday and left thousands "
     "without power."),
])
def test_text_repeated_with_its_stop_is_no_pull_quote(text):
    assert [s.text for s in split(Article(id="1", text=text))] == text.split("\n\n")


@pytest.mark.parametrize("text, cut", [
    ("Harbor Studios, was directed by a designer from Los Angeles.", True),
    ("Plenty, would seem to be the answer as more makers add sport models.", True),
    ("The mayor, who was re-elected, was in the Army before the war.", False),
    ("John Smith, 45, was arrested on Monday in the city of Austin.", False),
    ("However, he was in the Army before the war started in Europe.", False),
])
def test_a_subject_cut_off_its_sentence_is_told(text, cut):
    assert cut_subject(text) is cut


def test_a_sentence_opening_on_a_cut_subject_stays_out_of_the_brief():
    """A "!" inside a name ends a sentence there: its tail opens on a name and a comma
    before the verb, and reads as no sentence."""
    from storyline import summarize

    text = ("The band released a new music video on Tuesday, a cartoon about a sailor and "
            "his rival. The cartoon, a joint project of the band's label and Ahoy There! "
            "Harbor Studios, was directed by a designer from Los Angeles. It is the first "
            "hand-drawn cartoon of its kind since 1987, the label said on Tuesday.")
    brief = summarize([text], words=120)
    assert brief.sentences and not any(s.text.startswith("Harbor Studios")
                                       for s in brief.sentences)
