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
    ({"documents": ["A text."], "wrds": 10}, 'unknown field "wrds"; the fields are documents'),
    ({"documents": [3]}, "documents.0: Input should be a valid string"),
    ({"documents": ["   "]}, "no article has any text"),
    ({"documents": ["A text."], "focus": " "}, "focus must be"),
    ({"documents": ["A text."], "published": "10/02/2019"}, "YYYY-MM-DD"),
    ({"documents": ["Menu. Home."]}, "no complete sentence"),
    ({"urls": ["file:///etc/passwd"]}, "is not an http or https address"),
    # (a client is not told of the command's option: the server's operator sets it)
    ({"urls": ["http://127.0.0.1:9/"]}, ("(127.0.0.1), which is not fetched unless private "
                                         "addresses are allowed")),
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
    timelines = client.post("/v1/timelines", json={"documents": []})
    assert timelines.status_code == 503  # every route of the pool shares its places
    assert client.get("/healthz").status_code == 200
    client.app.state.busy = 0


def slow(*args, **kwargs):
    time.sleep(30)


def die(*args, **kwargs):
    import os

    os._exit(1)


def test_time_limit_gives_504_and_a_dying_worker_500_and_the_server_goes_on(monkeypatch):
    import storyline.analyze.timeline
    import storyline.brief.pipeline

    body = {"documents": example_documents()}
    monkeypatch.setattr(storyline.brief.pipeline, "summarize", slow)  # workers are forked later
    monkeypatch.setattr(storyline.analyze.timeline, "timeline", slow)
    with TestClient(create_app(workers=1, time_limit=1)) as c:
        timed_out = c.post("/v1/briefs", json=body)
        assert timed_out.status_code == 504 and "took over 1 s" in timed_out.json()["error"]
        timeline = c.post("/v1/timelines", json={"documents": [{"text": "x"}]})  # the same limit
        assert timeline.status_code == 504 and "timeline took over 1 s" in timeline.json()["error"]
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


# --- hostile bodies and paths: 422 for what cannot be read, cheaply, never echoed --------

@pytest.mark.parametrize("body, message", [
    (b'{"documents": ["caf\xe9"]}', "not UTF-8 (byte 0xe9 at offset 19)"),
    (b'{"documents": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nests JSON"),
    (b'{"documents": [' + b'{"a": ' * 5000 + b"1" + b"}" * 5000 + b"]}", "nests JSON"),
    (b'{"words": ' + b"9" * 5000 + b', "documents": ["x"]}', "thousands of digits"),
    (b'{"documents": ["\\ud800 text"]}', "unpaired surrogate"),
    (b'{"documents": ["text"], "focus": "\\udfff"}', "unpaired surrogate"),
    (b'{"documents": ["text"], "words": NaN}', "NaN or Infinity"),
    (b'{"documents": ["a"], "documents": ["b"]}', '"documents" twice'),
    (b'{"documents": ["a"]} trailing', "more after the object"),
    (b'{"documents": ["a"],}', "not valid JSON"),
    (b'["a text"]', "not a JSON object"),
    (b"", "not a JSON object"),
    (b'{"documents": ["a"], "\\u0000": 1}', "unknown field"),
])
def test_unreadable_bodies_get_422_saying_why(client, body, message):
    response = client.post("/v1/briefs", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    assert message in response.json()["error"] and len(response.content) < 1000


@pytest.mark.parametrize("field, value", [
    ("words", True), ("words", "120"), ("words", 12.5), ("words", 120.0), ("explain", 1),
    ("analysis", "false"), ("documents", "one text"), ("urls", "https://example.org/"),
    ("focus", 3), ("since", [1]), ("published", 20190210),
])
def test_field_types_are_strict(client, field, value):
    body = {"documents": ["A text."], field: value}
    response = client.post("/v1/briefs", json=body)
    assert response.status_code == 422 and response.json()["error"].startswith(field)


def test_half_a_million_unknown_fields_are_refused_at_the_first(client):
    body = "{" + ",".join(f'"{i:x}":1' for i in range(500_000)) + "}"
    start = time.monotonic()
    response = client.post("/v1/briefs", content=body.encode(),
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and len(response.content) < 1000
    assert 'unknown field "0"' in response.json()["error"]
    assert time.monotonic() - start < 10  # 20 s and 805 MB when every key was parsed
    many = client.post("/v1/briefs", json={"documents": ["x"] * 1_000_000})
    assert many.status_code == 422 and len(many.content) < 1000


def test_a_lone_surrogate_in_a_valid_body_is_not_a_500(client):
    """Pairs are characters; a surrogate written raw (invalid UTF-8) or escaped alone is not."""
    docs = example_documents()
    pair = client.post("/v1/briefs", content=json.dumps(
        {"documents": [docs[0] + " \U0001F600", *docs[1:]], "analysis": False}).encode(),
        headers={"Content-Type": "application/json"})
    assert pair.status_code == 200
    raw = client.post("/v1/briefs", content='{"documents": ["\ud800"]}'.encode(
        "utf-8", "surrogatepass"), headers={"Content-Type": "application/json"})
    assert raw.status_code == 422 and "not UTF-8" in raw.json()["error"]


@pytest.mark.parametrize("method, path, status, message", [
    ("GET", "/v1/briefs", 405, "use POST"), ("PUT", "/v1/briefs", 405, "use POST"),
    ("DELETE", "/healthz", 405, "use GET"), ("GET", "/v1/stories", 404, "nothing at"),
    ("GET", "/no-such-page.html", 404, "nothing at"),
])
def test_wrong_methods_and_paths_get_json(client, method, path, status, message):
    response = client.request(method, path)
    assert response.status_code == status and message in response.json()["error"]
    if status == 405:
        assert response.headers["allow"]


def test_one_client_may_take_only_half_the_places():
    from storyline.faces.server import WORK_PATHS, Admission

    class State:
        busy, capacity, client_share = 0, 4, 2
        busy_by_client = __import__("collections").Counter()

    class App:
        state = State()

    release = asyncio.Event()
    answers = []

    async def app(scope, receive, send):
        await release.wait()

    async def scenario():
        guard = Admission(app, paths=WORK_PATHS)
        paths = iter(["/v1/briefs", "/v1/timelines", "/v1/stories/3", "/v1/articles"])

        def call(client):
            scope = {"type": "http", "path": next(paths), "app": App, "client": (client, 1)}

            async def send(message):
                if message["type"] == "http.response.start":
                    answers.append((client, message["status"]))
            return asyncio.create_task(guard(scope, None, send))

        held = [call("10.0.0.1") for _ in range(2)]
        await asyncio.sleep(0)
        await call("10.0.0.1")  # a third from the same address: 503 at once
        other = call("10.0.0.2")  # another address still gets in
        await asyncio.sleep(0)
        assert App.state.busy == 3 and not other.done()
        release.set()
        await asyncio.gather(*held, other)

    asyncio.run(scenario())
    assert answers == [("10.0.0.1", 503)]  # the routes of the pool share its places
    assert App.state.busy == 0 and not App.state.busy_by_client


def test_every_json_route_reads_its_body_the_same_safe_way(client):
    """Nested objects too: no object may have more fields than any model has."""
    huge = '{"documents": [{"text": "x", ' + ",".join(f'"{i:x}":1' for i in range(400_000)) + "}]}"
    for path in ("/v1/briefs", "/v1/timelines"):
        start = time.monotonic()
        response = client.post(path, content=huge.encode(),
                               headers={"Content-Type": "application/json"})
        assert response.status_code == 422 and len(response.content) < 1000, path
        assert "over 100 fields" in response.json()["error"] and time.monotonic() - start < 10
        deep = client.post(path, content=b'{"documents": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
                           headers={"Content-Type": "application/json"})
        assert deep.status_code == 422 and "too deeply" in deep.json()["error"]
        if path == "/v1/timelines":  # nothing to place: said, not a 500
            empty = client.post(path, json={"documents": [{"text": "x",
                                                           "published": "2019-02-06"}]})
            assert empty.status_code == 422 and "no complete sentence" in empty.json()["error"]
        wrong = client.post(path, json={"documents": [{"text": "x"}], "dates": True,
                                        "words": True})
        assert wrong.status_code == 422
    schema = client.get("/openapi.json").json()["paths"]
    for path in ("/v1/briefs", "/v1/timelines"):
        body = schema[path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        assert "documents" in body["properties"] and "$ref" not in json.dumps(body)


def test_the_story_routes_answer_hostile_requests_as_the_others_do(tmp_path):
    """POST /v1/articles and GET /v1/stories: the same 422s, the route's own field in the
    message, and what is stored safe to show (no password, no terminal control)."""
    auth = {"Authorization": "Bearer t", "Content-Type": "application/json"}
    text = ("The county council approved 6 million euros on Monday to rebuild the broken "
            "spillway of the Brenmoor dam, engineers said. ") * 3
    with TestClient(create_app(workers=1, db=str(tmp_path / "s.db"), token="t")) as client:
        for body, message in [
            (b'{"articles": [{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}]}", "too deeply"),
            (b'{"articles": [{"text": "x", "id": ' + b"9" * 5000 + b"}]}", "thousands of digits"),
            (b'{"articles": [{"text": "\\ud800 x"}]}', "unpaired surrogate"),
            (b'{"articles": [{"text": true}]}', "articles.0.text"),
            (b'{"articles": [], "text": "x"}', 'unknown field "text"'),
            (b'{"articles": [{"text": "caf\xe9"}]}', "not UTF-8"),
        ]:
            answer = client.post("/v1/articles", content=body, headers=auth)
            assert answer.status_code == 422, (body[:40], answer.text)
            assert message in answer.json()["error"]
            assert '"documents"' not in answer.json()["error"]  # this route's shape is named
        unknown = client.post("/v1/articles", content=b'{"zz": 1}', headers=auth)
        assert '{"articles": [...], ...}' in unknown.json()["error"]
        for story in ("9" * 30, "0", "-1"):
            missing = client.get(f"/v1/stories/{story}")
            assert missing.status_code == 404 and "no story" in missing.json()["error"]
        far = client.get("/v1/stories?offset=" + "9" * 30)  # past SQLite's integers
        assert far.status_code == 200 and far.json()["stories"] == []
        bad_day = client.get("/v1/stories?since=2019-02-30")
        assert bad_day.status_code == 422 and "YYYY-MM-DD" in bad_day.json()["error"]
        added = client.post("/v1/articles", headers=auth, content=json.dumps({"articles": [
            {"text": text, "url": "https://user:secretpw@example.org/dam",
             "title": "Spillway\x1b[2J repairs\x07 approved", "source": "Gazette\x1b]0;x\x07"}]}))
        assert added.status_code == 200 and added.json()["added"] == 1, added.text
        shown = client.get("/v1/stories/1").text + client.get("/v1/stories").text
        assert "secretpw" not in shown and "user" not in shown
        assert "\\u001b" not in shown and "\\u0007" not in shown
        assert "https://example.org/dam" in shown
