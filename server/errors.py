"""Error base of the server package.

Every known condition carries its HTTP status and a stable snake_case code so that the till
can branch on the code and show the message to a cashier. ``commit`` marks errors whose
bookkeeping (a wrong OTP or PIN attempt) must be kept although the request failed: the
transaction commits those counters instead of rolling them back, otherwise the attempt
limits could be bypassed.
"""

from __future__ import annotations

from typing import Any


class ServerError(Exception):
    """A known backend condition; the HTTP layer maps it to a status and an error code."""

    status = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        commit: bool = False,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.commit = commit
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, **self.extra}}


class NotFound(ServerError):
    status = 404
    code = "not_found"


class Conflict(ServerError):
    status = 409
    code = "conflict"


class Forbidden(ServerError):
    status = 403
    code = "forbidden"


class TooMany(ServerError):
    status = 429
    code = "rate_limited"


class InvalidRequest(ServerError):
    """Semantic validation failures outside pydantic (e.g. a date in the future)."""

    status = 422
    code = "invalid_request"


class Unauthorized(ServerError):
    status = 401
    code = "unauthorized"


class Unavailable(ServerError):
    """A dependency of the backend (the SMS gateway) failed; transient for the client."""

    status = 503
    code = "unavailable"
