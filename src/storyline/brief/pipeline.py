"""summarize(): the stages in a line, nothing else."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from ..analyze import analyze
from ..errors import EmptyInputError, OptionsError
from ..model import Article, Brief, BriefSentence, Fact, Sentence, cite
from ..options import Options
from . import clean, dating, focus, group, order, phases, segment, updates, vectors
from .ingest import to_articles
from .score import SCORERS
from .select import SELECTORS


def summarize(documents: Iterable[str | Article | dict], words: int | None = None, *,
              options: Options | None = None,
              since: Iterable[str | Article | dict] | None = None) -> Brief:
    """One brief from the articles about one event.

    `documents` are article texts (plain or HTML), `Article` values or document objects;
    `words` is the budget (default 120), never exceeded. `options` holds every setting,
    the budget included: give `words` or `options`, not both. `since` are articles
    already seen, in the same forms: the brief then tells only what they do not.
    """
    if options is not None and words is not None:
        raise OptionsError("give the word budget as words= or inside options=, not both")
    options = options or Options(**({} if words is None else {"words": words}))
    articles = dating.date_all(to_articles(documents), fallback=options.published)
    articles, removed = clean.clean_all(articles)
    sentences = segment.split_all(articles)
    if not any(segment.is_statement(s.text) for s in sentences):
        raise EmptyInputError("no complete sentence is left once page clutter is removed "
                              "(only headlines, captions or fragments); give the full articles")
    old = _seen_sentences(since) if since is not None else []
    query = [options.focus] if options.focus else []
    rows = vectors.tfidf(sentences, [s.text for s in old] + query)
    n = len(sentences)
    matrix = rows[:n]
    facts = group.group(sentences, matrix)
    new = updates.unseen(facts, matrix, rows[n:n + len(old)]) if since is not None else facts
    scores = SCORERS[options.scorer](new, sentences, matrix)
    if query:
        scores = focus.focused(scores, focus.relevance(new, matrix, rows[-1]))
    chosen = SELECTORS[options.selector](new, scores, sentences, matrix, options.words)
    ordered = order.by_position(chosen, new, scores, sentences)
    files = {a.id: a.file for a in articles}
    brief_sentences = tuple(_brief_sentence(new[i], sentences, files) for i in ordered)
    disagreements, changes, timeline = (analyze(articles, sentences, new) if options.analysis
                                        else ((), (), ()))
    stats = {
        "articles": len(articles),
        "sentences": len(sentences),
        "facts": len(facts),
        "words": sum(len(s.text.split()) for s in brief_sentences),
        "budget": options.words,
        "removed": dict(sorted(Counter(r.reason for r in removed).items())),
    }
    if since is not None:
        stats["already_seen"] = len(facts) - len(new)
    if options.focus:
        stats["focus"] = options.focus
    return Brief(sentences=brief_sentences, articles=tuple(articles), removed=tuple(removed),
                 disagreements=disagreements, changes=changes, timeline=timeline,
                 phases=phases.find(articles), stats=stats)


def _seen_sentences(since: Iterable[str | Article | dict]) -> list[Sentence]:
    """The sentences of the articles already seen, cleaned and split as the new ones."""
    if isinstance(since, (str, bytes, dict)):
        raise OptionsError("since= takes a list of articles (texts, Article values or "
                           f"objects), not a single {type(since).__name__}")
    seen = list(since)
    if not seen:
        return []
    seen = [a if isinstance(a, Article) else to_articles([a], where="the articles already seen")[0]
            for a in seen]  # their ids may repeat (several clusters): number them anew
    seen = [replace(a, id=f"seen-{i}") for i, a in enumerate(seen, 1)]
    articles, _ = clean.clean_all(seen)
    return segment.split_all(articles)


def _brief_sentence(fact: Fact, sentences: list[Sentence],
                    files: dict[str, str | None]) -> BriefSentence:
    """The fact's representative, citing each supporting article once, in cluster order."""
    return BriefSentence(sentences[fact.representative].text,
                         cite(fact.members, sentences, files))
