"""The load reads the tokenizer's special cases without spaCy's conversion of old formats
(`language._plain_attributes_read`): the same answers, the same pipeline."""

from __future__ import annotations

import copy

import pytest
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spacy import tokenizer, vocab
from spacy.attrs import ENT_IOB, LEMMA, NORM, ORTH, intify_attrs
from spacy.strings import StringStore

from storyline.analyze import language

TEXTS = [
    "Y'all gonna let's go, c'mon! I ain't gotta do nothin' , they're   there .\n\n"
    "It is, isn't it? There's  a man. Don't DON'T dont 'em a.m. 5p.m. :) (Mr. Smith)",
    "At least 12 people were killed on Monday (Jan. 5) when a bus hit a truck, e.g. here.",
    "",
    "   ",
]

_NAMES = st.sampled_from([ORTH, NORM, LEMMA, ENT_IOB, "ORTH", "NORM", "F", "L", "pos",
                          "number", "Number", "number", True, 1.0])
_VALUES = (st.sampled_from(["do", "n't", "a.m.", "", "B", "O"]) | st.text(max_size=3)
           | st.integers(0, 3))


def _answer(function, attributes, strings):
    """What `function` returns or raises, what it left of its argument, and the string
    store after it."""
    attributes = copy.deepcopy(attributes)
    store = None if strings is None else StringStore(strings)
    try:
        out = function(attributes, strings_map=store, _do_deprecated=True)
    except Exception as e:  # noqa: BLE001 - whatever it raises
        out = (type(e), str(e))
    return out, attributes, None if store is None else list(store)


@settings(max_examples=3000, deadline=None)
@given(st.dictionaries(_NAMES, _VALUES, max_size=3), st.sampled_from([None, [], ["do"]]))
@example({ORTH: "do", NORM: "do"}, None)
@example({ORTH: "do", NORM: "do"}, ["do"])
@example({ORTH: "n't"}, [])
@example({ORTH: "do", LEMMA: "do"}, [])
@example({"F": "do"}, [])
def test_the_plain_reading_answers_as_spacys(attributes, strings):
    with language._plain_attributes_read():
        ours = vocab.intify_attrs
        assert ours is not intify_attrs and tokenizer.intify_attrs is ours
    assert vocab.intify_attrs is intify_attrs and tokenizer.intify_attrs is intify_attrs
    assert _answer(ours, attributes, strings) == _answer(intify_attrs, attributes, strings)


def test_spacys_reading_is_back_after_a_failed_load():
    with pytest.raises(RuntimeError), language._plain_attributes_read():
        assert vocab.intify_attrs is not intify_attrs
        raise RuntimeError("the load failed")
    assert vocab.intify_attrs is intify_attrs and tokenizer.intify_attrs is intify_attrs


def test_the_same_pipeline_and_special_cases_as_spacys_load():
    ours, plain = language._load(), spacy.load(language.MODEL, exclude=["senter"])
    assert len(ours.tokenizer.rules) > 1000
    # (the configs differ in the tokenizer's name only: `language._BARE_TOKENIZER`; the
    # disabled `senter` is not loaded, `language._NEVER_RUN`)
    assert ours.to_bytes(exclude=["config"]) == plain.to_bytes(exclude=["config"])
    for text in TEXTS:
        assert ([(t.text, t.whitespace_, t.norm_, t.lex.norm_, t.lower_, t.shape_, t.is_stop)
                 for t in ours.tokenizer(text)]
                == [(t.text, t.whitespace_, t.norm_, t.lex.norm_, t.lower_, t.shape_, t.is_stop)
                    for t in plain.tokenizer(text)])
