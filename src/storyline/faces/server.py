"""The HTTP API and the web page: a thin layer over `summarize`.

    storyline serve [--host 127.0.0.1] [--port 8000]

POST /v1/briefs takes article texts (or HTML) and/or URLs and returns the brief's JSON
(docs/schema.md). Summarizing runs in a bounded pool of worker processes: a request
waits for a free worker only while the queue has room, and is refused with 503
otherwise; a request that runs past its time limit gets 504 and its worker is replaced;
a worker that dies costs only its own request (faces/workers.py). The page at / is static
files.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections import Counter
from contextlib import asynccontextmanager
from dataclasses import replace
from importlib.resources import files
from typing import Annotated

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount

from .. import __version__
from ..errors import OptionsError, StorylineError
from ..fetch import Budget, FetchError, fetch
from ..options import MAX_FOCUS_CHARS, MAX_WORDS, Options
from . import stories_api, timelines
from .answers import BRIEF, answers, keep_nulls
from .body import BadBody, body_schema, invalid_body, read_body
from .body import error as _error
from .workers import Workers

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 5_000_000
MAX_DOCUMENTS = 100
MAX_URLS = 20
MAX_URL_CHARS = 2048
TIME_LIMIT_SECONDS = 60.0
BODY_SECONDS = 10.0  # for a request body to arrive
QUEUE_PER_WORKER = 4  # requests that may wait per worker before new ones are refused
API_PATHS = ("/v1/", "/healthz")


class BriefRequest(BaseModel):
    """What to summarize, and how: the options of `storyline summarize`."""

    model_config = ConfigDict(extra="forbid", strict=True)  # "words": true is no number

    documents: list[str] = Field(default=[], max_length=MAX_DOCUMENTS,
                                 description="Article texts, plain or HTML.")
    urls: list[Annotated[str, Field(max_length=MAX_URL_CHARS)]] = Field(
        default=[], max_length=MAX_URLS, description="Web pages to fetch (http or https).")
    words: int = Field(default=120, ge=1, le=MAX_WORDS, description="Word budget.")
    explain: bool = Field(default=False, description="Also list the clutter removed.")
    article_text: bool = Field(default=False, description="Include each article's cleaned "
                               "text, which citation offsets point into.")
    focus: str | None = Field(default=None, max_length=MAX_FOCUS_CHARS,
                              description="A word, phrase or question to steer the brief to.")
    since: list[str] = Field(default=[], max_length=MAX_DOCUMENTS, description="Texts of "
                             "articles already seen: the brief tells only what is new.")
    published: str | None = Field(default=None, description="Date (YYYY-MM-DD) of the "
                                  "articles that carry none, for the timeline.")
    analysis: bool = Field(default=True, description="Find disagreements and the timeline.")

    @model_validator(mode="after")
    def _something_to_summarize(self):
        if not self.documents and not self.urls:
            raise ValueError('give "documents" (article texts) and/or "urls" (web pages)')
        try:  # the options' own checks, before any page is fetched or a worker is used
            Options(words=self.words, focus=self.focus, published=self.published)
        except OptionsError as e:
            raise ValueError(str(e)) from None
        return self


def create_app(*, workers: int | None = None, time_limit: float = TIME_LIMIT_SECONDS,
               max_body: int = MAX_BODY_BYTES, body_seconds: float = BODY_SECONDS,
               allow_private_urls: bool = False, queue: int | None = None,
               per_client: bool = True, db: str | None = None,
               token: str | None = None, refresh: bool = True) -> FastAPI:
    """The application. `workers` processes summarize (default: the CPU count); `queue`
    more requests may wait for them (default: 4 per worker) before new ones get 503;
    with `per_client`, one client address may have at most half of these places.
    `time_limit` bounds each request from admission to answer: fetching, waiting for a
    worker and summarizing; a body must arrive within `body_seconds`. With a story store
    (`db`), `refresh` keeps its stories' briefs and headlines current in the background."""
    workers = workers or os.cpu_count() or 1

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.pool = Workers(workers, time_limit)
        app.state.busy = 0  # requests being fetched, summarized or waiting for a worker
        app.state.capacity = workers + (QUEUE_PER_WORKER * workers if queue is None else queue)
        app.state.busy_by_client = Counter()  # client address -> requests admitted
        app.state.client_share = max(1, app.state.capacity // 2) if per_client else None
        refresher = asyncio.create_task(stories_api.refresh(app)) if db and refresh else None
        yield
        if refresher:
            refresher.cancel()
            await asyncio.gather(refresher, return_exceptions=True)
        app.state.pool.stop()

    app = FastAPIOffline(  # FastAPI whose /docs page ships its files: no CDN, works offline
        title="Storyline", version=__version__, lifespan=lifespan,
        description="Many news articles about one event in, one cited brief out.")
    app.add_middleware(BodyLimit, max_body=max_body, seconds=body_seconds)
    app.add_middleware(Admission, paths=WORK_PATHS)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return invalid_body(exc.errors())

    @app.exception_handler(BadBody)
    async def _bad_body(request: Request, exc: BadBody) -> JSONResponse:
        return exc.response

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail)
        path = json.dumps(request.url.path[:100])
        if exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "")
            message = f"{request.method} is not allowed on {path}; use {allowed}"
        elif exc.status_code == 404 and message == "Not Found":
            stories = ", GET /v1/stories, POST /v1/articles" if db else ""
            message = (f"there is nothing at {path}; the API is POST /v1/briefs, POST "
                       f"/v1/timelines{stories}, described at /docs")
        return _error(exc.status_code, message, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("request failed")
        return _error(500, f"internal error ({type(exc).__name__}); please report it")

    @app.get("/healthz")
    async def healthz() -> dict:
        return {"status": "ok", "version": __version__}

    @app.post("/v1/briefs", openapi_extra=body_schema(BriefRequest),
              responses=answers("The cited brief", BRIEF, 413, 422, 503, 504))
    async def briefs(request: Request):
        """One cited brief from the articles (texts and/or pages at URLs)."""
        # Admission (the 503) has happened in `Admission`, before the body was read.
        body = await read_body(request, BriefRequest)
        deadline = asyncio.get_running_loop().time() + time_limit
        try:
            async with asyncio.timeout_at(deadline):
                pages = await _fetch_all(body.urls, allow_private_urls)
        except FetchError as e:
            return _error(422, str(e))
        except TimeoutError:
            return _error(504, f"fetching the pages took over {time_limit:g} s")
        items = [("text", d) for d in body.documents]
        items += [("html" if p.html else "text", p.text, p.url) for p in pages]
        options = {"words": body.words, "focus": body.focus, "published": body.published,
                   "analysis": body.analysis}
        try:
            return await request.app.state.pool.run(
                request, _brief, items, options, body.since, body.explain, body.article_text,
                deadline=deadline, what="the brief")
        except StorylineError as e:
            return _error(422, str(e))

    app.include_router(timelines.router)  # POST /v1/timelines (faces/timelines.py)
    if db:  # the story store: /v1/stories, /v1/articles (faces/stories_api.py)
        stories_api.register(app, db=db, token=token)
    app.router.routes.append(Page(
        "/", app=StaticFiles(directory=str(files("storyline.faces") / "static"), html=True),
        name="page"))
    keep_nulls(app)
    return app


class Page(Mount):
    """The page's static files at "/", but not the API's paths: a GET to a POST route gets
    405 with "Allow", an unknown API path 404, both as JSON, not the page's 404."""

    def matches(self, scope):
        if scope["type"] == "http" and scope["path"].startswith(API_PATHS):
            return Match.NONE, {}
        return super().matches(scope)


async def _fetch_all(urls: list[str], allow_private: bool) -> list:
    """The pages, fetched at once under one byte budget; the first failure cancels the
    others (a TaskGroup), so no fetch outlives its request."""
    budget = Budget()
    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(fetch(u, allow_private=allow_private, budget=budget))
                     for u in urls]
    except ExceptionGroup as failed:
        raise failed.exceptions[0] from None  # the first failure; the rest were cancelled
    return [t.result() for t in tasks]


def _brief(items: list[tuple], options: dict, since: list[str], explain: bool,
           article_text: bool) -> dict:
    """Runs in a worker process: the articles in request order, summarized."""
    from ..brief.ingest import article_from_html, text_to_article
    from ..brief.pipeline import summarize
    from ..options import Options

    articles = []
    for i, (kind, text, *url) in enumerate(items, 1):
        if kind == "html":
            articles.append(article_from_html(text, id=str(i), url=url[0]))
        else:
            article = text_to_article(text, id=str(i))
            articles.append(replace(article, url=url[0]) if url else article)
    brief = summarize(articles, options=Options(**options), since=since or None)
    return brief.to_dict(explain=explain, texts=article_text)


# The routes whose work runs in the worker pool (a path ending in "/" covers those under
# it: a story's brief): they share its places, so no route can fill the pool for another.
WORK_PATHS = ("/v1/briefs", "/v1/timelines", "/v1/articles", "/v1/stories/")


class Admission:
    """ASGI middleware: at most `app.state.capacity` requests to `paths` at once (being
    read, fetched, summarized or waiting for a worker), and at most `client_share` of
    them from one client address, so that no lone client can take every place; the next
    get 503 at once, before their body is read, so a burst costs the server next to
    nothing."""

    def __init__(self, app, paths: tuple[str, ...]):
        self.app = app
        self.paths = paths

    def _admits(self, path: str) -> bool:
        return any(path == p or p.endswith("/") and path.startswith(p) for p in self.paths)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not self._admits(scope["path"]):
            return await self.app(scope, receive, send)
        state = scope["app"].state
        client = (scope.get("client") or ("?", 0))[0]
        if state.busy >= state.capacity:
            return await _busy("the server is busy; try again in a moment")(scope, receive, send)
        if state.client_share and state.busy_by_client[client] >= state.client_share:
            return await _busy(f"this address has {state.client_share} requests under way "
                               "already; wait for their answers")(scope, receive, send)
        state.busy += 1
        state.busy_by_client[client] += 1
        try:
            await self.app(scope, receive, send)
        finally:
            state.busy -= 1
            state.busy_by_client[client] -= 1
            if not state.busy_by_client[client]:
                del state.busy_by_client[client]


def _busy(message: str) -> JSONResponse:
    return _error(503, message, headers={"Retry-After": "2"})


class BodyLimit:
    """ASGI middleware: 413 for a body over `max_body` bytes, whether its length is
    declared or it arrives in chunks, before any of it is kept in memory; 408 for a body
    that takes over `seconds` to arrive (a slow sender must not hold a place)."""

    def __init__(self, app, max_body: int, seconds: float):
        self.app = app
        self.max_body = max_body
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        # The rest of a refused body is not read: the connection closes after the answer.
        too_big = _error(413, f"the body is over {self.max_body:,} bytes; send fewer or "
                              "shorter articles", headers={"Connection": "close"})
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            return await too_big(scope, receive, send)
        seen, answered, complete = 0, False, False
        deadline = asyncio.get_running_loop().time() + self.seconds

        async def counted():
            # Once this middleware has answered (413 or 408), the app is told the client
            # hung up, and whatever it then sends is dropped by `unless_answered`.
            nonlocal seen, answered, complete
            if answered:
                return {"type": "http.disconnect"}
            if complete:  # the body is in: the app only listens for a hang-up
                return await receive()
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                answered = True
                await _error(408, f"the body took over {self.seconds:g} s to arrive",
                             headers={"Connection": "close"})(
                    scope, receive, send)
                return {"type": "http.disconnect"}
            seen += len(message.get("body", b""))
            complete = message["type"] != "http.request" or not message.get("more_body")
            if seen > self.max_body:
                answered = True
                await too_big(scope, receive, send)
                return {"type": "http.disconnect"}
            return message

        async def unless_answered(message):
            if not answered:
                await send(message)

        await self.app(scope, counted, unless_answered)


class SecurityHeaders:
    """ASGI middleware: no content sniffing anywhere; the page may load only its own
    files (no inline script), a second guard behind inserting article text as text."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        page = not scope["path"].startswith(("/docs", "/redoc", "/openapi",
                                             "/static-offline-docs"))

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                if page:
                    headers.append((b"content-security-policy", b"default-src 'self'"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
