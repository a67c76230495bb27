"""The entity recognizer's walk in numpy (`analyze.recognizer`) sets spaCy's own entities."""

from __future__ import annotations

import pytest
from conftest import MULTI_NEWS, news_sentences

from storyline.analyze import language, recognizer
from storyline.analyze.recognizer import Recognizer

TEXTS = [
    ("At least 12 people were killed on Monday when a bus hit a truck near Kabul, police "
     "said, and 40 others, including six children, were injured."),
    ("The Federal Reserve Bank of New York said on Tuesday, March 3, 2015 that it had lent "
     "$1.2 billion to Goldman Sachs Group Inc. over the past three weeks."),
    "Barack Obama met Angela Merkel in Berlin.",
    "It rose 4.5% from $29,858 in 2009 and 16% from a recent low of $26,984 in 2010.",
    ("  Dr. Mary-Jane O'Neil, 37, of Springfield, Ill., told the BBC   about the 1998 "
     "World Cup.\n\nShe left at 5 p.m. ET."),
    "The U.N. Security Council voted 15-0; the European Union's 28 members agreed.",
    "the new york times",
    "Paris",
    "",
    "   ",
    "\n",
    "Apple",
    ("About 2,000 heavily armed ISIS fighters fled Mosul on Friday. Iraqi forces entered "
     "the city on Saturday morning, a spokesman for the Pentagon said."),
]

ENTITY_ATTRS = ["ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID"]


def _same(ours, theirs):
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        assert a.text == b.text
        assert [(e.start, e.end, e.label_) for e in a.ents] == \
            [(e.start, e.end, e.label_) for e in b.ents], a.text
        assert (a.to_array(ENTITY_ATTRS) == b.to_array(ENTITY_ATTRS)).all(), a.text


def _both(texts, parsed=False, batch_size=64):
    nlp = language.nlp()
    ner = nlp.get_pipe("ner")
    if parsed:  # tagged and parsed first, as `language.parse_many` does: sentence starts
        base = list(nlp.pipe(texts, disable=["lemmatizer", "ner"]))
        make = lambda: [doc.copy() for doc in base]
    else:
        make = lambda: [nlp.make_doc(text) for text in texts]
    theirs = list(ner.pipe(make(), batch_size=batch_size))
    ours = list(Recognizer(ner).pipe(make(), batch_size=batch_size))
    return ours, theirs


def test_the_shipped_recognizer_is_read_in_numpy():
    ner = language.nlp().get_pipe("ner")
    assert Recognizer.supports(ner)
    assert isinstance(language.recognizer(), Recognizer)


@pytest.mark.parametrize("parsed", [False, True])
@pytest.mark.parametrize("batch_size", [1, 5, 64])
def test_the_same_entities_as_spacy(parsed, batch_size):
    ours, theirs = _both(TEXTS * 2, parsed=parsed, batch_size=batch_size)
    assert sum(len(d.ents) for d in theirs) > 20
    _same(ours, theirs)


def test_an_entity_does_not_cross_a_sentence_start():
    # parsed: the parser's sentence starts bound the entities, as in spaCy's walk
    texts = ["He said New. York City is big.", "They met Smith. Jones left on Friday."]
    ours, theirs = _both(texts, parsed=True)
    _same(ours, theirs)


def test_scores_too_close_to_call_are_left_to_spacy(monkeypatch):
    nlp = language.nlp()
    ner = nlp.get_pipe("ner")
    calls = []

    class Counted:  # spaCy's recognizer, counting its own walks
        def predict(self, docs):
            calls.append(len(docs))
            return ner.predict(docs)

        def set_annotations(self, docs, states):
            ner.set_annotations(docs, states)

    ours = Recognizer(ner)
    ours.ner = Counted()
    monkeypatch.setattr(recognizer, "_PRODUCT_SLACK", 1e9)  # nothing is sure
    found = list(ours.pipe([nlp.make_doc(t) for t in TEXTS]))
    assert calls  # spaCy's own walk made them
    monkeypatch.undo()
    calls.clear()
    _same(found, list(ner.pipe([nlp.make_doc(t) for t in TEXTS])))
    list(ours.pipe([nlp.make_doc(t) for t in TEXTS]))
    assert not calls  # scores far enough apart: the numpy walk


def test_preset_entities_are_left_to_spacy():
    from spacy.tokens import Span

    nlp = language.nlp()
    ner = nlp.get_pipe("ner")

    def docs():
        out = [nlp.make_doc(t) for t in TEXTS[:4]]
        out[2].set_ents([Span(out[2], 0, 2, label="ORG")], default="unmodified")
        return out

    _same(list(Recognizer(ner).pipe(docs())), list(ner.pipe(docs())))


def test_another_recognizer_is_not_read():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("parser")
    assert not Recognizer.supports(nlp.get_pipe("parser"))
    assert not Recognizer.supports(object())


@pytest.mark.skipif(not MULTI_NEWS.exists(), reason="needs ../shared/data")
@pytest.mark.parametrize("parsed", [False, True])
def test_the_same_entities_on_news_sentences(parsed):
    texts = news_sentences()
    ours, theirs = _both(texts, parsed=parsed)
    _same(ours, theirs)
