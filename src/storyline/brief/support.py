"""Honest citations: which articles state what a brief sentence states, and how fully.

A brief sentence cites, for each article, that article's sentence that best supports it:
one of the fact's members (the sentences grouped with it), or any sentence of the
article that states it in words close enough for a looser tf-idf match (then the same
test; an article that words it quite otherwise is not found). A
source sentence supports the brief sentence **fully** when it has the brief sentence's
numbers and names and most of its content words (weighted by tf-idf, so that "fighters"
counts more than "said"), **partially** when it has a good part of its content words and
contradicts none of its numbers; otherwise the article is not cited. Nor is it cited for
a question, which states nothing, nor for a count it gives with another figure ("killing
213 people" does not state "killed 247 people"; "hundreds of texts" does not state
"thousands of text messages"), nor where one of the two denies ("did not", "declined
to", "was unable to"; not an unnamed source's "who was not authorized to discuss it") and
the other does not. A sentence that shares only the names
(and numbers; a name's role word, "reporter Jane Roe", is part of the name) never
supports: "The Centers for Disease Control and Prevention in Atlanta has sent at least
six researchers ..." does not state "Results were confirmed by the Centers for Disease
Control in Atlanta."; where all the brief sentence says of its names is one word, another
word for it may say the same ("The Red Sox lost to the Yankees" for "The Yankees beat the
Red Sox"), so such a source is partial at most. Who a person is ("the head of ...") and
that they said something are no part of what they said: the same person saying another
thing supports nothing, nor does a source that quotes and has not one phrase of the
sentence's quotation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..model import Citation, Fact, Sentence
from .literals import led
from .segment import is_question
from .vectors import cosines, terms

if TYPE_CHECKING:  # (tf-idf's rows: vectors.Rows, read as a csr_matrix)
    from scipy import sparse

# Shares of the brief sentence's tf-idf weight that a source sentence must have, and
# the cosine at which an article's other sentences are looked at. Chosen by reading the
# citations of 30 Multi-News dev briefs; the 228 partial citations two readers labelled
# since are in BENCHMARKS.md ("Citations read", the twenty-fifth round).
FULL = 0.6
PARTIAL = 0.35
LOOSE = 0.35  # and the cosine a supporting sentence needs at least
FULL_COSINE = 0.4
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# (not "not only" nor "not just", which add: "... not only has an ocean, it has lakes")
_NEGATION = re.compile(r"\b(?:no|not(?! (?:only|just)\b)|never|none|nobody|nothing|neither|"
                       r"nor|without|cannot|n't|denied|denies|deny|refused|refuses|false|"
                       r"untrue|declined to|declines to)\b|n['’]t\b", re.IGNORECASE)
_NEGATION = led(_NEGATION)  # (speed: behind a look-ahead of its first characters, literals.py)
# A denial said as an adjective: "was unable to say" is "would not say", "was unaware of
# the plans" is "did not know of them".
_UNABLE = re.compile(r"\b(?:unable|unaware)\b", re.IGNORECASE)
# Why a source goes unnamed denies nothing of what it says: "an official, who was not
# authorized to discuss the arrest, said the suspect ..." (but "the airline was not
# allowed to resume flights" denies)
_UNNAMED_BECAUSE = re.compile(
    r"\b(?:who|because (?:he|she|they|it))\s+(?:was|were|is|are)\s+not\s+(?:authorized|"
    r"authorised|allowed|permitted|cleared)\s+to\s+(?:publicly\s+)?(?:discuss|comment|"
    r"speak|talk|release|disclose|brief|be\s+(?:named|identified|quoted))\b", re.IGNORECASE)
_CAPITALIZED = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?"
_NAME = re.compile(r"(?<=[\w,;:)\"”’] )" + _CAPITALIZED)
_FIRST_WORD = re.compile(_CAPITALIZED)
_NEXT_NAME_WORD = re.compile(" " + _CAPITALIZED)  # after a first word: a name goes on


def citations(shown: int, fact: Fact, sentences: list[Sentence], vectors: sparse.csr_matrix,
              files: dict[str, str | None]) -> tuple[Citation, ...]:
    """The citations of the brief sentence `shown` (a member of `fact`), one per article
    that supports it, in cluster order; the article of `shown` cites `shown` itself."""
    return sourced(shown, fact, sentences, vectors, files)[0]


def reported_by(shown: int, fact: Fact, sentences: list[Sentence], vectors: sparse.csr_matrix,
                files: dict[str, str | None]) -> int:
    """How many articles report what the brief sentence `shown` reports: those it cites,
    and those in which the person it quotes, named and placed the same way, says another
    thing of it. A brief's last line that other articles report is on the story's thread
    (`order.without_stray_ending`), though only its own article states what was said."""
    return sourced(shown, fact, sentences, vectors, files)[1]


def sourced(shown: int, fact: Fact, sentences: list[Sentence], vectors: sparse.csr_matrix,
            files: dict[str, str | None]) -> tuple[tuple[Citation, ...], int]:
    """`citations` and `reported_by` of the brief sentence `shown`, from one look at the
    articles' sentences."""
    text = sentences[shown].text
    row = _Row.of(vectors, shown)
    candidates: dict[str, list[int]] = {}
    for k in fact.members:
        candidates.setdefault(sentences[k].article, []).append(k)
    similar = np.flatnonzero(cosines(vectors, range(vectors.shape[0]), [shown])[:, 0] >= LOOSE)
    for k in similar:
        candidates.setdefault(sentences[k].article, []).append(int(k))
    cited, reported = [], 0
    for article in files:
        if article == sentences[shown].article:
            cited.append(_citation(sentences[shown], files, "full"))
            reported += 1
            continue
        graded, reports = [], False
        for k in dict.fromkeys(candidates.get(article, ())):
            source = _Row.of(vectors, k)
            support = _grade(text, row, sentences[k].text, source)
            if support is not None:
                graded.append((support == "full", row.share(source), k))
            # (who says it and that they say it count as said)
            reports = reports or _grade(text, row, sentences[k].text, source, True) is not None
        if graded:
            full, _, k = max(graded, key=lambda g: (g[0], g[1]))
            cited.append(_citation(sentences[k], files, "full" if full else "partial"))
        reported += reports
    return tuple(cited), reported


def grade(text: str, row: sparse.csr_matrix, source: str,
          source_row: sparse.csr_matrix) -> str | None:
    """"full", "partial" or None: how well `source` states what `text` states."""
    return _grade(text, _Row.of(row, 0), source, _Row.of(source_row, 0))


def _grade(text: str, row: _Row, source: str, source_row: _Row,
           speaker: bool = False) -> str | None:
    share = row.share(source_row)
    cosine = row.cosine(source_row)
    numbers = _numbers(text)
    source_numbers = _numbers(source)
    if cosine < LOOSE or share < PARTIAL:
        return None
    if numbers and source_numbers and not numbers & source_numbers:
        return None  # other figures: not the same statement, or a disagreement
    if _counts_otherwise(text, source):
        return None  # "killed 247 people" and "killing 213 people": a disagreement
    if _denies(text) != _denies(source):
        return None  # one says it is so, the other that it is not
    if is_question(source) and not is_question(text):
        return None  # a question states nothing ("Q. What are the symptoms of ...?")
    claim = _claim(text, source, speaker)
    if claim and claim.isdisjoint(terms(source)):
        if len(claim) > 1:
            return None  # the same names, nothing of what is said of them
        return "partial"  # its one word said otherwise ("beat" and "lost to"), or not said
    if not speaker and _quotes_otherwise(text, source):
        return None  # each quotes, and not one phrase of the other: another thing said
    if (share >= FULL and cosine >= FULL_COSINE and numbers <= source_numbers
            and _names(text) <= _words(source)):
        return "full"
    return "partial"


class _Row:
    """One tf-idf row as sorted terms and float32 weights: the share and cosine below
    sum in the order and precision scipy's sparse products do, so a grade is the same
    to the last bit, without their per-call cost. Which terms two rows share is found
    with the rows' own dicts (numpy's set routines cost more than the sums, on rows of
    a few dozen terms); the sums stay numpy's, over the same weights in the same order."""

    __slots__ = ("terms", "weights", "_where", "_total")

    def __init__(self, terms: np.ndarray, weights: np.ndarray):
        self.terms, self.weights = terms, weights
        self._where = {t: i for i, t in enumerate(terms.tolist())}  # term -> position
        self._total = weights.sum()

    @classmethod
    def of(cls, matrix: sparse.csr_matrix, k: int) -> _Row:
        start, end = matrix.indptr[k], matrix.indptr[k + 1]
        terms = matrix.indices[start:end]
        order = np.argsort(terms, kind="stable")
        return cls(terms[order], matrix.data[start:end][order])

    def share(self, other: _Row) -> float:
        """The share of this row's tf-idf weight on terms that `other` has too."""
        total = self._total
        if not total:
            return 0.0
        theirs = other._where
        mask = np.fromiter((t in theirs for t in self._where), bool, len(self._where))
        shared = self.weights[mask].sum()
        return float(shared / total)

    def cosine(self, other: _Row) -> float:
        theirs = other._where
        both = [t for t in self._where if t in theirs]  # in sorted order, as the terms
        if not both:
            return 0.0
        mine = [self._where[t] for t in both]
        return float(np.add.accumulate(self.weights[mine]
                                       * other.weights[[theirs[t] for t in both]])[-1])

    def _numpy_share(self, other: _Row) -> float:
        """`share` by numpy's set routine (the code it replaces; tests compare them)."""
        total = self.weights.sum()
        if not total:
            return 0.0
        shared = self.weights[np.isin(self.terms, other.terms, assume_unique=True)].sum()
        return float(shared / total)

    def _numpy_cosine(self, other: _Row) -> float:
        """`cosine` by numpy's set routine (the code it replaces; tests compare them)."""
        both, mine, theirs = np.intersect1d(self.terms, other.terms, assume_unique=True,
                                            return_indices=True)
        if not len(both):
            return 0.0
        return float(np.add.accumulate(self.weights[mine] * other.weights[theirs])[-1])


_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve"), 1)}
# (not a figure's tail, "316-301"; nor a rate's base, "in 1,000", "per 1,000")
_COUNT = re.compile(r"(?<![\d.,\-–])(?<!\bin )(?<!\bper )(?<!\bout of )(?<!\bevery )"
                    rf"\b(\d+(?:,\d{{3}})*|{'|'.join(_NUMBER_WORDS)})[ -]"
                    r"(?!(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|times?|"
                    r"percent)\b)([a-z]+)", re.IGNORECASE)
_BOUND = re.compile(r"\b(?:between|and|to|or|least|most|than|about|around|nearly|almost|over|"
                    r"under|some|roughly|approximately|estimated|up|as many as) $", re.IGNORECASE)


@lru_cache(maxsize=20_000)  # (a brief sentence's, asked once for each of its sources)
def _counted(text: str) -> dict[str, frozenset[str]]:
    """What the sentence counts, each with its figures: {"people": {"247"}} (not spans
    of time nor shares: "a three-year sentence reduced to one year" counts one thing
    twice; nor a rate's base, the 1,000 of "4 in 1,000 children"; nor a bound or a
    range's end, whose figure is no count: "at least 300 million", "270 to 480")."""
    out: dict[str, set[str]] = {}
    for match in _COUNT.finditer(text):
        figure, noun = match.groups()
        if not terms(noun) or _BOUND.search(text, max(0, match.start() - 20), match.start()):
            continue  # (a stop word, "five on the ground"; a bound, "at least 300 people")
        figure = figure.lower().replace(",", "")
        out.setdefault(terms(noun)[0], set()).add(_NUMBER_WORDS.get(figure, figure))
    return {noun: frozenset(figures) for noun, figures in out.items()}


def _counts_otherwise(text: str, source: str) -> bool:
    """The source counts something the sentence counts, and never with its figure (nor
    in its order: "thousands of texts" is not "hundreds of texts")."""
    return any(not mine[noun] & theirs[noun]
               for mine, theirs in ((_counted(text), _counted(source)),
                                    (_in_order(text), _in_order(source)))
               for noun in mine.keys() & theirs.keys())


# A count told by its order only: "hundreds of homes", "thousands of text messages"
# (compared only with another such count: "5,000 people" may be "thousands of people").
_ORDER = re.compile(r"\b(dozens|hundreds|thousands|millions|billions) of ([a-z]+)",
                    re.IGNORECASE)


@lru_cache(maxsize=20_000)
def _in_order(text: str) -> dict[str, frozenset[str]]:
    """What the sentence counts by its order, each with its orders: {"text": {"thousands"}}."""
    out: dict[str, set[str]] = {}
    for order, noun in _ORDER.findall(text):
        if terms(noun):
            out.setdefault(terms(noun)[0], set()).add(order.lower())
    return {noun: frozenset(orders) for noun, orders in out.items()}


# Quoted words ("...", “...”, ‘...’) and the words of a sentence, for `_quotes_otherwise`.
# (an opening mark ends a quotation's run too, so that unclosed ones cost no rescan; a
# typewriter's ``...'' is an archive's quotation)
_QUOTATION = re.compile(r"\"([^\"]+)\"|“([^”“]+)”|‘([^’‘]+)’|``((?:[^`']|'(?!'))+)''")
_PLAIN_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _quotes_otherwise(text: str, source: str) -> bool:
    """Whether the sentence quotes someone at length (six words or more), the source
    quotes at length too, and the source has no phrase of that quotation (two content
    words in a row, or three words with one): '"It has grown a clear tail in the last
    three nights," said Dr. Osk.' is not stated by '"On a clear night you will see a
    faint smudge with a tail," said Dr. Osk.', though they share "clear", "tail",
    "night"."""
    if not (quoted := _long_quotation_phrases(text)) or not _long_quotation_phrases(source):
        return False  # (a source that quotes a word or two tells it in its own words)
    return quoted.isdisjoint(_phrases(_PLAIN_WORD.findall(source.lower().replace("’", "'"))))


@lru_cache(maxsize=20_000)  # (a brief sentence's, asked once for each of its sources)
def _long_quotation_phrases(text: str) -> frozenset[tuple[str, ...]]:
    """The phrases of the sentence's quotations of six words or more (none: no such)."""
    quotations = [_PLAIN_WORD.findall(next(g for g in m.groups() if g).lower()
                                      .replace("’", "'"))
                  for m in _QUOTATION.finditer(text)]
    return frozenset(p for words in quotations if len(words) >= 6 for p in _phrases(words))


def _phrases(words: list[str]) -> set[tuple[str, ...]]:
    """Two content words in a row, and three words in a row with a content word."""
    content = [bool(terms(w)) for w in words]
    return ({tuple(words[i:i + 2]) for i in range(len(words) - 1) if content[i] and content[i + 1]}
            | {tuple(words[i:i + 3]) for i in range(len(words) - 2) if any(content[i:i + 3])})


def _denies(text: str) -> bool:
    """Whether the sentence says that something is not so (or was not done)."""
    if "not" in text:  # (the clause's own word: most sentences skip the search)
        text = _UNNAMED_BECAUSE.sub("", text)
    return bool(_NEGATION.search(text) or _UNABLE.search(text))


def _numbers(text: str) -> set[str]:
    """The figures of the sentence (not the digits of a web address: "bit.ly/1QPO4MH")."""
    if "/" in text or "www." in text:
        text = " ".join(w for w in text.split() if not _ADDRESS.match(w))
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


# A word that is a web address: "http://...", "www....", "bit.ly/..." (not "24/7", "3/4",
# "Rs.40/kg")
_ADDRESS = re.compile(r"[(\[<\"“]?(?:https?://|www\.|[a-z][\w-]*\.[a-z][\w.-]*/)",
                      re.IGNORECASE)


def _names(text: str) -> set[str]:
    """The capitalized words inside a sentence, lower-cased, without a possessive."""
    text = text.replace("’", "'")
    return {re.sub(r"'s?$", "", n.lower()) for n in _NAME.findall(text)}


def _claim(text: str, source: str, speaker: bool = False) -> set[str]:
    """The terms of what `text` says: its tf-idf terms but its names' (its first word's
    too when `source` writes it as a name, "Atlanta's Centers for Disease Control ...",
    or a name's word follows it, "Jon Moe, ..."), the roles they are named by,
    its numbers' and the verb of saying: "Jon Moe, the head of the Valley Observatory,
    said four rebels were killed." says nothing of "Jon Moe, head of the Valley
    Observatory, said 18 troops were wounded." With `speaker`, those roles said with
    "of" or "for", that first word and the verb of saying are terms of the claim."""
    names = _name_terms(text) | {t for w in _ROLE.findall(text) for t in terms(w)}
    first = _FIRST_WORD.match(text)
    if first and (set(terms(first.group())) <= _name_terms(source)
                  or not speaker and _NEXT_NAME_WORD.match(text, first.end())):
        names |= set(terms(first.group()))
    if speaker:
        return {t for t in terms(text) if t not in names and not t[0].isdigit()}
    names |= {t for w in _ROLE_OF.findall(text) for t in terms(w)}
    return {t for t in terms(text)
            if t not in names and t not in _SAYING and not t[0].isdigit()}


# The word that says who a named person is, told with the full name ("injured journalist
# Jane Roe", "reporter John Doe", "spokesman Ed Poe"): part of naming them, not of what is
# said of them.
_ROLE = re.compile(r"\b([a-z]+(?:er|or|ist|ian|man|woman|ant|ent)|chief|head|star|coach|"
                   r"minister|official|leader|secretary|judge|model|host|anchor|son|daughter|"
                   r"wife|husband|mother|father|brother|sister|friend|student|nurse)"
                   r" (?=[A-Z][a-z]+ [A-Z])")


# The same, said with "of" or "for": "the head of the Syrian Observatory", "a member of the
# panel", "a spokeswoman for the company".
_ROLE_OF = re.compile(r"\b(head|chief|director|leader|chairman|chairwoman|spokesman|"
                      r"spokeswoman|spokesperson|founder|president|member) (?:of|for)\b")
# That someone said it is not what they said.
_SAYING = frozenset(t for w in ("said", "says", "say", "told", "tells", "added", "according")
                    for t in terms(w))


def _name_terms(text: str) -> set[str]:
    return {t for n in _NAME.findall(text.replace("’", "'")) for t in terms(n)}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+(?:-[a-z]+)*", text.replace("’", "'").lower()))


def _citation(s: Sentence, files: dict[str, str | None], support: str) -> Citation:
    return Citation(s.article, files[s.article], s.start, s.end, s.text, support)
