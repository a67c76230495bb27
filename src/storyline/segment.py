"""Stage 2: sentences with character offsets into the cleaned article text.

Each paragraph (the cleaned text joins them with blank lines) is split on its own, so a
headline or a line without a final period never runs into the next one. The splitter,
nupunkt, was chosen by measurement (docs/segmentation.md).
"""

from __future__ import annotations

import re

import nupunkt

from .model import Article, Sentence

MIN_STATEMENT_WORDS = 6
MAX_STATEMENT_WORDS = 70
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
_STATEMENT_END = re.compile(r"""[.!]["'”’)\]]*$""")
_STATEMENT_START = re.compile(r"""^["'“‘(]?[A-Z0-9]""")


def split_all(articles: list[Article]) -> list[Sentence]:
    """The sentences of all articles, in article order."""
    return [s for article in articles for s in split(article)]


def split(article: Article) -> list[Sentence]:
    spans = [span for para in _PARAGRAPH.finditer(article.text)
             for span in _split_paragraph(para.group(), para.start())]
    return [Sentence(article=article.id, index=i, text=article.text[start:end], start=start,
                     end=end, of=len(spans)) for i, (start, end) in enumerate(spans)]


def _split_paragraph(text: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    for start, end in nupunkt.sent_spans(text):
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        start += len(chunk) - len(chunk.lstrip())
        spans.append((offset + start, offset + start + len(stripped)))
    return spans


def is_statement(text: str) -> bool:
    """A complete declarative sentence, fit to stand in a brief.

    It starts with a capital, a digit or an opening quote, ends with a period or "!"
    (possibly inside closing quotes), and has between 6 and 70 words: headlines,
    questions, lines ending in a colon and run-on fragments are left out.
    """
    n = len(text.split())
    return (MIN_STATEMENT_WORDS <= n <= MAX_STATEMENT_WORDS
            and bool(_STATEMENT_START.match(text)) and bool(_STATEMENT_END.search(text)))
