"""Timeline summarization scored as the field scores it (T17, Crisis, Entities).

The content measure is alignment-based ROUGE ("align+ m:1", Martschat & Markert 2017, as
tilse computes it and Gholipour Ghalandari & Ifrim 2020 report it):

- Each system date is aligned to the reference date of least cost, and (for recall) each
  reference date to the system date of least cost; a date may be chosen many times. The
  cost of a pair is (1 - 1 / (days apart + 1)) x (1 - unigram F1 of their summaries), the
  unigram F1 on the raw whitespace tokens, punctuation tokens left out.
- The ROUGE-N hits of an aligned pair count 1 / (days apart + 1) times; precision is the
  weighted hits over the system's n-grams, recall over the reference's.
- ROUGE itself is ROUGE-1.5.5's with -m -s: lower-cased, every character that is not a
  letter, a digit or a hyphen made a space, SMART stop words dropped, words longer than 3
  characters stemmed as ROUGE-1.5.5 does (WordNet's exception lists, then its Porter
  variant: `rouge155`), the sentences of a date joined, so bigrams cross them.

Date F1 is the exact overlap of the two sets of dates. Over several timelines,
precision and recall are averaged and F1 is taken of the averages. `concat` ROUGE
(all summaries of a timeline joined) is reported beside them.

`run()` runs the protocol on JSON Lines lines carrying a reference `timeline`: the input
is restricted to the reference's date span, the system returns as many dates as the
reference with as many sentences per date as its mean, rounded; Storyline and baselines
are scored side by side with the time each took per timeline.
"""

from __future__ import annotations

import random
import re
import string
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..data import word_list
from ..errors import InputError
from ..model import Article
from .rouge155 import _stem as rouge_stem  # ROUGE-1.5.5's: WordNet exceptions, its Porter

Timeline = dict[date, list[str]]  # date -> its summary sentences

_STOP = word_list("rouge_stopwords.txt")
_NOT_WORD = re.compile(r"[^a-z0-9\-]")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


# --- ROUGE ------------------------------------------------------------------------------

def rouge_terms(text: str) -> list[str]:
    """The tokens ROUGE-1.5.5 counts with -m -s (see the module docstring)."""
    text = _NOT_WORD.sub(" ", text.translate(_ASCII_LOWER).replace("-", " - "))
    return [rouge_stem(t) for t in text.split() if t not in _STOP and t[0] != "-"]


def ngrams(terms: Sequence[str], n: int) -> Counter:
    return Counter(zip(*(terms[i:] for i in range(n)), strict=False))


@dataclass(frozen=True)
class Counts:
    """ROUGE-N counts of one summary against one reference: clipped hits, the summary's
    n-grams, the reference's."""

    hits: float
    peer: int
    model: int


def rouge_counts(summary: Sequence[str], reference: Sequence[str], n: int) -> Counts:
    peer = ngrams(rouge_terms(" ".join(summary)), n)
    model = ngrams(rouge_terms(" ".join(reference)), n)
    return Counts(sum((peer & model).values()), sum(peer.values()), sum(model.values()))


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def _ratio(num: float, denom: float) -> float:
    return num / denom if denom else 0.0


# --- the alignment ----------------------------------------------------------------------

def _unigram_f1(summary: Sequence[str], reference: Sequence[str]) -> float:
    """tilse's cheap content similarity for the alignment: unigram F1 on whitespace tokens,
    case kept, tokens that are punctuation left out."""
    def bag(sentences):
        return Counter(t for s in sentences for t in s.split() if t not in string.punctuation)
    a, b = bag(summary), bag(reference)
    hits = sum((a & b).values())
    return PRF(_ratio(hits, sum(a.values())), _ratio(hits, sum(b.values()))).f1


def alignment(system: Timeline, reference: Timeline) -> tuple[dict[date, date],
                                                              dict[date, date]]:
    """The many-to-one alignment: each system date's reference date (for precision) and
    each reference date's system date (for recall), the least costly; ties go to the
    earliest date."""
    sys_dates, ref_dates = sorted(system), sorted(reference)
    cost = {(s, r): (1 - 1 / (abs((s - r).days) + 1))
            * (1 - _unigram_f1(system[s], reference[r])) for s in sys_dates for r in ref_dates}
    to_ref = {s: min(ref_dates, key=lambda r: (cost[s, r], r)) for s in sys_dates} \
        if ref_dates else {}
    to_sys = {r: min(sys_dates, key=lambda s: (cost[s, r], s)) for r in ref_dates} \
        if sys_dates else {}
    return to_ref, to_sys


def align_rouge(system: Timeline, reference: Timeline, n: int) -> PRF:
    """Alignment-based ROUGE-N ("align+ m:1")."""
    to_ref, to_sys = alignment(system, reference)
    hits = denom = 0.0
    for s, r in to_ref.items():
        c = rouge_counts(system[s], reference[r], n)
        hits, denom = hits + c.hits / (abs((s - r).days) + 1), denom + c.peer
    precision = _ratio(hits, denom)
    hits = denom = 0.0
    for r in reference:
        if r in to_sys:
            s = to_sys[r]
            c = rouge_counts(system[s], reference[r], n)
            hits += c.hits / (abs((s - r).days) + 1)
            denom += c.model
        else:  # an empty system timeline: the reference's n-grams are all missed
            denom += rouge_counts([], reference[r], n).model
    return PRF(precision, _ratio(hits, denom))


def concat_rouge(system: Timeline, reference: Timeline, n: int) -> PRF:
    """ROUGE-N of all the system's summaries, in date order, against all the reference's."""
    c = rouge_counts([s for d in sorted(system) for s in system[d]],
                     [s for d in sorted(reference) for s in reference[d]], n)
    return PRF(_ratio(c.hits, c.peer), _ratio(c.hits, c.model))


def date_prf(system: Timeline, reference: Timeline) -> PRF:
    shared = len(set(system) & set(reference))
    return PRF(_ratio(shared, len(system)), _ratio(shared, len(reference)))


MEASURES = ("AR-1", "AR-2", "date", "concat-1", "concat-2")


def score(system: Timeline, reference: Timeline) -> dict[str, PRF]:
    """Every measure of one system timeline against one reference."""
    return {"AR-1": align_rouge(system, reference, 1), "AR-2": align_rouge(system, reference, 2),
            "date": date_prf(system, reference), "concat-1": concat_rouge(system, reference, 1),
            "concat-2": concat_rouge(system, reference, 2)}


def average(scores: Iterable[dict[str, PRF]]) -> dict[str, PRF]:
    """Precision and recall averaged over timelines (F1 is then taken of the averages, as
    Gholipour Ghalandari & Ifrim report)."""
    scores = list(scores)
    if not scores:
        return {}
    return {m: PRF(sum(s[m].precision for s in scores) / len(scores),
                   sum(s[m].recall for s in scores) / len(scores)) for m in scores[0]}


# --- the protocol on data ----------------------------------------------------------------

@dataclass(frozen=True)
class Task:
    """One reference timeline and the articles of its span: a line of T17-style data."""

    id: str
    articles: tuple[Article, ...]
    reference: Timeline
    dates: int  # l, the reference's number of dates
    per_date: int  # k, its mean sentences per date, rounded
    start: date
    end: date


def holds_timelines(path: str | Path) -> bool:
    """Whether a JSON Lines file's first line carries a reference `timeline`; an
    `InputError` naming the line if that line is JSON Python cannot take."""
    if not Path(path).is_file():
        return False
    from ..brief.ingest import load_json, refuse_utf16

    with Path(path).open("rb") as f:
        refuse_utf16(f.read(8192), where=Path(path).name)  # no lines to read: one error
        f.seek(0)
        for raw in f:
            if raw.strip():
                try:
                    obj = load_json(raw, where=f"{Path(path).name} line 1")
                except InputError as e:
                    if "not valid JSON" in str(e):  # not JSON at all: not a timeline file
                        return False
                    raise  # deep, huge or unpaired: no reader could take it
                return isinstance(obj, dict) and isinstance(obj.get("timeline"), list)
    return False


def read_tasks(path: str | Path, limit: int | None = None) -> list[Task]:
    """The timelines of a JSON Lines file: `{"id", "documents": [{"text", "published"}],
    "timeline": [{"date", "sentences"}]}` per line. Each task keeps the articles published
    in its reference's span; tokenized text ("Egypt 's") is untokenized."""
    from ..analyze.timeline import untokenized
    from ..brief.ingest import load_json, to_articles

    tasks = []
    for number, raw in enumerate(Path(path).open("rb"), 1):
        if not raw.strip():
            continue
        where = f"{Path(path).name} line {number}"
        obj = load_json(raw, where=where)  # deep, huge or unpaired: an error naming the line
        try:
            reference = {date.fromisoformat(e["date"][:10]): list(e["sentences"])
                         for e in obj["timeline"]}
        except (AttributeError, KeyError, TypeError, ValueError) as e:
            raise InputError(f'{where}: not a timeline line ({e}); write {{"id", "documents": '
                             '[{"text", "published"}], "timeline": [{"date", "sentences"}]}') \
                from None
        if not reference:
            raise InputError(f"{where}: the reference timeline is empty")
        start, end = min(reference), max(reference)
        articles = [untokenized(a) for a in to_articles(obj.get("documents") or [], where=where)
                    if a.published and start.isoformat() <= a.published[:10] <= end.isoformat()]
        sizes = [len(s) for s in reference.values()]
        tasks.append(Task(str(obj.get("id", number)), tuple(articles), reference, len(reference),
                          max(1, round(sum(sizes) / len(sizes))), start, end))
        if limit and len(tasks) == limit:
            break
    return tasks


def _storyline(task: Task, seed: int) -> Timeline:
    from ..analyze.timeline import timeline

    story = timeline(task.articles, dates=task.dates, per_date=task.per_date,
                     start=task.start, end=task.end)
    return {date.fromisoformat(d.date): [s.text for s in d.sentences] for d in story.days}


def _leads_by_day(task: Task) -> dict[date, list[str]]:
    from ..brief import segment

    leads: dict[date, list[str]] = {}
    for a in task.articles:
        firsts = [s.text for s in segment.split(a) if segment.is_statement(s.text)][:1]
        leads.setdefault(date.fromisoformat(a.published[:10]), []).extend(firsts)
    return leads


def _random(task: Task, seed: int) -> Timeline:
    """Random publication days, and random first sentences of their articles."""
    rng = random.Random(seed)
    leads = _leads_by_day(task)
    days = rng.sample(sorted(leads), min(task.dates, len(leads)))
    return {d: rng.sample(leads[d], min(task.per_date, len(leads[d]))) for d in days}


def _busiest(task: Task, seed: int) -> Timeline:
    """The days with most articles published, and the first sentences of their first
    articles (the "PubCount" baseline with lead sentences)."""
    leads = _leads_by_day(task)
    days = sorted(leads, key=lambda d: (-len(leads[d]), d))[:task.dates]
    return {d: leads[d][:task.per_date] for d in days}


SYSTEMS: dict[str, Callable[[Task, int], Timeline]] = {
    "storyline": _storyline, "random": _random, "busiest-days": _busiest}
# Published results on all of T17 (Gholipour Ghalandari & Ifrim 2020; SUnSET, 2025):
# (AR-1 F1, AR-2 F1, date F1)
ANCHORS = {"DATEWISE (published, all T17)": (0.120, 0.035, 0.544),
           "CLUST (published, all T17)": (0.082, 0.020, 0.407),
           "SUnSET 72B LLM (published, all T17)": (0.136, 0.044, 0.576)}


@dataclass
class TimelineReport:
    """Per task and averaged scores of each system, with its seconds per timeline."""

    tasks: list[str]
    scores: dict[str, list[dict[str, PRF]]] = field(default_factory=dict)
    seconds: dict[str, list[float]] = field(default_factory=dict)

    def mean(self, system: str) -> dict[str, PRF]:
        return average(self.scores[system])

    def to_dict(self) -> dict[str, Any]:
        return {"tasks": self.tasks, "anchors": {k: dict(zip(("AR-1", "AR-2", "date"), v,
                                                             strict=True))
                                                 for k, v in ANCHORS.items()},
                "systems": {name: {"mean": {m: p.to_dict() for m, p in self.mean(name).items()},
                                   "per_task": [{m: p.to_dict() for m, p in s.items()}
                                                for s in per],
                                   "seconds": self.seconds[name]}
                            for name, per in self.scores.items()}}


def run(path: str | Path, *, systems: Sequence[str] | None = None, limit: int | None = None,
        seed: int = 0, progress: Callable[[str], None] | None = None) -> TimelineReport:
    """The protocol on every timeline of `path`, for each system (default: all)."""
    names = list(systems or SYSTEMS)
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        raise InputError(f"unknown timeline system {', '.join(unknown)}; choose from "
                         f"{', '.join(SYSTEMS)}")
    tasks = read_tasks(path, limit)
    report = TimelineReport([t.id for t in tasks])
    for name in names:
        report.scores[name], report.seconds[name] = [], []
        for task in tasks:
            if progress:
                progress(f"{name}: {task.id}")
            started = time.perf_counter()
            output = SYSTEMS[name](task, seed)
            report.seconds[name].append(time.perf_counter() - started)
            report.scores[name].append(score(output, task.reference))
    return report


def table(report: TimelineReport) -> str:
    """The report as a Markdown table: each system's mean, then per task F1s."""
    lines = ["| system | AR-1 F1 | AR-2 F1 | date F1 | concat R-1 F1 | concat R-2 F1 | "
             "s per timeline |", "|---|---|---|---|---|---|---|"]
    for name in report.scores:
        m = report.mean(name)
        secs = report.seconds[name]
        lines.append(f"| {name} | {m['AR-1'].f1:.3f} | {m['AR-2'].f1:.3f} | {m['date'].f1:.3f} "
                     f"| {m['concat-1'].f1:.3f} | {m['concat-2'].f1:.3f} | "
                     f"{sum(secs) / len(secs):.1f} (max {max(secs):.1f}) |")
    for name, (r1, r2, d) in ANCHORS.items():
        lines.append(f"| {name} | {r1:.3f} | {r2:.3f} | {d:.3f} | | | |")
    lines += ["", "| task | " + " | ".join(f"{n} AR-1 / AR-2 / date" for n in report.scores)
              + " |", "|---|" + "---|" * len(report.scores)]
    for i, task in enumerate(report.tasks):
        cells = [f"{s[i]['AR-1'].f1:.3f} / {s[i]['AR-2'].f1:.3f} / {s[i]['date'].f1:.3f}"
                 for s in report.scores.values()]
        lines.append(f"| {task} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
