"""Stage 7: the brief as text, Markdown or JSON.

A citation marker is the article's id, as in the JSON ("article": "3" is [3]): for
articles read from a folder or a list, their 1-based position in it.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections import Counter

from ..model import EARLIER, Article, Brief
from .context import KNOWN_ACRONYMS

FORMATS = ("text", "markdown", "json")


def render(brief: Brief, fmt: str = "text", *, explain: bool = False, width: int = 88) -> str:
    """The brief as JSON, Markdown or text (`width` columns)."""
    if fmt == "json":
        return to_json(brief, explain=explain)
    if fmt == "markdown":
        return to_markdown(brief, explain=explain)
    if fmt == "text":
        return to_text(brief, explain=explain, width=width)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


# The typewriter marks of newswire archives and many pages: ``Star Wars'' for “Star Wars”,
# a dash typed " _ " or "--", and a space typed before a stop or comma ("said in a filing
# .", where a page's link was taken out). The brief prints its sentences with the marks a
# reader reads (`printed`); their sources' spans stay as written, as the offsets into the
# article's text say. Each dash or quotation mark keeps its place between the same spaces:
# a sentence keeps its words.
_WIRE_MARKS = re.compile(r"'''|``|''|(?<= )_(?= )|`|(?<!-)--(?!-)")
_OPENS_AFTER = frozenset(" \t\n([{—“‘`")  # a quotation mark after these, or first, opens
_CURLY = {"``": "“", "''": "”", "open": "“", "'''": "’”", "`": "‘", "_": "—", "--": "—"}
_STRAIGHT = {"``": '"', "''": '"', "open": '"', "'''": "'\"", "`": "'", "_": "—", "--": "—"}
_SPACED_STOP = re.compile(r"(?<=\w) +(?=[.,;:!?](?:\s|$))")


def printed(text: str, article: str = "") -> str:
    """`text` with the typewriter marks as printed quotation marks and dashes, and no
    space before a stop; a text without them as it is. In a text that also writes straight
    double quotes (a wire's `"We will stay,'' the mayor said.`), the marks print as
    straight ones. Given its `article`'s text, a lead-in in capitals is printed as the
    article writes its words (`_lead_in`)."""
    text = _SPACED_STOP.sub("", text)
    if article and text[:2].isupper():
        text = _lead_in(text, article)
    if "``" not in text and "''" not in text and " _ " not in text and "--" not in text:
        return text
    marks = _STRAIGHT if '"' in text else _CURLY
    out: list[str] = []
    at = 0
    for m in _WIRE_MARKS.finditer(text):
        mark, before = m.group(), text[m.start() - 1:m.start()]
        if (mark == "''" and (not before or before in _OPENS_AFTER)
                and text[m.end():m.end() + 1] not in ("", " ")):
            mark = "open"  # a quotation the wire opens with '' ("signed, ''Affectionately")
        out += [text[at:m.start()], marks[mark]]
        at = m.end()
    out.append(text[at:])
    return "".join(out)


# A page's lead-in set in capitals, as print sets an article's first words ("THE DÁIL IS to
# sit late tonight ...", "THE identity of Jack The Ripper ..."): printed as its article
# writes those words elsewhere ("The Dáil is to sit ..."), else in small letters; a word of
# four letters or fewer that the article writes nowhere else stays (an acronym), and so
# does an acronym every reader knows. A lead-in opens on a small word of the language, not
# on an acronym ("US troops ...": "us" is a word too).
_LEAD_IN_OPENERS = frozenset({"the", "a", "an", "in", "on", "at", "for", "when", "after", "as",
                              "if", "while", "this", "his", "her", "its", "their", "one", "two",
                              "three", "some", "many", "most"})
LEAD_IN_WORDS = 8
_NOT_LETTERS = ".,;:!?'’\"“”()-"  # around a word ("IS," is "IS")


def _lead_in(text: str, article: str) -> str:
    words = text.split(" ")
    n = 0
    while n < len(words) and words[n].isupper() and (
            words[n] == "A" or sum(c.isalpha() for c in words[n]) >= 2):
        n += 1
    if (not n or n == len(words) or n > LEAD_IN_WORDS or not words[n][:1].islower()
            or words[0].lower() not in _LEAD_IN_OPENERS):
        return text  # (a longer run in capitals is a headline's, not a lead-in)
    return " ".join([_as_written(w, article, first=i == 0) for i, w in enumerate(words[:n])]
                    + words[n:])


def _forms(word: str, article: str) -> list[str]:
    """How `article` writes `word` (its letters, in any case) where not in capitals."""
    core = word.strip(_NOT_LETTERS)
    return [f for f in re.findall(rf"(?<!\w){re.escape(core)}(?!\w)", article, re.IGNORECASE)
            if not f.isupper()] if core else []


def _as_written(word: str, article: str, *, first: bool) -> str:
    """A lead-in's `word` as `article` writes it (see above); the first with a capital."""
    core = word.strip(_NOT_LETTERS)
    if core in KNOWN_ACRONYMS and not first:  # ("A US soldier ...": "us" is a word too)
        return word
    forms = _forms(word, article)
    if any(f.islower() for f in forms) or not forms and (first or len(core) > 4):
        spelled = core.lower()
    elif forms:
        spelled = Counter(forms).most_common(1)[0][0]
    else:
        spelled = core
    if first:
        spelled = spelled[:1].upper() + spelled[1:]
    return word.replace(core, spelled, 1)


def to_json(brief: Brief, *, explain: bool = False) -> str:
    return json.dumps(brief.to_dict(explain=explain), ensure_ascii=False, indent=2) + "\n"


def to_text(brief: Brief, *, explain: bool = False, width: int = 88) -> str:
    """The brief as plain text; warnings are left to the caller (standard error)."""
    paragraphs = [(f"{label}: " if label else "")
                  + " ".join(f"{s.text} [{_markers(s.sources)}]" for s in group)
                  for label, group in sections(brief)]
    body = "\n\n".join(textwrap.fill(p, width, break_on_hyphens=False) for p in paragraphs)
    lines = [body or _empty(brief)]
    if brief.sentences:
        lines += ["", "Sources:", *(f"  [{a.id}] {_label(a)}" for a in _cited(brief))]
        if _partial(brief):
            lines.append(f"  {PARTIAL_MARK} the source states only part of the sentence")
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
    body = "\n\n".join((f"**{label}:** " if label else "") + " ".join(
        s.text + "".join(f"[{_marker(c)}]" for c in s.sources) for s in group)
        for label, group in sections(brief))
    lines = [f"> **Warning:** {w}" for w in brief.warnings]
    lines += [""] if lines else []
    lines += [body or f"*{_empty(brief)}*"]
    if brief.sentences:
        lines += ["", "**Sources**", "",
                  *(f"- [{a.id}] {_label(a, markdown=True)}" for a in _cited(brief))]
        if _partial(brief):
            lines.append(f"- {PARTIAL_MARK} the source states only part of the sentence")
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


PARTIAL_MARK = "*"  # after a marker whose source supports the sentence only in part


def _marker(citation) -> str:
    return citation.article + (PARTIAL_MARK if citation.support == "partial" else "")


def sections(brief: Brief) -> list[tuple[str | None, list]]:
    """The brief's sentences in runs of one phase each, with the phase's label ("February
    2019", "Earlier, September 2018"); one unlabelled run when the cluster has no phases."""
    return phase_runs(brief.sentences, lambda s: s.phase,
                      [p.label() for p in brief.phases])


def phase_runs(sentences, phase_of, spans: list[str]) -> list[tuple[str | None, list]]:
    """`sentences` in runs of one phase each (`phase_of` a sentence: an index in `spans`,
    the phases' labels, or None), each headed by its phase's label, "Earlier, ..." when a
    later phase is told above it, or "Undated"; one unlabelled run when there are no
    phases. (The story page's sentences are dicts, the brief's objects; the web pages do
    the same in static/sections.js.)"""
    if not spans:
        return [(None, list(sentences))] if sentences else []
    runs: list[tuple[str, list]] = []
    latest, last = -1, object()
    for s in sentences:
        phase = phase_of(s)
        if runs and phase == last:
            runs[-1][1].append(s)
            continue
        if phase is None or not 0 <= phase < len(spans):
            label = "Undated"
        else:
            label = (EARLIER if phase < latest else "") + spans[phase]
            latest = max(latest, phase)
        runs.append((label, [s]))
        last = phase
    return runs


def _month(iso: str | None) -> str:
    """"Sept 2018" for a change's figure: months apart is what a reader compares."""
    if not iso:
        return "undated"
    year, month = iso[:4], int(iso[5:7])
    return f"{_MONTHS[month - 1]} {year}"


_MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct",
           "Nov", "Dec"]


def _markers(citations) -> str:
    return ", ".join(_marker(c) for c in citations)


def _partial(brief: Brief) -> bool:
    return any(c.support == "partial" for s in brief.sentences for c in s.sources)


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


def counted(n: int, one: str, many: str | None = None) -> str:
    """ "1 article", "2 articles", "0 articles" (the messages' and pages' counts)"""
    return f"{n} {one if n == 1 else many or one + 's'}"
