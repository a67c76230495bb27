"""The HTTP API and the web page: a thin layer over `summarize`.

    storyline serve [--host 127.0.0.1] [--port 8000]

POST /v1/briefs takes article texts (or HTML) and/or URLs and returns the brief's JSON
(docs/schema.md). Summarizing runs in a bounded pool of worker processes: a request
waits for a free worker only while the queue has room, and is refused with 503
otherwise; a request that runs past its time limit gets 504 and its worker is replaced;
a worker that crashes costs only its own request. The page at / is static files.
"""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import asynccontextmanager
from dataclasses import replace
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pebble import ProcessPool
from pebble.common import ProcessExpired
from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import __version__
from .errors import StorylineError
from .fetch import FetchError, fetch
from .options import MAX_WORDS

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 5_000_000
MAX_DOCUMENTS = 100
MAX_URLS = 20
TIME_LIMIT_SECONDS = 60.0
QUEUE_PER_WORKER = 4  # requests that may wait per worker before new ones are refused


class BriefRequest(BaseModel):
    """What to summarize, and how: the options of `storyline summarize`."""

    model_config = ConfigDict(extra="forbid")

    documents: list[str] = Field(default=[], max_length=MAX_DOCUMENTS,
                                 description="Article texts, plain or HTML.")
    urls: list[str] = Field(default=[], max_length=MAX_URLS,
                            description="Web pages to fetch (http or https).")
    words: int = Field(default=120, ge=1, le=MAX_WORDS, description="Word budget.")
    explain: bool = Field(default=False, description="Also list the clutter removed.")
    article_text: bool = Field(default=False, description="Include each article's cleaned "
                               "text, which citation offsets point into.")

    @model_validator(mode="after")
    def _something_to_summarize(self):
        if not self.documents and not self.urls:
            raise ValueError('give "documents" (article texts) and/or "urls" (web pages)')
        return self


def create_app(*, workers: int | None = None, time_limit: float = TIME_LIMIT_SECONDS,
               max_body: int = MAX_BODY_BYTES, allow_private_urls: bool = False,
               queue: int | None = None) -> FastAPI:
    """The application. `workers` processes summarize (default: the CPU count); `queue`
    more requests may wait for them (default: 4 per worker) before new ones get 503."""
    workers = workers or os.cpu_count() or 1

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.pool = ProcessPool(max_workers=workers)
        app.state.busy = 0  # requests being fetched, summarized or waiting for a worker
        app.state.capacity = workers + (QUEUE_PER_WORKER * workers if queue is None else queue)
        yield
        app.state.pool.stop()
        app.state.pool.join()

    app = FastAPI(title="Storyline", version=__version__, lifespan=lifespan,
                  description="Many news articles about one event in, one cited brief out.")
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(Admission, path="/v1/briefs")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for e in exc.errors():
            if e["type"] == "json_invalid":
                reason = e.get("ctx", {}).get("error", e["msg"])
                problems.append(f"the body is not valid JSON ({reason}); "
                                'send {"documents": ["article text", ...]}')
                continue
            where = ".".join(str(p) for p in e["loc"] if p != "body")
            message = e["msg"].removeprefix("Value error, ")
            problems.append(f"{where}: {message}" if where else message)
        return _error(422, "; ".join(problems), detail=jsonable(exc.errors()))

    @app.get("/healthz")
    async def healthz() -> dict:
        return {"status": "ok", "version": __version__}

    @app.post("/v1/briefs")
    async def briefs(body: BriefRequest, request: Request):
        """One cited brief from the articles (texts and/or pages at URLs)."""
        # Admission (the 503) has happened in `Admission`, before the body was read.
        try:
            pages = await asyncio.wait_for(asyncio.gather(
                *(fetch(u, allow_private=allow_private_urls) for u in body.urls)),
                time_limit)
        except FetchError as e:
            return _error(422, str(e))
        except TimeoutError:
            return _error(504, f"fetching the pages took over {time_limit:g} s")
        items = [("text", d) for d in body.documents]
        items += [("html" if p.html else "text", p.text, p.url) for p in pages]
        future = request.app.state.pool.schedule(
            _brief, args=(items, body.words, body.explain, body.article_text),
            timeout=time_limit)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:  # the client went away: free its worker
            future.cancel()
            raise
        except StorylineError as e:
            return _error(422, str(e))
        except FutureTimeout:
            return _error(504, f"the brief took over {time_limit:g} s and was stopped; "
                               "send fewer or shorter articles")
        except ProcessExpired:
            return _error(500, "the worker summarizing this request died (out of "
                               "memory?); send fewer or shorter articles")
        except Exception as e:  # a bug of ours: say so, and keep serving
            log.exception("brief failed")
            return _error(500, f"internal error ({type(e).__name__}); please report it")

    app.mount("/", StaticFiles(directory=str(files("storyline") / "static"), html=True),
              name="page")
    return app


def _brief(items: list[tuple], words: int, explain: bool, article_text: bool) -> dict:
    """Runs in a worker process: the articles in request order, summarized."""
    from .ingest import article_from_html, text_to_article
    from .options import Options
    from .pipeline import summarize

    articles = []
    for i, (kind, text, *url) in enumerate(items, 1):
        if kind == "html":
            articles.append(article_from_html(text, id=str(i), url=url[0]))
        else:
            article = text_to_article(text, id=str(i))
            articles.append(replace(article, url=url[0]) if url else article)
    brief = summarize(articles, options=Options(words=words))
    return brief.to_dict(explain=explain, texts=article_text)


def _error(status: int, message: str, **extra) -> JSONResponse:
    headers = extra.pop("headers", None)
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


def jsonable(errors: list[dict]) -> list[dict]:
    return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]


class Admission:
    """ASGI middleware: at most `app.state.capacity` requests to `path` at once (being
    fetched, summarized or waiting for a worker); the next get 503 at once, before
    their body is read, so a burst costs the server next to nothing."""

    def __init__(self, app, path: str):
        self.app = app
        self.path = path

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"] != self.path:
            return await self.app(scope, receive, send)
        state = scope["app"].state
        if state.busy >= state.capacity:
            busy = _error(503, "the server is busy; try again in a moment",
                          headers={"Retry-After": "2"})
            return await busy(scope, receive, send)
        state.busy += 1
        try:
            await self.app(scope, receive, send)
        finally:
            state.busy -= 1


class BodyLimit:
    """ASGI middleware: 413 for a body over `max_body` bytes, whether its length is
    declared or it arrives in chunks, before any of it is kept in memory."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        too_big = _error(413, f"the body is over {self.max_body:,} bytes; send fewer or "
                              "shorter articles")
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            return await too_big(scope, receive, send)
        seen, answered = 0, False

        async def counted():
            nonlocal seen, answered
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body and not answered:  # answer now; the app sees a hang-up
                answered = True
                await too_big(scope, receive, send)
                return {"type": "http.disconnect"}
            return message

        async def unless_answered(message):
            if not answered:
                await send(message)

        await self.app(scope, counted, unless_answered)
