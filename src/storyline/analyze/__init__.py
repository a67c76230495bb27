"""Where sources disagree, and when things happened: the analysis beside the brief.

It reads every sentence of the cluster, not only the brief's, with spaCy (only the
sentences that hold a number or a date are parsed): `figures` finds the disagreements
and the changes over time, `dates` the timeline.
"""

from __future__ import annotations

from ..model import Article, Change, Disagreement, Event, Fact, Sentence
from . import dates, figures, language


def analyze(articles: list[Article], sentences: list[Sentence], facts: list[Fact],
            ) -> tuple[tuple[Disagreement, ...], tuple[Change, ...], tuple[Event, ...]]:
    """The disagreements, the changes over time and the timeline of the given facts'
    sentences (all the cluster's facts, or only those not seen before)."""
    wanted = sorted(k for f in facts for k in f.members)
    support = {k: len(f.articles) for f in facts for k in f.members}
    priority = [support[k] - sentences[k].position for k in wanted]  # widely told, early
    docs = {wanted[i]: doc for i, doc in
            language.parse([sentences[k] for k in wanted], priority).items()}
    files = {a.id: a.file for a in articles}
    found = dates.candidates(sentences, facts, articles)
    events, conflicts = dates.timeline(sentences, facts, articles, found, docs)
    published = {a.id: a.published for a in articles}
    fact_of = {k: i for i, fact in enumerate(facts) for k in fact.members}
    disagreements, changes = figures.compare(docs, sentences, files, published, fact_of)
    return disagreements + conflicts, changes, events
