"""How well the analysis's rules pick the figure sentences spaCy must read.

    .venv/bin/python benchmarks/figure_rules.py [--clusters 60] [--data FILE]

The analysis parses only the sentences whose figures may be compared with another
article's (`figures.worth_parsing`): the rules read each number's counted noun and
amount (`figures.keyed_amounts`) and the words of the times a sentence may name
(`figures._time_words`). This script parses every sentence with a number (the
reference) and reports, on the first N clusters of a JSON Lines file (default: the
Multi-News dev sample, read from ../shared/data by path):

- keys: of the figures spaCy reads, those whose kind and counted noun the rules find;
- times: of the sentence pairs (two articles) that spaCy gives the same named times,
  those that share a time word (undated figures are compared only then, or within one
  statement);
- pairs: of the figure pairs that `figures.compare` joins into a group (comparable, and
  of one time; or days apart, contradicting, and a state that may change), those whose
  sentences are both picked, all of them and those that contradict (a pair that agrees
  matters only in a group where two contradict);
- output: clusters whose disagreements and changes are the same from the picked
  sentences as from all, and the sentences parsed.

Articles are dated from the text, as a batch dates them, or by a `published` field;
DUC document ids (APW19990707.0181) give theirs.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import replace
from pathlib import Path

from storyline.analyze import figures, language
from storyline.brief import clean, dating, group, segment, vectors
from storyline.brief.ingest import to_articles

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_dev250.jsonl"


def documents(row: dict) -> list:
    if "doc_ids" in row and all(isinstance(d, str) for d in row["documents"]):
        return [{"text": t, "published": "{}-{}-{}".format(*m.groups())}
                if (m := re.search(r"((?:19|20)\d\d)(\d\d)(\d\d)", i)) else t
                for t, i in zip(row["documents"], row["doc_ids"], strict=True)]
    return row["documents"]


def key_of(reading) -> str:
    """The key `keyed_amounts` should give a reading of the parse."""
    if reading.kind == "age":
        return "age:" + reading.noun.split()[-1]
    if reading.kind == "money":
        return "money:" + reading.unit
    return "unit" if reading.kind != "count" else figures.noun_key(reading.noun)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=60)
    parser.add_argument("--data", default=str(DATA))
    args = parser.parse_args()
    n = dict.fromkeys(("readings", "keys found", "same times", "times linked",
                       "joined pairs", "pairs picked", "contradicting pairs",
                       "contradicting pairs picked", "clusters", "same output",
                       "with a number", "picked"), 0)
    rules_seconds = 0.0
    with open(args.data) as lines:
        for _, line in zip(range(args.clusters), lines, strict=False):
            articles, _ = clean.clean_all(dating.date_all(to_articles(documents(json.loads(line)))))
            sentences = segment.split_all(articles)
            facts = group.group(sentences, vectors.tfidf(sentences))
            fact_of = {k: i for i, f in enumerate(facts) for k in f.members}
            published = {a.id: a.published for a in articles}
            files = {a.id: a.file for a in articles}
            texts = {k: (sentences[k].article, sentences[k].text) for k in fact_of}
            start = time.process_time()
            picked = figures.worth_parsing(texts, published, fact_of)
            rules_seconds += time.process_time() - start
            every = sorted(k for k in fact_of if language.WORTH_PARSING.search(sentences[k].text))
            docs = dict(zip(every, language.nlp().pipe([sentences[k].text for k in every],
                                                      disable=["lemmatizer"]), strict=True))
            readings = []
            for k, doc in docs.items():
                keyed = figures.keyed_amounts(sentences[k].text)
                for r in figures._readings(doc, sentences[k], files, k)[:figures.MAX_PER_SENTENCE]:
                    n["readings"] += 1
                    n["keys found"] += key_of(r) in keyed
                    readings.append((k, replace(r, published=published.get(r.figure.article),
                                                fact=fact_of.get(k, -1 - k))))
            for i, (k, a) in enumerate(readings):
                for j, b in readings[i + 1:]:
                    when = figures._when(a, b) if a.comparable(b) else ""
                    if when == "same" or (when == "apart" and a.contradicts(b)
                                          and figures._may_change(a, b)):
                        n["joined pairs"] += 1
                        n["pairs picked"] += k in picked and j in picked
                        if a.contradicts(b):
                            n["contradicting pairs"] += 1
                            n["contradicting pairs picked"] += k in picked and j in picked
            times = {k: frozenset(figures._times(d)) for k, d in docs.items()}
            named = [k for k in docs if times[k]]
            for i, k in enumerate(named):
                for j in named[i + 1:]:
                    if sentences[k].article != sentences[j].article and times[k] == times[j]:
                        n["same times"] += 1
                        n["times linked"] += bool(figures._time_words(sentences[k].text)
                                                  & figures._time_words(sentences[j].text))
            n["clusters"] += 1
            n["same output"] += (
                figures.compare(docs, sentences, files, published, fact_of)
                == figures.compare({k: d for k, d in docs.items() if k in picked}, sentences,
                                   files, published, fact_of))
            n["with a number"] += len(every)
            n["picked"] += len(picked)
    print(json.dumps({**n, "rules_cpu_seconds": round(rules_seconds, 2)}, indent=1))


if __name__ == "__main__":
    main()
