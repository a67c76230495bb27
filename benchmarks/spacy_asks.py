"""What the analysis still asks spaCy for, cluster by cluster, and what it reads back.

    .venv/bin/python benchmarks/spacy_asks.py [--clusters 200] [--data PATH]

Summarizes the first N clusters of the Multi-News dev sample one at a time (250 words,
analysis on) and sorts the sentences each asks spaCy for by purpose:

- "dates": an undecided date candidate, tagged and parsed without entities, for
  `dates.main_event` (the date's governing verb, its tag and auxiliaries, the path of
  dependencies to the root, the lemma of a verb of saying);
- "figure entities": a sentence whose figures may be compared, read for its entities
  alone (CARDINAL, QUANTITY, MONEY and a person's name: a figure; DATE, TIME, EVENT: the
  times it names), so that `figures.worth_parsing` keeps only those still comparable;
- "figure parse": those then tagged and parsed (the counted noun, its verb, modifiers,
  places), and the other sentences of their articles where figures contradict.

It prints the clusters by what they need (nothing: spaCy is never loaded for them), the
sentences by purpose, how `main_event` decided (a past root or a verb joined to it; not
past, by the governing word's tag; not joined to the root, by its dependency; a modal),
and why a sentence read for its entities was not parsed (no figure entity; or no other
sentence naming the same times). Reads ../shared/data/multinews_dev250.jsonl by path.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import storyline.faces.cli  # noqa: F401  (one BLAS thread, as the command runs)
from storyline.analyze import dates, figures, language
from storyline.engine.batch import summarize_lines
from storyline.options import Options

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_dev250.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--data", default=str(DATA))
    args = parser.parse_args()
    asked: Counter = Counter()  # this cluster's sentences by purpose
    sentences: Counter = Counter()
    verdicts: Counter = Counter()
    dropped: Counter = Counter()

    parse_many = language.parse_many

    def counting(requests):
        for sents, priority, entities, tagged in requests:
            first = not asked["calls"]
            for k in language._wanted(sents, priority):
                named = entities is None or k in entities
                parsed = tagged is None or k in tagged
                purpose = ("figure parse" if not first else "dates" if parsed and not named
                           else "figure entities" if named and not parsed
                           else "dates and figure entities")
                asked[purpose] += 1
            asked["calls"] += 1
        return parse_many(requests)

    main_event = dates.main_event

    def deciding(doc, start):
        verdict = main_event(doc, start)
        token = next((t for t in doc if t.idx >= start), None)
        verb = token
        while verb is not None and verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        if verdict:
            verdicts[f"yes: {verb.dep_}"] += 1
        elif verb is None:
            verdicts["no: no token"] += 1
        elif any(c.dep_ in ("aux", "auxpass") and c.lower_ in dates._MODALS
                 for c in verb.children):
            verdicts["no: modal"] += 1
        elif verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
                c.dep_ in ("aux", "auxpass") for c in verb.children)):
            verdicts[f"no: past, but {verb.dep_}"] += 1
        else:
            verdicts[f"no: not past ({verb.tag_})"] += 1
        return verdict

    may_have_figures = figures._may_have_figures

    def figure_entities(doc):
        found = may_have_figures(doc)
        dropped["no figure entity"] += not found
        return found

    language.parse_many = counting
    dates.main_event = deciding
    figures._may_have_figures = figure_entities
    needs: Counter = Counter()
    options = Options(words=250)
    with open(args.data, "rb") as lines:
        for number, line in zip(range(1, args.clusters + 1), lines, strict=False):
            asked.clear()
            summarize_lines([(number, line)], options)
            date = asked["dates"] + asked["dates and figure entities"]
            figure = asked["figure entities"] + asked["dates and figure entities"]
            needs["nothing (spaCy not loaded)" if not (date or figure) else
                  "dates and figures" if date and figure else
                  "dates only" if date else "figures only"] += 1
            sentences.update({k: v for k, v in asked.items() if k != "calls"})
    read = sentences["figure entities"] + sentences["dates and figure entities"]
    dropped["no other sentence of the same times"] = (
        read - dropped["no figure entity"] - sentences["figure parse"])
    print(json.dumps({"clusters": args.clusters, "clusters by need": dict(needs),
                      "sentences by purpose": dict(sentences),
                      "dates: main_event": dict(sorted(verdicts.items())),
                      "figure entities: not parsed (about)": dict(dropped)}, indent=1))


if __name__ == "__main__":
    main()
