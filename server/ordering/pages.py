"""What every member page shares: the table and session of a request, rendering with the
security headers, the form body, and the refusal pages (``web`` has the pages themselves).

See ``web`` for the rules; the cookie is set here, always ``Secure``, ``HttpOnly`` and
``SameSite=Lax`` (``sessions``). Nothing here weakens that for tests: they serve the pages
over https (tests/e2e/web/tls_proxy.py) or send the cookie themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, ParamSpec
from urllib.parse import parse_qsl

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Connection, select

from server.db import read, write
from server.ordering import config, member_auth, sessions, table_tokens
from server.ordering.member_auth import Member
from server.ordering.table_tokens import BadToken, Seat
from server.schema import stores
from server.service import Backend

P = ParamSpec("P")
HERE = Path(__file__).parent
ENV = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
ASSETS = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
MAX_FORM_BYTES = 16_384
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Strict-Transport-Security": "max-age=31536000",
}
NOTICES = {"password": "Your password is set. Please log in."}
BAD_TOKEN = {
    "forged": (404, "This code does not work", "Please ask your waiter for the table's QR code."),
    "expired": (410, "This code has expired", "Please ask your waiter for a new QR code."),
    "rotated": (410, "This code has expired", "Please ask your waiter for a new QR code."),
}


@dataclass(frozen=True)
class CartLine:
    name: str
    quantity: int
    amount: Decimal


@dataclass
class Visit:
    token: str
    seat: Seat
    settings: config.Settings
    currency: str
    session: sessions.Session
    member: Member | None
    new_cookie: str | None = None


def headers(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response


def html(name: str, status: int = 200, visit: Visit | None = None, **ctx: Any) -> Response:
    if visit is not None:
        ctx.setdefault("token", visit.token)
        ctx.setdefault("program", visit.settings.program_name)
        ctx.setdefault("table", visit.seat.table)
        ctx.setdefault("csrf", visit.session.csrf)
        ctx.setdefault("member", visit.member)
        ctx.setdefault("currency", visit.currency)
    response = HTMLResponse(ENV.get_template(name).render(**ctx), status_code=status)
    if visit is not None and visit.new_cookie is not None:
        set_cookie(response, visit.new_cookie)
    return headers(response)


def plain(status: int, title: str, text: str) -> Response:
    return html("plain.html", status, title=title, text=text)


def set_cookie(response: Response, value: str) -> None:
    response.set_cookie(
        sessions.COOKIE,
        value,
        max_age=sessions.TTL_S,
        path="/",
        secure=True,
        httponly=True,
        samesite="lax",
    )


def redirect(visit: Visit, path: str) -> Response:
    response = RedirectResponse(f"/t/{visit.token}{path}", status_code=303)
    if visit.new_cookie is not None:
        set_cookie(response, visit.new_cookie)
    return headers(response)


class Refused(Exception):
    def __init__(self, response: Response) -> None:
        self.response = response


def visit_of(request: Request, token: str, svc: Backend) -> Visit:
    """The table, the store's settings and the session of this request, or ``Refused``."""
    cookie = request.cookies.get(sessions.COOKIE)

    def look(conn: Connection) -> tuple[Seat, config.Settings, str, sessions.Session | None]:
        seat = table_tokens.verify(conn, token, svc.clock)
        currency = conn.execute(
            select(stores.c.currency).where(stores.c.id == seat.store_id)
        ).scalar()
        found = sessions.find(conn, cookie, seat.store_id, svc.clock)
        return seat, config.settings(conn, seat.store_id), str(currency or ""), found

    try:
        seat, settings, currency, session = read(svc.engine, look)
    except BadToken as exc:
        raise Refused(plain(*BAD_TOKEN[exc.reason])) from None
    if not settings.enabled:
        raise Refused(
            plain(404, "Ordering is not available", "Please order with the staff at this store.")
        )
    new_cookie = None
    if session is None:
        new_cookie, session = write(
            svc.engine, lambda c: sessions.open_session(c, seat.store_id, svc.clock)
        )
    member = None
    if session.customer_id is not None:
        member = member_auth.member_by_id(svc.engine, seat.merchant_id, int(session.customer_id))
    return Visit(token, seat, settings, currency, session, member, new_cookie)


async def form_of(request: Request) -> dict[str, str]:
    """An ``application/x-www-form-urlencoded`` body (WHATWG URL, 5.1), bounded."""
    if (
        request.headers.get("content-type", "").split(";")[0].strip()
        != "application/x-www-form-urlencoded"
    ):
        return {}
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=200)
    except (UnicodeDecodeError, ValueError):
        return {}
    return dict(pairs)


Form = Annotated[dict[str, str], Depends(form_of)]


def posted(request: Request, token: str, svc: Backend, form: dict[str, str]) -> Visit:
    visit = visit_of(request, token, svc)
    if visit.new_cookie is not None or not sessions.csrf_ok(visit.session, form.get("csrf")):
        raise Refused(
            plain(403, "This page has expired", "Please go back, reload the page and try again.")
        )
    return visit


def guarded(fn: Callable[P, Response]) -> Callable[P, Response]:
    """Turns ``Refused`` into its page (keeps each handler linear)."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> Response:
        try:
            return fn(*args, **kwargs)
        except Refused as refused:
            return refused.response

    return run


def login_page(visit: Visit, status: int = 200, **ctx: Any) -> Response:
    return html("login.html", status, visit, reset_url=visit.settings.reset_url, **ctx)


def member_visit(request: Request, token: str, svc: Backend, form: dict[str, str] | None) -> Visit:
    visit = posted(request, token, svc, form) if form is not None else visit_of(request, token, svc)
    if visit.member is None:
        raise Refused(login_page(visit, 401, error="Please log in first."))
    return visit
