"""The readers' scale, calibrated: the brief beside the lead and a human-written summary.

    # the briefs of rounds 8 and 9 (the dev rubric set), as `packets.py` makes them
    .venv/bin/python benchmarks/editor/packets.py briefs 8 r8.jsonl
    .venv/bin/python benchmarks/editor/packets.py briefs 9 r9.jsonl
    .venv/bin/python benchmarks/editor/calibration.py packets OUTDIR r8.jsonl r9.jsonl
    .venv/bin/python benchmarks/editor/calibration.py labels OUTDIR LABELS... > x.jsonl
    .venv/bin/python benchmarks/editor/calibration.py score x.jsonl

Each packet is a `packets.py` packet whose three accounts are the lead paragraph, the
brief (120 words, partial support starred) and the cluster's first reference summary (the
human one the benchmarks score against: Multi-News's editor-written summary, DUC 2006's
first of four), cut after its last whole sentence within REFERENCE_WORDS words, under
shuffled letters (seed 39). Readers label them as `reader_instructions.md` asks. The
reading is no test of issue 12's bar (the brief against the lead); it says where a
reader's 1-5 puts a summary written by hand from the same articles. The label files keep
the labels and the readers' notes, never the texts.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
from pathlib import Path

from storyline.brief.segment import sentence_spans

sys.path.insert(0, str(Path(__file__).resolve().parent))
import packets  # (the rounds' clusters, the lead and the brief as shown)

REFERENCE_WORDS = 120
ACCOUNTS = ("lead", "brief", "reference")


def cut(summary: str, words: int = REFERENCE_WORDS) -> str:
    """A reference's first whole sentences within `words` words (at least its first)."""
    text = re.sub(r"\s+", " ", re.sub(r"^\s*[–—-]\s*", "", summary.strip()))
    kept: list[str] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if kept and sum(len(s.split()) for s in kept) + len(sentence.split()) > words:
            break
        kept.append(sentence)
    return " ".join(kept)


def _rows() -> dict[tuple[str, int], dict]:
    return {(name, i): obj for round_ in ("8", "9") for name, rows in packets.ROUNDS[round_]
            for i, obj in enumerate(packets.data_lines(name)) if i in rows}


def make_packets(outdir: Path, briefs: list[Path]) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    rng, key, rows = random.Random(39), {}, _rows()
    shown = [json.loads(line) for path in briefs for line in path.open()]
    for number, b in enumerate(shown, 1):
        obj = rows[(b["set"], b["row"])]
        texts = [d["text"] if isinstance(d, dict) else d for d in obj["documents"]]
        lead = b["lead"] if len(b["lead"].split()) >= 15 else packets.first_paragraph(texts)
        accounts = {"lead": lead, "brief": packets.account(b["brief"], partial=True),
                    "reference": cut(obj["summaries"][0])}
        letters = list(accounts)
        rng.shuffle(letters)
        key[b["id"]] = dict(zip("ABC", letters))
        cap = 350 if len(texts) <= 6 else 120
        parts = [f"# Cluster {number:02d} ({len(texts)} articles)",
                 f"## Articles (first {cap} words)"]
        parts += [f"### Article {j}\n{' '.join(t.split()[:cap])}" for j, t in enumerate(texts, 1)]
        parts += ["## Candidates"] + [f"### {c}\n{accounts[key[b['id']][c]]}" for c in "ABC"]
        (outdir / f"packet_{number:02d}.md").write_text("\n\n".join(parts) + "\n")
    (outdir / "key.json").write_text(json.dumps(key, indent=1))


def labels(outdir: Path, files: list[Path]) -> None:
    """Print one line per packet: the labels under the accounts' names."""
    sets = {obj["id"]: packets.SET_NAMES[name] for (name, _), obj in _rows().items()}
    for row in packets.label_rows(outdir, sets, files):
        print(json.dumps(row))


def score(path: Path) -> None:
    rows = [json.loads(line) for line in path.open()]
    print("| set | clusters | coherence lead / brief / reference | brief above the lead | "
          "brief above the reference | would run lead / brief / reference | main news "
          "lead / brief / reference |")
    print("|---|---|---|---|---|---|---|")
    for name in ("all", *sorted({r["set"] for r in rows})):
        part = [r for r in rows if name == "all" or r["set"] == name]
        coherence = " / ".join(f"{statistics.mean(r[a]['coherence'] for r in part):.2f}"
                               for a in ACCOUNTS)
        above = {other: sum(r["ranking"].index("brief") < r["ranking"].index(other)
                            for r in part) for other in ("lead", "reference")}
        run = " / ".join(str(sum(r["run"] == a for r in part)) for a in ACCOUNTS)
        news = " / ".join(str(sum(r[a]["main_news"] for r in part)) for a in ACCOUNTS)
        print(f"| {name} | {len(part)} | {coherence} | {above['lead']} | {above['reference']} "
              f"| {run} | {news} |")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "packets":
        make_packets(Path(args[0]), [Path(a) for a in args[1:]])
    elif command == "labels":
        labels(Path(args[0]), [Path(a) for a in args[1:]])
    else:
        score(Path(args[0]))
