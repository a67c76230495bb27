"""The times a sentence surely names, read by rules before spaCy's entities (figures).

`figures.worth_parsing` picks the sentences whose figures may be compared, first without
spaCy, then with the entities of those it picked. Comparable figures name the same times,
and the first pass now parts two sentences when one holds a word that the entity
recognizer always puts in a time ("in 2014", "Monday", "last year") and the other does not
hold that word at all: the recognizer would part them too, so the second pass picks the
same sentences from fewer. Measured on the sentences picked for entities of Multi-News dev
250, DUC 2006 (undated and dated), DUC 2007 update B and 137 groups of 15 Timeline17 dev
articles: the same sentences picked for the parse in every cluster (BENCHMARKS.md, issue
16's eighth step); here the rule against the recognizer on sentences written for the test.
"""

import pytest

from storyline.analyze import figures

# (sentence, the words the rule reads as surely a time)
SURE = [
    ("In 2014, 27 people died in the floods on Monday.", {"2014", "monday"}),
    ("The company has paid $3 million in fines since 2009.", {"2009"}),
    ("About 40 villagers fled during 1998 and returned the next spring.", {"1998"}),
    ("The museum received 12,000 visitors on Saturday and Sunday.", {"saturday", "sunday"}),
    ("Police arrested 14 protesters yesterday afternoon.", {"yesterday", "afternoon"}),
    ("Some 300 workers were laid off last year, the union said.", {"year"}),
    ("The city expects 2 million tourists this year.", {"year"}),
    ("Officials said 45 people were hurt last week in the storm.", {"week"}),
    ("Prices rose by 5 percent in the past two months.", {"months"}),
    ("Over the past three decades, 600 species have vanished.", {"decades"}),
    ("About 1,200 pilgrims visit the shrine annually.", {"annually"}),
    ("The bridge, closed in October 2016, carried 80,000 cars a day.", {"october"}),
    ("On Jan. 5, the army said 2,000 fighters remained.", set()),
    ("Rescuers pulled 52 survivors from the rubble by 2000 GMT.", set()),
    ("Some 2000 troops crossed the border at dawn.", set()),
    ("The 1991 to 1998 figures show 4,000 cases.", set()),
    ("The bank will start printing this Autumn, with seven notes.", set()),
    ("In May, 30 miners were trapped; in March, 12.", set()),
    ("Years ago, 200 families lived in the valley.", set()),
    ("Fifteen students, all 18-year-olds, were named in the report.", set()),
]


@pytest.mark.parametrize(("text", "words"), SURE)
def test_the_words_that_surely_name_a_time(text, words):
    assert figures._sure_time_words(text) == words


# Sentences shaped like news reports, each with a figure and a time word the rule reads;
# the recognizer must put every such word inside a time entity (DATE or TIME, not an age).
REPORTS = [text for text, words in SURE if words] + [
    "The flooding forced 3,500 residents from their homes in 2011, officials said.",
    "Since 2015, the charity has built 48 schools in the region.",
    "At least 17 people were killed on Tuesday when a bus overturned near Quetta.",
    "The ministry said 1,400 cases were recorded in February, up from 900 in January.",
    "By Wednesday afternoon, more than 200 firefighters were battling the blaze.",
    "Turnout reached 62 percent last month, the highest since 1992.",
    "The airline carried 4.5 million passengers in 2018 and expects more next year.",
    "The team has lost six of its last nine games this season and three this week.",
    "About 5,000 people marched through the capital on Friday, police said.",
    "The storm left 80,000 homes without power until Thursday.",
    "Two weeks after the quake, 150 people were still missing.",
    "Sales of 12,000 units were reported in December from 40 stores.",
    "During 2003, the agency handled 2,300 requests, according to its report.",
]


def test_the_recognizer_puts_each_surely_timed_word_in_a_time():
    from storyline.analyze import language

    nlp = language.nlp()
    for doc in nlp.pipe(REPORTS, disable=["lemmatizer", "tagger", "parser",
                                          "attribute_ruler"]):
        timed = {t.idx for e in doc.ents if e.label_ in ("DATE", "TIME")
                 and not figures._AGE.search(e.text) for t in e}
        found = [next(i for i in range(1, len(m.groups()) + 1) if m.group(i))
                 for m in figures._SURE_TIME.finditer(doc.text)]
        starts = [m.start(i) for m, i in zip(figures._SURE_TIME.finditer(doc.text), found,
                                             strict=True)]
        assert starts, doc.text
        for start in starts:  # the word's own token is in a time entity
            assert start in timed, (doc.text, doc.text[start:start + 12],
                                    [(e.text, e.label_) for e in doc.ents])


def test_sentences_that_name_other_times_are_not_picked_for_the_entities():
    texts = {0: ("1", "Rescuers found 40 survivors on Tuesday."),
             1: ("2", "On Wednesday, crews pulled 52 survivors from homes.")}
    assert figures.worth_parsing(texts, {}, {0: 0, 1: 1}) == set()
    assert figures.worth_parsing(texts, {"1": "2020-05-05", "2": "2020-05-05"},
                                 {0: 0, 1: 1}) == set()
    # one of them names no time: the recognizer may find none in the other either
    untimed = {0: texts[0], 1: ("2", "Crews pulled 52 survivors from homes.")}
    assert figures.worth_parsing(untimed, {}, {0: 0, 1: 0}) == set()  # no time in 1
    assert figures.worth_parsing(untimed, {"1": "2020-05-05", "2": "2020-05-05"},
                                 {0: 0, 1: 1}) == set()
    same = {0: texts[0], 1: ("2", "By Tuesday, crews had pulled 52 survivors from homes.")}
    assert figures.worth_parsing(same, {}, {0: 0, 1: 1}) == {0, 1}
    # ages name no time: not parted by one
    ages = {0: ("1", "John Smith, 24, was arrested on Monday."),
            1: ("2", "John Smith, 25, was arrested.")}
    assert figures.worth_parsing(ages, {}, {0: 0, 1: 0}) == {0, 1}


def test_the_rule_picks_for_the_parse_what_the_entities_alone_would(monkeypatch):
    """The second pass (with entities) picks the same sentences from the first pass's
    picks with the rule as from those without it."""
    from storyline.analyze import language

    nlp = language.nlp()
    texts = {
        0: ("1", "In 2014, about 2,000 fighters held the town, the army said."),
        1: ("2", "Some 3,000 fighters held the town in 2015, officials said."),
        2: ("3", "The army said 2,500 fighters held the town in 2014."),
        3: ("1", "On Monday, 40 civilians fled the fighting."),
        4: ("2", "About 65 civilians fled on Tuesday."),
        5: ("3", "Last year 12 civilians were wounded, and 30 fled this week."),
        6: ("2", "Officials said 14 civilians were wounded last year."),
    }
    published = {"1": "2016-03-01", "2": "2016-03-01", "3": "2016-03-02"}
    statements = {k: k for k in texts}

    def picked() -> set[int]:
        first = figures.worth_parsing(texts, published, statements)
        named = {k: nlp.get_pipe("ner")(nlp.make_doc(texts[k][1])) for k in first}
        return first, figures.worth_parsing(texts, published, statements, named)

    with_rule, picks = picked()
    monkeypatch.setattr(figures, "_sure_time_words", lambda text: frozenset())
    without_rule, picks_without = picked()
    assert with_rule < without_rule  # fewer sentences for the entities ...
    assert picks == picks_without  # ... and the same for the parse
