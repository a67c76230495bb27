"""The story store served: the bundled feed example (examples/newsroom) published by a
local web server, added with `storyline stories add URL`, served by `storyline serve
--db`, and read in headless Chromium (the front page, a story, a citation). The HTTP API
(paging, a missing story, the token for writing) is tested in-process."""

import functools
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, ROOT
from fastapi.testclient import TestClient
from processes import serve
from streams import NEWSROOM, newsroom_warc, write_jsonl

from storyline import Stories
from storyline.faces.cli import main
from storyline.faces.server import create_app

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,  # noqa: RUF012
                      ".xml": "application/xml"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def newsroom_site():
    """examples/newsroom on a local web server, as a news site would publish it."""
    handler = functools.partial(_Quiet, directory=str(NEWSROOM))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def newsroom_db(newsroom_site, tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "newsroom.db"
    feeds = [f"{newsroom_site}/feeds/harbor-gazette.xml", f"{newsroom_site}/feeds/valley-herald.xml"]
    result = CliRunner().invoke(main, ["stories", "add", *feeds, "--db", str(db),
                                       "--allow-private-urls"])
    assert result.exit_code == 0, result.output
    assert "9 articles added (1 of them a copy of an earlier one), 0 duplicates skipped; 3 stories " \
           "opened" in result.output
    return db


def test_feed_urls_build_the_three_stories(newsroom_db, newsroom_site):
    with Stories(newsroom_db) as stories:
        found = {s.title: s for s in stories.list()}
        dam = found["Brenmoor dam spillway fails; 1,200 residents evacuated"]
        assert (dam.sources, dam.size) == (4, 5)
        assert found["Harwick council votes to close tram line 2"].sources == 2
        assert found["Comet Varga-Lund to brighten the March sky"].sources == 2
        shown = stories.brief(dam.id)
        copies = [c["url"] for a in shown.articles for c in a["copies"]]
        assert copies == [f"{newsroom_site}/pages/herald-wire-reservoir.html"]
    again = CliRunner().invoke(main, ["stories", "add", f"{newsroom_site}/feeds/valley-herald.xml",
                                      "--db", str(newsroom_db), "--allow-private-urls"])
    assert "0 articles added, 5 duplicates skipped" in again.output


def test_feed_problems_are_skipped_with_reasons(newsroom_site, tmp_path):
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    not_feed = tmp_path / "notes.xml"
    not_feed.write_text("just some words, not a feed")
    result = CliRunner().invoke(main, [
        "stories", "add", f"{newsroom_site}/pages/herald-comet.html", str(not_feed),
        str(broken), f"{newsroom_site}/feeds/missing.xml", "--db", str(tmp_path / "s.db"),
        "--allow-private-urls"])
    assert result.exit_code == 1  # (sources it could not read: the caller's to fix)
    out = result.output
    assert "herald-comet.html is an HTML page, not an RSS, Atom or JSON feed" in out
    assert "notes.xml is not a feed" in out
    assert "broken.warc: record 1 is broken" in out
    assert "missing.xml: the server answered 404" in out
    assert "0 articles added" in out
    assert "no source could be read" in out


def test_private_feed_urls_are_refused_by_default(newsroom_site, tmp_path):
    result = CliRunner().invoke(main, ["stories", "add", f"{newsroom_site}/feeds/valley-herald.xml",
                                       "--db", str(tmp_path / "s.db")])
    assert "private, loopback or link-local address" in result.output
    assert "allowed; --allow-private-urls fetches it" in result.output  # (the way to fetch it)


def test_warc_pages_are_articles(tmp_path):
    path = newsroom_warc(tmp_path / "crawl.warc.gz")
    with Stories(tmp_path / "s.db") as stories:
        from storyline.stories import read_sources

        result = stories.add(read_sources([str(path)]))
        assert (result.added, result.skipped) == (5, ())
        assert {s.sources for s in stories.list()} <= {1, 2, 3}


def test_api_lists_pages_shows_and_guards_writing(newsroom_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(newsroom_db, db)
    with TestClient(create_app(workers=1, db=str(db), token="s3cret")) as client:
        first = client.get("/v1/stories?limit=2").json()
        assert len(first["stories"]) == 2 and first["next"] == 2
        rest = client.get("/v1/stories?limit=2&offset=2").json()
        assert len(rest["stories"]) == 1 and rest["next"] is None
        story = client.get(f"/v1/stories/{first['stories'][0]['id']}").json()
        assert story["brief"]["sentences"] and story["articles"]
        missing = client.get("/v1/stories/999")
        assert missing.status_code == 404 and "no story 999" in missing.json()["error"]
        assert ".db" not in missing.json()["error"]  # (where the store is: not a client's)
        nowhere = client.get("/v1/story/1").json()["error"]  # (the stories' API named)
        assert "GET /v1/stories, POST /v1/articles, described at /docs" in nowhere
        article = {"id": "gazette-x", "title": "Brenmoor spillway repairs approved",
                   "text": "The county council approved 6 million euros on Monday to rebuild "
                           "the broken spillway of the Brenmoor dam, engineers said. " * 3}
        refused = client.post("/v1/articles", json={"articles": [article]})
        assert refused.status_code == 401 and "Bearer" in refused.json()["error"]
        added = client.post("/v1/articles", json={"articles": [article]},
                            headers={"Authorization": "Bearer s3cret"})
        assert added.status_code == 200 and added.json()["added"] == 1
        assert added.json()["updated"] == 1
        # the client learns which story each article joined: the dam's, as listed
        dam = next(s["id"] for s in first["stories"] + rest["stories"]
                   if "Brenmoor" in s["title"])
        assert added.json()["stories"] == [{"article": "gazette-x", "story": dam}]
        again = client.post("/v1/articles", json={"articles": [
            {**article, "id": "gazette-x-again"}, {"text": " "}]},
            headers={"Authorization": "Bearer s3cret"})  # a duplicate of it, and nothing
        assert again.json()["duplicates"] == 1
        assert again.json()["stories"] == [{"article": "gazette-x-again", "story": dam}]
        assert again.json()["skipped"][0]["reason"].endswith("skipped")


def _refreshed(db, seconds: float = 120) -> None:
    """Wait until the server has made the brief of every story that changed."""
    deadline = time.monotonic() + seconds
    while True:
        with Stories(db, create=False) as stories:
            if not stories.stale():
                return
        assert time.monotonic() < deadline, "the server left stories without a current brief"
        time.sleep(0.5)


def test_the_server_keeps_each_storys_headline_current(newsroom_db, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(newsroom_db, db)
    with Stories(db, create=False) as stories:  # (as added: no brief made yet)
        stories.db.execute("DELETE FROM briefs")
        stories.db.commit()
        assert len(stories.stale()) == 3
    with serve("--workers", "1", "--db", db) as server:
        _refreshed(db)
        with Stories(db, create=False) as stories:
            heads = {s.id: s.title for s in stories.list()}
            assert heads == {i: stories.brief(i).story.title for i in heads}
            dam = next(s for s in stories.list() if s.sources == 4)
        article = {"id": "gazette-x", "title": "Brenmoor spillway repairs approved",
                   "text": "The county council approved 6 million euros on Monday to rebuild "
                           "the broken spillway of the Brenmoor dam, engineers said. " * 3}
        request = urllib.request.Request(f"{server.url}/v1/articles", method="POST",
                                         data=json.dumps({"articles": [article]}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            assert json.load(answer)["updated"] == 1
        _refreshed(db)  # the changed story's brief is made again, with what is new
        with Stories(db, create=False) as stories:
            assert stories.story(dam.id).version > dam.version
            assert stories.brief(dam.id).new["sentences"]


def test_a_bad_store_stops_the_server_with_a_message(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database " * 100)
    result = CliRunner().invoke(main, ["serve", "--db", str(notes)])
    assert result.exit_code == 1 and "not a Storyline store" in result.output


@pytest.mark.skipif(not Path(CHROMIUM).exists(),
                    reason=f"Chromium not found at {CHROMIUM}: install Debian's chromium "
                           "package (apt-get install chromium) to run the page test")
def test_front_page_and_a_story_in_chromium(newsroom_db, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    db = tmp_path / "copy.db"
    shutil.copy(newsroom_db, db)
    with serve("--workers", "1", "--db", db) as server, sync_playwright() as p:
        _refreshed(db)  # (the stories listed under their briefs' headlines)
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(server.url)
        page.click("text=Stories")
        expect(page.locator("#story-list li")).to_have_count(3)
        with Stories(db) as stories:
            dam = next(s.title for s in stories.list() if s.sources == 4)
        page.get_by_text(dam, exact=True).click()
        expect(page.locator("#story-brief .marker").first).to_be_visible(timeout=60_000)
        assert "4 sources · 1 copy · 2026-03-02 to 2026-03-05" in \
            page.locator("#story-meta").inner_text()
        page.locator("#story-brief .marker").first.click()
        quote = page.locator("#story-evidence blockquote").inner_text()
        assert quote and quote in page.locator("#story-brief").inner_text()
        # a key date's source opens its sentence too
        page.locator("#story-timeline .marker").first.click()
        quote = page.locator("#story-evidence blockquote").inner_text()
        assert quote and quote in page.locator("#story-timeline li").first.inner_text()
        sources = page.locator("#story-sources").inner_text()
        assert "copy: Engineers race to lower Brenmoor reservoir" in sources
        copy = page.locator("#story-sources .copies a")  # (linked to its page, as the others)
        assert copy.get_attribute("href").endswith("/pages/herald-wire-reservoir.html")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "stories-story.png"), full_page=True)
        page.click("#back")
        expect(page.locator("#story-list li")).to_have_count(3)
        page.screenshot(path=str(ARTIFACTS / "stories-front.png"), full_page=True)
        # a story that is not there: why, above the stories (not "Loading ..." for ever)
        page.goto(f"{server.url}/stories.html#story-99")
        expect(page.locator("#error")).to_contain_text("no story 99")
        expect(page.locator("#story")).to_be_hidden()
        expect(page.locator("#story-list li")).to_have_count(3)
        browser.close()


def test_a_store_error_told_to_a_client_does_not_say_where_the_store_is(tmp_path,
                                                                          monkeypatch):
    """The 409 of a store being written, or a 422 of a damaged one, names the file on the
    command line; to an API client it is "the story store"."""
    from storyline.faces.stories_api import _unplaced
    monkeypatch.chdir(tmp_path)
    db = "stores/news.db"
    told = _unplaced(f"{tmp_path}/stores/news.db is being written by process 7; wait", db)
    assert told == "the story store is being written by process 7; wait"
    assert _unplaced("stores/news.db is busy (another program holds it)", db) == \
        "the story store is busy (another program holds it)"


@pytest.mark.skipif(not Path(CHROMIUM).exists(),
                    reason=f"Chromium not found at {CHROMIUM}: install Debian's chromium "
                           "package (apt-get install chromium) to run the page test")
def test_a_story_page_tells_what_is_new_once(tmp_path):
    """After a brief was shown, articles came: the brief's lines that only they state are
    marked "new", and "What is new" lists none of the brief's lines again."""
    from playwright.sync_api import expect, sync_playwright

    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(main, ["stories", "add", str(NEWSROOM / "feeds/harbor-gazette.xml"),
                                "--db", str(db)]).exit_code == 0
    with Stories(db) as stories:
        ids = [s.id for s in stories.list()]
    for story in ids:  # shown to a reader: the briefs the next ones are new against
        assert runner.invoke(main, ["stories", "show", str(story), "--db", str(db)]).exit_code == 0
    time.sleep(1.1)  # (the store's times are to the second: the next ones come after)
    assert runner.invoke(main, ["stories", "add", str(NEWSROOM / "feeds/valley-herald.xml"),
                                "--db", str(db)]).exit_code == 0
    with serve("--workers", "1", "--db", db) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        marked = 0
        for story in ids:
            page.goto(f"{server.url}/stories.html#story-{story}")
            expect(page.locator("#story-brief p").first).to_be_visible(timeout=60_000)
            brief = page.locator("#story-brief").inner_text()
            marked += page.locator("#story-brief .fresh").count()
            if page.locator("#new-section").is_visible():
                for line in page.locator("#story-new p").all_inner_texts():
                    assert line.split(" [")[0] not in brief, line
        assert marked  # (the Herald's articles are in two of the stories' briefs)
        browser.close()


@pytest.mark.skipif(not Path(CHROMIUM).exists(),
                    reason=f"Chromium not found at {CHROMIUM}: install Debian's chromium "
                           "package (apt-get install chromium) to run the page test")
def test_a_story_page_shows_each_figures_sentence_under_a_change(tmp_path):
    """"ISIS fighters: as many as 2,000 [1]; then up to 600 [3]" with the two sentences
    that say so under it, as the brief's page shows them."""
    from playwright.sync_api import expect, sync_playwright

    db = tmp_path / "s.db"
    assert CliRunner().invoke(main, ["stories", "add", str(EXAMPLE), "--db", str(db)]
                              ).exit_code == 0
    with Stories(db) as stories:
        [story] = [s.id for s in stories.list()]
    with serve("--workers", "1", "--db", db) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(f"{server.url}/stories.html#story-{story}")
        expect(page.locator("#story-changes li").first).to_be_visible(timeout=60_000)
        quotes = page.locator("#story-changes .quote").all_inner_texts()
        assert any(q.startswith("[1] ") and "as many as 2,000 ISIS fighters" in q
                   for q in quotes), quotes
        assert any(q.startswith("[3] ") and "up to 600 ISIS fighters" in q
                   for q in quotes), quotes
        browser.close()


class _AsHostsServe(_Quiet):
    """Feeds served as hosts serve them: RSS as application/x-rss+xml (Python's own
    `mimetypes`), a file without a name's type as application/octet-stream, JSON Feed as
    application/json."""
    extensions_map = {  # noqa: RUF012
        ".rss": "application/x-rss+xml", "": "application/octet-stream",
        ".json": "application/json"}


def _rss(items: list[dict]) -> str:
    entries = "".join(
        f"<item><guid>{a['id']}</guid><title>{a['id']}</title><pubDate>Mon, 03 Mar 2025 "
        f"10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{a['text']}</p>]]>"
        "</content:encoded></item>" for a in items)
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/'
            f'modules/content/"><channel><title>Made-up Daily</title>{entries}</channel></rss>')


def test_feeds_are_read_whatever_type_their_host_gives_them(tmp_path):
    from streams import make_article

    site = tmp_path / "site"
    site.mkdir()
    (site / "daily.rss").write_text(_rss([make_article("flood", 1)]))
    (site / "daily").write_text(_rss([make_article("flood", 2)]))
    (site / "feed.json").write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Made-up Wire",
        "items": [{"id": "wire-1", "url": "https://example.org/wire-1", "title": "Flood",
                   "content_text": make_article("flood", 3)["text"],
                   "date_published": "2025-03-04T08:00:00Z"}]}))
    handler = functools.partial(_AsHostsServe, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        result = CliRunner().invoke(main, [
            "stories", "add", f"{base}/daily.rss", f"{base}/daily", f"{base}/feed.json",
            "--db", str(tmp_path / "s.db"), "--allow-private-urls"])
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.output
    assert "3 articles added" in result.output
    with Stories(tmp_path / "s.db") as stories:
        assert [s.size for s in stories.list()] == [3]
        wire = stories.db.execute("SELECT published, source, url FROM articles "
                                  "WHERE id = 'wire-1'").fetchone()
        assert tuple(wire) == ("2025-03-04", "Made-up Wire", "https://example.org/wire-1")


def test_a_feed_cut_off_midway_is_told_as_broken(tmp_path):
    from streams import make_article

    feed = _rss([make_article("flood", 1), make_article("flood", 2)])
    cut = tmp_path / "cut.xml"
    cut.write_text(feed[:feed.index("</item>") + len("</item><it")])
    result = CliRunner().invoke(main, ["stories", "add", str(cut), "--db", str(tmp_path / "s.db")])
    assert "cut.xml is a broken feed" in result.output
    assert "the items before the fault are read (1), any after it are lost" in result.output
    assert "1 article added" in result.output


def test_a_store_the_server_makes_is_announced(tmp_path):
    """`serve --db` with a name that does not exist makes an empty store; a mistyped name
    would show readers an empty site, so it says so."""
    with serve("--workers", "1", "--db", tmp_path / "typo.db") as server:
        assert "typo.db did not exist: a new, empty story store" in server.log()
    with serve("--workers", "1", "--db", tmp_path / "typo.db") as server:
        assert "did not exist" not in server.log()


class _Logged(_AsHostsServe):
    """Serves as Python's server does (Last-Modified, and 304 to If-Modified-Since), and
    keeps each request's path and status."""
    seen: list = []  # noqa: RUF012

    def log_request(self, code="-", size="-"):
        self.seen.append((self.path, int(code)))


def test_a_poll_reads_a_feed_again_only_when_it_changed(tmp_path):
    from streams import make_article

    from storyline.stories.sources import read_sources

    site = tmp_path / "site"
    site.mkdir()
    feed = site / "daily.rss"
    feed.write_text(_rss([make_article("flood", 1)]))
    os.utime(feed, (time.time() - 60, time.time() - 60))
    handler = functools.partial(_Logged, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/daily.rss"
    polled: dict = {}

    def poll():
        return [getattr(i, "id", "skipped")
                for i in read_sources([url], allow_private=True, polled=polled)]
    try:
        assert poll() == ["flood-1"]
        assert poll() == []  # not modified: not downloaded, nothing read
        feed.write_text(_rss([make_article("flood", 1), make_article("flood", 2)]))
        assert poll() == ["flood-1", "flood-2"]
        # an item whose page did not answer is tried again: the feed is read again
        feed.write_text(_rss([make_article("flood", 1)]).replace(
            "</channel>", "<item><guid>x</guid><link>/missing.html</link></item></channel>"))
        os.utime(feed, (time.time() + 60, time.time() + 60))
        assert poll() == ["flood-1", "skipped"] and poll() == ["flood-1", "skipped"]
    finally:
        server.shutdown()
        server.server_close()
    assert [status for path, status in _Logged.seen if path == "/daily.rss"] == [
        200, 304, 200, 200, 200]


def _served(folder: Path):
    """`folder` on a local web server, as hosts serve feeds (`_AsHostsServe`)."""
    handler = functools.partial(_AsHostsServe, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def test_a_feed_from_the_web_cannot_read_files_nor_break_on_odd_items(tmp_path):
    from streams import make_article

    from storyline.stories.sources import read_sources

    secret = tmp_path / "secret.txt"
    secret.write_text("the server's own file " * 50)
    site = tmp_path / "site"
    site.mkdir()
    text = make_article("flood", 1)["text"]
    (site / "feed.json").write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": ["not", "a", "title"],
        "items": [{"id": "f", "url": secret.as_uri()},
                  {"id": 7, "url": 123, "title": {"x": 1}, "content_html": ["<p>x</p>"]},
                  "not an item",
                  {"id": "ok", "content_text": text,
                   "date_published": "2025-03-03T23:30:00-05:00"}]}))
    (site / "feed.rss").write_text(_rss([]).replace(
        "</channel>", f"<item><guid>g</guid><link>{secret.as_uri()}</link></item></channel>"))
    server, base = _served(site)
    try:
        items = list(read_sources([f"{base}/feed.json", f"{base}/feed.rss"], allow_private=True))
    finally:
        server.shutdown()
        server.server_close()
    assert not any("server's own file" in getattr(i, "text", "") for i in items)
    refused = [i.reason for i in items if "links to a file" in getattr(i, "reason", "")]
    assert len(refused) == 2
    ok = next(i for i in items if getattr(i, "id", None) == "ok")
    assert ok.published == "2025-03-04"  # (in UTC, as RSS's)
    assert ok.source.startswith("127.0.0.1")  # (a title that is no text is none)


def test_a_feed_read_whole_despite_a_stray_ampersand_is_not_called_broken(tmp_path):
    from streams import make_article

    feed = tmp_path / "amp.xml"
    feed.write_text(_rss([make_article("flood", 1), make_article("flood", 2)]).replace(
        "<title>flood-1</title>", "<title>Floods & rescues&nbsp;now</title>")
        + "\n<!-- Served from cache by a page cache plugin -->\n")
    result = CliRunner().invoke(main, ["stories", "add", str(feed), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0 and "2 articles added" in result.output
    assert "broken" not in result.output and " 1 skipped" not in result.output


def test_a_json_file_is_a_feed_only_when_named(tmp_path):
    from streams import make_article

    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article("flood", 1)["text"])
    (folder / "metadata.json").write_text('{"crawl": "2025-03-03"}')
    result = CliRunner().invoke(main, ["stories", "add", str(folder), "--db",
                                       str(tmp_path / "s.db")])
    assert result.exit_code == 0 and ", 1 skipped" not in result.output
    named = CliRunner().invoke(main, ["stories", "add", str(folder / "metadata.json"),
                                      "--db", str(tmp_path / "s.db")])
    assert "metadata.json is not a feed, not an RSS, Atom or JSON feed (JSON, but no JSON " \
           "Feed" in named.output


def test_a_poll_downloads_its_feeds_before_it_holds_the_store(tmp_path):
    """While `watch` waits for a slow feed, another writer may write the store."""
    from streams import make_article

    site = tmp_path / "site"
    site.mkdir()
    (site / "slow.rss").write_text(_rss([make_article("flood", 1)]))
    asked, answer = threading.Event(), threading.Event()

    class Slow(_Quiet):
        def do_GET(self):
            asked.set()
            answer.wait(30)
            super().do_GET()

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Slow, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    db = tmp_path / "s.db"
    Stories(db).close()
    url = f"http://127.0.0.1:{server.server_address[1]}/slow.rss"
    proc = subprocess.Popen([sys.executable, "-c", "from storyline.faces.cli import main; main()",
                             "stories", "watch", url, "--allow-private-urls", "--every", "1h",
                             "--db", str(db)], stderr=subprocess.PIPE, text=True)
    try:
        assert asked.wait(60)
        with Stories(db) as stories:  # (the poll is downloading: the store is free)
            assert stories.add([make_article("merger", 1)]).added == 1
        answer.set()
        for _ in range(300):
            with Stories(db) as stories:
                if len(list(stories.export())) == 2:
                    break
            time.sleep(0.1)
        else:
            pytest.fail("the poll added nothing")
    finally:
        answer.set()
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
        server.shutdown()
        server.server_close()


def _shape(value):
    """The keys of a JSON value, all the way down (a list by its first item)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return None


def _same_shape(example, real) -> bool:
    """`example` shows `real`'s shape: the same keys all the way down (an empty object
    stands for keys of any name, an empty list for any items, and a field that is null in
    `real` may be anything in `example`, which must show it when it is an object)."""
    if real is None:
        return True
    if isinstance(example, dict) and isinstance(real, dict):
        return not example or example.keys() == real.keys() and all(
            _same_shape(example[k], real[k]) for k in example)
    if isinstance(example, list) and isinstance(real, list):
        return not example or not real or _same_shape(example[0], real[0])
    return not isinstance(real, (dict, list))  # (a null example: a nullable value)


def test_the_api_docs_show_each_answer_as_it_comes(newsroom_db, tmp_path):
    from storyline.faces import answers

    db = tmp_path / "copy.db"
    shutil.copy(newsroom_db, db)
    documents = [{"id": "1", "published": "2026-03-02", "text": "Rebels took the port city "
                  "of Misrata on Sunday after a week of fighting, officials said. The army "
                  "withdrew to the south. About 2,000 people fled the city."}]
    documents.append({**documents[0], "id": "2"})
    with TestClient(create_app(workers=1, db=str(db))) as client:
        docs = client.get("/openapi.json").json()["paths"]
        shown = {(path, method): r["responses"]["200"]["content"]["application/json"]["example"]
                 for path, methods in docs.items() for method, r in methods.items()
                 if path != "/healthz"}
        dam = next(s["id"] for s in client.get("/v1/stories").json()["stories"]
                   if "Brenmoor" in s["title"])
        client.get(f"/v1/stories/{dam}")  # shown: the next one tells what is new since
        more = {"id": "council", "text": "The county council approved 6 million euros on "
                "Monday to rebuild the broken spillway of the Brenmoor dam, engineers said. " * 3}
        assert client.post("/v1/articles", json={"articles": [more]}).status_code == 200
        article = {"id": "x", "text": documents[0]["text"] * 3}
        texts = [d["text"] for d in documents]
        real = {("/v1/briefs", "post"): client.post("/v1/briefs", json={
                    "documents": texts, "published": "2026-03-02"}),
                ("/v1/timelines", "post"): client.post("/v1/timelines",
                                                       json={"documents": documents}),
                ("/v1/stories", "get"): client.get("/v1/stories"),
                ("/v1/stories/{story_id}", "get"): client.get(f"/v1/stories/{dam}"),
                ("/v1/articles", "post"): client.post("/v1/articles",
                                                      json={"articles": [article, article]})}
    assert shown.keys() == real.keys() and all(shown.values())
    examples = {("/v1/briefs", "post"): answers.BRIEF, ("/v1/timelines", "post"):
                answers.TIMELINE, ("/v1/stories", "get"): answers.STORIES,
                ("/v1/stories/{story_id}", "get"): answers.STORY_PAGE,
                ("/v1/articles", "post"): answers.ADDED}
    for route, answer in real.items():
        assert answer.status_code == 200, (route, answer.text)
        assert shown[route] == examples[route]  # (whole: its nulls too)
        assert _same_shape(examples[route], answer.json()), route
    page = real[("/v1/stories/{story_id}", "get")].json()
    assert page["previous"] and page["new"]  # (so their shapes were held to the example's)
    for wrong in ({**answers.STORY_PAGE, "previous": {"nonsense": 0}},
                  {**answers.BRIEF, "sentences": [{"bogus": 1}]}):  # (the test can fail)
        assert not _same_shape(wrong, page if "story" in wrong else
                               real[("/v1/briefs", "post")].json())


def test_a_feed_item_whose_id_is_only_a_duplicates_is_read_when_it_carries_its_text(tmp_path):
    from streams import make_article

    db = str(tmp_path / "s.db")
    wire, own = make_article("flood", 1), make_article("merger", 1)
    runner = CliRunner()
    assert runner.invoke(main, ["stories", "add", write_jsonl(tmp_path / "wire.jsonl", [wire]),
                                "--db", db]).exit_code == 0
    (tmp_path / "a.xml").write_text(_rss([{**wire, "id": "1"}]))  # "1": the wire's duplicate
    assert "1 duplicate skipped" in runner.invoke(
        main, ["stories", "add", str(tmp_path / "a.xml"), "--db", db]).output
    (tmp_path / "b.xml").write_text(_rss([{**own, "id": "1"}]))  # another feed's own "1"
    result = runner.invoke(main, ["stories", "add", str(tmp_path / "b.xml"), "--db", db])
    assert "1 article added" in result.output, result.output


def test_an_items_page_on_a_private_address_names_the_option_that_fetches_it(tmp_path):
    feed = tmp_path / "f.xml"
    feed.write_text(_rss([]).replace("</channel>", "<item><guid>p</guid><link>"
                                     "http://127.0.0.1:9/page.html</link></item></channel>"))
    result = CliRunner().invoke(main, ["stories", "add", str(feed), "--db",
                                       str(tmp_path / "s.db")])
    assert "private, loopback or link-local address" in result.output
    assert "allowed; --allow-private-urls fetches it" in result.output
