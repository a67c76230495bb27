"""summarize(): the stages in a line, nothing else."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from . import clean, group, order, segment, vectors
from .errors import EmptyInputError, OptionsError
from .ingest import to_articles
from .model import Article, Brief, BriefSentence, Citation, Fact, Sentence
from .options import Options
from .score import SCORERS
from .select import SELECTORS


def summarize(documents: Iterable[str | Article | dict], words: int | None = None, *,
              options: Options | None = None) -> Brief:
    """One brief from the articles about one event.

    `documents` are article texts (plain or HTML), `Article` values or document objects;
    `words` is the budget (default 120), never exceeded. `options` holds every setting,
    the budget included: give `words` or `options`, not both.
    """
    if options is not None and words is not None:
        raise OptionsError("give the word budget as words= or inside options=, not both")
    options = options or Options(**({} if words is None else {"words": words}))
    articles = to_articles(documents)
    articles, removed = clean.clean_all(articles)
    sentences = segment.split_all(articles)
    if not any(segment.is_statement(s.text) for s in sentences):
        raise EmptyInputError("no complete sentence is left once page clutter is removed "
                              "(only headlines, captions or fragments); give the full articles")
    matrix = vectors.tfidf(sentences)
    facts = group.group(sentences, matrix)
    scores = SCORERS[options.scorer](facts, sentences, matrix)
    chosen = SELECTORS[options.selector](facts, scores, sentences, matrix, options.words)
    ordered = order.by_position(chosen, facts, scores, sentences)
    files = {a.id: a.file for a in articles}
    brief_sentences = tuple(_brief_sentence(facts[i], sentences, files) for i in ordered)
    stats = {
        "articles": len(articles),
        "sentences": len(sentences),
        "facts": len(facts),
        "words": sum(len(s.text.split()) for s in brief_sentences),
        "budget": options.words,
        "removed": dict(sorted(Counter(r.reason for r in removed).items())),
    }
    return Brief(sentences=brief_sentences, articles=tuple(articles), removed=tuple(removed),
                 stats=stats)


def _brief_sentence(fact: Fact, sentences: list[Sentence],
                    files: dict[str, str | None]) -> BriefSentence:
    """The fact's representative, citing each supporting article once, in cluster order
    (`files` maps article ids to file names, in cluster order)."""
    first_in_article: dict[str, Sentence] = {}
    for k in fact.members:
        first_in_article.setdefault(sentences[k].article, sentences[k])
    citations = tuple(Citation(a, files[a], s.start, s.end, s.text)
                      for a in files if (s := first_in_article.get(a)))
    return BriefSentence(sentences[fact.representative].text, citations)
