"""What the API answers, for its OpenAPI page (/docs): each route's answer described, with
a short made-up example of its shape (docs/schema.md tells every field), and the errors'
one shape. The tests hold each example to the keys a real answer has."""

from __future__ import annotations

from typing import Any

_SOURCE = {"article": "1", "file": None, "start": 0, "end": 53,
           "text": "Rebels took the port city of Misrata on Sunday, officials said.",
           "support": "full"}
_SENTENCE = {"text": "Rebels took the port city of Misrata on Sunday, officials said.",
             "sources": [_SOURCE], "phase": None}

BRIEF = {
    "sentences": [_SENTENCE], "summary": _SENTENCE["text"],
    "articles": [{"id": "1", "file": None, "title": "Rebels take port", "source": "Wire",
                  "url": None, "published": "2026-03-02", "date_source": "given"}],
    "disagreements": [], "changes": [], "phases": [],
    "timeline": [{"date": "2026-03-01", "when": "on Sunday", "text": _SENTENCE["text"],
                  "sources": [_SOURCE]}],
    "warnings": [], "stats": {"articles": 1, "sentences": 3, "facts": 3, "words": 11,
                              "budget": 120, "removed": {}}}
TIMELINE = {
    "timeline": [{"date": "2026-03-01", "sentences": [_SENTENCE]}],
    "articles": [{"id": "1", "file": None, "title": "Rebels take port",
                  "published": "2026-03-02"}],
    "stats": {"articles": 1, "sentences": 3, "dated_sentences": 1, "days_considered": 1}}
STORY = {"id": 7, "title": "Rebels take the port city of Misrata", "size": 3, "sources": 2,
         "first_date": "2026-03-01", "last_date": "2026-03-03",
         "updated": "2026-03-03T09:12:00Z", "closed": False}
STORIES = {"stories": [STORY], "offset": 0, "limit": 30, "next": None}
STORY_PAGE = {
    "story": STORY, "brief": BRIEF,
    "new": {**BRIEF, "timeline": [], "stats": {**BRIEF["stats"], "already_seen": 2}},
    "previous": {"version": 2, "made": "2026-03-02T18:00:00Z", "articles": 2},
    "timeline": TIMELINE["timeline"],
    "articles": [{"n": 1, "id": "1", "title": "Rebels take port", "source": "Wire",
                  "url": "https://wire.example/1", "published": "2026-03-02",
                  "added": "2026-03-02T08:00:00Z", "copies": []}],
    "made": "2026-03-03T09:12:05Z"}
ADDED = {"added": 1, "copies": 0, "duplicates": 1, "opened": 0, "updated": 1,
         "skipped": [{"where": "article 3", "reason": "article 3 has no text; skipped"}],
         "stories": [{"article": "wire-2", "story": 7}, {"article": "wire-2b", "story": 7}],
         "summary": "1 article added, 1 duplicate skipped, 1 skipped; 0 stories opened, "
                    "1 updated"}


def answers(what: str, example: dict[str, Any], *errors: int) -> dict[int | str, Any]:
    """A route's `responses`: its answer (`what`, `example`) and its `errors`, each
    `{"error": "what to fix"}`."""
    description = f"{what} (every field: docs/schema.md)"
    _EXAMPLES[description] = example
    shown = {200: {"description": description,
                   "content": {"application/json": {"example": example}}}}
    for status in errors:
        example = {"error": "what is wrong and how to fix it"}
        if status == 422:  # (a body's or a query's fields at fault, each said)
            example["detail"] = [{"loc": ["query", "limit"], "type": "greater_than_equal",
                                  "msg": "Input should be greater than or equal to 1"}]
        shown[status] = {"description": _ERRORS[status], "content": {"application/json": {
            "example": example}}}
    return shown


_EXAMPLES: dict[str, dict[str, Any]] = {}  # an answer's description -> its example
_ERRORS = {401: "adding articles needs the server's token (Authorization: Bearer TOKEN)",
           404: "no such story", 409: "the story store is being written; send again later",
           413: "a body over the size limit", 422: "invalid input, said in `error`",
           503: "busy: every worker and queue place is taken (see Retry-After)",
           504: "the request took over its time limit"}


def keep_nulls(app) -> None:
    """Show the examples whole on the OpenAPI page: FastAPI drops every null from its
    schema, and `"file": null` is part of an answer's shape. (An answer is found by its
    description, which each route's is its own.)"""
    made = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            for methods in made()["paths"].values():
                for route in methods.values():
                    answer = route.get("responses", {}).get("200", {})
                    if answer.get("description") in _EXAMPLES:
                        answer["content"]["application/json"]["example"] = _EXAMPLES[
                            answer["description"]]
        return app.openapi_schema
    app.openapi = openapi
