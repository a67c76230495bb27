"""Print briefs beside the lead paragraph of each cluster's first article, for reading.

    python benchmarks/editor/dump.py ../shared/data/multinews_dev250.jsonl 0 20 > /tmp/read.txt

The output holds article text: keep it outside the repository.
"""

from __future__ import annotations

import sys

from storyline import Options, summarize
from storyline.brief.clean import clean_all
from storyline.brief.ingest import to_articles
from storyline.brief.render import render
from storyline.evaluate.data import read_clusters


def lead_paragraph(documents) -> str:
    articles, _ = clean_all(to_articles(documents))
    first = articles[0].text.split("\n\n")
    return next((p for p in first if len(p.split()) >= 15), first[0])


def main() -> None:
    path, start, stop = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    words = int(sys.argv[4]) if len(sys.argv) > 4 else 120
    for i, cluster in enumerate(read_clusters(path)):
        if not start <= i < stop:
            continue
        brief = summarize(cluster.articles, options=Options(words=words, analysis=False))
        print(f"=== [{i}] {cluster.id}  ({len(cluster.articles)} articles)")
        print("--- LEAD:", lead_paragraph(cluster.articles))
        print("--- BRIEF:")
        print(render(brief, "text"))


if __name__ == "__main__":
    main()
