"""Blind packets for the editor's rubric (their texts stay outside the repository).

    # the briefs of each version, made with that version's src/ first on PYTHONPATH
    PYTHONPATH=OLD/src .venv/bin/python benchmarks/editor/packets.py briefs ROUND before.jsonl
    .venv/bin/python benchmarks/editor/packets.py briefs ROUND after.jsonl
    .venv/bin/python benchmarks/editor/packets.py packets ROUND before.jsonl after.jsonl OUTDIR

ROUND 1 (rubric.jsonl): Multi-News dev rows 200-239 and DUC 2006 rows 40-49. ROUND 2
(rubric_round2.jsonl): Multi-News dev rows 108-124, 185-199 (but 191 and 196) and
240-249, DUC 2006 rows 26-29 and 31-36: rows that no committed label file names. ROUND 3
(rubric_round3.jsonl): Multi-News dev rows 125-136, 138-143 and 146-175, DUC 2006 rows
37 and 38: the rows no brief label names (the timeline labels name some of them; their
briefs were not read). Each round's clusters were chosen before anyone read them and not
read while the briefs were worked on (rounds 1 and 2 are read now, so each round took
other rows). ROUND 4 (rubric_round4.jsonl) reads data no brief was ever tuned or read on:
the 10 DUC 2007 update topics twice (set A, the `old` articles, ids ending "-A"; set B,
the newer `documents`) and 30 day clusters of Timeline17 (`t17_days`: for haiti, h1n1
and libya, the days on which at least three articles were published, ten drawn per topic
with seed 4; each cluster holds the day's first six articles, detokenized). ROUND 5
(rubric_round5.jsonl): 40 other Timeline17 day clusters (haiti 5, h1n1 10, libya 15,
finan 10; seed 5), drawn before anyone read them; the days neither draw takes
(`t17_unused`) are the ones read while working. ROUND 6 (rubric_round6.jsonl): 40 more
(haiti 4, h1n1 12, libya 16, finan 8; seed 6), none of them read before (the free days
read while working on round 5, READ_BEFORE_ROUND_6, are left out). ROUND 7
(rubric_round7.jsonl): 40 more (h1n1 5, libya 29, finan 6; seed 7), the last unread days
but ten of libya, drawn before the sixth session's work began. ROUNDS 8 and 9
(rubric_round8.jsonl, rubric_round9.jsonl) go back to the issue's own data: of the 82
Multi-News dev rows and 28 DUC 2006 rows that no brief label file names (rubric*, ab_*,
warnings), round 8 drew 32 and 8 with seed 8 and round 9 32 and 8 of the rest with seed
9, both before the seventh session's work began; round 8 was read first, round 9 last. ROUND 10
(rubric_round10.jsonl) reads round 4's 50 clusters again, the data no brief was tuned on
(no A/B packet or rubric round read them after round 4; DUC 2007 set B's briefs were read
by hand at sessions' ends), as the product now shows them: the lead paragraph as the new
version cleans it and partial support starred. Each packet shows the
articles (cut to 350 words each, 120 when a cluster has more than six) and three
accounts under shuffled letters (seed 12): the lead paragraph (dump.lead_paragraph, the
first paragraph of the first article as the old version cleans it (from round 5 on, as
the new version does, so that the lead is not held back by clutter the brief is spared);
when that is under 15
words, the first raw paragraph of 15 words or more), and the two briefs (120 words,
analysis off), each sentence followed by its cited article numbers. OUTDIR/key.json maps
the letters back; the reader never sees it. The readers' label files (one JSON line per
packet, as reader_instructions.md asks) become the round's rubric file with

  .venv/bin/python benchmarks/editor/packets.py labels ROUND OUTDIR LABELS > rubric_roundN.jsonl
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
ROUNDS = {
    "1": (("multinews_dev250.jsonl", range(200, 240)), ("duc2006.jsonl", range(40, 50))),
    "2": (("multinews_dev250.jsonl",
           [*range(108, 125), *(r for r in range(185, 200) if r not in (191, 196)),
            *range(240, 250)]),
          ("duc2006.jsonl", [*range(26, 30), *range(31, 37)])),
    "3": (("multinews_dev250.jsonl", [*range(125, 137), *range(138, 144), *range(146, 176)]),
          ("duc2006.jsonl", [37, 38])),
    "4": (("duc2007_update_b.jsonl:old", range(10)), ("duc2007_update_b.jsonl", range(10)),
          ("t17_days", range(30))),
    "5": (("t17_days_5", range(40)),),
    "6": (("t17_days_6", range(40)),),
    "7": (("t17_days_7", range(40)),),
    "8": (("multinews_dev250.jsonl", [2, 4, 7, 14, 22, 24, 25, 32, 33, 35, 40, 42, 45, 47, 60, 68,
                                      69, 70, 73, 76, 81, 82, 90, 93, 95, 104, 176, 178, 179,
                                      181, 182, 184]),
          ("duc2006.jsonl", [2, 3, 8, 12, 21, 23, 25, 39])),
    "9": (("multinews_dev250.jsonl", [1, 3, 6, 8, 9, 11, 17, 19, 23, 26, 27, 28, 31, 38, 39, 50,
                                      52, 53, 57, 58, 59, 64, 72, 78, 79, 83, 85, 89, 102, 105,
                                      183, 196]),
          ("duc2006.jsonl", [1, 5, 9, 10, 13, 16, 17, 18])),
}
ROUNDS["10"] = ROUNDS["4"]
# Round 11 (thirty-first session): 50 of the 134 Timeline17 days of two or more articles
# that no draw above takes (`clutter_audit.clusters`), drawn with seed 3111; their briefs
# had been read for clutter only.
ROUNDS["11"] = (("t17_audit", sorted(random.Random(3111).sample(range(134), 50))),)
# Round 12 (thirty-seventh session): round 3's 50 clusters again, read last at the third
# session's code; the leads as the new version cleans them, partial support starred.
ROUNDS["12"] = ROUNDS["3"]
OLD_LEAD_ROUNDS = ("1", "2", "3", "4")  # the lead paragraph as "before" cleans it
# Timeline17 day clusters: (topic, how many days) drawn with a seed, from the days with at
# least three articles that no earlier draw took; each cluster is the day's first six.
T17_DRAWS = {
    "t17_days": (4, (("haiti", 10), ("h1n1", 10), ("libya", 10))),
    "t17_days_5": (5, (("haiti", 5), ("h1n1", 10), ("libya", 15), ("finan", 10))),
    "t17_days_6": (6, (("haiti", 4), ("h1n1", 12), ("libya", 16), ("finan", 8))),
    "t17_days_7": (7, (("h1n1", 5), ("libya", 29), ("finan", 6))),
}
# The free days read while working between rounds 4 and 5: no later draw takes them.
READ_BEFORE_ROUND_6 = frozenset(
    [f"t17/finan/{d}" for d in ("2008-09-20",)]
    + [f"t17/h1n1/2009-{d}" for d in ("05-03", "05-16", "05-19", "06-19", "06-24")]
    + [f"t17/libya/2011-{d}" for d in (
        "02-25", "03-01", "03-02", "03-19", "03-24", "03-25", "03-27", "04-08", "04-11",
        "04-25", "05-01", "05-17", "05-27", "06-10", "06-15", "08-04", "08-12", "08-24",
        "08-26")])
LATER_DRAWS = ("t17_days_6", "t17_days_7")  # drawn after READ_BEFORE_ROUND_6 was read
T17_ARTICLES = 6


def data_lines(name: str) -> list[dict]:
    """The clusters of a round's source as data lines ({"id", "documents"}): a file of
    ../shared/data, its `old` articles ("FILE:old"), or Timeline17's day clusters."""
    if name in T17_DRAWS:
        return t17_days(name)
    if name == "t17_audit":
        from clutter_audit import clusters  # (it reads this module's draws)
        return clusters()
    file, _, part = name.partition(":")
    lines = [json.loads(line) for line in (DATA / file).open()]
    if part == "old":
        return [{"id": f"{obj['topic']}-A", "documents": obj["old"]} for obj in lines]
    return lines


def t17_days(name: str) -> list[dict]:
    """The day clusters of draw `name` (T17_DRAWS), each draw taking days that the draws
    before it did not."""
    topics: dict[str, list[dict]] = {}
    for line in (DATA / "t17_dev.jsonl").open():
        obj = json.loads(line)
        topics.setdefault(obj["topic"], obj["documents"])
    taken: set[str] = set()
    for draw, (seed, counts) in T17_DRAWS.items():
        rng, out = random.Random(seed), []
        for topic, count in counts:
            days: dict[str, list[dict]] = {}
            for doc in topics[topic]:
                days.setdefault(doc["published"], []).append(doc)
            skip = taken | (READ_BEFORE_ROUND_6 if draw in LATER_DRAWS else frozenset())
            busy = sorted(day for day, docs in days.items()
                          if len(docs) >= 3 and f"t17/{topic}/{day}" not in skip)
            for day in sorted(rng.sample(busy, count)):
                out.append({"id": f"t17/{topic}/{day}", "documents": [
                    {"text": detokenize(d["text"]), "published": d["published"]}
                    for d in days[day][:T17_ARTICLES]]})
        taken |= {obj["id"] for obj in out}
        if draw == name:
            return out
    raise KeyError(name)


def t17_unused() -> list[str]:
    """Timeline17 days with three or more articles that no draw takes: free to read."""
    taken = {obj["id"] for name in T17_DRAWS for obj in t17_days(name)}
    free = set()
    for line in (DATA / "t17_dev.jsonl").open():
        obj = json.loads(line)
        counts: dict[str, int] = {}
        for doc in obj["documents"]:
            counts[doc["published"]] = counts.get(doc["published"], 0) + 1
        free |= {f"t17/{obj['topic']}/{d}" for d, n in counts.items() if n >= 3}
    return sorted(free - taken)


_DETOKENIZE = [(r"-LRB-\s*", "("), (r"\s*-RRB-", ")"), (r"-LSB-\s*", "["), (r"\s*-RSB-", "]"),
               (r"``\s*", '"'), (r"\s*''", '"'), (r" (?=(?:'s|'re|'ve|'ll|'d|'m|n't)\b)", ""),
               (r" (?=[,.;:?!%])", ""), (r"\$ (?=\d)", "$")]


def detokenize(text: str) -> str:
    """Timeline17's tokenised sentences ("Egypt 's", "-LRB- Reuters -RRB-") as written."""
    for pattern, repl in _DETOKENIZE:
        text = re.sub(pattern, repl, text)
    return text


def briefs(round_: str, out: Path) -> None:
    from storyline import Options, summarize
    from storyline.brief.ingest import to_articles

    sys.path.insert(0, str(Path(__file__).parent))
    from dump import lead_paragraph

    with out.open("w") as f:
        for name, rows in ROUNDS[round_]:
            for row, obj in enumerate(data_lines(name)):
                if row in rows:
                    articles = to_articles(obj["documents"])
                    brief = summarize(articles, options=Options(words=120, analysis=False))
                    f.write(json.dumps({"set": name, "row": row, "id": obj["id"],
                                        "lead": lead_paragraph(articles),
                                        "brief": brief.to_dict()}) + "\n")


def first_paragraph(texts: list[str]) -> str:
    for text in texts:
        paragraphs = [p.strip() for p in re.split(r"\n", text) if len(p.split()) >= 15]
        if paragraphs:
            return paragraphs[0]
    return ""


def account(brief: dict, partial: bool = False) -> str:
    """The brief as the reader sees it; with `partial`, "3*" marks a source that states
    only part of the sentence, as the product prints it (packets of round 6 on)."""
    said = []
    for sentence in brief["sentences"]:
        marks = {s["article"]: "*" if partial and s.get("support") == "partial" else ""
                 for s in sentence["sources"]}
        ids = [a + marks[a] for a in sorted(marks, key=lambda a: (len(a), a))]
        said.append(sentence["text"] + (f" [{', '.join(ids)}]" if ids else ""))
    return " ".join(said)


def packets(round_: str, before: Path, after: Path, outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    rng, key = random.Random(12), {}
    rows = {(name, i): obj for name, _ in ROUNDS[round_]
            for i, obj in enumerate(data_lines(name))}
    old = [json.loads(line) for line in before.open()]
    new = [json.loads(line) for line in after.open()]
    for number, (b, a) in enumerate(zip(old, new, strict=True), 1):
        texts = [d["text"] if isinstance(d, dict) else d for d in rows[(b["set"], b["row"])]["documents"]]
        # the lead paragraph as the version read cleans it (rounds 1 to 4: the older one)
        shown = (a if round_ not in OLD_LEAD_ROUNDS else b)["lead"]
        lead = shown if len(shown.split()) >= 15 else first_paragraph(texts)
        partial = round_ not in OLD_LEAD_ROUNDS + ("5",)
        accounts = {"lead": lead, "before": account(b["brief"], partial),
                    "after": account(a["brief"], partial)}
        letters = list(accounts)
        rng.shuffle(letters)
        key[b["id"]] = dict(zip("ABC", letters))
        cap = 350 if len(texts) <= 6 else 120
        parts = [f"# Cluster {number:02d} ({len(texts)} articles)", f"## Articles (first {cap} words)"]
        parts += [f"### Article {j}\n{' '.join(t.split()[:cap])}" for j, t in enumerate(texts, 1)]
        parts += ["## Candidates"] + [f"### {c}\n{accounts[key[b['id']][c]]}" for c in "ABC"]
        (outdir / f"packet_{number:02d}.md").write_text("\n\n".join(parts) + "\n")
    (outdir / "key.json").write_text(json.dumps(key, indent=1))


SET_NAMES = {"multinews_dev250.jsonl": "multinews_dev250", "duc2006.jsonl": "duc2006",
             "duc2007_update_b.jsonl:old": "duc2007_update_a",
             "duc2007_update_b.jsonl": "duc2007_update_b", "t17_days": "t17_days",
             "t17_days_5": "t17_days", "t17_days_6": "t17_days", "t17_days_7": "t17_days",
             "t17_audit": "t17_days"}


def labels(round_: str, outdir: Path, files: list[Path]) -> None:
    """Print the rubric lines of a round: each packet's labels under the accounts' names
    (the reader's note keeps the shuffled letters)."""
    sets = {obj["id"]: SET_NAMES[name] for name, rows in ROUNDS[round_]
            for i, obj in enumerate(data_lines(name)) if i in rows}
    for row in label_rows(outdir, sets, files):
        print(json.dumps(row))


def label_rows(outdir: Path, sets: dict[str, str], files: list[Path]) -> list[dict]:
    """The readers' labels of the packets in `outdir`, one row per packet in packet
    order, under the accounts' names (`key.json`) with each cluster's set (`sets`)."""
    key = json.loads((outdir / "key.json").read_text())
    clusters = list(key)  # in packet order
    read = {int(obj["packet"]): obj for f in files for obj in map(json.loads, f.open())}
    rows = []
    for number in sorted(read):
        label, cluster = read[number], clusters[number - 1]
        letters = key[cluster]
        row = {"set": sets[cluster], "cluster": cluster}
        row.update({letters[c]: label[c] for c in "ABC"})
        row.update(run=letters[label["run"]], ranking=[letters[c] for c in label["ranking"]],
                   note=label["note"])
        rows.append(row)
    return rows

if __name__ == "__main__":
    if sys.argv[1] == "briefs":
        briefs(sys.argv[2], Path(sys.argv[3]))
    elif sys.argv[1] == "labels":
        labels(sys.argv[2], Path(sys.argv[3]), [Path(f) for f in sys.argv[4:]])
    else:
        packets(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5]))
