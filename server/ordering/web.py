"""The member's page at the table, ``/t/{token}`` (issue 18; seed 000's "SmartWeb").

Server-rendered HTML (Jinja2, autoescaped) with one small script; no build chain. Every
page first checks the table token (``table_tokens``): a forged, expired, rotated or other
store's token, or a store with ordering off, gets a plain page and nothing else. Then the
session (``sessions``): nothing about a member is shown before login; every form carries
the session's CSRF token, and a POST without the right one is refused (403). Answers carry
a Content-Security-Policy allowing only this origin's script and style (no inline code),
``Referrer-Policy: no-referrer`` (the token is in the URL; the rewards portal must not get
it), ``X-Frame-Options``/``frame-ancestors`` against framing, and ``Cache-Control:
no-store`` (a shared phone's back button must not show a member's page after logout).
Pages are in the guest's, the store's or the browser's language (``i18n``); guessing is
counted per number and per client address (``member_auth``, ``server.trusted_proxies``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Connection

from server.db import read, write
from server.errors import InvalidRequest, ServerError, TooMany
from server.models import MAX_ID
from server.ordering import config, i18n, member_auth, orders, pages, rewards, sessions, throttle
from server.ordering.feed import BELL
from server.ordering.member_auth import LoginFailed
from server.routes import Svc
from server.service import Backend

router = APIRouter(prefix="/t", include_in_schema=False)


def _client(request: Request) -> str | None:
    """The client counted for guessing: the peer, or what a configured proxy says (uvicorn,
    ``server.trusted_proxies``), as ``throttle.client_key`` groups addresses."""
    return throttle.client_key(request.client.host if request.client is not None else None)


@router.get("/assets/{name}")
def asset(request: Request, name: str) -> Response:
    if name not in pages.ASSETS:
        lang = i18n.choose(
            request.cookies.get(i18n.COOKIE), None, request.headers.get("accept-language")
        )
        return pages.plain(404, "plain.not_found", "", i18n.Words.of(lang))
    body = (pages.HERE / "static" / name).read_bytes()
    response = Response(body, media_type=pages.ASSETS[name])
    response.headers.update(pages.SECURITY_HEADERS)
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


@router.get("/{token}")
@pages.guarded
def home(request: Request, token: str, svc: Svc, done: str = "") -> Response:
    visit = pages.visit_of(request, token, svc)
    if visit.member is None:
        notice = pages.NOTICES.get(done)
        return pages.login_page(visit, notice=visit.words(notice) if notice else None)
    return _menu_page(visit, svc)


def _menu_page(visit: pages.Visit, svc: Backend, **ctx: Any) -> Response:
    menu = read(svc.engine, lambda c: config.menu(c, visit.seat.store_id, visit.seat.merchant_id))
    cart = visit.session.cart
    total = sum((m.price * cart.get(m.code, 0) for m in menu), Decimal(0))
    return pages.html(
        "menu.html",
        200,
        visit,
        menu=menu,
        cart=cart,
        total=total,
        max_quantity=orders.MAX_QUANTITY,
        **ctx,
    )


@router.post("/{token}/login")
@pages.guarded
def login(request: Request, token: str, svc: Svc, form: pages.Form) -> Response:
    visit = pages.posted(request, token, svc, form)
    phone = form.get("phone", "")[:40]
    try:
        member = member_auth.login(
            svc.engine,
            visit.seat.store_id,
            visit.seat.merchant_id,
            phone,
            form.get("password", "")[: member_auth.MAX_PASSWORD],
            svc.clock,
            client=_client(request),
        )
    except (LoginFailed, TooMany, InvalidRequest) as exc:
        return pages.login_page(visit, exc.status, error=visit.words.error(exc), phone=phone)
    cookie, session = write(
        svc.engine, lambda c: sessions.log_in(c, visit.session, member.id, svc.clock)
    )
    visit.session, visit.member, visit.new_cookie = session, member, cookie
    return pages.redirect(visit, "")


@router.post("/{token}/logout")
@pages.guarded
def logout(request: Request, token: str, svc: Svc, form: pages.Form) -> Response:
    visit = pages.posted(request, token, svc, form)
    write(svc.engine, lambda c: sessions.end(c, visit.session))
    response = pages.redirect(visit, "")
    response.delete_cookie(sessions.COOKIE, path="/", secure=True, httponly=True, samesite="lax")
    return response


@router.get("/{token}/password")
@pages.guarded
def password_start(request: Request, token: str, svc: Svc) -> Response:
    return pages.html("code_request.html", 200, pages.visit_of(request, token, svc))


@router.post("/{token}/password/code")
@pages.guarded
def password_code(request: Request, token: str, svc: Svc, form: pages.Form) -> Response:
    visit = pages.posted(request, token, svc, form)
    phone = form.get("phone", "")[:40]
    sender = visit.settings.program_name or visit.seat.store_code
    try:
        sms = member_auth.request_code(
            svc.engine,
            visit.seat.store_id,
            visit.seat.merchant_id,
            phone,
            sender,
            svc.clock,
            client=_client(request),
        )
        if sms is not None:
            svc.sms.send(sms)  # after commit: never a code for a row that does not exist
    except ServerError as exc:
        error = visit.words.error(exc)
        return pages.html("code_request.html", exc.status, visit, error=error, phone=phone)
    return pages.html(
        "set_password.html", 200, visit, phone=phone, min_length=member_auth.MIN_PASSWORD
    )


@router.post("/{token}/password")
@pages.guarded
def password_set(request: Request, token: str, svc: Svc, form: pages.Form) -> Response:
    visit = pages.posted(request, token, svc, form)
    phone = form.get("phone", "")[:40]
    password = form.get("password", "")
    try:
        member_auth.check_password_rules(password, form.get("password2", ""))
        used = member_auth.set_password(
            svc.engine,
            visit.seat.store_id,
            visit.seat.merchant_id,
            phone,
            form.get("code", "")[:6],
            password,
            svc.clock,
            client=_client(request),
        )
    except ServerError as exc:
        return pages.html(
            "set_password.html",
            exc.status,
            visit,
            phone=phone,
            error=visit.words.error(exc),
            min_length=member_auth.MIN_PASSWORD,
        )
    svc.sms.retire(used)
    return pages.redirect(visit, "?done=password")


@router.get("/{token}/rewards")
@pages.guarded
def my_rewards(request: Request, token: str, svc: Svc) -> Response:
    visit = pages.member_visit(request, token, svc, None)
    if visit.settings.portal_url:
        return pages.headers(RedirectResponse(visit.settings.portal_url, status_code=303))
    assert visit.member is not None
    member_id = visit.member.id
    summary = read(
        svc.engine,
        lambda c: rewards.summary(c, visit.seat.store_id, visit.seat.merchant_id, member_id),
    )
    return pages.html("rewards.html", 200, visit, **summary)


@router.post("/{token}/cart")
@pages.guarded
def put_cart(request: Request, token: str, svc: Svc, form: pages.Form) -> Response:
    visit = pages.member_visit(request, token, svc, form)
    cart: dict[str, int] = {}
    for key, value in form.items():
        if key.startswith("qty_") and value.strip().isdigit() and len(value) <= 3:
            qty = min(int(value), orders.MAX_QUANTITY)
            if qty > 0:
                cart[key[4:36]] = qty
    write(svc.engine, lambda c: sessions.save_cart(c, visit.session, cart))
    return pages.redirect(visit, "/cart")


@router.get("/{token}/cart")
@pages.guarded
def show_cart(request: Request, token: str, svc: Svc) -> Response:
    visit = pages.member_visit(request, token, svc, None)
    menu = {
        m.code: m
        for m in read(
            svc.engine, lambda c: config.menu(c, visit.seat.store_id, visit.seat.merchant_id)
        )
    }
    lines = [
        pages.CartLine(menu[code].name, qty, menu[code].price * qty)
        for code, qty in visit.session.cart.items()
        if code in menu
    ]
    total = sum((ln.amount for ln in lines), Decimal(0))
    return pages.html("cart.html", 200, visit, lines=lines, total=total)


@router.post("/{token}/confirm")
@pages.guarded
def confirm(request: Request, token: str, svc: Svc, form: pages.Form) -> Response:
    visit = pages.member_visit(request, token, svc, form)
    assert visit.member is not None
    member_id = visit.member.id

    def tx(conn: Connection) -> int:
        order_id = orders.create(
            conn,
            visit.seat.store_id,
            visit.seat.merchant_id,
            visit.seat.table,
            member_id,
            visit.session.cart,
            svc.clock,
        )
        sessions.save_cart(conn, visit.session, {})
        return order_id

    try:
        order_id = write(svc.engine, tx)
    except ServerError as exc:
        return _menu_page(visit, svc, error=visit.words.error(exc))
    BELL.ring()
    return pages.redirect(visit, f"/orders/{order_id}")


@router.get("/{token}/orders/{order_id}")
@pages.guarded
def order_sent(request: Request, token: str, order_id: int, svc: Svc) -> Response:
    visit = pages.member_visit(request, token, svc, None)
    assert visit.member is not None
    member_id = visit.member.id
    if not 0 < order_id <= MAX_ID:
        return pages.plain(404, "plain.no_order", "", visit.words)
    order = read(
        svc.engine, lambda c: orders.of_member(c, visit.seat.store_id, member_id, order_id)
    )
    if order is None:
        return pages.plain(404, "plain.no_order", "", visit.words)
    return pages.html("done.html", 200, visit, order=order)
