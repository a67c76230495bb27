"""The attribute ruler's faster matching and setting (`analyze.ruler`) find and set what
spaCy's own would."""

from __future__ import annotations

from functools import partial

import pytest
import spacy
from conftest import MULTI_NEWS, news_sentences

from storyline.analyze import language
from storyline.analyze.ruler import fast_match, fast_set

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


_ATTRS = ["TAG", "POS", "MORPH", "DEP", "LEMMA", "HEAD", "SENT_START", "ORTH", "NORM"]


def _annotated(nlp, texts, set_annotations):
    """Each text's tokens' attributes after the ruler's matches set by `set_annotations`."""
    ruler = nlp.get_pipe("attribute_ruler")
    out = []
    for doc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        set_annotations(doc, ruler.match(doc))
        out.append((doc.to_array(_ATTRS).tolist(), [str(t.morph) for t in doc]))
    return out


def test_the_same_annotations_as_spacys():
    nlp = language.nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert ruler.set_annotations is not type(ruler).set_annotations  # installed by `nlp()`
    fast = fast_set(ruler)
    assert (_annotated(nlp, TEXTS, fast)
            == _annotated(nlp, TEXTS, partial(type(ruler).set_annotations, ruler)))


@pytest.mark.skipif(not MULTI_NEWS.exists(), reason="needs ../shared/data")
def test_the_same_annotations_on_news_sentences():
    texts = news_sentences()
    nlp = language.nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert (_annotated(nlp, texts, fast_set(ruler))
            == _annotated(nlp, texts, partial(type(ruler).set_annotations, ruler)))


def test_a_token_outside_its_match_and_other_attributes_are_spacys():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b"}]], {"POS": "DET", "TAG": "DT"}, index=-1)
    ruler.add([[{"LOWER": "b"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": "c"}]], {"POS": "VERB", "MORPH": "Tense=Past"}, index=0)
    fast = fast_set(ruler)
    doc = nlp.make_doc("a b c a b")
    fast(doc, ruler.match(doc))
    assert [(t.pos_, t.tag_, str(t.morph)) for t in doc] == [
        ("", "", ""), ("NOUN", "DT", ""), ("VERB", "", "Tense=Past"), ("", "", ""),
        ("NOUN", "DT", "")]
    ruler.add([[{"LOWER": "c"}]], {"POS": "VERB"}, index=1)  # outside its match
    with pytest.raises(ValueError) as ours:
        fast(nlp.make_doc("a c"), ruler.match(nlp.make_doc("a c")))
    with pytest.raises(ValueError) as theirs:
        ruler.set_annotations(nlp.make_doc("a c"), ruler.match(nlp.make_doc("a c")))
    assert str(ours.value) == str(theirs.value)
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}]], {"NORM": "an"})
    assert fast_set(ruler) is None


@pytest.mark.skipif(not MULTI_NEWS.exists(), reason="needs ../shared/data")
def test_the_same_matches_on_news_sentences():
    texts = news_sentences()
    nlp = language.nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    fast = fast_match(ruler)
    for doc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert fast(doc) == type(ruler).match(ruler, doc)
