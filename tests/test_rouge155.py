"""ROUGE-2 and ROUGE-SU4 as NIST scored DUC: cases worked out by hand, and golden numbers
from ROUGE-1.5.5 itself (`ROUGE-1.5.5.pl -n 2 -x -m -2 4 -u -f A -p 0.5 -t 0 [-l N]` with
its WordNet 2.0 exception database, on these made-up texts, one reference set per run)."""

import json

import pytest
from conftest import SHARED_DATA

from storyline.evaluate.rouge155 import (DucRouge, bigrams, jackknife, porter, recall,
                                         skip_bigrams, tokens)

CAT = "the cat sat on the mat"


def score(peer, references, words=None):
    """ROUGE-1.5.5's own numbers for one reference set (no jackknife), as fractions."""
    peer_tokens = tokens(peer, words)
    models = [tokens(r, words) for r in references]
    return (recall(bigrams(peer_tokens), [bigrams(m) for m in models]),
            recall(skip_bigrams(peer_tokens), [skip_bigrams(m) for m in models]))


# --- by hand ----------------------------------------------------------------------------

def test_bigram_recall_by_hand():
    # 5 reference bigrams; "the cat", "on the", "the mat" are in the summary
    assert score(CAT, ["the cat was on the mat"])[0] == 0.6


def test_skip_bigrams_with_unigrams_by_hand():
    # 6 tokens: unigrams of the first 5 (ROUGE-1.5.5 leaves out the last one's), and pairs
    # with at most 4 words between: 5 + 4 + 3 + 2 + 1 = 15; 20 in all
    counts = skip_bigrams("the cat was on the mat".split())
    assert sum(counts.values()) == 20
    assert counts[("the",)] == 2 and ("mat",) not in counts
    assert counts[("the", "mat")] == 2 and counts[("the", "the")] == 1
    # hits: unigrams the 2, cat, on; pairs the-cat, the-on, the-the, the-mat 2, cat-on,
    # cat-the, cat-mat, on-the, on-mat: 4 + 10 = 14 of 20
    assert score(CAT, ["the cat was on the mat"])[1] == 0.7


def test_the_gap_is_at_most_four_words():
    counts = skip_bigrams("a b c d e f g".split())
    assert ("a", "f") in counts and ("a", "g") not in counts


def test_several_references_pool_their_counts():
    # -f A: (3 + 0 hits) / (5 + 2 bigrams), not the mean of 3/5 and 0/2
    assert score(CAT, ["the cat was on the mat", "the dog sat"])[0] == round(3 / 7, 5)


def test_jackknife_is_the_mean_over_leaving_each_reference_out():
    references = ["the cat was on the mat", "a cat sat on a mat", "the dog sat"]
    models = [bigrams(r.split()) for r in references]
    peer = bigrams(CAT.split())
    # leave out 1: (2 + 0) / (5 + 2); leave out 2: (3 + 0) / (5 + 2); leave out 3: 5 / 10
    expected = (round(2 / 7, 5) + round(3 / 7, 5) + 0.5) / 3
    assert jackknife(peer, models) == pytest.approx(expected)
    assert DucRouge(100).score([CAT], references)["rouge2"] == pytest.approx(100 * expected)
    assert jackknife(peer, models[:1]) == 0.6  # one reference: no jackknife


def test_humans_are_scored_against_the_other_references_only():
    references = ["the cat was on the mat", "a cat sat on a mat", CAT]
    counts = [bigrams(r.split()) for r in references]
    each = [recall(counts[k], counts[:k] + counts[k + 1:]) for k in range(3)]
    assert DucRouge(100).human_scores(references)["rouge2"] == pytest.approx(100 * sum(each) / 3)


def test_tokens_as_rouge_reads_them():
    # lower case, hyphens split off and dropped, punctuation a space, stems for 4+ letters
    assert tokens("The U.S.-led coalition's 2,000 troops") == [
        "the", "u", "s", "led", "coalit", "s", "2", "000", "troop"]
    assert tokens("Officials said") == ["offici", "say"]  # WordNet: said -> say
    assert tokens("") == []


def test_the_cut_counts_whitespace_words_of_the_raw_text():
    assert tokens("one two-three four five", 3) == ["one", "two", "three", "four"]
    # a line that starts with a space counts an empty first word, as Perl's split does
    assert tokens("  one two\nthree four", 3) == ["one", "two"]
    assert tokens("one two\nthree four", 3) == ["one", "two", "three"]


def test_rouge_porter_differs_from_the_published_algorithm_in_step_4():
    # ROUGE-1.5.5 tries -ment and -ent after the other step-4 suffixes
    assert porter("agreement") == "agreem"
    assert porter("governmental") == "govern"
    assert [porter(w) for w in ("replacement", "relational", "hopping", "filing", "skies",
                                "yesterday", "happy")] == [
        "replac", "relat", "hop", "file", "ski", "yesterdai", "happi"]


# --- golden numbers from ROUGE-1.5.5 ----------------------------------------------------

GOLDEN = [  # peer, references, -l, (ROUGE-2 R, ROUGE-SU4 R)
    (CAT, ["a cat sat on a mat"], None, (0.4, 0.45)),
    ("The U.S.-led coalition's 2,000 troops said they were replacing the agreement.\n"
     "Governmental offices reopened on Monday, officials say.",
     ["U.S.-led troops (2,000 of them) say the agreement was replaced.",
      "Officials said government offices would reopen Monday; the coalition agreed."],
     None, (0.28571, 0.40566)),
    ("  Rescuers pulled 12 survivors from the rubble\nof collapsed buildings in Izmit on "
     "Tuesday, officials said.",
     ["Rescuers pulled survivors from collapsed buildings in Izmit.",
      "On Tuesday, 12 people were pulled alive from the rubble, officials said."],
     10, (0.25, 0.30263)),
    ("Children went to the hospitals; geese flew better than the best planes.",
     ["A child goes to hospital. The goose flies well, better than good planes."],
     None, (0.33333, 0.43548)),
    ("word", ["word word"], None, (0.0, 0.0)),
    ("", ["nothing to match here"], None, (0.0, 0.0)),
]


@pytest.mark.parametrize("peer, references, words, expected", GOLDEN)
def test_golden_numbers_from_rouge_155(peer, references, words, expected):
    assert score(peer, references, words) == expected


@pytest.mark.skipif(not (SHARED_DATA / "duc2007_update_b_peer_outputs.jsonl").exists(),
                    reason="needs ../shared/data (DUC 2007 update set B)")
def test_the_official_duc_2007_update_figures():
    """The published means of the data README: best system 40, CLASSY04, the lead
    baseline and the humans, each to the published two decimals."""
    topics = [json.loads(line) for line in open(SHARED_DATA / "duc2007_update_b.jsonl")]
    references = {t["id"]: t["summaries"] for t in topics}
    peers: dict[str, dict[str, str]] = {}
    for line in open(SHARED_DATA / "duc2007_update_b_peer_outputs.jsonl"):
        o = json.loads(line)
        peers.setdefault(o["system"], {})[o["id"]] = o["summary"]
    rouge = DucRouge(100)

    def mean(scores):
        return tuple(round(sum(s[m] for s in scores) / len(scores), 2)
                     for m in ("rouge2", "rougeSU4"))

    published = {"40": (10.56, 13.42), "58-baseline-CLASSY04": (8.88, 12.31),
                 "35-baseline-lead-most-recent": (5.50, 9.38)}
    for system, figures in published.items():
        assert mean([rouge.score(s, references[t]) for t, s in peers[system].items()]) == figures
    assert mean([rouge.human_scores(r) for r in references.values()]) == (13.80, 16.78)
