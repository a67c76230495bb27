"""The timeline of a long story: from many dated articles, the dates that matter and, for
each, the sentences that best tell what happened that day (timeline summarization).

Not the brief's timeline (`analyze.dates`, every dated statement of one cluster): this one
reads hundreds of articles over weeks or months and chooses. The approach is the one that
leads the field among methods without training on other stories (DATEWISE, Gholipour
Ghalandari & Ifrim 2020), with an unsupervised date ranking in place of their regression:

1. Dates. `dates.resolved` reads every sentence against its article's publication date. A
   day is worth the number of articles that mention it (each article once; a day that
   many sources refer back to is a day that mattered; one mentioned by articles published
   days later counts twice), plus a share of the articles published on it or the day
   after (news of the day), divided by the week's volume of articles to a small power (a
   day of a quiet month stands out less by count alone), inside the span asked for.
2. Candidates for a day, among whole statements of readable length that read alone (no
   clutter, no quotation without its speaker, nothing leaning on the sentence before it:
   the brief's rules, `brief.context`): the sentences whose
   event date is that day (a sentence dated by "on Monday" or "Jan. 12", and not as a
   start point, a range or a time compared with: `dates.event_mention`), and the first
   sentences of the articles published that day or the day after that name no other day
   (nor last week's or an earlier year's news); on a story page, those of the articles
   published that day only (a line whose words give no day is not guessed onto another).
3. Sentences. For each chosen day, the candidates closest to the day's centroid (the
   mean tf-idf of its candidates), leaving out the quarter of sentences least like the
   story as a whole, each new sentence unlike those already chosen (for any day), an
   article's undated first sentences on one day only (on a story page, an article's first
   sentence is preferred on its day, and so is a line that reports news over background);
   every sentence cites all the articles that have it.

Everything runs on the CPU in seconds for a few hundred articles: dates by rules, vectors
from `brief.vectors`, no parser.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

import numpy as np

from ..brief import checks, clean, context, dating, segment, vectors
from ..brief.ingest import to_articles
from ..brief.render import printed
from ..brief.select import QUOTE_MARKS, reports_news
from ..errors import EmptyInputError, InputError, OptionsError
from ..model import Article, BriefSentence, Sentence, cite
from . import timex
from .dates import counted_from, event_mention, written_first
from .dates import resolved as dates_of

DATES = 10  # dates in a timeline, by default
PER_DATE = 2  # sentences per date, by default
LEAD = 5  # the first sentences of an article that may tell its day's news
# A story page's key dates end where the story stands, on a report of its last week
# (`latest`; not on Timeline17's reference timelines, where it cost 0.003 AR-1).
LATEST_DAYS = 7
PUBLISHED_WEIGHT = 0.5  # an article published on a day, against one that mentions it
LOOKING_BACK = 1.0  # extra worth of a mention from an article published days later
VOLUME = 0.3  # tuned on the T17 dev topics: 0 and 0.6 were worse (BENCHMARKS.md)
# The share of sentences least like the story's mean (tf-idf cosine) left out of the
# candidates ("Obama finds a friend in Washington ..." in a swine flu story).
OFF_TOPIC = 0.25
MIN_POOL = 200  # sentences below which the story's mean is no guide to what is off topic
# A line may call a person by surname alone, or use an acronym the story spells out, only
# when the story writes it in at least this share of its articles or this many of them,
# and in two at least (Gaddafi on a Libya page, Geithner on one of the bail-outs): a
# timeline's line is read alone ("Mr Cooke said his team rescued two people ...": readers
# of 30 story pages asked who these were). Nor may it tell of an event as known that it
# never told ("NATO was investigating the incident, ..."), unless the story writes it in
# this share of its articles ("the plan" of a bail-out); other things told as known are
# left be (`context` finds "the threat posed by Iran" and a quotation's "The ultimate
# costs" so too).
KNOWN_SHARE, KNOWN_ARTICLES = 0.2, 3
_EVENTS = frozenset("incident attack accident deal plan agreement accord decision move proposal "
                    "ruling verdict case trial".split())
# On a story page (`latest`), where one line tells a day, an article's first sentence
# outranks a line this much closer to the day's centroid (tf-idf cosine; readers of 40
# pages preferred it 36 and 32 to 3 and 5, BENCHMARKS.md). Not on Timeline17's timelines of
# several sentences a date, where it cost 0.015 AR-1 (0.166 -> 0.151).
LEAD_PREFERENCE = 0.05
# ... and a line that reports news (`select.reports_news`: dated by the day, attributed,
# or told as what has happened) outranks one that does not (background, commentary, a
# feature's scene) this much: read blind on 20 story pages it changed, preferred 11 and
# 12 to 4 and 6; not on Timeline17's timelines, where it cost 0.005 / 0.008 AR-1 / AR-2.
NEWS_PREFERENCE = 0.03
REDUNDANT = 0.35  # cosine above which a sentence repeats one already chosen (dev: 0.5 let
# paraphrases of the same event through, "the quake struck on Tuesday" six ways)
MIN_WORDS, MAX_WORDS = 8, 45  # readable sentence lengths


@dataclass(frozen=True)
class Day:
    """One date of the timeline and the sentences that tell it."""

    date: str  # YYYY-MM-DD
    sentences: tuple[BriefSentence, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "sentences": [s.to_dict() for s in self.sentences]}


@dataclass(frozen=True)
class StoryTimeline:
    """The timeline of a story: its days in date order, and the articles it read."""

    days: tuple[Day, ...]
    articles: tuple[Article, ...]
    stats: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"timeline": [d.to_dict() for d in self.days],
                "articles": [{"id": a.id, "file": a.file, "title": a.title,
                              "published": a.published} for a in self.articles],
                "stats": self.stats}


def timeline(documents: Iterable[str | Article | dict], *, dates: int = DATES,
             per_date: int = PER_DATE, start: str | date | None = None,
             end: str | date | None = None, latest: bool = False) -> StoryTimeline:
    """The timeline of the story the articles tell: `dates` days, `per_date` sentences
    each, from the articles published between `start` and `end` (ISO dates, inclusive;
    default: all). Articles need a publication date (`published`) to be placed; undated
    ones still lend their explicit dates ("Feb. 9, 2019"), and their weekdays where an
    article with a date wrote the same sentence (`dates.written_first`). With `latest` (a
    story page's key dates), it ends where the story stands: going back from the newest
    day articles were published on, over LATEST_DAYS days, the first such day already on
    it stops the search, and the first with a report gets that report in the least
    worthy day's place."""
    if dates < 1 or per_date < 1:
        raise OptionsError(f"dates and per_date must be 1 or more, got {dates} and {per_date}")
    first, last = _day(start, "start"), _day(end, "end")
    if first and last and first > last:
        raise OptionsError(f"start {first} is after end {last}; give the earlier day first")
    articles = [a for a in dating.date_all(to_articles(documents))
                if _inside(_day(a.published, None), first, last, undated=True)]
    if not articles:
        raise EmptyInputError(f"no article is published between {first} and {last}; "
                              "widen the span or give articles from it")
    articles, _ = clean.clean_all(checks.without_budgets(checks.english(articles)[0])[0])
    sentences = segment.split_all(articles)
    published = {a.id: _day(a.published, None) for a in articles}
    found = [dates_of(s.text, a) for s, a in zip(
        sentences, written_first(sentences, articles), strict=True)]
    mentions = [[t for t in f if t.precision == "day"] for f in found]
    # a lead that tells what happened last week or last month is not its day's news
    # ("EgyptAir pilot Hamdi Hanafi Taha sought asylum last week", on the day it ran; not
    # "... following last week's earthquake", nor a month's figures, "... in March"), nor
    # one that tells what happened years before ("On the day before Thanksgiving in 1991,
    # the U.S. Senate voted ...", on a day of 2009; not last year's figures, "... doubled
    # in 2010", nor a year in an aside, "Guan, who has been studying it since it was
    # discovered in 1997, said ...")
    # ... nor an entry of a chronology whose year is elsewhere ("November: Congress passes
    # law to ...", put on its article's day)
    earlier = [published[s.article] is not None and (any(
        t.event and t.precision != "day" and s.text[t.end:t.end + 2] not in ("'s", "’s")
        and (_GONE.search(t.text) and t.last < published[s.article] - timedelta(days=1)
             or t.precision == "year" and t.last < published[s.article] - YEARS_BEFORE
             and not _ASIDE.search(s.text, 0, t.start))
        for t in f) or bool(_CHRONOLOGY_ENTRY.match(s.text)))
        for s, f in zip(sentences, found, strict=True)]
    days = _rank_days(sentences, mentions, published, first, last)
    readable = [k for k, s in enumerate(sentences) if _readable(s.text) and _stands_alone(s)]
    pool = [sentences[k] for k in readable]  # the sentences a timeline may show
    if not pool:
        raise InputError("the articles hold no complete sentence to put on a timeline; "
                         "give the full articles")
    candidates, undated = _candidates(pool, [found[k] for k in readable], published,
                                      [earlier[k] for k in readable], day_before=not latest)
    rows = vectors.tfidf(pool)
    story = np.asarray(rows.mean(axis=0)).ravel()  # what the whole story is about
    relevance = rows @ (story / (np.linalg.norm(story) or 1))
    on_topic = relevance >= (np.quantile(relevance, OFF_TOPIC) if len(pool) >= MIN_POOL
                             else -1.0)
    files = {a.id: a.file for a in articles}
    texts = {a.id: a.text for a in articles}
    # on a story page, an article's first sentence, written to tell a fresh reader the
    # news, is preferred on its day (LEAD_PREFERENCE): its event's day, or its publication
    # day when it names none (not the day before, where an undated lead is a candidate
    # too off story pages: "The Senate voted Tuesday ..." on Monday's line)
    leads = np.array([latest and s.index == 0 for s in pool])
    dated = np.array([k not in undated for k in range(len(pool))])
    published_on = np.array([(published[s.article] or date.min).toordinal() for s in pool])

    def fresh(day: date) -> np.ndarray:
        return leads & (dated | (published_on == day.toordinal()))

    @cache
    def reported(k: int) -> bool:  # (asked of a day's candidates only)
        return reports_news(pool[k].text)
    news = reported if latest else None
    chosen: list[int] = []
    out: list[Day] = []
    introduced = _introduces_enough(pool, articles)
    # a page's first sentence stands as its lead, unless it opens mid-story ("He joined
    # the band as a full member in 1975 ...": the page was cut out of a longer story);
    # such a line is not shown, though it stays in the pool the days are read from
    cut = {k for k, s in enumerate(pool) if s.index == 0 and _CUT_OUT.match(s.text)}

    # an article's undated leads tell the news of one day, its day or the day before: not
    # both ("The 2000 Mercury Sable LS is a case in point." and the page's joke on two days)
    placed: set[str] = set()  # the articles whose undated lead is on the timeline

    def alone(k: int, placed: set[str] = placed) -> bool:
        return (k not in cut and introduced(k)
                and not (k in undated and pool[k].article in placed))
    last_picks: list[int] = []  # the least worthy day's, once the timeline is full
    for day in days:
        picks = _pick(candidates.get(day, []), rows, on_topic, per_date, chosen, alone,
                      fresh(day), news)
        if picks:
            placed.update(pool[k].article for k in picks if k in undated)
            chosen.extend(picks)
            last_picks = picks
            out.append(Day(day.isoformat(), tuple(_with_sources(k, pool, rows, files, texts)
                                                  for k in picks)))
        if len(out) == dates:
            break
    # where the story stands: the report (not a feature's opening, "As a very young
    # child, Alex Fenyn ...", nor a quotation) of the newest publication day of its last
    # LATEST_DAYS that has one, in place of the least worthy day, unless a newer
    # publication day is on the timeline already
    shown = {d.date for d in out}
    recent = sorted({d for d in published.values() if d is not None and _inside(
        d, first, last, undated=False)}, reverse=True) if latest else []
    window = [d for d in recent if d > recent[0] - timedelta(days=LATEST_DAYS)] if recent else []
    for day in window:
        if day.isoformat() in shown:
            break
        reports = [k for k in candidates.get(day, []) if reported(k)
                   and pool[k].text[0] not in QUOTE_MARKS]  # (as the brief's openers)
        full = len(out) == dates
        rest = [k for k in chosen if not full or k not in last_picks]
        # (the least worthy day's undated lead may move to its own day)
        kept = {pool[k].article for k in rest if k in undated}
        picks = _pick(reports, rows, on_topic, per_date, rest, lambda k, kept=kept: alone(k, kept),
                      fresh(day))
        if picks:
            out = out[:-1] if full else out
            out.append(Day(day.isoformat(), tuple(_with_sources(k, pool, rows, files, texts)
                                                  for k in picks)))
            break
    out.sort(key=lambda d: d.date)
    stats = {"articles": len(articles), "sentences": len(sentences),
             "dated_sentences": sum(1 for m in mentions if m), "days_considered": len(days)}
    return StoryTimeline(tuple(out), tuple(articles), stats)


def _rank_days(sentences: list[Sentence], mentions: list[list[timex.Timex]],
               published: dict[str, date | None], first: date | None,
               last: date | None) -> list[date]:
    """Days by worth: the articles mentioning them, plus a share of those published on
    them or the day after; ties go to the earlier day."""
    mentioned: dict[date, set[str]] = defaultdict(set)
    for s, found in zip(sentences, mentions, strict=True):
        for t in found:
            mentioned[t.first].add(s.article)
    worth: dict[date, float] = defaultdict(float)
    for day, ids in mentioned.items():
        later = sum(1 for a in ids if (published[a] or day) > day + timedelta(days=1))
        worth[day] += len(ids) + LOOKING_BACK * later
    for day in published.values():
        if day is not None:
            worth[day] += PUBLISHED_WEIGHT
            worth[day - timedelta(days=1)] += PUBLISHED_WEIGHT / 2
    lo, hi = first or min(worth, default=date.min), last or max(worth, default=date.max)
    if VOLUME:  # a day of a quiet week counts more than one of a week with news every hour
        around = defaultdict(int)
        for day in published.values():
            if day is not None:
                for shift in range(-3, 4):
                    around[day + timedelta(days=shift)] += 1
        worth = {d: w / max(1, around[d]) ** VOLUME for d, w in worth.items()}
    return sorted((d for d in worth if lo <= d <= hi), key=lambda d: (-worth[d], d))


def _candidates(sentences: list[Sentence], found: list[list[timex.Timex]],
                published: dict[str, date | None], earlier: list[bool],
                day_before: bool = True) -> tuple[dict[date, list[int]], set[int]]:
    """Each day's candidate sentences: those whose event date it is, and the leads of the
    articles published on it (or, with `day_before`, the day after) that name no other
    day and no `earlier` week, month or year; and which of them are such undated leads.
    A story page asks without `day_before`: readers of 20 pages it changed preferred an
    undated lead on its article's day only, 12 to 8 twice (BENCHMARKS.md); on Timeline17's
    timelines it cost 0.006 / 0.003 AR-1 / AR-2 (a morning paper tells the day before's
    news)."""
    days_told: dict[str, set] = defaultdict(set)  # a sentence repeated on many days is
    for s in sentences:                             # background, not any day's news
        days_told[" ".join(s.text.lower().split())].add(published[s.article])
    out: dict[date, list[int]] = defaultdict(list)
    undated: set[int] = set()
    for k, (s, dates) in enumerate(zip(sentences, found, strict=True)):
        event = event_mention(s.text, [t for t in dates if not counted_from(s.text, t.start)],
                              in_passing=False, days=True)
        if event is not None:
            out[event.first].append(k)
        elif (not any(t.precision == "day" for t in dates) and not earlier[k]
              and s.index < LEAD and published[s.article] is not None
              and len(days_told[" ".join(s.text.lower().split())]) <= 2):
            day = published[s.article]
            out[day].append(k)
            if day_before:
                out[day - timedelta(days=1)].append(k)
            undated.add(k)
    return out, undated


def _pick(candidates: list[int], rows, on_topic: np.ndarray, k: int,
          chosen: list[int], alone: Callable[[int], bool], leads: np.ndarray,
          news: Callable[[int], bool] | None = None) -> list[int]:
    """Up to `k` candidates closest to their centroid that read `alone` (`leads` by
    LEAD_PREFERENCE closer, those that report `news` by NEWS_PREFERENCE), none
    repeating a chosen one; none of the candidates least
    like the story as a whole (`on_topic`: a day whose only candidates are a wire digest's
    lead, "Interior Secretary Bruce Babbitt ... national monuments" on an autism page,
    gives no line)."""
    unique = [j for j in dict.fromkeys(candidates) if on_topic[j]]
    if not unique:
        return []
    block = rows[unique]
    centroid = np.asarray(block.mean(axis=0)).ravel()
    closeness = block @ centroid + LEAD_PREFERENCE * leads[unique]
    if news is not None:
        closeness += NEWS_PREFERENCE * np.array([news(j) for j in unique])
    order = np.argsort(-closeness, kind="stable")
    picks: list[int] = []
    for i in order:
        k_ = unique[i]
        taken = chosen + picks
        if taken and (rows[taken] @ rows[k_].T).max() > REDUNDANT or not alone(k_):
            continue
        picks.append(k_)
        if len(picks) == k:
            break
    return picks


def _with_sources(k: int, sentences: list[Sentence], rows, files,
                  texts: dict[str, str]) -> BriefSentence:
    """The sentence with every article that has it (a near-identical sentence), printed
    as its article (`texts`, by id) shows a reader."""
    same = (rows @ rows[k].T).toarray().ravel() > 0.9
    members = [k] + [j for j in np.flatnonzero(same) if j != k]
    return BriefSentence(printed(sentences[k].text, texts[sentences[k].article]),
                         cite(members, sentences, files))


def _readable(text: str) -> bool:
    """A whole statement of readable length, not page furniture ("March 23, 2011 at 5:28
    pm | No..", "In pics: ...") nor a subject's tail cut off its sentence (as in a brief)."""
    words = len(text.split())
    return (MIN_WORDS <= words <= MAX_WORDS and segment.is_statement(text)
            and not segment.cut_subject(text) and not _FURNITURE.search(text))


def _stands_alone(sentence: Sentence) -> bool:
    """The sentence reads alone, as a timeline shows it: it is no clutter or aside, no
    quotation without its speaker, and leans on no sentence before it ("Later, in a
    hospital, they were shown the bodies ..."), unless it opens its article (the brief's
    rules: `brief.context`)."""
    text = sentence.text
    if clean.is_clutter(text) or context.is_aside(text):
        return False
    need = context.needs(text)
    return not need.speaker and (sentence.index == 0 or not need.antecedent)


# How a page cut out of a longer story starts: a person or thing told of before ("He
# joined the band ...", "They come into Elaine Newton's court by the dozens ...", "It was
# one of the most awkward moments ..."), or a clause that goes on from one ("Yet the
# escalating tension ..."); not "It is no longer possible to contain ..." (no one told of).
_CUT_OUT = re.compile(r"(?:He|She|They|His|Her|Their|Them|These|Those|Yet|But|And|Also|However|"
                      r"Meanwhile)\b(?!-)(?! (?:Holiness|Majesty|Excellency|Royal|Highness)\b)"
                      r"|It(?:['’]s| is| was| has been) (?:one|a|an|the)\b")


def _introduces_enough(pool: list[Sentence], articles: list[Article]) -> Callable[[int], bool]:
    """Whether the line `pool[k]` names whom and what it speaks of: no surname alone and
    no acronym the story spells out (`context.Names`) but those it writes often enough
    (KNOWN_SHARE, KNOWN_ARTICLES), no "the incident" it never told (`_EVENTS`); an
    article's lead is written for a fresh reader and may. Asked only of the lines a
    timeline considers."""
    names = context.Names(a.text for a in articles)
    texts = [a.text for a in articles]
    share = KNOWN_SHARE * len(texts)
    enough = max(2, min(KNOWN_ARTICLES, share))  # (in a story of five, one is not enough)

    @cache
    def written(word: str) -> int:
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        return sum(1 for t in texts if pattern.search(t))

    def known(name: str) -> bool:
        if name.startswith("#"):  # (an event the story tells everywhere: "the plan")
            return name[1:] not in _EVENTS or written(name[1:]) >= max(2, share)
        return written(name) >= enough

    def alone(k: int) -> bool:
        return pool[k].index == 0 or all(map(known, context.needs(pool[k].text, names).names))
    return alone


_GONE = re.compile(r"^(?:last|earlier)\b|\bago$", re.IGNORECASE)  # "last week", "a month ago"
_CHRONOLOGY_ENTRY = re.compile(r"(?:January|February|March|April|May|June|July|August|"
                               r"September|October|November|December):\s")  # (not "May – ")
YEARS_BEFORE = timedelta(days=365)
# An aside opened before a year and not closed: ", who first met in 1986", ", founded in"
_ASIDE = re.compile(r",\s*(?:who|which|whose|where|when|founded|established|born|built|created|"
                    r"formed|first|since|after)\b[^,]*$")
_FURNITURE = re.compile(r"\||^\W*(?:In pics|Pictures|Video|Watch|Photos?|Gallery|Related)\b|"
                        r"\bYour stories\b|\bClick here\b")


def _inside(day: date | None, first: date | None, last: date | None, *, undated: bool) -> bool:
    if day is None:
        return undated
    return (first is None or first <= day) and (last is None or day <= last)


def _day(value: str | date | None, name: str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        if name is None:
            return None
        raise OptionsError(f"{name} must be a date as YYYY-MM-DD, got {value!r}") from None


# --- tokenized input ---------------------------------------------------------------------

_PTB = [(re.compile(p), r) for p, r in [
    (r"-LRB-\s*", "("), (r"(?<!\s)\s*-RRB-", ")"), (r"-LSB-\s*", "["),
    (r"(?<!\s)\s*-RSB-", "]"), (r"-LCB-\s*", "{"), (r"(?<!\s)\s*-RCB-", "}"),
    (r"``\s*", "“"), (r"(?<!\s)\s*''", "”"),  # (?<!\s): a run of spaces is tried once
    (r"`\s*", "‘"), (r"(?<!\s)\s+'(?=\s|$)", "’"),
    (r" (?=(?:'s|'re|'ve|'ll|'d|'m|n't)\b)", ""), (r" (?=[,.;:!?%](?:\s|$))", ""),
    (r"\$ (?=\d)", "$"), (r" +", " "),
]]
_LOOKS_TOKENIZED = re.compile(r" -[LR]RB- | 's | n't | , ")


def untokenize(text: str) -> str:
    """Text tokenized as the Penn Treebank does ("Egypt 's", "-LRB- AP -RRB-", "`` ..
    ''"), as it was written, line by line; other text is returned as it is."""
    if len(_LOOKS_TOKENIZED.findall(text)) < 3:
        return text
    lines = []
    for line in text.split("\n"):
        for pattern, replacement in _PTB:
            line = pattern.sub(replacement, line)
        lines.append(line.strip())
    return "\n".join(lines)


def untokenized(article: Article) -> Article:
    return replace(article, text=untokenize(article.text))


# --- rendering ---------------------------------------------------------------------------

FORMATS = ("text", "markdown", "json")


def render(story: StoryTimeline, fmt: str = "text", width: int = 88) -> str:
    """The timeline as text (`width` columns), Markdown or JSON; a citation marker is the
    article's id."""
    if fmt == "json":
        return json.dumps(story.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return to_markdown(story)
    if fmt == "text":
        return to_text(story, width)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def to_text(story: StoryTimeline, width: int = 88) -> str:
    if not story.days:
        return "(empty timeline: no sentence could be dated)\n"
    lines = []
    for day in story.days:
        lines.append(day.date)
        lines += [textwrap.fill(f"{s.text} [{_markers(s)}]", width, initial_indent="  - ",
                                subsequent_indent="    ") for s in day.sentences]
    lines += ["", "Sources:", *(textwrap.fill(f"[{a.id}] {_label(a)}", width,
                                              initial_indent="  ", subsequent_indent="    ",
                                              break_long_words=False, break_on_hyphens=False)
                                for a in _cited_articles(story))]
    return "\n".join(lines) + "\n"


def to_markdown(story: StoryTimeline) -> str:
    if not story.days:
        return "*(empty timeline: no sentence could be dated)*\n"
    lines = []
    for day in story.days:
        lines += [f"**{day.date}**", ""]
        lines += [f"- {s.text}" + "".join(f"[{c.article}]" for c in s.sources)
                  for s in day.sentences]
        lines.append("")
    lines += ["**Sources**", "", *(f"- [{a.id}] {_label(a)}" for a in _cited_articles(story))]
    return "\n".join(lines) + "\n"


def _markers(sentence: BriefSentence) -> str:
    return ", ".join(c.article for c in sentence.sources)


def _cited_articles(story: StoryTimeline) -> list[Article]:
    cited = {c.article for d in story.days for s in d.sentences for c in s.sources}
    return [a for a in story.articles if a.id in cited]


def _label(article: Article) -> str:
    title = article.title or textwrap.shorten(article.text.split("\n")[0], 60, placeholder=" …")
    where = ", ".join(x for x in (article.file, article.source, article.published, article.url)
                      if x)
    return f"{title} ({where})" if where else title
