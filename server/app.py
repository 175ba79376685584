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
import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from server import __version__
from server.errors import ServerError
from server.models import describe_errors
from server.routes import router
from server.service import Backend

log = logging.getLogger("server.http")
# 500 ops of about 1 kB each; anything larger is not a till talking to us.
MAX_BODY_BYTES = 1_000_000


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


def _validation_response(exc: RequestValidationError) -> JSONResponse:
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return _error(400, "malformed_json", "The request body is not valid JSON")
    message, field = describe_errors(errors)
    return _error(422, "invalid_request", message, field=field)


def create_app(backend: Backend) -> FastAPI:
    app = FastAPI(
        title="Loyalty backend",
        version=__version__,
        description="Reference loyalty backend for the loyalty till: HTTP API v1.",
    )
    app.state.backend = backend
    app.include_router(router)

    @app.exception_handler(ServerError)
    async def _server_error(_req: Request, exc: ServerError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_req: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return _error(404, "not_found", "No such endpoint")
        if exc.status_code == 405:
            return _error(405, "method_not_allowed", "This endpoint does not accept that method")
        return _error(exc.status_code, "http_error", str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_req: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected %s", type(exc).__name__, exc_info=exc)
        return _error(500, "internal_error", "The loyalty backend failed; please retry")

    @app.middleware("http")
    async def _log_requests(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            response: Response = _error(
                413, "payload_too_large", f"Request bodies are limited to {MAX_BODY_BYTES} bytes"
            )
        else:
            response = await call_next(request)
        log.info(
            "%s %s %s %.1fms",
            request.method,
            request.url.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response

    return app
