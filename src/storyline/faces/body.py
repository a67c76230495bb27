"""Reading a request's JSON body as a pydantic model, safely: whatever a hostile body
holds, it costs little, gets 422 with a message that says what to fix, and is never
echoed back. Routes that take JSON call `read_body(request, Model)` rather than taking
a model parameter, which FastAPI would answer 400 for such bodies after parsing all of
them, and declare `openapi_extra=body_schema(Model)` for the docs.
"""

from __future__ import annotations

import json
import re

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.requests import ClientDisconnect

from ..brief.ingest import json_value
from ..errors import InputError

MAX_PROBLEMS = 5  # validation problems named in one answer
MAX_FIELDS = 100  # fields of any one JSON object: no model here has near as many


class BadBody(Exception):
    """A request body that cannot be read as the route's model: the 422 answer."""

    def __init__(self, response: JSONResponse):
        self.response = response


async def read_body(request: Request, model: type[BaseModel]):
    """The request's JSON body as `model`, or `BadBody` (422) saying what to fix, cheaply
    whatever the body holds (see `_fields`); an error never echoes the input nor lists
    more than a few problems. Routes that take JSON use this rather than a model
    parameter, which FastAPI would answer 400 for such bodies, after parsing all of it."""
    try:
        raw = await request.body()
    except ClientDisconnect:  # BodyLimit answered 408 or 413, or the client hung up
        raise BadBody(error(499, "the client went away")) from None
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        raise BadBody(error(422, f"the body is {_shown(kind)}; send a JSON object, "
                                 f"{_example(model)}, with Content-Type: application/json"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BadBody(error(422, f"the body is not UTF-8 (byte {raw[e.start]:#04x} at offset "
                                 f"{e.start}); send JSON in UTF-8")) from None
    try:
        data = _fields(text, model.model_fields)
    except InputError as e:
        raise BadBody(error(422, f"{e}; send {_example(model)}")) from None
    try:
        return model.model_validate(data, strict=True)  # "words": true is no number
    except ValidationError as e:
        raise BadBody(invalid_body(e.errors(), example=_example(model))) from None


def _fields(text: str, fields) -> dict:
    """The fields of the JSON object in `text`, parsed one at a time with the standard
    parser, so that an unknown or repeated field stops the parse at once: a body of half
    a million unknown keys costs no more than one. Values are checked as `load_json`
    checks a batch line (nesting, huge integers, lone surrogates, NaN), and no object in
    them may have over MAX_FIELDS fields, so that no validation lists thousands of
    unknown ones."""
    where = "the body"
    at = _space(text, 0)
    if text[at:at + 1] != "{":
        raise InputError(f"{where} is not a JSON object")
    data: dict = {}
    at = _space(text, at + 1)
    while text[at:at + 1] != "}" or data:
        if text[at:at + 1] != '"':
            raise InputError(f"{where} is not valid JSON (a field name in double quotes "
                             f"expected at offset {at})")
        name, at = json_value(text, at, where=where)
        if name not in fields:
            raise InputError(f"{where} has an unknown field {_shown(name)}; the fields are "
                             f"{', '.join(fields)}")
        if name in data:
            raise InputError(f"{where} has the field {_shown(name)} twice; give it once")
        at = _space(text, at)
        if text[at:at + 1] != ":":
            raise InputError(f"{where} is not valid JSON (\":\" expected at offset {at})")
        data[name], at = json_value(text, _space(text, at + 1), where=f'"{name}"',
                                    max_fields=MAX_FIELDS)
        at = _space(text, at)
        if text[at:at + 1] == "}":
            break
        if text[at:at + 1] != ",":
            raise InputError(f"{where} is not valid JSON (\",\" or \"}}\" expected at offset {at})")
        at = _space(text, at + 1)
    if _space(text, at + 1) != len(text):
        raise InputError(f"{where} is not valid JSON (more after the object, at offset {at + 1})")
    return data


def _space(text: str, at: int) -> int:
    return _JSON_SPACE.match(text, at).end()


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def body_schema(model: type[BaseModel]) -> dict:
    """The OpenAPI description of a route whose body `read_body` reads as `model`."""
    schema = model.model_json_schema()
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": _inline(schema, schema.pop("$defs", {}))}}}}


def _inline(schema, defs: dict):
    """The schema with its references to `defs` (the nested models) written out."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return _inline(defs[schema["$ref"].rsplit("/", 1)[1]], defs)
        return {k: _inline(v, defs) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_inline(v, defs) for v in schema]
    return schema


_EXAMPLE = '{"documents": [...], ...}'


def _example(model: type[BaseModel]) -> str:
    """The shape of the route's body in a message: its first field, e.g. {"articles": [...],
    ...} for POST /v1/articles."""
    name, field = next(iter(model.model_fields.items()))
    value = "[...]" if getattr(field.annotation, "__origin__", None) is list else "..."
    return f'{{"{name}": {value}, ...}}'


def _shown(name: str) -> str:
    """A field name from the request, quoted, short and printable (never the whole input)."""
    return json.dumps(name[:40] + ("…" if len(name) > 40 else ""))


def invalid_body(errors: list[dict], example: str = _EXAMPLE) -> JSONResponse:
    """422 for a body that failed validation: the first few problems, said plainly."""
    shown = errors[:MAX_PROBLEMS]
    message = "; ".join(_problem(e, example) for e in shown)
    if len(errors) > MAX_PROBLEMS:
        message += f" (and {len(errors) - MAX_PROBLEMS:,} more problems)"
    return error(422, message, detail=[{k: e[k] for k in ("loc", "msg", "type") if k in e}
                                       for e in shown])


def _problem(problem: dict, example: str) -> str:
    """One validation error as a sentence that says what to fix."""
    if problem["type"] == "json_invalid":
        reason = problem.get("ctx", {}).get("error", problem["msg"])
        return f"the body is not valid JSON ({reason}); send {example}"
    where = ".".join(str(p) for p in problem["loc"] if p != "body")
    if not where and problem["type"] in ("model_attributes_type", "dict_type"):
        return f"send a JSON object, {example}, with Content-Type: application/json"
    message = problem["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def error(status: int, message: str, **extra) -> JSONResponse:
    """The answer {"error": message, ...} with `status`; `headers=` sets its headers."""
    headers = extra.pop("headers", None)
    return JSONResponse({"error": message, **extra}, status_code=status, headers=headers)


