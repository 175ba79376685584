"""The FastAPI application: authentication, the error envelope, request logging.

Every failure leaves as ``{"error": {"code", "message", ...}}`` with a 4xx status, including
the framework's own (validation, malformed JSON, unknown routes), so clients branch on one
shape. Endpoints are plain ``def`` functions: uvicorn runs them in its thread pool, so
concurrent requests really are concurrent and the database's write lock is what orders them.
The log line per request carries method, path, status and duration only: no query strings
(phone numbers, emails) and no bodies (OTP codes, PINs).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from server import __version__, approval, routes_claim_tokens, routes_rules
from server.errors import ServerError
from server.gate import MAX_BODY_BYTES, Gate
from server.models import describe_errors
from server.ordering import routes as ordering_routes
from server.ordering import web as ordering_web
from server.routes import router
from server.service import Backend

log = logging.getLogger("server.http")


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


def _validation_response(exc: RequestValidationError) -> JSONResponse:
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return _error(400, "malformed_json", "The request body is not valid JSON")
    message, field = describe_errors(errors)
    return _error(422, "invalid_request", message, field=field)


def _allowed(app: FastAPI, req: Request) -> str:
    """The ``Allow`` header of a 405 (RFC 9110 15.5.6): every method the API documents for
    the path, whichever router serves it."""
    path = req.url.path
    methods: set[str] = set()
    for template, item in app.openapi().get("paths", {}).items():
        regex, _, _ = compile_path(template)
        if regex.match(path):
            methods |= {m.upper() for m in item if m in _HTTP_METHODS}
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


_HTTP_METHODS = frozenset({"get", "put", "post", "delete", "patch", "options", "head"})


def create_app(backend: Backend) -> FastAPI:
    app = FastAPI(
        title="Loyalty backend",
        version=__version__,
        description="Reference loyalty backend for the loyalty till: HTTP API v1.",
    )
    app.state.backend = backend
    approval.warm_up()
    app.include_router(router)
    app.include_router(routes_claim_tokens.router)  # issue 17: receipt claim tokens
    app.include_router(routes_rules.router)  # issue 16: catalogue, campaigns, returns
    app.include_router(ordering_routes.router)  # issue 18: table orders for tills
    app.include_router(ordering_web.router)  # issue 18: the member page at the table, /t/

    @app.exception_handler(ServerError)
    async def _server_error(_req: Request, exc: ServerError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(req: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return _error(404, "not_found", "No such endpoint")
        if exc.status_code == 413:
            return _error(
                413, "payload_too_large", f"Request bodies are limited to {MAX_BODY_BYTES} bytes"
            )
        if exc.status_code == 405:
            response = _error(
                405, "method_not_allowed", "This endpoint does not accept that method"
            )
            response.headers["Allow"] = _allowed(app, req)
            return response
        return _error(exc.status_code, "http_error", str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_req: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected %s", type(exc).__name__, exc_info=exc)
        return _error(500, "internal_error", "The loyalty backend failed; please retry")

    # Outermost: the key and the body limit are checked before the framework reads a byte.
    app.add_middleware(Gate, backend=backend)
    return app
