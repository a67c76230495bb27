"""Story detection scored the way the field scores it (Miranda et al., EMNLP 2018):
pairwise and B-cubed precision, recall and F1 against the gold `story` of each article
of a stream, stories found against the true number, singletons, articles per second
(start-up included) and peak memory, with a plain tf-idf single-pass baseline beside it.

    python -m storyline.evaluate.stories STREAM.jsonl [...]     (make bench-stories)
    python -m storyline.evaluate.stories --sweep STREAM.jsonl    thresholds, in-process
    python -m storyline.evaluate.stories --growth 1000,10000     time and memory as it grows

Storyline runs as users run it: `storyline stories add STREAM --db NEW` in a fresh
process, then `stories export`. An article the store does not take (no text once page
clutter is removed) counts as a story of its own; one with the exact text or url of an
earlier one is exported with that one's story.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

# --- scores -------------------------------------------------------------------------------


def scores(gold: list[str], found: list) -> dict[str, float]:
    """Pairwise and B-cubed precision, recall and F1 of a grouping against the gold one,
    plus the number of stories found, true, and singletons found."""
    n = len(gold)
    by_gold, by_found, both = Counter(gold), Counter(found), Counter(zip(gold, found))
    agree, found_pairs, gold_pairs = _pairs(both), _pairs(by_found), _pairs(by_gold)
    p = agree / found_pairs if found_pairs else 1.0
    r = agree / gold_pairs if gold_pairs else 1.0
    bp = sum(both[g, f] / by_found[f] for g, f in zip(gold, found)) / n
    br = sum(both[g, f] / by_gold[g] for g, f in zip(gold, found)) / n
    return {"pairwise_p": p, "pairwise_r": r, "pairwise_f1": _f1(p, r),
            "bcubed_p": bp, "bcubed_r": br, "bcubed_f1": _f1(bp, br),
            "stories": len(by_found), "true_stories": len(by_gold),
            "singletons": sum(1 for c in by_found.values() if c == 1)}


def _pairs(counts: Counter) -> int:
    return sum(c * (c - 1) // 2 for c in counts.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def read_stream(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --- runs ---------------------------------------------------------------------------------


def run_storyline(stream: str | Path, *extra: str) -> dict:
    """`storyline stories add` on a new store in a fresh process: the grouping, wall
    time from process start to exit, and the process's peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "s.db")
        cli = [str(Path(sys.executable).parent / "storyline"), "stories"]
        seconds, peak = _timed(cli + ["add", str(stream), "--db", db, *extra])
        out = subprocess.run(cli + ["export", "--db", db], capture_output=True, text=True,
                             check=True).stdout
    return {"story": {json.loads(x)["id"]: json.loads(x)["story"] for x in out.splitlines()},
            "seconds": seconds, "peak_mb": peak}


def run_baseline(stream: str | Path, threshold: float) -> dict:
    """The plain baseline in a fresh process of its own (see `baseline`)."""
    code = ("import json, sys; from storyline.evaluate.stories import baseline, read_stream; "
            "rows = read_stream(sys.argv[1]); "
            "print(json.dumps(baseline(rows, float(sys.argv[2]))))")
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        seconds, peak = _timed([sys.executable, "-c", code, str(stream), str(threshold)],
                               stdout=out)
        with open(out.name, encoding="utf-8") as f:
            found = json.load(f)
    return {"story": found, "seconds": seconds, "peak_mb": peak}


def _timed(command: list[str], stdout=subprocess.DEVNULL) -> tuple[float, float]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"{command[:6]} failed with status {status}")
    return seconds, usage.ru_maxrss / 1024


def baseline(rows: list[dict], threshold: float) -> dict[str, int]:
    """A plain tf-idf single pass, as the field's simplest online baseline: the whole
    text's words (lower-cased, no stemming, no stop list), idf from the stream so far,
    each article against every story's centroid (no index, no window, no cleaning, no
    near duplicates); join the best story at `threshold` or more, else open one."""
    df: Counter = Counter()
    centroids: list[dict[str, float]] = []
    sizes: list[int] = []
    found: dict[str, int] = {}
    word = re.compile(r"\w+")
    for n, row in enumerate(rows, 1):
        tf = Counter(word.findall(((row.get("title") or "") + " " + row["text"]).lower()))
        df.update(tf.keys())
        vector = {t: (1 + math.log(c)) * math.log((n + 1) / df[t]) for t, c in tf.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vector = {t: w / norm for t, w in vector.items()}
        best, similarity = -1, 0.0
        for s, centroid in enumerate(centroids):
            sim = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
            if sim > similarity:
                best, similarity = s, sim
        if best >= 0 and similarity >= threshold:
            k = sizes[best]
            merged = {t: w * k for t, w in centroids[best].items()}
            for t, w in vector.items():
                merged[t] = merged.get(t, 0.0) + w
            norm = math.sqrt(sum(w * w for w in merged.values())) or 1.0
            centroids[best] = {t: w / norm for t, w in merged.items()}
            sizes[best] += 1
        else:
            best = len(centroids)
            centroids.append(vector)
            sizes.append(1)
        found[row["id"]] = best
    return found


def evaluate_stream(stream: str | Path, baseline_threshold: float) -> dict:
    """Storyline and the baseline on one stream, scored."""
    rows = read_stream(stream)
    gold = [r["story"] for r in rows]
    out = {"stream": Path(stream).name, "articles": len(rows)}
    for name, run in (("storyline", run_storyline(stream)),
                      ("baseline", run_baseline(stream, baseline_threshold))):
        found = [run["story"].get(r["id"], ("not taken", r["id"])) for r in rows]
        out[name] = {**scores(gold, found), "not_taken": sum(r["id"] not in run["story"]
                                                              for r in rows),
                     "articles_per_s": len(rows) / run["seconds"],
                     "seconds": run["seconds"], "peak_mb": run["peak_mb"]}
    return out


def sweep(stream: str | Path, thresholds: list[float], window_days: int | None) -> list[dict]:
    """Detection alone at several thresholds, in-process (no store): for tuning."""
    from ..stories.detect import WINDOW_DAYS, Detector
    from ..stories.prepare import Incoming, Skipped, prepare_or_skip

    rows = read_stream(stream)
    prepared = [prepare_or_skip(Incoming(text=r["text"], where=r["id"], id=r["id"],
                                         title=r.get("title"), published=r.get("published")))
                for r in rows]
    out = []
    window_days = WINDOW_DAYS if window_days is None else window_days
    for threshold in thresholds:
        detector = Detector(threshold=threshold, window_days=window_days)
        found = [("not taken", i) if isinstance(p, Skipped)
                 else detector.assign(p.terms, p.article.published, i).story
                 for i, p in enumerate(prepared)]
        out.append({"threshold": threshold, "window_days": window_days,
                    **scores([r["story"] for r in rows], found)})
    return out


# --- growth -------------------------------------------------------------------------------


def growth_stream(rows: list[dict], size: int, path: Path) -> None:
    """`size` articles made by repeating the stream: each repetition gets fresh ids,
    dates shifted by six years (starting a thousand years back, so that none is in the
    future), and its letters swapped by a substitution of its own (a fresh vocabulary
    with the same statistics, so copies are new stories, not duplicates: a pessimistic
    case for memory, since nothing is ever shared)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    with path.open("w", encoding="utf-8") as f:
        for i in range(size):
            rep, row = divmod(i, len(rows))
            row = rows[row]
            if rep:
                shuffled = list(letters)
                random.Random(rep).shuffle(shuffled)
                table = str.maketrans(letters + letters.upper(),
                                      "".join(shuffled) + "".join(shuffled).upper())
            else:
                table = {}
            published = row.get("published")
            if published:
                published = f"{int(published[:4]) - 1000 + 6 * rep:04d}{published[4:]}"
            f.write(json.dumps({"id": f"{row['id']}#{rep}", "story": f"{row['story']}#{rep}",
                                "title": (row.get("title") or "").translate(table) or None,
                                "text": row["text"].translate(table),
                                "published": published}) + "\n")


def growth(stream: str | Path, sizes: list[int]) -> list[dict]:
    """Time per article and peak memory of `storyline stories add` as the stream grows."""
    rows = read_stream(stream)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"growth-{size}.jsonl"
            growth_stream(rows, size, path)
            run = run_storyline(path)
            out.append({"articles": size, "seconds": run["seconds"],
                        "ms_per_article": 1000 * run["seconds"] / size,
                        "peak_mb": run["peak_mb"], "stories": len(set(run["story"].values()))})
            path.unlink()
    return out


def main(argv: list[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m storyline.evaluate.stories")
    parser.add_argument("streams", nargs="+")
    parser.add_argument("--baseline-threshold", type=float, default=0.2)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--window-days", type=int, default=None,
                        help="the window of detection  [default: detect.WINDOW_DAYS]")
    parser.add_argument("--growth", metavar="SIZES")
    args = parser.parse_args(argv)
    for stream in args.streams:
        if args.sweep:
            for line in sweep(stream, [0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3],
                              args.window_days):
                print(json.dumps({"stream": Path(stream).name, **_rounded(line)}))
        elif args.growth:
            for size in args.growth.split(","):
                for line in growth(stream, [int(size)]):
                    print(json.dumps(_rounded(line)), flush=True)
        else:
            print(json.dumps(_rounded(evaluate_stream(stream, args.baseline_threshold))),
                  flush=True)


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


if __name__ == "__main__":
    main(sys.argv[1:])
