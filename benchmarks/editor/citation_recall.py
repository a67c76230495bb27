"""Citations a brief leaves out: does an article the brief does not cite state the line?

    .venv/bin/python benchmarks/editor/citation_recall.py pairs OUTDIR
    .venv/bin/python benchmarks/editor/citation_recall.py labels OUTDIR LABELS... > x.jsonl
    .venv/bin/python benchmarks/editor/citation_recall.py score x.jsonl

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
little with is not counted, so the estimate is a floor.
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


def labels(outdir: Path, files: list[Path]) -> None:
    key = [json.loads(line) for line in (outdir / "key.jsonl").open()]
    read = [{json.loads(line)["pair"]: json.loads(line)["label"] for line in path.open()}
            for path in files]
    for row in key:
        kept = {f: row[f] for f in ("cluster", "sentence", "article", "cosine", "band",
                                    "band_size")}
        print(json.dumps({**kept, "labels": [r[row["pair"]] for r in read]}))


def score(path: Path) -> None:
    rows = [json.loads(line) for line in path.open()]
    readers = len(rows[0]["labels"])
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
    elif command == "score" and len(args) == 1:
        score(Path(args[0]))
    else:
        sys.exit(__doc__)
