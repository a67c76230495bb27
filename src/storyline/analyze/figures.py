"""Disagreements and changes: figures that different sources give for the same quantity.

A *figure* is a number with what it counts, read from spaCy's entities and parse:
"as many as 2,000 ISIS fighters could be bunkered down" counts fighters, modified by
ISIS, in no named place or time, with no event verb. Two figures from different
articles are *comparable* when they count the same thing (the same noun or a synonym),
for the same event (killed, wounded, fled, detained, or else the same verb, any verb of
being counting as one), with the same modifiers, in the same named places and times.
They *contradict* when the ranges their wording allows do not overlap.

Whether that is a disagreement depends on time. Figures from articles published days
apart are a *change* ("ISIS fighters: as many as 2,000 in September 2018, up to 600 in
February 2019"), not a disagreement. A disagreement needs one time: articles published
within a day of each other, or, when either is undated, a text that makes the time
evident (the two sentences are the same statement, or name the same time). Undated
figures without that are not compared at all. A false contradiction is worse than a
missed one, so every rule errs towards "comparable only when clearly the same":

- approximations widen a figure: "about 2,000" allows 1,600 to 2,400, a round "2,000"
  1,800 to 2,200;
- bounds read as what a reporter means by them: "up to 600" is 300 to 600 (a bound far
  above the truth would not be given); "more than 200" and "at least 21" are floors,
  so 500 agrees with them;
- ranges ("between 14,000 and 18,000") and vague amounts ("tens of thousands": 20,000
  to 200,000) allow all they span; shares ("two of the hostages", "one-third of the
  residents") are not counts of the whole;
- different scopes are different quantities: "in Iraq" is not "in Iraq and Syria", and
  a figure with places named is not compared with one without; "outside Mexico" is not
  "in Mexico", nor are people "unaccounted for" those who "remain in need";
- figures more than ten times apart are taken to count different things (the 1918 flu's
  50 million dead and this outbreak's 160), at the cost of a first day's tolls that
  really differ that much; a supposition ("if there have been hundreds of thousands of
  cases") reports nothing, and "two new cases" are part of a total.
- ages belong to a full name: "Kevin Johnson, 24" against "Kevin Johnson, 25".
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import Stemmer  # PyStemmer, as for the tf-idf vectors

from ..brief.literals import Needles, may_match
from ..model import Change, Disagreement, Figure, Sentence
from .language import lemma
from .wordtrie import alternation

_QUALIFIERS = [  # (the words before a number, how they widen it), tried in this order
    (r"up to|as many as|at most|no more than|not more than|as high as|a maximum of|"
     r"fewer than|less than|under|below", "upper"),
    (r"more than|over|upwards of|in excess of|above", "lower"),
    (r"at least|no fewer than|no less than|a minimum of|a record", "floor"),
    (r"nearly|almost|close to|just under|just shy of", "nearly"),
    (r"about|around|some|roughly|approximately|an estimated|estimated|an approximate|"
     r"approx\.?|circa|perhaps|maybe|reportedly|an average of", "about"),
]
_QUALIFIER = re.compile(
    r"^(?:(?:" + "|".join(f"(?P<q{i}>{p})" for i, (p, _) in enumerate(_QUALIFIERS))
    + r")\s+)", re.I)
_FRACTION = re.compile(r"\b(?:half|third|quarter|fifth|tenth|percent)s?\b|%|\d/\d", re.I)
_SPACED_THOUSANDS = re.compile(r"(?<=\d)[\u00a0\u2009\u202f ](?=\d{3}\b)")  # 10 000
_FILLER = re.compile(r"^(?:only|just|a total of|an?|the|all|of|its|their|his|her)\s+", re.I)

_UNITS = {  # unit word -> (kind, factor to km or km²)
    "km": ("distance", 1.0), "kilometre": ("distance", 1.0), "kilometer": ("distance", 1.0),
    "mile": ("distance", 1.609), "metre": ("distance", 0.001), "meter": ("distance", 0.001),
    "square kilometre": ("area", 1.0), "square kilometer": ("area", 1.0),
    "sq km": ("area", 1.0), "km2": ("area", 1.0), "square mile": ("area", 2.59),
    "sq mile": ("area", 2.59), "hectare": ("area", 0.01), "acre": ("area", 0.004047),
}
_UNIT = re.compile(r"\s*(" + "|".join(sorted((re.escape(u) for u in _UNITS), key=len,
                                               reverse=True)) + r")s?\b", re.I)
_CURRENCY = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds? sterling|yuan|rupees?)\b", re.I)
_LOWER_CURRENCY = re.compile(_CURRENCY.pattern)  # the same on lower-cased ASCII text
# Every match of `_LOWER_CURRENCY` holds one of these: a lower-cased text without any is
# not searched (found in one pass, Aho-Corasick; the search tries its words at every
# position).
_CURRENCY_CUES = Needles(("$", "€", "£", "¥", "dollar", "euro", "pound", "yuan", "rupee"))
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100, "a thousand": 1000,
    "a million": 1e6, "a billion": 1e9, "half a million": 5e5,
}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
           "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
_VAGUE = {  # amounts named by a word: the range a reader takes them to allow
    "dozens": (24, 200), "scores": (40, 200), "hundreds": (200, 2000),
    "thousands": (2000, 20000), "tens of thousands": (20000, 200000),
    "hundreds of thousands": (200000, 2e6), "millions": (2e6, 2e7),
    "tens of millions": (2e7, 2e8), "billions": (2e9, 2e10),
}
_NUMBER = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(map(re.escape, _WORD_NUMBERS), key=len, reverse=True))
    + r")(?:[\s-]+(?P<unit>(?:one|two|three|four|five|six|seven|eight|nine)\b))?"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion|trillion|bn|m|k)\b)?", re.I)

# What a figure counts: synonyms share a class; other nouns stand for themselves.
_NOUN_CLASSES = {
    "fighters": {"fighter", "militant", "jihadist", "jihadi", "insurgent", "extremist",
                 "gunman", "terrorist", "combatant"},
    "troops": {"troop", "soldier", "serviceman", "servicemember", "marine"},
    "civilians": {"civilian", "resident", "inhabitant", "villager"},
    "people": {"people", "person", "individual"},
    "children": {"child", "kid"},
}
_NOUN_CLASS = {word: name for name, words in _NOUN_CLASSES.items() for word in words}
_NOT_COUNTED = {"time", "year", "month", "week", "day", "hour", "minute", "second", "percent",
                "%", "point", "per", "cent", "degree", "inch", "foot", "pound", "ounce"}
# The event a count belongs to: "27 killed" and "27 living there" are different counts.
_EVENTS = {
    "killed": {"kill", "die", "dead", "death", "slay", "murder", "execute", "behead",
               "massacre", "perish", "fatality", "toll", "body"},
    "wounded": {"wound", "injure", "hurt", "wounded", "injured", "injury"},
    "fled": {"flee", "leave", "evacuate", "escape", "displace", "displaced", "evacuee",
             "refugee", "stream", "exit", "abandon", "uproot"},
    "detained": {"arrest", "detain", "capture", "surrender", "imprison", "jail", "prisoner",
                 "detainee", "kidnap", "abduct", "hostage"},
    "missing": {"missing"},
}
_EVENT = {word: name for name, words in _EVENTS.items() for word in words}
# Verbs that only say a count exists ("are", "remain", "are bunkered down"); any other
# verb must be the same on both sides ("two men confronted him" is not "three men
# were identified").
_BEING = {"be", "remain", "stay", "bunker", "hole", "hide", "station", "base", "trap",
          "live", "number", "total", "control", "have", "estimate", "believe", "think"}
# Bounds on the work a hostile input can cause, and on what one disagreement lists.
MAX_PER_SENTENCE = 10
MAX_PER_BUCKET = 300
MAX_FIGURES = 30
SAME_TIME_DAYS = 1  # articles a day apart (time zones, a late edition) report one moment
CHANGE_DAYS = 183  # a change is told within half a year (see `_may_change`)
_ALIASES = {
    "isis": "islamic state", "is": "islamic state", "isil": "islamic state",
    "daesh": "islamic state", "islamic state": "islamic state",
    "us": "us", "u.s": "us", "u.s.": "us", "american": "us", "america": "us",
    "united states": "us", "the united states": "us", "uk": "uk", "british": "uk",
    "britain": "uk", "united kingdom": "uk", "the uk": "uk", "the us": "us",
}
_SHOWN = {"us": "US", "uk": "UK"}  # (an alias as a subject shows it: not "deaths in Us")
# ("suspected" and "confirmed" are kept: "101 suspected deaths", of which "19 deaths ...
# are confirmed", are two counts, not two sources' one)
_PLAIN_MODIFIERS = {"estimated", "remaining", "other", "more", "additional", "further", "new",
                    "last", "total", "local", "reported", "alleged", "known",
                    "only", "just", "least", "about", "some", "around", "many", "several"}


# What a figure may count, found without a parse, to pick the sentences worth parsing: a
# figure is compared only with another article's figure of the same kind and counted noun,
# and that noun is a word of the figure (the number's entity) or one of the few words
# after it ("2,000 heavily armed ISIS fighters", "tens of thousands of civilians").
_STEMMER = Stemmer.Stemmer("english")
_NUMERAL_WORDS = sorted({w for p in (*_WORD_NUMBERS, *_VAGUE, *_SCALES) for w in p.split()
                         if len(w) > 2} | {"dozen", "score", "scores", "hundred", "tens",
                                           "thirteen", "fourteen", "fifteen", "sixteen",
                                           "seventeen", "eighteen", "nineteen"})
# (the words as a trie, `wordtrie`: the same matches as their alternation, faster)
_NUMERAL = re.compile(rf"\d[\d,.]*|\b{alternation(_NUMERAL_WORDS)}\b", re.IGNORECASE)
_LOWER_NUMERAL = re.compile(_NUMERAL.pattern)  # the same, on lower-cased text: 3x faster
# Every match of `_LOWER_NUMERAL` starts with a digit or is one of `_NUMERAL_WORDS`: a
# lower-cased text with neither (three sentences in five) is not searched.
_DIGIT = re.compile(r"\d")
_NUMERAL_WORD_CUES = Needles(_NUMERAL_WORDS)
_TOKEN = re.compile(r"\w+(?:[.,'’]\w+)*")
KEY_WINDOW = 8  # tokens after a number in which its counted noun is looked for
_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "feet": "foot",
              "teeth": "tooth", "mice": "mouse", "geese": "goose", "slain": "slay",
              "slew": "slay", "dying": "die", "fled": "flee", "left": "leave", "pence": "penny",
              "phalanges": "phalanx", "corpses": "corpse", "lives": "life", "wives": "wife"}
_NOT_NOUNS = frozenset(
    "the a an and or but of in on at to for from by with as than that this these those it "
    "its their his her our your my we they he she i you them him who whom whose which "
    "what when where while is are was were be been being has have had do does did not no "
    "so if then there here also just only about some said says after before into out up "
    "all most more over under during since including".split())


def _stem(word: str) -> str:
    return _STEMMER.stemWord(word.lower())


@lru_cache(maxsize=50_000)
def _lemmas(word: str) -> frozenset[str]:
    """Stems of what a word's lemma may be: "fighters" fighter, "MPs" mp, "Klansmen"
    klansman, "pence" penny (a superset; a parse picks one)."""
    lower = word.lower()
    forms = {lower, _IRREGULAR.get(lower, lower)}
    if lower.endswith("men"):
        forms.add(lower[:-3] + "man")
    if lower.endswith("s"):
        forms |= {lower[:-1], lower.removesuffix("es"),
                  lower[:-3] + "y" if lower.endswith("ies") else lower}
    if lower.endswith("ves"):
        forms |= {lower[:-3] + "f", lower[:-3] + "fe"}
    if lower[:1].isdigit():  # "400m", "234g", "49ers": the letters may be a token
        letters = lower.lstrip("0123456789,.")
        forms = {lower} | ({letters} if letters not in ("", "s", "st", "nd", "rd", "th") else set())
    return frozenset(_STEMMER.stemWord(f) for f in forms)


_CLASS_OF_STEM = {_stem(w): name for w, name in _NOUN_CLASS.items()}
_KILLED_STEMS = {_stem(w) for w in _EVENTS["killed"] - {"body"}}
_NOT_COUNTED_STEMS = {_stem(w) for w in _NOT_COUNTED}  # no reading counts these


def noun_key(noun: str) -> str:
    """The key `keys` gives the counted noun of a reading (a lemma or a class name)."""
    if noun in _NOUN_CLASSES:
        return noun
    stem = _stem(noun)
    return _CLASS_OF_STEM.get(stem, stem)


def keys(text: str) -> frozenset[str]:
    """The kinds and counted nouns the sentence's figures may have (`keyed_amounts`)."""
    return frozenset(keyed_amounts(text))


def keyed_amounts(text: str) -> dict[str, frozenset[str]]:
    """The kinds and counted nouns the sentence's figures may have, read cheaply (meant
    as a superset of what `_readings` finds with the parse), each with the amounts
    written for it: "money:" and the currency, "unit", "age:" and the name (these with
    every amount of the sentence), and the stems of the words that may be the noun a
    number counts, synonyms by their class, with that number. A sentence without a
    number has no figure, so no key."""
    numerals = [m for m in _numerals(text) if not _not_a_count(text, m)]
    if not numerals:
        return {}
    found: dict[str, set[str]] = {}
    lower = text.lower()
    currencies = _currencies(text, lower)
    unit = _has_unit(text)
    # (`_AGE_HINT` first: it finds no match where `_AGE_NEAR_NAME` finds none, and fast;
    # every match of `_AGE` writes "-old", in any case.)
    named_ages = list(_AGE_NEAR_NAME.finditer(text)) if _AGE_HINT.search(text) else []
    ages = list(_AGE.finditer(text)) if "-old" in lower else []
    whole = amounts(text) if currencies or unit or named_ages or ages else frozenset()
    for m in currencies:
        found["money:" + m.group().lower()] = set(whole)
    if unit:
        found["unit"] = set(whole)
    for m in named_ages:  # "Kevin Johnson, 24," "(24)": the surname
        found["age:" + m.group(1).lower()] = set(whole)
        if m.group(1) in ("Jr", "Sr"):  # "Keith Knowles Jr., 27"
            for name in _NAME.findall(text, max(m.start() - 40, 0), m.start())[-1:]:
                found["age:" + name.lower()] = set(whole)
    for m in ages:  # "13-year-old Liberty German": one of the next names
        for name in _NAME.findall(text, m.end(), m.end() + 80)[:4]:
            for part in {name, name.rsplit("-", 1)[-1]}:  # "Jacob San-Juan": Juan
                found["age:" + part.lower()] = set(whole)
    amount_end = 0
    for m in numerals:
        if m.start() < amount_end or _AGE.match(text, m.start()):
            continue  # "million" of "3 million": read with its number; "24-year-old": an age
        amount, words, amount_end = _counted_words(text, m)
        for word in words:
            parts = {word, word.rsplit("-", 1)[-1]} - _NOT_NOUNS  # spaCy splits "mail-in"
            for stem in {s for part in parts for s in _lemmas(part)} - _NOT_COUNTED_STEMS:
                found.setdefault(_CLASS_OF_STEM.get(stem, stem), set()).add(amount)
                if stem in _KILLED_STEMS:
                    found.setdefault("people", set()).add(amount)
        if m.group()[0].isdigit() and text[m.end():m.end() + 1].isalpha():  # "49ers"
            token = _TOKEN.match(text, m.start()).group()
            if token.lower().lstrip("0123456789,.") not in ("st", "nd", "rd", "th", "s"):
                for stem in _lemmas(token):
                    found.setdefault(stem, set()).add(token.lower())
    return {key: frozenset(said) for key, said in found.items()}


# The words after a number up to the noun it may count: its noun phrase ends at a
# function word, a clause's punctuation, another number, or a lower-case plural
# ("2,000 heavily armed ISIS fighters", "six University of Connecticut students",
# "dozens of his Republican colleagues", "three times the national average").
_PHRASE_TOKEN = re.compile(r"\w+(?:[-.,'’]\w+)*|[^\w\s]")
_OF_AFTER = frozenset({"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand",
                       "thousands", "million", "millions", "billion", "billions", "tens",
                       "times"})
_PASSED = frozenset({"and", "or", "so", "most", "more", "times", "as", "many", "too"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "those",
                          "these", "this", "that"})  # after "of" or "times"
_QUOTE_MARKS = frozenset("-–'’`\"“”‘")
_HEADS = frozenset({"people", "children"})  # plurals without an s that modify no noun
_COUNTING_ITSELF = frozenset({"dozen", "dozens", "scores", "hundreds", "thousands",
                              "millions", "billions"})  # "thousands were killed"


def _counted_words(text: str, m: re.Match) -> tuple[str, list[str], int]:
    """The amount a number writes ("2000", "tens thousands", "5 million"), the words
    after it that may be what it counts (at most `KEY_WINDOW` tokens; a vague amount
    may count itself: "thousands were killed"), and where the amount ends."""
    amount = [_TOKEN.match(text, m.start()).group().lower().replace(",", "")]
    words: list[str] = [m.group()] if m.group().lower() in _COUNTING_ITSELF else []
    prev, end, read_past_amount = m.group().lower(), m.end(), False
    for n, t in enumerate(_PHRASE_TOKEN.finditer(text, m.end(), m.end() + 300)):
        token, lower = t.group(), t.group().lower()
        if n >= KEY_WINDOW:
            break
        if not token[0].isalnum():
            if token in _QUOTE_MARKS or (token == "." and ("." in prev or len(prev) <= 3)
                                         and prev[:1].isalpha()):  # "U.S. troops", "Co."
                continue
            break
        if _LOWER_NUMERAL.fullmatch(lower):
            if read_past_amount:
                break  # another number: another figure
            amount.append(lower.replace(",", ""))
            end = t.end()
            if lower in _COUNTING_ITSELF:
                words.append(token)
        elif lower in _PASSED or (lower == "of" and (prev in _OF_AFTER or token[:1].isupper()
                                                    or prev[:1].isupper())):
            pass  # "tens of thousands of civilians", "University of Connecticut students"
        elif lower in _DETERMINERS and prev in ("of", "times"):
            pass
        elif lower in _NOT_NOUNS:
            break
        else:
            words.append(token)
            read_past_amount = True
            if lower in _HEADS or (token.islower() and len(lower) > 3 and lower.endswith("s")
                                   and not lower.endswith(("ss", "us", "is"))):
                break
        prev = token if token[:1].isupper() else lower
    return " ".join(amount), words, end


# The letters that a case-blind pattern takes for ASCII ones but `str.lower` does not make
# them: "ı" and "ſ" match "i" and "s", and "İ" lower-cases to two characters (every other
# letter lower-cases to the one it matches; digits, spaces and word characters stay so).
_FOLDED_APART = ("ı", "ſ", "İ")


def _lower_alike(text: str) -> bool:
    """Whether a case-blind pattern whose letters are ASCII finds in `text` what its
    lower-case self finds in `text.lower()`, at the same places (faster: `re` matches
    case-blind patterns slowly): yes for ASCII text and text without `_FOLDED_APART`."""
    return text.isascii() or not any(letter in text for letter in _FOLDED_APART)


# Every unit of `_UNITS` holds one of these: a sentence without any of them (in lower
# case, `_lower_alike`) has no unit, and is not searched (`_UNIT` is slow on every sentence).
_UNIT_CORES = ("km", "mile", "metre", "meter", "hectare", "acre")


def _has_unit(text: str) -> bool:
    """Whether `_UNIT` finds a unit in the text."""
    if _lower_alike(text):
        lower = text.lower()
        if not any(core in lower for core in _UNIT_CORES):
            return False
    return bool(_UNIT.search(text))


def _currencies(text: str, lower: str) -> list[re.Match]:
    """`_CURRENCY`'s matches in `text` (`lower` is `text.lower()`): the case-blind
    pattern's lower-case self on the lower-cased text, faster, and only where one of its
    cues is found."""
    if not _lower_alike(text):
        return list(_CURRENCY.finditer(text))
    return list(_LOWER_CURRENCY.finditer(lower)) if may_match(_CURRENCY_CUES, lower) else []


def _numerals(text: str) -> list[re.Match]:
    """`_NUMERAL`'s matches in `text` (their positions; match lower-case text)."""
    if not _lower_alike(text):
        return list(_NUMERAL.finditer(text))
    lower = text.lower()
    if _DIGIT.search(lower) is None and not may_match(_NUMERAL_WORD_CUES, lower):
        return []
    return list(_LOWER_NUMERAL.finditer(lower))


# Numbers that are no count: a percentage, an ordinal, a clock time or a score, a year,
# a duration ("six months" is a date to spaCy), and "one" alone ("one of them").
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s?cent\b|pct\b)|(?:st|nd|rd|th)\b"
                            r"|:\d|\s*[ap]\.?m\b\.?", re.I)
_DURATION_AFTER = re.compile(r"[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)"
                             r"\b(?![-\s]+old)", re.I)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_QUALIFIED_BEFORE = re.compile(r"(?i)\b(?:than|least|most|about|around|nearly|almost|some|"
                               r"roughly|approximately|estimated|up to|many as)\s+$")


def _not_a_count(text: str, m: re.Match) -> bool:
    word = m.group().rstrip(",.")  # "2014," "3." end a clause
    if word.lower() == "one":
        return not _QUALIFIED_BEFORE.search(text, max(m.start() - 30, 0), m.start())
    if word[0].isdigit() and (_YEAR.fullmatch(word) or text[m.start() - 1:m.start()] == ":"):
        return True
    return bool(_PERCENT_AFTER.match(text, m.end()) or _DURATION_AFTER.match(text, m.end()))


def amounts(text: str) -> frozenset[str]:
    """The numbers a sentence writes, as written ("2,000", "5m", "two", "million"): two
    sentences whose only amount is the same cannot give figures that contradict (every
    range a wording allows holds its number), unless units convert it."""
    return frozenset(_TOKEN.match(text, m.start()).group().lower().replace(",", "")
                     for m in _numerals(text))


MAX_KEYED = 200  # sentences sharing a key past which all of them are parsed, unsorted


def worth_parsing(texts: dict[int, tuple[str, str]],
                  published: dict[str, str | None] | None = None,
                  statements: dict[int, int] | None = None,
                  named: dict[int, object] | None = None) -> set[int]:
    """Of the sentences (index -> (article, text)), those whose figures may end up in a
    disagreement or a change; only these need spaCy.

    Figures are compared only with another article's figure of the same key
    (`keyed_amounts`), and only when their time is known to be one or days apart
    (`_when`): articles published within a day (`published`), or within half a year
    for figures that contradict (a change), or, when either is undated, sentences of one
    statement (`statements`: sentence index -> fact; without
    it, any two may be) or naming the same time (`_time_words`); ages only of one day or
    one statement (an age names no time and is no change). What is reported is a
    group of such comparable figures in which two contradict. So a sentence is parsed
    when it is linked to another article's sentence that may be compared with it, in a
    group of such links where two may contradict (not when both write the same one
    amount for the key). Where the parse finds a contradiction, `same_key_in_articles`
    names the other sentences to parse (`_also_given`).

    Comparable figures name the same times (`_time_bounds`, from spaCy's entities).
    Without `named`, the words the entity recognizer always puts in a time
    (`_sure_time_words`: "in 2014", "Monday", "last year") stand for them: two sentences
    are not linked when one holds such a word that the other does not hold at all, as
    the recognizer would not link them either; so the sentences picked for entities are
    those `named` may keep.

    `named` (sentence index -> a spaCy doc with entities, not parsed) narrows this down
    to those of its sentences that still need the parse: a sentence whose entities hold
    no figure has none (`_may_have_figures`), and figures are comparable only when their
    sentences name the same times (`_time_bounds`)."""
    if named is not None:
        texts = {k: texts[k] for k in named if _may_have_figures(named[k])}
        bounds = {k: _time_bounds(named[k]) for k in texts}
    keyed = {k: keyed_amounts(text) for k, (_, text) in texts.items()}
    sharing: dict[str, list[int]] = {}
    for k, found in keyed.items():
        for key in found:
            sharing.setdefault(key, []).append(k)
    days = {a: _day(d) for a, d in (published or {}).items()}
    times: dict[int, frozenset[str]] = {}
    sure: dict[int, tuple[frozenset[str], str]] = {}

    def _may_share_sure_times(a: int, b: int) -> bool:
        for k in (a, b):
            if k not in sure:
                sure[k] = _sure_time_words(texts[k][1]), texts[k][1].lower()
        (words_a, lower_a), (words_b, lower_b) = sure[a], sure[b]
        return (all(word in lower_b for word in words_a)
                and all(word in lower_a for word in words_b))

    def may_meet(a: int, b: int, clash: bool, key: str) -> bool:
        when = days.get(texts[a][0]), days.get(texts[b][0])
        one_statement = statements is None or statements.get(a, -1 - a) == statements.get(b, -1 - b)
        age = key.startswith("age:")  # an age names no time (`_ages`) and is no change
        if named is not None and not age and not _may_name_same_times(
                bounds[a], bounds[b], empty=None not in when or one_statement):
            return False  # comparable figures name the same times
        if None not in when:  # one time, or a change (joined only where they contradict)
            apart = abs((when[0] - when[1]).days)
            meet = apart <= SAME_TIME_DAYS or (clash and apart <= CHANGE_DAYS and not age)
        elif one_statement or age:
            meet = one_statement
        else:
            for k in (a, b):
                if k not in times:
                    times[k] = _time_words(texts[k][1])
            meet = bool(times[a] & times[b])
        # (last, as the costliest: a time one names surely and the other does not name)
        return meet and (named is not None or age or _may_share_sure_times(a, b))

    chosen: set[int] = set()
    for key, members in sharing.items():
        if len({texts[k][0] for k in members}) < 2:
            continue
        if len(members) > MAX_KEYED:
            chosen.update(members)
            continue
        converted = key == "unit"  # one number in miles and in km: two values
        parent = {k: k for k in members}

        def root(k: int) -> int:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        linked: set[int] = set()
        clashing: set[int] = set()  # a member of each link that may contradict
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if texts[a][0] == texts[b][0]:
                    continue
                x, y = keyed[a][key], keyed[b][key]
                clash = converted or x != y or len(x) > 1
                if not may_meet(a, b, clash, key):
                    continue
                parent[root(b)] = root(a)
                linked |= {a, b}
                if clash:
                    clashing.add(a)
        groups = {root(k) for k in clashing}
        chosen.update(k for k in linked if root(k) in groups)
    return chosen


# Words that may be part of a date, a time or a named event ("on Monday", "last year",
# "in 2014", "during the Olympics"): two undated sentences that name no such word in
# common do not name the same time (`_times`). A number of a time is shared too ("in
# 2014", "two years": "years"), not an amount ("80,000", "1.5", "$27"). Words that only
# modify or count a time ("last", "this", "early", "first", "times") are left out: a
# time named with them holds a word above as well ("last year", "the first week"; on
# both dev sets, every pair of sentences whose parse names the same times shares one).
_TIME_WORDS = frozenset(
    "today yesterday tonight tomorrow night nights morning mornings afternoon afternoons "
    "evening evenings day days week weeks weekend weekends month months year years decade "
    "decades century centuries annual annually daily weekly monthly yearly overnight summer "
    "winter spring fall autumn season seasons ago recent recently hour hours minute minutes "
    "noon midnight dawn eve olympic olympics games war christmas easter thanksgiving "
    "holiday holidays period era past second january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct "
    "nov dec monday tuesday wednesday thursday friday saturday sunday".split())
_TIME_TOKEN = re.compile(r"[$£€]?\d[\d,.]*\d|[$£€]?\d|[A-Za-z]+")
_AMOUNT = re.compile(r"\d[,.]\d")


def _time_words(text: str) -> frozenset[str]:
    """The sentence's words that may belong to a time it names (lower case): time words,
    whole numbers, and the names after "during", "after" or "before" (within five words)."""
    found = set()
    after_cue = 0
    for word in _TIME_TOKEN.findall(text):
        lower = word.lower()
        if word[0].isdigit():
            if not _AMOUNT.search(word):
                found.add(word.rstrip(".,"))
        elif lower in _TIME_WORDS or (after_cue and word[0].isupper()):
            found.add(lower)
        after_cue = 5 if lower in ("during", "after", "before") else max(after_cue - 1, 0)
    return frozenset(found)


# Words that spaCy's entity recognizer puts inside a time entity (DATE or TIME, not an
# age) wherever they stand in a sentence: a year after "in", "since", "of", "during",
# "until" or "from" (not "by 2000 GMT", "some 2000 troops", "1991 to 1998"), the months
# but May and March, the weekdays, "yesterday", "afternoon", "weeks", "months",
# "decades", "annually", and a lower-case "year", "week", ... after "last", "this" or
# "next" ("this Autumn" is not one). Measured on the sentences picked for entities of
# Multi-News dev 250, DUC 2006 undated and dated, DUC 2007 update B and 137 groups of
# 15 Timeline17 dev articles (`tests/test_figure_times.py` has the figures): a word
# that one sentence holds so, and another does not hold at all, is a time entity of the
# first that the second has none like, and `_may_name_same_times` parts them.
_SURE_TIME = re.compile(
    r"(?ai)\b(?:(?:in|since|of|during|until|from) (?P<year>(?:1[89]|20)\d\d)\b(?![-–]?\d)"
    r"|(?P<word>january|february|april|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|months|weeks|decades|"
    r"annually|yesterday|afternoon)\b"
    r"|last (?P<last>(?-i:year|week|month|decade|weekend|summer|winter|spring|fall|autumn|"
    r"night))\b"
    r"|this (?P<this>(?-i:year|week|month|weekend|summer|winter|spring|fall|autumn))\b"
    r"|next (?P<next>(?-i:year|week|month|weekend))\b)")


def _sure_time_words(text: str) -> frozenset[str]:
    """The words of the sentence that the entity recognizer puts in a time (lower case):
    "in 2014" gives "2014", "last year" "year"."""
    return frozenset(next(filter(None, m.groups())).lower() for m in _SURE_TIME.finditer(text))


def _may_have_figures(doc) -> bool:
    """Whether `_readings` may find a figure in the sentence, from its entities alone."""
    return any(e.label_ in _FIGURE_LABELS or _named_person(e) for e in doc.ents)


def _time_bounds(doc) -> tuple[frozenset[str], frozenset[str]]:
    """What `_times` finds in the sentence, from its entities alone: the times it surely
    holds, and all it may hold (the others depend on the parse)."""
    sure = frozenset(_entity_text(e) for e in doc.ents
                     if e.label_ in _TIME_LABELS and not _AGE.search(e.text))
    if not any(t.lower_ in _TIME_CUES for t in doc):
        return sure, sure
    return sure, frozenset(_entity_text(e) for e in doc.ents)


def _may_name_same_times(a: tuple[frozenset, frozenset], b: tuple[frozenset, frozenset],
                         empty: bool) -> bool:
    """Whether two sentences of these `_time_bounds` may name the same times (`empty`:
    or none; undated figures of two statements are compared only if they name one)."""
    both = a[1] & b[1]
    return a[0] | b[0] <= both and (empty or bool(both))


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@dataclass(frozen=True)
class _Reading:
    """A figure with the key that decides what it can be compared with."""

    figure: Figure
    kind: str
    noun: str
    what: str  # the counted thing as written, for the subject line
    event: str
    places: frozenset[str]
    times: frozenset[str]
    modifiers: frozenset[str]
    unit: str  # currency or "" for counts, areas and distances (held in km or km²)
    order: int
    published: str | None = None  # the article's date: counts days apart may both be right
    fact: int = -1  # the statement (fact) its sentence belongs to

    def comparable(self, other: _Reading) -> bool:
        """The same quantity, by another source (at any time); "people" with no event, no
        modifier and no place is no quantity at all (those at a meeting, in a hall, in a
        crowd: "people: 50 [69]; more than 200 [78]; 25 [78]" on a story's page)."""
        return (self.figure.article != other.figure.article
                and (self.kind, self.noun, self.event, self.places, self.times, self.unit)
                == (other.kind, other.noun, other.event, other.places, other.times, other.unit)
                and self.modifiers == other.modifiers
                and not (self.noun in _ANYONE and not (self.event or self.modifiers
                                                       or self.places))
                and _near(self.figure, other.figure))

    def contradicts(self, other: _Reading) -> bool:
        return self.figure.high < other.figure.low or other.figure.high < self.figure.low


# Figures more than this many times apart count different things, whatever their words
# share: the 1918 flu's "estimated 50 million" dead and this outbreak's "up to 160",
# "dozens" of pigs culled and "300,000-400,000", "36,000 deaths a year" and a week's
# "six deaths" (story pages listed each as the sources' disagreement or a change).
FAR_APART = 10


def _near(a: Figure, b: Figure) -> bool:
    return not _far(max(a.low, b.low), min(a.high, b.high))


def _far(low, high) -> bool:
    """Whether a group's highest low is more than FAR_APART times its lowest high (dates,
    strings, are never far)."""
    return isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > FAR_APART * high


def compare(docs: dict[int, object], sentences: list[Sentence], files: dict[str, str | None],
            published: dict[str, str | None] | None = None,
            fact_of: dict[int, int] | None = None, read: dict[int, list] | None = None,
            ) -> tuple[tuple[Disagreement, ...], tuple[Change, ...]]:
    """Comparable figures that contradict: at one time they are a disagreement, at
    different times a change.

    Disagreements are groups of figures of one time in which two sources contradict each
    other; changes are groups of figures from articles published days apart that could
    not all hold at once, in date order. Each lists every source's figure (at most
    `MAX_FIGURES`), in the order the subjects first appear. `published` dates the
    articles; `fact_of` maps a sentence index to its fact (the same statement in two
    articles is of one time even when neither article is dated). `read` keeps each
    sentence's figures for the next call on the same docs (see `contradicting`).
    """
    readings, buckets = _bucketed(docs, sentences, files, published, fact_of, read)
    same, apart = _Groups(readings), _Groups(readings)
    for bucket in buckets:
        for n, i in enumerate(bucket):
            for j in bucket[n + 1:]:
                a, b = readings[i], readings[j]
                if not a.comparable(b):
                    continue
                when = _when(a, b)
                clash = a.contradicts(b) and not _also_given(a, b, readings, bucket)
                if when == "same":
                    same.join(i, j, flag=clash)
                elif when == "apart" and clash and _may_change(a, b):
                    apart.join(i, j, flag=True)
    disagreements = tuple(
        Disagreement(_subject(members), members[0].kind, _listed(members, files))
        for members in same.flagged(readings))
    changes = tuple(
        Change(_subject(members), members[0].kind,
               _listed(sorted(members, key=lambda r: r.published or ""), files, by_article=False))
        for members in apart.flagged(readings))
    return disagreements, changes


def contradicting(docs: dict[int, object], sentences: list[Sentence],
                  files: dict[str, str | None], published: dict[str, str | None] | None = None,
                  fact_of: dict[int, int] | None = None, read: dict[int, list] | None = None,
                  ) -> set[tuple[int, int]]:
    """The sentence pairs (by index) whose figures `compare` joins and that contradict:
    comparable, of one time, or days apart for a state that may change. `read`, a dict
    given to each call on (growing) docs of one cluster, keeps each sentence's figures,
    so that they are read from its parse once."""
    readings, buckets = _bucketed(docs, sentences, files, published, fact_of, read)
    found = set()
    for bucket in buckets:
        for n, i in enumerate(bucket):
            for j in bucket[n + 1:]:
                a, b = readings[i], readings[j]
                if a.comparable(b) and a.contradicts(b) and (
                        (when := _when(a, b)) == "same" or (when == "apart" and _may_change(a, b))):
                    found.add((a.order // 1000, b.order // 1000))
    return found


def _bucketed(docs, sentences, files, published, fact_of, read=None,
              ) -> tuple[list[_Reading], list[list[int]]]:
    """The figures of the parsed sentences, and the lists of those that may compare
    (the same key), each at most `MAX_PER_BUCKET` long."""
    published, fact_of = published or {}, fact_of or {}
    read = {} if read is None else read
    for k, doc in docs.items():
        if k not in read:
            read[k] = _readings(doc, sentences[k], files, k)[:MAX_PER_SENTENCE]
    readings = [replace(r, published=published.get(r.figure.article), fact=fact_of.get(k, -1 - k))
                for k in sorted(docs) for r in read[k]]
    readings = [replace(r, figure=replace(r.figure, date=r.published)) for r in readings]
    buckets: dict[tuple, list[int]] = {}  # only readings with the same key can compare
    for i, r in enumerate(readings):
        buckets.setdefault((r.kind, r.noun, r.event, r.places, r.times, r.unit), []).append(i)
    # bounded work on lists of hundreds of figures
    return readings, [bucket[:MAX_PER_BUCKET] for bucket in buckets.values()]


def same_key_in_articles(pairs: set[tuple[int, int]],
                         texts: dict[int, tuple[str, str]]) -> set[int]:
    """The sentences that may tell whether contradicting figures (`pairs` of sentence
    indexes) are one quantity: those of either article that share a key (`keys`) with
    the other side's sentence. An article that also gives a figure like the other's for
    the same key counts two things under it (`_also_given`)."""
    articles = {texts[k][0] for pair in pairs for k in pair}
    keyed = {k: keys(text) for k, (article, text) in texts.items() if article in articles}
    found = set()
    for a, b in pairs:
        for mine, other in ((a, b), (b, a)):
            found.update(k for k, found_keys in keyed.items()
                         if texts[k][0] == texts[mine][0] and found_keys & keyed[other])
    return found


class _Groups:
    """Union-find over readings; a group is flagged when one of its joins was. A join
    that would put two figures more than FAR_APART times apart in one group is refused
    (2,000 and 15,000, then 15,000 and 120,000 fighters do not make one quantity)."""

    def __init__(self, readings: list[_Reading]) -> None:
        self.parent = list(range(len(readings)))
        self.marked: list[int] = []
        # by root: the group's highest low and lowest high
        self.bounds = [(r.figure.low, r.figure.high) for r in readings]

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int, *, flag: bool) -> None:
        a, b = self.root(i), self.root(j)
        if a == b:
            return
        (lo_a, hi_a), (lo_b, hi_b) = self.bounds[a], self.bounds[b]
        if isinstance(lo_a, (int, float)) and isinstance(lo_b, (int, float)):
            low, high = max(lo_a, lo_b), min(hi_a, hi_b)
            if _far(low, high):
                return
            self.bounds[a] = (low, high)
        self.parent[b] = a
        if flag:
            self.marked.append(i)  # its root is taken at the end

    def flagged(self, readings: list[_Reading]) -> list[list[_Reading]]:
        groups: dict[int, list[int]] = {}
        for i in range(len(readings)):
            groups.setdefault(self.root(i), []).append(i)
        keys = sorted({self.root(i) for i in self.marked}, key=lambda g: min(groups[g]))
        return [[readings[i] for i in groups[key]] for key in keys]


def _listed(members: list[_Reading], files, *, by_article: bool = True) -> tuple[Figure, ...]:
    if by_article:
        members = sorted(members, key=lambda r: (_article_order(r.figure.article, files), r.order))
    return tuple(_unique(r.figure for r in members))[:MAX_FIGURES]


def _also_given(a: _Reading, b: _Reading, readings: list[_Reading], bucket: list[int]) -> bool:
    """Either source also gives a figure like the other's for the same key: then the two
    figures count different things the key does not tell apart (a 25 mph and a 30 mph
    test, both in each article), not one quantity that the sources disagree on."""
    for k in bucket:
        r = readings[k]
        if r is a or r is b:
            continue
        if r.figure.article == a.figure.article and not r.contradicts(b) and _same_key(r, b):
            return True
        if r.figure.article == b.figure.article and not r.contradicts(a) and _same_key(r, a):
            return True
    return False


def _same_key(x: _Reading, y: _Reading) -> bool:
    return ((x.kind, x.noun, x.event, x.places, x.times, x.unit, x.modifiers)
            == (y.kind, y.noun, y.event, y.places, y.times, y.unit, y.modifiers))


def _may_change(a: _Reading, b: _Reading) -> bool:
    """Figures from different times are a change only for a named state (its counted
    thing narrowed by who or where: "ISIS fighters", "troops in Syria"), not the count of
    an event (the dead of two attacks are two counts; a toll revised is the sources'
    difference), not an age (which changes as expected), and within half a year: further
    apart, like figures in a topic's articles count different things."""
    days = abs((date.fromisoformat(a.published) - date.fromisoformat(b.published)).days)
    return (a.kind != "age" and not a.event and bool(a.modifiers or a.places)
            and days <= CHANGE_DAYS)


def _when(a: _Reading, b: _Reading) -> str:
    """"same" when two comparable figures are of one time, "apart" when their articles
    were published days apart, "" when nothing says (they are then not compared).

    Dated articles decide by their dates. Otherwise the text must make the time evident:
    the two sentences are the same statement (one fact), or name the same time ("on
    Monday", "in 2014"; the comparable key already holds it equal on both sides)."""
    if a.published and b.published:
        days = abs((date.fromisoformat(a.published) - date.fromisoformat(b.published)).days)
        return "same" if days <= SAME_TIME_DAYS else "apart"
    return "same" if a.fact == b.fact or a.times else ""


_FIGURE_LABELS = ("CARDINAL", "QUANTITY", "MONEY")  # the entities that are figures
_ANYONE = frozenset({"people", "person", "persons", "individuals", "others"})


def _readings(doc, sentence: Sentence, files: dict[str, str | None], k: int) -> list[_Reading]:
    places, times = frozenset(_places(doc)), frozenset(_times(doc))
    out = list(_ages(doc, sentence, files, k))
    for ent in doc.ents:
        if ent.label_ not in _FIGURE_LABELS:
            continue
        reading = _reading(doc, ent, sentence, files, places, times, k)
        if reading is not None:
            out.append(reading)
    return out


def _reading(doc, ent, sentence: Sentence, files, places, times, k: int) -> _Reading | None:
    start = ent.start
    for n in (3, 2, 1):  # a qualifier just before the entity: "up to" 600
        m = _QUALIFIER.match(doc[max(ent.start - n, 0):ent.end].text) if ent.start >= n else None
        if m and m.end() >= len(doc[ent.start - n:ent.start].text):
            start = ent.start - n
            break
    phrase = doc[start:ent.end].text
    after = doc[ent.end:ent.end + 4].text
    unit_match = _UNIT.match(after) if ent.label_ != "MONEY" else None
    value = _value(phrase + (" " + unit_match.group() if unit_match else ""))
    if value is None:
        return None
    low, high = value
    if high == 1 or _PARTIAL_BEFORE.search(doc[:start].text) or _PARTIAL_AFTER.match(after):
        return None  # "one course", "another 11 people", "three other people": no totals
    kind, unit, noun_token = "count", "", None
    if currency := _CURRENCY.search(phrase):  # spaCy's MONEY without one is a count
        kind, unit = "money", currency.group().lower()
    elif (unit_found := _UNIT.search(phrase) or unit_match):
        kind, factor = _UNITS[unit_found.group(1).lower().rstrip("s")]
        low, high = low * factor, high * factor
    if _supposed(ent.root):
        return None  # "if there have been hundreds of thousands of cases ...": no report
    if kind == "count":
        noun_token = _counted(doc, ent)
        if noun_token is None:
            return None
        counted = lemma(noun_token)
        if counted in _NOT_COUNTED or (noun_token.pos_ == "PROPN" and noun_token.ent_type_):
            return None
        noun, what = _NOUN_CLASS.get(counted, counted), noun_token.text
        if counted in _EVENTS["killed"] and counted != "body":
            noun, what = "people", "deaths"
    else:  # money, areas and distances: keyed by what is done with them, and by whom
        verb = _governing_verb(ent.root)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None) if verb is not None else None
        if subject is None or subject.pos_ == "PRON":
            return None
        noun = f"{lemma(verb)} by {lemma(subject)}"
        what = f"{verb.text} by {subject.text}" if kind == "money" else subject.text
    event = _event(doc, ent, noun_token)
    if noun == "people" and what == "deaths" and event != "killed":
        noun = "deaths"  # "140 deaths" with no verb of killing: not "1,300 people [are] in hospital"
    if event:  # "The Lauda Air crash killed 223": the names of what did it are its scope
        places = places | _agent_names(noun_token if noun_token is not None else ent.root)
    modifiers: frozenset[str] = frozenset()
    if noun_token is not None:
        modifiers, first = _modifiers(noun_token, ent)
        what = doc[first:noun_token.i + 1].text  # "ISIS fighters", as the source wrote it
        modifiers |= _state(noun_token)
        if scope := _SCOPE.match(doc.text[noun_token.idx + len(noun_token.text):]):
            modifiers |= {"on the ground" if "ground" in scope.group() else "aboard"}
    figure = Figure(sentence.article, files.get(sentence.article), phrase.strip(),
                    low, high, sentence.start, sentence.end, sentence.text)
    return _Reading(figure, kind, noun, what, event, places - modifiers, times, modifiers,
                    unit, k * 1000 + ent.start)


# Part of a total, not the total: "another 11 people", "three other people", a day's
# "two new cases" (the next day's "five new cases" are no other count of them).
_PARTIAL_BEFORE = re.compile(r"(?i)\b(?:another|an additional|a further)\s*$")
_PARTIAL_AFTER = re.compile(r"(?i)^\s*(?:other|more|additional|further)\b"
                            r"|^\s*new (?:cases?|infections?|deaths?|patients?|victims?)\b")
# Where the counted people were: "109 people on board" are not the 113 killed in all.
_SCOPE = re.compile(r"(?i)^\s+(?:on\s+board|aboard|on\s+the\s+(?:ground|plane|airplane|aircraft|"
                    r"jet|ship|train|bus|flight|submarine))\b")
_AGE = re.compile(r"\b\d{1,3}-years?-olds?\b", re.I)
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-years?-olds?\s+$", re.I)
_AGE_AFTER = re.compile(r"^\s*(?:,\s*(?:aged\s+)?(\d{1,3})\s*(?:,|\.|;|$)|\((\d{1,3})\))")
# (The name is tried only where a run of letters starts: `finditer` makes the same matches,
# as a match inside a run would be preceded by one from its start, but the search no longer
# tries every letter of every word against the rest of it.)
_AGE_NEAR_NAME = re.compile(r"((?<![A-Za-z])[A-Za-z]+)[.]?\s*(?:,\s*(?:aged\s+)?\d{1,3}\s*"
                            r"(?:[,.;]|$)|\(\d{1,3}\))")
_AGE_HINT = re.compile(r",\s*(?:aged\s+)?\d|\(\d")  # in every match of _AGE_NEAR_NAME
_NAME = re.compile(r"\b[A-Z][\w'’-]*")


def _ages(doc, sentence: Sentence, files, k: int):
    """People's ages: "Kevin Johnson, 25," / "Kevin Johnson (25)" / "13-year-old Liberty
    German". An age belongs to a full name (first name and surname): "Mr. Smith, 41" and
    "Mrs. Smith, 38" are two people."""
    text = doc.text
    for ent in doc.ents:
        if not _named_person(ent):
            continue
        names = [t.text for t in ent if t.is_alpha]
        person = ent.label_ == "PERSON"
        before = _AGE_BEFORE.search(text[:ent.start_char])
        after = _AGE_AFTER.match(text[ent.end_char:])
        if after and after.group(2) and not person:
            after = None  # "New York (45)" is a count, not an age
        age = before.group(1) if before else (after.group(1) or after.group(2)) if after else None
        if age is None or not 0 < int(age) < 120:
            continue
        figure = Figure(sentence.article, files.get(sentence.article),
                        before.group().strip() if before else age, float(age), float(age),
                        sentence.start, sentence.end, sentence.text)
        yield _Reading(figure, "age", "age of " + names[-1].lower(), ent.text, "",
                       frozenset(), frozenset(), frozenset({names[0].lower()}), "",
                       k * 1000 + ent.start)


def _named_person(ent) -> bool:
    """Whether an entity may be a person's full name, whose age a sentence may give."""
    names = [t.text for t in ent if t.is_alpha]
    return len(ent) <= 6 and len(names) >= 2 and (ent.label_ == "PERSON" or (  # the small
        ent.label_ in ("ORG", "FAC") and all(n.istitle() for n in names)))  # model often
    # takes a name for an organisation or a building, never for a place


def _value(phrase: str) -> tuple[float, float] | None:
    """The range of values a figure's wording allows, or None if it holds no number."""
    text = phrase.lower().replace("–", "-").strip()
    reading = "exact"
    while True:
        if m := _QUALIFIER.match(text):  # before the fillers: "a maximum of", "an estimated"
            reading = next(r for i, (_, r) in enumerate(_QUALIFIERS) if m.group(f"q{i}"))
            text = text[m.end():]
        elif m := _FILLER.match(text):
            text = text[m.end():]
        else:
            break
    if _FRACTION.search(text):
        return None  # "one-third of the residents", "half": a share, not a count
    text = _CURRENCY.sub("", _SPACED_THOUSANDS.sub("", text)).strip()
    whole = _NUMBER.fullmatch(text)  # "twenty-five" is a number, not a range
    m = None if whole else (re.match(r"between\s+(.+?)\s+and\s+(.+)$", text)
                            or re.match(r"(\d.*?)\s*(?:to|-|–)\s*(\d.*)$", text))
    if m:
        a, b = _number(m.group(1)), _number(m.group(2))
        if a is not None and b is not None:
            scale = _scale_of(m.group(2))
            if a < b / 1000 and scale > 1:  # "3 to 4 million": the scale covers both
                a *= scale
            return (min(a, b), max(a, b))
    for words in sorted(_VAGUE, key=len, reverse=True):
        if text.startswith(words):
            return _VAGUE[words]
    x = _number(text)
    if x is None or x <= 0:
        return None
    if reading == "upper":
        return (x / 2, x)
    if reading == "lower":  # "more than 200" agrees with 500: a floor, like "at least"
        return (x, math.inf)
    if reading == "floor":
        return (x, math.inf)
    if reading == "nearly":
        return (0.8 * x, x)
    if reading == "about":
        return (0.8 * x, 1.2 * x)
    if x >= 100 and _round(x):
        return (0.9 * x, 1.1 * x)
    return (x, x)


def _number(text: str) -> float | None:
    m = _NUMBER.match(text.strip())
    if not m:
        return None
    n = m.group("n").lower()
    value = float(n.replace(",", "")) if n[0].isdigit() else float(_WORD_NUMBERS[n])
    if m.group("unit"):
        value += _WORD_NUMBERS[m.group("unit").lower()]
    if m.group("scale"):
        value *= _SCALES[m.group("scale").lower()]
    return value


def _scale_of(text: str) -> float:
    m = _NUMBER.match(text.strip())
    return _SCALES[m.group("scale").lower()] if m and m.group("scale") else 1.0


def _round(x: float) -> bool:
    """A number given to two or fewer significant figures (2,000; 7,500; 1.2 million)."""
    digits = f"{x:.0f}".rstrip("0")
    return len(digits) <= 2


def _counted(doc, ent):
    """The noun a number counts: "2,000 ISIS fighters" -> fighters; "tens of thousands of
    civilians" -> civilians; "more than 200 dead" -> dead (people)."""
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ == "of":  # "tens of thousands of civilians"
        nouns = [c for c in after.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
        vague = any(ent.text.lower().endswith(words) for words in _VAGUE)
        # but "two of the hostages" counts some of them, not the hostages
        return nouns[0] if nouns and vague else None
    if after is not None and lemma(after) in _EVENT and after.pos_ in ("ADJ", "VERB",
                                                                                 "NOUN"):
        return after  # "200 dead", "15 injured"
    root = ent.root
    if root.pos_ == "NOUN" and root.i == ent.end - 1 and lemma(root) not in _VAGUE:
        return root  # the entity holds its noun: "between 14,000 and 18,000 militants"
    if root.dep_ in ("nummod", "quantmod") and root.head.pos_ == "NOUN" and root.head.i >= ent.end:
        return root.head
    for token in doc[ent.end:ent.end + 4]:  # misparses: take the first plain noun after
        if token.pos_ == "NOUN" and token.dep_ != "compound":
            return token
        if token.pos_ not in ("PROPN", "ADJ", "NOUN") and token.text not in ("-",):
            break
    return None


def _event(doc, ent, noun) -> str:
    """The event class of the count (killed, wounded, fled, detained) or "" for none."""
    lemmas = []
    if noun is not None:  # not the noun itself: "ten hostages were freed" is no detention
        if lemma(noun) in ("dead", "injured", "wounded", "missing", "displaced"):
            lemmas.append(lemma(noun))  # "200 dead": the adjective is the event
        lemmas += [lemma(c) for c in noun.children if c.dep_ in ("relcl", "acl", "amod")]
        for c in noun.children:
            if c.dep_ in ("relcl", "acl"):
                lemmas += [lemma(g) for g in c.children if g.pos_ in ("VERB", "ADJ")]
    token = noun if noun is not None else ent.root
    while token.head.i != token.i:
        token = token.head
        lemmas.append(lemma(token))
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            lemmas += [lemma(c) for c in token.children
                       if c.dep_ in ("acomp", "oprd", "xcomp")]
            break
    for word in lemmas:
        if word in _EVENT:
            return _EVENT[word]
    verb = lemma(token) if token.pos_ in ("VERB", "AUX") else ""
    return "" if not verb or verb in _BEING else f"({verb})"


def _supposed(token) -> bool:
    """Whether `token` stands in a clause that supposes rather than reports: "if there
    have been hundreds of thousands of cases", "unless 5,000 troops are sent"."""
    while True:
        if token.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
            return True
        if token.head.i == token.i:
            return False
        token = token.head


def _state(noun) -> frozenset[str]:
    """The state a verb of being gives the counted noun, as a modifier: "200,000 people
    are unaccounted for" are unaccounted people, not the "millions of people [who]
    remain in need" of a later report (a story page gave "people in Haiti: up to
    200,000; then millions" as a change)."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or lemma(verb) not in _BEING:
        return frozenset()
    return frozenset(lemma(c) for c in verb.children  # (not "holed up": a way of being)
                     if c.dep_ == "acomp" and c.pos_ == "ADJ"
                     and lemma(c) not in _EVENT and lemma(c) not in _BEING)


def _governing_verb(token):
    while token.head.i != token.i:
        token = token.head
        if token.pos_ == "VERB":
            return token
    return None


def _modifiers(noun, ent) -> tuple[frozenset[str], int]:
    """Who or what the counted noun is narrowed to ("ISIS fighters", "US troops"), and
    where those words start."""
    firsts = [t.left_edge.i for t in noun.lefts
              if t.i >= ent.end and t.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if not firsts:
        return frozenset(), noun.i
    first = max(min(firsts), ent.end)
    words = [w for w in noun.doc[first:noun.i].text.split()
             if _normal(w) not in _PLAIN_MODIFIERS and not any(ch.isdigit() for ch in w)]
    return (frozenset({_normal(" ".join(words))}) if words else frozenset()), first


def _agent_names(token) -> frozenset[str]:
    """The names in the subject of the verb a count belongs to, when the count is not
    that subject: "The Lauda Air crash killed all 223 people" is Lauda Air's toll."""
    verb = _governing_verb(token)
    if verb is None:
        return frozenset()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                and not any(t.i == token.i for t in c.subtree)]
    names, current = set(), []
    for s in subjects:  # runs of proper nouns: the small model misses many names
        for t in list(s.subtree) + [None]:
            if t is not None and t.pos_ == "PROPN":
                current.append(t.text)
            elif current:
                names.add(_normal(" ".join(current)))
                current = []
    return frozenset(names)


def _places(doc) -> list[str]:
    """The places a sentence names as places ("in Syria", "at O'Hare"), not as
    adjectives ("US President", "UK-based")."""
    return [("outside " if e.root.dep_ == "pobj" and e.root.head.lower_ in _OUTSIDE else "")
            + _normal(e.text) for e in doc.ents
            if (e.label_ in ("GPE", "LOC", "FAC") or (
                e.label_ == "ORG" and e.root.dep_ == "pobj"
                and e.root.head.lower_ in ("at", "in", "inside", "near", "outside")))
            and e.root.dep_ not in ("compound", "amod", "npadvmod", "nmod")
            and not (e.end < len(doc) and doc[e.end].text in ("-", "–"))]


# A place a count is outside of names another scope: "about 100 cases outside Mexico" are
# not cases in Mexico.
_OUTSIDE = ("outside", "beyond")


def _times(doc) -> list[str]:
    """The times and named events a sentence is set in ("on Monday", "during Superstorm
    Sandy"): a count on one day is not a count on another."""
    return [_entity_text(e) for e in doc.ents
            if (e.label_ in _TIME_LABELS and not _AGE.search(e.text))
            or (e.root.dep_ == "pobj" and e.root.head.lower_ in _TIME_CUES)]


_TIME_LABELS = ("DATE", "TIME", "EVENT")
_TIME_CUES = ("during", "after", "before")


def _entity_text(ent) -> str:
    return ent.text.lower().removeprefix("the ")


def _normal(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip().lower()).strip(" .")
    text = re.sub(r"^the\s+", "", text)
    return _ALIASES.get(text, _ALIASES.get(text.replace(".", ""), text))


def _subject(members: list[_Reading]) -> str:
    """What the figures are about, for people: "ISIS fighters", "people killed in Kabul"."""
    first = next((r for r in members if r.modifiers), members[0])
    if first.kind == "age":
        return f"age of {first.what}"
    words = [first.what] if first.kind == "count" else [first.kind, first.what]
    if (first.event and not first.event.startswith("(")  # ("dead", not "dead killed")
            and not (first.event == "killed" and _stem(first.what.split()[-1]) in _KILLED_STEMS)):
        words.append(first.event)
    inside = sorted(p for p in first.places if not p.startswith("outside "))
    outside = sorted(p.removeprefix("outside ") for p in first.places if p.startswith("outside "))
    for word, places in (("in", inside), ("outside", outside)):
        if places:
            words.append(word + " " + ", ".join(_SHOWN.get(p) or (p.title() if p.islower() else p)
                                                for p in places))
    return " ".join(words)


def _unique(figures):
    seen = set()
    for f in figures:
        key = (f.article, f.start, f.figure)
        if key not in seen:
            seen.add(key)
            yield f


def _article_order(article: str, files: dict[str, str | None]) -> int:
    return list(files).index(article) if article in files else len(files)
