"""Fast paths give what the plain code they replace gave, bit for bit."""

import dataclasses
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scipy import sparse

from storyline.brief import vectors


def _scipy_normalized(data, indices, indptr, width):
    """tf-idf's unit rows as scipy's products make them (the code `_normalized` replaces)."""
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, width))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.diags(1 / np.where(norms > 0, norms, 1)).astype(np.float32) @ matrix


@st.composite
def _rows(draw):
    width = draw(st.integers(1, 30))
    rows = draw(st.lists(st.permutations(range(width)).flatmap(
        lambda terms: st.integers(0, len(terms)).map(lambda n: terms[:n])), max_size=12))
    if draw(st.booleans()):  # every row sorted: scipy's other (canonical) path
        rows = [sorted(r) for r in rows]
    indices = np.array([t for r in rows for t in r], dtype=np.int32)
    indptr = np.cumsum([0] + [len(r) for r in rows]).astype(np.int32)
    # weights as tf-idf has them, 1 and up; drawn as integers (hypothesis refuses float
    # strategies in a process whose libraries set flush-to-zero)
    data = np.array(draw(st.lists(st.integers(1000, 9000), min_size=len(indices),
                                  max_size=len(indices))), dtype=np.float32) / 997
    return data, indices, indptr, width


@settings(max_examples=400, deadline=None)
@given(_rows())
def test_normalized_rows_are_scipys_bit_for_bit(rows):
    mine, theirs = vectors._normalized(*rows), _scipy_normalized(*rows)
    assert mine.shape == theirs.shape and mine.dtype == theirs.dtype
    assert np.array_equal(mine.indptr, theirs.indptr)
    assert np.array_equal(mine.indices, theirs.indices)
    assert mine.data.tobytes() == theirs.data.tobytes()


def test_reading_on_demand_is_the_reading_of_every_sentence(example_dir):
    from storyline.brief import clean, context, dating, segment
    from storyline.brief.ingest import read_cluster

    articles, _ = clean.clean_all(dating.date_all(read_cluster(example_dir)))
    sentences = segment.split_all(articles)
    texts = [s.text for s in sentences]
    opens = [s.index == 0 for s in sentences]
    names = context.Names(texts)
    eager = [dataclasses.replace(context.needs(t, names), antecedent=False) if first
             else dataclasses.replace(context.needs(t, names), names=context.needs(t, names).names
                                      | context.points_back(texts, opens, k))
             for k, (t, first) in enumerate(zip(texts, opens, strict=True))]
    reading = context.read(texts, [True] * len(texts), opens)
    assert reading.needs[5] == eager[5] and reading.needs[-1] == eager[-1]
    assert list(reading.needs) == eager and len(reading.needs) == len(texts)
    assert any(n.names for n in eager) and any(n.antecedent for n in eager)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab A'’-.,\n1", max_size=30))
def test_lower_words_counted_up_to_two_as_all_of_them(text):
    from storyline.brief import segment

    assert (segment._lower_words(text) >= 2) == (len(segment._LOWER_WORD.findall(text)) >= 2)


def _unglued_searching_every_span(block, start, end):
    """segment._unglued as it was, without the quick test first."""
    import re

    from storyline.brief import segment

    parts, first = [], start
    for match in segment._GLUED.finditer(block, start, end):
        cut = match.end()
        word = re.search(r"(\w+)[.!?]([\"”’]?)$", block[first:cut])
        if not word or not word.group(2) and word.group(1).lower() in segment._abbreviations():
            continue
        parts.append((first, cut))
        first = cut
    parts.append((first, end))
    return [(a, b) for a, b in parts if b > a]


@settings(max_examples=800, deadline=None)
@example('He left."Then she', 0, 0)
@example("jail time.Struthers said", 0, 0)
@example("vs.Smith", 0, 0)
@given(st.lists(st.sampled_from(["ab", "cd", ".", "!", "?", '"', "”", "’", "Xy", "Q", "vs",
                                 "etc", " ", "A.", "U.S"]), max_size=14).map("".join),
       st.integers(0, 6), st.integers(0, 6))
def test_unglued_with_its_quick_test_cuts_as_before(block, margin_start, margin_end):
    from storyline.brief import segment

    start, end = min(margin_start, len(block)), max(len(block) - margin_end, 0)
    start = min(start, end)
    assert segment._unglued(block, start, end) == _unglued_searching_every_span(block, start,
                                                                                 end)


def test_profiles_kept_for_the_same_cluster_only():
    from storyline.brief import checks, segment, vectors
    from storyline.model import Article

    def cluster(words):
        articles = [Article(str(i), f"The {w} rose again on Monday. Officials said the {w} "
                                    f"was expected to keep rising.") for i, w in enumerate(words)]
        sentences = segment.split_all(articles)
        return [a.id for a in articles], vectors.tfidf(sentences), sentences

    first, second = cluster(["river", "river", "tide"]), cluster(["budget", "deficit", "tax"])
    fresh = []
    for ids, matrix, sentences in (first, second):
        checks._LAST[0] = None
        fresh.append(checks._similarity(ids, matrix, sentences))
    for (ids, matrix, sentences), expected in zip((first, second, first), fresh + fresh[:1]):
        assert (checks._similarity(ids, matrix, sentences) == expected).all()
        assert checks._similarity(ids, matrix, sentences) is checks._LAST[0][3]  # kept
    ids, matrix, sentences = first
    assert checks._similarity(ids[:2], matrix, sentences).shape == (2, 2)  # other ids: computed


def test_terms_remembered_in_a_bounded_dict_are_the_terms(monkeypatch):
    from storyline.brief import vectors

    monkeypatch.setattr(vectors, "MAX_KNOWN", 5)
    monkeypatch.setattr(vectors, "_KNOWN", ({}, {}))  # not what earlier tests left there
    texts = ["The U.S. Army said its soldiers were fighting.", "US officials SAID IT WAS OVER",
             "Fighters' fights fought; the fighter's 2,000 men.", "It is what it is."] * 3
    for text in texts:
        words = vectors._WORD.findall(text.replace("’", "'").replace("U.S.", "US"))
        acronyms = sum(map(str.isupper, words)) <= len(words) / 2
        expected = [t for w in words if (t := vectors._term(w, acronyms)) is not None]
        assert vectors.terms(text) == expected
        assert all(len(known) <= 5 for known in vectors._KNOWN)


@settings(max_examples=300, deadline=None)
@given(_rows(), st.data())
def test_cosines_from_the_table_are_scipys_bit_for_bit(rows, data):
    matrix = vectors._normalized(*rows)
    n = matrix.shape[0]
    picks = st.lists(st.integers(0, n - 1), max_size=40) if n else st.just([])
    some, others = data.draw(picks), data.draw(picks)
    for limit in (vectors.MAX_TABLE_ROWS, 0):  # from the table, and multiplied as asked
        vectors.MAX_TABLE_ROWS, saved = limit, vectors.MAX_TABLE_ROWS
        vectors._LAST_TABLE = (lambda: None, None)
        try:
            mine = vectors.cosines(matrix, some, others)
            theirs = (matrix[some] @ matrix[others].T).toarray()
            assert mine.shape == theirs.shape and mine.dtype == theirs.dtype
            assert mine.tobytes() == theirs.tobytes()
            for k in others:
                if some:
                    mean = vectors.mean_cosine(matrix, some, k)
                    assert mean == float((matrix[some] @ matrix[k].T).mean())
        finally:
            vectors.MAX_TABLE_ROWS = saved


@st.composite
def _dense_rows(draw):
    """Rows that share many terms (a cluster's repeats), in any term order, some empty:
    a cosine is a long sum, and one added out of scipy's order would differ."""
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    n, width = draw(st.integers(1, 40)), draw(st.integers(1, 12))
    dense = rng.random((n, width)).astype(np.float32) * (rng.random((n, width)) < 0.7)
    dense *= rng.choice(np.float32([1e-3, 1, 1e3]), size=(n, 1))  # (rounding shows)
    rows = [rng.permutation(np.flatnonzero(row)) for row in dense]
    if draw(st.booleans()):
        rows = [np.sort(r) for r in rows]
    indices = np.concatenate([np.zeros(0, np.int32), *rows]).astype(np.int32)
    indptr = np.cumsum([0] + [len(r) for r in rows]).astype(np.int32)
    data = np.concatenate([np.zeros(0, np.float32)] + [dense[k, r] for k, r in enumerate(rows)])
    return vectors.Rows(data.astype(draw(st.sampled_from([np.float32, np.float64]))), indices,
                        indptr, (n, width))


@settings(max_examples=300, deadline=None)
@given(_dense_rows(), st.integers(1, 8), st.sampled_from([0, 1, 50, 10**9]))
def test_the_cosine_table_is_scipys_product_bit_for_bit(matrix, block, most):
    """`_table` (numpy's) against scipy's product, a block of rows at a time, with blocks
    of any size and some of them left to scipy (MAX_PRODUCTS)."""
    saved = vectors.BLOCK_ROWS, vectors.MAX_PRODUCTS
    vectors.BLOCK_ROWS, vectors.MAX_PRODUCTS = block, most
    try:
        mine = vectors._table(matrix)
    finally:
        vectors.BLOCK_ROWS, vectors.MAX_PRODUCTS = saved
    theirs = (matrix.sparse() @ matrix.sparse().T).toarray()
    assert mine.shape == theirs.shape and mine.dtype == theirs.dtype
    assert mine.tobytes() == theirs.tobytes()


@settings(max_examples=200, deadline=None)
@given(_rows(), st.integers(-14, 14), st.integers(-14, 14))
def test_rows_are_scipys_matrix(rows, start, stop):
    """tf-idf's `Rows`: a slice of rows cut as scipy cuts it, anything else scipy's."""
    matrix = vectors._normalized(*rows)
    theirs = _scipy_normalized(*rows)
    for mine, plain in ((matrix[start:stop], theirs[start:stop]), (matrix[:], theirs[:]),
                        (matrix[start:], theirs[start:])):
        assert isinstance(mine, vectors.Rows) and mine.shape == plain.shape
        assert mine.nnz == plain.nnz and mine.dtype == plain.dtype
        for a, b in ((mine.indptr, plain.indptr), (mine.indices, plain.indices),
                     (mine.data, plain.data)):
            assert a.dtype == b.dtype and a.tobytes() == b.tobytes()
    assert matrix[:] is matrix  # (no copy: the arrays never change)
    assert (matrix @ matrix.T).toarray().tobytes() == (theirs @ theirs.T).toarray().tobytes()
    assert matrix.T.shape == theirs.T.shape and matrix.sparse() is matrix.sparse()
    if matrix.shape[0]:
        assert (matrix[-1].toarray().tobytes() == theirs[-1].toarray().tobytes())
        vector = np.arange(matrix.shape[1], dtype=np.float32)
        assert (matrix @ vector).tobytes() == (theirs @ vector).tobytes()
    with pytest.raises(AttributeError):
        matrix._no_such_name  # noqa: B018


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="ab1_'’.,- \u00e9\u0661\u00b2xY9", max_size=40))
def test_possessive_word_pattern_finds_the_words_of_the_plain_one(text):
    import re

    plain = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")
    assert vectors._WORD.findall(text) == plain.findall(text)


def test_a_sentence_mentions_every_noun_but_those_it_presents_as_known(example_dir):
    from storyline.brief import clean, context, dating, segment
    from storyline.brief.ingest import read_cluster

    articles, _ = clean.clean_all(dating.date_all(read_cluster(example_dir)))
    texts = [s.text for s in segment.split_all(articles)] + [
        "The accords were signed.", "An accord and the accords.", "The class met.",
        "Classes and the class: a glass.", "The bus left; buses came.", "The drugs appear.",
        "Poking at the can was the first step."]
    for text in texts:
        keys = {context._noun_key(w) for w in context._LOWER_WORD.findall(text.lower())}
        keys -= context.things(text)[0] | context.definite_nouns(text)
        keys.discard(context.subject_thing(text))
        assert context._mentions(text) == frozenset(keys)
    assert "#drug" not in context._mentions("The drugs appear.")
    assert "#accord" in context._mentions("An accord and the accords.")
    assert "#can" not in context._mentions("Poking at the can was the first step.")


def test_introductions_on_demand_and_by_written_name_are_the_eager_ones(example_dir):
    """`Reading.introduces` read when asked, and select's introducers of a name found
    among the sentences that write it, are what reading every sentence gave."""
    from types import SimpleNamespace

    from storyline.brief import clean, context, dating, segment, select
    from storyline.brief.ingest import read_cluster

    articles, _ = clean.clean_all(dating.date_all(read_cluster(example_dir)))
    texts = [s.text for s in segment.split_all(articles)] + [
        "The accords were signed by President O'Brien's aides.", "An ACCORD, then accords.",
        "Mr. McConnell's deal and the deals.", "Dana Cervantes-Ruiz said the Buses left.",
        "The drugs appear.", "Drugs came: the drugs.", "Then O'Brien said no.",
        "Prime Minister Baghdadi Ali al-Roumi said no.", "Al-Roumi told reporters so."]
    opens = [k % 7 == 0 for k in range(len(texts))]
    names = context.Names(texts)
    eager = [names.introduced(t) | (context.known_things(t) | context.definite_nouns(t)
                                    | names.acronyms_used(t) if first else frozenset())
             for t, first in zip(texts, opens, strict=True)]
    reading = context.read(texts, [True] * len(texts), opens)
    assert reading.introduces[-1] == eager[-1] and list(reading.introduces) == eager
    sentences = [SimpleNamespace(text=t, article=str(k // 7)) for k, t in enumerate(texts)]
    introducers = select._Introducers(sentences, reading)
    asked = set().union(*eager, *(reading.needs[k].names for k in range(len(texts))))
    assert any(n.startswith("#") for n in asked) and any(not n.startswith("#") for n in asked)
    for name in sorted(asked) + ["#nothing", "Nobody"]:
        found = [k for k, given in enumerate(eager) if name in given]
        assert introducers(name) == found
        for article in {s.article for s in sentences}:  # (its own article's first)
            assert list(introducers.first_in(name, article)) == sorted(
                found, key=lambda k: sentences[k].article != article)


def test_warnings_reading_fit_on_demand_are_those_of_the_full_list(example_dir):
    """`checks.warnings` counts an article's prose only until it is enough: with `fit`
    read on demand it warns as with every sentence read, and reads fewer."""
    from storyline.brief import checks, clean, dating, segment
    from storyline.brief.ingest import read_cluster, to_articles
    from storyline.brief.lazy import OnDemand

    news = ("A dam burst early on Tuesday in the northern valley, flooding three villages "
            "and forcing hundreds of families to leave their homes, officials said. ")
    links = "\n".join(f"Pictures of the flooded valley and the villages, part {i}"
                      for i in range(40))
    example = list(read_cluster(example_dir))
    inputs = [example, example + to_articles(["Watch the video of the dam.", links + news]),
              to_articles([news, news * 30, links + "\n" + news * 2, news.upper() * 3]),
              to_articles(["A teaser of a few words.", "Another stub."])]
    said = set()
    for documents in inputs:
        articles, _ = clean.clean_all(dating.date_all(documents))
        sentences = segment.split_all(articles)
        flags = [segment.is_statement(s.text) and not clean.is_clutter(s.text)
                 for s in sentences]
        matrix = vectors.tfidf(sentences)
        lazy = OnDemand(len(flags), flags.__getitem__)
        assert (checks.warnings(articles, sentences, lazy, matrix)
                == checks.warnings(articles, sentences, flags, matrix))
        said.update(w.split(" (")[0] for w in checks.warnings(articles, sentences, flags, matrix))
        if documents is example:
            assert lazy.made() < len(flags)
    assert any("little text" in w for w in said) and any("mostly lists" in w for w in said)


def test_on_demand_makes_each_item_once_when_asked():
    from storyline.brief.lazy import OnDemand

    asked = []
    items = OnDemand(4, lambda k: asked.append(k) or k * k)
    assert items[2] == 4 and items[-1] == 9 and items[2] == 4 and asked == [2, 3]
    assert items.made() == 2 and list(items) == [0, 1, 4, 9] and items[1:3] == [1, 4]
    assert asked == [2, 3, 0, 1] and len(items) == 4


def test_surnames_asked_one_by_one_are_those_every_cue_gives(example_dir):
    """`Names` reads a surname's cues only in the texts that write it, when a sentence
    asks: the surnames are those of reading every text's cues."""
    from storyline.brief import clean, context, dating, segment
    from storyline.brief.ingest import read_cluster

    articles, _ = clean.clean_all(dating.date_all(read_cluster(example_dir)))
    texts = [s.text for s in segment.split_all(articles)] + [
        "Senator Elizabeth Warren spoke.", "Warren said no.", "Dana Cervantes, 24, won.",
        "pole vaulter Dana Cervantes jumped.", "Northern Ireland voted.", "Ireland did too.",
        "Mr. McConnell's aide Anna O'Brien-Smith left.", "O'Brien-Smith said so."]
    full: dict[str, set[str]] = {}
    for text in texts:
        for name in context.full_names(text):
            full.setdefault(name.split()[-1], set()).add(name)
    capitalized = set()
    for last in list(full):  # (a particle's name in small letters, capitalized: "Al-Zour")
        if last[:1].islower() and len(forms := context.case_forms(last)) == 2:
            full.setdefault(forms[1], set()).update(full[last])
            capitalized.add(forms[1])
    person = set().union(*map(context._person_cues, texts))
    names = context.Names(texts)
    # (a person's unless every full name it ends is a thing's: "the Red Cross", "Without
    # Quebec"; those rules read the cluster whole)
    eager = {last: frozenset(found) for last, found in full.items()
             if (any(form in person for form in context.case_forms(last))
                 if last[:1].islower() or last in capitalized else last in person)
             and not all(names._mostly_after_the(n) or names._no_given_name(n) for n in found)}
    assert names.surnames == eager and {"Warren", "Cervantes"} <= set(eager)
    assert "Ireland" not in eager
    for text in texts:  # the screen that skips texts without a surname
        assert names._written(text) == any(last in text for last in eager)


@settings(max_examples=400, deadline=None)
@given(_rows(), st.data())
def test_profile_cosines_are_scipys_bit_for_bit(rows, data):
    """The articles' profile cosines (checks: strays, off-topic) summed in scipy's orders:
    rows in any term order or all sorted (scipy's canonical case), groups of any size."""
    data_, indices, indptr, width = rows
    matrix = sparse.csr_matrix((data_, indices, indptr), shape=(len(indptr) - 1, width))
    owner = data.draw(st.lists(st.integers(0, 4), min_size=matrix.shape[0],
                               max_size=matrix.shape[0]))
    owner = data.draw(st.sampled_from([owner, sorted(owner)]))  # (articles: rows in a run)
    groups = [[k for k, g in enumerate(owner) if g == group] for group in range(5)]
    groups = data.draw(st.sampled_from([groups, [g for g in groups if g], groups[:2]]))
    mine, theirs = (vectors.profile_cosines(matrix, groups),
                    vectors._scipy_profile_cosines(matrix, groups))
    assert mine.shape == theirs.shape and mine.tobytes() == theirs.tobytes()


def test_profile_cosines_in_scipys_canonical_case():
    """Every profile stored sorted (its terms came in falling order): scipy squares them
    in another order; tiny weights beside a large one make the order show in the sums."""
    rows = [[9, 8, 7, 6, 5, 4, 3, 2], [4, 2], [9, 5, 0]]
    weights = [[1e-8] * 7 + [1.0], [1.0, 3e-9], [2e-8, 1e-8, 1.0]]
    matrix = sparse.csr_matrix(
        (np.array([w for r in weights for w in r], np.float32),
         np.array([t for r in rows for t in r], np.int32),
         np.cumsum([0] + [len(r) for r in rows])), shape=(3, 10))
    for groups in ([[0], [1], [2]], [[0], [2]], [[2], [1, 0]]):
        mine = vectors.profile_cosines(matrix, groups)
        assert mine.tobytes() == vectors._scipy_profile_cosines(matrix, groups).tobytes()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\nAZaz'É\"“”Ñé1_-.09٣", max_size=40))
def test_the_scorers_text_features_read_as_their_patterns(text):
    from storyline.brief import score

    assert ([m.span() for m in score._CAPITALIZED_AFTER_SPACE.finditer(text)]
            == [m.span() for m in score._CAPITALIZED.finditer(text)])
    if text.isascii():
        assert bool(score._ASCII_DIGIT.search(text)) == bool(score._DIGIT.search(text))
    assert ('"' in text or "“" in text or "”" in text) == bool(score._QUOTE.search(text))


@settings(max_examples=400, deadline=None)
@given(_rows(), st.data())
def test_citation_shares_and_cosines_are_numpys_bit_for_bit(rows, data):
    from storyline.brief import support

    matrix = vectors._normalized(*rows)
    if matrix.shape[0] == 0:
        return
    a = support._Row.of(matrix, data.draw(st.integers(0, matrix.shape[0] - 1)))
    b = support._Row.of(matrix, data.draw(st.integers(0, matrix.shape[0] - 1)))
    for x, y in ((a, b), (b, a), (a, a)):
        assert x.share(y) == x._numpy_share(y)
        assert x.cosine(y) == x._numpy_cosine(y)


def _script_by_every_character(text):
    """`ingest.script` as it read the whole sample (the code its ASCII paths replace)."""
    import unicodedata

    from storyline.brief import ingest

    sample = text[:ingest._SAMPLE_CHARS]
    others = ingest._OTHER_LETTER.findall(sample)
    if not others or len(others) <= len(ingest._LATIN_LETTER.findall(sample)):
        return None
    counts = {}
    for char in others:
        script = unicodedata.name(char, "? ").split()[0]
        counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab Z1_\n“’éŽжЯ中ひ한ـعα²", max_size=60))
@example("жж中中ab")
def test_an_articles_script_is_read_as_from_every_character(text):
    from storyline.brief import ingest

    assert ingest.script(text) == _script_by_every_character(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\x0b\x0c\n\x07\x85 ", max_size=30))
def test_an_articles_page_breaks_and_controls_go_as_by_the_patterns(text):
    from storyline.brief import ingest
    from storyline.model import Article

    expected = ingest._CONTROL.sub("", ingest._PAGE_BREAK.sub("\n", text))
    assert ingest.safe_article(Article(id="1", text=text), where="x").text == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"]),
                         max_size=12), max_size=8))
def test_terms_counted_by_numpy_as_by_a_counter_per_row(rows):
    mine, theirs = vectors._counted(rows), vectors._counted_by_counter(rows)
    assert mine[3] == theirs[3]
    for a, b in zip(mine[:3], theirs[:3], strict=True):
        assert a.dtype == b.dtype and np.array_equal(a, b)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \ta\u00a0\n", max_size=20))
def test_a_line_without_two_spaces_or_a_tab_has_no_run_of_spaces(line):
    from storyline.brief import clean

    if "  " not in line and "\t" not in line:  # (clean's guard before _SPACES.sub)
        assert not clean._SPACES.search(line)


AS_NEW_PIECES = ["a ", "an ", "another ", "A ", "An ", "the ", "big ", "old-", "x", " ", "é",
                 "_", "s", "can", "cans", "co-", "canst", ".", "\n", "2"]


@settings(max_examples=2000, deadline=None)
@example("a can", "can", 0, 60)
@example("a can", "can", 3, 5)
@given(st.lists(st.sampled_from(AS_NEW_PIECES), max_size=12).map("".join),
       st.sampled_from(["can", "co-", "s", "an"]), st.integers(0, 40), st.integers(0, 60))
def test_a_noun_introduced_as_new_is_found_as_by_its_own_pattern(text, noun, start, end):
    from storyline.brief import context

    expected = bool(context._as_new("#" + noun).search(text, start, end))
    assert context._as_new_within(noun, text, start, end) == expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab A'’-_1 .\né", max_size=30), st.integers(0, 4))
def test_lower_case_words_counted_as_by_finditer(text, enough):
    from itertools import islice

    from storyline.brief import segment

    expected = sum(1 for _ in islice(segment._LOWER_WORD.finditer(text), enough))
    assert segment._lower_words(text, enough) == expected


@settings(max_examples=500, deadline=None)
@given(_rows(), st.data())
def test_closeness_is_scipys_bit_for_bit(rows, data):
    """Each fact member's summed cosine with the others (group._closeness, which orders a
    fact's members) summed in scipy's orders: rows in any term order, all sorted, or
    some sorted (a fact of sorted rows among others is added as alone), facts of any
    size in any member order."""
    from storyline.brief import group

    data_, indices, indptr, width = rows
    rows_ = [indices[indptr[k]:indptr[k + 1]] for k in range(len(indptr) - 1)]
    if data.draw(st.booleans()):  # some rows sorted, the others as drawn
        rows_ = [np.sort(r) if k % 2 else r for k, r in enumerate(rows_)]
        indices = np.concatenate(rows_ or [np.zeros(0, np.int32)]).astype(np.int32)
    matrix = sparse.csr_matrix((data_, indices, indptr), shape=(len(indptr) - 1, width))
    owner = data.draw(st.lists(st.integers(0, 5), min_size=matrix.shape[0],
                               max_size=matrix.shape[0]))
    facts = [[k for k, g in enumerate(owner) if g == fact] for fact in range(5)]
    facts = [data.draw(st.permutations(f)) for f in facts if len(f) > 1]
    mine, theirs = group._closeness(facts, matrix), group._closeness_by_scipy(facts, matrix)
    assert mine.dtype == theirs.dtype and mine.tobytes() == theirs.tobytes()


@settings(max_examples=400, deadline=None)
@given(_rows(), st.data())
def test_column_means_and_row_dots_are_scipys_bit_for_bit(rows, data):
    """The centroid and the facts' products with it (score._signals), as scipy's mean and
    product give them: rows in any term order, any of them asked, repeated or none."""
    data_, indices, indptr, width = rows
    matrix = sparse.csr_matrix((data_, indices, indptr), shape=(len(indptr) - 1, width))
    if matrix.shape[0]:  # (scipy's mean of no rows divides by zero; a brief has rows)
        mine = vectors.column_means(matrix)
        assert mine.tobytes() == np.asarray(matrix.mean(axis=0)).ravel().tobytes()
    asked = data.draw(st.lists(st.integers(0, max(matrix.shape[0] - 1, 0)),
                               max_size=matrix.shape[0] and 8))
    vector = (np.array(data.draw(st.lists(st.integers(1, 9000), min_size=width,
                                          max_size=width)), np.float32) / 9001)
    theirs = np.asarray(matrix[asked] @ vector).ravel()
    mine = vectors.row_dots(matrix, asked, vector)
    assert mine.dtype == theirs.dtype and mine.tobytes() == theirs.tobytes()


def test_needs_read_their_names_only_when_asked():
    from storyline.brief import context

    asked = []

    def later():
        asked.append(1)
        return frozenset({"Reid"})

    lazy = context._NamesWhenAsked(True, False, later=later)
    assert lazy.antecedent and not lazy.speaker and not lazy.standalone and not asked
    eager = context.Needs(True, False, frozenset({"Reid"}))
    assert lazy == eager and eager == lazy and hash(lazy) == hash(eager) and len(asked) == 1
    assert lazy.names == {"Reid"} and len(asked) == 1  # read once
    assert repr(lazy) == repr(eager) and lazy != context.Needs(True, False)
    cleared = dataclasses.replace(lazy, names=frozenset())
    assert cleared == context.Needs(True) and cleared.none is False
    texts = ["Harry Reid spoke on Monday about the plan.", "Reid said he would vote for it."]
    reading = context.read(texts, [True, True], [True, False])
    assert reading.needs[1] == context.Needs(False, False, frozenset({"Reid"}))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="AZ.a \n", max_size=20))
def test_dotted_acronyms_screened_from_their_periods(text):
    from storyline.brief import vectors

    assert bool(vectors._MAYBE_DOTTED.search(text)) == bool(re.search(r"[A-Z]\.[A-Z]\.", text))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ09_'.,- \n", max_size=30)
       | st.from_regex(r"[ -~]{0,30}", fullmatch=True))
def test_ascii_words_are_the_words(text):
    from storyline.brief import vectors

    assert vectors._ASCII_WORD.findall(text) == vectors._WORD.findall(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 9), st.data())
def test_cosines_of_every_row_or_column_are_the_tables(n, data):
    from storyline.brief import vectors

    rng = np.random.default_rng(data.draw(st.integers(0, 1000)))
    matrix = sparse.csr_matrix(rng.random((n, 6), dtype=np.float32) * (rng.random((n, 6)) > 0.5))
    some = data.draw(st.lists(st.integers(0, n - 1), max_size=5))
    for rows, columns in ((range(n), some), (some, range(n)), (range(n), range(n)),
                          (some, some), (range(1, n), some)):
        mine = vectors.cosines(matrix, rows, columns)
        table = (matrix @ matrix.T).toarray()
        plain = table[np.ix_(np.asarray(rows, dtype=np.intp), np.asarray(columns, dtype=np.intp))]
        assert mine.shape == plain.shape and mine.dtype == plain.dtype
        assert mine.tobytes() == plain.tobytes() and mine.flags.c_contiguous


def test_the_stemmer_keeps_no_cache_and_stems_as_with_one():
    import Stemmer

    cached = Stemmer.Stemmer("english")
    words = ["running", "runs", "ran", "agencies", "agency's", "caring", "cared", "u.s",
             "generously", "happiness", "connection", "é", "naïve", "1990s", "x"] * 3
    assert vectors._STEMMER.maxCacheSize == 0
    assert [vectors._STEMMER.stemWord(w) for w in words] == [cached.stemWord(w) for w in words]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from([".", "!", "?", ":", "…", '"', "'", "”", "’", ")", "]", "(",
                                 " ", "\t", "\n", "a", "B", "1", "_", "é", ". (", "(AP)",
                                 " (Reuters)", "word"]), max_size=12).map("".join))
def test_a_line_s_end_found_from_where_a_match_can_start(line):
    from storyline.brief import clean

    assert clean._ends(line) == bool(clean._END.search(line))


@given(st.lists(st.sampled_from(["a", "bc", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "é"]),
                max_size=30).map("".join), st.integers(0, 8))
def test_words_counted_up_to_one_more_than_a_bound(text, bound):
    """`len(text.split(None, n)) <= n`, as the stages count a line's words against a
    bound: no more than n + 1 pieces are made, and the answer is the full count's."""
    assert (len(text.split(None, bound)) <= bound) == (len(text.split()) <= bound)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 40), st.integers(1, 30), st.sampled_from([np.float32, np.float64]),
       st.integers(0, 2**32 - 1), st.integers(1, 25))
def test_eigh_is_scipys_bit_for_bit(n, width, dtype, seed, dims):
    """The topic space's eigenpairs (brief/eigen.py: LAPACK's syevr called as scipy
    calls it) against scipy.linalg.eigh itself, on Gram matrices as selection makes them."""
    from scipy import linalg

    from storyline.brief import eigen

    rows = np.random.default_rng(seed).random((n, width)).astype(dtype)
    rows[:, : width // 3] = 0  # (some zero columns, and rank deficiency)
    gram = rows @ rows.T
    lo, hi = max(n - dims, 0), n - 1
    mine, theirs = eigen.eigh(gram, lo, hi), linalg.eigh(gram, subset_by_index=[lo, hi])
    assert eigen._flapack() is not None
    for a, b in zip(mine, theirs, strict=True):
        assert a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("analysis", [False, True])
def test_a_brief_does_not_import_scipy_linalg_nor_sparse(analysis):
    import subprocess
    import sys

    code = ("import sys; from storyline import summarize; from storyline.options import Options\n"
            "b = summarize(['Officials said the storm killed four people in the city on "
            "Monday.', 'The storm killed four people, officials said on Monday night.', "
            "'Rescue teams searched the damaged houses for survivors through the night.'], "
            f"options=Options(analysis={analysis}))\n"
            "assert b.sentences, b\n"
            "print('scipy.linalg' in sys.modules, 'scipy.sparse' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_scipy_linalg_imported_after_eigen_uses_the_same_module():
    import subprocess
    import sys

    code = ("import sys, numpy as np\nfrom storyline.brief import eigen\n"
            "loaded = sys.modules['scipy.linalg._flapack']\n"
            "from scipy import linalg\nfrom scipy.linalg import lapack\n"
            "assert lapack._flapack is loaded and eigen._flapack() is loaded\n"
            "g = np.diag([3.0, 1.0, 2.0])\n"
            "assert list(linalg.eigh(g, subset_by_index=[1, 2])[0]) == [2.0, 3.0]\n"
            "assert list(eigen.eigh(g, 1, 2)[0]) == [2.0, 3.0]\n")
    subprocess.run([sys.executable, "-c", code], check=True)


# clean._TICKERS as it was written before its space was put first (the rule's source)
_PLAIN_TICKERS = re.compile(
    r" \((?:[A-Z0-9]{1,6}" + r"\.(?:N|O|L|PA|DE|T|HK|AS|MI|TO|AX|SS|SZ|KS|F|MC|SW|ST|CO|OL|VI|BO|NS"
    r"|SA|MX)" + r"|(?:NYSE|NASDAQ|Nasdaq|NYSEARCA|AMEX|LSE|TSX|OTC)"
    r" ?: ?[A-Z.]{1,6})(?:, ?[A-Z0-9]{1,6}" + r"\.(?:N|O|L|PA|DE|T|HK|AS|MI|TO|AX|SS|SZ|KS|F|MC"
    r"|SW|ST|CO|OL|VI|BO|NS|SA|MX)" + r")*\)"
    r"|(?<=[a-z&]) [A-Z]{2,6}" + r"\.(?:N|O|L|PA|DE|T|HK|AS|MI|TO|AX|SS|SZ|KS|F|MC|SW|ST|CO|OL|VI"
    r"|BO|NS|SA|MX)" + r"(?=[ ,;])")


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from([" ", "(", ")", ",", ";", ".", ":", "a", "&", "Z", "KORS",
                                 "CHOO", ".N", ".L", ".PA", ".MX", "NYSE", "Nasdaq", " (",
                                 "7", "1A", "é", "s ", " CHOO.L "]), max_size=14).map("".join))
def test_tickers_found_from_their_space_as_by_the_plain_pattern(line):
    from storyline.brief import clean

    assert clean._EXCHANGE in _PLAIN_TICKERS.pattern
    assert ([m.span() for m in clean._TICKERS.finditer(line)]
            == [m.span() for m in _PLAIN_TICKERS.finditer(line)])
    assert clean._TICKERS.sub("", line) == _PLAIN_TICKERS.sub("", line)


def _screened_rules():
    from storyline.brief import context

    return [(context._SELF_REFERENCE, context._SELF_REFERENCE_NEEDLES),
            (context._LIKE_BEFORE, context._LIKE_BEFORE_NEEDLES),
            (context._DEFINITE_SPEAKER, context._DEFINITE_SPEAKER_VERBS),
            (context._DEMONSTRATIVE_REFERENCE, context._DEMONSTRATIVES)]


@pytest.mark.parametrize("rule", range(4))
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_leaning_rules_screened_by_needles_miss_no_match(rule, data):
    """A text that one of `_leans_back`'s screened rules searches with a match always
    holds one of its needles: the screen never changes an answer."""
    from storyline.brief import literals

    pattern, needles = _screened_rules()[rule]
    pieces = data.draw(st.lists(st.one_of(
        st.from_regex(pattern), st.text(alphabet="aeiTthe sS,.'’-\"AMDcſKİı", max_size=8),
        st.sampled_from([" the ", " said ", "at that ", "This ", " as we noted ", " the same."])),
        max_size=6))
    text = "".join(pieces)
    if pattern.search(text):
        assert literals.may_match(needles, literals.screen(text))


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["I", "me", "My", "Let's", "'", "’", " ", "\t", ".", ",", ";",
                                 ":", "a", "b", "'quoted'", "'I said'", " 'me' ", "x'"]),
                max_size=12).map("".join))
def test_the_first_person_outside_single_quotes_is_in_the_text_too(text):
    """`_needs_speaker` searches the writer's "I" in the text first: a match once the
    single-quoted words are out is a match in the text itself."""
    from storyline.brief import context

    if context._FIRST_SINGULAR.search(context._SINGLE_QUOTED.sub(" ", text)):
        assert context._FIRST_SINGULAR.search(text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["a", "Bc", "don't", "'", "’", ".", ",", "1", "20", "1.5",
                                 "3,000", " ", "  ", "\t", "\n", "\u00a0", "\x1c", "\u2003",
                                 "é", "ß", "²", "٣", "_", "-", "U.S.", "x'y", "$", "İ", "日本"]),
                max_size=16).map("".join))
def test_words_read_token_by_token_are_the_texts_words(text):
    for pattern in (vectors._WORD, vectors._ASCII_WORD) if text.isascii() else (vectors._WORD,):
        assert vectors._words(text, pattern.findall) == pattern.findall(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["Bridges", "Mr. Smith", "O'Brien", "al-Assad", ",", ", ",
                                 " ", "then ", "29", "7", "1234", "٣", ",29,", " said", "Ms",
                                 "spokesman ", "Dana Cervantes", "a", "\n", ".", "said ",
                                 "according to "]),
                max_size=14).map("".join))
def test_person_cues_with_their_guards_are_those_without(text):
    """`_person_cues` searches the age cue only where a digit stands before a comma: every
    match of a cue ending in a number and a comma has one; the cues found are the same."""
    from storyline.brief import context

    for pattern, guard in zip(context._PERSON_CUES, context._CUE_GUARDS, strict=True):
        if guard is not None and pattern.search(text):
            assert guard.search(text)
    cued = set()
    for pattern in context._PERSON_CUES:
        for match in pattern.finditer(text):
            cued.add(context._POSSESSIVE.sub("", match.group(1).split()[-1]))
    assert context._person_cues(text) == cued


def test_the_age_cue_is_guarded():
    from storyline.brief import context

    assert sum(g is not None for g in context._CUE_GUARDS) == 1
    assert context._person_cues("Bridges, then 29, said so.") == {"Bridges"}


@given(st.text(alphabet="ab \t\n\u00a0.", max_size=20))
def test_a_sentences_words_are_counted_once_and_kept(text):
    """`Sentence.words` is `len(text.split())`, counted when first asked and kept in the
    sentence, as `functools.cached_property` did; it is no field of the dataclass."""
    from storyline.model import Sentence

    sentence = Sentence("a", 0, text, 0, len(text))
    assert "words" not in sentence.__dict__
    assert sentence.words == len(text.split()) == sentence.__dict__["words"]
    assert sentence == Sentence("a", 0, text, 0, len(text))
    assert "words" not in {f.name for f in dataclasses.fields(Sentence)}


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["a", "Said", " ", "\u2003", "\n", ".", "!", "?", ",", "…", '"',
                                 "'", "”", "’", ")", "]", "(", "x.", ". . .", "no!'", "1"]),
                max_size=10).map("".join))
def test_the_end_patterns_searched_from_the_end_find_what_a_whole_search_finds(text):
    """`segment._ends` searches a pattern of the text's end only in the run of stops,
    closing marks and spaces that ends it; the answer is the whole search's."""
    from storyline.brief import segment

    for pattern in (segment._STATEMENT_END, segment._TRUNCATED, segment._SINGLE_QUOTE_TAIL):
        assert segment._ends(pattern, text) == bool(pattern.search(text)), pattern


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["The", "A", "An", "Their", "Th", "Ax", "the", " ", "  ", "\n",
                                 "\u2003", "x", ".", "Officials", "Residents", "Wh", "While"]),
                max_size=10).map("".join), st.integers(0, 30), st.integers(0, 30))
def test_the_glue_hint_led_by_its_capitals_finds_what_the_plain_hint_finds(block, start, end):
    from storyline.brief import segment

    assert (bool(segment._GLUE_HINT_SEARCH.search(block, start + 1, end))
            == bool(segment._GLUE_HINT_WORD.search(block, start, end)))


@pytest.mark.parametrize("name", ["Sentence", "Fact"])
def test_the_model_classes_own_inits_take_their_fields(name):
    """Sentence and Fact fill their `__dict__` in an `__init__` of their own (speed): it
    takes the dataclass's fields, in order, with their defaults, and makes what the
    generated one makes."""
    import inspect

    from storyline import model

    cls = getattr(model, name)
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert [p.default for p in parameters] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        for f in fields]
    twin = dataclasses.make_dataclass(name, [(f.name, f.type, f) for f in fields], frozen=True)
    values = {"members": (3, 1), "articles": ("a", "b")} if name == "Fact" else {
        "article": "a", "index": 2, "text": "It rained.", "start": 5, "end": 15}
    made = cls(**values)
    assert dataclasses.asdict(made) == dataclasses.asdict(twin(**values))
    assert made == cls(*values.values()) and hash(made) == hash(cls(**values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, fields[0].name, None)


_NAME_PIECES = ["the ", "The ", "the", " ", "-", "_", "James", "Ja", "mes", "James-", "Jameson",
                "el-Sisi", "Sisi", "é", "Ñ", "1", "²", ".", ",", "\n", "'", "x", "the the "]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=12).map("".join),
       st.sampled_from(["James", "el-Sisi", "Sisi", "the", "e", "Ja mes", "Ñ", "James James",
                        "James Jameson", "x", "he", "_", "-"]))
def test_names_read_with_find_as_with_their_patterns(text, name):
    """`Names`' tests of how a cluster writes a name, with `str.find`, give what the
    patterns they replace give."""
    import re

    from storyline.brief import context

    matches = list(re.finditer(r"(\bthe )?\b" + re.escape(name) + r"\b", text))
    assert context._written_after_the(name, text) == (
        len(matches), sum(m.group(1) is not None for m in matches))
    lowered = name.lower()
    assert context._written_alone(lowered, text) == bool(
        re.search(r"(?<![\w-])" + re.escape(lowered) + r"(?![\w-])", text))
    if re.fullmatch(r"\w+", name):  # (an acronym's test: `Names.acronyms_used`)
        assert context._written_as_word(name, text) == bool(
            re.search(r"\b" + re.escape(name) + r"\b", text))


_FULL_NAME_PIECES = ["John", "Smith", "McDonald", "O'Brien", "O’Neil", "Jean-Luc", "J.", "U.S.",
                     "de", "van", "al-Assad", "el-Sisi", "bin", "Abu", " ", "  ", "\n", ",",
                     ".", "'s", "’s", "-", "the", "said", "Mr.", "A", "É", "ñ", "1", "_", "Mc",
                     "Da", "x"]


@settings(max_examples=3000, deadline=None)
@example("Former President Jimmy Carter met Abu Bakr al-Baghdadi.")
@example("as Mr. John de la Cruz and Jean-Luc O'Brien's van Gogh")
@given(st.lists(st.sampled_from(_FULL_NAME_PIECES), max_size=14).map("".join))
def test_full_names_tried_where_a_name_can_start_are_finditers(text):
    """`_FULL_NAME` tried only where `_NAME_START` finds a start gives `finditer`'s
    matches."""
    from storyline.brief import context

    assert [(m.span(), m.group()) for m in context._full_name_matches(text)] == [
        (m.span(), m.group()) for m in context._FULL_NAME.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["ab", "Cd", ".", "!", "?", '"', "”", " ", "\n", "U.S", "Q"]),
                max_size=14).map("".join), st.integers(0, 14), st.integers(0, 14))
def test_a_paragraph_without_a_glue_hint_has_no_glued_sentence(block, start, end):
    """`sentence_spans` skips `_unglued` when the paragraph holds no `_GLUE_HINT`: then it
    cuts no span of it."""
    from storyline.brief import segment

    start, end = min(start, len(block)), min(end, len(block))
    if segment._GLUE_HINT.search(block) is None:
        assert segment._unglued(block, start, end) == ([(start, end)] if end > start else [])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["Sept. 2, ", "January ", "2015", "1999", "20", "19", "15",
                                 "in ", "on ", "/", "-", "12", "3", " ", "May "]),
                max_size=10).map("".join))
def test_a_line_without_a_year_has_no_dates(line):
    """The dating reads the dates of an article's long lines only when it needs them (most
    articles never do), whatever year they hold: a line without one gives none."""
    from storyline.brief import dating

    if dating._ANY_YEAR.search(line) is None:
        assert dating._dates_in(line) == [] and dating._month_years(line) == []


_THE_PIECES = ["the ", "The ", "the", "he ", " ", "  ", "other", "the the ", "new ", "latest ",
               "accord", "numbers ", "figures ", "show", "could ", "can", "drug", "drugs", "-",
               "'", "’", "(", ",", ".", "of ", "A", "é", "1", "_", "\n", "xthe "]


@settings(max_examples=2000, deadline=None)
@example("The new accord was signed by the other side.")
@example("xthe drugs, and the numbers could rise; the can (left)")
@given(st.lists(st.sampled_from(_THE_PIECES), max_size=14).map("".join))
def test_patterns_with_their_opening_word_first_match_as_written(text):
    """`literals.boundary_behind` ("\\b[Tt]he ..." as "[Tt]he (?<=\\b[Tt]he )..."), on
    context's rules and a pattern under re.I: the same matches, spans and groups."""
    import re

    from storyline.brief import context, literals

    for new in (context._DEFINITE_NOUN, context._DEFINITE_THING, context._THE_NUMBERS,
                literals.boundary_behind(re.compile(r"\bthe (\w+)", re.I))):
        word = new.pattern[:new.pattern.index("(?<=")]
        plain = re.compile(r"\b" + word + new.pattern[new.pattern.index(")", len(word)) + 1:],
                           new.flags)
        assert new.pattern.startswith(word + "(?<=\\b" + word + ")")
        assert [(m.span(), m.groups()) for m in new.finditer(text)] == [
            (m.span(), m.groups()) for m in plain.finditer(text)]


def test_a_pattern_not_opening_with_a_word_is_left_as_written():
    import re

    from storyline.brief import literals

    for source in (r"the\b", r"\bthe? x", r"\b(?:the|a) x", r"\b\d+", r"\bth+e"):
        pattern = re.compile(source)
        assert literals.boundary_behind(pattern) is pattern
    verbose = re.compile(r"\bthe x", re.X)
    assert literals.boundary_behind(verbose) is verbose


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["to do ", "this", "that", "these", "those", ".", "!", "?", " ",
                                 "\n", "\t", "\u00a0", "X", "achieve ", "é"]),
                max_size=10).map("".join))
def test_a_text_ending_on_a_reference_found_from_its_end(text):
    from storyline.brief import context

    assert context._ends_on_reference(text) == bool(context._ENDS_ON_REFERENCE.search(text))


_ROLE_PIECES = ["spokesman ", "pole vaulter ", "with ", "said ", "published ", "fan ", "the ",
                "Mustafa ", "Bali", "Dana", "Cervantes", "The ", "A ", "al-Assad", "el-Sisi",
                "McCain", "O'Brien", " ", "  ", "\n", "\t", ",", ".", "'s", "1", "é", "X",
                "officer", "Jones", "-"]


@settings(max_examples=3000, deadline=None)
@example("pole vaulter Dana Cervantes and spokesman Mustafa Bali said")
@example("a Kickstarter-funded Star Trek fan film, published The Klingon Dictionary")
@given(st.lists(st.sampled_from(_ROLE_PIECES), max_size=12).map("".join))
def test_role_cues_tried_where_one_can_start_are_finditers(text):
    from storyline.brief import context

    assert [(m.span(), m.group(1)) for m in context._role_cues(text)] == [
        (m.span(), m.group(1)) for m in context._PERSON_CUES[4].finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_rows(), st.data())
def test_covered_and_cosines_without_numpys_set_and_grid_helpers_are_theirs(rows, data):
    """`covered` finds the terms already said with a set, not `np.isin`, and `cosines`
    reads its block without `np.ix_`: the same values, summed in the same order, and the
    same layout."""
    matrix = vectors._normalized(*rows)
    n = matrix.shape[0]
    picks = st.lists(st.integers(0, n - 1), max_size=12) if n else st.just([])
    told = data.draw(picks)
    for k in range(n):
        start, end = int(matrix.indptr[k]), int(matrix.indptr[k + 1])
        weights = np.asarray(matrix.data[start:end], dtype=np.float64) ** 2
        total = float(weights.sum())
        if total and told:
            said = np.concatenate([matrix.indices[matrix.indptr[j]:matrix.indptr[j + 1]]
                                   for j in told])
            isin = float(weights[np.isin(matrix.indices[start:end], said)].sum()) / total
        else:
            isin = 0.0
        assert vectors.covered(matrix, told, k) == isin
    others = data.draw(picks)
    if n and told and others:
        vectors._LAST_TABLE = (lambda: None, None)
        block = vectors.cosines(matrix, told, others)
        table = vectors._LAST_TABLE[1]
        grid = table[np.ix_(np.asarray(told, dtype=np.intp), np.asarray(others, dtype=np.intp))]
        assert block.tobytes() == grid.tobytes() and block.strides == grid.strides


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "They", "But", "However", "He", "Her", "She",
                                 "It", "Its", "A", "An", " ", "  ", "\n", "a", "x", "B", "Z",
                                 "9", "é", ".", "said"]), max_size=12).map("".join))
def test_the_run_on_hint_found_from_its_capitals_as_by_the_plain_pattern(block):
    from storyline.brief import segment

    assert (segment._RUN_ON_HINT_SEARCH.search(block) is None) == (
        segment._RUN_ON_HINT.search(block) is None)


_SPEAKER_PIECES = ["the", "The", "minister", "spokesman", "group", "said", "says", "added",
                   "another", "official", "he", "she", "they", "I", "it", "told", "reportedly",
                   " ", "  ", "\n", ",", ";", ":", '"', "“", "”", "’", "'", ".", "x", "é",
                   "Democrats", "Republican", "Smith", "with", "from"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_SPEAKER_PIECES), max_size=14).map("".join))
def test_speakers_searched_past_the_start_as_by_their_patterns(text):
    from storyline.brief import context

    assert context._DEFINITE_SPEAKER_FOUND(text) == bool(context._DEFINITE_SPEAKER.search(text))
    assert context._PRONOUN_SPEAKER_FOUND(text) == bool(context._PRONOUN_SPEAKER.search(text))


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_searched_past_the_start_as_by_the_pattern_on_texts_it_matches(data):
    from storyline.brief import context, literals

    pattern = data.draw(st.sampled_from([context._DEFINITE_SPEAKER, context._PRONOUN_SPEAKER,
                                         re.compile(r"(?:^|[,;])\s*x\b|\bab"),
                                         re.compile(r"^a|b", re.M)]))
    found = literals.searched_past_start(pattern)
    text = data.draw(st.one_of(st.from_regex(pattern), st.text(alphabet="ab,; x\n", max_size=8)))
    assert found(text) == bool(pattern.search(text))


def test_searched_past_the_start_looks_ahead_of_the_later_alternatives_only():
    from storyline.brief import literals

    pattern = re.compile(r"(?:^\s*|[,;])the\b|\b(?:said|says) it")
    later = literals._searched_past_start(pattern)
    assert "match" in later.__code__.co_freevars  # (tried at the start, then past it)
    assert later("the end") and later("x,the end") and later("he said it")
    assert not later("bathe them") and not later("x the end") and not later("x, the end")
    # "^" that matches after a newline too (re.M): the pattern's own search
    multiline = literals._searched_past_start(re.compile(r"^the", re.M))
    assert "match" not in multiline.__code__.co_freevars
    assert multiline("x\nthe") and not multiline("x the")


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=40) | st.text(alphabet="ab\x00\x07\x0b\x1f\x7f\x80\x85\x9f é“\ud800",
                                      max_size=20))
@example("a\ud800b\x07")
def test_an_articles_characters_read_by_bytes_as_by_the_patterns(text):
    from storyline.brief import ingest

    assert ingest._non_ascii(text) == "".join(ingest._NON_ASCII.findall(text))
    assert ingest._has_control(text) == (ingest._CONTROL.search(text) is not None)


_STATUS_WORDS = ["Police", "did", "not", "didn't", "have", "has", "not", "yet", "been", "DID",
                 "NOT", "Not", "declined", "to", "identify", "identified", "confirm",
                 "confirmed", "CONFIRMED", "named", "name", "released", "disclosed", "Jon",
                 "Moe", ",", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_STATUS_WORDS), max_size=12).map(" ".join))
def test_overtaken_reads_only_texts_with_a_status_verb(text):
    """`updates.overtaken` reads only the texts that hold one of `_VERBS`: every match
    of its patterns holds one."""
    from storyline.brief import updates

    if updates._NOT_YET.search(text) or updates._SETTLED.search(text):
        assert any(verb in text for verb in updates._VERBS)
