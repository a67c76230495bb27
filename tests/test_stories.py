"""The story store: ingest, duplicates, copies, detection, briefs, crash safety, bad input.

The articles are made from sentence templates about three unrelated events
(tests/streams.py), so the tests need no data and know the true stories.
"""

import json
import os
from dataclasses import replace
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from streams import NEWSROOM, TOPICS, make_article, stream, write_jsonl

from storyline import Stories
from storyline.faces.cli import main
from storyline.stories import Incoming, StoreError, prepare
from storyline.stories.sources import read_sources


def test_stream_groups_into_its_stories(tmp_path):
    with Stories(tmp_path / "s.db") as stories:
        result = stories.add(stream())
        assert (result.added, result.opened, result.duplicates) == (12, 3, 0)
        groups = {}
        for article_id, story in stories.export():
            groups.setdefault(story, set()).add(article_id.split("-")[0])
        assert sorted(len(g) for g in groups.values()) == [1, 1, 1]
        assert [s.sources for s in stories.list()] == [4, 4, 4]


def test_same_article_again_adds_nothing(tmp_path):
    rows = stream(2)
    with Stories(tmp_path / "s.db") as stories:
        stories.add(rows)
        again = stories.add(rows)  # same ids
        assert (again.added, again.duplicates) == (0, 6)
        renamed = [{**r, "id": r["id"] + "-bis"} for r in rows]  # same content
        assert stories.add(renamed).duplicates == 6
        by_url = [{**make_article("flood", 9), "url": "https://example.org/a"},
                  {**make_article("merger", 9), "url": "https://example.org/a"}]
        assert stories.add(by_url).duplicates == 1
        assert stories.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 7
        # every id given is exported, a duplicate's with the story of what it repeats,
        # after what had come before it
        exported = list(stories.export())
        assert [i for i, _ in exported] == ([r["id"] for r in rows] + [r["id"] for r in renamed]
                                            + ["flood-9", "merger-9"])
        story = dict(exported)
        assert all(story[r["id"] + "-bis"] == story[r["id"]] for r in rows)
        assert story["merger-9"] == story["flood-9"]
        assert stories.add(renamed).duplicates == 6  # (an alias is known: exported once)
        assert len(list(stories.export())) == 14


def test_a_duplicates_id_that_comes_back_with_its_own_text_is_an_article(tmp_path):
    flood, merger = make_article("flood", 1), make_article("merger", 1)
    with Stories(tmp_path / "s.db") as stories:
        stories.add([flood, {**flood, "id": "b"}])  # "b": the flood article's duplicate
        assert stories.add([{**merger, "id": "b"}]).added == 1  # later, a text of its own
        # ... and within one batch
        stories.add([{**flood, "id": "c"}, {**make_article("election", 1), "id": "c"}])
        exported = list(stories.export())
        story = dict(exported)
    assert [i for i, _ in exported] == ["flood-1", "b", "c"]
    assert story["b"] != story["flood-1"] and story["c"] not in (story["b"], story["flood-1"])


def test_an_article_sent_again_under_its_id_with_other_text_is_skipped(tmp_path):
    """Corrections do not reach a story yet: ids are not unique across sources (two
    feeds' item "1"), so the same id with other text is no proof of a correction."""
    with Stories(tmp_path / "s.db") as stories:
        stories.add([make_article("flood", 1)])
        other = {**make_article("merger", 1), "id": "flood-1"}
        assert stories.add([other]).duplicates == 1
        text = stories.db.execute("SELECT text FROM articles WHERE id = 'flood-1'").fetchone()[0]
        assert text == make_article("flood", 1)["text"]


def test_near_duplicate_is_a_copy_of_its_original(tmp_path):
    original = make_article("flood", 1)
    copy = {**original, "id": "wire-copy", "source": "Other Daily",
            "text": original["text"] + " Additional reporting by the wire service."}
    with Stories(tmp_path / "s.db") as stories:
        result = stories.add([original, make_article("merger", 1), copy])
        assert (result.added, result.copies) == (3, 1)
        assigned = dict(stories.export())
        assert assigned["wire-copy"] == assigned["flood-1"]
        story = stories.list()[0] if stories.list()[0].size == 2 else stories.list()[1]
        assert (story.size, story.sources) == (2, 1)
        shown = stories.brief(assigned["flood-1"])
        assert [c["id"] for c in shown.articles[0]["copies"]] == ["wire-copy"]


def test_copy_found_in_a_later_batch_and_duplicates_within_one(tmp_path):
    original = make_article("flood", 1)
    copy = {**original, "id": "wire-copy", "text": original["text"] + " By the wire."}
    with Stories(tmp_path / "s.db") as stories:
        stories.add([original, make_article("merger", 1)])
        again = [copy, {**copy, "id": "same-text"},
                 {**make_article("election", 1), "id": "wire-copy"}]
        result = stories.add(again)
        assert (result.added, result.copies, result.duplicates) == (1, 1, 2)
        assigned = dict(stories.export())
        assert assigned["wire-copy"] == assigned["flood-1"] == assigned["same-text"]
        assert [i for i, _ in stories.export()] == ["flood-1", "merger-1", "wire-copy",
                                                     "same-text"]


def test_minhash_signature_is_datasketchs():
    datasketch = pytest.importorskip("datasketch")
    import numpy as np

    from storyline.stories import dedup

    texts = ["", "one two", " ".join(TOPICS["flood"]).format(day="Monday", n=12) * 30]
    for text in texts:
        m = datasketch.MinHash(num_perm=dedup.PERMUTATIONS, seed=dedup.SEED, hashfunc=int,
                               scheme="affine32")
        m.update_batch(dedup.shingles(text))
        assert dedup.signature(text) == np.asarray(m.hashvalues, dtype=np.uint32).tobytes()


def test_brief_is_cached_until_the_story_changes_and_tells_what_is_new(tmp_path):
    with Stories(tmp_path / "s.db") as stories:
        story = _flood_story(stories, 2)
        first = stories.brief(story)
        assert first.brief["sentences"] and first.new is None
        assert stories.brief(story).made == first.made  # unchanged: from the cache
        news = make_article("flood", 5)
        news["text"] += " A dam upstream of Valencia was inspected for cracks by engineers."
        stories.add([news])
        second = stories.brief(story)
        assert second.previous["articles"] == 2
        assert second.new is not None and "error" not in second.new
        new_text = " ".join(s["text"] for s in second.new["sentences"])
        assert "dam upstream" in new_text
        rows = stories.db.execute("SELECT count(*) FROM briefs").fetchone()[0]
        assert rows == 2


def test_a_story_in_text_tells_what_is_new_once(tmp_path):
    """As the page does: the brief's lines only new articles state are marked "(new)",
    and "What is new" lists none of the brief's lines again."""
    from storyline.stories.render import render_story

    with Stories(tmp_path / "s.db") as stories:
        story = _flood_story(stories, 2)
        stories.brief(story)
        time.sleep(1.1)  # (the store's times are to the second: the next ones come after)
        news = make_article("flood", 5)
        news["text"] = ("A dam upstream of Valencia burst on Monday and engineers evacuated "
                        "the Turia valley. " + news["text"])
        stories.add([news])
        shown = stories.brief(story).to_dict()
    assert [s["text"] for s in shown["new"]["sentences"]] == [
        s["text"] for s in shown["brief"]["sentences"] if s["text"].startswith("A dam")]
    page = " ".join(render_story(shown).split())
    assert ("the Turia valley. [3] (new) What is new since the previous brief (2 articles "
            "then): All of it is in the brief above.") in page
    assert page.count("(new)") == 1 and page.count("A dam upstream") == 2  # (+ its title)
    assert "(new)" not in render_story({**shown, "new": None, "previous": None})
    # at a narrow terminal's width: every line fits, but a word longer than it (a url)
    url = "https://example.org/" + "x" * 60
    first = {**shown["articles"][0], "url": url, "copies": [
        {"id": "c", "title": "A copy of it, under a title long enough to wrap", "url": None,
         "source": None, "published": None}]}
    narrow = render_story({**shown, "articles": [first, *shown["articles"][1:]]}, "text", 40)
    assert all(len(line) <= 40 or " " not in line.strip() for line in narrow.splitlines())
    assert url in narrow and "What is new since the previous brief (2\narticles then):" in narrow


def test_a_story_shows_each_figures_sentence_under_a_disagreement_or_a_change(example_dir,
                                                                              tmp_path):
    """"possible versions: two [12]; three [13]" alone tells a reader nothing: the
    sentences that give the figures stand under it, as the brief prints them."""
    from click.testing import CliRunner

    from storyline.faces.cli import main
    from storyline.stories.render import render_story

    db = tmp_path / "s.db"
    assert CliRunner().invoke(main, ["stories", "add", str(example_dir), "--db", str(db)]
                              ).exit_code == 0
    with Stories(db) as stories:
        [story] = stories.list()
        shown = stories.brief(story.id).to_dict()
    [change] = shown["brief"]["changes"]
    first = change["figures"][0]
    figures = [{"article": "12", "figure": "two", "text": "Motsak said there were two "
                "possible versions."}, {"article": "13", "figure": "three", "text":
                "Motsak said there were three possible versions."}]
    shown["brief"]["disagreements"] = [{"subject": "possible versions", "kind": "count",
                                        "figures": figures}]
    md = render_story(shown, "markdown")
    assert "- possible versions: two [12]; three [13]\n  - [12] “Motsak said there were two" in md
    assert f"  - [{first['article']}] “{first['text']}”" in md
    text = " ".join(render_story(shown, "text").split())
    assert "three [13] [12] Motsak said there were two possible versions. [13] Motsak" in text
    assert f"[{first['article']}] {first['text']}" in text
    # at a narrow width, a sentence under the line stands further in than the line's own
    # continuation
    narrow = render_story(shown, "text", 40).splitlines()
    start = next(k for k, line in enumerate(narrow) if "possible versions:" in line)
    assert narrow[start + 1:start + 3] == ["    [13]", "      [12] Motsak said there were two"]


def test_a_storys_headline_follows_its_brief_and_untitled_articles_are_named_by_their_lead(
        tmp_path):
    first = make_article("flood", 0, title="Rain expected in Valencia")
    with Stories(tmp_path / "s.db") as stories:
        stories.add([first])
        [story] = stories.list()
        assert story.title == "Rain expected in Valencia"  # the first article's, at first
        stories.add([make_article("flood", k, title=f"Valencia flood report number {k}")
                     for k in (1, 2)])
        shown = stories.brief(story.id)
        # the brief's first sentence is taken from an article (the latest that prints it):
        # its title heads the story
        opening = shown.brief["sentences"][0]
        own = [c["article"] for c in opening["sources"] if c["text"] == opening["text"]][-1]
        title = next(a["title"] for a in shown.articles if str(a["n"]) == own)
        assert shown.story.title == title == stories.story(story.id).title
    with Stories(tmp_path / "untitled.db") as stories:
        caption = "The bridge over the Turia river in Valencia. "  # a caption: no statement
        stories.add([{**make_article("merger", 0), "text": caption + make_article("merger", 0)["text"]},
                     {**make_article("election", 0), "title": "NORWAY"}])
        labels = sorted(s.title for s in stories.list())
        assert labels == sorted(make_article(t, 0)["text"].split(". ")[0] + "."
                                for t in ("election", "merger"))
        merger = next(s for s in stories.list() if "Quillon" in s.title)
        shown = stories.brief(merger.id)  # untitled: the brief's first sentence heads it
        assert shown.story.title == shown.brief["sentences"][0]["text"]
        # and the article is listed by its lead, not by the caption before it
        assert shown.articles[0]["title"] == make_article("merger", 0)["text"].split(". ")[0] + "."
    with Stories(tmp_path / "glued.db") as stories:
        # a caption glued before the lead with its photo credit: cut on the page too
        glued = "A worker checks a pump near the river (By Jane Roe -- The Daily Courier) "
        stories.add([{**make_article("merger", k), "text": glued + make_article("merger", k)["text"]}
                     for k in (0, 1)])
        shown = stories.brief(stories.list()[0].id)
        listed = {a["title"] for a in shown.articles}
        assert listed == {make_article("merger", k)["text"].split(". ")[0] + "." for k in (0, 1)}


def test_a_story_page_lists_its_key_dates(tmp_path):
    from storyline.stories.render import render_story

    days = ["2024-03-04", "2024-03-05", "2024-03-06"]
    with Stories(tmp_path / "s.db") as stories:
        stories.add([make_article("flood", k, published=d) for k, d in enumerate(days)])
        shown = stories.brief(stories.list()[0].id)
        key = shown.to_dict()["timeline"]
        assert key and [d["date"] for d in key] == sorted({d["date"] for d in key})
        assert all(len(d["sentences"]) == 1 and d["date"] <= days[-1] for d in key)
        page = render_story(shown.to_dict())
        first = key[0]["sentences"][0]["text"]
        assert f"Timeline:\n  {key[0]['date']}  {first}" in page
        narrow = render_story(shown.to_dict(), "text", 40)  # every part wrapped to the width
        assert max(map(len, narrow.splitlines())) <= 40 < max(map(len, page.splitlines()))
        # a brief cached before stories had key dates, or a story with no day-precise date,
        # shows the brief's own timeline
        for none in (None, []):
            old = {**shown.to_dict(), "timeline": none}
            old["brief"] = {**old["brief"], "timeline": [
                {"date": "2024-03", "when": "in March", "text": "Water rose.",
                 "sources": [{"article": "1"}]}]}
            assert "2024-03  Water rose. [1]" in render_story(old)


def test_a_story_page_prints_the_brief_by_phase_with_partial_sources_and_its_warnings_last(
        tmp_path):
    from storyline.stories import briefs
    from storyline.stories.render import render_story

    with Stories(tmp_path / "s.db") as stories:
        stories.add([make_article("flood", k) for k in range(2)])
        shown = stories.brief(stories.list()[0].id).to_dict()
    full, partial = {"article": "3", "support": "full"}, {"article": "1", "support": "partial"}
    # (as a brief cached before phases had labels holds them: the store labels them)
    shown["brief"] = briefs.labelled({
        "sentences": [{"text": "Rebels took the city.", "sources": [full], "phase": 1},
                      {"text": "The siege began.", "sources": [partial, {**partial, "article": "2"},
                                                               {**partial, "support": "full"}],
                       "phase": 0}],
        "phases": [{"start": "2011-03-01", "end": "2011-04-22", "articles": ["1", "2"]},
                   {"start": "2011-10-18", "end": "2011-10-18", "articles": ["3"]}],
        "warnings": ["The articles may not be about one story."]})
    text = render_story(shown)
    assert ("Brief:\nOctober 2011: Rebels took the city. [3]\n\n"
            "Earlier, March–April 2011: The siege began. [1, 2*]\n\n"
            "* the source states only part of the sentence\n") in text
    # (the warning is the editor's: after the articles, not above the brief)
    assert text.endswith("Notes on the articles:\n  The articles may not be about one story.\n")
    markdown = render_story(shown, "markdown")
    assert "**Earlier, March–April 2011:** The siege began. [1, 2*]" in markdown
    assert markdown.endswith("## Notes on the articles\n\n- The articles may not be about one "
                             "story.\n")


@pytest.mark.parametrize("lead, headline", [
    ("Libyan officials offered wildly disparate views of the fighting on Sunday, as gunfire "
     "and explosions continued to rock Tripoli.",
     "Libyan officials offered wildly disparate views of the fighting on Sunday"),
    ("A move to stop funding the war was narrowly defeated in the House on Thursday, "
     "underscoring Congress' unhappiness with it.",
     "A move to stop funding the war was narrowly defeated in the House on Thursday"),
    # who said it stays; a short head, a complement and "as well as" keep the sentence
    ("Rebels appeared to control most of Tripoli, the Pentagon said on Tuesday.", None),
    ("Troops arrived on Monday, as expected.", None),
    ("Parliament met late to reclassify certain drugs, including ecstasy, as illegal "
     "following a court ruling.", None),
    ("The agency will fund vaccines for the north, as well as new clinics in the south.", None),
    # a cut that would leave who said it out; "as" with no clause of its own
    ("Forces killed at least 50 protesters in the capital on Friday, bringing the toll to "
     "300, activists said.", None),
    ("The president flew to Baghdad on an unannounced visit, as the first sitting president "
     "to address troops there.", None),
])
def test_an_untitled_storys_headline_is_its_leads_main_clause(lead, headline):
    from storyline.stories.briefs import main_clause

    assert main_clause(lead) == (headline or lead)


def test_a_story_keeps_the_headline_of_its_newest_brief_and_old_briefs_drop_their_labels(
        tmp_path):
    with Stories(tmp_path / "s.db") as stories:
        stories.add([{**make_article("merger", k), "title": "MERGER"} for k in range(2)])
        story = stories.list()[0]
        first = stories.brief(story.id)
        # a one-word title is a section's: the article is listed by its lead
        assert first.articles[0]["title"].startswith(
            make_article("merger", 0)["text"].split(". ")[0])
        stories.add([make_article("merger", 2, title="Halvorsen and Quillon close their merger")])
        second = stories.brief(story.id)
        labels = [json.loads(b)["labels"] if "labels" in json.loads(b) else None
                  for (b,) in stories.db.execute("SELECT brief FROM briefs ORDER BY version")]
        assert labels[0] is None and labels[1]  # (the older brief's labels pruned)
        # an older brief made while an article came does not take the headline back
        stale = {**stories.story(story.id).to_dict()}
        stories._cache(replace(first.story, version=first.story.version),
                       {"made": "x", "brief": {}, "new": None}, 1, "A stale headline", True)
        assert stories.story(story.id).title == second.story.title == stale["title"]


def _flood_story(stories: Stories, articles: int) -> int:
    """The id of the story the first `articles` flood articles make, added to `stories`."""
    stories.add([make_article("flood", k) for k in range(articles)])
    return stories.list()[0].id


def test_briefs_made_in_the_background_leave_what_is_new_to_the_last_one_shown(tmp_path):
    with Stories(tmp_path / "s.db") as stories:
        story = _flood_story(stories, 2)
        stories.brief(story)  # a reader sees it at 2 articles
        news = {2: "King Felipe visited the flooded Valencia suburbs on Thursday.",
                3: "The Turia river fell below its banks on Friday, Valencia officials said."}
        for k, line in news.items():  # two more come one at a time, each briefed unseen
            article = make_article("flood", k)  # (by the server's refresher)
            stories.add([{**article, "text": article["text"] + " " + line}])
            stories.brief(story, shown=False)
        seen = stories.brief(story)  # the reader comes back: both are new to them
        assert seen.previous["articles"] == 2 and seen.new["sentences"]
        assert {c["article"] for s in seen.new["sentences"] for c in s["sources"]} <= {"3", "4"}
        stories.add([make_article("flood", 4)])
        assert stories.brief(story).previous["articles"] == 4  # (shown just now)
        # only the brief "what is new" read and the current one are kept
        assert stories.db.execute("SELECT count(*) FROM briefs").fetchone()[0] == 2


def test_a_brief_seen_at_any_budget_or_also_made_unseen_counts_as_shown(tmp_path):
    with Stories(tmp_path / "s.db") as stories:
        story = _flood_story(stories, 2)
        stories.brief(story)
        stories.add([make_article("flood", 2)])
        made = stories.brief(story, shown=False)  # the refresher's
        stories.brief(story, words=300)  # a reader sees it at another budget
        # (the refresher writing the same version again after a reader does not unsee it)
        stories._cache(made.story, {**made.to_dict(), "made": "x"}, 3, made.story.title, False)
        stories.add([make_article("flood", 3)])
        assert stories.brief(story).previous["articles"] == 3
        stories.db.execute("BEGIN")  # a brief read inside a transaction already open
        assert stories.brief(story).brief["sentences"]
        stories.db.execute("ROLLBACK")


def test_a_brief_at_another_budget_is_made_for_it(tmp_path):
    with Stories(tmp_path / "s.db") as stories:
        story = _flood_story(stories, 4)
        assert stories.brief(story, words=20).brief["stats"]["budget"] == 20
        assert stories.stale() == [story]  # (a brief at another budget is not kept)
        assert stories.brief(story, words=120).brief["stats"]["budget"] == 120
        assert stories.brief(story, words=300).brief["stats"]["budget"] == 300
        cached = json.loads(stories.db.execute("SELECT brief FROM briefs").fetchone()[0])
        assert cached["words"] == 120  # the pages' budget is the one kept


def test_wire_service_line_left_before_a_title_is_cut():
    from storyline.stories.prepare import _title

    assert _title("888-603-1036.) BOOKSELLERS COZY UP TO THE WEB") == (
        "BOOKSELLERS COZY UP TO THE WEB")
    assert _title("(AP) Dam bursts") == "(AP) Dam bursts"
    assert _title("2000 Olympics open in Sydney") == "2000 Olympics open in Sydney"


def test_what_is_new_gets_the_briefs_budget_when_many_articles_came(tmp_path):
    with Stories(tmp_path / "s.db") as stories:
        story = _flood_story(stories, 2)
        stories.brief(story)
        stories.add([make_article("flood", 2)])
        few = stories.brief(story).new
        stories.add([make_article("flood", k) for k in range(3, 10)])
        many = stories.brief(story).new
        assert few["stats"]["budget"] == 80 and many["stats"]["budget"] == 120


def test_bad_articles_are_skipped_with_reasons(tmp_path):
    future = (date.today() + timedelta(days=30)).isoformat()
    lines = [json.dumps(make_article("flood", 1)), "{not json", json.dumps({"id": "x"}),
             json.dumps({"id": "empty", "text": "   "}),
             json.dumps({**make_article("merger", 1), "published": future}),
             json.dumps({"id": "clutter", "text": "Share this article\nFollow us on Twitter"}),
             json.dumps({"id": "es", "text": "Una presa se rompió el martes en el valle del "
                         "norte y las aguas inundaron tres pueblos, según dijeron las "
                         "autoridades. Los equipos de rescate llegaron en barco al último de "
                         "los pueblos el miércoles por la mañana."}),
             json.dumps({"id": "budget", "text": "Stories moving today.\nDAM-BURST _ RIVERTON _ "
                         "A dam burst on Tuesday.\nVALLEY-AID (Undated) _ The army flew food "
                         "in.\nSCHOOL-VOTE _ The board votes on a budget."})]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with Stories(tmp_path / "s.db") as stories:
        result = stories.add(read_sources([str(path)]))
    assert result.added == 1
    reasons = " | ".join(s.reason for s in result.skipped)
    assert len(result.skipped) == 7
    assert "line 2 is not valid JSON" in reasons
    assert "line 8: a wire's budget" in reasons
    assert "line 7: not in English" in reasons
    assert 'no "text" string' in reasons
    assert "in the future" in reasons
    assert reasons.count("no article text") == 2


def test_extra_fields_are_kept(tmp_path):
    rows = [{**make_article("flood", 1), "story": "gold-7", "lang": "en"}]
    with Stories(tmp_path / "s.db") as stories:
        stories.add(read_sources([write_jsonl(tmp_path / "a.jsonl", rows)]))
        extra = stories.db.execute("SELECT extra FROM articles").fetchone()[0]
    assert json.loads(extra) == {"story": "gold-7", "lang": "en"}


def test_a_file_that_is_not_a_store_is_refused_untouched(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("my notes, not a database " * 100)
    with pytest.raises(StoreError, match="not a Storyline store"):
        Stories(text)
    assert text.read_text() == "my notes, not a database " * 100
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE things (x)")
    with pytest.raises(StoreError, match="another program"):
        Stories(other)
    newer = tmp_path / "newer.db"
    Stories(newer).close()
    with sqlite3.connect(newer) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer Storyline"):
        Stories(newer)


def test_a_store_of_the_first_schema_is_upgraded_with_its_briefs_shown(tmp_path):
    db = tmp_path / "s.db"
    with Stories(db) as stories:
        story = _flood_story(stories, 2)
        first = stories.brief(story)
    with sqlite3.connect(db) as old:  # (as schema 1 made it: no "shown", no aliases)
        old.execute("ALTER TABLE briefs DROP COLUMN shown")
        old.execute("DROP TABLE aliases")
        old.execute("PRAGMA user_version = 1")
    with Stories(db) as stories:
        assert stories.db.execute("PRAGMA user_version").fetchone()[0] == 3
        assert [tuple(r) for r in stories.db.execute("SELECT shown FROM briefs")] == [(1,)]
        stories.add([make_article("flood", 2), {**make_article("flood", 2), "id": "again"}])
        assert stories.brief(story).previous["made"] == first.made
        assert dict(stories.export())["again"] == story


def test_one_writer_at_a_time_readers_welcome(tmp_path):
    path = tmp_path / "s.db"
    with Stories(path) as writer:
        writer.add(stream(1))
        with Stories(path) as second:
            with pytest.raises(StoreError, match="is being written by process"):
                second.add(stream(1))
            assert len(second.list()) == 3  # reading is fine meanwhile
    with Stories(path) as again:  # the lock went with the writer
        assert again.add([make_article("flood", 8)]).added == 1


def test_kill_9_mid_ingest_loses_nothing_reported_and_resumes(tmp_path):
    rows = [make_article(t, k) for k in range(150) for t in TOPICS]  # 450: several batches
    source = write_jsonl(tmp_path / "a.jsonl", rows)
    path = tmp_path / "s.db"
    code = ("import sys, storyline.stories.stories as s; s.BATCH_ARTICLES = 20\n"
            "from storyline.faces.cli import main; main()")
    proc = subprocess.Popen([sys.executable, "-c", code, "stories", "add", source,
                             "--db", str(path)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(path, timeout=1) as db:
                stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 40:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert stored >= 40
    with Stories(path) as stories:
        kept = len(list(stories.export()))
        assert kept >= stored and kept % 20 == 0  # whole batches only
        result = stories.add(read_sources([source]))
        assert result.added + result.duplicates == 450 and result.duplicates == kept
        resumed = list(stories.export())
    with Stories(tmp_path / "clean.db") as clean:
        clean.add(read_sources([source]))
        assert list(clean.export()) == resumed


def test_prepare_is_pure_and_picklable():
    import pickle

    item = Incoming(text=make_article("flood", 1)["text"], where="x", id="a")
    first, second = prepare(item), prepare(item)
    assert first == second
    assert pickle.loads(pickle.dumps(first)) == first


def test_cli_add_list_show_export(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", stream(2))
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    added = runner.invoke(main, ["stories", "add", source, "--db", db])
    assert added.exit_code == 0, added.output
    assert "6 articles added, 0 duplicates skipped; 3 stories opened" in added.output
    listed = runner.invoke(main, ["stories", "list", "--db", db, "--format", "json"])
    stories = [json.loads(line) for line in listed.output.splitlines()]
    assert len(stories) == 3 and all(s["sources"] == 2 for s in stories)
    shown = runner.invoke(main, ["stories", "show", str(stories[0]["id"]), "--db", db,
                                 "--format", "json"])
    data = json.loads(shown.output)
    assert set(data) == {"story", "brief", "new", "previous", "timeline", "articles", "made"}
    assert data["brief"]["sentences"]
    for fmt, marker in (("text", "Brief:"), ("markdown", "## Brief")):
        out = runner.invoke(main, ["stories", "show", str(stories[0]["id"]), "--db", db,
                                   "-f", fmt]).output
        assert marker in out and "[1]" in out
    exported = runner.invoke(main, ["stories", "export", "--db", db]).output.splitlines()
    assert [json.loads(x)["id"] for x in exported] == [r["id"] for r in stream(2)]


def test_cli_refresh_heads_each_changed_story_by_its_brief(tmp_path):
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    runner.invoke(main, ["stories", "add", write_jsonl(tmp_path / "a.jsonl", stream(2)),
                         "--db", db])
    with Stories(db) as stories:
        opened = {s.id: s.title for s in stories.list()}
        assert sorted(stories.stale()) == sorted(opened)  # listed by a first article's title
    refreshed = runner.invoke(main, ["stories", "refresh", "--db", db])
    assert refreshed.exit_code == 0 and "3 stories refreshed" in refreshed.output
    # not on a terminal (a cron job's log): one line, no counter rewritten with \r
    assert "\r" not in refreshed.output and refreshed.output.count("\n") == 1
    with Stories(db) as stories:
        assert stories.stale() == []
        listed = {s.id: s.title for s in stories.list()}
        assert listed == {i: stories.brief(i).story.title for i in opened}  # (cached: the same)
        stories.add([make_article("flood", 9)])  # a story changes: only it is stale
        assert len(stories.stale()) == 1
    again = runner.invoke(main, ["stories", "refresh", "--db", db, "-n", "5"])
    assert "1 story refreshed" in again.output
    # a story of one article is told as such: "1 source", not "1 sources"
    runner.invoke(main, ["stories", "add", write_jsonl(tmp_path / "b.jsonl", [
        {"id": "lone", "text": "A lone comet was seen over the harbour of Brenmoor on "
         "Tuesday night by hundreds of people.", "published": "2024-05-01"}]), "--db", db])
    listed = runner.invoke(main, ["stories", "list", "--db", db]).output
    assert "  1 source   " in listed and "1 sources" not in listed, listed
    lone = next(line.split()[0] for line in listed.splitlines() if "comet" in line)
    shown = runner.invoke(main, ["stories", "show", lone, "--db", db]).output
    assert "1 source," in shown or "1 source\n" in shown, shown


def test_cli_errors_are_one_clear_line(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["stories", "list", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "does not exist; add articles first" in missing.output
    notes = tmp_path / "notes.txt"
    notes.write_text("hello " * 1000)
    bad = runner.invoke(main, ["stories", "add", str(tmp_path), "--db", str(notes)])
    assert bad.exit_code == 1 and "not a Storyline store" in bad.output
    absent = runner.invoke(main, ["stories", "show", "42", "--db", str(tmp_path / "s.db")])
    assert "does not exist" in absent.output
    db = str(tmp_path / "s.db")
    runner.invoke(main, ["stories", "add", write_jsonl(tmp_path / "a.jsonl", stream(1)),
                         "--db", db])
    nothing = runner.invoke(main, ["stories", "show", "42", "--db", db])
    assert nothing.exit_code == 1 and "no story 42" in nothing.output


def test_detection_scores_worked_by_hand():
    from storyline.evaluate.stories import scores

    s = scores(["a", "a", "b", "b"], [1, 1, 1, 2])
    # pairs found (0,1) (0,2) (1,2), right (0,1); gold pairs (0,1) (2,3)
    assert (s["pairwise_p"], s["pairwise_r"]) == (1 / 3, 1 / 2)
    # B-cubed precision per article 2/3, 2/3, 1/3, 1; recall 1, 1, 1/2, 1/2
    assert s["bcubed_p"] == pytest.approx(2 / 3) and s["bcubed_r"] == pytest.approx(0.75)
    assert (s["stories"], s["true_stories"], s["singletons"]) == (2, 2, 1)
    perfect = scores(["a", "b", "b"], ["x", "y", "y"])
    assert perfect["bcubed_f1"] == perfect["pairwise_f1"] == 1.0


def test_growth_stream_copies_are_new_stories_not_duplicates(tmp_path):
    from storyline.evaluate.stories import growth_stream, read_stream

    rows = [{**make_article(t, 1), "story": t, "published": "2026-03-01"} for t in TOPICS]
    growth_stream(rows, 6, tmp_path / "g.jsonl")
    grown = read_stream(tmp_path / "g.jsonl")
    assert [r["published"] for r in grown] == ["1026-03-01"] * 3 + ["1032-03-01"] * 3
    assert len({r["id"] for r in grown}) == 6 and grown[3]["text"] != grown[0]["text"]
    assert len(grown[3]["text"]) == len(grown[0]["text"])
    with Stories(tmp_path / "s.db") as stories:
        result = stories.add(read_sources([str(tmp_path / "g.jsonl")]))
        assigned = dict(stories.export())
    assert (result.added, result.duplicates) == (6, 0)
    first = {assigned[r["id"]] for r in grown[:3]}
    assert len(first) == 3 and not first & {assigned[r["id"]] for r in grown[3:]}


def test_watch_polls_until_sigterm_and_stops_cleanly(tmp_path):
    feeds = NEWSROOM / "feeds"
    path = tmp_path / "s.db"
    command = [sys.executable, "-c", "from storyline.faces.cli import main; main()",
               "stories", "watch", str(feeds / "harbor-gazette.xml"), "--every", "1s",
               "--db", str(path)]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    polls = ""
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if path.exists():
            try:
                with sqlite3.connect(path, timeout=1) as db:
                    if db.execute("SELECT count(*) FROM articles").fetchone()[0] == 4:
                        break
            except sqlite3.Error:
                pass
    time.sleep(1.5)  # a second poll: nothing new
    # between polls the store is another writer's to write (a poll may hold it: retried)
    from storyline.stories import StoreBusy
    from storyline.stories.store import WriterLock

    for _ in range(50):
        try:
            with Stories(path) as stories:
                assert stories.add([make_article("merger", 2)]).added == 1
            break
        except StoreBusy:
            time.sleep(0.1)
    else:
        pytest.fail("watch held the store between its polls")
    lock = WriterLock(path)  # ... and a poll that finds it being written waits for the next
    for _ in range(50):
        try:
            lock.acquire()
            break
        except StoreBusy:
            time.sleep(0.1)
    time.sleep(2.5)
    lock.release()
    time.sleep(1.5)
    proc.send_signal(signal.SIGTERM)
    _, polls = proc.communicate(timeout=30)
    assert proc.returncode == 0, polls
    assert "4 articles added" in polls and "0 articles added, 4 duplicates skipped" in polls
    assert f"is being written by process {os.getpid()}; trying again in 1s" in polls
    assert "stopped; everything reported as added is stored" in polls
    with Stories(path) as stories:  # the lock is free again, the store whole
        assert len(list(stories.export())) == 5
        assert stories.add([make_article("merger", 3)]).added == 1


@pytest.mark.parametrize(("title", "heads"), [
    ("Valencia flood report number 2", True),
    ("EDITORIAL: THE VALLEY'S FLOOD DEFENCES", False),  # an opinion's label: no news
    ("Analysis: what the flood means for Valencia", False),
    ("BC-NJ--Valencia Flood,730", False),  # a wire's slug
    ("A long wait -- and then the flood", True),
])
def test_a_headline_is_a_title_that_names_the_news(title, heads):
    from storyline.brief.render import printed
    from storyline.stories.briefs import headline

    sentence = "The river burst its banks in Valencia on Tuesday."
    brief = {"sentences": [{"text": sentence, "sources": [{"article": "1", "text": sentence}]}]}
    articles = [{"seq": 7, "copy_of": None, "title": title}]
    assert headline(brief, articles) == (title if heads else sentence)
    # a wire's sentence prints its ``typewriter quotes'' as quotation marks: still its own
    wire = "The ``Jumping Frog'' of Calaveras County is to get extra protection."
    brief = {"sentences": [{"text": printed(wire), "sources": [{"article": "1", "text": wire}]}]}
    assert headline(brief, articles) == (title if heads else printed(wire))


def test_cli_add_with_a_source_it_cannot_read_adds_the_rest_and_exits_1(tmp_path):
    """A wrong path among the sources is the caller's to fix (a cron job must see it):
    the other sources' articles are added, and the exit status is 1, not 0."""
    source = write_jsonl(tmp_path / "a.jsonl", stream(1))
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(main, ["stories", "add", str(tmp_path / "nosuch"), source,
                                       "--db", db])
    assert result.exit_code == 1, result.output
    assert "nosuch does not exist" in result.output
    assert "3 articles added" in result.output
    assert "1 of the 2 sources could not be read" in result.output
    with Stories(db) as stories:
        assert len(stories.list()) == 3
    # a source whose every article is bad gives none either: nothing added is an error
    (tmp_path / "empty.txt").write_text("")
    read = CliRunner().invoke(main, ["stories", "add", str(tmp_path / "empty.txt"), "--db", db])
    assert read.exit_code == 1 and "1 skipped" in read.output, read.output
    assert "no article could be added" in read.output
    bad = tmp_path / "bad.jsonl"  # broken JSON, an empty text, a date in the future
    bad.write_text('{"text": "unterminated\n{"text": "  "}\n'
                   '{"text": "The bridge reopened on Tuesday after repairs.", '
                   '"published": "2099-01-01"}\n')
    broken = CliRunner().invoke(main, ["stories", "add", str(bad), "--db", db])
    assert broken.exit_code == 1 and "3 skipped" in broken.output, broken.output
    # but a run that finds only what the store has is fine
    again = CliRunner().invoke(main, ["stories", "add", source, "--db", db])
    assert again.exit_code == 0 and "3 duplicates skipped" in again.output, again.output
    alone = CliRunner().invoke(main, ["stories", "add", str(tmp_path / "nosuch"), "--db", db])
    assert alone.exit_code == 1 and "the source could not be read" in alone.output


def test_cli_add_stopped_by_ctrl_c_says_what_is_stored_and_how_to_go_on(tmp_path, monkeypatch):
    """Ctrl-C ends `stories add` with status 130 and says the store keeps what was added
    (each batch is committed whole) and that the same command adds the rest."""
    from storyline.faces.cli import stories as cli_stories

    def interrupted(stories, sources, allow_private, prepare_with=map):
        stories.add(stream(1))  # one batch in, then the user presses Ctrl-C
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_stories, "_add", interrupted)
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(main, ["stories", "add", str(tmp_path), "--db", db])
    assert result.exit_code == 130, result.output
    assert "stopped; the articles added before the stop are stored" in result.output
    assert "Run the same command again" in result.output
    with Stories(db) as stories:
        assert len(stories.list()) == 3


def test_a_gzipped_archive_of_articles_is_a_source(tmp_path):
    import gzip
    plain = write_jsonl(tmp_path / "a.jsonl", stream(1))
    packed = tmp_path / "a2.jsonl.gz"
    packed.write_bytes(gzip.compress((tmp_path / "a.jsonl").read_bytes()))
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(main, ["stories", "add", str(packed), "--db", db])
    assert result.exit_code == 0 and "3 articles added" in result.output, result.output
    again = CliRunner().invoke(main, ["stories", "add", plain, "--db", db])
    assert "3 duplicates skipped" in again.output  # the same articles
    # a cut-off archive gives what it holds before the break, and the status says so
    cut = tmp_path / "cut.jsonl.gz"
    write_jsonl(tmp_path / "b.jsonl", stream(6))
    cut.write_bytes(gzip.compress((tmp_path / "b.jsonl").read_bytes())[:-12])
    broken = CliRunner().invoke(main, ["stories", "add", str(cut), "--db", db])
    assert broken.exit_code == 1, broken.output
    assert "is not a whole gzip file" in broken.output
    assert "the source could not be read, or not to the end" in broken.output
    # two cut-off archives in one folder, beside a good source: one source of the two
    folder = tmp_path / "archives"
    folder.mkdir()
    for name in ("x.jsonl.gz", "y.jsonl.gz"):
        (folder / name).write_bytes(cut.read_bytes())
    two = CliRunner().invoke(main, ["stories", "add", str(folder), plain, "--db", db])
    assert two.exit_code == 1 and "1 of the 2 sources could not be read" in two.output
    # a gzip file damaged inside (not cut off) is told as damaged, not as plain text
    damaged = tmp_path / "damaged.jsonl.gz"
    whole = bytearray(gzip.compress((tmp_path / "b.jsonl").read_bytes()))
    whole[-8] ^= 0xFF  # its checksum
    damaged.write_bytes(bytes(whole))
    told = CliRunner().invoke(main, ["stories", "add", str(damaged), "--db", db])
    assert "is a damaged gzip file" in told.output and told.exit_code == 1, told.output


def test_a_published_date_as_rss_writes_it_is_read(tmp_path):
    """Feeds and CMS exports write dates as RSS does (RFC 2822): the day as written."""
    from storyline.stories.sources import from_object
    rss = from_object({"text": "The bridge reopened.", "published": "Sun, 10 Feb 2019 "
                       "23:30:00 -0500"}, where="line 1")
    assert rss.published == "2019-02-10"
    from storyline.brief.ingest import published_date
    assert published_date("Sun, 10 Feb 2019") == "2019-02-10"  # a day alone
    for odd in ("Sun, 10 Feb 2019 09:30:00 GMT and more", "10 Feb 0001 10:00 GMT",
                "10 Feb 199 10:00 GMT", "Mon, 99 Dec 2026 10:00:00 GMT"):
        assert published_date(odd) is None, odd
    with pytest.raises(Exception, match='"published" must be a date such as "2019-02-10"'):
        from_object({"text": "The bridge reopened.", "published": 1549800000}, where="line 2")
    # a cluster given for an article is told as such
    with pytest.raises(Exception, match=r"it looks like a cluster .* `storyline summarize`"):
        from_object({"id": "c1", "documents": ["The bridge reopened."]}, where="line 3")


def test_add_takes_plain_texts_as_summarize_does(tmp_path):
    """`.add` takes texts, as the README says and `summarize` does; a value of another
    kind is refused with what to give."""
    from storyline.errors import StorylineError
    text = ("The council of Brindleton voted on Tuesday to close tram line 2 at the end of "
            "the year, citing falling use.")
    with Stories(str(tmp_path / "s.db")) as stories:
        assert stories.add([text]).added == 1
        # where each went, when asked: its story (a duplicate: that of what it repeats)
        [story] = stories.list()
        again = stories.add([{"id": "again", "text": text}], placing=True)
        assert again.duplicates == 1 and again.placed == (("again", story.id),)
        assert stories.add([{"id": "once more", "text": text}]).placed == ()
        # in one batch, an id that is another article's url (a feed's guid) is no duplicate
        url = "https://tram.example/line-2"
        both = stories.add([{"id": "x1", "url": url, "text": text.replace("2", "3")},
                            {"id": url, "text": "Brindleton's mayor opened a new library on "
                             "Friday, the first in the town for forty years."}], whole=True)
        assert (both.added, both.duplicates) == (2, 0)
        with pytest.raises(StorylineError, match="article 1 is int; give texts"):
            stories.add([42])
        with pytest.raises(StorylineError, match="not one text"):
            stories.add(text)


def test_watch_refuses_a_feed_file_that_is_not_there(tmp_path):
    result = CliRunner().invoke(main, ["stories", "watch", str(tmp_path / "nonexist.xml"),
                                       "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2 and "nonexist.xml does not exist" in result.output
    assert not (tmp_path / "w.db").exists()  # (it stops at once: no poll, no store)
