"""The HTTP API, in-process (FastAPI's test client), with every error status, and URL
fetching against a local HTTP server the test starts."""

import asyncio
import gzip
import http.server
import json
import threading
import time

import pytest
from conftest import EXAMPLE
from fastapi.testclient import TestClient

import storyline.fetch as fetch_module
from storyline.faces.server import create_app
from storyline.fetch import FetchError, fetch


def example_documents():
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("article-*.txt"))]


@pytest.fixture
def client():
    with TestClient(create_app(workers=1)) as c:
        yield c


def test_health_docs_and_page(client):
    assert client.get("/healthz").json()["status"] == "ok"
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text  # works offline
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200
    assert "/v1/briefs" in client.get("/openapi.json").json()["paths"]
    page = client.get("/")
    assert page.status_code == 200 and "Storyline" in page.text
    assert "textContent" in client.get("/app.js").text


def test_a_brief_from_the_example_cluster_cites_into_the_article_texts(client):
    response = client.post("/v1/briefs", json={"documents": example_documents(),
                                               "words": 80, "article_text": True})
    assert response.status_code == 200
    brief = response.json()
    assert set(brief) >= {"sentences", "summary", "articles", "disagreements", "timeline"}
    texts = {a["id"]: a["text"] for a in brief["articles"]}
    for sentence in brief["sentences"]:
        for source in sentence["sources"]:
            assert texts[source["article"]][source["start"]:source["end"]] == source["text"]
    assert "text" not in client.post("/v1/briefs", json={
        "documents": example_documents()}).json()["articles"][0]


def test_focus_since_and_published_reach_the_brief(client):
    docs = example_documents()
    response = client.post("/v1/briefs", json={
        "documents": docs[1:], "since": docs[:1], "focus": "civilians",
        "published": "2019-02-10"})
    assert response.status_code == 200, response.text
    brief = response.json()
    assert brief["stats"]["focus"] == "civilians" and "already_seen" in brief["stats"]
    assert any("fighters" in d["subject"] for d in brief["disagreements"]) is False  # [1] is seen
    assert any(e["date"] == "2019-02-09" for e in brief["timeline"])
    plain = client.post("/v1/briefs", json={"documents": docs, "analysis": False}).json()
    assert plain["disagreements"] == [] and plain["timeline"] == []


@pytest.mark.parametrize("body, message", [
    ({}, 'give "documents" (article texts) and/or "urls"'),
    ({"documents": ["A text."], "words": 0}, "words: Input should be greater than or equal to 1"),
    ({"documents": ["A text."], "wrds": 10}, "wrds: Extra inputs are not permitted"),
    ({"documents": [3]}, "documents.0: Input should be a valid string"),
    ({"documents": ["   "]}, "no article has any text"),
    ({"documents": ["A text."], "focus": " "}, "focus must be"),
    ({"documents": ["A text."], "published": "10/02/2019"}, "YYYY-MM-DD"),
    ({"documents": ["Menu. Home."]}, "no complete sentence"),
    ({"urls": ["file:///etc/passwd"]}, "is not an http or https address"),
    ({"urls": ["http://127.0.0.1:9/"]}, "private, loopback or link-local"),
    ({"urls": ["http://[::1]/"]}, "private, loopback or link-local"),
    ({"urls": ["http://169.254.169.254/latest/meta-data/"]}, "link-local"),
    ({"urls": ["http://[::1"]}, "is not a valid URL"),
    ({"urls": ["http://a..b/"]}, "a..b"),
    ({"urls": ["http://bücher.invalid/"]}, "bücher.invalid was not found"),
])
def test_bad_requests_get_422_saying_what_to_fix(client, body, message):
    response = client.post("/v1/briefs", json=body)
    assert response.status_code == 422
    assert message in response.json()["error"]


def test_invalid_json_gets_422(client):
    response = client.post("/v1/briefs", content=b"{bad", headers={
        "Content-Type": "application/json"})
    assert response.status_code == 422 and "not valid JSON" in response.json()["error"]
    form = client.post("/v1/briefs", data={"documents": "text"})
    assert form.status_code == 422 and "Content-Type: application/json" in form.json()["error"]


@pytest.mark.parametrize("address, allowed", [
    ("8.8.8.8", True), ("2001:4860:4860::8888", True), ("127.0.0.1", False),
    ("10.1.2.3", False), ("169.254.169.254", False), ("0.0.0.0", False), ("::1", False),
    ("::ffff:127.0.0.1", False), ("::7f00:1", False), ("64:ff9b::a9fe:a9fe", False),
    ("2002:a9fe:a9fe::1", False), ("fec0::1", False), ("fe80::1", False), ("224.0.0.1", False),
])
def test_only_public_addresses_are_fetched(address, allowed):
    import ipaddress

    assert fetch_module._allowed(ipaddress.ip_address(address), False) is allowed


def test_the_page_may_load_only_its_own_files(client):
    page = client.get("/")
    assert page.headers["content-security-policy"] == "default-src 'self'"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in client.get("/docs").headers


def test_a_body_that_trickles_in_gets_408():
    from storyline.faces.server import BodyLimit

    sent = []

    async def app(scope, receive, send):
        while (await receive()).get("more_body"):
            pass

    async def receive():
        if not sent:
            sent.append("first")
            return {"type": "http.request", "body": b"{", "more_body": True}
        await asyncio.sleep(30)

    async def send(message):
        sent.append(message)

    asyncio.run(BodyLimit(app, max_body=100, seconds=0.2)(
        {"type": "http", "headers": []}, receive, send))
    assert sent[1]["type"] == "http.response.start" and sent[1]["status"] == 408


def test_a_body_over_the_limit_gets_413_declared_or_chunked():
    with TestClient(create_app(workers=1, max_body=1000)) as c:
        body = json.dumps({"documents": ["word " * 1000]}).encode()
        assert c.post("/v1/briefs", content=body, headers={
            "Content-Type": "application/json"}).status_code == 413
        chunked = c.post("/v1/briefs", content=iter([body[:600], body[600:]]),
                         headers={"Content-Type": "application/json"})
        assert chunked.status_code == 413 and "over 1,000 bytes" in chunked.json()["error"]


def test_a_full_server_refuses_with_503(client):
    client.app.state.busy = client.app.state.capacity
    response = client.post("/v1/briefs", json={"documents": ["A text here."]})
    assert response.status_code == 503 and response.headers["Retry-After"] == "2"
    client.app.state.busy = 0


def slow(*args, **kwargs):
    time.sleep(30)


def die(*args, **kwargs):
    import os

    os._exit(1)


def test_time_limit_gives_504_and_a_dying_worker_500_and_the_server_goes_on(monkeypatch):
    import storyline.brief.pipeline

    body = {"documents": example_documents()}
    monkeypatch.setattr(storyline.brief.pipeline, "summarize", slow)  # workers are forked later
    with TestClient(create_app(workers=1, time_limit=1)) as c:
        timed_out = c.post("/v1/briefs", json=body)
        assert timed_out.status_code == 504 and "took over 1 s" in timed_out.json()["error"]
    monkeypatch.setattr(storyline.brief.pipeline, "summarize", die)
    with TestClient(create_app(workers=1)) as c:
        died = c.post("/v1/briefs", json=body)
        assert died.status_code == 500 and "died" in died.json()["error"]
        assert c.get("/healthz").status_code == 200
    monkeypatch.undo()
    with TestClient(create_app(workers=1)) as c:
        assert c.post("/v1/briefs", json=body).status_code == 200


# --- fetching pages -----------------------------------------------------------------

ARTICLE_HTML = """<html><head><title>Forces attack last IS pocket</title></head><body>
<nav>Home | World | Sport</nav><article><h1>Forces attack last IS pocket</h1>
<p>US-backed fighters in Syria said on Sunday they had begun the final assault on the
last pocket held by the Islamic State group near the Iraqi border.</p>
<p>Thousands of civilians have fled the village of Baghuz in recent weeks, according to
aid groups working in the area.</p>
<p>The Syrian Democratic Forces said the fighting was fierce and that the jihadists were
using suicide bombers and snipers to slow the advance.</p></article>
<footer>Share this story. Comments are closed.</footer></body></html>"""


class Pages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        if self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"<p>a")
                self.wfile.flush()
                time.sleep(1)
            return
        if self.path == "/gzip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            self.wfile.write(gzip.compress(b"<p>" + b"x" * 100_000))
            return
        if self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<p>" + b"x" * 6_000_000)
            return
        kind, body = {"/article": ("text/html; charset=utf-8", ARTICLE_HTML.encode()),
                      "/image": ("image/png", b"\x89PNG")}.get(self.path, (None, None))
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_urls_are_fetched_through_redirects_and_extracted(site):
    with TestClient(create_app(workers=1, allow_private_urls=True)) as c:
        response = c.post("/v1/briefs", json={"urls": [f"{site}/moved"], "words": 60})
        assert response.status_code == 200, response.text
        brief = response.json()
        assert brief["articles"][0]["url"] == f"{site}/article"
        assert brief["articles"][0]["title"] == "Forces attack last IS pocket"
        assert "Share this story" not in json.dumps(brief)
        for path, message in [("/image", "image/png, not a web page"),
                              ("/missing", "answered 404"), ("/huge", "byte limit"),
                              ("/gzip", "uncompressed pages only")]:
            failed = c.post("/v1/briefs", json={"urls": [site + path]})
            assert failed.status_code == 422 and message in failed.json()["error"]


def test_a_failed_link_stops_the_others_and_a_fetch_has_a_deadline(site):
    with TestClient(create_app(workers=1, allow_private_urls=True)) as c:
        start = time.monotonic()
        failed = c.post("/v1/briefs", json={"urls": [f"{site}/missing", f"{site}/trickle"]})
        assert failed.status_code == 422 and time.monotonic() - start < 5
    with pytest.raises(FetchError, match="no complete answer within 1 s"):
        asyncio.run(fetch(f"{site}/trickle", allow_private=True, timeout=1))


def test_the_default_server_refuses_local_pages(site, client):
    response = client.post("/v1/briefs", json={"urls": [f"{site}/article"]})
    assert response.status_code == 422 and "loopback" in response.json()["error"]


def test_a_redirect_is_checked_again(site, monkeypatch):
    """A public page that redirects to a private address is refused at the redirect."""
    real = fetch_module._allowed
    calls = []

    def first_one_public(ip, allow_private):
        calls.append(str(ip))
        return len(calls) == 1 or real(ip, allow_private)

    monkeypatch.setattr(fetch_module, "_allowed", first_one_public)
    with pytest.raises(FetchError, match="private, loopback"):
        asyncio.run(fetch(f"{site}/moved"))
    assert len(calls) == 2
