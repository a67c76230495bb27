"""Phases: the clearly different times a cluster's articles were written in.

A story that develops is reported in bursts: the Hajin offensive in September 2018, the
"final battle" for Baghuz in February 2019. The dated articles (see `brief.dating`) are
split wherever more than `GAP_DAYS` pass without one; each run is a phase. An undated
article joins a phase only when its words are clearly closer to that phase's dated
articles than to any other's (tf-idf over the articles, cosine with each phase's
centroid, the best at least `CLEAR_RATIO` times the runner-up and at least
`MIN_SIMILARITY`); otherwise it belongs to none. A cluster whose dated articles fall in
one run has no phases: it reads as one time. A time whose articles' leads all set a scene
or tell background (two wire recaps, a feature) is no phase of news: `merged` joins it to
the time before it. Within the latest time, a story reported over more than two days
opens on its latest report (`latest_news`): a lead of its last week, or of the week before
when the last has only a feature's opening, and so on; a story of one time (no phases)
reported for more than a week then goes on with news of that report's week
(`recency_within`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from datetime import date

import numpy as np

from ..model import Article, Fact, Phase
from .vectors import terms

GAP_DAYS = 30  # a month without an article separates two phases of a story
# An undated article's best phase against the runner-up, set on DUC 2006 with
# benchmarks/phases.py: 0.83 of the placements right there (1.5: 0.71), 0.90 on DUC 2007.
CLEAR_RATIO = 2.0
MIN_SIMILARITY = 0.05  # below it, the ratio of two near-zero similarities is noise


def find(articles: list[Article]) -> tuple[Phase, ...]:
    """The phases in time order, or () when the dated articles fall in one time."""
    dated = sorted((a.published, i) for i, a in enumerate(articles) if a.published)
    runs: list[list[tuple[str, int]]] = []
    for day, i in dated:
        if runs and _days(runs[-1][-1][0], day) <= GAP_DAYS:
            runs[-1].append((day, i))
        else:
            runs.append([(day, i)])
    if len(runs) < 2:
        return ()
    members = [{i for _, i in run} for run in runs]
    for i, phase in _placed(articles, members).items():
        members[phase].add(i)
    return tuple(Phase(run[0][0], run[-1][0], tuple(articles[i].id for i in sorted(m)))
                 for run, m in zip(runs, members, strict=True))


# A story's latest phase (or its one time) reported over more than MOVED_ON_DAYS has
# moved on since its first reports: its brief opens with the lead of an article of its
# last DEVELOPING_DAYS (its last MOVED_ON_DAYS when it ran a week or less; `latest_news`),
# where the story stands now ("Russia will hire a
# Norwegian company to help retrieve the remains of 118 sailors from the sunken nuclear
# submarine Kursk ..."), not with a report of its first week that agrees best with the
# others ("There have had no banging signals ..." over six weeks of the Kursk's story).
# Readers of 20 story pages found the brief missing the latest news on 9 and 11 of them.
DEVELOPING_DAYS = 7
# Two days are one moment (an evening's event is reported that day and the next); a week
# is not: a dam's story of 2 to 9 March, one article short of "more than a week", opened
# on the 2nd's "residents should not expect to return home before Thursday" after the
# 5th's return and the 9th's repair vote had come in.
MOVED_ON_DAYS = 2
# ... if that lead agrees with the other leads at least this share as well as the best one
# does (the Kursk's last report: 0.77), not when a late article tells something else (a
# football club reopening its stadium after a week of flood reports).
LATEST_AGREEMENT = 0.5
# Within that week, the latest day's lead among those that agree at least this share as
# well as the week's best, a day's date not counted (`plain`): "Four New York Times
# journalists ... have been released and have arrived safely in Tunisia" (0.81 of the
# best) over "... will be released" three days before it; not a side story of the last
# day ("Tripoli's port is back to near-normal business ...", 0.67) over the U.N.'s easing
# of sanctions the day before, nor a country's first case of a flu (0.70 but for its "on
# Friday") over the pandemic declared the day before.
NEWER_AGREEMENT = 0.8


def latest_news(openers: dict[int, float], best: int, article_of: Callable[[int], str],
                articles: list[Article], reports: Callable[[set[str]], dict[int, float]],
                plain: Callable[[int, float], float]) -> dict[int, float]:
    """The openers of a story reported over more than MOVED_ON_DAYS: `reports` (those of
    the given articles that report news) of its last stretch (a week; two days when it ran
    a week or less, `_weeks_back`) that agree with the other leads at least
    LATEST_AGREEMENT as well as the `best` of `openers`, the latest day's among the
    stretch's nearly best (NEWER_AGREEMENT, by `plain` agreement); if none, of the stretch
    before, and so on back to the best's day, never one older than it. `openers` as they
    are for a story of one moment."""
    floor = LATEST_AGREEMENT * openers[best]
    days = {a.id: a.published for a in articles if a.published}
    since = days.get(article_of(best), "")  # (an undated best: only the last week)
    for week in _weeks_back(articles, since or max(days.values(), default=None)):
        last = {k: v for k, v in reports(week).items()
                if v >= floor and days[article_of(k)] >= since}
        if last:
            top = max(plain(k, v) for k, v in last.items())
            near = [k for k, v in last.items() if plain(k, v) >= NEWER_AGREEMENT * top]
            day = max(days[article_of(k)] for k in near)
            return {k: last[k] for k in near if days[article_of(k)] == day}
    return openers


def _weeks_back(articles: list[Article], until: str | None) -> list[set[str]]:
    """The ids of the dated articles a stretch at a time, going back from the latest day,
    when they span more than MOVED_ON_DAYS (else []): the articles of the last
    DEVELOPING_DAYS days (of the last MOVED_ON_DAYS days when they span a week or less),
    then those of as many days up to the latest day before them, and so on; no stretch
    that ends before the day `until`."""
    dated = sorted(((a.published, a.id) for a in articles if a.published), reverse=True)
    span = _days(dated[-1][0], dated[0][0]) if dated else 0
    if span <= MOVED_ON_DAYS:
        return []
    length = DEVELOPING_DAYS if span > DEVELOPING_DAYS else MOVED_ON_DAYS
    weeks: list[set[str]] = []
    while dated and (until is None or dated[0][0] >= until):
        end = dated[0][0]
        weeks.append({i for day, i in dated if _days(day, end) < length})
        dated = [(day, i) for day, i in dated if _days(day, end) >= length]
    return weeks


def merged(periods: tuple[Phase, ...], order: list[str],
           tells_news: Callable[[set[str]], bool]) -> tuple[Phase, ...]:
    """`periods` with each phase whose articles tell no news (`tells_news` of its article
    ids is false) joined to the phase before it (the first to the one after it), the
    articles in cluster `order`; () when one time is left."""
    out = list(periods)
    i = 0
    while len(out) > 1 and i < len(out):
        if tells_news(set(out[i].articles)):
            i += 1
            continue
        j = i - 1 if i else 1
        a, b = sorted((out[i], out[j]), key=lambda p: p.start)
        ids = set(a.articles) | set(b.articles)
        out[min(i, j)] = Phase(a.start, max(a.end, b.end), tuple(x for x in order if x in ids))
        del out[max(i, j)]
        i = 0  # (the joined phase is read again)
    return tuple(out) if len(out) > 1 else ()


# A fact that only the earlier phases report keeps this share of its score: a brief of
# a story that developed tells mostly what is new, with the earlier phases as background.
# Set by reading the bundled example (two phases); the dev sets have few multi-phase
# clusters to measure it on.
EARLIER = 0.7
# The earlier phases whose news the brief tells (each by its own lead, when the budget
# allows), the most recent first: a long-running topic's many bursts cannot all be told.
TOLD = 2


def recency(scores, facts: list[Fact], periods: tuple[Phase, ...]):
    """The facts' scores with those reported only in earlier phases lowered."""
    return _lowered(scores, facts, {a for p in periods[:-1] for a in p.articles})


def recency_within(scores, facts: list[Fact], articles: list[Article], now: str | None):
    """The facts' scores, in a story of one time (no phases) reported over more than
    DEVELOPING_DAYS, with those reported only more than DEVELOPING_DAYS before `now`, the
    day of the report the brief opens on, lowered as an earlier phase's are (`recency`):
    after its opening on a Dorset school's closure in June, seven weeks of school
    closures went on with the first week's "Five schools have been closed ..."."""
    days = [a.published for a in articles if a.published]
    if now is None or not days or _days(min(days), max(days)) <= DEVELOPING_DAYS:
        return scores
    return _lowered(scores, facts, {
        a.id for a in articles
        if a.published and a.published < now and _days(a.published, now) > DEVELOPING_DAYS})


def _lowered(scores, facts: list[Fact], earlier: set[str]):
    """The facts' scores, those only the `earlier` articles report times EARLIER."""
    return scores * np.array([EARLIER if set(f.articles) <= earlier else 1.0 for f in facts])


def _placed(articles: list[Article], members: list[set[int]]) -> dict[int, int]:
    """The undated articles that clearly belong to one phase: article index -> phase."""
    undated = [i for i, a in enumerate(articles) if not a.published]
    if not undated:
        return {}
    vectors = _vectors(articles)
    centroids = [_normalized(sum((Counter(vectors[i]) for i in m), Counter())) for m in members]
    placed = {}
    for i in undated:
        similarity = sorted(((_cosine(vectors[i], c), p) for p, c in enumerate(centroids)),
                            reverse=True)
        (best, phase), (second, _) = similarity[0], similarity[1]
        if best >= MIN_SIMILARITY and best >= CLEAR_RATIO * second:
            placed[i] = phase
    return placed


def _vectors(articles: list[Article]) -> list[dict[str, float]]:
    """One L2-normalized tf-idf vector per article, idf over the cluster's articles;
    words that every article uses say nothing about when it was written."""
    counts = [Counter(terms(a.text)) for a in articles]
    df = Counter(t for c in counts for t in c)
    n = len(articles)
    return [_normalized({t: (1 + math.log(k)) * math.log(n / df[t])
                         for t, k in c.items() if df[t] < n}) for c in counts]


def _normalized(vector) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
    return {t: x / norm for t, x in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def _days(a: str, b: str) -> int:
    return abs((date.fromisoformat(b) - date.fromisoformat(a)).days)
