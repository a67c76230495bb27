"""Where articles come from: folders of article files, JSON Lines of articles, RSS, Atom
and JSON feeds (files or URLs), and WARC web archives. Each source is read lazily, one
`Incoming` article at a time, in its own order; what cannot be read becomes a `Skipped`
with a message that says why, and the other articles go on.

A feed item that carries the article (content:encoded, Atom content, a JSON Feed's
content, or a description of `FULL_TEXT_WORDS` or more) is taken as it is; otherwise its
link is fetched with `storyline.fetch` (public addresses only, time and size bounded)
and its page goes through trafilatura. A relative link in a feed file on disk names a
page file beside it, so a feed and its pages can be kept together.
`known(id, url)` tells which items the store has already, so they are not fetched again.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlparse

from ..brief.ingest import (PUBLISHED_FORMS, TEXT_SUFFIXES, _natural_key, decode, is_jsonl,
                            jsonl_lines, load_json, markdown_to_text, published_date,
                            shown_path)
from ..errors import InputError
from .prepare import Incoming, Skipped

FEED_SUFFIXES = {".xml", ".rss", ".atom"}
JSON_FEED_SUFFIX = ".json"  # a JSON Feed when named alone (`_kind`)
WARC_SUFFIXES = (".warc", ".warc.gz")
FULL_TEXT_WORDS = 150  # a feed item with this many words of its own is the article
FETCH_AT_ONCE = 4  # pages of one feed fetched at the same time
ARTICLE_FIELDS = ("id", "title", "text", "published", "url", "source")
_TAG = re.compile(r"<[^<>]+>")  # not "[^>]": each "<" of "<<<<..." would scan to the end

# Whether the store has an item, by its id or url: True, or "alias" when its id is only a
# duplicate's (an item carrying its own text is read then: the store tells; one whose page
# would be fetched is not, at each poll), or False.
Known = Callable[[str | None, str | None], bool | str]


def read_sources(sources: Iterable[str], *, known: Known = lambda id, url: False,
                 allow_private: bool = False, polled: dict | None = None,
                 ) -> Iterator[Incoming | Skipped]:
    """Every article of every source, in order: a folder's files in natural order
    (article files, feeds, .jsonl and WARC files), a file by its kind, a URL as a feed.
    A source that gives no article at all (a wrong path, a feed that does not answer),
    or a file of it that breaks off, has its skips marked `unread` with the source as
    given (one source, however many of its files broke: the caller counts sources).
    `polled`, kept by a poller from one poll to the next, holds what each feed URL's
    server said of its version (`fetch.Page.validators`): a feed unchanged since is not
    read again."""
    for source in sources:
        waiting: list[Skipped] = []  # skips before the source's first article
        read = False
        for item in _read_source(source, known, allow_private, polled):
            if isinstance(item, Skipped) and item.unread is not None:
                item = replace(item, unread=source)
            if read:
                yield item
            elif isinstance(item, Skipped) and not item.duplicate:
                waiting.append(item)
            else:
                read = True
                yield from waiting
                yield item
        if not read:
            yield from (replace(skip, unread=source) for skip in waiting)


def _read_source(source: str, known: Known, allow_private: bool,
                 polled: dict | None) -> Iterator[Incoming | Skipped]:
    if re.match(r"https?://", source):
        yield from read_feed_url(source, known=known, allow_private=allow_private,
                                 polled=polled)
    else:
        path, name = Path(source), shown_path(source)  # not UTF-8: shown with U+FFFD
        if not path.exists():
            yield Skipped(name, f"{name} does not exist; give a folder, a file (.jsonl or "
                                  ".jsonl.gz, .xml/.rss/.atom/.json feed, .warc) or a feed URL")
        elif path.is_dir():
            files = [p for p in sorted(path.iterdir(), key=_natural_key)
                     if p.is_file() and not p.name.startswith(".")
                     and not p.stem.lower().startswith("readme") and _kind(p)]
            if not files:
                yield Skipped(name, f"{name} holds no articles, feeds, .jsonl or WARC "
                                      "files")
            for p in files:
                yield from _read_file(p, known, allow_private)
        elif _kind(path, named=True):
            yield from _read_file(path, known, allow_private, named=True)
        else:
            yield Skipped(name, f"{name}: unsupported file type; give .txt, .md, .html "
                                  "articles, .jsonl (.jsonl.gz), an RSS, Atom or JSON feed "
                                  "(.xml, .rss, .atom, .json) or a WARC file (.warc, "
                                  ".warc.gz)")


def _kind(path: Path, named: bool = False) -> str | None:
    """What a file holds, by its name; a `.json` is a JSON Feed only when `named` alone
    (a folder's `.json` files are other things)."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if is_jsonl(path):
        return "jsonl"
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES or named and suffix == JSON_FEED_SUFFIX:
        return "feed"
    return "article" if suffix in TEXT_SUFFIXES else None


def _read_file(path: Path, known: Known, allow_private: bool,
               named: bool = False) -> Iterator[Incoming | Skipped]:
    kind = _kind(path, named)
    if kind == "jsonl":
        yield from read_jsonl(path)
    elif kind == "feed":
        yield from read_feed_file(path, known=known, allow_private=allow_private)
    elif kind == "warc":
        yield from read_warc(path)
    else:
        try:
            text = decode(path.read_bytes(), where=shown_path(path))
        except (InputError, OSError) as e:
            yield Skipped(shown_path(path), str(e) if isinstance(e, InputError) else
                          f"{shown_path(path)}: {e.strerror}")
            return
        html = TEXT_SUFFIXES[path.suffix.lower()] == "html"
        if TEXT_SUFFIXES[path.suffix.lower()] == "markdown":
            text = markdown_to_text(text)
        name = shown_path(path)  # a file name that is not UTF-8 can be neither stored nor shown
        yield Incoming(text=text, where=name, html=html, id=name)


# --- JSON Lines ---------------------------------------------------------------------------

def read_jsonl(path: Path) -> Iterator[Incoming | Skipped]:
    """One article per line: {"id", "title", "text", "published", "url", "source"}; other
    fields are kept with the article."""
    lines = jsonl_lines(path)  # (a UTF-16 or broken gzip file: one reason for it all)
    try:
        for number, raw in enumerate(lines, 1):
            where = f"{shown_path(path)} line {number}"
            if not raw.strip():
                continue
            try:
                obj = load_json(raw, where=where)  # also lone surrogates, deep nesting
                if not isinstance(obj, dict):
                    raise InputError(f'{where} is not a JSON object; write {{"text": ...}}')
                yield from_object(obj, where=where)
            except (InputError, ValueError, RecursionError) as e:
                reason = str(e) if isinstance(e, InputError) else (
                    f"{where} is not valid JSON ({e}); write one article "
                    '{"id", "title", "text", "published", "url", "source"} per line')
                yield Skipped(where, reason)
    except InputError as e:  # (read to here, or not at all: the caller must see it)
        yield Skipped(shown_path(path), str(e), unread=str(path))
    except OSError as e:
        yield Skipped(shown_path(path), f"{shown_path(path)}: {e.strerror}", unread=str(path))


def from_object(obj: dict, *, where: str) -> Incoming:
    """An article object: "text" is required, the others optional strings; "published"
    an ISO date (a time after it is ignored) or a date as RSS writes it; other fields are
    kept as `extra`."""
    text = obj.get("text")
    if not isinstance(text, str):
        cluster = ('; it looks like a cluster ({"documents": [...]}), as `storyline summarize` '
                   'takes them' if isinstance(obj.get("documents"), (list, str)) else "")
        raise InputError(f'{where} has no "text" string; write {{"text": "the article", '
                         f'...}}{cluster}')
    fields = {}
    for name in ("title", "url", "source"):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f'{where}: "{name}" must be a string, not {type(value).__name__}')
        fields[name] = value or None
    article_id = obj.get("id")
    if article_id is not None and (isinstance(article_id, bool)
                                   or not isinstance(article_id, (str, int))):
        raise InputError(f'{where}: "id" must be a string or a whole number')
    published = obj.get("published")
    if published is not None:
        published = published_date(published)
        if published is None:
            raise InputError(f'{where}: {PUBLISHED_FORMS}, not {obj.get("published")!r}')
    html = bool(re.match(r"\s*<(!doctype html|html|body|article|div|p[\s>])", text, re.IGNORECASE))
    extra = {k: v for k, v in obj.items() if k not in ARTICLE_FIELDS}
    return Incoming(text=text, where=where, html=html,
                    id=None if article_id is None else str(article_id),
                    published=published, extra=extra, **fields)


# --- feeds --------------------------------------------------------------------------------

def read_feed_file(path: Path, *, known: Known = lambda id, url: False,
                   allow_private: bool = False) -> Iterator[Incoming | Skipped]:
    try:
        data = path.read_bytes()
    except OSError as e:
        yield Skipped(shown_path(path), f"{shown_path(path)}: {e.strerror}")
        return
    yield from _read_feed(data, shown_path(path), base=path.resolve().as_uri(), known=known,
                          allow_private=allow_private)


def read_feed_url(url: str, *, known: Known = lambda id, url: False,
                  allow_private: bool = False, polled: dict | None = None,
                  ) -> Iterator[Incoming | Skipped]:
    from ..fetch import FEED_TYPES, FetchError, fetch

    since = (polled or {}).get(url, (None, None))
    try:
        page = asyncio.run(fetch(url, allow_private=allow_private, types=FEED_TYPES,
                                 since=since))
    except FetchError as e:
        yield Skipped(url, _with_hint(e))
        return
    if page.unchanged:  # (nothing new since the last poll: not a source that failed)
        return
    failed = False
    for item in _read_feed(page.text.encode(), url, base=page.url, known=known,
                           allow_private=allow_private):
        failed |= isinstance(item, Skipped) and not item.duplicate
        yield item
    if polled is not None:  # (an item that failed, a page that did not answer, is tried
        polled.pop(url, None)  # again at the next poll: the feed is read again then)
        if not failed:
            polled[url] = page.validators


def _read_feed(data: bytes, where: str, *, base: str, known: Known,
               allow_private: bool) -> Iterator[Incoming | Skipped]:
    import feedparser

    json_feed = _json_feed(data)
    feed = json_feed or feedparser.parse(data)  # relative links stay relative: resolved below
    version = feed.get("version", "")
    if not version:
        head = data[:2000].lower()
        what = ("an HTML page" if b"<html" in head or b"<!doctype html" in head
                else "not a feed")
        reason = (" (JSON, but no JSON Feed: no jsonfeed.org version and items; articles, "
                  "one JSON object a line, are read from a .jsonl file)"
                  if data.lstrip()[:1] in (b"{", b"[") else
                  f" ({feed['bozo_exception']})" if feed.get("bozo") else "")
        yield Skipped(where, f"{where} is {what}, not an RSS, Atom or JSON feed{reason}; "
                             "give the feed's address (often linked as RSS on the site)")
        return
    if feed.get("bozo") and _broken(feed["bozo_exception"]) and _lost(data, feed):
        # (feedparser reads a cut-off or malformed feed up to the fault: say so, or its
        # lost items go unnoticed; not a stray "&" it reads past)
        read = len(feed["entries"])
        yield Skipped(where, f"{where} is a broken feed ({feed['bozo_exception']}); the "
                             f"items before the fault are read ({read}), any after it are "
                             "lost: check the feed")
    title = feed["feed"].get("title")
    source = (title if isinstance(title, str) else None) or urlparse(base).netloc or None
    local = base.startswith("file:")  # a feed file on disk may name files; one from the web not
    pending: list[tuple[str, dict, str | None, str | None]] = []
    for number, entry in enumerate(feed["entries"], 1):
        item_where = f"{where} item {number}"
        link = entry.get("link")
        url = urljoin(base, link) if isinstance(link, str) and link else None
        if url and url.startswith("file:") and not local:
            yield Skipped(item_where, f"{item_where} links to a file ({url}); a feed from the "
                                      "web is read only with its links to web pages")
            continue
        item_id = entry.get("id") or url
        text, full = _entry_text(entry)
        full = full or len(_TAG.sub(" ", text).split()) >= FULL_TEXT_WORDS
        stored = known(item_id, url)
        if stored and not (stored == "alias" and full):
            yield Skipped(item_where, "already in the store", duplicate=True)
            continue
        published = _entry_date(entry)
        common = {"id": item_id, "title": entry.get("title"), "published": published,
                  "source": source, "url": None if url and url.startswith("file:") else url}
        if full:
            yield Incoming(text=text, where=item_where, html=True, **common)
        elif url:
            pending.append((item_where, common, url, text))
        else:
            yield Skipped(item_where, f"{item_where} has neither the article's text nor a "
                                      "link to it")
    yield from _fetch_pages(pending, allow_private)


def _broken(fault: Exception) -> bool:
    """A fault in the feed's XML itself, not a harmless note on its declared encoding or
    content type."""
    import xml.sax

    return isinstance(fault, xml.sax.SAXException)


_ITEM_TAG = re.compile(rb"<(?:item|entry)[\s>/]")
_ROOT_END = re.compile(rb"</(?:rss|feed|rdf:RDF)>")  # (a cache's comment may follow it)


def _lost(data: bytes, feed) -> bool:
    """Whether a feed's fault lost items: it is cut off (no closing root tag) or holds
    more items than were read."""
    return (not _ROOT_END.search(data[-4000:])
            or len(_ITEM_TAG.findall(data)) > len(feed["entries"]))


def _json_feed(data: bytes) -> dict | None:
    """A JSON Feed (jsonfeed.org, versions 1 and 1.1) as feedparser gives a feed: its
    title and items ({"id", "link", "title", "content", "summary", "published_parsed"}),
    or None if `data` is none. A field of the wrong type counts as missing."""
    if data.lstrip()[:1] != b"{":
        return None
    try:
        feed = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None
    if not (isinstance(feed, dict) and "jsonfeed.org/version/" in str(feed.get("version"))
            and isinstance(feed.get("items"), list)):
        return None
    entries = []
    for item in feed["items"]:
        item = item if isinstance(item, dict) else {}
        plain = _string(item.get("content_text"))
        text = _string(item.get("content_html")) or (
            "".join(f"<p>{html.escape(p)}</p>" for p in plain.split("\n\n")) if plain else "")
        given = item.get("id")
        entries.append({"id": str(given) if isinstance(given, (str, int)) else None,
                        "link": _string(item.get("url")),  # (not external_url: what it is about)
                        "title": _string(item.get("title")),
                        "content": [{"value": text}] if text else [],
                        "summary": _string(item.get("summary")) or "",
                        "published_parsed": _json_time(item.get("date_published")
                                                       or item.get("date_modified"))})
    return {"version": "json" + str(feed["version"]).rsplit("/", 1)[-1],
            "feed": {"title": _string(feed.get("title"))}, "entries": entries}


def _string(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _json_time(value) -> time.struct_time | None:
    """The UTC time of an RFC 3339 date, as feedparser gives RSS and Atom dates."""
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return (when.astimezone(UTC) if when.tzinfo else when).timetuple()


def _entry_text(entry) -> tuple[str, bool]:
    """The item's own text, and whether it is the article (content:encoded or Atom
    content) rather than a summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    if contents:
        return max(contents, key=len), True
    return entry.get("summary", "") or "", False


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    except ValueError:
        return None


def _fetch_pages(pending: list, allow_private: bool) -> Iterator[Incoming | Skipped]:
    """The pages of the items without their text: files beside a feed file are read;
    web pages are fetched a few at a time, each within the fetcher's limits."""
    if not pending:
        return
    from ..fetch import FetchError, fetch

    async def one(url: str, semaphore: asyncio.Semaphore):
        if url.startswith("file:"):
            return _page_file(url)
        async with semaphore:
            try:
                return (await fetch(url, allow_private=allow_private)).text
            except FetchError as e:
                return FetchError(_with_hint(e))

    async def run():
        semaphore = asyncio.Semaphore(FETCH_AT_ONCE)
        return await asyncio.gather(*(one(url, semaphore) for _, _, url, _ in pending))

    for (where, common, url, _), page in zip(pending, asyncio.run(run()), strict=True):
        if isinstance(page, Exception):
            yield Skipped(where, f"{where}: {page}")
        else:
            yield Incoming(text=page, where=where, html=True, **common)


def _with_hint(e: Exception) -> str:
    """A fetch's refusal of a private address with the command's option that allows it
    (which an API client has not: `fetch` leaves it out)."""
    from ..fetch import PrivateAddressError

    hint = "; --allow-private-urls fetches it" if isinstance(e, PrivateAddressError) else ""
    return str(e) + hint


def _page_file(uri: str) -> str | InputError:
    path = Path(urlparse(uri).path)
    try:
        return decode(path.read_bytes(), where=shown_path(path))
    except InputError as e:
        return e
    except OSError as e:
        return InputError(f"{shown_path(path)}: {e.strerror}")


# --- WARC ---------------------------------------------------------------------------------

def read_warc(path: Path) -> Iterator[Incoming | Skipped]:
    """The HTML pages of a WARC file's response records (others are passed over); a
    broken record ends the file's reading with a message, keeping what came before."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        f = path.open("rb")
    except OSError as e:
        yield Skipped(shown_path(path), f"{shown_path(path)}: {e.strerror}")
        return
    with f:
        number = 0
        try:
            for record in ArchiveIterator(f):
                number += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                kind = record.http_headers.get_header("Content-Type", "") or ""
                if "html" not in kind.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{shown_path(path)} record {number}"
                body = record.content_stream().read()
                charset = re.search(r"charset=([\w-]+)", kind)
                try:
                    text = body.decode(charset.group(1) if charset else "utf-8",
                                       errors="replace")
                except LookupError:
                    text = body.decode("utf-8", errors="replace")
                yield Incoming(text=text, where=where, html=True, id=url, url=url)
        except Exception as e:  # noqa: BLE001 (warcio raises many kinds on broken bytes)
            name = shown_path(path)
            yield Skipped(f"{name} record {number + 1}", f"{name}: record {number + 1} is broken "
                          f"({e}); the rest of the file is skipped, the records before it are "
                          "kept")
