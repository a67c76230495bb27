"""The timeline: dated statements in order, each citing every source that reports it.

`timex.find` reads the dates a sentence names, by rules, without a parser: explicit
dates ("February 9, 2019", "July 2014", "in 2014") as they are, relative ones ("on
Monday", "last month", "yesterday") against the article's `published` date, and none of
those when it is unknown (an undated statement is dropped, never guessed). A date dates
the sentence only when it can be when its main event happened: not a clock time, an age
or a count (timex never returns those), not a year that labels a thing ("the 1988
bombing"), a time to come ("will meet on Friday"), a start or end point ("since 2014"),
a date inside a relative clause about something else ("Trump, who took office in
January 2017, said on Monday ..."), or the "now" of a state ("Today, it has a presence
in three pockets"). Only statements are dated, not headlines, bylines or post signatures.

A sentence gives one entry, for its first date that dates its event; a statement reported
by several articles (one fact) is one entry citing them all. When the articles of one
fact, published within a week of each other, give dates that cannot be the same day for
the same word (Saturday against Sunday, June 17 against June 18), that is a date
disagreement; a date of saying ("officials said on Monday") never counts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..brief.render import printed
from ..model import Article, Disagreement, Event, Fact, Figure, Sentence, cite
from . import timex
from .language import lemma
from .wordtrie import alternation

SAME_STORY_DAYS = 7  # articles further apart can tell like events that are not the same
# An article dated by the picture or the post it shows was written that day or soon
# after: its weekdays ("on Sunday", the day after a Saturday photo) count from the next day.
LOWER_BOUND_SOURCES = ("caption", "post")
MIN_WORDS = 6  # fewer words: a headline, a label or a signature line, not a statement
_SAID = re.compile(r"(?i)\b(?:said|says|told|announced|reported|stated|confirmed|added|"
                   r"wrote|claimed|tweeted|posted|noted|explained|insisted)\b(?:\W+\w+){0,3}"
                   r"\W*$")
# A clause or an aside about something else, opened before the date and not closed:
# ", who took office in January 2017,", ", recorded in 1970,", "(opened in 2014)", "after
# the Great Blackout of 1965", "a band that broke up in 1980" is left to the reader.
_ASIDE_MARKED = (r"(?:,|\(|—|–)(?:[^,;()—–]*\b(?:who|whom|whose|which)|\s*(?:where|when|"
                 r"once|formerly|having|\w+ed))")
_ASIDE_WHEN = r"\w[^,;()—–]*\bwhen"  # "a band that broke up when ..."
_ASIDE_AFTER = r"\b(?:after|following|amid)"
_ASIDE = re.compile(rf"(?i)(?:{_ASIDE_MARKED}|{_ASIDE_WHEN}|{_ASIDE_AFTER})\b[^,;()—–]*$"
                    r"|\([^)]*$")
# (`_aside` searches the last clause for `_ASIDE` less its "when", and finds that one
# apart: tried at each word, "\w[^,;()—–]*\bwhen" runs to the clause's end and back.)
_ASIDE_BUT_WHEN = re.compile(rf"(?i)(?:{_ASIDE_MARKED}|{_ASIDE_AFTER})\b[^,;()—–]*$|\([^)]*$")
_WHEN = re.compile(r"(?i)\bwhen\b")
_WORD_CHARACTER = re.compile(r"\w")
# Start and end points the rules of timex leave: "since his first day as a candidate in
# June 2015", "between May 2010 and May 2011", "well into the year 2007".
# A start a tally counts from, its date in the same phrase ("... have lost 2,518 killed
# since the start of the U.S. operation in Dagestan, on August 2, 1999"; not "Since the
# start of the campaign, Smith has held 40 rallies, and he won ... on March 6, 2012"),
# and what began then, told of in passing ("... the combat actions that began on October
# 1, 1999, ...", a July 2000 tally; "... toward Benghazi, where the popular revolt ...
# began on February 17", an April 2011 line; not what was said to begin, "Police said
# that the protest began on Tuesday", nor "Shares fell when trading began on Monday").
_COUNTED_FROM = (r"\bsince\s+the\s+(?:start|beginning|outbreak|launch)\s+of\s+"
                 r"(?:[^,;.]|(?-i:(?<=[A-Z]))\.){1,100}(?:,\s*)?\b(?:on|in)\s*$"
                 r"|(?:\b(?:that|which)\s+|\bwhere\s+[^,;.]{1,60}?\s)"
                 r"(?:(?:first|officially)\s+)?(?:began|started|broke\s+out)\s+(?:on|in)\s*$")
_BOUND = re.compile(r"(?i)\bbetween\b[^,;]*\band\s*$|\binto\s+(?:the\s+year\s+)?$"
                    r"|(?:^|[,;]\s*)(?:from|until|till)\b[^,;]*$|" + _COUNTED_FROM)
# A "since" whose span the date may end (`_since_bound`): "since its founding on March 5",
# "Since NATO took over the Libya operation on March 31, ...".
_SINCE = re.compile(r"(?i)\bsince\b")
# A new clause after a "since" clause: "but" or "while", or "and" once the "since" clause
# has its verb ("since the fighting began and the army retook ..."; not "since the rebels
# and their allies took over ...").
_BUT = re.compile(r"\s(?:but|while)\s")
_AND = re.compile(r"\sand\s")
_SINCE_THEN = re.compile(r"(?i)\s+(?:then|that\s+time|that\s+day)\b")
_WORDS = re.compile(r"\w+")
_COUNTED_FROM_AT = re.compile("(?i)" + _COUNTED_FROM)
# What joins the two ends of a range, when another date follows it: "Monday-Friday",
# "March 19 - April 2", "from Monday to late Wednesday"; not a chronology's entry ("March
# 19 - The first air strikes halt ..."), nor "voted Saturday to back a no-fly zone", "rose
# on Sunday to 45" (no date after it).
_RANGE_JOIN = re.compile(r"(?:\s*(?:through|thru|to|until|till|[-–])\s*|—)(?:(?:early|mid|late|"
                         r"the\s+(?:end|start|beginning)\s+of)[\s-]+)?")
# ... and after a start point, what leads to its other end, a date within four words:
# "Since Trump was elected on Nov. 8, 2016, to its peak on Jan. 26, 2018, the Dow ...
# gained 45%"; not "risen since Sunday to 45, officials said on Monday".
_TO_OTHER_END = re.compile(r"\s*,?\s*(?:to|until|till|through|thru)\b(?!\s+[$£€]?\d)"
                           r"((?:\s+[^\s,;]+){0,4}?)\s+$")
# A date of something compared with: "up from 27% in 2011", "from $26,984 in 2010" (a
# figure's thousands separator is no clause's comma), "compared with 72% in 2013", "more
# than in June 2013", "as in 2013", a story's setting ("is set in 1973"); not a figure
# compared ("fell more than 1 percent on Monday", "quieter than usual on Friday", "more
# than expected on Monday"; not "more than expected a year ago") nor a
# change told from one figure to another ("fell from $80 to $75 on Monday": `_FROM_TO`).
_BASELINE = re.compile(r"(?i)\bfrom\s+(?:an?\s+(?:\w+\s+)?(?:low|high|peak)\s+of\s+"
                       r"|an?\s+(?:yearly|annual|monthly|weekly|daily|record|revised|previous|"
                       r"estimated|reported|preliminary|initial|average|mere|low|high|peak|"
                       r"provisional|original|projected)\s+)?"
                       r"[$£€]?\d(?:[\d,.]*\d)?[^,;]*$|\bcompared\s+(?:with|to)\b[^,;]*$"
                       r"|\bthan\b(?!\s+(?:[$£€]?\d|(?:an?|one|two|three|usual|normal|ever)\b"
                       r"|(?:expected|anticipated|forecast|predicted)\s+(?:on|in|at|during)\b))"
                       r"[^,;]*$"
                       r"|(?:^|\W)as\s+(?:was\s+the\s+case\s+)?in\s*$|\bset\b[^,;.]*\bin\s*$")
# Plans, forecasts and conditions: "we hope to begin in 2017", "may reach nine billion
# in 2045", and a modal after the date ("In 2050 will there be ...").
_PLAN = re.compile(r"(?i)\b(?:hopes?|plans?|aims?|intends?|wants?|expects?|projects?|"
                   r"forecasts?|predicts?|would|could|might|(?-i:may))\b[^.;,]*$")
# ... and, narrower (no noun: "unveiled a plan Thursday", "a loss forecast today"), a time
# to come as a story page's key dates read it: "A verdict could come as early as
# Thursday", "said the strikes would take place Tuesday", "is expected to cross ...
# Saturday"; not "may have died in ...".
_AHEAD = re.compile(r"(?i)\b(?:(?:would|could(?!n['’]t|\s+not\b)|might|will|(?-i:may))"
                    r"(?!\s+(?:not\s+)?have\b)|"
                    r"(?:is|are|was|were)\s+(?:expected|set|due|scheduled)\s+to|"
                    r"(?:plans?|hopes?|expects?|intends?|aims?|wants?)\s+to)\b"
                    r"(?:\s+[^\s.;,]+){0,8}\s*$")  # (its own clause: eight words at most)
_FROM_TO = re.compile(r"(?i)from\s+[$£€]?\d\S*(?:\s+[a-z]+){0,2}\s+to\s+[$£€]?\d")
_MODAL = re.compile(r"(?i)^(?:(?!\bthat\b)[^,;.])*\b(?:will|won't|'ll|would|could|might)\b")
_LABEL_AFTER = re.compile(r"^[’']s\b")  # "Tuesday's revelations", "last year's disaster"
_DETERMINER = re.compile(r"(?i)\b(?:the|a|an|this|that)\s+$")
_LABEL_COMMA = re.compile(r"^,\s*[\"“]?[a-z]")  # "the Oct. 28, 2016, hush agreement"
_QUOTES = re.compile(r"[\"“”]")
# Something in the sentence happened: a past-tense verb (regular, or a common irregular),
# matched in lower-cased text (faster than a case-insensitive pattern; its words as a
# trie, `wordtrie`: the same matches, 2x faster).
_PAST_ENDINGS = r"\w{2,}ed|\w+aid"
_PAST_WORDS = """
was were had did went came took made told gave got found left began ran saw wrote won lost
held met led fell rose sold bought brought built caught chose drew drove fought flew grew
hid kept knew laid lay let meant put quit rode sat sent set shook shot shut spoke spent
split stood stole struck swore swept taught tore thought threw understood woke wore
withdrew became broke arose beat bit blew burst cast cut dealt dug drank fed felt fled
forgave froze heard hung hurt knelt lit overcame overtook sought sank sang slid slept spun
spread stuck stung swam swung undertook upheld wept wound
""".split()
_LOWER_PAST = re.compile(rf"\b(?:{_PAST_ENDINGS}|{alternation(_PAST_WORDS)})\b")
# Where a date's place settles that it dates the event, without a parse: it opens the
# sentence ("In 1947, ...", "On Aug. 6, 2013, ..."), follows a past passive or perfect
# ("was excavated in 1998"), or a verb of news ("said on Monday", "died in 1999").
_OPENS = re.compile(r"(?i)^[\"“‘']?(?:(?:back|early|late|earlier|later|just|also|and|but|"
                    r"then)\s+)?(?:in|on|during|by)?\s*$")
_PASSIVE = re.compile(r"(?i)\b(?:was|were|had been|has been|have been|had|got)\s+(?:\w+ly\s+)?"
                      r"\w+(?:ed|en|wn|t)\b(?:\s+[\w'’-]+){0,6}\s+(?:in|on|at|during|late|"
                      r"early)?\s*$")
_ACTION = re.compile(r"(?i)\b(?:said|told|announced|reported|confirmed|tweeted|wrote|added|"
                     r"stated|released|posted|published|named|identified|charged|arrested|"
                     r"filed|died|killed|launched|began|started|ended|opened|closed|signed|"
                     r"voted|won|lost|found|married|born)\b(?:\s+[\w'’-]+){0,6}\s+(?:in|on|at|"
                     r"late|early)?\s*$")
# The parse: modals, past auxiliaries, verbs whose complement is the news.
_MODALS = {"will", "would", "could", "might", "may", "shall", "'ll", "should", "can", "must"}
_PAST_AUXILIARIES = {"did", "had", "was", "were"}
_PERFECT = {"was", "were", "had", "has", "have", "been", "'s", "is", "are", "'ve", "'d"}
_REPORTING = {"say", "tell", "announce", "report", "state", "confirm", "add", "write",
              "claim", "allege", "tweet", "note", "explain", "insist", "recall", "reveal",
              "show", "find", "accuse", "charge", "argue", "acknowledge", "admit", "disclose",
              "indicate"}
_START = re.compile(r"^[\"“‘'(\[]?[A-Z0-9]")
# Not statements of the story: embedded posts, their signatures, file photos (matched in
# lower case).
_NOT_STORY = re.compile(r"\(@\w+\)|pic\.twitter\.com|\ba post shared by\b|\bfile photo\b")
# Every match holds one of these: tested first, as the pattern is slow on every sentence.
_NOT_STORY_CUES = ("(@", "pic.twitter.com", "a post shared by", "file photo")

@dataclass(frozen=True)
class Candidate:
    """A sentence's date that may be when its event happened: the value, the date as
    written, the word it dates (to tell one action from another), where it starts, and
    whether its place in the sentence settles it (`anchored`) or the parse must."""

    value: str
    when: str
    key: str
    start: int
    anchored: bool


def candidates(sentences: list[Sentence], facts: list[Fact],
               articles: list[Article]) -> dict[int, Candidate]:
    """The candidate event date of each of the facts' sentences that has one, by index."""
    first = written_first(sentences, articles)
    return {k: found for fact in facts for k in fact.members
            if (found := event_date(sentences[k].text, first[k]))}


REPEATED_DAYS = 14  # a sentence run again up to this many days later counts from its first


def written_first(sentences: list[Sentence], articles: list[Article]) -> list[Article]:
    """The article each sentence's dates count from: its own, or the first of the articles
    that wrote the same words (its punctuation aside: a copy may add a comma), each copy
    published at most REPEATED_DAYS after the one before it that it counts from (a wire
    story run again, a recap); for an undated article, the first dated one. "On Monday,
    Chavez said ..." in a March 3 story and again in one of March 10 is February 28's. An
    article dated only as "then or later" (a caption's, a post's date) is no one's
    first."""
    by_id = {a.id: a for a in articles}
    keys = [" ".join(_WORDS.findall(s.text.lower())) for s in sentences]
    copies: dict[str, dict[str, date]] = {}  # key -> the dated articles that wrote it
    for s, key in zip(sentences, keys, strict=True):
        a = by_id[s.article]
        day = _date(a.published)
        if day is not None and a.date_source not in LOWER_BOUND_SOURCES:
            copies.setdefault(key, {})[a.id] = day
    window = timedelta(days=REPEATED_DAYS)
    firsts: dict[str, tuple[list[str], list[date], dict[str, str]]] = {}
    for key, dated in copies.items():  # each copy's first, in date order
        order = sorted(dated, key=lambda a: (dated[a], a))
        days = [dated[a] for a in order]
        root: dict[str, str] = {}
        for n, a in enumerate(order):
            i = bisect.bisect_left(days, days[n] - window, 0, n)
            root[a] = root[order[i]] if i < n and days[i] < days[n] else a
        firsts[key] = order, days, root
    out = []
    for s, key in zip(sentences, keys, strict=True):
        own, mine = by_id[s.article], _date(by_id[s.article].published)
        order, days, root = firsts.get(key, ([], [], {}))
        if own.id in root:
            out.append(by_id[root[own.id]])
            continue
        # an undated copy, or one dated only "then or later": the first copy before it
        i = 0 if mine is None else bisect.bisect_left(days, mine - window)
        out.append(by_id[root[order[i]]] if i < len(order) and (mine is None or days[i] < mine)
                   else own)
    return out


def timeline(sentences: list[Sentence], facts: list[Fact], articles: list[Article],
             found: dict[int, Candidate], docs: dict[int, object],
             ) -> tuple[tuple[Event, ...], tuple[Disagreement, ...]]:
    """Dated statements of the given facts in date order (then cluster order): the
    anchored candidates, and the others whose parse (`docs`, by sentence index) shows
    the date on the sentence's main, past event. Each fact gives at most one entry per
    date, citing every article whose sentence of that fact does not give another date.
    A fact that articles date differently is also returned as a date disagreement (the
    second part): which day it happened."""
    files = {a.id: a.file for a in articles}
    dated = {k: c for k, c in found.items()
             if c.anchored or (k in docs and main_event(docs[k], c.start))}
    published = {a.id: _date(a.published) for a in articles}
    fact_of = {k: i for i, fact in enumerate(facts) for k in fact.members}
    entries: dict[tuple[int, str], list[int]] = {}
    for k in sorted(dated, key=lambda k: (_position(sentences[k], files), k)):
        entries.setdefault((fact_of.get(k, -k - 1), dated[k].value), []).append(k)
    conflicts = []
    for f in sorted({f for f, _ in entries if f >= 0}):
        dates = [(iso, k) for (g, iso), ks in entries.items() if g == f for k in ks]
        if _conflicting(dates, dated, sentences, published):
            conflicts.append(_conflict(dates, dated, sentences, files))
    events = []
    texts = {a.id: a.text for a in articles}
    for (f, iso), carriers in entries.items():
        shown = sentences[carriers[0]]
        members = facts[f].members if f >= 0 else (carriers[0],)
        citing = carriers + [k for k in members if k not in dated]  # an article's carrier
        # is its citation, before its undated sentences of the same fact
        events.append((iso, _position(shown, files), Event(
            iso, dated[carriers[0]].when, printed(shown.text, texts.get(shown.article, "")),
            cite(citing, sentences, files))))
    events.sort(key=lambda e: (e[0], e[1]))
    return tuple(e for _, _, e in events), tuple(conflicts)


def counted_from(text: str, start: int) -> bool:
    """The date at `start` is a start or end point the words before it set, over more
    than the word just before it (`timex` reads that one): "... since the start of the
    operation in Dagestan, on August 2, 1999", "... the combat actions that began on
    October 1, 1999"."""
    return bool(_COUNTED_FROM_AT.search(text, 0, start))


def event_date(text: str, article: Article) -> Candidate | None:
    """The sentence's candidate event date, if it names one (see the module's rules)."""
    if (len(text.split(None, MIN_WORDS - 1)) < MIN_WORDS  # (words counted up to the bound)
            or not _START.match(text) or text.rstrip().endswith(":")):
        return None
    # (The cheapest test, which most sentences fail; without the article's date only
    # explicit dates are read, and each writes a year.)
    if not (timex.may_hold_dates(text) if _date(article.published) is not None
            else timex.may_hold_explicit_dates(text)):
        return None
    lower = text.lower()
    if ((any(cue in lower for cue in _NOT_STORY_CUES) and _NOT_STORY.search(lower))
            or not _LOWER_PAST.search(lower)):
        return None  # not a statement, or nothing in it happened: all present or future
    t = event_mention(text, resolved(text, article))
    if t is None:
        return None
    before = text[:t.start]
    word = re.findall(r"[A-Za-z]+", before)[-1:]
    when = f"{word[0]} {t.text}" if word and word[0].lower() in ("on", "in") else t.text
    verbs = [m.group() for m in _LOWER_PAST.finditer(before.lower())]
    key = "said" if _SAID.search(before) else verbs[-1] if verbs else ""
    anchored = t.relative or bool(_OPENS.match(before) or _PASSIVE.search(before)
                                  or _ACTION.search(before))
    return Candidate(t.value, when, key, t.start, anchored)


def event_mention(text: str, found: list[timex.Timex], *, in_passing: bool = True,
                  days: bool = False) -> timex.Timex | None:
    """The first of the sentence's dates `found` (all it names, in order) that can be
    when its event happened, by the module's rules (with `days`, the first of those that
    name a day): a start or end point is passed over ("hit their highest since September
    2008 on Monday"), but none is when it is one end of a range. With `in_passing` (the
    brief's timeline), also none told in passing: in an aside, a plan, before a modal or
    as a label ("Sunday's awards"). The long story's key dates keep those: there they
    cost more lines a reader wanted ("... said Thursday it would be a mistake ...", "...
    joined in Saturday's battle") than they mended; they leave out a time to come said
    with a verb (`_AHEAD`: "A verdict could come as early as Thursday")."""
    skip = -1  # (the other end of a range passed over)
    for i, t in enumerate(found):
        if i <= skip:
            continue
        before, after = text[:t.start], text[t.end:]
        if _joined(text, t, found[i + 1:]):
            skip = i + 1  # the dates of a range: neither is a day something happened
            continue
        since = _since_bound(before, found[:i])
        if t.bound or since or _BOUND.search(before):
            if _to_other_end(text, t, found[i + 1:]) or in_passing and not since:
                return None  # a span's start, its other end later; or a time to come
            continue  # "since" a day gone: a later date may be the news's ("hit their
            # highest since September 2008 on Monday"); in the brief's timeline, not after
            # "by", "for", "starting" ("Another flyby is planned for Feb. 22, with
            # encounters ... on May 30"), where key dates ask `_AHEAD`
        baseline = _BASELINE.search(before)
        if baseline and (told := _FROM_TO.match(before, baseline.start())):
            baseline = _BASELINE.search(before, told.end())  # ("from $80 to $75 on Monday")
        if (not t.event or t.precision == "week" or baseline
                or (_PLAN if in_passing else _AHEAD).search(before)
                or in_passing and (_aside(before) or _MODAL.match(after)
                                   or _LABEL_AFTER.match(after) or (_DETERMINER.search(before)
                                                                    and _LABEL_COMMA.match(after)))
                or (t.relative and len(_QUOTES.findall(before)) % 2 == 1)
                or days and t.precision != "day"):
            continue  # a relative date inside a quotation counts from when it was said
        return t
    return None


def _joined(text: str, t: timex.Timex, later: list[timex.Timex]) -> bool:
    """Another date follows `t` as the other end of a range ("Monday to Wednesday")."""
    if not later:
        return False
    join = _RANGE_JOIN.match(text, t.end)
    return join is not None and join.end() > t.end and later[0].start == join.end()


def _to_other_end(text: str, t: timex.Timex, later: list[timex.Timex]) -> bool:
    """After the start point `t`, the span runs "to" the next date (`_TO_OTHER_END`)."""
    return bool(later) and _TO_OTHER_END.match(text[:later[0].start], t.end) is not None


def _since_bound(before: str, earlier: list[timex.Timex]) -> bool:
    """The date after `before` ends the span a "since" opened in its clause: within eight
    words of it ("since Friday", "since its founding on March 5"), or opening its clause
    ("Since the effort ... began in mid-March") or with a verb of its own ("since a
    rebellion ... broke out last month"), up to a new clause (`_BUT`, `_AND`); not a
    "since" that a date of its own closed ("hit their highest since September 2008 on
    Monday"; not "in March last year", one date in two parts), nor a noun's ("the second
    president since the breakup of the Soviet Union in an official ceremony in the
    Kremlin Sunday")."""
    start = max(max(before.rfind(mark) for mark in ",;"), len(before) - 400, 0)
    since = None
    for since in _SINCE.finditer(before, start):
        pass
    if (since is None or any(e.start >= since.end() and before[e.end:].strip() for e in earlier)
            or _SINCE_THEN.match(before, since.end())):
        return False
    span = before[since.end():]
    if _BUT.search(span) or any(_LOWER_PAST.search(span[:m.start()].lower())
                                for m in _AND.finditer(span)):
        return False  # a new clause: the date is its own
    return (len(span.split()) <= 8 or not _WORD_CHARACTER.search(before, start, since.start())
            or bool(_LOWER_PAST.search(span.lower())))


_CLAUSE_MARKS = ",;()—–"  # what `_ASIDE`'s clause runs up to (`[^,;()—–]*$`)


def _aside(before: str) -> bool:
    """`_ASIDE.search(before)`, faster: every match but an open bracket's lies in the
    last clause, from the last of `_CLAUSE_MARKS` on (the search from the start tried
    each word of a long sentence against the rest of it). There, `_ASIDE_WHEN` matches
    where a "when" (a word) has a word character before it in the clause: nothing after
    the clause's start is a clause mark."""
    start = max(max(before.rfind(mark) for mark in _CLAUSE_MARKS), 0)
    return (_ASIDE_BUT_WHEN.search(before, start) is not None
            or any(_WORD_CHARACTER.search(before, start, when.start())
                   for when in _WHEN.finditer(before, start))
            or before.rfind("(") > before.rfind(")"))


def main_event(doc, start: int) -> bool:
    """Whether the date at character `start` of a parsed sentence belongs to its main
    verb (the root, a verb joined to it, or what a verb of saying reports), and that
    verb tells something that happened: past, not present, future or conditional."""
    token = next((t for t in doc if t.idx >= start), None)
    if token is None:
        return False
    verb = token
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MODALS for a in auxiliaries):
        return False
    past = verb.tag_ == "VBD" or any(a.lower_ in _PAST_AUXILIARIES for a in auxiliaries) or (
        verb.tag_ == "VBN" and any(a.lower_ in _PERFECT for a in auxiliaries))
    if not past:
        return False
    up, hops = verb, 0
    while up.head.i != up.i and hops < 4:
        if up.dep_ == "conj" or (up.dep_ == "ccomp" and up.head.head.i == up.head.i) or (
                up.dep_ in ("ccomp", "xcomp", "parataxis") and lemma(up.head) in _REPORTING):
            up, hops = up.head, hops + 1
            continue
        return False
    return up.head.i == up.i


def resolved(text: str, article: Article) -> list[timex.Timex]:
    """The sentence's dates, resolved against its article's date. For an article dated
    by a caption or a post (the earliest it can be), a weekday counts from the next day.
    (The brief's timeline and `storyline timeline` both date by this.)"""
    day = _date(article.published)
    found = timex.find(text, day)
    if (day is None or article.date_source not in LOWER_BOUND_SOURCES
            or not any(_is_weekday(t.text) for t in found)):
        return found
    later = {(t.start, t.end): t for t in timex.find(text, day + timedelta(days=1))}
    return [later.get((t.start, t.end), t) if _is_weekday(t.text) else t for t in found]


def _is_weekday(text: str) -> bool:
    return bool(re.search(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day", text))


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
    """Two articles date the same action differently: the dates follow the same word
    (not a verb of saying: "officials said on Monday" dates the report, not the event)
    and name periods that do not overlap, in articles of the same week (months apart,
    like wording tells of two like events: an offensive in September, another in
    February)."""
    for i, (a, k) in enumerate(dates):
        for b, j in dates[i + 1:]:
            p, q = published[sentences[k].article], published[sentences[j].article]
            if (sentences[k].article != sentences[j].article and dated[k].key == dated[j].key
                    and dated[k].key not in ("said", "")
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
        figures.append(Figure(s.article, files[s.article], dated[k].when, low, high,
                              s.start, s.end, s.text))
    words = sentences[dates[0][1]].text.split()
    subject = "date of: " + " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    return Disagreement(subject, "date", tuple(figures))


def _position(sentence: Sentence, files) -> tuple[int, int]:
    return (list(files).index(sentence.article), sentence.index)


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
