"""Reading articles: a folder of .txt/.md/.html files, one file, standard input, texts,
JSON Lines clusters.

Every reader checks its input here, at the boundary, and raises `InputError` with a
message that names the file or line and says how to fix it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import EmptyInputError, InputError
from ..model import Article

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                 ".html": "html", ".htm": "html"}
MULTI_NEWS_SEPARATOR = "|||||"
_HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)
_HTML_PAGE = re.compile(r"<body|<html", re.I)
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?")


@dataclass(frozen=True)
class ClusterLine:
    """One line of a JSON Lines batch: its articles, or the reason it could not be read."""

    number: int  # 1-based line number in the file
    id: str
    articles: tuple[Article, ...] = ()
    error: str | None = None


def read_cluster(path: str | Path) -> list[Article]:
    """Read one cluster: a folder of article files, or a single article file.

    In a folder, files are taken in natural order (article-2 before article-10) and
    numbered from 1; hidden files and README files (documentation, not articles) are
    skipped, and so are empty files, which keep their number.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path} does not exist; give a folder of articles or an article file")
    if path.is_dir():
        files = [p for p in sorted(path.iterdir(), key=_natural_key)
                 if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                 and not p.name.startswith(".") and not p.stem.lower().startswith("readme")]
        if not files:
            kinds = ", ".join(sorted(TEXT_SUFFIXES))
            raise EmptyInputError(f"{path} holds no article files ({kinds}); "
                                  "put one article per file in the folder")
    elif path.suffix.lower() in TEXT_SUFFIXES:
        files = [path]
    else:
        raise InputError(f"{path.name}: unsupported file type {path.suffix or '(none)'}; give a "
                         ".txt, .md or .html article, a folder of them, or a .jsonl batch")
    articles = [read_article(p, id=str(i)) for i, p in enumerate(files, 1)]
    return require_text(articles, where=str(path))


def read_article(path: Path, *, id: str) -> Article:
    """Read one article file; HTML goes through trafilatura's main-content extraction."""
    text = decode(path.read_bytes(), where=path.name)
    kind = TEXT_SUFFIXES.get(path.suffix.lower(), "text")
    if kind == "html":
        return article_from_html(text, id=id, file=path.name)
    if kind == "markdown":
        text = markdown_to_text(text)
    return Article(id=id, text=text, file=path.name)


def read_stdin(data: bytes) -> list[Article]:
    """Articles from standard input: one text, or several separated by "|||||"."""
    text = decode(data, where="standard input")
    if text.lstrip().startswith("{"):
        raise InputError("standard input looks like JSON Lines; save it to a .jsonl file and "
                         "give that path to summarize it as a batch")
    return to_articles(text.split(MULTI_NEWS_SEPARATOR), where="standard input")


def decode(data: bytes, *, where: str) -> str:
    """UTF-8 text with Unix newlines, or an `InputError` that names the file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where} is UTF-16 text; convert it to UTF-8, e.g. "
                         "`iconv -f UTF-16 -t UTF-8`")
    if b"\x00" in data[:8192]:
        raise InputError(f"{where} looks like a binary file, not text; "
                         "give articles as .txt, .md or .html")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{where} is not UTF-8 text (byte {data[e.start]:#04x} at offset "
                         f"{e.start}); convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8`") from None
    return unix_newlines(text)


def unix_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_from_html(html: str, *, id: str, file: str | None = None, url: str | None = None,
                      published: str | None = None) -> Article:
    """The main text of a web page, without navigation, comments and other page furniture.

    A fragment (a few tags without <html> or <body>) that trafilatura finds no main text
    in is taken as it is, tags removed. A page without main text gives an article with
    empty text, which `require_text` then skips like any empty article. The date is the
    page's own publication date; a copyright year or other guess is not taken.
    """
    import trafilatura  # imported on use: plain-text input never pays for lxml

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        deduplicate=False, date_extraction_params={"extensive_search": False,
                                                   "original_date": True})
    text = getattr(doc, "text", None) or ""
    if not text.strip() and not _HTML_PAGE.search(html):
        text = _fragment_text(html)
    found = None if published else _valid_date(getattr(doc, "date", None))
    return Article(id=id, text=unix_newlines(text), title=getattr(doc, "title", None),
                   file=file, url=url, published=published or found,
                   date_source="metadata" if found else None)


def _fragment_text(html: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on broken markup
        return ""
    for element in root.xpath("//script|//style"):
        element.drop_tree()
    blocks = [e.text_content().strip() for e in root.iter("p", "li", "h1", "h2", "h3", "h4")]
    return "\n".join(b for b in blocks if b) or root.text_content()


def markdown_to_text(text: str) -> str:
    """Plain text from light Markdown: headings, lists, emphasis, links and images."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)  # headings
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)  # block quotes
    text = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", text, flags=re.M)  # list markers
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)  # bold
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)  # italics
    return text


def to_articles(items: Iterable[str | Article | dict], *, published: str | None = None,
                where: str = "the documents") -> list[Article]:
    """Articles from what a caller has: texts (plain or HTML), `Article`s or document
    objects (`{"text", "id", "title", "url", "source", "file", "published"}`).

    Texts are numbered from 1 in the order given; empty ones are skipped and keep their
    number. `published` dates the texts that carry no date of their own. If no text is
    left, `EmptyInputError` says so; ids must be unique.
    """
    if isinstance(items, (str, bytes)):
        raise InputError("give a list of article texts, not a single string")
    articles = []
    for i, item in enumerate(items, 1):
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, str):
            articles.append(text_to_article(item, id=str(i), published=published))
        elif isinstance(item, dict):
            articles.append(_article_from_object(item, id=str(i), published=published,
                                                 where=f"{where}, document {i}"))
        else:
            raise InputError(f"{where}: document {i} is {type(item).__name__}, not text; give "
                             "article texts, Article values or {\"text\": ...} objects")
    return require_text(articles, where=where)


def text_to_article(text: str, *, id: str, published: str | None = None) -> Article:
    text = unix_newlines(text)
    if _HTML_START.match(text):
        return article_from_html(text, id=id, published=published)
    return Article(id=id, text=text, published=published)


def require_text(articles: list[Article], *, where: str) -> list[Article]:
    """Drop articles without text; raise if none is left or if two share an id."""
    seen: set[str] = set()
    for a in articles:
        if a.id in seen:
            raise InputError(f"{where}: two articles have the id {a.id!r}; "
                             "give each article its own id")
        seen.add(a.id)
    kept = [a for a in articles if a.text.strip()]
    if not kept:
        n = len(articles)
        raise EmptyInputError(f"{where}: no article has any text ({n} given, all empty or "
                              "whitespace); give at least one article with text")
    return kept


def read_seen(path: str | Path) -> list[Article]:
    """Articles already seen (for `--since`): a folder or an article file, as
    `read_cluster` reads them, or a JSON Lines file of clusters (their documents) or of
    articles (`{"text": ...}` or a JSON string per line)."""
    path = Path(path)
    if path.suffix.lower() != ".jsonl":
        return read_cluster(path)
    articles: list[Article] = []
    for number, raw in cluster_lines(path):
        where = f"{path.name} line {number}"
        try:
            obj = json.loads(decode(raw, where=where))
        except json.JSONDecodeError as e:
            raise InputError(f"{where} is not valid JSON ({e.msg}); give one cluster "
                             '{"documents": [...]} or one article {"text": ...} per line') from None
        if isinstance(obj, dict) and ("documents" in obj or "document" in obj):
            cluster = parse_cluster_line(raw, number)
            if cluster.error:
                raise InputError(f"{path.name}: {cluster.error}")
            articles.extend(cluster.articles)
        else:
            articles.extend(to_articles([obj], where=where))
    if not articles:
        raise EmptyInputError(f"{path} holds no articles; give the articles already seen")
    return articles


def read_clusters(path: str | Path) -> Iterator[ClusterLine]:
    """Clusters from a JSON Lines file, one per line, streamed (see `parse_cluster_line`)."""
    for number, raw in cluster_lines(path):
        yield parse_cluster_line(raw, number)


def cluster_lines(path: str | Path) -> Iterator[tuple[int, bytes]]:
    """The numbered raw lines of a JSON Lines file; blank lines at its end are left out."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} does not exist or is not a file; give a .jsonl file of clusters")
    blank: list[tuple[int, bytes]] = []
    with path.open("rb") as f:
        for number, raw in enumerate(f, 1):
            if not raw.strip():
                blank.append((number, raw))
                continue
            yield from blank
            blank.clear()
            yield number, raw


def parse_cluster_line(raw: bytes, number: int) -> ClusterLine:
    """One cluster from one line; what is wrong with the line goes into `error`.

    A line is `{"id": ..., "documents": [...]}` (extra fields ignored; a document is a
    text or an object as `to_articles` takes; `published` dates them all), a Multi-News
    object whose `document` joins the articles with "|||||", or a plain Multi-News source
    line. A blank line inside the file is an error too, so outputs stay line for line.
    """
    try:
        obj = _cluster_object(decode(raw, where=f"line {number}"), number)
        cluster_id = _id(obj.get("id"), default=str(number), where=f"line {number}")
    except InputError as e:
        return ClusterLine(number=number, id=_guess_id(raw, number), error=str(e))
    where = f"line {number} (id {cluster_id})"
    try:
        docs = obj.get("documents", obj.get("document"))
        if isinstance(docs, str):
            docs = [d.replace("NEWLINE_CHAR", "\n") for d in docs.split(MULTI_NEWS_SEPARATOR)]
        if not isinstance(docs, list):
            raise InputError(f'{where} has no "documents" list; '
                             'write "documents": ["article text", ...]')
        articles = to_articles(docs, published=_date(obj.get("published"), where=where),
                               where=where)
    except InputError as e:
        return ClusterLine(number=number, id=cluster_id, error=str(e))
    return ClusterLine(number=number, id=cluster_id, articles=tuple(articles))


def _cluster_object(line: str, number: int) -> dict:
    stripped = line.strip()
    if not stripped:
        raise InputError(f"line {number} is empty; remove it or put a cluster on it")
    if not stripped.startswith("{") and MULTI_NEWS_SEPARATOR in stripped:
        return {"document": stripped}
    try:
        obj = json.loads(stripped)
    except json.JSONDecodeError as e:
        raise InputError(f"line {number} is not valid JSON ({e.msg} at column {e.colno}); "
                         'each line must be {"id": ..., "documents": ["...", ...]}') from None
    if not isinstance(obj, dict):
        raise InputError(f'line {number} is not a JSON object; write {{"id": ..., '
                         '"documents": ["...", ...]}')
    return obj


def _article_from_object(obj: dict, *, id: str, published: str | None, where: str) -> Article:
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(f'{where} has no "text" string; write {{"text": "the article", ...}}')
    fields = {}
    for name in ("title", "url", "source", "file"):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f'{where}: "{name}" must be a string, not {type(value).__name__}')
        fields[name] = value
    article = text_to_article(text, id=_id(obj.get("id"), default=id, where=where),
                              published=_date(obj.get("published"), where=where) or published)
    return Article(id=article.id, text=article.text, title=fields["title"] or article.title,
                   file=fields["file"], source=fields["source"], url=fields["url"],
                   published=article.published, date_source=article.date_source)


def _id(value, *, default: str, where: str) -> str:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f'{where}: "id" must be a string or a whole number, '
                         f"not {type(value).__name__}")
    return str(value)


def _date(value, *, where: str) -> str | None:
    """A calendar date written the ISO way (a time after it is ignored), or None."""
    if value is None:
        return None
    iso = _valid_date(value)
    if iso is None:
        raise InputError(f'{where}: "published" must be an ISO date such as "2019-02-10", '
                         f"not {value!r}")
    return iso


def _valid_date(value) -> str | None:
    """YYYY-MM-DD from "YYYY-MM-DD" or an ISO date and time, if it is a real date."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _guess_id(raw: bytes, number: int) -> str:
    """The id of a line that is not valid JSON, if it starts like {"id": ...}."""
    match = re.search(rb'^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)', raw[:1000])
    try:
        return str(json.loads(match.group(1))) if match else str(number)
    except ValueError:
        return str(number)


def _natural_key(path: Path) -> list:
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", path.name)]
