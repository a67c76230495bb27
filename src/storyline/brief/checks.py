"""Warnings for input that a brief cannot serve well, said instead of hidden.

A brief reads as if its articles were one story told by several sources. When they are
not — an article about something else, a teaser of a few words, a page of links or
spam instead of an article — the brief says so in `warnings`, one sentence each, so
that a reader or an app can tell a brief to trust from one to check.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..errors import EmptyInputError
from ..model import Article, Sentence
from .ingest import script
from .vectors import profile_cosines

if TYPE_CHECKING:  # (tf-idf's rows: vectors.Rows, read as a csr_matrix)
    from scipy import sparse

# An article whose tf-idf profile has a cosine below this with every other article
# shares little more than common words with them. Calibrated on the Multi-News dev and
# DUC 2006 clusters (BENCHMARKS.md, "How often the warnings are right"): true clusters
# keep their articles above it; the clusters it flags hold an unrelated article or page
# furniture.
OFF_TOPIC = 0.1
# An article with fewer words in complete sentences is a teaser, a caption or a stub.
THIN_WORDS = 40
# An article with less than this share of its words in complete sentences is mostly
# lists, links or fragments: page furniture or spam rather than news.
PROSE_SHARE = 0.35
# A text whose letters are this share capitals or more is written in capitals only (a
# broadcast transcript): sentences are told by their lower-case words, so it has none.
ALL_CAPS = 0.9
# Whether an article is in English: not when another script's letters outnumber the Latin
# alphabet's (`ingest.script`); else told by its words (ENGLISH_JUDGED of them or more; a
# shorter text is not judged): not when the commonest words of French, Spanish, Italian,
# Portuguese, German or Dutch (`_FOREIGN`) outnumber English's (`_ENGLISH`) FOREIGN_RATIO
# times, or when its letters were lost: fewer than ENGLISH_SHARE English words, most words
# of one or two letters (Timeline17's BBC Vietnamese pages, their accented letters dropped:
# "Ch ng c m n y tuy c c t nh ...", 1.9% to 3.4% English words, 67% to 88% short ones).
# Of the 5,600 articles of the dev sets and streams, the English ones hold at least 6%
# English words (a video page in capitals; news prose over 20%), at most 35% short words,
# and foreign words at most 0.91 times their English ones (a video page's licensing note);
# a list of names and numbers holds few of either and is no foreign text.
ENGLISH_JUDGED = 30
ENGLISH_SHARE = 0.05
SHORT_SHARE = 0.5
FOREIGN_RATIO = 1.5
_ENGLISH = frozenset("the of and to a in is that for on was with as it by at from he his be "
                     "are said has have had an this not but were or they which who will "
                     "been their its after".split())
_FOREIGN = frozenset("de la el los las del por para con una que se et les des le du est dans "
                     "pour sur une der die und das nicht mit ist den ein eine het van een voor "
                     "zijn niet il che di della per non sono da não em os uma com ao".split())
_WORD = re.compile(r"[^\W\d_]+")  # (letters of any script)


def in_english(text: str) -> bool:
    """`text` reads as English, or is too short to tell (see above)."""
    if script(text) is not None:  # (however short: its letters tell)
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < ENGLISH_JUDGED:
        return True
    english = sum(w in _ENGLISH for w in words)
    foreign = sum(w in _FOREIGN for w in words)
    short = sum(len(w) <= 2 for w in words)
    return not (foreign > FOREIGN_RATIO * english
                or english < ENGLISH_SHARE * len(words) and short > SHORT_SHARE * len(words))


def english(articles: list[Article]) -> tuple[list[Article], list[str]]:
    """The articles in English (`in_english`), and the ids of the others; raises
    EmptyInputError when none is."""
    foreign = [a.id for a in articles if not in_english(a.text)]
    if foreign and len(foreign) == len(articles):
        raise EmptyInputError("the articles are not in English, or their letters were lost "
                              "(most of their words are none of English's commonest): "
                              "Storyline reads news in English; give the articles in English")
    return [a for a in articles if a.id not in foreign], foreign


# A wire's budget: the day's coming stories for its clients, each a paragraph under its
# slug ("RUSSIA-TREATY _ MOSCOW _ The path was cleared Friday ...", "AUTISM-CURE
# (Undated) _ When news broke ..."), with the desk's hours and telephone numbers. It is no
# story: a brief of it tells the desk's schedule, and budgets make a story of their own in
# a stream (their notes are alike). A slug has a hyphen ("RUSSIA-TREATY", "GLF-TIGER") or
# a dateline after it ("ELIAN _ MIAMI _ "): a digest of datelined briefs ("LONDON _ ...",
# "PARIS _ ...") is no budget. The 8 budgets of the dev sets (7 in DUC 2006's stream, 1 in
# DUC 2007) have 5 to 28 slugged paragraphs; none of their other 2,100 articles has one.
BUDGET_SLUGS = 3
_SLUG = re.compile(r"^[ \t]*(?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?: \([A-Za-z][\w .,'-]{0,30}\))? _ "
                   r"|[A-Z][A-Z0-9]+ _ [A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3},?(?: [A-Z][a-z.]+)? _ )",
                   re.MULTILINE)


def is_budget(text: str) -> bool:
    """Whether `text` is a wire's budget, not a story (see above)."""
    return " _ " in text and any(  # (the slugs' mark: most texts are never searched)
        found >= BUDGET_SLUGS for found, _ in enumerate(_SLUG.finditer(text), 1))


def without_budgets(articles: list[Article]) -> tuple[list[Article], list[str]]:
    """The articles that are no wire budget (`is_budget`), and the ids of the others;
    raises EmptyInputError when all are."""
    budgets = [a.id for a in articles if is_budget(a.text)]
    if budgets and len(budgets) == len(articles):
        raise EmptyInputError("the articles are a wire's budgets (lists of coming stories, "
                              "each under its slug), not stories: give the stories themselves")
    return [a for a in articles if a.id not in budgets], budgets


def warnings(articles: list[Article], sentences: list[Sentence], fit: Sequence[bool],
             vectors: sparse.csr_matrix, foreign: Sequence[str] = (),
             budgets: Sequence[str] = (), strays: Collection[str] = ()) -> tuple[str, ...]:
    """What is wrong with the input as a cluster of articles about one story (`foreign`:
    the ids of the articles left out as not in English; `budgets`, of those left out as a
    wire's budget; `strays`, of those left out as another story than the brief's)."""
    ids = [a.id for a in articles]
    prose = dict.fromkeys(ids, 0)
    total = {a.id: len(a.text.split()) for a in articles}
    # An article's prose is counted until it is neither thin nor junk (then its count
    # changes nothing below): `fit` may read its sentences on demand, so the rest are
    # never read.
    enough = {a: max(THIN_WORDS, PROSE_SHARE * total[a]) for a in ids}
    if len(fit) != len(sentences):
        raise ValueError("warnings: one fit flag per sentence")
    for k, s in enumerate(sentences):
        if prose[s.article] < enough[s.article] and fit[k]:
            prose[s.article] += s.words
    out = []
    if foreign:
        one = len(foreign) == 1
        out.append(f"{_name(list(foreign), verb='is')} not in English, or "
                   f"{'its' if one else 'their'} letters were lost, so the brief leaves "
                   f"{'it' if one else 'them'} out")
    if budgets:
        one = len(budgets) == 1
        out.append(f"{_name(list(budgets), verb='is')} "
                   + ("a wire's budget (a list of coming stories), not a story, so the brief "
                      "leaves it out" if one else "wire budgets (lists of coming stories), "
                      "not stories, so the brief leaves them out"))
    caps = [a.id for a in articles if in_capitals(a.text)]
    thin = [a for a in ids if prose[a] < THIN_WORDS and a not in caps]
    junk = [a for a in ids if a not in thin and a not in caps
            and prose[a] < PROSE_SHARE * total[a]]
    if thin and len(thin) == len(ids):
        out.append("the articles hold very little text in complete sentences "
                   f"({sum(prose.values())} words): the brief may miss what happened; "
                   "give the full articles")
    elif thin:
        out.append(f"{_name(thin)} little text in complete sentences (a teaser, a caption "
                   "or a stub?)")
    if caps:
        out.append(f"{_name(caps, verb='is')} written in capital letters only (a broadcast "
                   "transcript?), so the brief cannot read its sentences; give it in normal "
                   "case")
    if junk:
        out.append(f"{_name(junk)} mostly lists, links or fragments rather than prose "
                   "(page furniture or spam?)")
    full = [a for a in ids if a not in thin and a not in caps]  # said to be one already
    off = _off_topic(full, vectors, sentences)
    if off and len(off) >= max(2, len(full) - 1):
        out.append("the articles do not look like one story: they share almost no words "
                   "beyond the common ones, so the brief mixes unrelated news")
        return tuple(out)
    if off:
        out.append(f"{_name(off, verb='does')} not look like the same story as the "
                   "others (it shares almost no words with them); check that it belongs")
    # articles close to one another but not to the brief's story: a second story (or
    # twelve: a day's feed given as one cluster), which the brief leaves out
    other = [a for a in full if a in strays and a not in off]
    if len(other) >= 2 and 2 * len(other) >= len(full):
        out.append(f"the articles look like more than one story: the brief tells one and "
                   f"takes no sentence from {len(other)} of the {len(ids)} articles, which "
                   "share almost no words with the article it opens on; give one story's "
                   "articles")
    elif other:
        one = len(other) == 1
        out.append(f"{_name(other, verb='seems')} to tell another story than the brief's "
                   f"({'it shares' if one else 'they share'} almost no words with the article "
                   f"it opens on), so the brief takes no sentence from "
                   f"{'it' if one else 'them'}")
    return tuple(out)


_SMALL_LETTERS = string.ascii_lowercase.encode()


def in_capitals(text: str) -> bool:
    """Nearly all of `text`'s letters are capitals (ALL_CAPS of them or more)."""
    # Prose has far more small letters than a tenth of its characters: then it is not
    # in capitals, and its letters need not be counted one by one (this runs per brief).
    encoded = text.encode("utf-8", "surrogatepass")  # (an ASCII letter is one byte in it)
    small = len(encoded) - len(encoded.translate(None, _SMALL_LETTERS))  # one pass in C
    if small > (1 - ALL_CAPS) * len(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= ALL_CAPS * len(letters)


def _off_topic(ids: list[str], vectors: sparse.csr_matrix,
               sentences: list[Sentence]) -> list[str]:
    """The articles (of `ids`) whose profile is far from every other one's."""
    if len(ids) < 2:
        return []
    similarity = _similarity(ids, vectors, sentences).copy()
    np.fill_diagonal(similarity, 0)
    return [a for i, a in enumerate(ids) if similarity[i].max() < OFF_TOPIC]


def strays(main: str, ids: list[str], vectors: sparse.csr_matrix,
           sentences: list[Sentence], below: float = OFF_TOPIC) -> set[str]:
    """The articles (of `ids`) that do not tell the story of article `main`: their
    profile's cosine with its profile is under `below`, by default as far as an off-topic
    article's. A brief follows the story its opener tells and leaves these out (the
    warnings still name them)."""
    similarity = _similarity(ids, vectors, sentences)[:, ids.index(main)]
    return {a for a, cosine in zip(ids, similarity, strict=True) if cosine < below}


def _similarity(ids: list[str], vectors: sparse.csr_matrix,
                sentences: list[Sentence]) -> np.ndarray:
    """The cosines of the articles' profiles (one unit-length row per id: the sum of
    their sentences' vectors), one row and column per id. A brief asks twice for the
    same (`strays`, then `warnings`): the last answer is kept, with the very objects it
    was computed from."""
    last = _LAST[0]
    if last is not None and last[0] is vectors and last[1] is sentences and last[2] == ids:
        return last[3]
    column = {a: i for i, a in enumerate(ids)}
    groups: list[list[int]] = [[] for _ in ids]
    for k, s in enumerate(sentences):
        if s.article in column:
            groups[column[s.article]].append(k)
    similarity = profile_cosines(vectors, groups)  # (scipy's products, bit for bit)
    _LAST[0] = (vectors, sentences, list(ids), similarity)
    return similarity


_LAST: list[tuple | None] = [None]  # the last _similarity call: its inputs and answer


def _name(ids: list[str], verb: str = "holds") -> str:
    """ "article 3 holds" or "articles 2 and 5 hold"."""
    if len(ids) == 1:
        return f"article {ids[0]} {verb}"
    plural = {"holds": "hold", "does": "do", "is": "are", "seems": "seem"}[verb]
    return f"articles {', '.join(ids[:-1])} and {ids[-1]} {plural}"
