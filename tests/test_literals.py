"""literals.py: the literals a regex match must contain, and the first matching rule
found with them, agree with plain searches."""

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.brief import clean, context, dating, literals, segment, support

def _plain(pattern: re.Pattern) -> re.Pattern:
    """A pattern without the look-ahead `literals.led` put before it: hypothesis draws its
    matches from it (drawn from a look-ahead, they must be filtered, and may all fail)."""
    return re.compile(_LOOK_AHEAD.sub("", pattern.pattern, count=1), pattern.flags)


_LOOK_AHEAD = re.compile(r"\(\?=\[(?:\\.|[^\]\\])*\]\)")
CLUTTER = [p for rule in clean.RULES for p in rule.patterns] + [
    clean._CLUTTER_SENTENCE, clean._CLUTTER_START, clean._CAPTION_PLACE, clean._BYLINE_INSIDE,
    clean._CAPTION_DATE]


def test_needles_read_off_the_pattern():
    assert literals.needles(re.compile(r"\b(afp|ap|reuters) photos?$", re.I)) == (" photo",)
    assert literals.needles(re.compile(r"\bgetty images$", re.I)) == ("getty images",)
    assert literals.needles(re.compile(r"(?:ab|cd) photos", re.I)) == (" photos",)
    assert literals.needles(re.compile(r"(?:sign up|log in)\d", re.I)) == ("log in", "sign up")
    assert literals.needles(re.compile(r"x?y*[ab]")) is None  # nothing required
    assert literals.needles(re.compile(r"^read more|^related", re.I)) is None  # anchored: cheap
    assert literals.needles(re.compile(r"(?:abc){2,}|def+")) == ("abc", "de")  # "f+" stands apart


def test_every_non_ascii_character_matched_as_an_ascii_letter_is_not_screened():
    everything = "".join(map(chr, range(128, sys.maxunicode + 1)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for c in re.findall(letter, everything, re.I):
            assert literals.screen(f"x{c}y") is None, hex(ord(c))
    assert literals.screen("Plain “quoted” text, café") == "plain “quoted” text, café"


SCREENED = CLUTTER + list(context._PERSON_CUES) + [context._PRONOUN_SPEAKER]


@pytest.mark.parametrize("pattern", SCREENED, ids=lambda p: p.pattern[:40])
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_text_the_pattern_matches_holds_a_needle(pattern, data):
    text = data.draw(st.from_regex(_plain(pattern)))
    assert pattern.search(text)
    assert literals.may_match(literals.needles(pattern), literals.screen(text))


def _in_order(line):
    short = len(line.split()) <= clean.MAX_CLUTTER_WORDS
    for rule in clean.RULES if short else clean._ANY_LENGTH_RULES:
        if any(p.search(line) for p in rule.patterns):
            return rule
    return None


PIECES = ["Getty Images", "AP Photo", "/ AFP / John Smith", "Read more:", "Related",
          "photo", "Image copyright", "Sign up for our newsletter", "(left)", "Click here",
          "The senator said on Tuesday that", "Comments", "Source: Reuters", "ſ", "İ",
          "Share this", "all rights reserved.", " ", ", ", "\n", "Monday, April 3, 2017.",
          "looks on", "Advertisement", "by", "It was", "“", "”", "1", "2018"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
def test_first_rule_found_with_needles_is_the_first_in_order(line):
    assert clean._match.__wrapped__(line) is _in_order(line)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_first_rule_on_texts_the_rules_match(data):
    pattern = data.draw(st.sampled_from([p for rule in clean.RULES for p in rule.patterns]))
    line = data.draw(st.from_regex(_plain(pattern))).strip()
    assert clean._match.__wrapped__(line) is _in_order(line)


def test_a_multiline_caret_is_not_an_anchor():
    for pattern in (re.compile("^abc", re.M), re.compile("(?m)^abc"), re.compile("(?m:^abc)")):
        assert literals.needles(pattern) == ("abc",)
        first = literals.FirstMatch([("x", [pattern])])
        assert first("zzz\nabc") == "x" and first("zzz") is None
    assert literals.needles(re.compile("^abc")) is None  # tried at the start only: cheap


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_case_kept_needles_of_a_case_sensitive_pattern(data):
    from storyline.brief import dating

    pattern = data.draw(st.sampled_from([dating._CREDIT, context._ROLE, *context._PERSON_CUES]))
    text = data.draw(st.from_regex(_plain(pattern)))
    assert literals.may_match(literals.needles(pattern, case=True), text)


def test_case_kept_needles_only_where_case_counts():
    assert literals.needles(re.compile(r"\bAP\s*Photo"), case=True) == ("Photo",)
    assert literals.needles(re.compile(r"ab(?i:cd)"), case=True) == ("ab",)
    assert literals.needles(re.compile(r"(?i:ab)cd"), case=True) == ("cd",)
    assert literals.needles(re.compile(r"abc", re.I), case=True) is None


def test_prefixes_read_off_the_pattern():
    assert literals.prefixes(re.compile(r"^(read|click) more", re.I)) == ("click", "read")
    assert literals.prefixes(re.compile(r"^read more|^click", re.I)) == ("click", "read more")
    assert literals.prefixes(re.compile(r"^\(?(story|end)\b")) == ("(", "end", "story")
    assert literals.prefixes(re.compile(r"^(?=an? )an? (photo|image)")) == ("a",)
    assert literals.prefixes(re.compile(r"^(x ){2,}x?$")) == ("x ",)
    assert literals.prefixes(re.compile(r"^[-–]+ slash")) is None  # "–" is not ASCII
    assert literals.prefixes(re.compile(r"^[*#]\s")) == ("#", "*")
    assert literals.prefixes(re.compile(r"^.{0,9}\(photo")) is None
    assert literals.prefixes(re.compile(r"^(a|)b")) is None  # the empty branch


ANCHORED = [p for p in CLUTTER if literals._is_anchored(p)]


@pytest.mark.parametrize("pattern", ANCHORED, ids=lambda p: p.pattern[:40])
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_text_an_anchored_pattern_matches_starts_with_a_prefix(pattern, data):
    text = data.draw(st.from_regex(_plain(pattern)))
    assert pattern.match(text)
    screened = literals.screen(text)
    alternatives = literals._alternatives(pattern.pattern, pattern.flags)
    matching = [a for a in alternatives if re.compile(a, pattern.flags).match(text)]
    assert matching  # the pattern matches where one of its alternatives does
    for a in matching:
        starts = literals.prefixes(a, pattern.flags)
        assert screened is None or starts is None or screened.startswith(starts)
        for needles in literals.needle_sets(a, pattern.flags, anchored=True):
            assert literals.may_match(needles, screened)


# (anchored patterns have no needles; searched with each alternative apart, a line one
# of them matches can make another backtrack for minutes: the share buttons' rule)
@pytest.mark.parametrize("pattern", [p for p in SCREENED if not literals._is_anchored(p)],
                         ids=lambda p: p.pattern[:40])
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_text_the_pattern_matches_holds_a_needle_of_each_set(pattern, data):
    text = data.draw(st.from_regex(_plain(pattern)))
    alternatives = literals._alternatives(pattern.pattern, pattern.flags)
    matching = [a for a in alternatives if re.compile(a, pattern.flags).search(text)]
    assert matching
    for a in matching:  # (an alternative anchored at the start is screened too)
        for needles in literals.needle_sets(a, pattern.flags, anchored=True):
            assert literals.may_match(needles, literals.screen(text))


def test_alternatives_at_the_top_level():
    assert literals._alternatives(r"a(b|c)|[|(]x|\(|y", 0) == ("a(b|c)", "[|(]x", r"\(", "y")
    assert literals._alternatives(r"[]|]|b", 0) == ("[]|]", "b")
    assert literals._alternatives(r"\b(?:a|b(c|d))", 0) == (r"\b(?:a)", r"\b(?:b(c|d))")
    assert literals._alternatives(r"\b(?:a|b)c", 0) == (r"\b(?:a|b)c",)  # "c" follows both
    assert literals._alternatives(r"(a)|\1", 0) == (r"(a)|\1",)  # "\1" alone means nothing
    assert literals._alternatives("a|b", re.VERBOSE) == ("a|b",)


IN_SENTENCE = [p for _, patterns in clean._IN_SENTENCE._groups for p in patterns]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["Buy Photo", "Lois Slocum, left, with", "(above)",
                                          "check out cnn.com", "is pictured", "Click here",
                                          "rock11,12,13.", "By Ivan Watson, CNN Libyan",
                                          "Fans wait on Sunday, Aug. 27, 2017, in"]),
                min_size=1, max_size=12).map("".join))
def test_clutter_inside_a_sentence_found_with_needles_as_by_every_search(text):
    expected = "clutter" if any(p.search(text) for p in IN_SENTENCE) else None
    assert clean._IN_SENTENCE(text) == expected


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_clutter_inside_a_sentence_on_texts_its_patterns_match(data):
    pattern = data.draw(st.sampled_from(IN_SENTENCE))
    text = data.draw(st.from_regex(_plain(pattern)))
    assert clean._IN_SENTENCE(text) == "clutter"


def test_anchored_patterns_of_other_flags_tried_in_order():
    first = literals.FirstMatch([("a", [re.compile("^x"), re.compile("zz")]),
                                 ("b", [re.compile("^y", re.I), re.compile(r"\bq")])])
    assert [first(t) for t in ("xa", "Ya", "a zz", "a q", "yzz", "none")] == [
        "a", "b", "a", "b", "a", None]


def test_needles_behind_a_gate_are_each_of_its_group_s():
    single, groups = literals._gated({"photo": {1}, " photo": {2}, "afp photo": {3}, "ap": {4},
                                      "buy photo": {5}, "x": {6}})
    assert dict(single) == {"ap": {4}, "x": {6}}
    gate, needles = groups[0]
    assert len(gate) == literals.GATE and len(groups) == 1
    assert dict(needles) == {"photo": {1}, " photo": {2}, "afp photo": {3}, "buy photo": {5}}
    assert all(gate in needle for needle, _ in needles)


@pytest.mark.skipif(literals.ahocorasick is None, reason="pyahocorasick is not installed")
def test_the_one_by_one_needles_are_worked_out_only_without_the_automaton():
    """With pyahocorasick a screen never tests its needles one by one: their tables
    (`_gated`, 6% of the import) are made only when asked."""
    first = literals.FirstMatch([("x", [re.compile(r"\bbuy photo|click here", re.I)])])
    texts = ["Buy Photo now", "nothing", "click here", "ſ click here"]
    answers = [first(t) for t in texts]
    assert first._one_by_one is None and answers == ["x", None, "x", "x"]
    first._found = None  # as without pyahocorasick
    assert [first(t) for t in texts] == answers and first._one_by_one is not None
    assert dict(first._needles) or first._gated


def test_an_anchored_alternative_of_an_unanchored_pattern_is_screened():
    pattern = re.compile(r"zz|^(?!.*\bno\b).*\bon (?:monday|sunday)", re.I)
    first = literals.FirstMatch([("x", [pattern])])
    assert not first._unscreened  # the second alternative needs "monday" or "sunday"
    for text in ["It was on Monday", "no, on Monday", "we met on a Tuesday", "a zz b", "ſunday"]:
        assert first(text) == ("x" if pattern.search(text) else None), text


def test_a_lazy_alternative_takes_its_place_in_the_order_once_compiled():
    pattern = re.compile(r"\b(?:buy photo|click here)", re.I)
    first = literals.FirstMatch([("x", [pattern])])
    assert sum(isinstance(find, literals._Lazy) for _, find, _ in first._order) == 2
    for text in ["Click here now", "nothing", "BUY PHOTO", "click there", "click here"]:
        assert first(text) == ("x" if pattern.search(text) else None), text
    assert not any(isinstance(find, literals._Lazy) for _, find, _ in first._order)


FRAGMENT_PIECES = ["Banks", " had", " has", " have", " a", " this", " message", " warning",
                   " for", " the gangs", ".", ",", "Charged", "ed with", " of", "5. ", "A: ",
                   "1918: ", "Because", "If only", "Austin Custodio", ", 21,", " all of",
                   "; ", "\n", "ſ", " ", "Had", "HAS"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENT_PIECES), min_size=1, max_size=14).map("".join))
def test_a_fragment_found_with_needles_as_by_the_pattern(text):
    from storyline.brief import segment

    assert segment._is_fragment(text) == bool(segment._FRAGMENT.match(text))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_fragment_on_texts_its_alternatives_match(data):
    from storyline.brief import segment

    pattern = segment._FRAGMENT
    part = data.draw(st.sampled_from(literals._alternatives(pattern.pattern, pattern.flags)))
    text = data.draw(st.from_regex(part))
    assert segment._is_fragment(text) == bool(pattern.match(text))


def test_screened_match_of_patterns_it_cannot_split():
    for pattern in [re.compile(r"^a|^b"), re.compile(r"abc"), re.compile(r"(a)|\1x"),
                    re.compile(r".*xyz|^q", re.I)]:
        test = literals.screened_match(pattern)
        for text in ["a", "b", "abc", "xx abc", "q", "..XYZ", "aa", ""]:
            assert test(text) == bool(pattern.match(text)), (pattern, text)


MIXED_CASE = re.compile(r"^\d+:|.*\bhas (?:a|one) (?:note|word) for\b|.*(?i:shouted) \w+$"
                        r"|(?i:.*\bsee (?:here|above)\b)")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["12:", "Has", " has", " a", " One", " one", " note", " WORD",
                                 " word", " for", " foR", " shouted", " SHOUTED", " ſhouted",
                                 " see", " SEE", " here", " above", "!", " x"]),
                max_size=10).map("".join))
def test_screened_match_by_needles_as_written_or_lower_cased(text):
    """A part that matches case-sensitively is screened by its needles as written, one
    that does not (here with a local flag, or a global one) by the lower-cased text."""
    for pattern in (MIXED_CASE, re.compile(MIXED_CASE.pattern, re.I)):
        assert literals.screened_match(pattern)(text) == bool(pattern.match(text)), pattern


SCREENS = [clean._FIRST_RULE, clean._FIRST_ANY_LENGTH_RULE, clean._IN_SENTENCE]


@pytest.mark.skipif(literals.ahocorasick is None, reason="pyahocorasick is not installed")
@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["Buy Photo", "AFP Photo", "(above)", "Posted on",
                                          "😀", "é", "\U0001f4f7 Photo", "\x00", "Ab", "ap"]),
                min_size=1, max_size=12).map("".join), st.sampled_from(SCREENS))
def test_the_needles_found_in_one_pass_are_those_found_one_by_one(text, screen):
    """The automaton's positions are those of the needles the text holds, tested one by
    one (the screen without pyahocorasick), and the screen's answer is the same."""
    screened = text.lower()
    one_pass = sorted({p for positions in (pos for _, pos in screen._found(screened))
                       for p in positions})
    one_by_one = {p for needle, positions in screen._needles if needle in screened
                  for p in positions}
    one_by_one |= {p for gate, needles in screen._gated if gate in screened
                   for needle, positions in needles if needle in screened for p in positions}
    assert one_pass == sorted(one_by_one)
    found = screen._found
    try:
        screen._found = None
        without = screen(text)
    finally:
        screen._found = found
    assert screen(text) == without


@pytest.mark.skipif(literals.ahocorasick is None, reason="pyahocorasick is not installed")
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["said", "Said", "told", "Mr", "Mr.", "Gen", "wrote",
                                          "tweeted", "according to", "😀", "AP", "Getty"]),
                min_size=0, max_size=10).map("".join))
def test_many_needles_found_in_one_pass_as_one_by_one(text):
    cases = [(context._SPEAKER_VERBS, literals.screen(text)), (dating._CREDIT_NEEDLES, text)]
    cases += [(found, text) for found in context._CUE_NEEDLES]
    assert any(found is not None and found.find is not None for found, _ in cases)
    for found, screened in cases:
        one_by_one = found is None or screened is None or any(n in screened for n in found)
        assert literals.may_match(found, screened) == one_by_one


def test_the_shipped_screens_leave_at_most_one_pattern_unscreened():
    """A pattern whose flags differ from the other anchored ones makes a screen try every
    pattern in order (a caption rule compiled without re.I once did it silently): the
    answers stay right, the screen's speed is lost; this keeps it."""
    for screen in SCREENS:
        assert len(screen._unscreened) <= 1, [screen._order[i][1] for i in screen._unscreened]


def test_a_pattern_led_by_the_characters_its_matches_start_with():
    led = literals.led
    assert led(re.compile(r"\b(?:ab|cd)e")).pattern == r"(?=[ac])\b(?:ab|cd)e"
    assert led(re.compile(r"x*[yz]")).pattern == r"(?=[xyz])x*[yz]"
    assert led(re.compile(r"ab|\bcd")).pattern == r"(?=[ac])(?:ab|\bcd)"  # the whole of it
    assert led(re.compile(r"(?<!\w)[a-c]+", re.I)).flags == re.compile("", re.I).flags
    assert led(re.compile(r"\ba\-|\]")).pattern == r"(?=[\]a])(?:\ba\-|\])"  # escaped
    for unknown in (r"\w+", r"[^a]b", r"x*", r".a", r"(?i:ab)c", r"\d?\w",
                    r"abc", r"[ab]c", r"(?:ab|cd)e"):  # (the last three: sre skips to them)
        pattern = re.compile(unknown)
        assert led(pattern) is pattern, unknown
    name = re.compile(r"(?:(?:al|el)-)?(?:Mc|De)?[A-Z][a-z]+")
    assert literals._first_characters(name) == "ABCDEFGHIJKLMNOPQRSTUVWXYZae"


LED = [p for p in (*vars(context).values(), *context._PERSON_CUES, *vars(dating).values(),
                   *dating._FULL_DATES, *vars(support).values())
       if isinstance(p, re.Pattern) and p.pattern.startswith("(?=[")]


def test_the_context_rules_are_led():
    assert len(LED) >= 10 and context._FULL_NAME in LED and context._SAYING in LED


@pytest.mark.parametrize("pattern", LED, ids=lambda p: p.pattern[:40])
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_led_pattern_finds_what_the_pattern_does(pattern, data):
    plain = _plain(pattern)
    first = literals._first_characters(plain)
    assert pattern.pattern.startswith(f"(?=[{first}])")
    assert literals.needles(pattern) == literals.needles(plain)  # (the screens' needles)
    assert literals.needles(pattern, case=True) == literals.needles(plain, case=True)
    pieces = data.draw(st.lists(st.one_of(
        st.from_regex(plain), st.text(alphabet="aeiTthe sS,.'’-\"AMDcſKİı", max_size=8),
        st.sampled_from([" the ", "Mr. ", " said ", "at that ", " Smith, 29,", "McDonald "])),
        max_size=6))
    text = "".join(pieces)
    assert ([(m.span(), m.groups()) for m in pattern.finditer(text)]
            == [(m.span(), m.groups()) for m in plain.finditer(text)])
    for m in plain.finditer(text):
        assert m.end() == m.start() or re.fullmatch(f"[{first}]", text[m.start()], pattern.flags)


def test_the_words_of_a_pattern_as_a_trie():
    trie = literals.words_as_trie
    words = ["ten", "tens", "two", "three", "four", "five", "six", "seven", "eight"]
    pattern = re.compile(r"(?<!\w)(?:\d+|" + "|".join(words) + r")\b")
    assert trie(pattern).pattern == (r"(?<!\w)(?:(?:eight|f(?:ive|our)|s(?:even|ix)|t(?:en(?:s)?"
                                     r"|hree|wo))|\d+)\b")
    assert trie(pattern).flags == pattern.flags
    for left_alone in (r"(?:a|b|c)", r"(\w+|" + "|".join(words) + ")",  # few words; a capture
                       r"\b(?:" + "|".join(words[:7]) + ")"):
        assert trie(re.compile(left_alone)) is not None
        assert trie(re.compile(left_alone)).pattern == left_alone


_VERB_LEFT, _VERB_RIGHT = r"(?<![\w'’-])(?:", r")(?![\w'’-])"
VERB_WORDS = [w for w in literals._alternatives(
    segment._VERB_FORM.pattern[len(_VERB_LEFT):-len(_VERB_RIGHT)], 0) if w.isalpha()]


def test_the_verb_test_is_a_trie_of_the_verbs():
    assert segment._VERB_FORM.pattern.startswith(_VERB_LEFT)
    assert segment._VERB_FORM.pattern.endswith(_VERB_RIGHT)
    assert len(VERB_WORDS) > 200 and segment._VERB_SEARCH is not segment._VERB_FORM
    for word in VERB_WORDS:  # each word, and a longer or shorter one
        for text in (word, f"a {word}.", word.title(), f"{word}s", f"x{word}", word[:-1],
                     f"{word}'s", f"{word}-in", f"they {word}"):
            assert bool(segment._VERB_SEARCH.search(text)) == bool(segment._VERB_FORM.search(text))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(st.sampled_from(VERB_WORDS), st.sampled_from(VERB_WORDS).map(str.title),
                          st.text(alphabet="abdeinstuIWy -'’.,", max_size=6),
                          st.from_regex(segment._VERB_FORM)), max_size=8))
def test_the_verbs_as_a_trie_match_where_the_pattern_does(pieces):
    text = "".join(pieces)
    for at in range(len(text) + 1):
        assert (segment._VERB_SEARCH.match(text, at) is None) == \
            (segment._VERB_FORM.match(text, at) is None)
    assert bool(segment._VERB_SEARCH.search(text)) == bool(segment._VERB_FORM.search(text))


def test_a_guarded_pattern_is_searched_only_where_its_guard_finds_something():
    marks = re.compile(r"\b[a-z]{2,}\d+(?:,\d+)+")
    guard = re.compile(r"\d(?<=[a-z]\d)")
    screen = literals.FirstMatch([("photo", [re.compile(r"\bphoto\b")]), ("marks", [marks])],
                                 guards={marks: guard})
    assert not screen._unscreened and [p for p, _ in screen._guards] == [1]
    assert screen("the wedge11,12 photo") == "photo"  # the first group that matches
    assert screen("the wedge11,12.") == "marks"
    assert screen("the wedge 11,12.") is None and screen("no digits") is None


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.from_regex(_plain(clean._REFERENCE_MARKS)))
def test_every_text_with_reference_marks_holds_their_guard(text):
    assert clean._LETTER_DIGIT.search(text)
    assert clean._IN_SENTENCE(text) == "clutter"


def test_an_anchored_alternative_is_screened_by_its_first_set_only():
    """An anchored alternative is tried at one position: its extra sets of needles (many
    substring tests) are not tested first, and the answers are the same."""
    pattern = re.compile(r"^(?:\w+ ){1,3}(?:moves|joins|holds), (?:monday|tuesday)", re.I)
    first = literals.FirstMatch([("x", [pattern]), ("y", [re.compile("zz")])])
    anchored = [also for key, _, also in first._order if key is literals._ANCHORED]
    assert anchored and all(also == () for also in anchored)
    for text in ["A man holds, Monday", "An old one moves, tuesday", "A man holds, Friday",
                 "The man holds, Monday zz", "a zz", "nothing, here", "holds, monday"]:
        expected = "x" if pattern.search(text) else "y" if "zz" in text else None
        assert first(text) == expected, text

