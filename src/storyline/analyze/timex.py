"""Temporal expressions: the dates a text names, found by rules and resolved to the calendar.

`find(text, reference)` returns every date expression of a text as a `Timex`: where it is,
what calendar date it names (`value`: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY) and how
precisely, and what kind of mention it is. It needs no parser (no spaCy), so it can read
every sentence of a large collection in seconds. `resolve(text, reference)` reads one
date expression known to be a date (a spaCy DATE entity) the same way.

The rules follow what HeidelTime and SUTime do for news (explicit dates, then dates
relative to the document's date, and the "reference time" of news being its publication
date), written for this project:

- Explicit dates: "Feb. 9, 2019", "9 February 2019", "2019-02-09", "Wed Apr 15 , 2009"
  (tokenized text, as in T17, too), "February 2019", "early 2009", "the summer of 2009".
- Relative to the reference date (the article's publication date): "February 9th" (the
  nearest one not far ahead), "in December", "on Monday" (the latest Monday on or before
  the reference, or the next one after it when the verb is future: "will meet on
  Monday"), "today", "yesterday", "tonight", "last night", "last week/month/year",
  "earlier this month", "three days ago". Without a reference they are not returned.
- Not dates at all: clock times ("1903 GMT", "at 0400", "4.00am"), ages, counts ("2000
  people"), money ("$1999"), street numbers, resolutions and flights ("Resolution 1973"),
  decades ("the 1990s"), durations ("the past four months", "for two weeks").
- Dates returned with a flag, because they are not when the sentence's event happened:
  `label` for a date that names a thing ("the 1988 bombing", "a 1974 film", "the Jan. 12
  quake", "Japan's 2011 tsunami"), `future` for a time to come ("next week", "will vote
  on Friday", a date after the reference), `bound` for a start or end point ("since
  2014", "until March", "by Monday"). `Timex.event` is True when none of them is set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..data import word_list

_MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"]
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())} | {"sept": 9})
_WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                  "sunday"]
_WEEKDAYS = {d: i for i, d in enumerate(_WEEKDAY_NAMES)}
_WEEKDAYS.update({d[:3]: i for d, i in list(_WEEKDAYS.items())}
                 | {"tues": 1, "thur": 3, "thurs": 3})
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
            "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
            "twelve": 12}
# A month-day or month this far after the reference is the coming one; further ahead, it
# is last year's ("December 30" in a January article).
AHEAD_DAYS = 183

# --- the patterns ------------------------------------------------------------------------
# Month and weekday names are matched capitalized only ("may", "march" are words; "Sun"
# is a newspaper, so abbreviated weekdays count only before a month and day). `_S` is a
# space within a line: a date never spans two lines (T17 texts are a sentence a line).
_S = r"[^\S\n]"
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October" \
              r"|November|December)"
_MONTH = rf"(?P<month>{_FULL_MONTH}|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)" \
         r"(?![a-z])\.?)"
_FULL_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_PREFIX = rf"(?:(?:{_FULL_WEEKDAY}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)" \
                  rf"{_S}*,?{_S}+)?"
# A day is not part of a larger number ("1404 Jan Egeland": a live page's time and a name),
# a time ("9:30") or a range ("5-7").
_DAY = r"(?<![\d.,:])(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:]|[.,]\d|-\d|/)"
_YEAR = r"(?<![\d.,$£€/])(?P<year>1\d{3}|2[01]\d{2})(?![\d:]|[.,]\d|/)"
_COMMA = rf"{_S}*,?{_S}*"
_PART = rf"(?:{_S}+(?:morning|afternoon|evening|night))?"
_MOD = rf"(?P<mod>(?:early|late|mid|the{_S}+(?:end|beginning|start|middle){_S}+of)(?:-|{_S}+))?"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_NUMBER = r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"

_YEAR_ANCHOR = r"[12]\d\d\d"
# Families of rules, each with an anchor: a plain alternation of literals, which the regex
# engine scans for quickly, unlike the rules (most of which start with an optional part).
# A family's rules run only in a window of the line around each anchor:
# (anchor, characters before it, characters after it, rules as (kind, pattern)).
_FAMILIES: list[tuple[re.Pattern, int, int, list[tuple[str, re.Pattern]]]] = [
    (re.compile(anchor), before, after, [(kind, re.compile(rule)) for kind, rule in rules])
    for anchor, before, after, rules in [
        ("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec", 32, 32, [
            ("mdy", rf"{_WEEKDAY_PREFIX}{_MONTH}{_S}+{_DAY}{_COMMA}{_YEAR}"),
            ("mdy", rf"{_WEEKDAY_PREFIX}(?:the{_S}+)?{_DAY}(?:{_S}+of)?{_S}+{_MONTH}{_COMMA}"
                    rf"{_YEAR}"),
            ("md", rf"{_WEEKDAY_PREFIX}{_MONTH}{_S}+{_DAY}"),
            ("md", rf"{_WEEKDAY_PREFIX}(?:the{_S}+)?{_DAY}(?:{_S}+of)?{_S}+{_MONTH}"),
            ("my", rf"{_MOD}{_MONTH}(?:{_COMMA}|{_S}+of{_S}+){_YEAR}"),
            ("m", rf"(?P<which>(?:early|late|mid|last|this|next|earlier{_S}+this)(?:-|{_S}+)|"
                  rf"the{_S}+(?:end|beginning|start|middle){_S}+of{_S}+)?"
                  rf"(?P<month>{_FULL_MONTH})(?![\w-]|{_S}+\d)"),
        ]),
        (_YEAR_ANCHOR, 32, 12, [
            ("iso", r"(?<![\d/-])(?P<year>[12]\d{3})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)"
                    r"(?![\d/-])"),
            ("season", rf"(?i:(?:the{_S}+)?(?:(?:early|late|mid)[\s-]+)?{_SEASON}"
                       rf"(?:{_S}+of)?){_S}+{_YEAR}"),
            ("y", rf"{_MOD}{_YEAR}"),
        ]),
        ("day|night|Tonight|tomorrow|Tomorrow|morning|afternoon|evening", 24, 24, [
            ("weekday", rf"(?P<which>(?i:last|this|next|this{_S}+coming|coming|early|late|"
                        rf"earlier){_S}+(?:on{_S}+)?)?(?P<weekday>{_FULL_WEEKDAY})(?!\w){_PART}"),
            ("named", r"(?i:the day before yesterday|the day after tomorrow|(?:early |earlier |"
                      r"later )?today|tonight|this (?:morning|afternoon|evening)|yesterday"
                      r"(?: morning| afternoon| evening)?|last night|tomorrow(?: morning|"
                      r" night)?)(?!\w)"),
        ]),
        ("week|Week|month|Month|year|Year|ago", 28, 24, [
            ("this", rf"(?i:(?P<which>(?:(?:early|earlier|late|later){_S}+)?(?:last|this|next)"
                     rf"|the{_S}+coming){_S}+(?P<unit>week|month|year))(?!\w)"),
            ("ago", rf"(?<![\d.,])(?i:(?P<n>{_NUMBER}){_S}+(?P<unit>day|week|month|year)s?"
                    rf"{_S}+ago)(?!\w)"),
        ]),
    ]]

# The kinds of date that `_resolved` resolves without a reference (the others are all
# relative to it), and the families with a rule of one of them: without a reference,
# `_scan` reads only these.
_EXPLICIT_KINDS = frozenset({"iso", "mdy", "my", "y", "season", "m"})  # "m": a shared year
_EXPLICIT = [family for family in _FAMILIES
             if any(kind in _EXPLICIT_KINDS for kind, _ in family[3])]

# "January" in "January and March 2003" takes the year of the second month.
_SHARED_YEAR = re.compile(rf"{_S}+(?:and|or|to|through|until|-){_S}+{_FULL_MONTH}"
                          rf"(?:{_COMMA}|{_S}+of{_S}+){_YEAR}")

# --- context words -----------------------------------------------------------------------
_STOP_WORDS = word_list("stopwords.txt")
# Words right before a bare year or a bare month that make it a date ("in 2009", "since
# March"); a bare "2009" or "March" anywhere else is taken for something else.
_DATE_CUES = {"in", "during", "since", "until", "till", "by", "before", "after", "from",
              "through", "of", "year", "early", "late", "mid", "between", "last", "this",
              "next", "throughout", "spring", "summer", "autumn", "fall", "winter", "and", "or"}
_MONTH_CUES = _DATE_CUES - {"of", "and", "or", "year"}
# A date right after these is a start or end point, not when something happened.
_BOUND_CUES = {"since", "until", "till", "by", "before", "after", "from", "through", "to",
               "for", "between", "starting", "beginning", "effective", "throughout"}
_BOUND_PHRASES = re.compile(r"(?i:(?:ahead|prior|as)\s+(?:of|to)|up\s+to|no\s+later\s+than|"
                            r"(?:until|till|through|by|since)\s+at\s+(?:the\s+)?(?:least|latest|"
                            r"earliest))$")  # ("closed until at least Sunday")
# A date right after these and before a word names a thing: "the 1988 bombing".
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
                "their", "our", "my", "your", "'s", "’s", "s'"}
# After a bare number these make it a clock time, an amount or a street number.
_NOT_AFTER_YEAR = re.compile(
    r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|MST|MDT|ET|PT|Z|hrs|hours|h|local|"
    r"am|pm|a\.m\.|p\.m\.|%|percent|per)(?!\w)", re.IGNORECASE)
_STREET = re.compile(r"[^\S\n]*(?:[A-Z][\w.-]*[^\S\n]+){0,3}(?:Street|St|Avenue|Ave|Road|Rd|"
                     r"Boulevard|Blvd|Lane|Drive|Way|Place|Square|Court|Parkway|Highway)\b")
_NAMED_DAYS = {"black", "super", "good", "bloody", "ash", "easter", "palm", "cyber", "holy",
               "maundy", "shrove", "whit", "low", "plough", "orange"}
_NEWSPAPER_AFTER = re.compile(r"[^\S\n]+(?:Times|Telegraph|Mirror|Express|Herald|Post|"
                              r"Tribune|Independent|People|Sport|Star|Mail|World|Age)\b")
_FUTURE_BEFORE = re.compile(
    r"(?i:\b(?:will|shall|won't|'ll|is\s+to|are\s+to|due\s+to|expected\s+to|scheduled|"
    r"(?:is|are|be)\s+(?:also\s+)?expected|"
    r"set\s+to|plans?\s+to|planned|going\s+to|to\s+be\s+held|would\s+be\s+held)\b"
    r"[^.;:!?]*)$")
# ... unless a verb of saying dates the report just before it: "Russia will hire a
# Norwegian company, a top official said Wednesday" was said on the past Wednesday.
_SAID_BEFORE = re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"  # (not "will be announced")
                          r"\b(?:said|announced|reported|added|confirmed|warned|stated|"
                          r"told(?:\s+[\w.'’-]+){0,2})\s+(?:(?:late|early)\s+)?(?:on\s+)?$",
                          re.I)
# Past forms no "-ed" shows (`_FUTURE_AFTER`, `_PAST_AFTER`).
_IRREGULAR_PAST = ("said|told|wrote|began|made|took|gave|met|went|came|saw|found|held|left|sent|"
                   "won|lost|led|spoke|chose|became|brought|thought|kept|ran|struck|fell|rose|"
                   "sought|fought|drove|broke|knew|grew|threw|shot|built|paid|sold|heard|stood")
# A date that opens its sentence dates a future verb after it: "On Thursday, Colorado Gov.
# Bill Owens will lead thousands ..." (within a few words, none of them a verb of saying or
# a past form: not "On Monday, the president signed a bill that will ...").
_FUTURE_AFTER = re.compile(
    r",?[ \t]+(?:(?!(?i:says|" + _IRREGULAR_PAST + r"|who|which|that)\b)"
    r"(?![a-z][\w'’-]*ed\b)(?![a-z][\w'’-]*[a-z]\.(?:\s|$))[\w.'’-]+[ \t]+){0,6}?"
    r"(?:will|shall|is[ \t]+to|are[ \t]+to|plans?[ \t]+to|is[ \t]+expected[ \t]+to|"
    r"are[ \t]+expected[ \t]+to|is[ \t]+scheduled[ \t]+to|are[ \t]+scheduled[ \t]+to)\b")
# `resolve`: month and weekday names in any case, and the words a date entity may hold
# beside the date itself ("late on Monday").
_NAMES = re.compile(r"(?i)\b(?:" + "|".join(sorted(_MONTHS) + sorted(_WEEKDAYS)) + r")\b")
_FILLER = {"", "on", "in", "at", "during", "the", "of", "late", "early", "earlier", "mid",
           "morning", "afternoon", "evening", "night"}
_TOKEN = re.compile(r"[’']s\b|\w[\w’'.-]*|[^\w\s]")


@dataclass(frozen=True)
class Timex:
    """A date a text names: `text[start:end]`, and the calendar date it resolves to.

    `value` is YYYY-MM-DD (precision "day"), YYYY-Www ("week", an ISO week: "last week"),
    YYYY-MM ("month") or YYYY ("year"). `relative` says the reference date was needed.
    `label`, `future` and `bound` mark mentions that do not date the sentence's event:
    a date that names a thing ("the 1988 bombing"), a time to come, a start or end point.
    """

    start: int
    end: int
    text: str
    value: str
    precision: str
    relative: bool = False
    future: bool = False
    label: bool = False
    bound: bool = False

    @property
    def event(self) -> bool:
        """Whether the date can be when the sentence's event happened."""
        return not (self.future or self.label or self.bound)

    @property
    def first(self) -> date:
        """The first day of the period the value names."""
        return period(self.value)[0]

    @property
    def last(self) -> date:
        """The last day of the period the value names."""
        return period(self.value)[1]


def find(text: str, reference: date | None = None) -> list[Timex]:
    """The date expressions of `text`, in order, resolved against `reference` (the
    article's publication date; None when unknown, and then only explicit dates, "February
    2019" or "in 2009" say, are found)."""
    return _scan(text, reference, lenient=False)


def resolve(text: str, reference: date | None) -> tuple[str, str] | None:
    """A date expression known to be one (a spaCy DATE entity: "Monday", "late last
    month", "December") as (value, precision), resolved against `reference`; None when it
    cannot be resolved, names a time to come or a week, or holds more than a date ("the
    past four months", "this Friday" before Friday, "next week")."""
    text = " ".join(text.replace("’", "'").split())
    text = _NAMES.sub(lambda m: m.group().capitalize(), text)
    found = _scan(text, reference, lenient=True)
    if len(found) != 1:
        return None
    t = found[0]
    rest = (text[:t.start] + " " + text[t.end:]).lower().split()
    if (t.future or t.precision == "week"
            or any(w.strip(",.") not in _FILLER for w in rest)):
        return None
    return t.value, t.precision


def period(value: str) -> tuple[date, date]:
    """The first and last day a value names (a day, an ISO week, a month or a year)."""
    if "W" in value:
        year, week = value.split("-W")
        first = date.fromisocalendar(int(year), int(week), 1)
        return first, first + timedelta(days=6)
    if len(value) == 10:
        day = date.fromisoformat(value)
        return day, day
    if len(value) == 7:
        year, month = map(int, value.split("-"))
        nxt = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), nxt - timedelta(days=1)
    return date(int(value), 1, 1), date(int(value), 12, 31)


# --- scanning ----------------------------------------------------------------------------

def _scan(text: str, reference: date | None, lenient: bool) -> list[Timex]:
    candidates = {}
    # (Without a reference, the families whose rules all need one find nothing.)
    for anchor, before, after, rules in _FAMILIES if reference is not None else _EXPLICIT:
        for lo, hi in _windows(text, anchor, before, after):
            for kind, pattern in rules:
                for m in pattern.finditer(text, lo, hi):
                    if m.span() in candidates or not _accepted(kind, m, text, lenient):
                        continue
                    found = _resolved(kind, m, reference, text)
                    if found is not None:
                        candidates[m.span()] = (m, found)
    out: list[Timex] = []
    taken_until = -1
    for (start, end), (m, (value, precision, relative, future)) in sorted(
            candidates.items(), key=lambda c: (c[0][0], -c[0][1])):
        if start < taken_until:
            continue  # inside a longer date already taken ("Feb. 9" of "Feb. 9, 2019")
        taken_until = end
        before = _words_before(text, start)
        future = future or _future_verb(text, start, end)
        if reference is not None and not future:
            future = period(value)[0] > reference
        bound = _is_bound(text, start, before) or bool(
            out and out[-1].bound and text[out[-1].end:start].strip().lower() in ("or", "and"))
        out.append(Timex(start, end, text[start:end], value, precision, relative, future,
                         _is_label(m, text, before, end), bound))  # ("by Thursday or Friday")
    return out


# Every date expression lies in a window around an anchor of its family: a text with no
# anchor of any family holds none. Two searches, where `_scan` makes one per family: the
# year's digits, and the anchors that are words in one alternation of literals, which the
# regex engine skips through by their first letters (with the digits in the same
# alternation it cannot, and the search takes twice as long).
_YEAR_DIGITS = re.compile(_YEAR_ANCHOR)
_WORD_ANCHOR = re.compile("|".join(anchor.pattern for anchor, *_ in _FAMILIES
                                   if anchor.pattern != _YEAR_ANCHOR))


def may_hold_dates(text: str) -> bool:
    """False only when `find` finds no date in `text` (it holds no anchor of one)."""
    return _YEAR_DIGITS.search(text) is not None or _WORD_ANCHOR.search(text) is not None


def may_hold_explicit_dates(text: str) -> bool:
    """False only when `find(text, None)` finds no date in `text`: without a reference
    only explicit dates are found, and each of those writes its year (a year before or
    after it, for a month that shares it: "between January and March 2003")."""
    return _YEAR_DIGITS.search(text) is not None


MAX_TOKEN_CHARS = 64  # a window widens to whole tokens, but no word is longer


def _windows(text: str, anchor: re.Pattern, before: int,
             after: int) -> list[tuple[int, int]]:
    """Spans of the text around each anchor, within its line, widened to whole tokens and
    merged where they overlap."""
    spans: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        # Looking no further than a window and a word away keeps this linear in the text,
        # however long its lines and tokens (a line of 30,000 digits took minutes).
        reach_lo = max(0, m.start() - before - MAX_TOKEN_CHARS)
        reach_hi = min(len(text), m.end() + after + MAX_TOKEN_CHARS)
        line_start = max(text.rfind("\n", reach_lo, m.start()) + 1, reach_lo)
        line_end = text.find("\n", m.end(), reach_hi)
        line_end = reach_hi if line_end < 0 else line_end
        lo, hi = max(line_start, m.start() - before), min(line_end, m.end() + after)
        while lo > line_start and not text[lo - 1].isspace():
            lo -= 1
        while hi < line_end and not text[hi].isspace():
            hi += 1
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def _accepted(kind: str, m: re.Match, text: str, lenient: bool) -> bool:
    """Context rules: what makes "March", "2009" or "Monday" a date here. `lenient` is for
    text known to be a date expression, where a bare "December" or "2014" is one."""
    before = _words_before(text, m.start())
    prev = before[-1].lower() if before else ""
    if kind == "weekday":
        if prev in _NAMED_DAYS or _NEWSPAPER_AFTER.match(text, m.end()):
            return False  # "Black Monday", "the Sunday Times"
        return not re.search(r"(?i:mail|independent)\s+on\s*$", text[:m.start()][-20:])
    if kind == "this" and prev in _DETERMINERS:
        return False  # "in my last year at school", "over the last year": not a date
    if lenient or kind in ("iso", "named", "this", "ago"):
        return True
    if kind in ("md", "mdy", "my", "m") and before and _is_name(before[-1]):
        return False  # "Theresa May 12", "April Ryan": a first name before the month
    if kind == "m":
        return bool(m.group("which")) or prev in _MONTH_CUES
    counted = _counts_after(text, m.end())  # "Feb. 9, 2000 people", "in 2000 troops"
    label = prev in _DETERMINERS or (prev.endswith("'s") and len(prev) > 2)
    if kind in ("mdy", "my", "season"):
        return label or not counted
    if kind != "y":
        return True
    after = text[m.end():m.end() + 24]
    if (_NOT_AFTER_YEAR.match(after.lstrip()) or after.startswith("s") or _STREET.match(after)
            or re.match(r"[^\S\n]*-[^\S\n]*\d", after)):
        return False  # "1903 GMT", "the 1990s", "2009-10"
    if re.match(r"[^\S\n]*[’']s\b", after) and m.group("year").endswith("0") and prev == "the":
        return False  # "the 1990's"
    if prev in ("at", "no", "no.", "#", "$", "£", "€", "us$"):
        return False  # "at 0400", "No. 1973"
    if int(m.group("year")) < 1800 and prev != "in":
        return False  # "by 1100 (1600 GMT)": a clock time
    if m.group("mod"):
        return True  # "early 2009", "mid-2009"
    if label:
        return bool(_next_word(text, m.end()))  # "the 1988 bombing": kept, as a label
    return prev in _DATE_CUES and not counted


def _counts_after(text: str, end: int) -> bool:
    """The number is followed by a noun it counts ("2000 people"): a lower-case word that
    is not a stop word."""
    nxt = _next_word(text, end)
    return bool(nxt) and nxt[0].islower() and nxt.lower() not in _STOP_WORDS


# Letters that a case-blind pattern matches as Latin ones ("thıs week" with a dotless i,
# a long s, a Kelvin sign): read as those before the words are looked up.
_FOLD = str.maketrans({"ı": "i", "İ": "I", "ſ": "s", "\u212a": "K"})


def _resolved(kind: str, m: re.Match, reference: date | None,
              text: str) -> tuple[str, str, bool, bool] | None:
    """(value, precision, relative, future) of one match; None when it is no date or needs
    a reference that is missing."""
    g = {k: v.translate(_FOLD) if v else v for k, v in m.groupdict().items()}
    month = _MONTHS.get(g["month"].lower().rstrip(".")) if g.get("month") else None
    try:
        if kind in ("iso", "mdy"):
            day = date(int(g["year"]), month or int(g["mon"]), int(g["day"]))
            return day.isoformat(), "day", False, False
        if kind == "my":
            return f"{int(g['year']):04d}-{month:02d}", "month", False, False
        if kind in ("y", "season"):
            return g["year"], "year", False, False
        shared = _SHARED_YEAR.match(text, m.end()) if kind == "m" else None
        if shared:  # "between January and March 2003"
            return f"{shared.group('year')}-{month:02d}", "month", False, False
        if reference is None:
            return None
        if kind == "md":
            day = date(reference.year, month, int(g["day"]))
            if day > reference + timedelta(days=2):
                if (day - reference).days <= AHEAD_DAYS:
                    return day.isoformat(), "day", True, True  # "on March 3", to come
                day = _day_in_year(day, reference.year - 1)  # "December 30" in January
            return day.isoformat(), "day", True, False
        if kind == "m":
            which = (g.get("which") or "").lower().strip(" -")
            if not which and _words_before(text, m.start())[-1:] in (["since"], ["Since"]):
                which = "last"  # "since November": a past one
            return _month(month, reference, which)
        if kind == "weekday":
            return _weekday(_WEEKDAYS[g["weekday"].lower()], reference,
                            (g.get("which") or "").lower().split(), text, m.start(), m.end())
        if kind == "named":
            return _named(" ".join(m.group().translate(_FOLD).lower().split()), reference)
        if kind == "this":
            which = " ".join(g["which"].lower().split())
            return _this(which.split()[-1], g["unit"].lower(), reference,
                         which.startswith("later"))
        if kind == "ago":
            n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
            return _ago(n, g["unit"].lower(), reference)
    except (ValueError, OverflowError):  # "February 30", year 0
        return None
    return None


def _day_in_year(day: date, year: int) -> date:
    return day.replace(year=year) if (day.month, day.day) != (2, 29) else date(year, 2, 28)


def _month(month: int, reference: date, which: str) -> tuple[str, str, bool, bool] | None:
    year, future = reference.year, False
    if which == "next":
        year, future = (year + 1 if month <= reference.month else year), True
    elif which == "last":
        year = year - 1 if month >= reference.month else year
    elif which in ("this", "earlier this"):
        future = month > reference.month
    elif month > reference.month:
        if (month - reference.month) * 30 <= AHEAD_DAYS:
            future = True  # "in April" in a February article: to come
        else:
            year -= 1
    return f"{year:04d}-{month:02d}", "month", True, future


def _weekday(weekday: int, reference: date, which: list[str], text: str,
             start: int, end: int) -> tuple[str, str, bool, bool]:
    back = (reference.weekday() - weekday) % 7
    ahead = (weekday - reference.weekday()) % 7 or 7
    if "next" in which or "coming" in which or (
            "this" in which and back != 0) or _future_verb(text, start, end):
        return (reference + timedelta(days=ahead)).isoformat(), "day", True, True
    if "last" in which:
        back = back or 7
    return (reference - timedelta(days=back)).isoformat(), "day", True, False


def _named(words: str, reference: date) -> tuple[str, str, bool, bool]:
    if "tomorrow" in words:
        shift = 2 if "day after" in words else 1
        return (reference + timedelta(days=shift)).isoformat(), "day", True, True
    shift = 2 if "day before" in words else int("yesterday" in words or "last" in words)
    return (reference - timedelta(days=shift)).isoformat(), "day", True, False


def _this(which: str, unit: str, reference: date,
          later: bool) -> tuple[str, str, bool, bool]:
    shift = {"last": -1, "this": 0, "next": 1, "coming": 1}[which]
    future = shift > 0 or later
    if unit == "week":
        year, week, _ = (reference + timedelta(weeks=shift)).isocalendar()
        return f"{year:04d}-W{week:02d}", "week", True, future
    if unit == "month":
        year, month = divmod(reference.year * 12 + reference.month - 1 + shift, 12)
        return f"{year:04d}-{month + 1:02d}", "month", True, future
    return f"{reference.year + shift:04d}", "year", True, future


def _ago(n: int, unit: str, reference: date) -> tuple[str, str, bool, bool] | None:
    if unit == "day":
        return (reference - timedelta(days=n)).isoformat(), "day", True, False
    if unit == "week":
        year, week, _ = (reference - timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}", "week", True, False
    if unit == "month":
        year, month = divmod(reference.year * 12 + reference.month - 1 - n, 12)
        return f"{year:04d}-{month + 1:02d}", "month", True, False
    if n > 200:
        return None  # "5000 years ago" is no date of the news
    return f"{reference.year - n:04d}", "year", True, False


# --- context helpers ---------------------------------------------------------------------

def _words_before(text: str, start: int, n: int = 3) -> list[str]:
    """The last `n` tokens before `start` on the same line ("'s" is a token)."""
    line_start = text.rfind("\n", 0, start) + 1
    return _TOKEN.findall(text[max(line_start, start - 40):start])[-n:]


def _next_word(text: str, end: int) -> str:
    """The word right after `end` on the same line, or "" when punctuation comes first."""
    m = re.match(r"[^\S\n]*(\w[\w-]*)", text[end:end + 40])
    return m.group(1) if m else ""


def _future_verb(text: str, start: int, end: int) -> bool:
    """The date at `text[start:end]` is when a verb to come happens: one before it in its
    clause ("will meet on Friday"), unless a verb of saying dates it ("..., a top official
    said Wednesday"), or one just after it where the date opens the sentence ("On
    Thursday, the governor will lead ...")."""
    before = _clause_before(text, start)
    if _SAID_BEFORE.search(before):
        return False
    if future := _FUTURE_BEFORE.search(before):
        # (far back, a verb to come may be a relative clause's, with the past main verb
        # after it: "The company, which will close its plant ..., laid off 200 workers on
        # Monday")
        return len(before) - future.start() <= NEAR_BEFORE or not _PAST_AFTER.search(
            before, future.start() + len(future.group().split(" ", 1)[0]))
    return before.strip().lower() in ("", "on") and bool(_FUTURE_AFTER.match(text, end))


# How far back a verb to come is looked for: "Mr Obama says he will meet former US
# presidents Bill Clinton and George W Bush at the White House on Saturday" (a Haiti page
# put it on the Saturday before the quake).
CLAUSE_BEFORE = 120
NEAR_BEFORE = 60  # a verb to come further back than this counts only with no past verb after it
# A past verb (not a participle after "be" or "have": "will be announced on Friday").
_PAST_AFTER = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bhave )(?<!\bhas )(?<!\bhad )"
    r"\b(?:[a-z]+ed|" + _IRREGULAR_PAST + r"|laid|spent|cut|put)\b")


def _clause_before(text: str, start: int) -> str:
    """The text before `start` back to the start of its sentence (at most CLAUSE_BEFORE
    characters)."""
    piece = text[max(0, start - CLAUSE_BEFORE):start]
    cut = max(piece.rfind(c) for c in ".;!?\n")
    return piece[cut + 1:]


def _is_name(word: str) -> bool:
    """A capitalized word that is not a date cue ("On", "Since") or a weekday: the first
    name in "Theresa May" or "April Ryan"."""
    lower = word.lower()
    return (word[:1].isupper() and word[1:].islower() and lower not in _DATE_CUES
            and lower not in _BOUND_CUES and lower not in _STOP_WORDS
            and lower.rstrip(",.") not in _WEEKDAYS)


def _is_label(m: re.Match, text: str, before: list[str], end: int) -> bool:
    """A date between a determiner and a noun names a thing: "the 1988 bombing", "a 1974
    film", "the Jan. 12 quake", "Japan 's 2011 tsunami"."""
    if " of " in m.group():
        return False  # "the 9th of February", "the summer of 2009": the date itself
    prev = "the" if m.group().startswith("the ") else before[-1].lower() if before else ""
    if not (prev in _DETERMINERS or (prev.endswith("'s") and len(prev) > 2)):
        return False
    nxt = _next_word(text, end)
    return bool(nxt) and nxt.lower() not in _STOP_WORDS


def _is_bound(text: str, start: int, before: list[str]) -> bool:
    prev = before[-1].lower() if before else ""
    return prev in _BOUND_CUES or bool(_BOUND_PHRASES.search(text[max(0, start - 30):start]
                                                             .rstrip()))
