"""Blind A/B reading of one change: two versions' briefs of the read Timeline17 days.

    # the briefs of each version (120 words, analysis off), its src/ first on PYTHONPATH
    PYTHONPATH=OLD/src .venv/bin/python benchmarks/editor/ab.py briefs before.jsonl
    .venv/bin/python benchmarks/editor/ab.py briefs after.jsonl
    .venv/bin/python benchmarks/editor/ab.py packets before.jsonl after.jsonl OUTDIR
    .venv/bin/python benchmarks/editor/ab.py labels OUTDIR LABELS... > ab_NAME.jsonl
    .venv/bin/python benchmarks/editor/ab.py score ab_NAME.jsonl

The clusters are the Timeline17 days of rubric rounds 5 to 7 (`packets.py`), or with
`--news` after `briefs` and `packets` the Multi-News dev and DUC 2006 clusters of rounds
1 to 3, 8 and 9 (9 from the seventh session's last A/B on), or with `--all` every
Multi-News dev and DUC 2006 cluster (from the twelfth session on); all read before: a dev set for choosing between two versions, not a
held-out test. Only the
clusters whose briefs differ become packets: the articles (first 150 words each), then
the two briefs as accounts A and B in shuffled order (seed 21); OUTDIR/key.json maps the
letters back. Readers label each packet as `ab_instructions.md` asks; `labels` turns
their files into one line per packet and reader with the versions named, `score` counts
which version each reader would run and the mean of each label. The texts stay outside
the repository; the label files hold the readers' labels and short notes.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import packets  # noqa: E402  (the rounds' Timeline17 draws)

DRAWS = ("t17_days_5", "t17_days_6", "t17_days_7")
NEWS_ROUNDS = ("1", "2", "3", "8", "9")
ARTICLE_WORDS = 150


def clusters(news: bool = False, every: bool = False) -> list[dict]:
    if not news:
        return [obj for draw in DRAWS for obj in packets.t17_days(draw)]
    out = []
    for round_ in NEWS_ROUNDS[:1] if every else NEWS_ROUNDS:
        for name, rows in packets.ROUNDS[round_]:
            for i, obj in enumerate(packets.data_lines(name)):
                if every or i in rows:
                    out.append({"id": obj["id"], "documents": [
                        d if isinstance(d, dict) else {"text": d} for d in obj["documents"]]})
    return out


def briefs(out: Path, news: bool = False, every: bool = False) -> None:
    from storyline import Options, summarize
    from storyline.brief.ingest import to_articles

    with out.open("w") as f:
        for obj in clusters(news, every):
            brief = summarize(to_articles(obj["documents"]), options=Options(words=120, analysis=False))
            said = [[s.text, [x.article + ("*" if x.support == "partial" else "") for x in s.sources]]
                    for s in brief.sentences]
            f.write(json.dumps({"id": obj["id"], "sentences": said}) + "\n")


def _account(said: list) -> str:
    return " ".join(text + (f" [{', '.join(ids)}]" if ids else "") for text, ids in said)


def make_packets(before: Path, after: Path, outdir: Path, news: bool = False,
                 every: bool = False) -> None:
    versions = {name: {o["id"]: o["sentences"] for o in map(json.loads, path.open())}
                for name, path in (("before", before), ("after", after))}
    rng, key, n = random.Random(21), {}, 0
    outdir.mkdir(parents=True, exist_ok=True)
    for obj in clusters(news, every):
        cid = obj["id"]
        if versions["before"][cid] == versions["after"][cid]:
            continue
        n += 1
        first, second = ("after", "before") if rng.random() < 0.5 else ("before", "after")
        key[f"{n:02d}"] = {"id": cid, "A": first, "B": second}
        parts = [f"# Packet {n:02d}"]
        parts += [f"### Article {j}\n{' '.join(d['text'].split()[:ARTICLE_WORDS])}"
                  for j, d in enumerate(obj["documents"], 1)]
        parts.append(f"## Account A\n{_account(versions[first][cid])}\n\n"
                     f"## Account B\n{_account(versions[second][cid])}")
        (outdir / f"packet_{n:02d}.md").write_text("\n\n".join(parts) + "\n")
    (outdir / "key.json").write_text(json.dumps(key, indent=1))
    print(n, "packets")


def labels(outdir: Path, files: list[Path]) -> None:
    key = json.loads((outdir / "key.json").read_text())
    for reader, path in enumerate(files, 1):
        for line in path.open():
            label = json.loads(line)
            letters = key[label["packet"]]
            print(json.dumps({"cluster": letters["id"], "reader": reader,
                              letters["A"]: label["A"], letters["B"]: label["B"],
                              "run": letters[label["run"]], "note": label["note"]}))


def score(path: Path) -> None:
    rows = [json.loads(line) for line in path.open()]
    print("| reader | packets | would run after | would run before | coherence before → after "
          "| stray | dangling | clutter | repeats | main news |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for reader in sorted({r["reader"] for r in rows}):
        mine = [r for r in rows if r["reader"] == reader]

        def total(version, label):  # ("repeats" is read from the news packets on)
            return sum(r[version].get(label, 0) for r in mine)

        coherence = {v: total(v, "coherence") / len(mine) for v in ("before", "after")}
        print(f"| {reader} | {len(mine)} | {sum(r['run'] == 'after' for r in mine)} "
              f"| {sum(r['run'] == 'before' for r in mine)} "
              f"| {coherence['before']:.2f} → {coherence['after']:.2f} "
              + " ".join(f"| {total('before', x)} → {total('after', x)}"
                         for x in ("stray", "dangling", "clutter", "repeats", "main_news")) + " |")


if __name__ == "__main__":
    command, every = sys.argv[1], "--all" in sys.argv
    news = every or "--news" in sys.argv
    args = [a for a in sys.argv[2:] if a not in ("--news", "--all")]
    if command == "briefs":
        briefs(Path(args[0]), news, every)
    elif command == "packets":
        make_packets(Path(args[0]), Path(args[1]), Path(args[2]), news, every)
    elif command == "labels":
        labels(Path(args[0]), [Path(f) for f in args[1:]])
    elif command == "score":
        score(Path(args[0]))
    else:
        raise SystemExit(f"unknown command {command!r}: briefs, packets, labels or score")
