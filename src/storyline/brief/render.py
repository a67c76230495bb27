"""Stage 7: the brief as text, Markdown or JSON.

A citation marker is the article's id, as in the JSON ("article": "3" is [3]): for
articles read from a folder or a list, their 1-based position in it.
"""

from __future__ import annotations

import json
import textwrap

from ..model import Article, Brief

FORMATS = ("text", "markdown", "json")


def render(brief: Brief, fmt: str = "text", *, explain: bool = False) -> str:
    if fmt == "json":
        return to_json(brief, explain=explain)
    if fmt == "markdown":
        return to_markdown(brief, explain=explain)
    if fmt == "text":
        return to_text(brief, explain=explain)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def to_json(brief: Brief, *, explain: bool = False) -> str:
    return json.dumps(brief.to_dict(explain=explain), ensure_ascii=False, indent=2) + "\n"


def to_text(brief: Brief, *, explain: bool = False, width: int = 88) -> str:
    body = " ".join(f"{s.text} [{', '.join(c.article for c in s.sources)}]"
                    for s in brief.sentences)
    lines = [textwrap.fill(body, width, break_on_hyphens=False) if body else _empty(brief)]
    if brief.sentences:
        lines += ["", "Sources:", *(f"  [{a.id}] {_label(a)}" for a in _cited(brief))]
    if brief.disagreements:
        lines += ["", "Where sources disagree:"]
        for d in brief.disagreements:
            lines.append(f"  {d.subject}: " + "; ".join(
                f"{f.figure} [{f.article}]" for f in d.figures))
            lines += [textwrap.fill(f"[{f.article}] {f.text}", width, initial_indent="    ",
                                    subsequent_indent="      ") for f in d.figures]
    if brief.changes:
        lines += ["", "Changes over time:"]
        for c in brief.changes:
            lines.append(f"  {c.subject}: " + " → ".join(
                f"{f.figure} ({_month(f.date)}) [{f.article}]" for f in c.figures))
            lines += [textwrap.fill(f"[{f.article}] {f.text}", width, initial_indent="    ",
                                    subsequent_indent="      ") for f in c.figures]
    if brief.timeline:
        lines += ["", "Timeline:"]
        lines += [textwrap.fill(f"{e.date:<10}  {e.text} [{_markers(e.sources)}]", width,
                                initial_indent="  ", subsequent_indent=" " * 14)
                  for e in brief.timeline]
    if explain:
        lines += ["", *_explanation(brief)]
    return "\n".join(lines) + "\n"


def to_markdown(brief: Brief, *, explain: bool = False) -> str:
    body = " ".join(s.text + "".join(f"[{c.article}]" for c in s.sources)
                    for s in brief.sentences)
    lines = [body or f"*{_empty(brief)}*"]
    if brief.sentences:
        lines += ["", "**Sources**", "",
                  *(f"- [{a.id}] {_label(a, markdown=True)}" for a in _cited(brief))]
    if brief.disagreements:
        lines += ["", "**Where sources disagree**", ""]
        for d in brief.disagreements:
            lines.append(f"- {d.subject}: " + "; ".join(
                f"{f.figure} [{f.article}]" for f in d.figures))
            lines += [f"  - [{f.article}] “{f.text}”" for f in d.figures]
    if brief.changes:
        lines += ["", "**Changes over time**", ""]
        for c in brief.changes:
            lines.append(f"- {c.subject}: " + " → ".join(
                f"{f.figure} ({_month(f.date)}) [{f.article}]" for f in c.figures))
            lines += [f"  - [{f.article}] “{f.text}”" for f in c.figures]
    if brief.timeline:
        lines += ["", "**Timeline**", ""]
        lines += [f"- **{e.date}** {e.text}" + "".join(f"[{c.article}]" for c in e.sources)
                  for e in brief.timeline]
    if explain:
        lines += ["", "**Removed**", ""]
        lines += [f"- {line.strip()}" for line in _explanation(brief)[1:]] or ["Nothing."]
    return "\n".join(lines) + "\n"


def _month(iso: str | None) -> str:
    """"Sept 2018" for a change's figure: months apart is what a reader compares."""
    if not iso:
        return "undated"
    year, month = iso[:4], int(iso[5:7])
    return f"{_MONTHS[month - 1]} {year}"


_MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct",
           "Nov", "Dec"]


def _markers(citations) -> str:
    return ", ".join(c.article for c in citations)


def _empty(brief: Brief) -> str:
    if brief.stats.get("already_seen") and brief.stats.get("facts"):
        return "(empty brief: nothing new since the articles already seen)"
    return (f"(empty brief: no complete sentence fits in {brief.stats.get('budget')} words; "
            "give a larger budget)")


def _cited(brief: Brief) -> list[Article]:
    cited = {c.article for s in brief.sentences for c in s.sources}
    return [a for a in brief.articles if a.id in cited]


def _label(article: Article, *, markdown: bool = False) -> str:
    title = article.title or textwrap.shorten(article.text.split("\n")[0], 60, placeholder=" …")
    title = f"*{title}*" if markdown else title
    where = ", ".join(x for x in (article.file, article.source, article.published, article.url) if x)
    return f"{title} ({where})" if where else title


def _explanation(brief: Brief) -> list[str]:
    if not brief.removed:
        return ["Removed: nothing"]
    out = [f"Removed ({len(brief.removed)}):"]
    out += [f"  [{r.article}] {r.reason}: {textwrap.shorten(r.text, 100)}" for r in brief.removed]
    return out

