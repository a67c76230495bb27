"""Updates: only what is new since articles already seen, and no line the news overtook.

A fact is already reported when any of its sentences would have joined a sentence of
the old articles as the same fact (tf-idf cosine at `group.SAME_FACT` or more); such
facts are dropped before scoring, so none of them can reach the brief. Within one
cluster, a line that says who is not yet identified, when another line says they were
(`overtaken`), is out of date and may not stand in a brief either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..model import Fact
from .context import Names, full_names
from .group import SAME_FACT
from .vectors import BLOCK_ROWS

if TYPE_CHECKING:  # (tf-idf's rows: vectors.Rows, read as a csr_matrix)
    from scipy import sparse


def unseen(facts: list[Fact], vectors: sparse.csr_matrix,
           old: sparse.csr_matrix) -> list[Fact]:
    """The facts none of whose sentences repeats a sentence of the old articles
    (`old`: their rows in the same tf-idf space as `vectors`)."""
    if old.shape[0] == 0:
        return facts
    seen = np.zeros(vectors.shape[0], dtype=bool)
    for start in range(0, vectors.shape[0], BLOCK_ROWS):
        block = vectors[start:start + BLOCK_ROWS] @ old.T
        seen[start:start + BLOCK_ROWS] = block.max(axis=1).toarray().ravel() >= SAME_FACT
    return [f for f in facts if not seen[list(f.members)].any()]


# "Police didn't identify whose bodies were found ...", "... have not yet been named",
# "declined to confirm ...": a status that a later line of a live page, or another
# article, may settle.
_NOT_YET = re.compile(
    r"\b(?i:(?:(?:did|do|does|have|has|had|would|could|was|were|is|are)(?: not|n['’]t)"
    r"|declined to|refused to)(?: yet| immediately| publicly| officially)?(?: been)? "
    r"|not (?:yet |immediately |publicly |officially )?(?:been )?)"
    r"(?:identif|confirm|name|releas|disclos)\w*")
_SETTLED = re.compile(r"\b(?:identified|confirmed|confirms|identifies)\b")
# (speed only: every match of either holds one of these, so only texts that do are read:
# 129 -> 25 ms for the 20,211 sentences of the 250 Multi-News dev clusters)
_VERBS = ("identif", "confirm", "name", "releas", "disclos")


def overtaken(texts: Sequence[str]) -> frozenset[int]:
    """The texts that say someone is not (yet) identified, named or confirmed while
    another text of the cluster says they were identified or confirmed, naming after
    that verb a person both write in full: "Police didn't identify whose body was pulled
    from the river, but relatives feared it was Jon Moe ..." beside "Police confirmed
    that the man found in the river was Jon Moe, 41." A live page keeps its earlier
    lines below its latest; a brief that told both would say the news and its opposite
    (hf_mn_val_3651's did, of two missing girls)."""
    read = {k: text for k, text in enumerate(texts) if any(verb in text for verb in _VERBS)}
    pending = {k: m.end() for k, text in read.items() if (m := _NOT_YET.search(text))}
    if not pending:
        return frozenset()
    # (whom a line leaves open or settles comes after its verb; the names before it are
    # who speaks: "Jon Moe's brother, Al Moe, said he could not confirm the report")
    settled = {name for k, text in read.items()
               if k not in pending and (m := _SETTLED.search(text))
               for name in full_names(text[m.end():])}
    shared = {k: settled.intersection(full_names(texts[k][at:])) for k, at in pending.items()}
    if not any(shared.values()):
        return frozenset()
    names = Names(texts)  # (read only for the names a settled line shares: most have none)
    return frozenset(k for k, found in shared.items()
                     if any(names.is_person(name.split()[-1]) for name in found))
