"""Audit every regular expression Storyline compiles for super-linear backtracking.

    .venv/bin/python benchmarks/regex_audit.py [--seconds 0.05] [--tokens 200]

Records every pattern compiled by Storyline's own modules (module-level patterns, the
patterns of data/boilerplate.toml, and patterns compiled inside functions while the
example cluster, a Markdown and an HTML article are summarized), then runs each, as
the code does (`finditer` over the whole text, which is what `sub`, `findall` and a
failing `search` cost), on lines built by repeating short tokens made of the pattern's
own literal characters and common ones. A pattern whose time grows more than linearly
from a 2,000- to an 8,000-character line, and takes over `--seconds` on the longer, is
reported with the token that shows it. Nothing is changed; the suspects are for a person
to read and fix (tests/test_regex.py keeps them fixed).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMON = list("aA1 .,:;-'\"()[]*_#>!?/\n\t") + ["\u201c", "\u2014", "<p>", "http://", "ab ", "A. "]


def record_patterns() -> dict[re.Pattern, set[str]]:
    """Every pattern Storyline's modules compile, with where: import them and summarize."""
    seen: dict[tuple, set[str]] = defaultdict(set)
    original = re._compile

    def recording(pattern, flags):
        compiled = original(pattern, flags)
        frame = sys._getframe(1)
        while frame and frame.f_code.co_filename.endswith(("/re/__init__.py", "/re.py")):
            frame = frame.f_back
        where = frame.f_code.co_filename if frame else "?"
        if "/storyline/" in where and isinstance(compiled, re.Pattern):
            seen[(compiled.pattern, compiled.flags)].add(
                f"{Path(where).relative_to(ROOT / 'src')}:{frame.f_lineno}")
        return compiled

    re._compile = recording
    try:
        import storyline
        from storyline.brief import clean
        from storyline.brief.ingest import markdown_to_text, to_articles

        for module in list(sys.modules.values()):  # patterns compiled before the hook ran
            if getattr(module, "__name__", "").startswith("storyline"):
                for name, value in vars(module).items():
                    if isinstance(value, re.Pattern):
                        seen[(value.pattern, value.flags)].add(f"{module.__name__}.{name}")
        for rule in clean.RULES:
            for pattern in rule.patterns:
                seen[(pattern.pattern, pattern.flags)].add(f"boilerplate.toml: {rule.reason}")
        texts = [p.read_text(encoding="utf-8") for p in sorted(
            (ROOT / "examples" / "baghuz").glob("article-*.txt"))]
        markdown_to_text("# Title\n\n* a [link](http://x) **bold** *it*\n> quote\n")
        texts.append("<html><body><article><p>" + texts[0].replace("\n", "</p><p>")
                     + "</p></article></body></html>")
        storyline.summarize(to_articles(texts), words=100)
    finally:
        re._compile = original
    return {re.compile(p, f): where for (p, f), where in seen.items()}


def tokens_for(pattern: re.Pattern, rng: random.Random, count: int) -> list[str]:
    literal = [c for c in set(re.sub(r"\\[a-zA-Z]", "", pattern.pattern)) if c.isprintable()]
    alphabet = list(dict.fromkeys(literal + COMMON))
    words = re.findall(r"[A-Za-z]{2,}", pattern.pattern)[:20]
    out = {c for c in alphabet}
    while len(out) < count:
        parts = rng.sample(alphabet + words, k=rng.randint(2, 4))
        out.add("".join(parts))
    return sorted(out)


def cost(pattern: re.Pattern, text: str) -> float:
    start = time.perf_counter()
    for _ in pattern.finditer(text):
        pass
    return time.perf_counter() - start


def audit(seconds: float, count: int) -> list[tuple]:
    rng = random.Random(0)
    suspects = []
    patterns = record_patterns()
    print(f"{len(patterns)} patterns", file=sys.stderr)
    for pattern, where in patterns.items():
        worst = None
        for token in tokens_for(pattern, rng, count):
            short = (token * (2000 // len(token) + 1))[:2000]
            if cost(pattern, short) < seconds / 16:
                continue
            long = (token * (8000 // len(token) + 1))[:8000]
            t_short, t_long = cost(pattern, short), cost(pattern, long)
            if t_long > seconds and t_long > 6 * t_short and (not worst or t_long > worst[0]):
                worst = (t_long, t_short, token)
        if worst:
            suspects.append((pattern, sorted(where), *worst))
            print(f"SUSPECT {worst[0]:.3f}s at 8k (x{worst[0] / worst[1]:.1f} from 2k) "
                  f"token {worst[2]!r}\n  {pattern.pattern[:160]!r}\n  {sorted(where)}")
    return suspects


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=0.05)
    parser.add_argument("--tokens", type=int, default=200)
    args = parser.parse_args()
    found = audit(args.seconds, args.tokens)
    print(f"{len(found)} suspect patterns")
