"""End to end on the bundled example cluster, as a user runs it."""

import itertools

from storyline import read_cluster, summarize
from storyline.brief.clean import clean_all
from storyline.brief.group import SAME_FACT
from storyline.brief.segment import split_all
from storyline.brief.vectors import tfidf
from storyline.model import Article

CLUTTER = ["Image copyright", "Image caption", "AFP Photo", "Getty Images", "Media playback",
           "Media caption", "Read more", "Leave a Reply", "logged in to post a comment",
           "issues with commenting", "COMMENTS", "Updated:", "automated translation",
           "Source: BBC", "Beta V.1.0", "email address will not be published", "Daphné BENOIT",
           "Idlib face last stand", "Syria Civil War"]


def test_example_brief_is_clean_cited_and_says_nothing_twice(example_dir):
    articles = read_cluster(example_dir)
    for words in (60, 120, 250):
        brief = summarize(articles, words=words)
        assert brief.sentences
        for clutter in CLUTTER:
            assert clutter not in brief.summary, clutter
        cleaned = {a.id: a for a in clean_all(articles)[0]}
        for s in brief.sentences:
            for c in s.sources:
                assert cleaned[c.article].text[c.start:c.end] == c.text
                assert c.file == f"article-{c.article}.txt"
        # no fact repeats: no two brief sentences are near-copies of each other
        sentences = split_all([Article(id=str(i), text=s.text)
                               for i, s in enumerate(brief.sentences)])
        vectors = tfidf(sentences)
        similarity = (vectors @ vectors.T).toarray()
        for i, j in itertools.combinations(range(len(sentences)), 2):
            assert similarity[i, j] < SAME_FACT, (sentences[i].text, sentences[j].text)


def test_repeated_fact_cites_every_article_that_reports_it(example_dir):
    from storyline.brief.group import group
    from storyline.brief.support import citations

    articles, _ = clean_all(read_cluster(example_dir))
    sentences = split_all(articles)
    vectors = tfidf(sentences)
    facts = group(sentences, vectors)
    files = {a.id: a.file for a in articles}
    trump = next(k for k, s in enumerate(sentences)
                 if s.article == "2" and "Trump" in s.text and "2,000" in s.text)
    fact = next(f for f in facts if trump in f.members)
    cited = {c.article: c for c in citations(trump, fact, sentences, vectors, files)}
    assert set(cited) == {"2", "3", "5"}  # 3 and 5 say it in other words
    assert "Trump announced in December" in cited["3"].text
    assert cited["2"].support == cited["3"].support == "full"
    assert cited["5"].support == "partial"  # the withdrawal, without the 2,000 troops


def test_example_brief_tells_both_phases_of_the_story(example_dir):
    """The five articles fall into two times (September 2018, February 2019): the brief
    tells the latest first and the earlier one after it, its opener kept even when it
    shares few words with the rest (a stray last line would be left out)."""
    brief = summarize(read_cluster(example_dir), words=120)
    told = [s.phase for s in brief.sentences]
    assert len(brief.phases) == 2 and told[0] == 1 and told[-1] == 0


def test_the_readme_prints_the_example_brief_as_it_now_comes_out(example_dir):
    """The front door's example (the brief and its sources, as the README prints them)
    is what `storyline summarize examples/baghuz/` prints today."""
    from pathlib import Path

    from click.testing import CliRunner

    from storyline.faces.cli import main

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    shown = readme.split("$ storyline summarize examples/baghuz/\n", 1)[1]
    shown = shown.split("\nChanges over time:", 1)[0]
    printed = CliRunner().invoke(main, ["summarize", str(example_dir)]).output
    assert printed.startswith(shown), "re-print the README's example brief"
