"""The systems an evaluation compares, each a function from a cluster to sentences.

Every system but Storyline reads the same input: the articles as Storyline cleans and
splits them. The lead baselines and sumy's summarizers thus see no page clutter, and
sumy needs no NLTK sentence model (which cannot be downloaded offline).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..brief import clean, segment
from ..brief.pipeline import summarize
from ..errors import OptionsError
from ..options import Options
from . import updates
from .data import Cluster
from .oracle import greedy_oracle

SUMY = {  # our name: (module, class, the name shown)
    "lexrank": ("lex_rank", "LexRankSummarizer", "sumy LexRank"),
    "textrank": ("text_rank", "TextRankSummarizer", "sumy TextRank"),
    "lsa": ("lsa", "LsaSummarizer", "sumy LSA"),
    "luhn": ("luhn", "LuhnSummarizer", "sumy Luhn"),
    "kl": ("kl", "KLSummarizer", "sumy KL-Sum"),
    "sumbasic": ("sum_basic", "SumBasicSummarizer", "sumy SumBasic"),
}
BASELINES = {
    "lead-words": "Lead: first N words",
    "lead-sentences": "Lead: articles in turn",
}
ORACLE = "Oracle (sees the reference)"
SYSTEMS = ("storyline", *BASELINES, *SUMY, "oracle")  # the names --systems takes

Summarizer = Callable[[Cluster], list[str]]


@dataclass(frozen=True)
class System:
    """One row of the results. `key` picks the implementation (for published outputs,
    it is the system's name in the file); `mode` holds Storyline's options as pairs."""

    name: str
    key: str
    kind: str  # storyline, baseline, sumy, oracle or peer
    mode: tuple[tuple[str, str], ...] = ()


def storyline_modes(modes: list[dict[str, str]] | None = None) -> list[System]:
    """Storyline in each mode given, or in its default mode."""
    modes = modes or [{}]
    modes = [dict(m) for m in dict.fromkeys(tuple(sorted(m.items())) for m in modes)]
    for mode in modes:
        _options(mode, words=100)  # fail before anything runs
    if len(modes) == 1 and not {"focus", "since"} & set(modes[0]) and _options(
            modes[0], 100) == Options(words=100, analysis=False):
        return [System("Storyline", "storyline", "storyline", tuple(modes[0].items()))]
    return [System("Storyline (" + ", ".join(f"{k}={v}" for k, v in mode.items()) + ")",
                   "storyline", "storyline", tuple(mode.items())) for mode in modes]


def builtin(key: str) -> System:
    if key in SUMY:
        return System(SUMY[key][2], key, "sumy")
    if key in BASELINES:
        return System(BASELINES[key], key, "baseline")
    if key == "oracle":
        return System(ORACLE, key, "oracle")
    raise OptionsError(f"unknown system {key!r}; choose from {', '.join(SYSTEMS)}")


def make(system: System, words: int, measure: str) -> Summarizer:
    """The summarizing function of `system`, at a budget of `words`."""
    if system.key == "storyline":
        mode = dict(system.mode)
        by_query = mode.pop("focus", None) == "query"
        seen = mode.pop("since", "old")
        options = _options(mode, words)

        def run(c: Cluster) -> list[str]:
            chosen = replace(options, focus=c.query) if by_query and c.query else options
            brief = summarize(c.articles, options=chosen, since=updates.since(c.old, seen))
            return [s.text for s in brief.sentences]
        return run
    if system.key == "lead-words":
        return lambda c: [s for article in cleaned_sentences(c) for s in article]
    if system.key == "lead-sentences":
        return lambda c: round_robin(cleaned_sentences(c), words)
    if system.key == "oracle":
        return lambda c: greedy_oracle([s for a in cleaned_sentences(c) for s in a],
                                       c.references, words, "f1" if measure == "f1" else "recall")
    return _sumy(system.key, words)


def cleaned_sentences(cluster: Cluster) -> list[list[str]]:
    """Each article's sentences, once Storyline has removed the page clutter."""
    articles, _ = clean.clean_all(list(cluster.articles))
    return [[s.text for s in segment.split(a)] for a in articles]


def round_robin(articles: list[list[str]], words: int) -> list[str]:
    """The first sentence of each article, then the second of each, until `words`."""
    out: list[str] = []
    used = 0
    for i in range(max(map(len, articles), default=0)):
        for sentences in articles:
            if used >= words:
                return out
            if i < len(sentences):
                out.append(sentences[i])
                used += len(sentences[i].split())
    return out


def _options(mode: dict[str, str], words: int) -> Options:
    """Storyline's options in a mode. `focus=query` (each cluster's topic question) and
    `since=old|none` (update data) are taken out by `make`; the analysis is off, since
    ROUGE reads only the brief."""
    mode = dict(mode)
    if mode.pop("focus", "query") != "query":
        raise OptionsError("a mode can only set focus=query (each cluster's own question)")
    updates.since_mode(mode.pop("since", "old"))
    unknown = set(mode) - {"scorer", "selector"}
    if unknown:
        raise OptionsError(f"unknown Storyline option {sorted(unknown)[0]!r} in a mode; "
                           "a mode sets scorer=..., selector=..., focus=query and/or "
                           "since=none")
    return Options(words=words, analysis=False, **mode)


def _sumy(key: str, words: int) -> Summarizer:
    """A sumy summarizer as its documentation sets it up (English stemmer and stop
    words), on Storyline's sentences (each text once), asked for the best-rated sentences
    that fill `words` (sumy takes a callable count for exactly this)."""
    from importlib import import_module

    from nltk.tokenize import word_tokenize
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.utils import get_stop_words

    module, name, _ = SUMY[key]
    summarizer_class = getattr(import_module(f"sumy.summarizers.{module}"), name)
    if key == "kl":
        summarizer_class = _budgeted_kl(summarizer_class, words)
    summarizer = summarizer_class(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    class Words:
        """sumy's English word tokenizer (NLTK's Treebank words, sumy's word filter)
        without the NLTK sentence model it loads first."""

        language = "english"

        @staticmethod
        def to_words(sentence: str) -> tuple[str, ...]:
            return tuple(w for w in word_tokenize(sentence, preserve_line=True)
                         if Tokenizer._is_word(w))

    def run(cluster: Cluster) -> list[str]:
        seen: set[str] = set()  # sumy keys ratings by text: a repeated wire sentence once
        articles = [[s for s in article if not (s in seen or seen.add(s))]
                    for article in cleaned_sentences(cluster)]
        document = ObjectDocumentModel(
            [Paragraph([Sentence(s, Words) for s in a]) for a in articles if a])
        taken: list[str] = []

        def best_filling(infos):  # sumy passes them best-rated first
            used = 0
            for info in infos:
                if used >= words:
                    break
                taken.append(str(info.sentence))
                used += len(taken[-1].split())
            return infos[:len(taken)]

        chosen = [str(s) for s in summarizer(document, best_filling)]
        over = sum(len(s.split()) for s in chosen) - words
        if over > 0:  # sumy returns document order: trim the lowest-rated sentence instead
            k = chosen.index(taken[-1])
            chosen[k] = " ".join(chosen[k].split()[:-over])
        return chosen

    return run


def _budgeted_kl(kl_summarizer: type, words: int) -> type:
    """sumy's KL-Sum, its greedy loop stopped once `words` are chosen.

    sumy ranks every sentence this way, one greedy step each, at a cost cubic in the
    sentences: one 1,135-sentence DUC cluster had not finished after nine minutes. The steps
    taken before the budget fills are sumy's own, so the sentences chosen are the same;
    only the ranking of the unchosen rest is skipped (they tie below the chosen).
    """

    class BudgetedKL(kl_summarizer):
        def _compute_ratings(self, sentences):
            word_freq = self.compute_tf(sentences)
            ratings, summary, used = {}, [], 0
            sentences_list = list(sentences)
            sentences_as_words = [self._get_content_words_in_sentence(s) for s in sentences]
            while sentences_list and used < words:
                summary_as_word_list = self._get_all_words_in_doc(summary)
                kls = [self._kl_divergence(self._joint_freq(s, summary_as_word_list), word_freq)
                       for s in sentences_as_words]
                index = self._find_index_of_best_sentence(kls)
                best = sentences_list.pop(index)
                del sentences_as_words[index]
                summary.append(best)
                ratings[best] = -1 * len(ratings)
                used += len(str(best).split())
            for rest in sentences_list:
                ratings.setdefault(rest, -len(sentences) - 1)
            return ratings

    return BudgetedKL
