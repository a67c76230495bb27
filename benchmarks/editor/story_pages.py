"""Story pages read as an editor reads them: the three dev streams grouped into stories
(`storyline stories add`), pages drawn from them, and blind A/B readings of two versions.

    # each version's stores, its src/ first on PYTHONPATH (the Timeline17 stream is made
    # from t17_dev.jsonl: every article, detokenized, in date order, without titles)
    PYTHONPATH=OLD/src .venv/bin/python benchmarks/editor/story_pages.py stores before/
    .venv/bin/python benchmarks/editor/story_pages.py stores after/
    # which stories to read: T17, DUC and Multi-News counts, a seed, stories to leave out
    .venv/bin/python benchmarks/editor/story_pages.py pick after/ 10 6 4 2101 [read.json] >x.json
    .venv/bin/python benchmarks/editor/story_pages.py packets before/ OLD/src after/ src \\
        pick.json OUTDIR
    .venv/bin/python benchmarks/editor/story_pages.py labels OUTDIR r1.jsonl r2.jsonl > x.jsonl
    .venv/bin/python benchmarks/editor/story_pages.py score x.jsonl
    .venv/bin/python benchmarks/editor/story_pages.py hunt r1.jsonl r2.jsonl > hunt.jsonl
    # stores split in two (the first 60% of each stream, a brief of each story of 3 or
    # more, then the rest): the updated stories' "what is new" (`updated()` lists them)
    .venv/bin/python benchmarks/editor/story_pages.py split split60/ 0.6

Stories of at least 5 articles (Timeline17, DUC 2006) or 3 (Multi-News). `packets` writes
each story's two pages (Markdown, `stories show`) as Page A and Page B in shuffled order
(seed 2102) and OUTDIR/key.json; readers follow `story_pages_instructions.md`. The label
files keep the readers' scores and notes, never the pages (they hold ../shared's text).

Read in issue 12's twenty-first round by AI agents instructed as news-app editors:
`story_pages_hunt.jsonl`, the pages of the round's start (`pick STORES 0 12 8 21`: 20
DUC 2006 and Multi-News stories, each page shown alone, read as
`story_pages_hunt_instructions.md` asks); `story_pages_ab.jsonl`, 20 other stories
(`pick ... 10 6 4 2101` leaving those out), the round's first version against its start;
`story_pages_ab_final.jsonl`, 20 more (`pick ... 10 6 4 2103` leaving both out), its
final version against its start. "What is new": `updates_hunt.jsonl`, 15 updated stories
of a 0.6 split of the Timeline17 and DUC streams (all 5 Timeline17 ones, 10 of 38 DUC,
seed 2105), each read alone with its previous brief and the new articles' titles;
`updates_ab.jsonl`, the 17 other updated stories of a 0.4 (Timeline17) and 0.6 split
(Multi-News, DUC) whose "what is new" differs between the round's start and its end,
two versions side by side.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from packets import DATA, detokenize

STREAMS = {"t17": None, "duc": DATA / "stories_duc2006.jsonl",
           "mn": DATA / "stories_multinews_dev.jsonl"}
LEAST = {"t17": 5, "duc": 5, "mn": 3}
STORYLINE = str(Path(sys.executable).with_name("storyline"))


def t17_stream(path: Path) -> Path:
    rows = []
    for line in (DATA / "t17_dev.jsonl").open():
        obj = json.loads(line)
        rows += [{"id": f"{obj['topic']}-{i}", "text": detokenize(d["text"]),
                  "published": d["published"]} for i, d in enumerate(obj["documents"])]
    rows.sort(key=lambda r: (r["published"], r["id"]))
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def stores(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, source in STREAMS.items():
        source = source or t17_stream(out / "t17stream.jsonl")
        subprocess.run([STORYLINE, "stories", "add", str(source), "--db", str(out / f"{name}.db"),
                        "-j", "2"], check=True, capture_output=True)


def pick(store: str, counts: list[int], seed: int, read: list | None = None) -> list[list]:
    left_out = {tuple(x) for x in read or ()}
    out: list[list] = []
    for (name, least), n in zip(LEAST.items(), counts, strict=True):
        db = sqlite3.connect(f"file:{store}/{name}.db?mode=ro", uri=True)
        ids = [r[0] for r in db.execute("SELECT id FROM stories WHERE size >= ? ORDER BY id",
                                        (least,)) if (name, r[0]) not in left_out]
        out += [[name, i] for i in random.Random(seed).sample(ids, n)]
    return out


def page(stores_dir: str, src: str, name: str, story: int) -> str:
    env = {**os.environ, "PYTHONPATH": src}
    shown = subprocess.run([STORYLINE, "stories", "show", str(story), "--db",
                            f"{stores_dir}/{name}.db", "-f", "markdown"],
                           capture_output=True, text=True, env=env, check=True).stdout
    return shown.replace(f"# Story {story}: ", "# ")  # (the story's number says nothing)


def packets(before: str, before_src: str, after: str, after_src: str, chosen: list,
            out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng, key, parts = random.Random(2102), {}, []
    for name, story in chosen:
        old, new = page(before, before_src, name, story), page(after, after_src, name, story)
        flip = rng.random() < 0.5
        key[f"{name}-{story}"] = {"A": "after" if flip else "before",
                                  "B": "before" if flip else "after"}
        a, b = (new, old) if flip else (old, new)
        parts.append(f"\n\n=============== STORY {name}-{story} ===============\n\n"
                     f"----- Page A -----\n\n{a}\n\n----- Page B -----\n\n{b}")
    (out / "pages.md").write_text("".join(parts))
    (out / "key.json").write_text(json.dumps(key, indent=1))


def unquoted(note: str) -> str:
    """A reader's note without the article text it quotes."""
    return _QUOTED.sub("\"…\"", note)


# (a single quotation may hold apostrophes: 'Netanyahu's pledge of more settlements')
_QUOTED = re.compile(r"[\"“][^\"“”]{12,}?[\"”]|(?<!\w)['‘](?:[^'‘’]|['’](?=\w)){12,}?['’](?!\w)")


def split_stores(out: Path, share: float) -> None:
    """Stores of each stream's first `share` of articles (arrival order), with a brief of
    every story of 3 articles or more, then the rest added: the stories a reader comes back
    to, whose page tells what is new since that brief."""
    out.mkdir(parents=True, exist_ok=True)
    for name, source in STREAMS.items():
        rows = (source or t17_stream(out / "t17stream.jsonl")).read_text().splitlines(True)
        cut = int(len(rows) * share)
        db = str(out / f"{name}.db")
        for part, lines in (("1", rows[:cut]), ("2", rows[cut:])):
            path = out / f"{name}-{part}.jsonl"
            path.write_text("".join(lines))
            subprocess.run([STORYLINE, "stories", "add", str(path), "--db", db], check=True,
                           capture_output=True)
            if part == "1":
                for (story,) in sqlite3.connect(db).execute(
                        "SELECT id FROM stories WHERE size >= 3"):
                    subprocess.run([STORYLINE, "stories", "show", str(story), "--db", db],
                                   check=True, capture_output=True)


def updated(db: str) -> list[int]:
    """The stories of a split store that have a brief from before the rest came."""
    return [r[0] for r in sqlite3.connect(db).execute(
        "SELECT id FROM stories s WHERE EXISTS (SELECT 1 FROM briefs b WHERE b.story = s.id "
        "AND b.version < s.version) ORDER BY id")]


def labels(outdir: Path, files: list[str]) -> None:
    key = json.loads((outdir / "key.json").read_text())
    for reader, path in enumerate(files, 1):
        for line in Path(path).open():
            row = json.loads(line)
            versions = key[row["story"]]
            print(json.dumps({"story": row["story"], "reader": reader,
                              **{versions[x]: row[x] for x in "AB"},
                              "prefer": versions.get(row["prefer"], "tie"),
                              "note": unquoted(row.get("why", ""))}))


def score(path: str) -> None:
    rows = [json.loads(line) for line in open(path)]
    for reader in sorted({r["reader"] for r in rows}):
        mine = [r for r in rows if r["reader"] == reader]
        prefer = {v: sum(r["prefer"] == v for r in mine) for v in ("after", "before", "tie")}
        means = {v: {k: round(sum(float(r[v][k]) for r in mine) / len(mine), 2)
                     for k in mine[0][v]} for v in ("before", "after")}
        print(f"reader {reader}: {len(mine)} stories, prefer {prefer}; before {means['before']};"
              f" after {means['after']}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "stores":
        stores(Path(args[0]))
    elif command == "pick":
        read = json.loads(Path(args[5]).read_text()) if len(args) > 5 else None
        print(json.dumps(pick(args[0], [int(x) for x in args[1:4]], int(args[4]), read)))
    elif command == "packets":
        packets(*args[:4], json.loads(Path(args[4]).read_text()), Path(args[5]))
    elif command == "split":
        split_stores(Path(args[0]), float(args[1]))
    elif command == "labels":
        labels(Path(args[0]), args[1:])
    elif command == "hunt":  # the page readings: each reader's file, article text left out
        for reader, path in enumerate(args, 1):
            for line in Path(path).open():
                row = json.loads(line)
                row = {k: len(v) if isinstance(v, list) and k != "defects" else v
                       for k, v in row.items()}  # (sentences quoted: counted)
                row["defects"] = [{k: d[k] for k in ("part", "kind", "why") if k in d}
                                  for d in row.get("defects", [])]
                row["headline_why"] = unquoted(row.get("headline_why", ""))
                print(json.dumps({"reader": reader, **row}))
    elif command == "score":
        score(args[0])
    else:
        sys.exit(__doc__)
