"""Precision and recall of Storyline's disagreements on the labelled pairs.

    python benchmarks/disagreements/score.py [--show]

labels.jsonl and heldout.jsonl hold pairs of figures from two articles of one cluster,
each labelled a contradiction or not (see README.md beside them). The clusters are the
bundled example and 30 Multi-News dev clusters, read from ../shared/data (never copied
here); the rules were written looking at labels.jsonl, and heldout.jsonl was labelled
and scored once after that. A predicted
pair is two figures of one reported disagreement, from different articles, whose ranges
do not overlap. It is matched to a label when each side's sentence holds the label's
quote (found by its fingerprint) and the quote holds the figure's number.

- precision: true contradictions among the predicted pairs that carry a label (pairs
  without a label are counted and, with --show, printed for labelling);
- recall: labelled contradictions that some predicted pair matches.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from storyline import read_cluster
from storyline.analyze import analyze
from storyline.brief import clean, dating, group, segment, vectors
from storyline.brief.ingest import to_articles

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEV = ROOT.parent / "shared" / "data" / "multinews_dev250.jsonl"
DUC2006 = ROOT.parent / "shared" / "data" / "duc2006.jsonl"
DUC2007 = ROOT.parent / "shared" / "data" / "duc2007_update_b.jsonl"


def clusters(ids: set[str]):
    if "baghuz" in ids:
        yield "baghuz", read_cluster(ROOT / "examples" / "baghuz")
    if not DEV.exists():
        sys.exit(f"{DEV} is missing: the dev clusters are read from there")
    with DEV.open() as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in ids:
                yield row["id"], to_articles(row["documents"])
    for path in (DUC2006, DUC2007):
        for line in path.open() if path.exists() else ():
            row = json.loads(line)
            if row["id"] in ids:
                yield row["id"], to_articles(_dated_documents(row))


def _dated_documents(row: dict) -> list[dict]:
    """DUC newswire with its dates: DUC 2006 names them in its document ids
    (APW19990707.0181), DUC 2007's update task lists them (both sets of a topic)."""
    if "doc_dates" in row:
        return [{"text": t, "published": d} for t, d in
                zip(row["old"] + row["documents"], row["old_doc_dates"] + row["doc_dates"])]
    return [{"text": t, "published": "{}-{}-{}".format(*re.search(
        r"((?:19|20)\d\d)(\d\d)(\d\d)", i).groups())}
        for t, i in zip(row["documents"], row["doc_ids"])]


def predicted_pairs(articles):
    """(kind, subject, a, b) for every pair of figures from different articles whose
    ranges do not overlap, in a reported disagreement ("disagreement") or change
    ("change")."""
    articles, _ = clean.clean_all(dating.date_all(articles))
    sentences = segment.split_all(articles)
    facts = group.group(sentences, vectors.tfidf(sentences))
    disagreements, changes, _ = analyze(articles, sentences, facts)
    pairs = []
    for kind, found in (("disagreement", disagreements), ("change", changes)):
        for d in found:
            for i, a in enumerate(d.figures):
                for b in d.figures[i + 1:]:
                    if a.article != b.article and (a.high < b.low or b.high < a.low):
                        pairs.append((kind, d.subject, a, b))
    return pairs


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d[\d,.]*\d|\d", text.replace(",", "")))


def quote(span: str, text: str) -> str | None:
    """The part of text whose fingerprint is span ("SHA1PREFIX/CHARS"), if any: the labels
    keep fingerprints of their quotes, never the words of the articles."""
    digest, chars = span.split("/")
    size = int(chars)
    for start in range(len(text) - size + 1):
        piece = text[start:start + size]
        if hashlib.sha1(piece.encode()).hexdigest()[:len(digest)] == digest:
            return piece
    return None


def matches(side: dict, figure) -> bool:
    if side["article"] != figure.article:
        return False
    said = quote(side["span"], figure.text)
    if said is None:
        return False
    found = _numbers(figure.figure)
    return not found or bool(found & _numbers(said)) or figure.figure.lower() in said.lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print errors and unlabelled pairs")
    args = parser.parse_args()
    labels = [dict(json.loads(line), split="example" if '"baghuz"' in line else "dev")
              for line in (HERE / "labels.jsonl").open()]
    labels += [dict(json.loads(line), split="held out")
               for line in (HERE / "heldout.jsonl").open()]
    for name, split in (("labels_dated.jsonl", "dated dev"),
                        ("heldout_dated.jsonl", "dated held out")):
        labels += [dict(json.loads(line), split=split) for line in (HERE / name).open()]
    by_cluster = defaultdict(list)
    for label in labels:
        by_cluster[label["cluster"]].append(label)
    truth_of = {"disagreement": "contradiction", "change": "change"}
    totals = {kind: {split: defaultdict(int) for split in
                     ("example", "dev", "held out", "dated dev", "dated held out")}
              for kind in truth_of}
    for cluster, articles in clusters(set(by_cluster)):
        split = by_cluster[cluster][0]["split"]
        found = {kind: set() for kind in truth_of}
        for kind, subject, a, b in predicted_pairs(articles):
            part, field = totals[kind][split], truth_of[kind]
            hit = [i for i, label in enumerate(by_cluster[cluster])
                   if (matches(label["a"], a) and matches(label["b"], b))
                   or (matches(label["a"], b) and matches(label["b"], a))]
            if not hit:
                part["unlabelled"] += 1
                if args.show:
                    print(f"UNLABELLED {kind} {cluster} {subject!r}: [{a.article}] {a.figure!r} | "
                          f"[{b.article}] {b.figure!r}\n    {a.text}\n    {b.text}")
                continue
            truth = any(by_cluster[cluster][i][field] for i in hit)
            part["predicted"] += 1
            part["correct"] += truth
            found[kind].update(i for i in hit if by_cluster[cluster][i][field])
            if args.show:
                label = by_cluster[cluster][hit[0]]
                print(f"{'FOUND' if truth else 'FALSE'} {kind} {cluster} {subject!r}: "
                      f"[{a.article}] {a.figure!r} | [{b.article}] {b.figure!r} -- "
                      f"{label['why']}")
        for kind, field in truth_of.items():
            part = totals[kind][split]
            for i, label in enumerate(by_cluster[cluster]):
                if label[field]:
                    part["true"] += 1
                    part["recalled"] += i in found[kind]
                    if args.show and i not in found[kind]:
                        print(f"MISSED {kind} {cluster}: article {label['a']['article']} | "
                              f"article {label['b']['article']} ({label['subject']})")
    for kind, field in truth_of.items():
        print(f"\n{kind}s (labelled true: {field})\n")
        print("| set | labelled pairs (true) | predicted pairs | precision | recall | unlabelled |")
        print("|---|---|---|---|---|---|")
        for name, t in [*totals[kind].items(), ("all", _sum(totals[kind].values()))]:
            n = sum(1 for label in labels if name in (label["split"], "all"))
            t_true = sum(1 for label in labels
                         if label[field] and name in (label["split"], "all"))
            precision = f"{t['correct'] / t['predicted']:.2f}" if t["predicted"] else "n/a"
            recall = f"{t['recalled'] / t['true']:.2f}" if t["true"] else "n/a"
            print(f"| {name} | {n} ({t_true}) | {t['predicted']} ({t['correct']} true) | "
                  f"{precision} | {recall} ({t['recalled']}/{t['true']}) | {t['unlabelled']} |")


def _sum(parts):
    out = defaultdict(int)
    for part in parts:
        for key, value in part.items():
            out[key] += value
    return out


if __name__ == "__main__":
    main()
