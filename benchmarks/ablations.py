"""What each readability choice of the default costs or gains in ROUGE on Multi-News.

Each variant turns one part off (by replacing a constant or function of the library in
this process only) and scores the 250-word briefs of every cluster with ROUGE-1/2 F1
(storyline.evaluate's scorer: rouge-score, Porter stemming). Needs the eval extra; reads
../shared/data/multinews_dev250.jsonl by path.

Run: .venv/bin/python benchmarks/ablations.py [VARIANT ...]
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np

import storyline.brief.group as group
import storyline.brief.score as score
import storyline.brief.segment as segment
import storyline.brief.select as select
from storyline import summarize
from storyline.evaluate.rouge import Rouge, cut

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews_dev250.jsonl"


def _dangling(words: str):
    return lambda: setattr(score, "_DANGLING", re.compile(rf"""^["'“‘]?({words})\b""", re.I))


VARIANTS = {
    "default": lambda: None,
    "no-topic-space": lambda: (setattr(select, "TOPIC_REDUNDANT", 2.0),
                               setattr(select, "topic_space",
                                       lambda gram, dims: np.zeros((gram.shape[0], 1)))),
    "no-dangling": lambda: setattr(score, "DANGLING_FACTOR", 1.0),
    "pronouns-only": _dangling(r"i|we|you|our|he|she|they|his|her|their|him|them|the two|this"
                               r"|these|those|that|it['’]s"),
    "no-quote-tail": lambda: setattr(segment, "_ends_earlier_quotation", lambda text: False),
    "no-medoid": lambda: setattr(group, "_medoid_first", lambda members, s, v: tuple(members)),
    "no-lead-overlap": lambda: setattr(select, "LEAD_OVERLAP", 0.0),
    "no-demonstratives": _dangling(r"i|we|you|our|he|she|they|his|her|their|him|them|but|and"
                                   r"|however|also|meanwhile|the two|it['’]s"),
}


def rouge(clusters: list[dict]) -> str:
    rouge = Rouge("f1")
    scores = [rouge.score(cut([s.text for s in summarize(c["documents"], words=250).sentences],
                              250), c["summaries"]) for c in clusters]
    return " / ".join(f"{np.mean([s[m] for s in scores]):.2f}" for m in ("rouge1", "rouge2"))


def main() -> None:
    if not DATA.exists():
        sys.exit(f"{DATA} not found")
    clusters = [json.loads(line) for line in DATA.open() if line.strip()]
    names = sys.argv[1:] or list(VARIANTS)
    print("| variant | ROUGE-1 / ROUGE-2 |\n|---|---|")
    for name in names:  # each variant in a fresh process, so one's patch never leaks
        if len(names) > 1:
            print(subprocess.run([sys.executable, __file__, name], capture_output=True,
                                 text=True, check=True).stdout.splitlines()[-1], flush=True)
            continue
        VARIANTS[name]()
        print(f"| {name} | {rouge(clusters)} |")


if __name__ == "__main__":
    main()
