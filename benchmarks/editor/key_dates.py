"""Story pages' key dates read as an editor reads them: each version's key dates of every
story page of the dev stores (`story_pages.py stores`), and blind A/B readings of two.

    # each version's key dates, its src/ first on PYTHONPATH
    PYTHONPATH=OLD/src .venv/bin/python benchmarks/editor/key_dates.py dates STORES before.jsonl
    .venv/bin/python benchmarks/editor/key_dates.py dates STORES after.jsonl
    # the stories whose key dates differ (or N of them, drawn with SEED) as packets
    .venv/bin/python benchmarks/editor/key_dates.py packets STORES before.jsonl after.jsonl OUTDIR [N SEED]
    .venv/bin/python benchmarks/editor/key_dates.py labels OUTDIR r1.jsonl r2.jsonl > x.jsonl
    .venv/bin/python benchmarks/editor/key_dates.py score x.jsonl

The key dates are those of a story page (`storyline stories show`: `timeline` with ten
dates, one sentence each, `latest`) of the story's last 200 articles, copies left out
(numbered 1 to n here: the page's numbers do not change the dates or the lines).
A packet shows a story's articles (date and title, or the first words of the untitled;
the last 40) and its two lists as A and B in shuffled order (seed 28); readers follow
`key_dates_instructions.md`. The label files keep the readers' scores and notes without
the article text they quote.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from story_pages import LEAST, unquoted


def _stories(stores: str):
    for name, least in LEAST.items():
        db = sqlite3.connect(f"file:{stores}/{name}.db?mode=ro", uri=True)
        try:
            for (story,) in db.execute("SELECT id FROM stories WHERE size >= ? ORDER BY id",
                                       (least,)).fetchall():
                rows = db.execute(
                    "SELECT a.published, a.title, a.text, a.source, a.url FROM articles a "
                    "JOIN assignments s ON s.article = a.seq "
                    "WHERE s.story = ? AND s.copy_of IS NULL ORDER BY a.seq", (story,)).fetchall()
                yield f"{name}-{story}", rows
        finally:
            db.close()


def dates(stores: str, out: Path) -> None:
    from storyline import timeline
    from storyline.errors import StorylineError
    from storyline.model import Article

    with out.open("w") as f:
        for sid, rows in _stories(stores):
            articles = [Article(id=str(i), text=r[2], title=r[1], source=r[3], url=r[4],
                                published=r[0]) for i, r in enumerate(rows[-200:], 1)]
            try:
                days = [[d.date, d.sentences[0].text]
                        for d in timeline(articles, dates=10, per_date=1, latest=True).days]
            except StorylineError as e:
                days = str(e)
            f.write(json.dumps({"id": sid, "days": days}) + "\n")


def packets(stores: str, before: Path, after: Path, out: Path, n: int | None = None,
            seed: int = 0) -> None:
    versions = {name: {o["id"]: o["days"] for o in map(json.loads, path.open())}
                for name, path in (("before", before), ("after", after))}
    differ = [k for k in versions["before"] if versions["before"][k] != versions["after"].get(k)]
    if n is not None:
        drawn = set(random.Random(seed).sample(differ, min(n, len(differ))))
        differ = [k for k in differ if k in drawn]
    out.mkdir(parents=True, exist_ok=True)
    rng, key, parts = random.Random(28), {}, []
    for sid, rows in _stories(stores):
        if sid not in differ:
            continue
        first, second = ("before", "after") if rng.random() < 0.5 else ("after", "before")
        key[sid] = {"A": first, "B": second}
        lines = [f"=============== STORY {sid} ===============", f"Articles ({len(rows)}):"]
        lines += [f"- {(r[0] or 'undated')[:10]}: {r[1] or ' '.join(r[2].split()[:25]) + ' ...'}"
                  for r in rows[-40:]]
        for letter, version in (("A", first), ("B", second)):
            days = versions[version][sid]
            lines.append(f"\nKey dates {letter}:")
            lines += ([f"- {d}: {t}" for d, t in days] if isinstance(days, list)
                      else [f"(none: {days})"])
        parts.append("\n".join(lines))
    (out / "pages.md").write_text("\n\n".join(parts) + "\n")
    (out / "key.json").write_text(json.dumps(key, indent=1))
    print(len(key), "stories")


def labels(outdir: Path, files: list[Path]) -> None:
    key = json.loads((outdir / "key.json").read_text())
    for reader, path in enumerate(files, 1):
        for line in path.open():
            label = json.loads(line)
            letters = key[label["story"]]
            print(json.dumps({"story": label["story"], "reader": reader,
                              letters["A"]: label["A"], letters["B"]: label["B"],
                              "prefer": letters.get(label["prefer"], "tie"),
                              "why": unquoted(label["why"])}))


def score(path: Path) -> None:
    rows = [json.loads(line) for line in path.open()]
    print("| reader | stories | prefer before / after / tie | key dates before → after "
          "| noise | repeats |")
    print("|---|---|---|---|---|---|")
    for reader in sorted({r["reader"] for r in rows}):
        mine = [r for r in rows if r["reader"] == reader]

        def total(version, label, mine=mine):
            return sum(r[version][label] for r in mine)
        prefer = [sum(r["prefer"] == v for r in mine) for v in ("before", "after", "tie")]
        print(f"| {reader} | {len(mine)} | {' / '.join(map(str, prefer))} "
              f"| {total('before', 'timeline') / len(mine):.2f} → "
              f"{total('after', 'timeline') / len(mine):.2f} "
              f"| {total('before', 'noise')} → {total('after', 'noise')} "
              f"| {total('before', 'repeats')} → {total('after', 'repeats')} |")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "dates":
        dates(args[0], Path(args[1]))
    elif command == "packets":
        packets(args[0], Path(args[1]), Path(args[2]), Path(args[3]),
                *(int(a) for a in args[4:6]))
    elif command == "labels":
        labels(Path(args[0]), [Path(f) for f in args[1:]])
    elif command == "score":
        score(Path(args[0]))
    else:
        raise SystemExit(f"unknown command {command!r}: dates, packets, labels or score")
