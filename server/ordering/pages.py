"""What every member page shares: the table and session of a request, rendering with the
security headers, the form body, and the refusal pages (``web`` has the pages themselves).

See ``web`` for the rules; the cookie is set here, always ``Secure``, ``HttpOnly`` and
``SameSite=Lax`` (``sessions``). Every page is in one language (``i18n``): the guest's
choice (``?lang=``, kept in its own cookie), else the store's, else the browser's. Nothing here weakens that for tests: they serve the pages
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
from server.ordering import config, i18n, member_auth, sessions, table_tokens
from server.ordering.i18n import Words
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
NOTICES = {"password": "notice.password"}
BAD_TOKEN = {
    "forged": (404, "plain.forged.title", "plain.forged.text"),
    "expired": (410, "plain.expired.title", "plain.expired.text"),
    "rotated": (410, "plain.expired.title", "plain.expired.text"),
}
LANG_TTL_S = 365 * 24 * 3600


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
    words: Words
    here: str  # this page's path for the language links (the table's home after a POST)
    new_cookie: str | None = None
    new_lang: str | None = None


def headers(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response


def html(
    name: str, status: int = 200, visit: Visit | None = None, words: Words | None = None, **ctx: Any
) -> Response:
    words = words or (visit.words if visit is not None else Words.of("en"))
    ctx.update(words=words, _=words, money=words.money, points=words.points, day=words.day)
    if visit is not None:
        ctx.setdefault("here", visit.here)
        ctx.setdefault("token", visit.token)
        ctx.setdefault("program", visit.settings.program_name)
        ctx.setdefault("table", visit.seat.table)
        ctx.setdefault("csrf", visit.session.csrf)
        ctx.setdefault("member", visit.member)
        ctx.setdefault("currency", visit.currency)
    response = HTMLResponse(ENV.get_template(name).render(**ctx), status_code=status)
    if visit is not None:
        cookies(response, visit)
    return headers(response)


def plain(status: int, title: str, text: str, words: Words, visit: Visit | None = None) -> Response:
    """A page with only a title and a sentence (``title``/``text`` are ``page_texts`` keys)."""
    return html(
        "plain.html", status, visit, words, title=words(title), text=words(text) if text else ""
    )


def cookies(response: Response, visit: Visit) -> None:
    if visit.new_cookie is not None:
        set_cookie(response, visit.new_cookie)
    if visit.new_lang is not None:  # not a secret: a preference, readable by no script
        response.set_cookie(
            i18n.COOKIE,
            visit.new_lang,
            max_age=LANG_TTL_S,
            path="/",
            secure=True,
            httponly=True,
            samesite="lax",
        )


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
    cookies(response, visit)
    return headers(response)


class Refused(Exception):
    def __init__(self, response: Response) -> None:
        self.response = response


def visit_of(request: Request, token: str, svc: Backend) -> Visit:
    """The table, the store's settings and the session of this request, or ``Refused``."""
    cookie = request.cookies.get(sessions.COOKIE)
    asked = i18n.shipped(request.query_params.get("lang")) if request.method == "GET" else None
    chosen = asked or request.cookies.get(i18n.COOKIE)
    accept = request.headers.get("accept-language")

    def look(conn: Connection) -> tuple[Seat, config.Settings, Any, sessions.Session | None]:
        seat = table_tokens.verify(conn, token, svc.clock)
        store = conn.execute(
            select(stores.c.currency, stores.c.locale).where(stores.c.id == seat.store_id)
        ).first()
        found = sessions.find(conn, cookie, seat.store_id, svc.clock)
        return seat, config.settings(conn, seat.store_id), store, found

    try:
        seat, settings, store, session = read(svc.engine, look)
    except BadToken as exc:
        status, title, text = BAD_TOKEN[exc.reason]
        raise Refused(
            plain(status, title, text, Words.of(i18n.choose(chosen, None, accept)))
        ) from None
    locale = str(store.locale) if store is not None and store.locale else None
    currency = str(store.currency or "") if store is not None else ""
    words = Words.of(i18n.choose(chosen, locale, accept), locale, currency)
    if not settings.enabled:
        raise Refused(plain(404, "plain.off.title", "plain.off.text", words))
    new_cookie = None
    if session is None:
        new_cookie, session = write(
            svc.engine, lambda c: sessions.open_session(c, seat.store_id, svc.clock)
        )
    member = None
    if session.customer_id is not None:
        member = member_auth.member_by_id(svc.engine, seat.merchant_id, int(session.customer_id))
    here = request.url.path if request.method == "GET" else f"/t/{token}"
    return Visit(
        token, seat, settings, currency, session, member, words, here, new_cookie, new_lang=asked
    )


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
        raise Refused(plain(403, "plain.stale.title", "plain.stale.text", visit.words))
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
        raise Refused(login_page(visit, 401, error=visit.words("error.login_first")))
    return visit
