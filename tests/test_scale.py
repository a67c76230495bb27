"""Large but valid input finishes with bounded memory (measured in a fresh process)."""

import json
import subprocess
import sys

SCRIPT = r"""
import json, random, resource, sys
from storyline import summarize
rng = random.Random(0)
vocab = [f"word{i}" for i in range(5000)]
def paragraph():  # sentences of random words, each with a verb as a statement has
    return " ".join((" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 30)))
                     + " said").capitalize() + "." for _ in range(rng.randint(1, 5)))
def article(size):
    parts, n = [], 0
    while n < size:
        parts.append(paragraph()); n += len(parts[-1]) + 2
    return "\n\n".join(parts)
if sys.argv[1] == "repetitive":  # every sentence like every other: one fact of thousands
    vocab = "market shares rose fell points index traders said stocks bonds".split()
docs = {"big": lambda: [article(5_000_000)], "many": lambda: [article(6_000) for _ in range(200)],
        "repetitive": lambda: [article(2_000_000)]}[sys.argv[1]]()
brief = summarize(docs, words=120)
print(json.dumps({"words": brief.stats["words"], "sentences": brief.stats["sentences"],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(kind):
    out = subprocess.run([sys.executable, "-c", SCRIPT, kind], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def test_a_5_mb_article_is_summarized_in_bounded_memory():
    result = run("big")
    assert result["sentences"] > 20_000 and 0 < result["words"] <= 120
    assert result["peak_mb"] < 1024


def test_200_articles_are_summarized_in_bounded_memory():
    result = run("many")
    assert 0 < result["words"] <= 120
    assert result["peak_mb"] < 1024


def test_a_repetitive_article_is_summarized_in_bounded_memory():
    result = run("repetitive")
    assert 0 < result["words"] <= 120
    assert result["peak_mb"] < 1024
