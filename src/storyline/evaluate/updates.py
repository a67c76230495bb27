"""Update summarization (DUC 2007's update pilot, TAC 2008-2011): what is new.

An update line also carries `old`, the articles the reader has already read, and its
references tell only what the new `documents` add. Storyline then runs as
`summarize(documents, since=old)`, which is how a story's "what is new" is made; the
mode `since=none` runs it on the new articles alone (the generic brief), for comparison.
The baselines, sumy and the oracle read the new articles only, as CLASSY04 and NIST's
lead baseline did. Score with `--metric duc` (ROUGE-2 and ROUGE-SU4 recall as NIST
scored the task, `rouge155.py`) and `--words 100`.
"""

from __future__ import annotations

from ..brief.ingest import to_articles
from ..errors import InputError, OptionsError
from ..model import Article

SINCE = ("old", "none")  # what a mode's since= takes: the line's old articles, or none
NOTE = ("Update data: Storyline runs with since= each line's old articles (already read), "
        "unless its mode says since=none (the generic brief); the other systems read the "
        "new articles only.")


def old_articles(obj: dict, where: str) -> tuple[Article, ...] | None:
    """The articles already read, from a data line's `old` (None when it has none), in
    the forms `documents` takes."""
    old = obj.get("old")
    if old is None:
        return None
    if not isinstance(old, list):
        raise InputError(f'{where}: "old" must be a list of the articles already read '
                         '(texts or {"text": ...} objects), like "documents"')
    return tuple(to_articles(old, where=f"{where}, old articles"))


def since_mode(value: str) -> str:
    if value not in SINCE:
        raise OptionsError(f"since={value} is not a mode; write since=old (the line's old "
                           "articles, the default when lines have them) or since=none")
    return value


def since(old: tuple[Article, ...] | None, mode: str = "old") -> list[Article] | None:
    """What Storyline is told it has already read, in a mode."""
    return list(old) if old is not None and mode == "old" else None
