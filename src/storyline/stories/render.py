"""A story as text, Markdown or JSON: its brief, what is new, timeline, disagreements,
changes and articles. Works on `StoryBrief.to_dict()`, the form the store caches."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from ..brief.render import PARTIAL_MARK, counted, phase_runs

FORMATS = ("text", "markdown", "json")


def render_story(data: dict[str, Any], fmt: str = "text", width: int = 88) -> str:
    """The story as JSON, Markdown or text (wrapped to `width` columns)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    md = fmt == "markdown"

    def item(text: str, indent: str = "") -> str:
        return f"{indent}- {text}" if md else textwrap.fill(  # (a url is not broken)
            text, width, initial_indent=indent + "  ", subsequent_indent=indent + "    ",
            break_long_words=False, break_on_hyphens=False)

    def section(title: str) -> list[str]:
        return ([f"## {title}", ""] if md else
                [textwrap.fill(title + ":", width, break_long_words=False)])
    story, brief = data["story"], data["brief"]
    dates = " to ".join(dict.fromkeys(filter(None, (story["first_date"], story["last_date"]))))
    copies = story["size"] - story["sources"]
    about = ", ".join(filter(None, (counted(story["sources"], "source"),
                                    counted(copies, "copy", "copies") if copies else "", dates,
                                    "closed" if story["closed"] else "")))
    head = (f"Story {story['id']}: {story['title']}", about)
    lines = ([f"# {head[0]}", f"*{head[1]}*", ""] if md
             else [textwrap.fill(head[0], width, break_long_words=False), head[1], ""])
    # what is new since the brief a reader was shown, as the page tells it: the brief's
    # lines that only articles added since state (in full) are marked new, and of what is
    # new only the lines the brief does not tell are listed below it
    fresh = _fresh(data)
    lines += section("Brief") + [_body(brief, md, width=width, fresh=fresh), ""]
    if data["new"] is not None:
        then = data["previous"]["articles"]
        lines += section(f"What is new since the previous brief "
                         f"({counted(then, 'article')} then)")
        new, told = data["new"], {s["text"] for s in brief.get("sentences") or ()}
        rest = [s for s in new.get("sentences") or () if s["text"] not in told]
        if new.get("sentences") and not rest:
            lines += ["All of it is in the brief above.", ""]
        else:
            shown = new if "error" in new else {**new, "sentences": rest}
            lines += [_body(shown, md, empty="Nothing new.", width=width), ""]
    # the story's key dates; without any (no day-precise date, or a brief cached before
    # they were made), every dated statement of the brief
    days = data.get("timeline")
    events = ([(d["date"], s) for d in days for s in d["sentences"]] if days
              else [(e["date"], e) for e in brief.get("timeline") or ()])
    if events:
        lines += section("Timeline")
        lines += [item(f"{day}  {e['text']} {_marks(e['sources'])}")
                  for day, e in events] + [""]
    # each figure's sentence under it, as the brief prints them: "possible versions: two
    # [12]; three [13]" alone told a reader nothing (in text, further in than the line's
    # own continuation)
    under = "  " if md else "    "
    if brief.get("disagreements"):
        lines += section("Where sources disagree")
        for d in brief["disagreements"]:
            lines.append(item(f"{d['subject']}: " + "; ".join(
                f"{f['figure']} [{f['article']}]" for f in d["figures"])))
            lines += [item(_said(f, md), under) for f in d["figures"]]
        lines.append("")
    if brief.get("changes"):
        lines += section("Changes over time")
        for c in brief["changes"]:
            lines.append(item(f"{c['subject']}: " + "; then ".join(
                f"{f['figure']} [{f['article']}]" for f in c["figures"])))
            lines += [item(_said(f, md), under) for f in c["figures"]]
        lines.append("")
    lines += section("Articles")
    for a in data["articles"]:
        lines.append(item(f"[{a['n']}] {_label(a)}"))
        lines += [item(f"copy: {_label(c)}", "  ") for c in a["copies"]]
    # what the brief warns of (a list-like or off-topic article among many) is for the
    # editor, not the story's reader: last (readers of story pages would not publish a
    # page that opened on one)
    notes = dict.fromkeys(w for part in (brief, data["new"] or {}) for w in part.get("warnings") or ())
    if notes:
        lines += ["", *section("Notes on the articles")]
        lines += [item(w) for w in notes]
    return "\n".join(lines).rstrip() + "\n"


def _said(figure: dict[str, Any], md: bool) -> str:
    """A figure's sentence with its source: "[12] “... two possible versions.”"."""
    return f"[{figure['article']}] " + (f"“{figure['text']}”" if md else figure["text"])


def _fresh(data: dict[str, Any]) -> set[str]:
    """The brief's sentences that only articles added since the previous brief state in
    full (none without a previous brief)."""
    since = (data.get("previous") or {}).get("made")
    if not since or data.get("new") is None:
        return set()
    added = {str(a["n"]): a.get("added") or "" for a in data["articles"]}
    fresh = set()
    for s in data["brief"].get("sentences") or ():
        full = [str(c["article"]) for c in s["sources"] if c.get("support") == "full"]
        if full and all(added.get(a, "") > since for a in full):
            fresh.add(s["text"])
    return fresh


def _body(brief: dict[str, Any], md: bool, empty: str = "(no brief)", width: int = 88,
          fresh: set[str] = frozenset()) -> str:
    """The brief's sentences in sections by phase, as the brief prints them ("October
    2011: ...", "Earlier, March–April 2011: ..."), partial support marked, and those
    `fresh` marked new."""
    if "error" in brief:
        return f"({brief['error']})"
    if not brief.get("sentences"):
        return empty
    spans = [p["label"] for p in brief.get("phases") or ()]
    new = "*new*" if md else "(new)"
    paragraphs = [((f"**{label}:** " if md else f"{label}: ") if label else "")
                  + " ".join(f"{s['text']} {_marks(s['sources'])}"
                             + (f" {new}" if s["text"] in fresh else "") for s in group)
                  for label, group in phase_runs(brief["sentences"], lambda s: s.get("phase"),
                                                 spans)]
    if not md:
        paragraphs = [textwrap.fill(p, width, break_on_hyphens=False, break_long_words=False)
                      for p in paragraphs]  # (a url is not broken)
    if any(PARTIAL_MARK in _marks(s["sources"]) for s in brief["sentences"]):
        paragraphs.append(f"{PARTIAL_MARK} the source states only part of the sentence")
    return "\n\n".join(paragraphs)


def _marks(sources: list[dict]) -> str:
    """[3, 5*]: each cited article once, marked when no citation of it is full support."""
    partial = {c["article"]: True for c in sources}
    for c in sources:
        partial[c["article"]] &= c.get("support") == "partial"
    return "[" + ", ".join(a + PARTIAL_MARK * p for a, p in partial.items()) + "]"


def _label(a: dict[str, Any]) -> str:
    where = ", ".join(x for x in (a.get("source"), a.get("published"), a.get("url")) if x)
    title = a.get("title") or a.get("id")
    return f"{title} ({where})" if where else str(title)
