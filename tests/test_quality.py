"""Quality regression: the default mode's ROUGE on fixed subsets of the benchmark sets.

The floors are pinned a little under what the default mode scores now and are only
raised, except for a stated reason: a change that makes briefs worse fails here before it
lands. They were lowered once, for issue 12: briefs that a reader can follow (no sentence
that leans on one the brief lacks, no quotation without its speaker, no surname before
its full name, the main news first) cost about 0.5 ROUGE-1 and 0.8 ROUGE-2 on these
subsets, as BENCHMARKS.md measures on the whole sets. The shipped weights
were fitted on all of Multi-News dev, so its subset is in-sample: this guards against
regressions, it does not measure quality (BENCHMARKS.md does, out of fold). The test
skips when ../shared/data is absent (it is present in CI).
"""

import numpy as np
import pytest
from conftest import SHARED_DATA

from storyline import Options, summarize
from storyline.evaluate.data import read_clusters
from storyline.evaluate.rouge import Rouge, cut

WORDS = 250
# (data file, clusters from the start, measure, ROUGE-1 floor, ROUGE-2 floor); measured
# 46.11 / 15.64 and 37.83 / 7.37 when pinned (before issue 12: 46.56 / 16.14 and
# 38.14 / 7.53). The DUC ROUGE-2 floor was lowered once more, with its ROUGE-1 floor
# raised, for issue 12's second round (an opening paragraph, articles far from the
# opener's story left out): these 10 clusters went to 38.32 / 6.99, while all 50 went
# from 39.63 / 8.55 to 40.07 / 8.52 and the blind readers preferred the new briefs.
# The Multi-News ROUGE-1 floor went down by 0.15 for issue 12's fourth round: these 50
# clusters went from 46.06 / 15.79 to 45.89 / 15.84, all 250 from 45.78 / 16.13 to
# 45.79 / 16.10 (more sentences that lean back are left out; headlines cut off). In the
# same round the DUC ROUGE-1 floor went down by 0.4: leaving out facts under half the
# best one's score took these 10 clusters from 38.36 / 7.29 to 37.81 / 6.98, while all
# 50 went from 40.07 / 8.56 to 40.10 / 8.72. In issue 12's fifth round it went down by
# 0.2 more: 37.81 / 6.98 to 37.62 / 7.11 (captions, corrections, a writer's cries and
# pronouns after an opening phrase left out), all 50 from 40.10 / 8.72 to 40.10 / 8.83;
# then to 35.78 / 6.46 when a brief stopped ending on stray lines (all 50: 40.05 / 8.75
# to 39.62 / 8.64; DUC's topic clusters lose the topic's other events from a 250-word
# summary's tail, while two blind readers preferred the brief without them in 43 of 44
# judgements of 120-word briefs, BENCHMARKS.md, issue 12's fifth round). The same round's
# stray gate (a fact of another strand is not told) took the Multi-News 50 from over 45.8 /
# 15.5 to 45.56 / 15.99, all 250 from 45.79 / 16.21 to 45.48 / 16.08, and readers
# preferred it in 84 of 126 judgements (select.STRAY); then to 45.29 / 15.74 when the
# writer's "we" came to need a speaker as "I" does (all 250: 45.45 / 16.02 to 45.37 /
# 15.93), and to 45.13 / 15.71 with each article told together and video blurbs left out
# (all 250: 45.34 / 15.92; readers preferred the order in 44 of 54 judgements). Issue
# 12's sixth round took it to 44.62 / 15.47 when another article's lead no longer retells
# the opener's news in a cluster of a few articles (all 250: 45.27 / 15.90 to 44.74 /
# 15.63; two blind readers preferred it in 21 of 33 clusters each, select.RETELL_ARTICLES),
# then to 44.32 / 15.37 when a stray ending came to be one under 0.2 cosine rather than 0.1
# (all 250: 44.91 / 15.73 to 44.71 / 15.64; readers would run it in 45 of 78 judgements,
# order.STRAY_ENDING); then to 44.20 / 14.96 when the brief came to go on with its opener's
# article (all 250: 44.74 / 15.68 to 44.68 / 15.58; readers would run it in 90 of 144
# judgements, select.HOME_BONUS), and to 44.00 / 14.97 when it came to do so more strongly (0.2;
# all 250: 44.36 / 15.29; readers 83 of 134 judgements); the DUC 10 from 35.6 / 6.4 to
# 35.35 / 6.67 then (all 50: 38.75 / 8.35 to 38.17 / 8.06: a 250-word topic summary loses other
# articles' events). The rest of the seventh round's rules (clutter, quotations, given names)
# took the Multi-News 50 to 43.93 / 15.03 (all 250: 44.22 / 15.21), and a possessive that
# ends a name ("Prevention's West Nile" is no person's) to 43.60 / 15.03 (all 250: 44.20 /
# 15.22, level). Issue 12's eighth round took it to 43.16 / 14.74 (all 250: 44.13 / 15.16):
# "the can" waits for a sentence that told of "a rusty can" (context.points_back; readers
# would run it in 13 and 13 of 14 changed briefs), and a sentence mentions every noun it
# does not tell as known. The ninth round's rules (leads that tell background open only
# when no news lead can, pronoun clauses, captions, credits, imperatives) took it to 42.99
# / 14.67 (all 250: 44.12 / 15.16 to 44.08 / 15.16; readers would run it in 19 and 18 of
# 22 changed briefs, benchmarks/editor/ab_tenth.jsonl), and the second batch (a writer's
# "Fortunately,", "If passed,", captions before a full date, a tribute's "X was a ..."
# lead) to 42.69 / 14.45 (all 250 level at 44.09 / 15.16; readers 10 and 11 of 15,
# ab_tenth2.jsonl). The twelfth session's rules (an article in one voice, a quotation's
# inside, a lead past a cut opening, link widgets) took it to 42.49 / 14.49 (all 250: 44.03
# / 15.13 to 43.97 / 15.12; readers would run it in 12 and 11 of 14, ab_twelfth.jsonl).
# Issue 12's fourteenth round took it from 43.70 / 14.98 to 43.23 / 14.29 when a brief of a
# few articles came to be retold as its opener's article tells it (select.walk_home; all
# 250: 44.62 / 15.64 to 44.81 / 15.64; readers would run it in 18 and 16 of 28 changed
# Multi-News briefs and in 18 and 18 of 24 Timeline17 days, ab_home_walk*.jsonl). The
# seventeenth round's reading order (the opener's article first in its phase) took its
# ROUGE-2 just under 14.00 (all 250: 44.60 / 15.56 to 44.54 / 15.54; readers would run the
# new order in 6 and 5 of 7 changed briefs, ab_home_first_in_phase.jsonl).
SUBSETS = [
    ("multinews_dev250.jsonl", 50, "f1", 42.4, 13.9),
    ("duc2006.jsonl", 10, "recall", 35.0, 6.4),
]


@pytest.mark.parametrize(("name", "clusters", "measure", "rouge1", "rouge2"), SUBSETS)
def test_the_default_mode_keeps_its_rouge(name, clusters, measure, rouge1, rouge2):
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the benchmark data are not in the repo)")
    rouge = Rouge(measure)
    options = Options(words=WORDS, analysis=False)
    scores = []
    for cluster in list(read_clusters(path))[:clusters]:
        brief = summarize(cluster.articles, options=options)
        scores.append(rouge.score(cut([s.text for s in brief.sentences], WORDS),
                                  cluster.references))
    r1 = np.mean([s["rouge1"] for s in scores])
    r2 = np.mean([s["rouge2"] for s in scores])
    assert r1 >= rouge1 and r2 >= rouge2, f"ROUGE-1/2 {r1:.2f}/{r2:.2f} under {rouge1}/{rouge2}"
