"""summarize(): the stages in a line, nothing else."""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Iterable
from dataclasses import replace

from .. import regex_cache
from ..errors import EmptyInputError, OptionsError
from ..model import Article, Brief, BriefSentence, Sentence
from ..options import Options
from . import (
    checks,
    clean,
    context,
    dating,
    focus,
    group,
    order,
    phases,
    render,
    segment,
    select,
    support,
    updates,
    vectors,
)
from .ingest import to_articles
from .lazy import OnDemand
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
    work = steps(documents, words, options=options, since=since)
    if options is not None and not options.analysis:
        return _without_parses(work)
    from ..analyze import run  # the analysis's parses, made one at a time
    return run(work)


def steps(documents: Iterable[str | Article | dict], words: int | None = None, *,
          options: Options | None = None, since: Iterable[str | Article | dict] | None = None,
          ) -> Generator[tuple, dict, Brief]:
    """`summarize` as a generator: it yields the parses its analysis asks for (the
    arguments of `analyze.language.parse`) and is sent them back, so that a batch can
    parse for several clusters at once; it returns the brief."""
    if options is not None and words is not None:
        raise OptionsError("give the word budget as words= or inside options=, not both")
    options = options or Options(**({} if words is None else {"words": words}))
    articles = dating.date_all(to_articles(documents), fallback=options.published)
    articles, foreign = checks.english(articles)
    articles, budgets = checks.without_budgets(articles)
    articles, removed = clean.clean_all(articles)
    sentences = segment.split_all(articles)
    if not any(segment.is_statement(s.text) for s in sentences):
        if checks.in_capitals(" ".join(a.text for a in articles)):
            raise EmptyInputError("the articles are written in capital letters only (a "
                                  "broadcast transcript or an all-caps wire?): sentences are "
                                  "told by their lower-case words; give the text in normal case")
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
    relevance = focus.relevance(new, matrix, rows[-1]) if query else None
    if relevance is not None:
        scores = focus.focused(scores, relevance)
    # Whether a sentence may stand in a brief, read when a stage first asks: the stages
    # ask about the sentences they consider, and the warnings about an article's prose
    # only until it has enough (on Multi-News, about a third are never read).
    captions = clean.credited(sentences)
    lines = [s.text for s in sentences]
    out_of_date = updates.overtaken(lines)
    fit = OnDemand(n, lambda k: k not in captions and k not in out_of_date
                   and segment.is_statement(sentences[k].text)
                   and not segment.cut_subject(sentences[k].text)
                   and not clean.is_clutter(sentences[k].text)
                   and not context.is_aside(sentences[k].text))
    reading = context.read(lines, fit, [s.index == 0 for s in sentences],
                           [s.paragraph for s in sentences])
    periods = phases.find(articles)  # in time order; the news is in the latest
    if periods:  # a time whose leads all set a scene or tell background (two CNN recaps, a
        # feature's opening) is no phase of news of its own: it joins the time before it
        periods = phases.merged(periods, [a.id for a in articles], lambda ids: any(
            select.tells_news(sentences[k].text)
            for k in select.openers(sentences, reading, matrix, ids)))
    if periods:
        scores = phases.recency(scores, new, periods)
    told = [set(p.articles) for p in reversed(periods[-1 - phases.TOLD:])] or [None]
    if relevance is not None:  # a focused brief opens with relevant news, in no time order
        told = told[:1]
    openers = [select.openers(sentences, reading, matrix, articles) for articles in told]
    newest = [a for a in articles if told[0] is None or a.id in told[0]]
    if relevance is None and openers[0]:  # a story that ran for days opens with its latest
        # news, a report's lead (not a feature's opening) that agrees with the others
        openers[0] = phases.latest_news(
            openers[0], select.best(openers[0]), lambda k: sentences[k].article, newest,
            lambda ids: {k: v for k, v in select.openers(sentences, reading, matrix, ids).items()
                         if select.reports_news(sentences[k].text)},
            lambda k, v: select.undated_agreement(sentences[k].text, v))
    stray: set[str] = set()
    if openers[0]:  # the brief follows the story its opener tells
        main = sentences[select.best(openers[0])].article
        if not periods and relevance is None:  # and goes on with news of its opener's time
            scores = phases.recency_within(scores, new, articles,
                                           next(a.published for a in articles if a.id == main))
        stray = checks.strays(main, [a.id for a in articles], matrix, sentences)
        if stray:
            reading = replace(reading, fit=OnDemand(
                n, lambda k: sentences[k].article not in stray and fit[k]))
            openers = [{k: v for k, v in group.items() if sentences[k].article not in stray}
                       for group in openers]
    if relevance is not None:
        fact_of = {k: i for i, f in enumerate(new) for k in f.members}
        openers = [{k: v * float(focus.focused(1.0, relevance[fact_of[k]]))
                    for k, v in group.items() if k in fact_of} for group in openers]
    floor = select.FOCUS_MIN_RELATIVE_SCORE if relevance is not None else select.MIN_RELATIVE_SCORE
    picks = SELECTORS[options.selector](new, scores, sentences, matrix, options.words,
                                        reading, openers, floor=floor)
    # (a focused brief's first choice is its most relevant news, opener or not)
    opened = bool(picks) and (picks[0].sentence in openers[0] or relevance is not None)
    picks = order.reading_order(picks, scores, sentences, reading, opened=opened,
                                phases=[set(p.articles) for p in periods])
    files = {a.id: a.file for a in articles}
    texts = {a.id: a.text for a in articles}
    phase_of = {a: i for i, p in enumerate(periods) for a in p.articles}
    sources = [support.sourced(p.sentence, new[p.fact], sentences, matrix, files)
               for p in picks]  # (each pick's citations and how many articles report it)
    brief_sentences = tuple(
        BriefSentence(render.printed(sentences[p.sentence].text,
                                     texts[sentences[p.sentence].article]), cited, phase)
        for p, (cited, _), phase in zip(picks, sources, _told_in(
            [sentences[p.sentence].article for p in picks], [c for c, _ in sources],
            phase_of)))
    kept = order.without_stray_ending(picks, [reported for _, reported in sources],
                                      sentences, matrix, [s.phase for s in brief_sentences])
    brief_sentences = brief_sentences[:len(kept)]
    disagreements, changes, timeline = ((yield from analysis(articles, sentences, new))
                                        if options.analysis else ((), (), ()))
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
                 phases=periods, stats=stats,
                 warnings=checks.warnings(articles, sentences, fit, matrix, foreign, budgets,
                                          stray))


def _told_in(articles: list[str], cited: list, phase_of: dict[str, int]) -> list[int | None]:
    """The phase each brief sentence is told in: its article's; for an article placed in
    none (undated), that of the first placed article that states it in full, when the
    line above is told in that phase too (the reading order has put the undated lines
    after every phase: taking another's phase there would head it a second time)."""
    told: list[int | None] = []
    for article, citations in zip(articles, cited):
        phase = phase_of.get(article)
        if phase is None:
            borrowed = next((phase_of[c.article] for c in citations
                             if c.support == "full" and c.article in phase_of), None)
            phase = borrowed if told and borrowed is not None and told[-1] == borrowed else None
        told.append(phase)
    return told


def analysis(articles: list[Article], sentences: list[Sentence], facts: list) -> Generator:
    """The analysis's steps (disagreements, changes, timeline), imported on first use: a
    brief without it does not load its rules at start-up."""
    from ..analyze import steps as analysis_steps
    return analysis_steps(articles, sentences, facts)


def _without_parses(work: Generator[tuple, dict, Brief]) -> Brief:
    """The brief `steps` returns with the analysis off: it asks for no parse, so a brief
    without the analysis never imports it."""
    try:
        next(work)
    except StopIteration as done:
        return done.value
    raise AssertionError("a brief without the analysis asked for a parse")


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


regex_cache.save()  # the stages' patterns, for the next process (storyline/regex_cache.py),
regex_cache.save_at_exit()  # and those compiled as it works
