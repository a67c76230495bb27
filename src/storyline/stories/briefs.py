"""A story's brief: the brief pipeline, unchanged, over the story's articles, and its key
dates (the long-story timeline, `analyze.timeline`).

Citation markers number the story's articles from 1 in arrival order; copies of an
article (syndicated near duplicates) are left out of the brief and listed under it.
What is new is `summarize(newer, since=older)`: the articles that came after the
previous brief, against those it covered.
"""

from __future__ import annotations

import re
from typing import Any

from ..analyze.timeline import timeline
from ..brief.pipeline import summarize
from ..brief.render import printed
from ..brief.segment import has_verb
from ..errors import StorylineError
from ..model import Article, Phase
from ..options import Options
from .prepare import lead, names_article, opening

NEW_WORDS = 80  # what is new, when a few articles came (NEW_FEW or fewer)
NEW_FEW = 5
TIMELINE_DATES = 10  # a story page's key dates, one sentence each
# The key dates read the story's latest articles, this many (the brief reads 50): 200
# take about 3 s, 500 over 8 s, recomputed whenever the story changes.
TIMELINE_ARTICLES = 200


def story_brief(articles: list[dict], previous: Any, *, words: int,
                labels: dict[str, str] | None = None) -> dict[str, Any]:
    """{"brief", "new", "previous", "timeline", "labels"} for the story's articles (store
    rows, arrival order): the brief, what is new, the previous brief's version, time and
    articles, the key dates, and the lead sentences that name its untitled articles (by
    seq; `labels` holds those found before, read again only for new articles).
    `previous` is the previous brief's row (version, upto, made) or None."""
    numbers = _numbers(articles)
    originals = [a for a in articles if a["copy_of"] is None]
    brief = _summarize([_article(a, numbers) for a in originals[-50:]], Options(words=words))
    new = None
    if previous is not None:  # (the latest 50 of each side: a burst of 50 new articles
        # would otherwise leave none seen, and what is new would be the brief again)
        older = [_article(a, numbers) for a in originals if a["seq"] <= previous["upto"]][-50:]
        newer = [_article(a, numbers) for a in originals if a["seq"] > previous["upto"]][-50:]
        if newer:  # (many new articles get the brief's own budget: 80 words told too little)
            budget = words if len(newer) > NEW_FEW else min(words, NEW_WORDS)
            new = _summarize(newer, Options(words=budget, analysis=False), since=older)
        previous = {"version": previous["version"], "made": previous["made"],
                    "articles": sum(a["seq"] <= previous["upto"] for a in articles)}
    known = labels or {}
    return {"brief": brief, "new": new, "previous": previous,
            "timeline": _timeline([_article(a, numbers)
                                   for a in originals[-TIMELINE_ARTICLES:]]),
            "labels": {str(a["seq"]): label for a in articles if not names_article(a["title"])
                       and (label := known.get(str(a["seq"])) or _lead(a["text"]))}}


def headline(brief: dict[str, Any], articles: list[dict]) -> str | None:
    """The story's headline once its brief is made: the title of the article the brief's
    first sentence (its main news) is taken from, or, where that article has no title that
    names it (`prepare.names_article`), that sentence itself, whole; None for a brief
    without sentences. A story keeps the first article's title otherwise, which goes stale
    as the story moves on ("Russia Attempts Submarine Rescue" over the crew's death)."""
    sentences = brief.get("sentences") or []
    if not sentences:
        return None
    first = sentences[0]
    # (the latest article that prints the sentence, if more than one does; a wire's
    # ``typewriter quotes'' print as quotation marks, and a lead-in in capitals as words)
    printed_first = first["text"].lower()
    own = [c["article"] for c in first["sources"]
           if c["text"] == first["text"] or printed(c["text"]).lower() == printed_first][-1:]
    numbers = _numbers(articles)
    titles = {str(numbers[a["seq"]]): a["title"] for a in articles if a["copy_of"] is None}
    title = titles.get(own[0]) if own else None
    if names_article(title) and not _OPINION.match(title):
        return title
    return main_clause(first["text"])  # (not cut off with "…": readers marked it down)


def main_clause(sentence: str) -> str:
    """`sentence` as a headline: up to where a trailing clause of circumstance or
    consequence starts (", as gunfire and explosions continued to rock Tripoli ...",
    ", underscoring Congress' unhappiness ..."), when what comes before has a verb and
    HEADLINE_MIN_WORDS words at least; whole otherwise. Nothing is reworded, and who said
    it stays (", the Pentagon said on Tuesday"): a headline may not state as fact what
    a source claims."""
    if _SAID_AT_END.search(sentence):
        return sentence  # (", bringing the toll to 300, activists said.": theirs to say)
    for match in _TRAILING_CLAUSE.finditer(sentence):
        head = sentence[:match.start()]
        if len(head.split()) >= HEADLINE_MIN_WORDS and has_verb(head) and _balanced(head):
            return head
    return sentence


HEADLINE_MIN_WORDS = 8
# What follows the main news in a lead: "as"/"while" and a clause, or a participle of
# consequence (".. on Thursday, underscoring ...", "..., bringing the number of deaths to
# 17"); not ", as illegal" (a complement), nor "as well as".
_TRAILING_CLAUSE = re.compile(
    r", (?:as|while) (?!well\b|illegal\b|such\b|part\b|a\b|an\b)(?=[\w'’ -]+\b(?:is|are|was|were|has|have|"
    r"had|[a-z]+ed|continues?|gathers?|grows?|grew|mounts?|rises?|rose|spreads?|looms?|"
    r"remains?|begins?|began|comes?|came|takes?|took|faces?|seeks?|sought)\b)"
    r"|, (?:adding|underscoring|bringing|raising|prompting|sparking|signaling|signalling|"
    r"marking|highlighting|deepening|fueling|fuelling)\b")


# A lead that ends on who said it: cutting its tail would state the claim as fact.
_SAID_AT_END = re.compile(r",[^,]*\b(?:said|says|say|reported|reports|told|according to)\b[^,]*$")


def _balanced(text: str) -> bool:
    return (text.count('"') % 2 == 0 and text.count("“") == text.count("”")
            and text.count("(") == text.count(")"))


# A title that says the article is an opinion, not the story's news: "EDITORIAL: SOCIAL
# COMBUSTION IN CHINA" (readers of story pages: "an opinion label, not a news headline").
_OPINION = re.compile(r"(?:EDITORIAL|COMMENTARY|OPINION|ANALYSIS|COLUMN|OP-ED|LETTERS?)\b\s*:",
                      re.IGNORECASE)


def listing(articles: list[dict], labels: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The story's articles, each with its citation number and its copies; an untitled
    one named by its lead sentence (`labels`, by seq, as `story_brief` found them), else
    by its opening words."""
    numbers = _numbers(articles)
    labels = labels or {}
    out: list[dict[str, Any]] = []
    by_seq: dict[int, dict] = {}
    for a in articles:
        named = a["title"] if names_article(a["title"]) else labels.get(str(a["seq"]))
        entry = {"n": numbers[a["seq"]], "id": a["id"],
                 "title": named or a["title"] or _opening(a["text"]),
                 "source": a["source"], "url": a["url"], "published": a["published"],
                 "added": a["added"]}
        if a["copy_of"] is not None and a["copy_of"] in by_seq:
            by_seq[a["copy_of"]]["copies"].append(entry)
        else:
            entry["copies"] = []
            by_seq[a["seq"]] = entry
            out.append(entry)
    return out


def _lead(text: str) -> str | None:
    """An untitled article's lead sentence, read from its cleaned opening (`opening`)."""
    return lead(opening(Article(id="", text=text)).text)


def _opening(text: str, chars: int = 90) -> str:
    """An untitled article's opening words, to name it by."""
    words = " ".join(text.split())
    return words if len(words) <= chars else words[:chars].rsplit(" ", 1)[0] + " …"


def _numbers(articles: list[dict]) -> dict[int, int]:
    """seq -> citation number: originals numbered in arrival order, a copy its original's."""
    numbers: dict[int, int] = {}
    for a in articles:
        if a["copy_of"] is None or a["copy_of"] not in numbers:
            numbers[a["seq"]] = len(set(numbers.values())) + 1
        else:
            numbers[a["seq"]] = numbers[a["copy_of"]]
    return numbers


def _article(row: dict, numbers: dict[int, int]) -> Article:
    return Article(id=str(numbers[row["seq"]]), text=row["text"], title=row["title"],
                   source=row["source"], url=row["url"], published=row["published"])


def _timeline(articles: list[Article]) -> list[dict[str, Any]]:
    """The story's key dates (`storyline timeline`: the days its articles point to most,
    TIMELINE_DATES of them, each told by the sentence that best says what happened), in
    the long-story timeline's schema; empty if no day can be dated. The brief's own
    timeline lists every dated statement, which over weeks of reports runs to dozens of
    lines, a 1942 liner fire among them (two readers of 20 story pages would cut 3 to 28
    lines of each)."""
    try:
        days = timeline(articles, dates=TIMELINE_DATES, per_date=1, latest=True).days
    except StorylineError:  # (no complete sentence to put on it)
        return []
    return [d.to_dict() for d in days]


def _summarize(articles: list[Article], options: Options, since=None) -> dict[str, Any]:
    try:
        return summarize(articles, options=options, since=since).to_dict()
    except StorylineError as e:
        return {"error": str(e)}


def labelled(brief: dict[str, Any] | None) -> dict[str, Any] | None:
    """`brief` (a brief's JSON) as a brief cached before phases had labels, or before its
    sentences had phases, reads now: each phase with its label ("March–April 2011"),
    each sentence with its phase (None: undated)."""
    for p in (brief or {}).get("phases") or []:  # (made again: a label once held "Earlier")
        p["label"] = Phase(p["start"], p["end"], ()).label()
    for s in (brief or {}).get("sentences") or []:
        s.setdefault("phase", None)
    return brief
