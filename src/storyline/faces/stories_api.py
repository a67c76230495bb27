"""The story store over HTTP (registered by the server when it is given `--db`):

    GET  /v1/stories?limit=&offset=&since=   the stories, most recently active first
    GET  /v1/stories/{id}?words=             a story's brief, what is new, its articles
    POST /v1/articles                        add articles (a bearer token, if one is set)

Briefs and ingests run in the server's pool of worker processes, under its time limit
(and its body size limit): a stopped ingest is one transaction, so it adds nothing.
While no request is waiting, `refresh` makes the briefs of the stories that changed, the
most recently active first, so that the front page lists each story under its current
headline and a story's page opens at once.
"""

from __future__ import annotations

import asyncio
import hmac
import os

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from ..errors import StorylineError
from .answers import ADDED, STORIES, STORY_PAGE, answers
from .body import body_schema, error, read_body

MAX_ARTICLES = 500  # per POST
PAGE_SIZE = 50
REFRESH_IDLE_SECONDS = 2.0  # how often the refresher looks for a changed story, or a lull
REFRESH_RETRY_SECONDS = 300.0  # a story whose brief failed is tried again after this

router = APIRouter()


class ArticleIn(BaseModel):
    """One article, as in a .jsonl line of `storyline stories add`; other fields are kept."""

    model_config = ConfigDict(extra="allow")

    text: str = Field(description="The article text, plain or HTML.")
    id: str | None = Field(default=None, description="Its id (default: its URL, else a "
                           "hash of its text).")
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD.")


class ArticlesRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


@router.get("/v1/stories", responses=answers("A page of stories", STORIES, 422))
async def list_stories(request: Request, limit: int = Query(PAGE_SIZE, ge=1, le=500),
                       offset: int = Query(0, ge=0),
                       since: str | None = Query(None, pattern=r"^\d{4}-\d\d-\d\d$")):
    """The stories, most recently active first, a page at a time."""
    from ..stories import Stories

    # (read here, a page of an indexed table: no thread of this process may hold SQLite's
    # locks while the worker pool forks a process, which the child would never see freed)
    try:
        with Stories(request.app.state.stories_db, create=False) as stories:
            found = stories.list(since=since, limit=limit + 1, offset=offset)
    except StorylineError as e:
        return error(422, _unplaced(str(e), request.app.state.stories_db))
    return {"stories": [s.to_dict() for s in found[:limit]], "offset": offset,
            "limit": limit, "next": offset + limit if len(found) > limit else None}


@router.get("/v1/stories/{story_id}",
            responses=answers("The story: its brief, what is new, timeline and articles",
                              STORY_PAGE, 404, 422, 503, 504))
async def show_story(story_id: int, request: Request,
                     words: int = Query(120, ge=1, le=5000)):
    """A story's brief (cached until the story changes), what is new since its previous
    brief, its timeline, disagreements and articles."""
    return await _in_pool(request, _story_brief, request.app.state.stories_db, story_id,
                          words, missing=404)


@router.post("/v1/articles", openapi_extra=body_schema(ArticlesRequest),
             responses=answers("What was added, and the story of each article", ADDED,
                               401, 409, 413, 422, 503, 504))
async def add_articles(request: Request):
    """Add articles to the store and its stories; all of them, or none if it fails."""
    token = request.app.state.stories_token
    if token:
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return error(401, "adding articles needs the server's token: send "
                              "Authorization: Bearer TOKEN",
                         headers={"WWW-Authenticate": "Bearer"})
    body = await read_body(request, ArticlesRequest)  # 422 for any body it cannot read
    articles = [a.model_dump(exclude_none=True) for a in body.articles]
    return await _in_pool(request, _add, request.app.state.stories_db, articles)


def register(app, *, db: str, token: str | None) -> None:
    """Serve the store at `db`; `token`, if given, guards writing."""
    from ..stories import Stories

    Stories(db).close()  # created (or checked) now: a bad file stops the server at once
    app.state.stories_db, app.state.stories_token = db, token
    app.include_router(router)


async def refresh(app) -> None:
    """Runs as long as the server does: make the brief of each story that changed (the
    most recently active first), one at a time, in the workers, while no request is being
    served. A story whose brief failed, or changed again while it was made, waits a while
    (REFRESH_RETRY_SECONDS, REFRESH_IDLE_SECONDS) while the others go on."""
    loop = asyncio.get_running_loop()
    waiting: dict[int, float] = {}  # story -> when it may be tried again
    while True:
        # (the store is read in a worker too: a thread of this process reading SQLite
        # when the pool forks a worker, at its start or to replace one, can leave a lock
        # held in the child for good)
        now = loop.time()
        waiting = {k: t for k, t in waiting.items() if t > now}
        story = None
        if app.state.busy == 0:
            story = await app.state.pool.run_unattended(_stale, app.state.stories_db,
                                                        frozenset(waiting))
        if story is None or app.state.busy:
            await asyncio.sleep(REFRESH_IDLE_SECONDS)
            continue
        made = await app.state.pool.run_unattended(_refresh, app.state.stories_db, story)
        if made is None:  # (failed: logged)
            waiting[story] = loop.time() + REFRESH_RETRY_SECONDS
        elif made == "busy":  # (made, but a writer held the store: again in a while)
            await asyncio.sleep(REFRESH_IDLE_SECONDS)
        elif made == "changed":  # (an article came meanwhile: the others first)
            waiting[story] = loop.time() + REFRESH_IDLE_SECONDS


def _stale(db: str, waiting: frozenset[int]) -> int | None:
    """Runs in a worker process: the most recently active story whose brief is out of
    date and that is not `waiting`, or None."""
    from ..stories import Stories

    with Stories(db, create=False) as stories:
        return next((i for i in stories.stale(limit=len(waiting) + 1) if i not in waiting),
                    None)


def _refresh(db: str, story_id: int) -> str:
    """Runs in a worker process: the story's brief made and cached (its headline with it).
    "cached"; "changed" when an article came while it was made (it was cached for the
    version it read); "busy" when a writer held the store past its timeout."""
    from ..stories import Stories

    with Stories(db, create=False) as stories:
        version = stories.story(story_id).version
        stories.brief(story_id, shown=False)
        if stories.briefed(story_id):
            return "cached"
        return "changed" if stories.story(story_id).version != version else "busy"


async def _in_pool(request: Request, work, *args, missing: int = 422):
    try:  # a stopped ingest is one transaction: it adds nothing
        return await request.app.state.pool.run(request, work, *args,
                                                fix="send fewer articles")
    except LookupError as e:
        return error(missing, str(e))
    except StorylineError as e:
        from ..stories import StoreBusy

        return error(409 if isinstance(e, StoreBusy) else 422,
                     _unplaced(str(e), request.app.state.stories_db))


def _unplaced(message: str, db: str) -> str:
    """A store's message for a client: where the store's file is is the server's own."""
    for path in sorted({db, os.path.abspath(db), os.path.realpath(db)}, key=len, reverse=True):
        message = message.replace(path, "the story store")
    return message


def _story_brief(db: str, story_id: int, words: int) -> dict:
    """Runs in a worker process."""
    from ..stories import Stories

    with Stories(db, create=False) as stories:
        try:
            stories.story(story_id)
        except StorylineError:  # (its message names the store's file: not for a client)
            raise LookupError(f"no story {story_id}; GET /v1/stories lists the stories") \
                from None
        return stories.brief(story_id, words=words).to_dict()


def _add(db: str, articles: list[dict]) -> dict:
    """Runs in a worker process: one transaction, all or nothing."""
    from ..stories import Stories

    with Stories(db) as stories:
        result = stories.add(articles, whole=True, placing=True)
    return {"added": result.added, "copies": result.copies, "duplicates": result.duplicates,
            "opened": result.opened, "updated": result.updated,
            "skipped": [{"where": s.where, "reason": s.reason} for s in result.skipped],
            "stories": [{"article": article, "story": story}
                        for article, story in result.placed],
            "summary": result.summary()}
