"""Where sources disagree, and when things happened: the analysis beside the brief.

It reads every sentence of the cluster, not only the brief's: `dates` finds the timeline
by rules (`timex`), `figures` the disagreements and the changes over time. spaCy parses
only what the rules cannot settle: the sentences whose date may or may not date their
main event, and those whose figures may count the same thing as another article's at
one time or as a change (`figures.worth_parsing`): of these only the entities first, then
a parse of those whose figures the entities leave comparable, then, only where their
figures contradict, the other sentences of those articles with the same key; a cluster
with none of these never loads it.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

from ..model import Article, Change, Disagreement, Event, Fact, Sentence
from . import dates, figures, language

T = TypeVar("T")


def analyze(articles: list[Article], sentences: list[Sentence], facts: list[Fact],
            ) -> tuple[tuple[Disagreement, ...], tuple[Change, ...], tuple[Event, ...]]:
    """The disagreements, the changes over time and the timeline of the given facts'
    sentences (all the cluster's facts, or only those not seen before)."""
    return run(steps(articles, sentences, facts))


def run(work: Generator[language.Request, dict[int, object], T]) -> T:
    """Do the work of `steps` (or of a generator that yields from it), parsing what it
    asks for with `language.parse`, and return what it returns."""
    try:
        request = next(work)
        while True:
            request = work.send(language.parse(*request))
    except StopIteration as done:
        return done.value


def steps(articles: list[Article], sentences: list[Sentence], facts: list[Fact],
          ) -> Generator[language.Request, dict[int, object], tuple]:
    """`analyze` as a generator: it yields the arguments of each `language.parse` it
    needs and is sent the parse back, so that a batch can parse for several clusters
    at once (`language.parse_many`); it returns what `analyze` does."""
    found = dates.candidates(sentences, facts, articles)
    undecided = {k for k, c in found.items() if not c.anchored}  # the parse settles these
    fact_of = {k: i for i, fact in enumerate(facts) for k in fact.members}
    texts = {k: (sentences[k].article, sentences[k].text) for k in fact_of}
    counted = figures.worth_parsing(texts, {a.id: a.published for a in articles}, fact_of)
    chosen = sorted(undecided | counted)
    support = {k: len(f.articles) for f in facts for k in f.members}
    priority = [support[k] - sentences[k].position for k in chosen]  # widely told, early
    # The date candidates are tagged and parsed; the figures' sentences first get only
    # their entities, which may show that their figures cannot be compared (no figure,
    # other times named): the others are then tagged and parsed too.
    parsed = yield ([sentences[k] for k in chosen], priority,
                    {i for i, k in enumerate(chosen) if k in counted},
                    {i for i, k in enumerate(chosen) if k in undecided})
    docs = {chosen[i]: doc for i, doc in parsed.items()}
    files = {a.id: a.file for a in articles}
    events, conflicts = dates.timeline(sentences, facts, articles, found, docs)
    published = {a.id: a.published for a in articles}
    named = {k: d for k, d in docs.items() if k in counted}
    counted = figures.worth_parsing(texts, published, fact_of, named)
    figure_docs = {k: docs[k] for k in counted if k in undecided}  # parsed already
    if more := sorted(counted - undecided):
        parsed = yield ([sentences[k] for k in more], None, set(), None)
        figure_docs.update((more[i], language.with_entities(doc, named[more[i]]))
                           for i, doc in parsed.items())
    # Where figures contradict, the other sentences of their articles with the same key
    # may show that the key counts two things (`figures._also_given`): parse those too,
    # until no contradiction asks for more.
    asked, read = set(figure_docs), {}  # `read`: each sentence's figures, read once
    while more := sorted(figures.same_key_in_articles(
            figures.contradicting(figure_docs, sentences, files, published, fact_of, read),
            texts) - asked):
        asked.update(more)
        parsed = yield ([sentences[k] for k in more], None, None, None)
        figure_docs.update((more[i], doc) for i, doc in parsed.items())
    disagreements, changes = figures.compare(figure_docs, sentences, files, published,
                                             fact_of, read)
    return disagreements + conflicts, changes, events
