"""ROUGE-2 and ROUGE-SU4 recall as NIST scored DUC 2005-2007, so scores compare with the
published ones.

NIST ran ROUGE-1.5.5 (Perl) as `-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 100`
and jackknifed over the references. This module does the same arithmetic:

- **Length** (`-l`): summaries *and* references are cut to their first `words`
  whitespace-separated words, counted line by line on the raw text.
- **Tokens**: lower-cased (ASCII), "-" split off, every character but a-z, 0-9 and "-"
  a space; hyphens are then dropped (a token must start with a letter, digit or "$").
  No stop words are removed.
- **Stemming** (`-m`): tokens of four characters or more are looked up in WordNet 2.0's
  exception lists ("said" -> "say"), else stemmed by ROUGE-1.5.5's Porter stemmer, which
  differs from the published algorithm in step 4 (see `porter`).
- **ROUGE-2**: bigram counts; **ROUGE-SU4** (`-2 4 -u`): skip-bigrams with at most 4 words
  between them, plus unigrams, as ROUGE-1.5.5 counts them (it leaves out the last token's
  unigram).
- **Several references** (`-f A`): hits clipped per reference and summed, over the sum of
  the references' counts (not the mean of per-reference recalls).
- **Jackknifing**: with k references the score is the mean over the k subsets of k - 1;
  a human summary is scored against the other references only (`human_scores`).

`tests/test_rouge155.py` pins golden numbers from ROUGE-1.5.5 itself, and
`benchmarks/rouge155.py` checks the whole DUC 2007 update set against it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ..data import read_text

METRICS = ("rouge2", "rougeSU4")
SKIP_GAP = 4  # -2 4: at most four words between the two words of a skip-bigram

_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")  # Perl's \s on bytes: ASCII only
_NOT_TOKEN = re.compile(r"[^a-z0-9\-]")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def tokens(text: str, words: int | None = None) -> list[str]:
    """The stemmed tokens ROUGE-1.5.5 counts in `text` (one sentence per line), cut to
    its first `words` words (None: no cut)."""
    kept: list[str] = []
    used = 0
    for line in text.translate(_ASCII_LOWER).split("\n"):
        if not line:
            continue
        fields = _WHITESPACE.split(line)
        while fields and not fields[-1]:  # Perl's split drops trailing empty fields
            fields.pop()  # (but keeps a leading one, which counts as a word)
        if words is not None and used + len(fields) >= words:
            kept.extend(fields[:words - used])
            break
        kept.extend(fields)
        used += len(fields)
    flat = _NOT_TOKEN.sub(" ", " ".join(kept).replace("-", " - "))
    return [_stem(t) for t in flat.split() if t[0] != "-"]


def bigrams(toks: Sequence[str]) -> Counter:
    return Counter(zip(toks, toks[1:]))


def skip_bigrams(toks: Sequence[str], gap: int = SKIP_GAP) -> Counter:
    """Skip-bigrams with at most `gap` words between, plus unigrams (ROUGE-SU). As in
    ROUGE-1.5.5, the last token adds no unigram of its own."""
    counts: Counter = Counter()
    for i in range(len(toks) - 1):
        counts[(toks[i],)] += 1
        for j in range(i + 1, min(len(toks), i + gap + 2)):
            counts[(toks[i], toks[j])] += 1
    return counts


def recall(peer: Counter, models: Sequence[Counter]) -> float:
    """ROUGE-1.5.5's model-average recall (-f A): clipped hits summed over the models,
    over their summed counts; rounded to 5 decimals as ROUGE-1.5.5 reports each one."""
    total = sum(sum(m.values()) for m in models)
    if not total:
        return 0.0
    hits = sum(min(count, peer[gram]) for m in models for gram, count in m.items())
    return float(f"{hits / total:.5f}")


def jackknife(peer: Counter, models: Sequence[Counter]) -> float:
    """The mean recall over the subsets that leave one model out (one model: its recall)."""
    if len(models) < 2:
        return recall(peer, models)
    return sum(recall(peer, models[:k] + models[k + 1:]) for k in range(len(models))) / len(models)


class DucRouge:
    """Scores a summary (a list of sentences, or a text) against references (texts), as
    NIST scored DUC: `score()` gives {"rouge2", "rougeSU4"} recall in percent, jackknifed.
    The same interface as `rouge.Rouge`."""

    metrics = METRICS
    measure = "recall"

    def __init__(self, words: int = 100):
        self.words = words

    def counts(self, text: str) -> tuple[Counter, Counter]:
        toks = tokens(text, self.words)
        return bigrams(toks), skip_bigrams(toks)

    def score(self, summary: Sequence[str] | str, references: Sequence[str]) -> dict[str, float]:
        text = summary if isinstance(summary, str) else "\n".join(summary)
        peer = self.counts(text)
        models = [self.counts(r) for r in references]
        return {m: 100 * jackknife(peer[i], [c[i] for c in models])
                for i, m in enumerate(METRICS)}

    def human_scores(self, references: Sequence[str]) -> dict[str, float]:
        """Each reference against all the others (no further jackknife), averaged over
        the references: how NIST scored the human summarizers."""
        counts = [self.counts(r) for r in references]
        return {m: 100 * sum(recall(peer[i], [c[i] for c in counts[:k] + counts[k + 1:]])
                             for k, peer in enumerate(counts)) / len(counts)
                for i, m in enumerate(METRICS)}


# --- stemming -------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _exceptions() -> dict[str, str]:
    return dict(line.split()[:2] for line in read_text("wordnet-exceptions.txt").splitlines()
                if line and not line.startswith("#"))


@lru_cache(maxsize=1 << 16)
def _stem(token: str) -> str:
    if len(token) <= 3:
        return token
    return _exceptions().get(token) or porter(token)


_c = "[^aeiou]"  # a consonant (y too: the patterns below say where y is a vowel)
_v = "[aeiouy]"
_C = f"{_c}[^aeiouy]*"
_V = f"{_v}[aeiou]*"
_M_GT_0 = re.compile(f"^({_C})?{_V}{_C}")
_M_EQ_1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_M_GT_1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_HAS_VOWEL = re.compile(f"^({_C})?{_v}")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")
_STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
          "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
          "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
          "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
          "logi": "log"}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
          "ness": ""}
_STEP2_END = re.compile("(" + "|".join(_STEP2) + ")$")
_STEP3_END = re.compile("(" + "|".join(_STEP3) + ")$")
_STEP4_END = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


def porter(word: str) -> str:
    """Porter's stemmer as ROUGE-1.5.5 has it: Martin Porter's own version (with "bli"
    and "logi" in step 2), and a step 4 changed by ROUGE's author so that a word in
    -ement does not stop at the first rule: "-ment" and "-ent" are tried after the other
    suffixes, each on what the previous rule left. Patterns match the leftmost suffix, as
    Perl's alternations do."""
    if len(word) < 3:
        return word
    initial_y = word[0] == "y"
    w = "Y" + word[1:] if initial_y else word
    # step 1a: plurals
    if m := re.search("(ss|i)es$", w):
        w = w[:m.start()] + m[1]
    elif m := re.search("([^s])s$", w):
        w = w[:m.start()] + m[1]
    # step 1b: -eed, -ed, -ing
    if w.endswith("eed"):
        if _M_GT_0.search(w[:-3]):
            w = w[:-1]
    elif m := re.search("(ed|ing)$", w):
        stem = w[:m.start()]
        if _HAS_VOWEL.search(stem):
            w = stem
            if re.search("(at|bl|iz)$", w):
                w += "e"
            elif re.search(r"([^aeiouylsz])\1$", w):
                w = w[:-1]
            elif _CVC.search(w):
                w += "e"
    # step 1c: y -> i
    if w.endswith("y") and _HAS_VOWEL.search(w[:-1]):
        w = w[:-1] + "i"
    # steps 2 and 3: double suffixes to single ones
    for pattern, table in ((_STEP2_END, _STEP2), (_STEP3_END, _STEP3)):
        if (m := pattern.search(w)) and _M_GT_0.search(w[:m.start()]):
            w = w[:m.start()] + table[m[1]]
    # step 4, as ROUGE-1.5.5 changed it
    if (m := _STEP4_END.search(w)) and _M_GT_1.search(w[:m.start()]):
        w = w[:m.start()]
    if w.endswith("ment") and _M_GT_1.search(w[:-4]):
        w = w[:-4]
    if w.endswith("ent"):
        if _M_GT_1.search(w[:-3]):
            w = w[:-3]
    elif (m := re.search("(s|t)(ion)$", w)) and _M_GT_1.search(w[:m.start()] + m[1]):
        w = w[:m.start()] + m[1]
    # step 5: a final -e, a final -ll
    if w.endswith("e"):
        stem = w[:-1]
        if _M_GT_1.search(stem) or (_M_EQ_1.search(stem) and not _CVC.search(stem)):
            w = stem
    if w.endswith("ll") and _M_GT_1.search(w):
        w = w[:-1]
    return w[0].lower() + w[1:] if initial_y else w
