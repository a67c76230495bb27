"""How well undated articles are placed in a story's phases, on newswire with known dates.

    .venv/bin/python benchmarks/phases.py [--ratios 1.2,1.5,2] [--data duc2006|duc2007]

DUC 2006 and DUC 2007 (update task, both sets of each topic) are clusters of dated news
articles about one topic, spread over months or years. Each article in turn loses its
date; the phases are found from the others (`storyline.brief.phases.find`), and the
undated article is placed in one of them or in none. A placement is right when the
article's true date falls in the phase's span widened by `GAP_DAYS` on each side (the
phase its date would have joined). Reports, for each `CLEAR_RATIO`: how many of the
articles that had two or more phases to choose from were placed (coverage) and how many
placements were right (precision). The rule was set on DUC 2006; DUC 2007 is held out.
Reads ../shared/data by path.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

from storyline.brief import clean, phases
from storyline.brief.ingest import to_articles

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def clusters(name: str):
    if name == "duc2006":
        for line in (DATA / "duc2006.jsonl").open():
            row = json.loads(line)
            dates = [_date_of_id(d) for d in row["doc_ids"]]
            yield row["id"], row["documents"], dates
    else:
        for line in (DATA / "duc2007_update_b.jsonl").open():
            row = json.loads(line)
            yield (row["id"], row["old"] + row["documents"],
                   row["old_doc_dates"] + row["doc_dates"])


def _date_of_id(doc_id: str) -> str:
    m = re.search(r"((?:19|20)\d\d)(\d\d)(\d\d)", doc_id)
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ratios", default="1.2,1.5,2.0")
    parser.add_argument("--data", default="duc2006", choices=["duc2006", "duc2007"])
    args = parser.parse_args()
    ratios = [float(r) for r in args.ratios.split(",")]
    counts = {r: {"candidates": 0, "placed": 0, "right": 0} for r in ratios}
    for _, documents, dates in clusters(args.data):
        articles, _ = clean.clean_all(to_articles(documents))
        articles = [replace(a, published=d) for a, d in zip(articles, dates, strict=True)]
        for k, article in enumerate(articles):
            hidden = articles[:k] + [replace(article, published=None)] + articles[k + 1:]
            for ratio in ratios:
                with mock.patch.object(phases, "CLEAR_RATIO", ratio):
                    found = phases.find(hidden)
                if len(found) < 2:
                    continue
                counts[ratio]["candidates"] += 1
                home = [p for p in found if article.id in p.articles]
                if home:
                    counts[ratio]["placed"] += 1
                    counts[ratio]["right"] += _within(article.published, home[0])
    print(f"| {args.data}: CLEAR_RATIO | articles to place | placed (coverage) "
          "| right (precision) |")
    print("|---|---|---|---|")
    for ratio, c in counts.items():
        coverage = c["placed"] / c["candidates"] if c["candidates"] else 0
        precision = c["right"] / c["placed"] if c["placed"] else 0
        print(f"| {ratio} | {c['candidates']} | {c['placed']} ({coverage:.2f}) | "
              f"{c['right']} ({precision:.2f}) |")


def _within(day: str, phase) -> bool:
    slack = timedelta(days=phases.GAP_DAYS)
    return (date.fromisoformat(phase.start) - slack <= date.fromisoformat(day)
            <= date.fromisoformat(phase.end) + slack)


if __name__ == "__main__":
    main()
