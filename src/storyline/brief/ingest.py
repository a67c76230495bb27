"""Reading articles: a folder of .txt/.md/.html files, one file, standard input, texts,
JSON Lines clusters.

Every reader checks its input here, at the boundary, and raises `InputError` with a
message that names the file or line and says how to fix it.
"""

from __future__ import annotations

import email.utils
import gc
import gzip
import json
import os
import re
import stat
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
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
    articles = [read_article(p, id=str(i)) for i, p in enumerate(article_files(path), 1)]
    return require_text(articles, where=shown_path(path))


def article_files(path: str | Path) -> list[Path]:
    """The files `read_cluster` reads for `path`: a folder's article files in natural
    order, or the one article file."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{shown_path(path)} does not exist; give a folder of articles or "
                         "an article file")
    if path.is_dir():
        files = [p for p in sorted(path.iterdir(), key=_natural_key)
                 if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                 and not p.name.startswith(".") and not p.stem.lower().startswith("readme")]
        if not files:
            kinds = ", ".join(sorted(TEXT_SUFFIXES))
            raise EmptyInputError(f"{shown_path(path)} holds no article files ({kinds}); "
                                  "put one article per file in the folder")
        return files
    if path.suffix.lower() in TEXT_SUFFIXES:
        return [path]
    raise InputError(f"{shown_path(path)}: unsupported file type {path.suffix or '(none)'}; "
                     "give a .txt, .md or .html article, a folder of them, or a .jsonl (or "
                     ".jsonl.gz) batch")


def _files_read(path: Path) -> list[Path]:
    if str(path) == "-":
        return [Path("/dev/stdin")]  # a file redirected to standard input is an input too
    try:
        return article_files(path) if path.is_dir() else [path]
    except InputError:
        return []


def read_article(path: Path, *, id: str) -> Article:
    """Read one article file; HTML goes through trafilatura's main-content extraction."""
    name = shown_path(path.name)
    text = decode(path.read_bytes(), where=name)
    kind = TEXT_SUFFIXES.get(path.suffix.lower(), "text")
    if kind == "html":
        return article_from_html(text, id=id, file=name)
    if kind == "markdown":
        text = markdown_to_text(text)
    return Article(id=id, text=text, file=name)


def shown_path(path: str | Path) -> str:
    """A path as text that can be printed and written as UTF-8: bytes of a file name that
    are not UTF-8 (which Python keeps as lone surrogates) become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def check_output(output: str | Path, inputs: Iterable[str | Path]) -> None:
    """Refuse (InputError) an output that is one of the files the inputs read (a folder's
    articles, an article or .jsonl file, "-" for standard input), by name, through a
    symbolic link or as a hard link: writing it would replace what is being read."""
    try:
        target = os.stat(output)
    except OSError:  # not there yet (or unreadable): it cannot be an input
        return
    path = _input_at(target, inputs)
    if path is not None:
        if str(path) == "/dev/stdin":
            what = "the file on standard input"
        elif os.path.abspath(output) == os.path.abspath(path):
            what = "an input file"
        else:
            what = f"the input file {shown_path(path)} under another name"
        raise InputError(f"the output {shown_path(output)} is {what}; writing it would "
                         "replace the input: write the output to another file")


def check_stdout(inputs: Iterable[str | Path]) -> None:
    """Refuse (InputError) a standard output redirected to one of the inputs
    (`storyline summarize a.txt >> a.txt`), which would write into what is read."""
    try:
        target = os.fstat(1)
    except OSError:
        return
    path = _input_at(target, inputs)
    if path is not None:
        what = "the file on standard input" if str(path) == "/dev/stdin" else \
            f"the input file {shown_path(path)}"
        raise InputError(f"standard output is redirected to {what}; redirect it to another "
                         "file")


def _input_at(target: os.stat_result, inputs: Iterable[str | Path]) -> Path | None:
    """The input file that `target` is, if any. Only regular files count: a terminal or
    /dev/null may be both read and written."""
    if not stat.S_ISREG(target.st_mode):
        return None
    for path in (f for given in inputs for f in _files_read(Path(given))):
        try:
            if os.path.samestat(target, os.stat(path)):
                return path
        except OSError:
            continue
    return None


def read_stdin(data: bytes) -> list[Article]:
    """Articles from standard input: one text, or several separated by "|||||"."""
    text = decode(data, where="standard input")
    if text.lstrip().startswith("{"):
        raise InputError("standard input looks like JSON Lines; save it to a .jsonl file and "
                         "give that path to summarize it as a batch")
    return to_articles(text.split(MULTI_NEWS_SEPARATOR), where="standard input")


def decode(data: bytes, *, where: str) -> str:
    """UTF-8 text with Unix newlines, or an `InputError` that names the file."""
    refuse_utf16(data[:8192], where=where)
    if b"\x00" in data[:8192]:
        raise InputError(f"{where} looks like a binary file, not text; "
                         "give articles as .txt, .md or .html")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{where} is not UTF-8 text (byte {data[e.start]:#04x} at offset "
                         f"{e.start}); convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8`") from None
    return unix_newlines(text)


def load_json(text: str | bytes, *, where: str, expected: str = ""):
    """One JSON value, or an `InputError` that names `where`: for text that is not JSON,
    and for JSON that is valid but unusable (see `json_value`). `expected` ("each line
    is ...") ends the message for text that is not JSON."""
    if isinstance(text, bytes):
        text = decode(text, where=where)
    try:
        value, end = json_value(text, _json_space(text, 0), where=where)
        if _json_space(text, end) != len(text):
            raise InputError(f"{where} is not valid JSON (more after the value, at column "
                             f"{end + 1})")
    except InputError as e:
        if expected and "is not valid JSON" in str(e):
            raise InputError(f"{e}; {expected}") from None
        raise
    return value


def _decode_at(decoder: json.JSONDecoder, text: str, at: int) -> tuple[object, int]:
    """`decoder.raw_decode` with the garbage collector held off: a collection inside a
    value nested a thousand deep would run other objects' finalizers at the bottom of the
    stack, where they fail for want of recursion depth (an "unraisable" error on stderr,
    whatever the line)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return decoder.raw_decode(text, at)
    finally:
        if enabled:
            gc.enable()


def json_value(text: str, at: int, *, where: str, max_fields: int | None = None):
    """The JSON value that starts at offset `at` of `text`, and the offset after it; an
    `InputError` naming `where` for what is not JSON, and for what is valid JSON but
    unusable: nested past Python's recursion limit, an integer of thousands of digits
    (past Python's conversion limit), NaN or Infinity, an unpaired surrogate escape
    ("\\ud800"), which is no character and could not be written out, or an object of
    more than `max_fields` fields."""
    decoder = _JSON if max_fields is None else json.JSONDecoder(
        parse_constant=_no_constant, object_pairs_hook=partial(_few_fields, max_fields))
    try:
        value, end = _decode_at(decoder, text, at)
    except json.JSONDecodeError as e:
        # (json's own message for a control character ends in "at")
        raise InputError(f"{where} is not valid JSON ({e.msg.removesuffix(' at')} at column "
                         f"{e.colno})") from None
    except RecursionError:
        raise InputError(f"{where} nests JSON arrays or objects too deeply; "
                         "flatten it") from None
    except _TooManyFields:
        raise InputError(f"{where} has an object of over {max_fields} fields") from None
    except ValueError as e:  # the integer-string conversion limit, or NaN
        if "constant" in str(e):
            raise InputError(f"{where} has NaN or Infinity, which is no JSON number; write "
                             "a number") from None
        raise InputError(f"{where} has a number of thousands of digits; write it as a "
                         "string") from None
    if _SURROGATE_ESCAPE.search(text, at, end) and not _encodable(
            json.dumps(value, ensure_ascii=False)):
        raise InputError(f"{where} has an unpaired surrogate escape (such as \\ud800), which "
                         "is no character; write the character itself or its full pair")
    return value, end


def _no_constant(name: str):
    raise ValueError(f"constant {name}")


class _TooManyFields(ValueError):
    pass


def _few_fields(most: int, pairs: list[tuple]) -> dict:
    if len(pairs) > most:
        raise _TooManyFields
    return dict(pairs)


_JSON = json.JSONDecoder(parse_constant=_no_constant)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _json_space(text: str, at: int) -> int:
    """The offset of the first character at or after `at` that is not JSON whitespace."""
    return _JSON_SPACE.match(text, at).end()


def _encodable(text: str) -> bool:
    """True unless `text` holds a lone surrogate, which UTF-8 cannot encode."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def refuse_utf16(head: bytes, *, where: str) -> None:
    """An `InputError` naming `where` if `head`, the start of a file, is UTF-16 text, with
    or without a byte-order mark."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{where} is UTF-16 text; convert it to UTF-8, e.g. "
                         "`iconv -f UTF-16 -t UTF-8`")
    utf16 = b"\x00" in head and _utf16_without_mark(head)
    if utf16:
        raise InputError(f"{where} is {utf16} text without a byte-order mark; convert it "
                         f"to UTF-8, e.g. `iconv -f {utf16} -t UTF-8`")


def _utf16_without_mark(head: bytes) -> str | None:
    """"UTF-16LE" or "UTF-16BE" when `head` reads as such text: in an alphabetic script
    the high byte of nearly every character is one of two values (0 for ASCII, and the
    script's own block, e.g. 6 for Arabic), and the pairs decode to printable text."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    for name, high in (("UTF-16LE", head[1::2]), ("UTF-16BE", head[0::2])):
        common = Counter(high)
        if common[0] < 0.05 * pairs or sum(n for _, n in common.most_common(2)) < 0.9 * pairs:
            continue  # spaces and ASCII punctuation have a zero high byte in any script
        try:
            text = head[:pairs * 2].decode(name)
        except UnicodeDecodeError:
            continue
        if sum(c.isprintable() or c.isspace() for c in text) >= 0.95 * len(text):
            return name
    return None


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
    from trafilatura.utils import load_html

    if not _encodable(html):  # lxml would silently drop the text after a lone surrogate
        raise InputError(f"article {_printable(file or id)} has an unpaired surrogate (such as "
                         "\\ud800), which is no character; give the text as proper Unicode")
    tree = load_html(html)  # as trafilatura would parse it, less what is not text
    for element in tree.xpath(_NOT_TEXT_XPATH) if tree is not None else ():
        element.drop_tree()  # its tail, the text after it, stays
    doc = trafilatura.bare_extraction(
        html if tree is None else tree, url=url, with_metadata=True, include_comments=False,
        include_tables=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = getattr(doc, "text", None) or ""
    if not text.strip() and not _HTML_PAGE.search(html):
        text = _fragment_text(html)
    found = None if published else _valid_date(getattr(doc, "date", None))
    return Article(id=id, text=unix_newlines(text), title=getattr(doc, "title", None),
                   file=file, url=url, published=published or found,
                   date_source="metadata" if found else None)


# Elements whose text is not the article's: code, and the fallback a browser shows only
# when it cannot show the element itself ("Your browser does not support iframes").
_NOT_TEXT = ("script", "style", "template", "iframe", "object", "embed", "video", "audio",
             "canvas", "noscript", "svg")
_NOT_TEXT_XPATH = "|".join(f"//{tag}" for tag in _NOT_TEXT)


def _fragment_text(html: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on broken markup
        return ""
    for element in root.xpath(_NOT_TEXT_XPATH):
        element.drop_tree()  # with its text: code, or what a browser shows only without it
    for br in root.iter("br"):  # a line break keeps the lines apart
        br.tail = "\n" + (br.tail or "")
    blocks = [e.text_content().strip() for e in root.iter("p", "li", "h1", "h2", "h3", "h4")]
    return "\n".join(b for b in blocks if b) or root.text_content()


def markdown_to_text(text: str) -> str:
    """Plain text from light Markdown: headings, lists, emphasis, links and images.

    Every pattern here takes time linear in the text, whatever it holds: a bracket, a
    parenthesis or an emphasis never looks past the next one of its kind, and line
    starts look at their own line only (a line of ten thousand "*a " or "[a" took 12 s).
    """
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)  # links keep their words
    text = _MD_LINE_START.sub("", text)  # headings, block quotes, list markers
    text = _MD_BOLD.sub(r"\2", text)
    return _MD_ITALIC.sub(r"\1", text)


_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)")
_MD_LINE_START = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]*|>[ \t]?)|^[ \t]*(?:[-*+]|\d+[.)])[ \t]+",
                            re.M)
_MD_BOLD = re.compile(r"(\*\*|__)(.+?)\1")  # a second "**" closes: no start scans past it
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")


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
    """The articles made safe to show (see `safe_article`), without those that have no text;
    raise if none is left, if two share an id, or if none is written in English."""
    seen: set[str] = set()
    for a in articles:
        if a.id in seen:
            raise InputError(f"{where}: two articles have the id {a.id!r}; "
                             "give each article its own id")
        seen.add(a.id)
    kept = [safe_article(a, where=where) for a in articles if a.text.strip()]
    if not kept:
        n = len(articles)
        raise EmptyInputError(f"{where}: no article has any text ({n} given, all empty or "
                              "whitespace); give at least one article with text")
    scripts = [script(a.text) for a in kept]
    if all(scripts):
        raise InputError(f"{where}: the articles are written in {_name_scripts(scripts)}, not "
                         "English; Storyline reads English")
    return kept


# Terminal control characters: C0 but tab, newline and page breaks, and DEL; in a title,
# file name, source or URL also C1 (in article text, U+0080..U+009F are Windows-1252
# punctuation read as Latin-1, "don\x92t", and stay, so the text is as given).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_C1 = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_PAGE_BREAK = re.compile(r"[\x0b\x0c]")
_CREDENTIALS = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@")


def safe_article(article: Article, *, where: str) -> Article:
    """The article as it may be stored and shown: no control characters (an ESC or BEL in
    a title would act on the reader's terminal), no credentials in its URL, and only text
    that UTF-8 can write (no lone surrogate)."""
    fields = {}
    for name in ("id", "text", "title", "file", "source", "url"):
        value = getattr(article, name)
        if value is None:
            continue
        if not _encodable(value):
            raise InputError(f"{where}: article {_printable(article.id)} has an unpaired "
                             f"surrogate (such as \\ud800) in its {name}, which is no "
                             "character; give the text as proper Unicode")
        # (page breaks replaced as _PAGE_BREAK.sub("\n", value) would, found faster)
        clean = value.replace("\x0b", "\n").replace("\x0c", "\n")
        if name != "text" or _has_control(value):  # (an article's text: by its bytes, faster)
            clean = (_CONTROL if name == "text" else _CONTROL_C1).sub("", clean)
        if name == "url":
            clean = without_credentials(clean)
        if clean != value:
            fields[name] = clean
    return replace(article, **fields) if fields else article


def _has_control(text: str) -> bool:
    """`_CONTROL.search(text) is not None`, read off the text's UTF-8 bytes (speed: a
    control character is one byte, below 0x80, which no other character's bytes hold)."""
    encoded = text.encode("utf-8", "surrogatepass")
    return len(encoded.translate(None, _CONTROL_BYTES)) < len(encoded)


_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f])


def without_credentials(url: str) -> str:
    """The URL without a user name and password ("https://user:pass@host/" gives
    "https://host/"), so they are never stored or shown."""
    return _CREDENTIALS.sub(r"\1", url)


def _printable(text: str) -> str:
    return repr(text)[1:-1] if not _encodable(text) or _CONTROL.search(text) else text


_SCRIPT_NAMES = {"CJK": "Chinese or Japanese (CJK characters)", "HANGUL": "Korean (Hangul)",
                 "HIRAGANA": "Japanese", "KATAKANA": "Japanese"}
_SAMPLE_CHARS = 4000


def script(text: str) -> str | None:
    """The writing system of most of the text's letters, unless it is the Latin alphabet
    (then None): "ARABIC", "CJK", "CYRILLIC" ... (the first word of the letters' Unicode
    names). Judged on the first few thousand characters."""
    sample = text[:_SAMPLE_CHARS]
    if sample.isascii():  # (Python knows it without reading): no letter of another script
        return None
    # another script's letters are among the non-ASCII characters, in the same order
    others = _OTHER_LETTER.findall(_non_ascii(sample))  # usually none
    if not others or len(others) <= len(_LATIN_LETTER.findall(sample)):
        return None
    counts: dict[str, int] = {}
    for char in others:
        script = unicodedata.name(char, "? ").split()[0]
        counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get)


def _non_ascii(text: str) -> str:
    """`"".join(_NON_ASCII.findall(text))`: the text's characters outside ASCII, in order,
    read off its UTF-8 bytes (speed: such a character's bytes are all from 0x80, so
    deleting the ASCII bytes leaves theirs, in order)."""
    return (text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
            .decode("utf-8", "surrogatepass"))


_ASCII_BYTES = bytes(range(0x80))
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")  # a letter of another script
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _name_scripts(scripts: list[str]) -> str:
    names = [_SCRIPT_NAMES.get(s, s.title() + " script") for s in scripts]
    names = list(dict.fromkeys(names))
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def read_seen(path: str | Path) -> list[Article]:
    """Articles already seen (for `--since`): a folder or an article file, as
    `read_cluster` reads them, or a JSON Lines file of clusters (their documents) or of
    articles (`{"text": ...}` or a JSON string per line)."""
    path = Path(path)
    if not is_jsonl(path):
        return read_cluster(path)
    articles: list[Article] = []
    for number, raw in cluster_lines(path):
        where = f"{shown_path(path.name)} line {number}"
        obj = load_json(raw, where=where, expected='give one cluster {"documents": [...]} '
                        'or one article {"text": ...} per line')
        if isinstance(obj, dict) and ("documents" in obj or "document" in obj):
            cluster = parse_cluster_line(raw, number)
            if cluster.error:
                raise InputError(f"{shown_path(path.name)}: {cluster.error}")
            articles.extend(cluster.articles)
        else:
            articles.extend(to_articles([obj], where=where))
    if not articles:
        raise EmptyInputError(f"{shown_path(path)} holds no articles; give the articles "
                              "already seen")
    return articles


def read_clusters(path: str | Path) -> Iterator[ClusterLine]:
    """Clusters from a JSON Lines file, one per line, streamed (see `parse_cluster_line`)."""
    for number, raw in cluster_lines(path):
        yield parse_cluster_line(raw, number)


JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


def is_jsonl(path: str | Path) -> bool:
    """A JSON Lines file by its name: .jsonl, or .jsonl.gz (gzipped, as archives are kept)."""
    return Path(path).name.lower().endswith(JSONL_SUFFIXES)


def jsonl_lines(path: Path) -> Iterator[bytes]:
    """The raw lines of a JSON Lines file, gzipped or not; a UTF-16 file (whose newlines
    are two bytes) and a broken gzip file are refused with one error."""
    gzipped = path.name.lower().endswith(".gz")
    try:
        with (gzip.open(path, "rb") if gzipped else path.open("rb")) as f:
            refuse_utf16(f.read(8192), where=shown_path(path))
            f.seek(0)
            yield from f
    except gzip.BadGzipFile as e:  # (also a damaged one: its first bytes tell which)
        with path.open("rb") as f:
            gzipped = f.read(2) == b"\x1f\x8b"
        raise InputError(f"{shown_path(path)} is a damaged gzip file ({e}); give it again"
                         if gzipped else
                         f"{shown_path(path)} is not gzipped; name it .jsonl (or gzip it)"
                         ) from None
    except (EOFError, zlib.error) as e:
        raise InputError(f"{shown_path(path)} is not a whole gzip file ({e}); give it again, "
                         "or unzipped as .jsonl") from None


def cluster_lines(path: str | Path) -> Iterator[tuple[int, bytes]]:
    """The numbered raw lines of a JSON Lines file; blank lines at its end are left out."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{shown_path(path)} does not exist or is not a file; give a .jsonl "
                         "file of clusters")
    blank: list[tuple[int, bytes]] = []
    for number, raw in enumerate(jsonl_lines(path), 1):
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
    except InputError as e:
        return ClusterLine(number=number, id=_guess_id(raw, number), error=str(e))
    cluster_id = _shown_id(obj.get("id"), number)
    try:
        _id(obj.get("id"), default=cluster_id, where=f"line {number}")
    except InputError as e:
        return ClusterLine(number=number, id=cluster_id, error=str(e))
    where = f"line {number} (id {cluster_id})"
    try:
        docs = obj.get("documents", obj.get("document"))
        if isinstance(docs, str):
            docs = [d.replace("NEWLINE_CHAR", "\n") for d in docs.split(MULTI_NEWS_SEPARATOR)]
        if not isinstance(docs, list):
            one = ("; it looks like one article, as `storyline stories add` and `storyline "
                   "timeline` take them" if isinstance(obj.get("text"), str) else "")
            raise InputError(f'{where} has no "documents" list; write "documents": '
                             f'["article text", ...]{one}')
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
    obj = load_json(stripped, where=f"line {number}",
                    expected='each line must be {"id": ..., "documents": ["...", ...]}')
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


def _shown_id(value, number: int) -> str:
    """How an error line names its cluster: the id as written (a number as in the file),
    or the line number when the line has no usable id."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    return str(number)


def _date(value, *, where: str) -> str | None:
    """A calendar date written the ISO way or as feeds write it (a time after it is
    ignored), or None."""
    if value is None:
        return None
    day = published_date(value)
    if day is None:
        raise InputError(f"{where}: {PUBLISHED_FORMS}, not {value!r}")
    return day


PUBLISHED_FORMS = ('"published" must be a date such as "2019-02-10" (ISO, a time after it '
                   'allowed) or "Sun, 10 Feb 2019 09:30:00 GMT" (as RSS writes it)')


def published_date(value) -> str | None:
    """YYYY-MM-DD from an ISO date (and time), or from a date as RSS and e-mail write it
    ("Sun, 10 Feb 2019 09:30:00 GMT", RFC 2822): the day as written, in its own time
    zone, as an ISO date's first ten characters are."""
    iso = _valid_date(value)
    if iso is not None or not isinstance(value, str):
        return iso
    match = _RFC_2822.fullmatch(value)
    if match is None or len(match.group("year")) == 4 and match.group("year") < "1000":
        return None  # (Python's reader takes "0001" for 2001)
    try:  # (Python's reader wants a time: a day alone is its midnight)
        return email.utils.parsedate_to_datetime(
            value if match.group("time") else value.strip() + " 00:00").date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


_RFC_2822 = re.compile(r"\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+(?P<year>\d{4}|\d{2})"
                       r"(?P<time>\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|[A-Za-z]{1,5}))?)?"
                       r"\s*")


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
    match = re.search(rb'^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)',
                      raw[:1000])
    if not match:
        return str(number)
    try:
        guess = match.group(1).decode("utf-8")
        guess = json.loads(guess) if guess.startswith('"') else guess
    except ValueError:
        return str(number)
    return guess if _encodable(guess) and len(guess) < 200 else str(number)


def _natural_key(path: Path) -> list:
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", path.name)]
