"""No regular expression that runs on article text may take time that grows faster than
the text: each stage that runs them gets long lines of adversarial tokens (the patterns'
own characters and words, repeated), and must finish in seconds where a quadratic
pattern would take minutes. benchmarks/regex_audit.py finds the candidates; the classes
it found are here (Markdown links, images and emphasis, list markers over blank lines,
a run without spaces in the sentence splitter, whitespace before a PTB bracket, "<"
runs in a feed item, a parenthesis after a sentence end, a share bar's words)."""

import html
import time
from datetime import date

import pytest

from storyline.analyze import timex
from storyline.analyze.timeline import untokenize
from storyline.brief import clean, dating, segment
from storyline.brief.ingest import markdown_to_text, text_to_article
from storyline.brief.support import grade
from storyline.brief.vectors import tfidf
from storyline.model import Article, Sentence
from storyline.stories.prepare import Incoming, prepare_or_skip

TOKENS = [" ", "\t", "\n", "\n\n", " \n", "a", "A", "1", ".", "!", "*", "_", "#", "<", "(",
          "[", "*a ", "**a ", "_a ", "__a", "[a", "![a", "[a](", "](", "(a ", ". (", "w>",
          " z._", "A. ", "Mr. ", "U.S. ", "in this ", "Monday ", "May ", "2019 ", "Feb. 9, ",
          "- ", "-RRB- ", " -RRB- ", "''", " , ", "'s ", "> ", "1. ", "by ", "http://a ",
          "@a ", "3 to ", "10 km ", "Street ", "St. ", "Aa Aa ", "“a ", "—", "$1 ",
          "12:00 ", "a.b", "x.", "(photo", "in this photo ", "Updated: ", "Read more ",
          "share ", "Share | ", "5 people ", "at least 5 people ", "reporter Jo Doe "]
LINE_CHARS = 30_000  # a quadratic pattern on this takes over a minute; linear, milliseconds
SECONDS = 30  # for all tokens through one stage (linear: about 1 s)
GOOD = ("The army said on Tuesday that 300 soldiers had crossed the border into the "
        "northern region of the country.")


def hostile_lines() -> list[str]:
    return [(token * (LINE_CHARS // len(token) + 1))[:LINE_CHARS] for token in TOKENS]


def _cited_both_ways(line: str) -> tuple:
    """The citation test of `line` against a plain sentence, and of it against `line`."""
    sentences = [Sentence("1", 0, line, 0, len(line)), Sentence("2", 0, GOOD, 0, len(GOOD))]
    rows = tfidf(sentences).sparse()
    return grade(line, rows[0], GOOD, rows[1]), grade(GOOD, rows[1], line, rows[0])


def hostile_text() -> str:
    return "\n\n".join([GOOD, *hostile_lines(), GOOD])


STAGES = {
    "markdown": markdown_to_text,
    "html fragment": lambda text: text_to_article(
        "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n\n")), id="1"),
    "clean": lambda text: clean.clean(Article("1", text)),
    "segment": lambda text: segment.split(clean.clean(Article("1", text))[0]),  # as it runs
    "dating": lambda text: dating.date_all([Article("1", text, url="https://x.org/a")]),
    "timex": lambda text: [timex.find(line, date(2019, 2, 10)) for line in text.split("\n\n")],
    "tokenized text": lambda text: [untokenize(" -LRB- x 's , n't " + line)
                                    for line in text.split("\n\n")],
    # (a title of each, too; a line of one letter's words is skipped as no English)
    "story article": lambda text: [prepare_or_skip(Incoming(
        text=f"{GOOD}\n\n{line}", where="x", title=line[:2000])) for line in hostile_lines()],
    "citations": lambda text: [_cited_both_ways(line) for line in hostile_lines()],
}


@pytest.mark.parametrize("stage", list(STAGES))
def test_long_adversarial_lines_take_linear_time(stage):
    text = hostile_text()
    start = time.monotonic()
    STAGES[stage](text)
    assert time.monotonic() - start < SECONDS, f"{stage} is super-linear on some line"


def test_the_citation_test_on_a_long_line_of_counts():
    """A count's bound was looked for in all the text before it: 295 s on 400,000
    characters of "killed 5 people and "; it looks at the words just before."""
    line = "The army killed 5 people and at least 5 people " * 4_000
    sentences = [Sentence("1", 0, line, 0, len(line)), Sentence("2", 0, line + "x", 0, 0)]
    rows = tfidf(sentences).sparse()
    start = time.monotonic()
    grade(line, rows[0], line + "x", rows[1])
    assert time.monotonic() - start < 5


def test_markdown_on_each_class_of_line():
    """The patterns that took 12 s on one Markdown line of "*a " or "[a" (and minutes on
    longer ones) now take milliseconds on 200,000 characters."""
    for token in ("*a ", "[a", "![a", "**a ", "\n", " \n", "[a](", "*"):
        start = time.monotonic()
        markdown_to_text(token * (200_000 // len(token)))
        assert time.monotonic() - start < 5, token


def test_markdown_still_reads_markdown():
    text = ("# Title\n\n* item one\n- item two\n1. three\n> quoted\n  ## sub\nSome **bold**, "
            "__strong__ and *it* with [a link](http://x) and ![an image](y.png) here.\n")
    assert markdown_to_text(text) == ("Title\n\nitem one\nitem two\nthree\nquoted\nsub\nSome "
                                      "bold, strong and it with a link and  here.\n")


def test_a_run_without_spaces_is_a_span_of_its_own():
    run = "![a" * 50_000
    block = f"A dam burst on Tuesday. {run} Rescue teams came by boat."
    start = time.monotonic()
    spans = segment.sentence_spans(block)
    assert time.monotonic() - start < 5
    assert [block[s:e] for s, e in spans] == ["A dam burst on Tuesday.", run,
                                              "Rescue teams came by boat."]


def test_feed_markup_with_runs_of_brackets():
    from storyline.stories.sources import _TAG

    start = time.monotonic()
    _TAG.sub(" ", "<" * 100_000)
    assert time.monotonic() - start < 5
    assert _TAG.sub(" ", "<p>a <b>b</b></p>") == " a  b  "


def test_a_share_bar_that_ends_in_another_word_is_read_in_linear_time():
    """The share bar's rule once let two runs of spaces split each gap between its words
    two ways: 22 words and a stray last one took 5 s, each word more four times as long."""
    line = " ".join(["Share"] * 24) + " here"
    start = time.monotonic()
    clean.clean(Article("1", f"{line}\n\n{GOOD}"))
    assert time.monotonic() - start < 2
