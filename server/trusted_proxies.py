"""Which peers may say who the client is: ``serve --trusted-proxy`` (issue 18, per-client limits).

Why it matters: the member page limits login guesses per client address as well as per phone
number (``server.ordering.member_auth``). Behind a reverse proxy (nginx, a load balancer) every
request comes from the proxy's address, and the real client is in ``X-Forwarded-For`` (the de
facto header; RFC 7239 ``Forwarded`` is its standard form). Anyone can send that header, so it
is believed only from a proxy the operator names. uvicorn, left to itself, believes it from
127.0.0.1 and ::1 (or ``FORWARDED_ALLOW_IPS``), which would let a program on the server's own
machine pick a fresh "client" for every guess; here nothing is trusted unless configured.

Configured with ``--trusted-proxy ADDR`` (repeatable; an address or CIDR network, e.g.
``10.0.0.5`` or ``10.0.0.0/24``) or ``TILL_SERVER_TRUSTED_PROXIES`` (comma-separated). uvicorn's
``ProxyHeadersMiddleware`` then takes the right-most address in ``X-Forwarded-For`` that is not
a trusted proxy as ``request.client``, for the limits and the request log alike.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
from typing import Any

ENV = "TILL_SERVER_TRUSTED_PROXIES"


def _checked(entry: str) -> str:
    """``entry`` when it is an IP address or network, else argparse's plain error."""
    text = entry.strip()
    try:
        ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{entry!r} is not an IP address or network (e.g. 10.0.0.5, 10.0.0.0/24)"
        ) from None
    return text


def add_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--trusted-proxy",
        action="append",
        type=_checked,
        default=None,
        metavar="ADDR",
        help=(
            "a reverse proxy whose X-Forwarded-For names the client (address or CIDR; "
            f"repeatable; default ${ENV} or none: the header is ignored)"
        ),
    )


def trusted(args: argparse.Namespace) -> list[str]:
    given = getattr(args, "trusted_proxy", None)
    if given:
        return list(given)
    return [_checked(e) for e in os.environ.get(ENV, "").split(",") if e.strip()]


def uvicorn_options(args: argparse.Namespace) -> dict[str, Any]:
    """``uvicorn.Config`` keywords: proxy headers only from the configured proxies."""
    proxies = trusted(args)
    if not proxies:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": proxies}
