"""The timeline: dated statements in order, each citing every source that reports it.

spaCy finds the dates ("on Monday", "last month", "February 9, 2019", "in 2014");
`timex.resolve` resolves them to calendar dates. A date that needs the article's own date
(weekdays, "last month", a month without a year) is resolved against the article's
`published` date, and left out when that is unknown: an undated statement is dropped,
never guessed. Durations ("the past four months"), future dates ("next week", "until
April", a verb with "will") and starting points ("since 2014") are not events.

A sentence gives one entry, for its first date that resolves; a statement reported by
several articles (one fact) is one entry citing them all. When the articles of one fact
give dates that cannot be the same day (Saturday against Sunday, June 17 against June
18), that is a date disagreement.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..model import Article, Disagreement, Event, Fact, Figure, Sentence, cite
from .language import lemma
from .timex import resolve  # the resolution of a date as written, shared with timex.find

_NOT_EVENT_BEFORE = {"since", "until", "till", "by", "before", "from", "through", "next",
                     "for", "to"}  # "scheduled for March 3", "postponed to December"
_SPEECH = {"say", "tell", "announce", "report", "state", "confirm", "add", "write", "claim"}
SAME_STORY_DAYS = 7  # articles further apart can tell like events that are not the same
# An article dated by the picture or the post it shows was written that day or soon
# after: its weekdays ("on Sunday", the day after a Saturday photo) resolve a day later.
LOWER_BOUND_SOURCES = ("caption", "post")


def timeline(docs: dict[int, object], sentences: list[Sentence], facts: list[Fact],
             articles: list[Article]) -> tuple[tuple[Event, ...], tuple[Disagreement, ...]]:
    """Dated statements in date order (then cluster order); each fact gives at most one
    entry per date, citing every article whose sentence of that fact does not give
    another date. A fact that articles date differently is also returned as a date
    disagreement (the second part): which day it happened."""
    published = {a.id: _reference(a) for a in articles}
    files = {a.id: a.file for a in articles}
    dated = {k: found for k, doc in docs.items()
             if (found := _first_date(doc, published[sentences[k].article]))}
    fact_of = {k: i for i, fact in enumerate(facts) for k in fact.members}
    entries: dict[tuple[int, str], list[int]] = {}
    for k in sorted(dated, key=lambda k: (_position(sentences[k], files), k)):
        entries.setdefault((fact_of.get(k, -k - 1), dated[k][0]), []).append(k)
    conflicts = []
    for f in sorted({f for f, _ in entries if f >= 0}):
        dates = [(iso, k) for (g, iso), ks in entries.items() if g == f for k in ks]
        if _conflicting(dates, dated, sentences, published):
            conflicts.append(_conflict(dates, dated, sentences, files))
    events = []
    for (f, iso), carriers in entries.items():
        shown = sentences[carriers[0]]
        members = facts[f].members if f >= 0 else (carriers[0],)
        citing = [k for k in members if k in carriers or k not in dated]
        events.append((iso, _position(shown, files), Event(
            iso, dated[carriers[0]][1], shown.text, cite(citing, sentences, files))))
    events.sort(key=lambda e: (e[0], e[1]))
    return tuple(e for _, _, e in events), tuple(conflicts)


def _period(iso: str) -> tuple[str, str]:
    """The first and last day a date names: a day, a month or a year."""
    if len(iso) == 10:
        return iso, iso
    if len(iso) == 7:
        year, month = map(int, iso.split("-"))
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        return f"{iso}-01", f"{iso}-{last:02d}"
    return f"{iso}-01-01", f"{iso}-12-31"


def _conflicting(dates: list[tuple[str, int]], dated, sentences: list[Sentence],
                 published: dict[str, date | None]) -> bool:
    """Two articles date the same action differently: the dates belong to the same verb
    (not a verb of saying: "officials said on Monday" dates the report, not the event)
    and name periods that do not overlap, in articles of the same week (months apart,
    like wording tells of two like events: an offensive in September, another in
    February)."""
    for i, (a, k) in enumerate(dates):
        for b, j in dates[i + 1:]:
            p, q = published[sentences[k].article], published[sentences[j].article]
            if (sentences[k].article != sentences[j].article and dated[k][2] == dated[j][2]
                    and dated[k][2] not in _SPEECH
                    and not (p and q and abs((p - q).days) > SAME_STORY_DAYS)):
                (a0, a1), (b0, b1) = _period(a), _period(b)
                if a1 < b0 or b1 < a0:
                    return True
    return False


def _conflict(dates, dated, sentences: list[Sentence], files) -> Disagreement:
    """One statement that sources date differently: "which day"."""
    figures = []
    for iso, k in sorted(dates, key=lambda d: _position(sentences[d[1]], files)):
        s = sentences[k]
        low, high = _period(iso)
        figures.append(Figure(s.article, files[s.article], dated[k][1], low, high,
                              s.start, s.end, s.text))
    words = sentences[dates[0][1]].text.split()
    subject = "date of: " + " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    return Disagreement(subject, "date", tuple(figures))


def _first_date(doc, published: date | None) -> tuple[str, str, str] | None:
    """The first date of a sentence that is an event date: (ISO date, as written, the
    lemma of the verb it belongs to)."""
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        before = doc[ent.start - 1].text if ent.start > 0 else ""
        if before.lower() in _NOT_EVENT_BEFORE or _not_past(ent):
            continue
        found = resolve(ent.text, published)
        if found is None:
            continue
        if published is not None and found[0] > published.isoformat():
            continue
        when = f"{before} {ent.text}" if before.lower() in ("on", "in") else ent.text
        return found[0], when, lemma(_verb_of(ent))
    return None


def _verb_of(ent):
    token = ent.root
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token


def _not_past(ent) -> bool:
    """The date belongs to a verb in the future ("will meet on Friday") or the present
    ("Today, it has a presence in three pockets"): a state or a plan, not an event."""
    token = _verb_of(ent)
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in token.children):
        return True
    # The present tense counts only for the date's own verb ("Today, it has"): far up the
    # parse ("the field lies after an attack ... in July") the verb is another clause's.
    hops, up = 0, ent.root
    while up.i != token.i and hops < 3:
        up, hops = up.head, hops + 1
    return (hops < 3 and token.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ == "aux" for c in token.children))


def _reference(article: Article) -> date | None:
    """The date the article's relative dates ("on Monday", "yesterday") count from."""
    day = _date(article.published)
    if day is not None and article.date_source in LOWER_BOUND_SOURCES:
        return day + timedelta(days=1)
    return day


def _position(sentence: Sentence, files) -> tuple[int, int]:
    return (list(files).index(sentence.article), sentence.index)


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
