"""Citations a brief leaves out: does an article the brief does not cite state the line?

    .venv/bin/python benchmarks/editor/citation_recall.py pairs OUTDIR
    .venv/bin/python benchmarks/editor/citation_recall.py labels OUTDIR LABELS... > x.jsonl
    .venv/bin/python benchmarks/editor/citation_recall.py score x.jsonl
    # the citations a change adds, beside partial ones both versions give (each version's
    # src/ first on PYTHONPATH for `briefs`); TUNED, label files of pairs not to redraw
    PYTHONPATH=OLD/src .venv/bin/python benchmarks/editor/citation_recall.py briefs old.jsonl
    .venv/bin/python benchmarks/editor/citation_recall.py briefs new.jsonl
    .venv/bin/python benchmarks/editor/citation_recall.py precision old.jsonl new.jsonl \
        OUTDIR [TUNED...]

`pairs`: for every sentence of the 300 dev briefs (Multi-News dev and DUC 2006, 120
words) and every article of its cluster that the sentence does not cite, the article's
sentence closest to it by the citation check's tf-idf cosine. Those pairs are drawn by
cosine band (seed 40; BANDS says how many of each) into OUTDIR/pairs.md, for readers
labelling them as `citation_recall_instructions.md` asks (states, part, not), and
OUTDIR/key.jsonl (texts, not to be committed). `labels` joins the readers' label files
with the key and keeps the labels, the band and the band's size, never the texts.
`score`: what each reader labelled, by band, and the citations that the briefs leave out
estimated over every uncited article (each band's share times its size). The closest
sentence stands for its article: an article that states the line in words it shares
little with is not counted, so the estimate is a floor. `precision`: PRECISION_ADDED
citations the new version adds and PRECISION_KEPT partial citations the old one gives and
the new one keeps (as the old one shows them), shuffled (seed 41), labelled the same
way; `score` then counts each kind's labels.

Read in the fortieth session by two AI agents instructed as copy editors: the recall
pairs at e264efe (`citation_recall_fortieth.jsonl`), and the citations that a looser
cosine for a source (0.25 rather than `support.LOOSE`'s 0.35) would add, beside partial
ones kept (`citation_precision_loose_fortieth.jsonl`; not kept, BENCHMARKS.md says why).
Read in the forty-first session the same way: the citations that sentence embeddings
added (tried at 6d0bb33, reverted), at a MiniLM cosine of 0.70
(`citation_paraphrases_fortyfirst.jsonl`), then also standing 2.5 standard deviations
out, on pairs not read before (`..._validation.jsonl`); at 6d0bb33 `briefs` with
`Options(..., paraphrases=True)` gave the new file (`support.STANDS_OUT` at minus
infinity for the first reading).
"""

from __future__ import annotations

import difflib
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import packets  # (the dev data's place)

# (band, lowest cosine, pairs drawn): cited articles are looked for at 0.35 and above
# (`support.LOOSE`), so the first band is the grade's refusals, the rest never looked at.
BANDS = (("graded out", 0.35, 45), ("0.25-0.35", 0.25, 50), ("0.15-0.25", 0.15, 40),
         ("under 0.15", 0.0, 20))
LABELS = ("states", "part", "not")
PRECISION_ADDED, PRECISION_KEPT = 60, 40


def uncited() -> list[dict]:
    """Every (brief sentence, uncited article) pair of the dev briefs, with the article's
    closest sentence."""
    from storyline import Options
    from storyline.brief import checks, clean, dating, pipeline, segment, vectors
    from storyline.brief.ingest import to_articles
    out = []
    for name in ("multinews_dev250.jsonl", "duc2006.jsonl"):
        for obj in packets.data_lines(name):
            docs = [d if isinstance(d, dict) else {"text": d} for d in obj["documents"]]
            brief = pipeline.summarize(to_articles(docs), options=Options(words=120,
                                                                          analysis=False))
            # the sentences and vectors the brief's citations were graded with
            articles = dating.date_all(to_articles(docs))
            articles, _ = checks.english(articles)
            articles, _ = checks.without_budgets(articles)
            articles, _ = clean.clean_all(articles)
            sentences = segment.split_all(articles)
            matrix = vectors.tfidf(sentences).sparse()
            where = {(s.article, s.text): k for k, s in enumerate(sentences)}
            for i, line in enumerate(brief.sentences):
                own = max(line.sources, key=lambda c: difflib.SequenceMatcher(
                    None, c.text, line.text).ratio())  # (the shown sentence, as printed)
                k = where.get((own.article, own.text))
                if k is None:
                    continue
                cited = {c.article for c in line.sources}
                cosine = vectors.cosines(matrix, range(matrix.shape[0]), [k])[:, 0]
                for article in (a.id for a in articles if a.id not in cited):
                    theirs = [j for j, s in enumerate(sentences) if s.article == article]
                    if not theirs:
                        continue
                    j = max(theirs, key=lambda j: cosine[j])
                    out.append({"cluster": obj["id"], "sentence": i, "article": article,
                                "brief": own.text, "source": sentences[j].text,
                                "cosine": round(float(cosine[j]), 3)})
    return out


def band(cosine: float) -> str:
    return next(name for name, low, _ in BANDS if cosine >= low)


def make_pairs(outdir: Path) -> None:
    rows = uncited()
    sizes = Counter(band(r["cosine"]) for r in rows)
    rng, drawn = random.Random(40), []
    for name, _, n in BANDS:
        drawn += rng.sample([r for r in rows if band(r["cosine"]) == name], n)
    rng.shuffle(drawn)
    outdir.mkdir(parents=True, exist_ok=True)
    with (outdir / "key.jsonl").open("w") as key, (outdir / "pairs.md").open("w") as md:
        md.write("# Pairs to label\n\n")
        for number, r in enumerate(drawn, 1):
            key.write(json.dumps({"pair": number, **r, "band": band(r["cosine"]),
                                  "band_size": sizes[band(r["cosine"])]}) + "\n")
            md.write(f"## Pair {number}\n\nBRIEF: {r['brief']}\n\nSOURCE: {r['source']}\n\n")


def briefs(out: Path) -> None:
    """The 300 dev briefs (120 words) with their citations, one line a cluster."""
    from storyline import Options
    from storyline.brief import pipeline
    from storyline.brief.ingest import to_articles
    with out.open("w") as f:
        for name in ("multinews_dev250.jsonl", "duc2006.jsonl"):
            for obj in packets.data_lines(name):
                docs = [d if isinstance(d, dict) else {"text": d} for d in obj["documents"]]
                brief = pipeline.summarize(to_articles(docs), options=Options(words=120,
                                                                              analysis=False))
                f.write(json.dumps({"id": obj["id"], "sentences": [
                    {"text": line.text, "sources": [
                        {"article": c.article, "support": c.support, "text": c.text}
                        for c in line.sources]} for line in brief.sentences]}) + "\n")


def make_precision(old: Path, new: Path, outdir: Path, tuned: list[Path]) -> None:
    before, after = ({json.loads(line)["id"]: json.loads(line) for line in path.open()}
                     for path in (old, new))
    drawn = {(r["cluster"], r["sentence"], r["article"]) for path in tuned
             for r in map(json.loads, path.open())}
    added, kept = [], []
    for cluster, brief in before.items():
        for i, (was, now) in enumerate(zip(brief["sentences"], after[cluster]["sentences"])):
            cited = {c["article"]: c for c in was["sources"]}
            for c in now["sources"]:
                row = (cluster, i, c["article"], was["text"], c["text"])
                if c["article"] not in cited and row[:3] not in drawn:
                    added.append(row)
                elif c["article"] in cited and cited[c["article"]]["support"] == "partial":
                    kept.append((*row[:4], cited[c["article"]]["text"]))  # (as it was)
    rng = random.Random(41)
    rows = ([("added", r) for r in rng.sample(added, PRECISION_ADDED)]
            + [("kept", r) for r in rng.sample(kept, PRECISION_KEPT)])
    rng.shuffle(rows)
    outdir.mkdir(parents=True, exist_ok=True)
    with (outdir / "key.jsonl").open("w") as key, (outdir / "pairs.md").open("w") as md:
        md.write("# Pairs to label\n\n")
        for number, (kind, (cluster, i, article, line, source)) in enumerate(rows, 1):
            key.write(json.dumps({"pair": number, "kind": kind, "cluster": cluster,
                                  "sentence": i, "article": article}) + "\n")
            md.write(f"## Pair {number}\n\nBRIEF: {line}\n\nSOURCE: {source}\n\n")


def labels(outdir: Path, files: list[Path]) -> None:
    key = [json.loads(line) for line in (outdir / "key.jsonl").open()]
    read = [{json.loads(line)["pair"]: json.loads(line)["label"] for line in path.open()}
            for path in files]
    for row in key:
        kept = {f: row[f] for f in ("cluster", "sentence", "article", "kind", "cosine",
                                    "band", "band_size") if f in row}
        print(json.dumps({**kept, "labels": [r[row["pair"]] for r in read]}))


def score(path: Path) -> None:
    rows = [json.loads(line) for line in path.open()]
    readers = len(rows[0]["labels"])
    if "kind" in rows[0]:
        print("| citations | drawn | " + " | ".join(
            f"reader {r + 1}: states / part / not" for r in range(readers)) + " | agree |")
        print("|---|---|" + "---|" * readers + "---|")
        for kind in ("added", "kept"):
            these = [x for x in rows if x["kind"] == kind]
            cells = [" / ".join(str(Counter(x["labels"][r] for x in these)[label])
                                for label in LABELS) for r in range(readers)]
            agree = sum(len(set(x["labels"])) == 1 for x in these)
            print(f"| {kind} | {len(these)} | " + " | ".join(cells) + f" | {agree} |")
        return
    print("| band | uncited pairs | drawn | " + " | ".join(
        f"reader {r + 1}: states / part / not" for r in range(readers)) + " | agree |")
    print("|---|---|---|" + "---|" * readers + "---|")
    states, missed = [0.0] * readers, [0.0] * readers
    for name, _, _ in BANDS:
        these = [r for r in rows if r["band"] == name]
        size = these[0]["band_size"]
        cells = []
        for r in range(readers):
            count = Counter(x["labels"][r] for x in these)
            cells.append(" / ".join(str(count[label]) for label in LABELS))
            states[r] += size * count["states"] / len(these)
            missed[r] += size * (count["states"] + count["part"]) / len(these)
        agree = sum(len(set(x["labels"])) == 1 for x in these)
        print(f"| {name} | {size} | {len(these)} | " + " | ".join(cells) + f" | {agree} |")
    total = sum({r["band"]: r["band_size"] for r in rows}.values())
    print(f"\nUncited (sentence, article) pairs: {total}; estimated to state the line: "
          + ", ".join(f"reader {r + 1} {m:.0f}" for r, m in enumerate(states))
          + "; the line or part of it: "
          + ", ".join(f"reader {r + 1} {m:.0f}" for r, m in enumerate(missed)))


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    if command == "pairs" and len(args) == 1:
        make_pairs(Path(args[0]))
    elif command == "labels" and len(args) >= 2:
        labels(Path(args[0]), [Path(a) for a in args[1:]])
    elif command == "briefs" and len(args) == 1:
        briefs(Path(args[0]))
    elif command == "precision" and len(args) >= 3:
        make_precision(Path(args[0]), Path(args[1]), Path(args[2]), [Path(a) for a in args[3:]])
    elif command == "score" and len(args) == 1:
        score(Path(args[0]))
    else:
        sys.exit(__doc__)
