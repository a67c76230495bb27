"""Stage 0: each article's date, read from the raw article before anything is removed.

Cleaning throws away captions, stamps and bylines, and with them the best evidence of
when an article was written, so this stage reads the article as it came. Evidence, from
the strongest:

- `given`: a `published` field of a document object or a cluster line;
- `metadata`: the page's own publication date in its HTML (trafilatura, in ingest);
- `url`: a date in the article's address (`/2019/02/09/`);
- `stamp`: a "Published:", "Posted", "First published" stamp, or failing that an
  "Updated:" / "Last updated" / "amended on" stamp (the first publication is preferred);
- `dateline`: an agency dateline with a date ("LONDON, Feb. 9, 2019 (Reuters) —",
  "NEW YORK, May 18 (UPI) --" when the address gives the year);
- `byline`: a short "By ..." line with a date;
- `page`: a short line near the top that is only a date ("Sunday, July 31, 2011 21:39
  EDT"), unless it reads like a site's header of today's date ("Abu Dhabi, UAE
  Wednesday 22 January 2020": a place, then a weekday; that is when the page was read);
- `caption`: the latest date in a photo caption or credit ("... on February 9, 2019.
  / AFP"), unless the photo is a file or archive picture;
- `post`: the latest date of an embedded social-media post ("— Name (@name) June 20,
  2017"): the article quotes it, so it was written that day or soon after;
- `option`: the date given for undated articles (`--published`, `Options.published`).

A date that is earlier than a caption's or a post's (the article cannot predate what it
shows) is not taken. When nothing is solid the article stays undated: its relative
dates ("on Monday") then stay off the timeline rather than being guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..model import Article
from .literals import led, may_match, needles

SOURCES = ("given", "metadata", "url", "stamp", "dateline", "byline", "page", "caption",
           "post", "option")  # strongest first
HEADER_PARAGRAPHS = 6  # a page's date line sits above the story's first paragraphs
MAX_LINE_WORDS = 16  # a stamp, byline or page date is a short line, not a sentence

_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)\b"
_WEEKDAY = (r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?")
_FULL_DATES = (  # a calendar date with its year, as newspapers write it
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),  # February 9, 2019
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", re.I),  # 9 February 2019
    re.compile(rf"\b{_MONTH}\s+{_DAY}\.\s+{_YEAR}", re.I),  # Jan. 24. 2018
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),  # 2019-02-09
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+{_YEAR}", re.I)  # January 2017
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d)", re.I)  # Feb. 9 (no year)
_STAMP = re.compile(
    r"^\W*(?:(?P<first>published|posted|first published|originally published|"
    r"publication date|date published)|(?P<later>updated|last updated|last modified|"
    r"modified|this (?:article|story) was (?:amended|updated|corrected)|correction))\b", re.I)
_AGENCY = r"\((?:AP|Reuters|AFP|UPI|CNN|Xinhua|dpa|Bloomberg|IANS|PTI|ANI|[A-Z]{2,6})\)"
_DATELINE = re.compile(  # "LONDON, Feb. 9, 2019 (Reuters) -", "WASHINGTON (AP) — Feb. 9, 2019"
    rf"^[A-Z][A-Za-z.'-]+(?:[ ,]+[A-Z][\w.'-]*){{0,4}},?\s*(?:{_AGENCY}\s*[-—–]+\s*)?"
    rf"(?P<date>(?:{_WEEKDAY},?\s+)?[A-Z][a-z]+\.?\s+\d{{1,2}}(?:,?\s+(?:19|20)\d\d)?)"
    rf"\s*(?:{_AGENCY}\s*)?[-—–]+")
_BYLINE = re.compile(r"^\W*by\s+[A-Z]", re.I)
_SITE_HEADER = re.compile(  # "Abu Dhabi, UAEWednesday 22 January 2020": place, weekday
    rf"^[A-Z][\w .'-]*,\s*[A-Z][\w .'-]*?{_WEEKDAY},?\s+\d", re.I)
_CREDIT = re.compile(  # a photo caption's or credit's telltale
    r"\b(?:AFP|AP|Reuters|REUTERS|EPA|Getty)\s*(?:Photo|Images|/)|/\s*(?:AFP|AP|Reuters|EPA)\b|"
    r"\b(?:Image copyright|Image caption|Photo|Photograph|Picture|Credit)\s*:|\(Photo\b|"
    r"\b[A-Z]{2,}/[A-Z][a-z]+|\(Associated Press\)\s*$")
_CREDIT_NEEDLES = needles(_CREDIT, case=True)  # a line with none is no credit (literals.py)
# (speed: searched behind a look-ahead of the characters a match can start with: literals.led)
_FULL_DATES, _CREDIT = tuple(map(led, _FULL_DATES)), led(_CREDIT)
_MONTH_YEAR, _MONTH_DAY = led(_MONTH_YEAR), led(_MONTH_DAY)
_FILE_PHOTO = re.compile(r"\b(?:file|archive|archival|undated)\b|\bin this\b.*\bphoto\b", re.I)
_POST = re.compile(  # "— Name (@name) June 20, 2017", "A post shared by X (@y) on Jun 20, 2017"
    r"\(@\w+\)\s+(?:on\s+)?(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+(?:19|20)\d\d)")
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?:/|\b)")
_URL_YEAR = re.compile(r"/(?P<year>(?:19|20)\d\d)/")
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")  # every full date holds one: a quick test first
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def date_all(articles: list[Article], fallback: str | None = None) -> list[Article]:
    """Every article with its date and where the date came from (`date_source`);
    `fallback` (YYYY-MM-DD) dates the articles that carry no evidence of their own."""
    return [_dated(a, fallback) for a in articles]


def _dated(article: Article, fallback: str | None) -> Article:
    if article.published:
        return replace(article, date_source=article.date_source or "given")
    found = date_of(article)
    if found is None and fallback:
        found = (fallback, "option")
    if found is None:
        return replace(article, date_source=None)
    return replace(article, published=found[0], date_source=found[1])


def date_of(article: Article) -> tuple[str, str] | None:
    """The article's date from its own text and address, as (YYYY-MM-DD, source), or
    None when no evidence is solid enough."""
    evidence = _evidence(article.text, article.url)
    floor = max((d for d, source in evidence if source in ("caption", "post")), default="")
    for source in SOURCES:
        for found, kind in evidence:
            if kind == source and found >= _day_before(floor):
                return found, source
    return None


def _evidence(text: str, url: str | None) -> list[tuple[str, str]]:
    """(date, source) pairs, in the order of `SOURCES` within each kind's preference."""
    out: list[tuple[str, str]] = []
    if url and (m := _URL_DATE.search(url)):
        out += _found(m, "url")
    year_hint = int(m.group("year")) if url and (m := _URL_YEAR.search(url)) else None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    first, later, captions, posts, body = [], [], [], [], []
    for i, line in enumerate(lines):
        # (words counted up to one more than MAX_LINE_WORDS: a paragraph is not split whole)
        short = len(line.split(None, MAX_LINE_WORDS)) <= MAX_LINE_WORDS
        top = i < HEADER_PARAGRAPHS
        if "(@" in line and (shown := [d for m in _POST.finditer(line)
                                       for d in _dates_in(m.group("date"))]):
            posts += shown
        elif short and (stamp := _STAMP.match(line)):
            (first if stamp.group("first") else later).extend(_dates_in(line))
        elif short and _BYLINE.match(line):
            out += [(d, "byline") for d in _dates_in(line)[:1]]
        elif top and (m := _DATELINE.match(line)):
            found = _dates_in(m.group("date")) or _month_day(m.group("date"), year_hint)
            out += [(d, "dateline") for d in found[:1]]
        elif may_match(_CREDIT_NEEDLES, line) and _CREDIT.search(line):
            captions += [] if _FILE_PHOTO.search(line) else _dates_in(line)
        elif short and top and not _SITE_HEADER.match(line) and _is_date_line(line):
            out += [(d, "page") for d in _dates_in(line)[:1]]
        elif not short:  # the story's own past: "a Sept. 2, 2015, incident" (its dates
            body.append(line)  # read only if needed, below: most articles never need them)
    out += [(d, "stamp") for d in (first[:1] or later[:1])]
    # A picture or a post is of the article's day unless the story itself names its date
    # or a later one as past: "a Sept. 2, 2015, incident" under a photo of that day.
    # (Most articles have neither: then the story's dates are not read.)
    latest = max((d for line in body for d in _dates_in(line) + _month_years(line)),
                 default="") if captions or posts else ""
    out += [(max(captions), "caption")] if captions and max(captions) > latest else []
    out += [(max(posts), "post")] if posts and max(posts) > latest else []
    return out


def _is_date_line(line: str) -> bool:
    """A line that is a date and little else: no sentence, at most a weekday, a time, a
    time zone or a site's name around it."""
    if not _dates_in(line) or re.search(r"(?<![AP]\.M)[.!?]\s*$", line, re.I):
        return False  # a sentence, unless it ends in a time ("7:44 P.M.")
    if re.match(r"^\W*[A-Za-z][A-Za-z ]{2,}:\s", line):
        return False  # "Crawl start date: 09 March, 2011" is the date of something else
    rest = line
    for pattern in _FULL_DATES:
        rest = pattern.sub(" ", rest)
    words = re.findall(r"[A-Za-z]{3,}", rest)
    return len(words) <= 4


def _month_years(text: str) -> list[str]:
    """The first days of the months named with a year ("in January 2017")."""
    if not _ANY_YEAR.search(text):
        return []
    return [d for m in _MONTH_YEAR.finditer(text)
            for d in _valid(int(m.group("year")), _month_number(m.group("month")), 1)]


def _dates_in(text: str) -> list[str]:
    """The full calendar dates written in `text`, as YYYY-MM-DD, in order."""
    if not _ANY_YEAR.search(text):
        return []
    found = []
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            found += [(m.start(), d) for d, _ in _found(m, "")]
    return [d for _, d in sorted(found)]


def _month_day(text: str, year: int | None) -> list[str]:
    """A month and day without a year ("Feb. 9"), dated only when the year is known."""
    m = _MONTH_DAY.search(text)
    if not m or year is None:
        return []
    return _valid(year, _month_number(m.group("month")), int(m.group("day")))


def _found(m: re.Match, source: str) -> list[tuple[str, str]]:
    month = m.group("month")
    number = int(month) if month.isdigit() else _month_number(month)
    return [(d, source) for d in _valid(int(m.group("year")), number, int(m.group("day")))]


def _valid(year: int, month: int, day: int) -> list[str]:
    try:
        return [date(year, month, day).isoformat()]
    except ValueError:
        return []


def _month_number(name: str) -> int:
    return _MONTHS.index(name.lower()[:3]) + 1


def _day_before(iso: str) -> str:
    if not iso:
        return ""
    return date.fromordinal(date.fromisoformat(iso).toordinal() - 1).isoformat()
