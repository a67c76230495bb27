"""Precision of Storyline's timeline on labelled entries of Multi-News dev clusters.

    .venv/bin/python benchmarks/timeline/score.py [--split dev|held out] [--show]
    .venv/bin/python benchmarks/timeline/score.py --dump entries.jsonl   # this code's entries
    .venv/bin/python benchmarks/timeline/score.py --entries entries.jsonl  # score a dump

`clusters.json` names the clusters (lines of ../shared/data/multinews_dev250.jsonl, read
by path, never copied); `labels.jsonl` holds one judgement per timeline entry, made by
reading the entry's sentence in its article: the cluster, the article, the sentence's
character offsets in the article as given (before cleaning), the date the timeline gave
it, and `label`: "right" (the date is when the sentence's event happened, as precisely
as given), "not event" (the date is not that of the sentence's event: a label, a start
or end point, a time to come, a background date in a relative clause, a heading or a
post signature) or "wrong" (the event happened on another date). No article text is
kept. An entry is the timeline's shown sentence and its date; precision is the share
of labelled entries that are right. Entries without a label are counted (and printed
with --show, for labelling).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from storyline import Options, summarize
from storyline.brief import dating
from storyline.brief.ingest import to_articles

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "shared" / "data" / "multinews_dev250.jsonl"


def entries(ids: set[str]):
    """(cluster, article, start, end, date, text) of every timeline entry of the clusters."""
    if not DATA.exists():
        sys.exit(f"{DATA} is missing: the clusters are read from there")
    for line in DATA.open():
        row = json.loads(line)
        if row["id"] not in ids:
            continue
        raw = {a.id: a.text for a in dating.date_all(to_articles(row["documents"]))}
        brief = summarize(row["documents"], options=Options(words=60))
        for event in brief.timeline:
            shown = next(c for c in event.sources if c.text == event.text)
            start, end = locate(raw[shown.article], shown.text)
            yield {"cluster": row["id"], "article": shown.article, "start": start,
                   "end": end, "date": event.date, "text": event.text}


def locate(raw: str, sentence: str) -> tuple[int | None, int | None]:
    """The sentence's offsets in the article as given (cleaning unwraps lines and cuts
    datelines, so whitespace may differ)."""
    i = raw.find(sentence)
    if i >= 0:
        return i, i + len(sentence)
    m = re.search(r"\s+".join(re.escape(w) for w in sentence.split()), raw)
    return (m.start(), m.end()) if m else (None, None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "held out", "all"])
    parser.add_argument("--show", action="store_true", help="print unlabelled and misdated")
    parser.add_argument("--dump", help="write this code's entries to a JSON Lines file")
    parser.add_argument("--entries", help="score entries from a JSON Lines file instead")
    args = parser.parse_args()
    splits = json.loads((HERE / "clusters.json").read_text())
    ids = set(splits["dev"] + splits["held out"]) if args.split == "all" else set(
        splits[args.split])
    labels = {}
    for name in ("labels.jsonl", "heldout.jsonl"):
        path = HERE / name
        for line in path.open() if path.exists() else ():
            row = json.loads(line)
            labels[(row["cluster"], row["article"], row["start"], row["date"])] = row
    if args.entries:
        found = [row for line in open(args.entries)
                 if (row := json.loads(line))["cluster"] in ids]
    else:
        found = list(entries(ids))
    if args.dump:
        with open(args.dump, "w") as out:
            out.writelines(json.dumps(row) + "\n" for row in found)
    counts = Counter()
    for row in found:
        label = labels.get((row["cluster"], row["article"], row["start"], row["date"]))
        counts[label["label"] if label else "unlabelled"] += 1
        if args.show and (label is None or label["label"] != "right"):
            tag = label["label"].upper() if label else "UNLABELLED"
            print(f"{tag} {row['cluster']} [{row['article']}] @{row['start']} {row['date']}"
                  f"{' (' + label.get('why', '') + ')' if label else ''}\n    {row['text']}")
    labelled = counts["right"] + counts["not event"] + counts["wrong"]
    print(f"| split | entries | labelled | right | not event | wrong | precision | unlabelled |")
    print("|---|---|---|---|---|---|---|---|")
    precision = f"{counts['right'] / labelled:.3f}" if labelled else "n/a"
    print(f"| {args.split} | {len(found)} | {labelled} | {counts['right']} | "
          f"{counts['not event']} | {counts['wrong']} | {precision} | {counts['unlabelled']} |")


if __name__ == "__main__":
    main()
