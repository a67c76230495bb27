"""Can a small model stand in for spaCy's parse in `dates.main_event`? Distill and judge it.

    .venv/bin/python benchmarks/timeline/event_model.py harvest DIR    # spaCy's verdicts
    .venv/bin/python benchmarks/timeline/event_model.py evaluate DIR   # agreement, unseen
    .venv/bin/python benchmarks/timeline/event_model.py score DIR --threshold 0.95 --split dev

The timeline's undecided date candidates (`dates.Candidate.anchored` False) go to spaCy,
whose parse says whether the date is on the sentence's main, past event. `harvest`
records that verdict on text the timeline's labels do not use: the Multi-News dev
clusters outside `clusters.json`, DUC 2006, DUC 2007 (update, both sets) and the four
Timeline17 dev topics (detokenized, eight articles a cluster), all read by path from
../shared/data, less every sentence that the labelled clusters (dev and held out) hold
(the same wire copy in another corpus, a site's boilerplate in another cluster); DIR
(outside the repository: it holds sentences of that text) gets

- `real.jsonl`: each undecided candidate that `storyline summarize` sent to the parse,
  with the parse's verdict (what the model must match);
- `wide.jsonl`: the other dates (`timex.find`, no reference date, `event` set) of the
  sentences with a past verb, with `main_event` on each;
- `augmented.jsonl`: for sentences with a past verb, the capitalized word or number
  after each "in", "on", "during", "at", "by" stands in for a date (the same question:
  does what this phrase hangs on reach the main past verb), with `main_event` on it;
- `lexicon.json`: each frequent lower-case word's most frequent tag from spaCy's tagger
  on those sentences (a part-of-speech guess for the features, no parse at run time).

`evaluate` trains a logistic regression (L2, scipy's L-BFGS) on features of the words
around the date (their forms or shapes and guessed tags, the nearest verb and past verb
before it and what lies between, the clause marks and the words that open a clause,
the first verb, what follows) and reports its agreement with the parse on the real
candidates of clusters it did not see (five folds by cluster), overall and where it is
sure (probability at least t or at most 1 - t). `score` runs
`benchmarks/timeline/score.py` with the model deciding the candidates it is sure of and
the parse the others, and says how many it decided and how many of those the parse
decides otherwise. Needs numpy and scipy (Storyline's own dependencies), not
scikit-learn: the regression is a few lines here.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import runpy
import sys
from collections import Counter, defaultdict
from pathlib import Path

from storyline.analyze import dates

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared" / "data"
SOURCES = ("mn", "duc6", "duc7", "t17")
MAX_AUGMENTED = 20_000  # sentences parsed for the wider dates and the stand-ins
_PHRASE = re.compile(r"\b(?:in|on|during|at|by)\s+[A-Z0-9]")  # a stand-in may follow
MIN_COUNT = 3  # a feature seen fewer times in training is left out
REAL_WEIGHT = 5.0  # the real candidates against the wider and the stand-in ones

# --- harvest -------------------------------------------------------------------------


def detokenize(text: str) -> str:
    """Timeline17's tokenized text ("Egypt 's", "-LRB-") as news text, roughly."""
    text = text.replace("-LRB-", "(").replace("-RRB-", ")").replace("``", '"').replace("''", '"')
    text = re.sub(r" (['’](?:s|re|ve|d|ll|m)|n't)\b", r"\1", text)
    text = re.sub(r" ([,.;:!?%)])", r"\1", text)
    text = re.sub(r"([($]) ", r"\1", text)
    return re.sub(r'" (.*?) "', r'"\1"', text)


def _labelled() -> set[str]:
    splits = json.loads((HERE / "clusters.json").read_text())
    return set(splits["dev"]) | set(splits["held out"])


def split_sentences() -> set[str]:
    """Every sentence the timeline reads in the clusters of its labels (both splits):
    none is a training sentence, even where another cluster or corpus has it too (the
    same wire copy, a site's boilerplate)."""
    from storyline import Options, summarize

    found, event_date = set(), dates.event_date

    def reading(text, article):
        found.add(text)
        return event_date(text, article)

    dates.event_date = reading
    try:
        labelled = _labelled()
        for line in open(SHARED / "multinews_dev250.jsonl"):
            row = json.loads(line)
            if row["id"] in labelled:
                summarize(row["documents"], options=Options(words=60))
    finally:
        dates.event_date = event_date
    return found


def training_clusters():
    """(name, documents) of the training text: never a cluster of the timeline's labels."""
    labelled = _labelled()
    for line in open(SHARED / "multinews_dev250.jsonl"):
        row = json.loads(line)
        if row["id"] not in labelled:
            yield "mn:" + row["id"], row["documents"]
    for line in open(SHARED / "duc2006.jsonl"):
        row = json.loads(line)
        yield "duc6:" + row["id"], row["documents"]
    for line in open(SHARED / "duc2007_update_b.jsonl"):
        row = json.loads(line)
        yield "duc7:" + row["id"], row["documents"] + row.get("old", [])
    seen = set()
    for line in open(SHARED / "t17_dev.jsonl"):
        row = json.loads(line)
        if row["topic"] in seen:  # each line of a topic carries all its articles
            continue
        seen.add(row["topic"])
        docs = [{"text": detokenize(d["text"]), "published": d["published"]}
                for d in row["documents"]]
        for i in range(0, len(docs), 8):
            yield f"t17:{row['topic']}:{i}", docs[i:i + 8]


def harvest(out: Path) -> None:
    import storyline.faces.cli  # noqa: F401  (one BLAS thread, as the command runs)
    from storyline import Options, summarize
    from storyline.analyze import language, timex

    out.mkdir(parents=True, exist_ok=True)
    excluded = split_sentences()
    main_event, event_date = dates.main_event, dates.event_date
    source = {"name": ""}
    texts: dict[str, str] = {}  # every sentence the timeline read, with its cluster
    real = open(out / "real.jsonl", "w")

    def deciding(doc, start):
        verdict = main_event(doc, start)
        if doc.text not in excluded:
            real.write(json.dumps({"src": source["name"], "text": doc.text,
                                   "start": start, "y": verdict}) + "\n")
        return verdict

    def reading(text, article):
        texts.setdefault(text, source["name"])
        return event_date(text, article)

    dates.main_event, dates.event_date = deciding, reading
    try:
        for name, documents in training_clusters():
            source["name"] = name
            try:
                summarize(documents, options=Options(words=60))
            except Exception as e:  # noqa: BLE001 - a cluster that fails: the others go on
                print(f"{name}: {e}", file=sys.stderr)
    finally:
        dates.main_event, dates.event_date = main_event, event_date
        real.close()
    past = [t for t in texts if len(t) <= 400 and t not in excluded
            and dates._LOWER_PAST.search(t.lower())]
    dated = {t: found for t in past if (found := [d for d in timex.find(t, None) if d.event])}
    phrases = [t for t in past if t not in dated and _PHRASE.search(t)]
    random.Random(0).shuffle(phrases)
    read = list(dated) + phrases[:MAX_AUGMENTED - len(dated)]
    nlp = language.nlp()
    tags: dict[str, Counter] = defaultdict(Counter)
    with open(out / "wide.jsonl", "w") as wide, open(out / "augmented.jsonl", "w") as aug:
        for text, doc in zip(read, nlp.pipe(read, batch_size=64,
                                            disable=["lemmatizer", "ner"]), strict=True):
            src = texts[text]
            for token in doc:
                tags[token.lower_][token.tag_] += 1
            for t in dated.get(text, ()):
                wide.write(json.dumps({"src": src, "text": text, "start": t.start,
                                       "end": t.end, "y": main_event(doc, t.start)}) + "\n")
            for token in doc[:-1]:
                after = doc[token.i + 1]
                if token.lower_ in ("in", "on", "during", "at", "by") and (
                        after.text[0].isupper() or after.text[0].isdigit()):
                    j = after.i
                    while j + 1 < len(doc) and (doc[j + 1].text[:1].isupper()
                                                or doc[j + 1].text[:1].isdigit()):
                        j += 1
                    aug.write(json.dumps({"src": src, "text": text, "start": after.idx,
                                          "end": doc[j].idx + len(doc[j]),
                                          "y": main_event(doc, after.idx)}) + "\n")
    lexicon = {w: c.most_common(1)[0][0] for w, c in tags.items()
               if sum(c.values()) >= 5 and w.isalpha()}
    (out / "lexicon.json").write_text(json.dumps(lexicon, sort_keys=True))
    print(f"{len(excluded)} sentences of the labelled clusters left out; "
          f"{sum(1 for _ in open(out / 'real.jsonl'))} real candidates, "
          f"{sum(1 for _ in open(out / 'wide.jsonl'))} wider dates, "
          f"{sum(1 for _ in open(out / 'augmented.jsonl'))} stand-ins from "
          f"{len(read)} sentences parsed, {len(lexicon)} words tagged")


# --- features ------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+|[^\w\s]")
_PAST = re.compile(f"{dates._PAST_ENDINGS}|{'|'.join(dates._PAST_WORDS)}")  # dates' past verbs
_MARKS = frozenset(",;:()—–-\"“”'‘’")
_CLAUSE_MARKS = (",", ";", ":", "(", "—", "–")
# Words that open, join or qualify a clause, kept as they are; other words by their shape.
_KEPT = frozenset("""
a about after against ago also although amid an and announced are as at because been
before being but by can could did do does during each either even ever following for
former from had has have having he her his how i if in including into is it its just
last later like many may might more most much must my neither never no nor not now of
on once one only or our out over previously recently said says she should since so some
such than that the their them then there these they this those though through to told
too under unless until up upon was we were what when whenever where whereas whether
which while who whom whose will with within would yet you
""".split())
_OPENERS = frozenset({"who", "which", "that", "whom", "whose", "after", "before", "because",
                      "since", "when", "while", "although", "though", "if", "as", "until",
                      "where", "once", "whether"})


def _shape(word: str) -> str:
    low = word.lower()
    if low in _KEPT:
        return low
    if word.isdigit():
        return "#"
    if not word[0].isalpha():
        return word if word in _MARKS else "."
    return (f"{'C' if word[0].isupper() else 'l'}{'P' if _PAST.fullmatch(low) else ''}-"
            f"{low[-3:] if len(low) > 3 else low}")


def _tag(word: str, lexicon: dict[str, str]) -> str:
    low = word.lower()
    if low in lexicon:
        return lexicon[low]
    if word.isdigit():
        return "CD"
    if not word[0].isalpha():
        return word if word in ",;:()" else "."
    if word[0].isupper():
        return "NNP"
    for suffix, tag in (("ing", "VBG"), ("ed", "VBD"), ("ly", "RB"), ("s", "NNS")):
        if low.endswith(suffix):
            return tag
    return "NN"


def features(text: str, start: int, end: int, lexicon: dict[str, str]) -> list[str]:
    """The features of the date at `text[start:end]`."""
    before, after = _WORD.findall(text[:start]), _WORD.findall(text[end:])
    shapes = [_shape(w) for w in before]
    out = ["bias"]
    out += [f"b{i}={shapes[-i] if i <= len(shapes) else '^'}" for i in range(1, 7)]
    out.append(f"b12={'|'.join(shapes[-2:])}")
    out += [f"a{i}={_shape(after[i]) if i < len(after) else '$'}" for i in range(3)]
    out.append(f"a01={'|'.join(_shape(w) for w in after[:2])}")
    out.append(f"first={shapes[0] if shapes else '^'}")
    out.append(f"n={min(len(before), 12) // 3}")
    cut = max((i for i, s in enumerate(shapes) if s in _CLAUSE_MARKS), default=-1)
    clause = shapes[cut + 1:]
    out.append(f"clause_len={min(len(clause), 9) // 3}")
    out.append(f"commas={min(shapes.count(','), 3)}")
    out += [f"c={s}" for s in set(clause) if s in _KEPT]
    out += [f"s={s}" for s in set(shapes) if s in _KEPT]
    pasts = [i for i, w in enumerate(before) if _PAST.fullmatch(w.lower()) and w.lower() != "said"]
    out.append(f"pasts={min(len(pasts), 3)}")
    if pasts:
        i = pasts[-1]
        out += [f"v={before[i].lower()}", f"vprev={shapes[i - 1] if i else '^'}",
                f"vnext={shapes[i + 1] if i + 1 < len(shapes) else '@'}",
                f"vdist={min(len(before) - i, 9)}", f"vclause={'in' if i > cut else 'out'}"]
        out += [f"vb={s}" for s in set(shapes[i + 1:]) if s in _KEPT or s in _MARKS]
        out += [f"va={s}" for s in set(shapes[max(i - 3, 0):i])]
    else:
        out.append("v=none")
    tail = [w.lower() for w in after[:12] if _PAST.fullmatch(w.lower())]
    out.append(f"apast={tail[0] if tail and tail[0] in _KEPT else bool(tail)}")
    if "," in after[:2]:
        out.append("comma_after")
    # guessed tags: the words around the date, the nearest verb before it, the first verb
    tags, tags_after = [_tag(w, lexicon) for w in before], [_tag(w, lexicon) for w in after]
    out += [f"t{i}={tags[-i] if i <= len(tags) else '^'}" for i in range(1, 5)]
    out += [f"t12={'|'.join(tags[-2:])}", f"t123={'|'.join(tags[-3:])}",
            f"ta0={tags_after[0] if tags_after else '$'}", f"ta01={'|'.join(tags_after[:2])}"]
    verbs = [i for i, t in enumerate(tags) if t.startswith("VB") or t == "MD"]
    if verbs:
        i, first = verbs[-1], verbs[0]
        word = before[i].lower()
        previous = before[i - 1].lower() if i else ""
        out += [f"nv={tags[i]}", f"nvw={word if word in lexicon else '?'}",
                f"nvprev={tags[i - 1] if i else '^'}",
                f"nvprev2={'|'.join(tags[max(i - 2, 0):i])}", f"nvd={min(len(tags) - i, 8)}",
                f"nvtag_prevw={tags[i]}|{previous if previous in _OPENERS else '-'}",
                f"nverbs={min(len(verbs), 4)}", f"fv={tags[first]}", f"fvpos={min(first, 8)}",
                f"fv_is_nv={first == i}", f"fvprev={tags[first - 1] if first else '^'}",
                f"nv_comma={',' in before[i:]}"]
        out += [f"nvb={t}" for t in set(tags[i + 1:])]
        out += [f"sub_before_v={w}" for w in {w.lower() for w in before[:i]} if w in _OPENERS]
    else:
        out.append("nv=none")
    verbs_after = [t for t in tags_after[:10] if t.startswith("VB") or t == "MD"]
    out.append(f"av={verbs_after[0] if verbs_after else 'none'}")
    return out


# --- the model -----------------------------------------------------------------------


def load(path: Path, lexicon: dict[str, str], real: bool) -> list[dict]:
    from storyline.analyze import timex

    rows = []
    for line in open(path):
        row = json.loads(line)
        if "end" not in row:  # a real candidate: its date's end, as timex reads it
            ends = [t.end for t in timex.find(row["text"], None) if t.start == row["start"]]
            row["end"] = ends[0] if ends else row["start"] + 4
        row["y"], row["real"] = int(row["y"]), real
        row["f"] = features(row["text"], row["start"], row["end"], lexicon)
        rows.append(row)
    return rows


def fit(rows: list[dict], c: float) -> dict[str, float]:
    """Logistic regression weights (L2: 1/c), real candidates weighted `REAL_WEIGHT`."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts = Counter(f for row in rows for f in set(row["f"]))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in counts.items()
                                                    if n >= MIN_COUNT))}
    indices, pointers = [], [0]
    for row in rows:
        indices += sorted({vocabulary[f] for f in row["f"] if f in vocabulary})
        pointers.append(len(indices))
    x = csr_matrix((np.ones(len(indices)), indices, pointers), shape=(len(rows), len(vocabulary)))
    y = np.array([row["y"] for row in rows], float)
    w = np.array([REAL_WEIGHT if row["real"] else 1.0 for row in rows])

    def loss(b):
        p = 1 / (1 + np.exp(-(x @ b)))
        value = -(w * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum()
        return value + b @ b / (2 * c), x.T @ (w * (p - y)) + b / c

    b = minimize(loss, np.zeros(len(vocabulary)), jac=True, method="L-BFGS-B").x
    return {f: float(b[i]) for f, i in vocabulary.items()}


def probability(weights: dict[str, float], feats: list[str]) -> float:
    return 1 / (1 + math.exp(-sum(weights.get(f, 0.0) for f in feats)))


def _cluster(src: str) -> str:
    return src.rsplit(":", 1)[0] if src.startswith("t17") else src  # a topic: one fold


def data(out: Path) -> tuple[list[dict], list[dict]]:
    """The real candidates, and the other rows (wider dates and stand-ins)."""
    lexicon = json.loads((out / "lexicon.json").read_text())
    real = load(out / "real.jsonl", lexicon, True)
    seen = {(r["text"], r["start"]) for r in real}
    other = [r for name in ("wide.jsonl", "augmented.jsonl")
             for r in load(out / name, lexicon, False) if (r["text"], r["start"]) not in seen]
    return real, other


def evaluate(out: Path, c: float, folds: int = 5) -> None:
    real, other = data(out)
    clusters = sorted({_cluster(r["src"]) for r in real + other})
    random.Random(0).shuffle(clusters)
    fold = {name: i % folds for i, name in enumerate(clusters)}
    predicted = []
    for k in range(folds):
        weights = fit([r for r in real + other if fold[_cluster(r["src"])] != k], c)
        predicted += [(probability(weights, r["f"]), r["y"], r["src"].split(":")[0])
                      for r in real if fold[_cluster(r["src"])] == k]
    print(f"{len(real)} real candidates ({sum(r['y'] for r in real)} yes), "
          f"{len(other)} other rows; C={c}")
    print("| sure at | candidates decided | agreement with the parse |\n|---|---|---|")
    for threshold in (0.5, 0.8, 0.9, 0.95, 0.98):
        sure = [(p > 0.5) == y for p, y, _ in predicted if max(p, 1 - p) >= threshold]
        print(f"| {threshold} | {len(sure)} ({len(sure) / len(predicted):.0%}) | "
              f"{sum(sure) / max(len(sure), 1):.3f} |")
    for name in SOURCES:
        agree = [(p > 0.5) == y for p, y, s in predicted if s == name]
        if agree:
            print(f"{name}: {len(agree)} candidates, agreement {sum(agree) / len(agree):.3f}")


def score(out: Path, c: float, threshold: float, split: str) -> None:
    """score.py's table with the model deciding the candidates it is sure of."""
    from storyline.analyze import timex

    real, other = data(out)
    weights = fit(real + other, c)
    lexicon = json.loads((out / "lexicon.json").read_text())
    main_event = dates.main_event
    counts = Counter()

    def deciding(doc, start):
        ends = [t.end for t in timex.find(doc.text, None) if t.start == start]
        p = probability(weights, features(doc.text, start, ends[0] if ends else start + 4,
                                          lexicon))
        verdict = main_event(doc, start)
        if max(p, 1 - p) < threshold:
            counts["parse"] += 1
            return verdict
        counts["model"] += 1
        counts["model, not the parse's verdict"] += (p > 0.5) != verdict
        return p > 0.5

    dates.main_event = deciding
    sys.argv = [str(HERE / "score.py"), "--split", split]
    runpy.run_path(str(HERE / "score.py"), run_name="__main__")
    print(dict(counts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["harvest", "evaluate", "score"])
    parser.add_argument("dir", type=Path, help="where the harvest is (outside the repository)")
    parser.add_argument("--c", type=float, default=0.1, help="inverse L2 strength")
    parser.add_argument("--threshold", type=float, default=0.95)
    parser.add_argument("--split", default="dev", choices=["dev", "held out", "all"])
    args = parser.parse_args()
    if args.command == "harvest":
        harvest(args.dir)
    elif args.command == "evaluate":
        evaluate(args.dir, args.c)
    else:
        score(args.dir, args.c, args.threshold, args.split)


if __name__ == "__main__":
    main()
