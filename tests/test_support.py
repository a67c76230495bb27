"""Citations: a source is cited only for what it states (`brief.support`)."""

from storyline.brief.segment import split_all
from storyline.brief.support import grade
from storyline.brief.vectors import tfidf
from storyline.model import Article


def _graded(brief: str, source: str, *others: str) -> str | None:
    articles = [Article(id=str(i), text=t) for i, t in enumerate([brief, source, *others])]
    sentences = split_all(articles)
    rows = tfidf(sentences).sparse()
    return grade(sentences[0].text, rows[0], sentences[1].text, rows[1])


def test_a_sentence_sharing_only_the_names_supports_nothing():
    """Names and numbers in common, none of the claim's words: not cited at all (it was
    cited in full, its names and most of the tf-idf weight being there)."""
    brief = "Results were confirmed by the Centers for Disease Control in Atlanta."
    names_only = ("The Centers for Disease Control and Prevention in Atlanta has sent at "
                  "least six researchers to New York.")
    other = "The state health department said the crow had been found in a park."
    assert _graded(brief, names_only, other) is None
    said = "The Centers for Disease Control in Atlanta confirmed the results on Friday."
    assert _graded(brief, said, other) == "full"


def test_a_name_opening_the_sentence_counts_as_a_name_when_the_source_writes_it_so():
    """The first word is no name to the name pattern; "Atlanta's" is one when the source
    writes "Atlanta" inside a sentence."""
    names_only = ("The Centers for Disease Control and Prevention in Atlanta has sent at "
                  "least six researchers to New York.")
    other = "The state health department said the crow had been found in a park."
    assert _graded("Atlanta's Centers for Disease Control confirmed the results.",
                   names_only, other) is None


def test_the_word_that_says_who_a_person_is_belongs_to_the_name():
    """ "journalist Jane Roe" and "reporter John Doe" name the two; a source that names
    them so, and says nothing of what happened to them, supports nothing."""
    brief = ("Injured journalist Jane Roe has been rescued from the besieged city, but the "
             "whereabouts of reporter John Doe remain unclear.")
    names_only = ("The two journalists the Red Cross spoke of were photographer Jane Roe and "
                  "reporter John Doe.")
    other = "The state health department said the crow had been found in a park."
    assert _graded(brief, names_only, other) is None
    said = ("Journalist Jane Roe was rescued from the besieged city on Monday, but reporter "
            "John Doe is still missing.")
    assert _graded(brief, said, other) is not None


def test_a_question_supports_no_statement():
    other = "The state health department said the crow had been found in a park."
    assert _graded("The virus can cause a range of symptoms in people.",
                   "Q. What are the symptoms the virus can cause in people?", other) is None
    assert _graded("The virus can cause a range of symptoms in people.",
                   "The virus can cause a range of symptoms, doctors said.", other) is not None


def test_a_source_that_counts_the_same_thing_otherwise_is_not_cited():
    """ "killing 213 people" does not state "killed 247 people" (a disagreement, not a
    support); a span of time counted twice ("a three-year sentence reduced to one year")
    is no count of another figure."""
    other = "The state health department said the crow had been found in a park."
    brief = "A blast at the embassy in the capital killed 247 people, including 12 guards."
    assert _graded(brief, "A bomb at the embassy in the capital killed 213 people, including "
                          "12 guards.", other) is None
    assert _graded(brief, "The blast at the embassy in the capital killed 247 people and "
                          "12 guards.", other) is not None
    assert _graded("Eight people including three children were hurt when the roof fell in.",
                   "8 people, including 3 children, were hurt when the roof fell in.",
                   other) is not None  # (a figure in words is the same figure)
    assert _graded("Eight people including three children were hurt when the roof fell in.",
                   "8 people, including 2 children, were hurt when the roof fell in.",
                   other) is None
    assert _graded("The study found a rate of 4 in 1,000 children with autism in the town.",
                   "The study in the town found a rate of 4 children with autism per 1,000.",
                   other) is not None  # (a rate's base counts no children)
    assert _graded("The court confirmed her conviction, reducing her three-year prison "
                   "sentence to one year.", "The court confirmed her conviction and reduced "
                   "her sentence from three years in prison to one.", other) is not None


def test_a_one_word_claim_said_in_other_words_is_partial_support():
    """All the sentence says of its names is one word ("beat"): the source may say it in
    other words ("lost to"), so it is cited, as partial support."""
    other = "The state health department said the crow had been found in a park."
    assert _graded("The Yankees beat the Red Sox 5-3 on Sunday.",
                   "The Red Sox lost to the Yankees 5-3 on Sunday.", other) == "partial"


def test_what_a_person_said_is_the_claim_not_who_they_are_nor_that_they_said_it():
    """A source in which the same person, named and placed the same way, says something
    else supports nothing: the name's first word, the role ("the head of"), the body's
    acronym and "said" are no part of what is said."""
    brief = ("Jon Moe, the head of the Valley Weather Service (VWS), said that at least 18 "
             "roofs were damaged.")
    names_only = "Jon Moe, head of the Valley Weather Service, said four trees fell on the road."
    other = "The state health department said the crow had been found in a park."
    assert _graded(brief, names_only, other) is None
    said = "Jon Moe, head of the Valley Weather Service, said 18 roofs were damaged overnight."
    assert _graded(brief, said, other) is not None


def test_an_article_quoting_the_same_speaker_on_another_thing_reports_but_does_not_state():
    """The stray ending asks who reports a line (`reported_by`), a citation who states it:
    the article in which the same person says another thing is counted, not cited."""
    from storyline.brief.support import citations, reported_by
    from storyline.model import Fact
    texts = [("Jon Moe, the head of the Valley Weather Service, said at least 18 roofs were "
              "damaged."),
             "Jon Moe, head of the Valley Weather Service, said four trees fell on the road.",
             "The state health department said the crow had been found in a park."]
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    sentences = split_all(articles)
    rows = tfidf(sentences).sparse()
    files = {a.id: None for a in articles}
    fact = Fact(members=(0, 1), articles=("0", "1"))
    assert [c.article for c in citations(0, fact, sentences, rows, files)] == ["0"]
    assert reported_by(0, fact, sentences, rows, files) == 2


def test_not_only_adds_and_cannot_denies():
    """ "not only" says more, not the opposite: its source is cited; "cannot" is a "not"
    as much as "are not able" is."""
    other = "The state health department said the crow had been found in a park."
    brief = "The moon not only has a deep ocean, it has large lakes under its icy crust."
    assert _graded(brief, "Large lakes may lie under the icy crust of the moon.", other)
    brief = "The judges cannot place themselves in the time and the situation of the war."
    source = "The judges are not able to place themselves in the time and situation of the war."
    assert _graded(brief, source, other) is not None


def test_a_spokesman_for_declining_to_answer_or_another_order_of_count_states_nothing():
    """Who a spokeswoman speaks for is part of naming her; "declined to" says she did
    not; "hundreds of" texts are not "thousands of" texts."""
    other = "The state health department said the crow had been found in a park."
    brief = ("Ann Lee, a spokeswoman for Valley Books, said on Monday that the company had "
             "been working with the commission.")
    assert _graded(brief, "Ann Lee, a spokeswoman for Valley Books, said sales rose in the "
                          "spring.", other) is None
    assert _graded(brief, "Ann Lee, a spokeswoman for Valley Books, declined to say whether "
                          "the company had been working with the commission.", other) is None
    assert _graded("The teacher sent the girl thousands of text messages over two weeks.",
                   "The teacher and the girl exchanged hundreds of text messages.",
                   other) is None
    assert _graded("The teacher sent the girl thousands of text messages over two weeks.",
                   "The teacher sent the girl thousands of text messages, police said.",
                   other) is not None


def test_unable_and_unaware_deny_as_not_does():
    """ "was unable to say" states "would not say", "was unaware of" states "did not
    know": both deny, so neither is refused as the opposite of the other."""
    other = "The council met on Friday to discuss the town's budget for the coming year."
    assert _graded("Police would not say whether the robber's knife was real.",
                   "A police spokesman was unable to say whether the robber's knife was real.",
                   other) is not None
    assert _graded("Brent Hollis said he did not know the council had planned the vote.",
                   "Brent Hollis said he was unaware the council had planned the vote.",
                   other) is not None
    assert _graded("Police said the robber's knife was real.",
                   "Police were unable to say whether the robber's knife was real.",
                   other) is None


def test_why_a_source_goes_unnamed_and_a_web_address_deny_and_count_nothing():
    """ "who was not authorized to discuss the case" is no denial of what the official
    says; the digits of "bit.ly/2AbC7dE" are no figure disagreeing with "41-year-old"."""
    other = "The council met on Friday to discuss the town's budget for the coming year."
    assert _graded("Tom Reyes was detained on Monday in Dunmore after a fight at a bar.",
                   "A police official, who was not authorized to discuss the case, said Tom "
                   "Reyes was detained on Monday in Dunmore after a fight at a bar.",
                   other) is not None
    assert _graded("The ferry company was allowed to resume crossings to Dunmore on Monday.",
                   "The ferry company was not allowed to resume crossings to Dunmore on "
                   "Monday.", other) is None  # (a denial, not why a source is unnamed)
    brief = ("Tom Reyes, 41, says he was driving home from his night shift at the mill when "
             "he hit the fence on Main Street.")
    assert _graded(brief, "Tom Reyes told WXYZ-TV (http://bit.ly/2AbC7dE) he was driving home "
                   "from his night shift at the mill when he hit the fence on Main Street.",
                   other) is not None
    assert _graded(brief, "Tom Reyes, 38, told WXYZ-TV he was driving home from his night "
                   "shift at the mill when he hit the fence on Main Street.", other) is None


def test_a_source_quoting_another_thing_does_not_state_a_quotation():
    """Two quotations of the same person that share words ("clear", "tail", "night") but
    not one phrase say two things: the second is not cited for the first. A source that
    tells the quotation in its own words, quoting a word of it, still is."""
    line = '"It has grown a long bright tail in the last three nights," said Dr. Lena Vark.'
    other = "The council met on Friday to discuss the town's budget for the coming year."
    assert _graded(line, '"On a bright night you will see the tail of a long smudge low in '
                   'the sky after sunset," said Dr. Lena Vark.', other) is None
    assert _graded(line, 'Dr. Lena Vark said the comet had grown a "long bright tail" in the '
                   'last three nights.', other) is not None
