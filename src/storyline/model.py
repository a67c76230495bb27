"""Small immutable values that travel through the pipeline.

Attribution travels with the data: every `Sentence` knows its article and its character
span in the cleaned article text, so no later stage has to look anything up again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article. `id` is how citations name it; `file` is where it came from."""

    id: str
    text: str
    title: str | None = None
    file: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    date_source: str | None = None  # where `published` came from: see `brief.dating`


@dataclass(frozen=True)
class Removal:
    """A piece of page clutter that `clean` dropped, and why."""

    article: str
    reason: str
    text: str


class _WordCount:
    """`Sentence.words`, counted when first asked and kept in the sentence's `__dict__`
    (several stages ask): what `functools.cached_property` does, without the lock it
    takes on each first read in Python 3.11 (15,000 reads in a batch of 200 clusters)."""

    def __get__(self, sentence: Sentence | None, owner: type | None = None):
        if sentence is None:
            return self
        count = sentence.__dict__["words"] = len(sentence.text.split())
        return count


# Speed: the classes made once per sentence fill their `__dict__` in their own `__init__`;
# the one a frozen dataclass generates sets each field through `object.__setattr__`, three
# times the work (13,600 instructions a sentence). tests/test_fast_paths.py checks that
# each `__init__` takes the fields, defaults included.
@dataclass(frozen=True, init=False)
class Sentence:
    """A sentence of a cleaned article: `text == article.text[start:end]`."""

    article: str
    index: int  # position among the article's sentences, from 0
    text: str
    start: int
    end: int
    of: int = 1  # how many sentences the article has (for relative position)
    paragraph: int = 0  # which of the article's paragraphs it stands in, from 0

    def __init__(self, article: str, index: int, text: str, start: int, end: int, of: int = 1,
                 paragraph: int = 0):
        fields = self.__dict__
        fields["article"], fields["index"], fields["text"] = article, index, text
        fields["start"], fields["end"], fields["of"], fields["paragraph"] = start, end, of, paragraph

    @property
    def position(self) -> float:
        """Relative position in the article: 0.0 for the lead, towards 1.0 for the end."""
        return self.index / self.of

    words = _WordCount()  # (an int: the words of `text`, counted when first asked)


@dataclass(frozen=True, init=False)  # (its own `__init__`: see Sentence)
class Fact:
    """Sentences that say the same thing, and the articles that report it.

    `members` are indices into the cluster's sentence list, the representative (the
    sentence a brief shows) first; `articles` are the ids of the supporting articles.
    """

    members: tuple[int, ...]
    articles: tuple[str, ...]

    def __init__(self, members: tuple[int, ...], articles: tuple[str, ...]):
        fields = self.__dict__
        fields["members"], fields["articles"] = members, articles

    @property
    def representative(self) -> int:
        return self.members[0]


@dataclass(frozen=True)
class Citation:
    """Where a brief sentence is reported: an article, its file and the supporting span.
    `support` is "full" when that sentence states all the brief sentence states,
    "partial" when it states a good part of it (see `brief.support`)."""

    article: str
    file: str | None
    start: int
    end: int
    text: str
    support: str = "full"

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "file": self.file, "start": self.start,
                "end": self.end, "text": self.text, "support": self.support}


def cite(members: Iterable[int], sentences: Sequence[Sentence],
         files: dict[str, str | None]) -> tuple[Citation, ...]:
    """Citations of the sentences `members` (indices into `sentences`): each article's
    first one, in cluster order (`files` maps article ids to file names, in that order)."""
    first: dict[str, Sentence] = {}
    for k in members:
        first.setdefault(sentences[k].article, sentences[k])
    return tuple(Citation(a, files[a], s.start, s.end, s.text)
                 for a in files if (s := first.get(a)))


@dataclass(frozen=True)
class BriefSentence:
    """A sentence of the brief, verbatim from an article, with the sources that state it.
    `phase` is the index in `Brief.phases` of the time its article was written in (an
    undated article's line: that of the first placed article stating it in full), or
    None (a cluster of one time, or no such article)."""

    text: str
    sources: tuple[Citation, ...]
    phase: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sources": [c.to_dict() for c in self.sources],
                "phase": self.phase}


@dataclass(frozen=True)
class Figure:
    """One source's figure for a quantity: as written, the values it allows, and where.

    `low`..`high` is the range the wording allows: "about 2,000" allows 1,600 to 2,400,
    "up to 600" 300 to 600 (see `analyze.figures` for every reading); for a date, the
    first and last day of the day, month or year it names.
    """

    article: str
    file: str | None
    figure: str
    low: float | str  # a number, or for a date the ISO first day of the period it names
    high: float | str
    start: int
    end: int
    text: str
    date: str | None = None  # its article's date (YYYY-MM-DD), when known

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "file": self.file, "figure": self.figure,
                "low": _number(self.low), "high": _number(self.high),
                "start": self.start, "end": self.end, "text": self.text, "date": self.date}


@dataclass(frozen=True)
class Disagreement:
    """Figures that sources give for the same quantity and that cannot all be right."""

    subject: str
    kind: str  # "count", "age", "area", "distance", "money" or "date"
    figures: tuple[Figure, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "kind": self.kind,
                "figures": [f.to_dict() for f in self.figures]}


@dataclass(frozen=True)
class Change:
    """Figures for the same quantity from different times, which could not all hold at
    once: a development ("ISIS fighters: as many as 2,000 in September 2018, up to 600 in
    February 2019"), not a disagreement. `figures` are in date order, each with its date."""

    subject: str
    kind: str  # as for `Disagreement`
    figures: tuple[Figure, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "kind": self.kind,
                "figures": [f.to_dict() for f in self.figures]}


@dataclass(frozen=True)
class Event:
    """A dated statement of the timeline: `date` is YYYY-MM-DD, YYYY-MM or YYYY, as
    precisely as the text allows; `when` is the date as written ("on Monday")."""

    date: str
    when: str
    text: str
    sources: tuple[Citation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date, "when": self.when, "text": self.text,
                "sources": [c.to_dict() for c in self.sources]}


@dataclass(frozen=True)
class Phase:
    """A time in which some of the cluster's articles were written: the first and last
    dates (YYYY-MM-DD) of its dated articles, and the ids of its articles, in cluster
    order (its dated ones, and the undated ones clearly like them; see `brief.phases`)."""

    start: str
    end: str
    articles: tuple[str, ...]

    def label(self, *, earlier: bool = False) -> str:
        """How a brief heads the phase's sentences: "February 2019", "March–April 2011",
        "Earlier, September 2018" (told below a later phase)."""
        start, end = _full_month(self.start), _full_month(self.end)
        if start == end:
            span = start
        elif start[-4:] == end[-4:]:
            span = f"{start[:-5]}–{end}"
        else:
            span = f"{start} – {end}"
        return f"{EARLIER}{span}" if earlier else span

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "articles": list(self.articles),
                "label": self.label()}


EARLIER = "Earlier, "  # a phase told below a later one (`brief.render.phase_runs`)
_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _full_month(iso: str) -> str:
    return f"{_FULL_MONTHS[int(iso[5:7]) - 1]} {iso[:4]}"


def _number(value: float | str) -> float | int | str | None:
    if isinstance(value, str):
        return value
    if value == float("inf"):
        return None
    return int(value) if float(value).is_integer() else round(value, 4)


@dataclass(frozen=True)
class Brief:
    """The result of `summarize`: the brief, its analysis and how it was made."""

    sentences: tuple[BriefSentence, ...]
    articles: tuple[Article, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    timeline: tuple[Event, ...] = ()
    changes: tuple[Change, ...] = ()
    phases: tuple[Phase, ...] = ()  # empty when the articles are of one time
    removed: tuple[Removal, ...] = ()
    stats: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # what makes this input a poor cluster, said plainly

    @property
    def summary(self) -> str:
        """The brief as plain text: one paragraph, or, when it tells a story's phases, a
        paragraph for each headed by its label ("February 2019: ...", "Earlier, September
        2018: ..."), so that older news is never read as the latest."""
        from .brief.render import sections  # (render reads these types)

        return "\n\n".join((f"{label}: " if label else "") + " ".join(s.text for s in run)
                             for label, run in sections(self))

    def to_dict(self, *, explain: bool = False, texts: bool = False) -> dict[str, Any]:
        """The documented JSON schema (docs/schema.md); `explain` adds what was removed,
        `texts` each article's cleaned text (which citation offsets point into)."""
        out: dict[str, Any] = {
            "sentences": [s.to_dict() for s in self.sentences],
            "summary": self.summary,
            "articles": [{"id": a.id, "file": a.file, "title": a.title, "source": a.source,
                          "url": a.url, "published": a.published, "date_source": a.date_source}
                         for a in self.articles],
            "disagreements": [d.to_dict() for d in self.disagreements],
            "changes": [c.to_dict() for c in self.changes],
            "phases": [p.to_dict() for p in self.phases],
            "timeline": [e.to_dict() for e in self.timeline],
            "warnings": list(self.warnings),
            "stats": dict(self.stats),
        }
        if texts:
            for entry, article in zip(out["articles"], self.articles, strict=True):
                entry["text"] = article.text
        if explain:
            out["removed"] = [{"article": r.article, "reason": r.reason, "text": r.text}
                              for r in self.removed]
        return out
