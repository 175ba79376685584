"""Guessing from one client is slowed whatever the numbers (issue 18's leftover), against the
real server: per-number limits alone let one client try a common password on many numbers.

``X-Forwarded-For`` names the client only when ``serve --trusted-proxy`` names the peer
(``server.trusted_proxies``): without it, a forged header does not buy fresh tries; with it,
each forwarded client has its own count.
"""

from __future__ import annotations

import re

import requests

from server.ordering import throttle
from tests.fixtures.backend import BackendFactory
from tests.integration.server.client import Api
from tests.integration.server.test_orders import COOKIE, enable_ordering, table_url


class Phone:
    """One browser (session cookie and CSRF token kept by hand, as ``MemberHttp``), which may
    arrive through a proxy that names it in ``X-Forwarded-For``."""

    def __init__(self, url: str, forwarded_for: str | None = None) -> None:
        self.url = url
        self.headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
        r = requests.get(url, headers=self.headers, timeout=30)
        found = re.search(rf"{COOKIE}=([^;]*)", r.headers.get("set-cookie", ""))
        csrf = re.search(r'name="csrf" value="([^"]+)"', r.text)
        assert found and csrf, r.text
        self.cookie, self.csrf = found.group(1), csrf.group(1)

    def log_in(self, phone: str, password: str) -> requests.Response:
        return requests.post(
            self.url + "/login",
            data={"csrf": self.csrf, "phone": phone, "password": password},
            headers={**self.headers, "Cookie": f"{COOKIE}={self.cookie}"},
            allow_redirects=False,
            timeout=30,
        )


def numbers(start: int, count: int) -> list[str]:
    """Numbers no member has, each tried once: no per-number limit is ever reached."""
    return [f"+4477009{n:05d}" for n in range(start, start + count)]


def test_one_client_guessing_many_numbers_is_slowed(backend_factory: BackendFactory) -> None:
    srv = backend_factory()
    api = Api.of(srv)
    enable_ordering(api)
    phone = Phone(table_url(api, "2"))
    tried = [
        phone.log_in(n, "password1").status_code for n in numbers(10, throttle.CLIENT_FREE_TRIES)
    ]
    assert tried == [401] * throttle.CLIENT_FREE_TRIES
    slowed = phone.log_in(numbers(500, 1)[0], "password1")
    assert slowed.status_code == 429 and "Too many tries" in slowed.text
    # A forged proxy header is not believed: the same client, still waiting.
    spoofed = Phone(phone.url, forwarded_for="198.51.100.23")
    assert spoofed.log_in(numbers(600, 1)[0], "password1").status_code == 429


def test_a_configured_proxy_names_each_client(backend_factory: BackendFactory) -> None:
    srv = backend_factory(extra_args=["--trusted-proxy", "127.0.0.1/32"])
    api = Api.of(srv)
    enable_ordering(api)
    url = table_url(api, "2")
    guesser = Phone(url, forwarded_for="203.0.113.7")
    for n in numbers(10, throttle.CLIENT_FREE_TRIES):
        assert guesser.log_in(n, "password1").status_code == 401
    assert guesser.log_in(numbers(500, 1)[0], "password1").status_code == 429
    # Another guest behind the same proxy is not held up by the guesser.
    other = Phone(url, forwarded_for="203.0.113.8")
    assert other.log_in(numbers(700, 1)[0], "password1").status_code == 401
