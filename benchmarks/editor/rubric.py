"""The editor's rubric: blind judgements of three accounts of 50 dev clusters, scored.

    .venv/bin/python benchmarks/editor/rubric.py        # round 1's table in BENCHMARKS.md
    .venv/bin/python benchmarks/editor/rubric.py benchmarks/editor/rubric_round2.jsonl
    .venv/bin/python benchmarks/editor/rubric.py benchmarks/editor/rubric_round3.jsonl

benchmarks/editor/rubric.jsonl holds one line per cluster (labels only, no text): for
each account ("lead", the first paragraph of the first article; "before", the brief of
commit 6019064, before issue 12; "after", the brief after it) the reader's coherence
(1-5), clutter and dangling sentence counts, whether it states the main news and whether
it opens with background; the account the reader would run, all three ranked, and the
reader's reason in their own words. packets.py shows how the blind packets were made.
rubric_round2.jsonl is the second round, on other clusters, where "before" is commit
34baca1 (round 1's "after" with its last fix); rubric_round3.jsonl the third, on other
clusters again, where "before" is 3675aae (round 2's end) and "after" b5691aa;
rubric_round4.jsonl, rubric_round5.jsonl and rubric_round6.jsonl the fourth round, read
three times on data no brief was tuned or read on (DUC 2007 update sets A and B and
Timeline17 day clusters, then other Timeline17 days twice), where "before" is 6d39336
(round 3's end) and "after" c00ad46, 31a30d2 and 301b148;
rubric_round10_r1.jsonl and rubric_round10_r2.jsonl read round 4's clusters again, as
the product now shows them, where "before" is c00ad46 (round 4's "after") and "after"
46ae2e1 (the twenty-ninth session's start), two readers (each of four AI agents read 25);
rubric_round11_r1.jsonl and rubric_round11_r2.jsonl read 50 Timeline17 days whose briefs
only a clutter audit had read (`packets.py` round 11), where "before" is 39c1d80 (the
thirty-first session's start) and "after" its end, two readers likewise;
rubric_round11_thirtyninth_r1.jsonl and _r2.jsonl read them again in the thirty-ninth
session, where "before" is 83da4a1 (the thirty-first session's end, as read then) and
"after" 607d39b, two readers, each of four new AI agents reading 25;
reader_instructions.md is what the readers of rounds 2 and 3 were given.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SYSTEMS = ("lead", "before", "after")
PAIRS = (("after", "lead"), ("before", "lead"), ("after", "before"))


def table(rows: list[dict]) -> str:
    lines = [("| set | account | coherence (1-5) | clutter / brief | dangling / brief | "
              "states the main news | background first | would run |"),
             "|---|---|---|---|---|---|---|---|"]
    names = [*dict.fromkeys(r["set"] for r in rows), "all"]
    for name in names:
        part = [r for r in rows if name in ("all", r["set"])]
        n = len(part)
        for system in SYSTEMS:
            marks = [r[system] for r in part]
            lines.append(
                f"| {name} ({n}) | {system} | {sum(m['coherence'] for m in marks) / n:.2f} | "
                f"{sum(m['clutter'] for m in marks) / n:.2f} | "
                f"{sum(m['dangling'] for m in marks) / n:.2f} | "
                f"{sum(m['main_news'] for m in marks)} | "
                f"{sum(m['background_first'] for m in marks)} | "
                f"{sum(r['run'] == system for r in part)} |")
    lines += ["", "| set | ranked above | wins |", "|---|---|---|"]
    for name in names:
        part = [r for r in rows if name in ("all", r["set"])]
        for a, b in PAIRS:
            wins = sum(r["ranking"].index(a) < r["ranking"].index(b) for r in part)
            lines.append(f"| {name} | {a} over {b} | {wins} of {len(part)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("rubric.jsonl")
    print(table([json.loads(line) for line in path.open()]))
