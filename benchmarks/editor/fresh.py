"""Timeline17 day clusters that no earlier reading used, drawn for issue 12's twentieth round.

Every Multi-News and DUC 2006 dev cluster had been read by then, and the Timeline17 draws
of `packets.py` take a day's first articles (T17_ARTICLES). These draws take other articles
of the same days, so the texts are new to every reader and to every rule:

- "later_articles": 30 days with 9 or more articles, their 7th to 12th articles (seed 2020),
  read in `hunt_twentieth.jsonl` with 10 Multi-News dev clusters (seed 2020);
- "sweep": 80 days with 3 or more articles, their first 8 articles (seed 2021), read for
  page clutter only;
- "sweep2": 80 other such days, their 9th to 16th articles where a day has 11 or more, else
  their first 8 (seed 2022), read for page clutter only;
- "late": what the draws above left (twenty-second session): the days with 17 or more
  articles, their 17th to 24th, and the days no draw had taken, their first 8 (no seed:
  every such day).

`python benchmarks/editor/fresh.py NAME OUT` writes the draw as cluster lines (never commit
them: they hold ../shared's text).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from packets import DATA, T17_DRAWS, detokenize, t17_days


def _days(least: int) -> list[tuple[str, str, list[dict]]]:
    topics: dict[str, list[dict]] = {}
    for line in (DATA / "t17_dev.jsonl").open():
        obj = json.loads(line)
        topics.setdefault(obj["topic"], obj["documents"])
    out = []
    for topic, docs in topics.items():
        days: dict[str, list[dict]] = {}
        for doc in docs:
            days.setdefault(doc["published"], []).append(doc)
        out += [(topic, day, ds) for day, ds in sorted(days.items()) if len(ds) >= least]
    return out


def draw(name: str) -> list[dict]:
    if name == "later_articles":
        picked = random.Random(2020).sample(_days(9), 30)
        chosen = [(f"t17/{t}/{d}/b", ds[6:12]) for t, d, ds in sorted(picked, key=lambda p: p[:2])]
    elif name == "sweep":
        chosen = [(f"t17/{t}/{d}", ds[:8]) for t, d, ds in random.Random(2021).sample(_days(3), 80)]
    elif name == "sweep2":
        read = {c["id"] for c in draw("sweep")}
        pool = [p for p in _days(3) if f"t17/{p[0]}/{p[1]}" not in read]
        chosen = [(f"t17/{t}/{d}/s2", ds[8:16] if len(ds) >= 11 else ds[:8])
                  for t, d, ds in random.Random(2022).sample(pool, 80)]
    elif name == "late":
        taken = {"/".join(c["id"].split("/")[1:3]) for n in ("sweep", "sweep2", "later_articles")
                 for c in draw(n)}
        taken |= {c["id"][len("t17/"):] for n in T17_DRAWS for c in t17_days(n)}
        chosen = [(f"t17/{t}/{d}/late", ds[16:24]) for t, d, ds in _days(17)]
        chosen += [(f"t17/{t}/{d}", ds[:8]) for t, d, ds in _days(3) if f"{t}/{d}" not in taken]
    else:
        raise KeyError(name)
    return [{"id": cid, "documents": [{"text": detokenize(x["text"]), "published": x["published"]}
                                      for x in ds]} for cid, ds in chosen]


if __name__ == "__main__":
    with Path(sys.argv[2]).open("w") as out:
        for cluster in draw(sys.argv[1]):
            out.write(json.dumps(cluster) + "\n")
