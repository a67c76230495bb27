"""Timeline scoring (evaluate.timelines): golden numbers for the alignment-based ROUGE.

The numbers were computed by tilse's own evaluator (TimelineRougeEvaluator with the Perl
ROUGE-1.5.5, -m -s, raw counts, as news-tls runs it), in a scratch folder outside the
repository, on the small timelines below (the first four are tilse's own test timelines,
with its first reference timeline); the first case is also worked by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from storyline.evaluate.timelines import (
    PRF, alignment, average, concat_rouge, date_prf, rouge_terms, score)

D = date
REFERENCE = {D(2010, 1, 1): ["timeline summarization ."],
             D(2010, 1, 2): ["timeline summarization is awesome .",
                             "coreference resolution is , too ."],
             D(2010, 1, 4): ["alignments are really nice"]}
SAME_NUMBER = {D(2010, 1, 2): ["timeline summarization ."],
               D(2010, 1, 3): ["doing some metric checks ."],
               D(2010, 1, 5): ["checks for alignments ."]}
CONTENT_WINS = {D(2010, 1, 2): ["timeline summarization ."],
                D(2010, 1, 3): ["alignments are really nice"],
                D(2010, 1, 5): ["timeline summarization ."]}
FEWER = {D(2010, 1, 2): ["timeline summarization ."],
         D(2010, 1, 3): ["doing some metric checks ."]}
MORE = {D(2010, 1, 2): ["timeline summarization ."],
        D(2010, 1, 3): ["doing some metric checks ."],
        D(2010, 1, 5): ["checks for alignments ."],
        D(2010, 1, 6): ["asdf"]}
NEWS_REFERENCE = {
    D(2011, 2, 11): ["Mubarak resigns and hands power to the military ."],
    D(2011, 2, 13): ["The army dissolves parliament and suspends the constitution ."],
    D(2011, 2, 1): ["Mubarak says he will not run again in September 's elections ."]}
NEWS = {D(2011, 2, 11): ["Egypt 's President Hosni Mubarak resigned , handing power to the army ."],
        D(2011, 2, 12): ["Protesters celebrated in Tahrir Square -LRB- Cairo -RRB- through the "
                         "night ."]}

# (system, reference, {measure: (precision, recall)}) from tilse
GOLDEN = [
    (SAME_NUMBER, REFERENCE, {"AR-1": (0.25, 3.5 / 9), "AR-2": (1 / 6, 0.25),
                              "concat-1": (0.5, 1 / 3), "concat-2": (0.2, 0.125)}),
    (CONTENT_WINS, REFERENCE, {"AR-1": (0.4, 4 / 9), "AR-2": (0.4, 1 / 3),
                               "concat-1": (1.0, 2 / 3), "concat-2": (0.6, 0.375)}),
    (FEWER, REFERENCE, {"AR-1": (0.25, 1 / 3), "AR-2": (0.25, 0.25),
                        "concat-1": (0.5, 2 / 9), "concat-2": (1 / 3, 0.125)}),
    (MORE, REFERENCE, {"AR-1": (3 / 14, 3.5 / 9), "AR-2": (1 / 6, 0.25),
                       "concat-1": (3 / 7, 1 / 3), "concat-2": (1 / 6, 0.125)}),
    (NEWS, NEWS_REFERENCE, {"AR-1": (0.25, 0.2922077922077922),
                            "AR-2": (0.21428571428571427, 0.2727272727272727),
                            "concat-1": (0.3125, 0.35714285714285715),
                            "concat-2": (0.2, 0.23076923076923078)}),
]


@pytest.mark.parametrize("system, reference, expected", GOLDEN)
def test_alignment_rouge_matches_tilse(system, reference, expected):
    scores = score(system, reference)
    for measure, (precision, recall) in expected.items():
        assert scores[measure].precision == pytest.approx(precision, abs=1e-9), measure
        assert scores[measure].recall == pytest.approx(recall, abs=1e-9), measure


def test_the_first_case_by_hand():
    # ROUGE's tokens (stop words out, Porter stems of words over 3 letters):
    assert rouge_terms("timeline summarization is awesome . coreference resolution is , too .") \
        == ["timelin", "summar", "awesom", "corefer", "resolut"]
    assert rouge_terms("doing some metric checks .") == ["metric", "check"]
    # Alignment for precision: an identical summary costs 0 at any distance, so Jan 2's
    # "timeline summarization ." ties between Jan 1 and Jan 2 and takes the earlier; Jan 3
    # has no word in common with anything (cost 1/2 against Jan 2 and Jan 4: Jan 2); Jan 5
    # shares "alignments" with Jan 4 (cost (1 - 1/2) (1 - 2/7)).
    to_ref, to_sys = alignment(SAME_NUMBER, REFERENCE)
    assert to_ref == {D(2010, 1, 2): D(2010, 1, 1), D(2010, 1, 3): D(2010, 1, 2),
                      D(2010, 1, 5): D(2010, 1, 4)}
    assert to_sys == {D(2010, 1, 1): D(2010, 1, 2), D(2010, 1, 2): D(2010, 1, 2),
                      D(2010, 1, 4): D(2010, 1, 5)}
    # Precision: 2 hits a day apart (x 1/2) + 0 + 1 hit ("align") a day apart (x 1/2) over
    # the system's 6 unigrams: 1.5 / 6. Recall: Jan 1 gets 2 x 1/2, Jan 2 gets 2, Jan 4 gets
    # 1 x 1/2, over the reference's 2 + 5 + 2 unigrams: 3.5 / 9.
    ar1 = score(SAME_NUMBER, REFERENCE)["AR-1"]
    assert (ar1.precision, ar1.recall) == (1.5 / 6, 3.5 / 9)


def test_date_f1_and_concat():
    dates = date_prf(SAME_NUMBER, REFERENCE)
    assert (dates.precision, dates.recall) == (1 / 3, 1 / 3)
    assert concat_rouge(REFERENCE, REFERENCE, 2).f1 == 1.0


def test_empty_timelines_score_zero():
    assert score({}, REFERENCE)["AR-1"] == PRF(0.0, 0.0)
    assert score(SAME_NUMBER, {})["AR-2"] == PRF(0.0, 0.0)
    assert PRF(0.0, 0.0).f1 == 0.0


def test_average_takes_f1_of_the_mean_precision_and_recall():
    mean = average([{"AR-1": PRF(1.0, 0.0)}, {"AR-1": PRF(0.0, 1.0)}])["AR-1"]
    assert (mean.precision, mean.recall, mean.f1) == (0.5, 0.5, 0.5)  # not the mean F1, 0
