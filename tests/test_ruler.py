"""The attribute ruler's faster matching (`analyze.ruler`) finds spaCy's own matches."""

from __future__ import annotations

import spacy

from storyline.analyze import language
from storyline.analyze.ruler import fast_match

TEXTS = [
    "Y'all gonna let's go, c'mon! I ain't gotta do nothin' , they're   there .\n\n"
    "It is, isn't it? There's  a man.",
    "There are gon na be people, y all. It ai nt so. Let 's go.",
    "At least 12 people were killed on Monday when a bus hit a truck near the capital, "
    "police said, and 40 others, including six children, were injured.",
    "If you do that, I will not have done it because the man whom we met gets what he got.",
    "",
    "   ",
]


def test_the_same_matches_as_spacys_matcher():
    nlp = language.nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert ruler.match is not type(ruler).match  # installed by `nlp()`
    fast = fast_match(ruler)
    for doc in nlp.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert fast(doc) == type(ruler).match(ruler, doc)


def test_patterns_it_cannot_read_keep_spacys_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["a", "an"]}}, {"TEXT": {"REGEX": "^[A-Z]"}}]],
              {"POS": "DET"})
    assert fast_match(ruler) is None
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"REGEX": "^b"}}]], {"POS": "DET"})
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    fast = fast_match(ruler)
    doc = nlp.make_doc("An bear, a  boy and a cat")
    assert fast(doc) == type(ruler).match(ruler, doc) != []
