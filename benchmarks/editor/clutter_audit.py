"""A clutter audit of Timeline17 day briefs that no earlier audit read (issue 12's
thirtieth round): every day with three or more articles that the rubric rounds' draws
(`packets.T17_DRAWS`) left, and every day with exactly two, each day's first six articles
as one cluster, its brief at 120 words (analysis off) as the product prints it.

    .venv/bin/python benchmarks/editor/clutter_audit.py briefs OUT.jsonl
    .venv/bin/python benchmarks/editor/clutter_audit.py sheets OUT.jsonl OUTDIR
    .venv/bin/python benchmarks/editor/clutter_audit.py score LABELS.jsonl...

`sheets` writes the briefs under neutral names (B001 ...) in shuffled order (seed 3101)
and OUTDIR/key.json; readers follow `clutter_audit_instructions.md`, one JSON line per
clutter sentence. `score` counts each reader's clutter sentences and briefs by class. The
briefs hold ../shared's text: keep them outside the repository (the labels keep the
classes and names only).
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fresh import _days  # noqa: E402
from packets import T17_ARTICLES, T17_DRAWS, detokenize, t17_days  # noqa: E402

SHEET_BRIEFS = 70


def clusters() -> list[dict]:
    taken = {obj["id"] for name in T17_DRAWS for obj in t17_days(name)}
    out = []
    for topic, day, docs in _days(2):
        cid = f"t17/{topic}/{day}"
        if cid in taken or len(docs) < 2:
            continue
        out.append({"id": cid, "documents": [{"text": detokenize(d["text"]), "published": day}
                                             for d in docs[:T17_ARTICLES]]})
    return out


def briefs(out: Path) -> None:
    from storyline import Options, summarize
    from storyline.brief.ingest import to_articles

    with out.open("w") as f:
        for obj in clusters():
            brief = summarize(to_articles(obj["documents"]), options=Options(words=120, analysis=False))
            f.write(json.dumps({"id": obj["id"], "sentences": [s.text for s in brief.sentences],
                                "warnings": list(brief.warnings)}) + "\n")


def sheets(path: Path, outdir: Path) -> None:
    rows = [json.loads(line) for line in path.open()]
    random.Random(3101).shuffle(rows)
    outdir.mkdir(parents=True, exist_ok=True)
    key = {}
    for n in range(0, len(rows), SHEET_BRIEFS):
        parts = []
        for i, row in enumerate(rows[n:n + SHEET_BRIEFS], n + 1):
            key[f"B{i:03d}"] = row["id"]
            lines = "\n".join(f"{j}. {s}" for j, s in enumerate(row["sentences"], 1))
            parts.append(f"## B{i:03d}\n{lines}")
        (outdir / f"sheet_{n // SHEET_BRIEFS + 1}.md").write_text("\n\n".join(parts) + "\n")
    (outdir / "key.json").write_text(json.dumps(key, indent=1))
    print(len(rows), "briefs")


def score(files: list[Path]) -> None:
    for reader, path in enumerate(files, 1):
        rows = [json.loads(line) for line in path.open()]
        sure = [r for r in rows if r["class"] != "unsure"]
        print(f"reader {reader}: {len(sure)} clutter sentences in {len({r['brief'] for r in sure})} "
              f"briefs ({len(rows) - len(sure)} unsure); "
              + ", ".join(f"{c} {n}" for c, n in Counter(r["class"] for r in sure).most_common()))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "briefs":
        briefs(Path(sys.argv[2]))
    elif command == "sheets":
        sheets(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        score([Path(p) for p in sys.argv[2:]])
