"""A clutter audit of Timeline17 day briefs that no earlier audit read (issue 12's
thirtieth round): every day with three or more articles that the rubric rounds' draws
(`packets.T17_DRAWS`) left, and every day with exactly two, each day's first six articles
as one cluster, its brief at 120 words (analysis off) as the product prints it.

    # each version's briefs, its src/ first on PYTHONPATH (--single: the days of one
    # article instead, read before any rule was written from them)
    .venv/bin/python benchmarks/editor/clutter_audit.py briefs VERSION.jsonl [--single]
    .venv/bin/python benchmarks/editor/clutter_audit.py sheets OUTDIR VERSION.jsonl...
    .venv/bin/python benchmarks/editor/clutter_audit.py labels OUTDIR r1.jsonl r2.jsonl > x.jsonl
    .venv/bin/python benchmarks/editor/clutter_audit.py score x.jsonl [OUTDIR]

`sheets` writes every version's briefs under neutral names (B001 ...) in one shuffled
order (seed 3101), SHEET_BRIEFS a sheet, and OUTDIR/key.json; readers follow
`clutter_audit_instructions.md`, one JSON line per clutter sentence. `labels` names each
line's version and cluster; `score` counts each reader's clutter sentences and briefs by
version and class. The briefs hold ../shared's text: keep them outside the repository
(the labels keep the classes and names only). The thirtieth round's labels:
`clutter_audit_thirtyfirst_first.jsonl` (the 134 days at a07e1b5),
`clutter_audit_thirtyfirst_single.jsonl` (the 162 days of one article at ae45cad),
`clutter_audit_thirtyfirst.jsonl` (the 134, start against ae45cad) and
`clutter_audit_thirtyfirst_end.jsonl` (both sets, start against 584cefc).
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fresh import _days
from packets import T17_ARTICLES, T17_DRAWS, detokenize, t17_days

SHEET_BRIEFS = 70


def clusters(single: bool = False) -> list[dict]:
    """The days of the audit, or with `single` every day with one article only."""
    taken = {obj["id"] for name in T17_DRAWS for obj in t17_days(name)}
    out = []
    for topic, day, docs in _days(1):
        cid = f"t17/{topic}/{day}"
        if cid in taken or (len(docs) != 1 if single else len(docs) < 2):
            continue
        out.append({"id": cid, "documents": [{"text": detokenize(d["text"]), "published": day}
                                             for d in docs[:T17_ARTICLES]]})
    return out


def briefs(out: Path, single: bool = False) -> None:
    from storyline import Options, summarize
    from storyline.brief.ingest import to_articles

    with out.open("w") as f:
        for obj in clusters(single):
            brief = summarize(to_articles(obj["documents"]), options=Options(words=120, analysis=False))
            f.write(json.dumps({"id": obj["id"], "sentences": [s.text for s in brief.sentences],
                                "warnings": list(brief.warnings)}) + "\n")


def sheets(outdir: Path, paths: list[Path]) -> None:
    rows = [(path.stem, json.loads(line)) for path in paths for line in path.open()]
    random.Random(3101).shuffle(rows)
    outdir.mkdir(parents=True, exist_ok=True)
    key = {}
    for n in range(0, len(rows), SHEET_BRIEFS):
        parts = []
        for i, (version, row) in enumerate(rows[n:n + SHEET_BRIEFS], n + 1):
            key[f"B{i:03d}"] = {"version": version, "id": row["id"]}
            lines = "\n".join(f"{j}. {s}" for j, s in enumerate(row["sentences"], 1))
            parts.append(f"## B{i:03d}\n{lines}")
        (outdir / f"sheet_{n // SHEET_BRIEFS + 1}.md").write_text("\n\n".join(parts) + "\n")
    (outdir / "key.json").write_text(json.dumps(key, indent=1))
    print(len(rows), "briefs in", -(-len(rows) // SHEET_BRIEFS), "sheets")


def labels(outdir: Path, files: list[Path]) -> None:
    key = json.loads((outdir / "key.json").read_text())
    for reader, path in enumerate(files, 1):
        for line in path.open():
            label = json.loads(line)
            if "brief" in label:
                print(json.dumps({"reader": reader, **key[label["brief"]],
                                  "sentence": label["sentence"], "class": label["class"]}))


def score(path: Path, outdir: Path | None = None) -> None:
    """Each reader's clutter by version. With the sheets' OUTDIR, a version that lacks a
    brief (a start shown only where it differs from the end) counts the other's labels
    for it: the same brief."""
    rows = [json.loads(line) for line in path.open()]
    versions = sorted({r["version"] for r in rows})
    shown: dict[str, set] = {}
    if outdir is not None:
        for brief in json.loads((outdir / "key.json").read_text()).values():
            shown.setdefault(brief["version"], set()).add(brief["id"])
        versions = sorted(shown)
    for reader in sorted({r["reader"] for r in rows}):
        for version in versions:
            mine = [r for r in rows if r["reader"] == reader and (
                r["version"] == version or bool(shown) and r["id"] not in shown[version])]
            sure = [r for r in mine if r["class"] != "unsure"]
            print(f"reader {reader}, {version}: {len(sure)} clutter sentences in "
                  f"{len({r['id'] for r in sure})} briefs ({len(mine) - len(sure)} unsure); "
                  + ", ".join(f"{c} {n}" for c, n in Counter(r["class"] for r in sure).most_common()))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "briefs":
        briefs(Path(sys.argv[2]), "--single" in sys.argv)
    elif command == "sheets":
        sheets(Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
    elif command == "labels":
        labels(Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
    else:
        score(Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) > 3 else None)
