"""Automatic reader measures over every dev cluster, for a brief-making system.

    .venv/bin/python benchmarks/editor/measures.py briefs now.jsonl     # make the briefs
    PYTHONPATH=../old/src .venv/bin/python benchmarks/editor/measures.py briefs old.jsonl
    .venv/bin/python benchmarks/editor/measures.py score old.jsonl now.jsonl

For each cluster of ../shared/data/multinews_dev250.jsonl and duc2006.jsonl, the brief
(default options, analysis off, 120 words) is read by:

- dangling: the share of brief sentences that lean on a sentence the brief does not
  show just before them (an opening pronoun or connective), that quote with nobody
  saying it (neither the sentence before nor the one after, adjacent in the article,
  says who speaks), or that name someone by surname before any earlier sentence of the
  brief names them in full, the first sentence (a lead) excepted (Storyline's own
  detectors, `brief.context`, applied to the brief as printed);
- clutter: sentences per brief that are page clutter (`brief.clean.is_clutter`), wire
  datelines or newswire codes left inside a sentence, or titles in the source list that
  are clutter;
- unsupported citations: cited sources whose sentence shares less than a third of the
  brief sentence's content words (stemmed, stop words out), an independent check of
  `brief.support`;
- background first: briefs whose first sentence is no article's lead (not among the
  first two sentences of an article), the usual place of the news.

The detectors are the ones the system itself uses (except the citation check), so the
measures show what the rules catch, not independent truth: the blind-labelled rubric
(benchmarks/editor/rubric.jsonl) is the independent check. To measure another version
of Storyline, make its briefs with its src/ first on PYTHONPATH; the scoring always uses
the current detectors, so every version is read by the same yardstick. The briefs files
hold article text: keep them outside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

if __name__ == "__main__" and sys.argv[1:2] == ["score"]:
    from storyline.brief.clean import is_clutter
    from storyline.brief.context import Names, needs, says_who
    from storyline.brief.vectors import terms

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
SETS = ("multinews_dev250.jsonl", "duc2006.jsonl")
_WIRE = re.compile(r"\((?:AP|Reuters|AFP|Xinhua|CNN)\)|&[A-Z]{2};|^[A-Z]{3,}[A-Z ,.]* (?:--|_) ")


def briefs(out: Path, words: int) -> None:
    """One JSON line per dev cluster: its set and the brief (with article texts)."""
    from storyline import Options, summarize
    from storyline.evaluate.data import read_clusters

    with out.open("w") as f:
        for name in SETS:
            for cluster in read_clusters(DATA / name):
                brief = summarize(cluster.articles, options=Options(words=words, analysis=False))
                f.write(json.dumps({"set": name, "id": cluster.id,
                                    "brief": brief.to_dict(texts=True)}) + "\n")


def _own(sentence: dict) -> dict:
    """The source whose words the brief sentence shows."""
    return next((c for c in sentence["sources"] if c["text"] == sentence["text"]),
                sentence["sources"][0])


def _adjacent(first: dict, second: dict, articles: dict) -> bool:
    """The two brief sentences stand next to each other in the same article."""
    a, b = _own(first), _own(second)
    return (a["article"] == b["article"]
            and articles[a["article"]]["text"][a["end"]:b["start"]].strip() == "")


def score(lines: list[dict]) -> dict:
    totals = {"clusters": 0, "sentences": 0, "dangling": 0, "clutter": 0, "citations": 0,
              "unsupported": 0, "background_first": 0, "clutter_titles": 0}
    for line in lines:
        brief = line["brief"]
        if not brief["sentences"]:
            continue
        totals["clusters"] += 1
        articles = {a["id"]: a for a in brief["articles"]}
        names = Names([a["text"] for a in brief["articles"]])
        named: set[str] = set()
        shown = brief["sentences"]
        for i, s in enumerate(shown):
            totals["sentences"] += 1
            need = needs(s["text"], names)
            follows = i > 0 and _adjacent(shown[i - 1], s, articles)
            followed = i + 1 < len(shown) and _adjacent(s, shown[i + 1], articles)
            # a quotation is said by the sentence it goes on from, or by the next one
            said = (follows and says_who(shown[i - 1]["text"])
                    or followed and says_who(shown[i + 1]["text"]))
            # the first sentence is an article's lead, written for a fresh reader
            unnamed = need.names - named if i else frozenset()
            if (need.antecedent and not follows) or (need.speaker and not said) or unnamed:
                totals["dangling"] += 1
            named |= names.introduced(s["text"])
            totals["clutter"] += is_clutter(s["text"]) or bool(_WIRE.search(s["text"]))
            mine = set(terms(s["text"]))
            for c in s["sources"]:
                totals["citations"] += 1
                theirs = set(terms(c["text"]))
                totals["unsupported"] += bool(mine) and len(mine & theirs) < len(mine) / 3
        first = brief["sentences"][0]
        own = next((c for c in first["sources"] if c["text"] == first["text"]),
                   first["sources"][0])
        before = articles[own["article"]]["text"][:own["start"]]
        totals["background_first"] += len(re.findall(r"[.!?][\"”’)]?\s", before)) >= 2
        cited = {c["article"] for s in brief["sentences"] for c in s["sources"]}
        totals["clutter_titles"] += sum(1 for a in brief["articles"] if a["id"] in cited
                                        and a["title"] and is_clutter(a["title"]))
    n = max(totals["clusters"], 1)
    return {**totals,
            "dangling_share": round(totals["dangling"] / max(totals["sentences"], 1), 4),
            "clutter_per_brief": round(totals["clutter"] / n, 4),
            "unsupported_share": round(totals["unsupported"] / max(totals["citations"], 1), 4),
            "background_first_share": round(totals["background_first"] / n, 4),
            "clutter_titles_per_brief": round(totals["clutter_titles"] / n, 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("briefs", help="make the dev briefs with the storyline on the path")
    make.add_argument("out", type=Path)
    make.add_argument("--words", type=int, default=120)
    read = commands.add_parser("score", help="measure briefs files side by side")
    read.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "briefs":
        briefs(args.out, args.words)
        return
    print("| briefs | set | dangling sentences | clutter sentences per brief | clutter titles "
          "per brief | citations sharing < 1/3 of the words | first sentence not a lead |")
    print("|---|---|---|---|---|---|---|")
    for path in args.files:
        lines = [json.loads(line) for line in path.open()]
        for name in SETS:
            r = score([x for x in lines if x["set"] == name])
            print(f"| {path.stem} | {name} ({r['clusters']}) | {r['dangling_share']:.1%} "
                  f"({r['dangling']} of {r['sentences']}) | {r['clutter_per_brief']:.2f} | "
                  f"{r['clutter_titles_per_brief']:.2f} | {r['unsupported_share']:.1%} | "
                  f"{r['background_first_share']:.1%} |")


if __name__ == "__main__":
    main()
