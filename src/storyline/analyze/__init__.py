"""Where sources disagree, and when things happened: the analysis beside the brief.

It reads every sentence of the cluster, not only the brief's: `dates` finds the timeline
by rules (`timex`), `figures` the disagreements and the changes over time. spaCy parses
only what the rules cannot settle: the sentences whose date may or may not date their
main event, and those whose figures may count the same thing as another article's at
one time or as a change (`figures.worth_parsing`), then, only where their figures
contradict, the other sentences of those articles with the same key; a cluster with
none of these never loads it.
"""

from __future__ import annotations

from ..model import Article, Change, Disagreement, Event, Fact, Sentence
from . import dates, figures, language


def analyze(articles: list[Article], sentences: list[Sentence], facts: list[Fact],
            ) -> tuple[tuple[Disagreement, ...], tuple[Change, ...], tuple[Event, ...]]:
    """The disagreements, the changes over time and the timeline of the given facts'
    sentences (all the cluster's facts, or only those not seen before)."""
    found = dates.candidates(sentences, facts, articles)
    undecided = {k for k, c in found.items() if not c.anchored}  # the parse settles these
    fact_of = {k: i for i, fact in enumerate(facts) for k in fact.members}
    texts = {k: (sentences[k].article, sentences[k].text) for k in fact_of}
    counted = figures.worth_parsing(texts, {a.id: a.published for a in articles}, fact_of)
    chosen = sorted(undecided | counted)
    support = {k: len(f.articles) for f in facts for k in f.members}
    priority = [support[k] - sentences[k].position for k in chosen]  # widely told, early
    docs = {chosen[i]: doc for i, doc in language.parse(
        [sentences[k] for k in chosen], priority,
        entities={i for i, k in enumerate(chosen) if k in counted}).items()}
    files = {a.id: a.file for a in articles}
    events, conflicts = dates.timeline(sentences, facts, articles, found, docs)
    published = {a.id: a.published for a in articles}
    figure_docs = {k: d for k, d in docs.items() if k in counted}
    # Where figures contradict, the other sentences of their articles with the same key
    # may show that the key counts two things (`figures._also_given`): parse those too,
    # until no contradiction asks for more.
    asked = set(counted)
    while more := sorted(figures.same_key_in_articles(
            figures.contradicting(figure_docs, sentences, files, published, fact_of),
            texts) - asked):
        asked.update(more)
        figure_docs.update((more[i], doc) for i, doc in language.parse(
            [sentences[k] for k in more]).items())
    disagreements, changes = figures.compare(figure_docs, sentences, files, published, fact_of)
    return disagreements + conflicts, changes, events
