"""POST /v1/timelines: the timeline of a long story over HTTP (registered by the server).

The work runs in the server's pool of worker processes, under the same time limit as a
brief (the body size limit applies too); the answer is the JSON of `storyline timeline
--format json` (docs/schema.md).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from ..analyze.timeline import DATES, PER_DATE
from ..errors import StorylineError
from .answers import TIMELINE, answers
from .body import body_schema, error, read_body

MAX_ARTICLES = 2000

router = APIRouter()


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article text.")
    published: str | None = Field(default=None, description="Its publication date, YYYY-MM-DD.")
    id: str | None = Field(default=None, description="How citations name it (default: its "
                           "1-based position).")
    title: str | None = None
    url: str | None = None
    source: str | None = None


class TimelineRequest(BaseModel):
    """The articles of one story, and the size of the timeline."""

    model_config = ConfigDict(extra="forbid")

    documents: list[Document] = Field(min_length=1, max_length=MAX_ARTICLES,
                                      description="The dated articles.")
    dates: int = Field(default=DATES, ge=1, le=1000, description="Dates in the timeline.")
    per_date: int = Field(default=PER_DATE, ge=1, le=50, description="Sentences per date.")
    start: str | None = Field(default=None, description="Only articles published on or "
                              "after this day (YYYY-MM-DD).")
    end: str | None = Field(default=None, description="Only articles published on or "
                            "before this day (YYYY-MM-DD).")


@router.post("/v1/timelines", openapi_extra=body_schema(TimelineRequest),
             responses=answers("The story's timeline", TIMELINE, 413, 422, 503, 504))
async def timelines(request: Request):
    """The timeline of a story: its most important dates and, for each, the sentences that
    best tell what happened, every one cited."""
    body = await read_body(request, TimelineRequest)  # 422 for any body it cannot read
    documents = [d.model_dump(exclude_none=True) for d in body.documents]
    try:
        return await request.app.state.pool.run(
            request, _timeline, documents, body.dates, body.per_date, body.start, body.end,
            what="the timeline", fix="send fewer articles or a shorter span")
    except StorylineError as e:
        return error(422, str(e))


def _timeline(documents: list[dict], dates: int, per_date: int, start: str | None,
              end: str | None) -> dict:
    """Runs in a worker process."""
    from ..analyze.timeline import timeline

    return timeline(documents, dates=dates, per_date=per_date, start=start,
                    end=end).to_dict()
