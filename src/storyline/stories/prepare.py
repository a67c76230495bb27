"""The work on one article, before it meets the stream: a pure function.

`prepare(item)` extracts the text (HTML through trafilatura), cleans page clutter for
detection's view of it, and computes what the ordered pass needs: the content key
(exact duplicates), the hashed term counts (story detection) and the MinHash signature
(near duplicates). It reads nothing but its argument, so a pool of processes, or Ray,
can run it on many articles at once; only `Stories.add`'s assignment pass is in order.
"""

from __future__ import annotations

import hashlib
import html
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..brief import checks, clean, segment
from ..brief.ingest import article_from_html, safe_article, unix_newlines
from ..brief.vectors import terms
from ..errors import InputError
from ..model import Article
from . import dedup

TERM_BITS = 20  # terms are hashed into 2**20 buckets: document frequencies take 4 MB, always
DETECTION_CHARS = 4000  # detection and signatures read the first 4,000 characters (the lead)
LABEL_CHARS = 100
# An untitled article is listed by its lead (`lead`): its first statement of this many
# words, among its first sentences, read from the start of its cleaned text; a title of
# one word ("MALAYSIA", "Politics") is a section's, and the lead names the article instead.
LEAD_WORDS, LEAD_SENTENCES, LEAD_TEXT_CHARS, LEAD_CHARS = 5, 4, 1500, 240
HEADLINE_WORDS = 4  # a first line of fewer words ("Politics", "2 years ago") is no headline
FUTURE_DAYS = 1  # a date up to a day ahead is a time zone, not a mistake
_SPACE = re.compile(r"\s+")
_CODE = re.compile(r"&[A-Za-z]{1,8};|<[^>]{0,200}>")  # what html.unescape leaves


@dataclass(frozen=True)
class Incoming:
    """One article as a source found it, before any work on it. `where` names it in
    messages ("world.xml, item 3"); `extra` keeps a JSON line's other fields."""

    text: str
    where: str
    html: bool = False
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Prepared:
    """An article ready for the ordered pass: what is stored, and what is compared."""

    article: Article  # the text as extracted (clutter is left for the brief to remove)
    where: str
    key: str  # hash of the cleaned, normalized text: the same content gives the same key
    terms: dict[int, int]  # hashed, stemmed term -> count, headline counted twice
    signature: bytes  # MinHash of word shingles (dedup.py)
    label: str = ""  # for listings: the title, or the cleaned text's lead sentence (`lead`)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """An article that cannot be added, and why (the message says how to fix it)."""

    where: str
    reason: str
    duplicate: bool = False  # already in the store: counted as a duplicate, not an error
    unread: str | None = None  # the source when it gave no article, or broke off midway


def prepare(item: Incoming, today: date | None = None) -> Prepared:
    """The article's text, key, terms and signature; `InputError` if it has no text, is
    not in English or has a date in the future (after `today`, by default the current
    date)."""
    if item.html:
        article = article_from_html(item.text, id=item.id or "", url=item.url,
                                    published=item.published)
        article = replace(article, title=item.title or article.title, source=item.source)
    else:
        article = Article(id=item.id or "", text=unix_newlines(item.text), title=item.title,
                          url=item.url, published=item.published, source=item.source)
    article = safe_article(article, where=item.where)  # no ESC, password or lone surrogate
    limit = (today or date.today()) + timedelta(days=FUTURE_DAYS)
    if article.published and article.published > limit.isoformat():
        raise InputError(f"{item.where}: its date {article.published} is in the future; "
                         "fix the date or leave it out")
    view = opening(article)
    text = view.text
    if not text.strip():
        raise InputError(f"{item.where}: no article text (empty, or only page clutter such "
                         "as share buttons or an archive notice); skipped")
    if not checks.in_english(text):  # (a story of them would be told in garbled words)
        raise InputError(f"{item.where}: not in English, or its letters were lost (most of "
                         "its words are none of English's commonest); skipped")
    if checks.is_budget(article.text):  # (budgets would make a story of their own)
        raise InputError(f"{item.where}: a wire's budget (a list of coming stories, each "
                         "under its slug), not a story; skipped")
    found = _title(view.title)  # clean's headline guess: short ones are page sections
    found = found if found and len(found.split()) >= HEADLINE_WORDS else None
    article = replace(article, title=_title(article.title) or found)
    key = hashlib.sha256(_SPACE.sub(" ", text).strip().lower().encode()).hexdigest()
    if not article.id:
        article = replace(article, id=article.url or f"sha256:{key[:16]}")
    counts = Counter(map(term_id, terms(text)))
    if article.title:
        counts.update({t: 2 for t in map(term_id, terms(article.title))})
    label = (article.title if names_article(article.title)
             else lead(text) or article.title or _shorten(" ".join(text.split()), LABEL_CHARS))
    return Prepared(article=article, where=item.where, key=key, terms=dict(counts),
                    signature=dedup.signature(text), label=label, extra=item.extra)


def prepare_or_skip(item: Incoming | Prepared | Skipped,
                    today: date | None = None) -> Prepared | Skipped:
    """`prepare`, with a bad article given back as `Skipped` (for a map over many); what
    is already prepared or skipped passes through."""
    if isinstance(item, (Prepared, Skipped)):
        return item
    try:
        return prepare(item, today)
    except InputError as e:
        return Skipped(item.where, str(e))


# What a wire's service line leaves before a headline: "888-603-1036.) BOOKSELLERS COZY UP
# TO THE WEB" (the end of a phone number in parentheses).
_LEFT_OVER = re.compile(r"^[^\w(]*\d[\d\W]*\)\s+(?=\w)")


def opening(article: Article) -> Article:
    """The article's first DETECTION_CHARS characters, cleaned (a headline or caption glued
    before its first sentence cut too): what detection and an untitled article's label read."""
    (view,), _ = clean.clean_all([replace(article, text=article.text[:DETECTION_CHARS])])
    return view


def _title(title: str | None) -> str | None:
    """The title without markup left in it (entities, SGML codes such as "&HT;" in
    newswire); None if no word is left."""
    if not title:
        return None
    text = _SPACE.sub(" ", _CODE.sub(" ", html.unescape(title))).strip(" -–—:;,|")
    text = _LEFT_OVER.sub("", text)
    return text if re.search(r"[^\W\d_]{2}", text) else None


def names_article(title: str | None) -> bool:
    """A title that names its article: one word ("MALAYSIA", "Politics") is a section's,
    and a wire's slug ("BC-NJ--Evolution & Schools,730") is its desk's."""
    return bool(title) and len(title.split()) > 1 and not _SLUG.search(title)


# A wire's slug: its desk's code ("BC-"), a double hyphen between words, or the story's
# length in words after a comma at its end (",730").
_SLUG = re.compile(r"^(?:BC|AM|PM)-|\w--\w|,\d{3,4}$")


def lead(text: str) -> str | None:
    """The cleaned text's first statement (or question) of LEAD_WORDS words or more, among
    its first sentences (a caption or a kicker before it passed over), shortened to LEAD_CHARS:
    an untitled article's name in listings, until its story's brief names it."""
    article = Article(id="", text=text[:LEAD_TEXT_CHARS])
    for sentence in segment.split(article)[:LEAD_SENTENCES]:
        if sentence.words >= LEAD_WORDS and (segment.is_statement(sentence.text)
                                             or sentence.text.endswith("?")):
            return _shorten(sentence.text, LEAD_CHARS)
    return None


def _shorten(text: str, chars: int) -> str:
    if len(text) <= chars:
        return text
    return text[:chars].rsplit(" ", 1)[0].rstrip(",;:") + " …"


@lru_cache(maxsize=200_000)
def term_id(term: str) -> int:
    """The term's bucket: stable across processes and runs (Python's own hash is not)."""
    return zlib.crc32(term.encode()) & ((1 << TERM_BITS) - 1)
