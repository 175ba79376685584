"""Hostile HTTP clients against the real server over loopback (issue 13, findings 1 and 8).

Raw sockets, because ``requests`` would neither drip bytes nor keep streaming once the
server has answered. The server's memory is read from ``/proc/<pid>/status`` (``VmHWM`` is
the peak resident set, so a burst between two samples is not missed).
"""

from __future__ import annotations

import select
import socket
import time
from pathlib import Path

import pytest
import requests

from server.embedded import EmbeddedBackend
from tests.fixtures.backend import BackendFactory

MB = 1024 * 1024
HUGE = 300 * MB
CHUNK = b"x" * MB
# Short on purpose so the test does not wait long; the production defaults are 10 s / 30 s.
FAST = ["--header-timeout", "1", "--body-timeout", "2", "--keep-alive", "1"]


def memory_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(f"{field} not in /proc/{pid}/status")


def connect(srv: EmbeddedBackend) -> socket.socket:
    return socket.create_connection(("127.0.0.1", srv.port), timeout=30)


def status_of(raw: bytes) -> int:
    assert raw.startswith(b"HTTP/1.1 "), raw[:200]
    return int(raw.split(b" ", 2)[1])


def stream_chunked(srv: EmbeddedBackend, headers: str, total: int) -> tuple[int, int]:
    """POSTs up to ``total`` bytes chunked, stopping when the server answers or closes.

    Returns (status, bytes sent). Bounded: never more than ``total``, and each send waits
    at most 30 s for the socket to be writable.
    """
    sock = connect(srv)
    sent = 0
    answer = b""
    try:
        sock.sendall(
            f"POST /v1/earn HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Transfer-Encoding: chunked\r\n{headers}\r\n".encode()
        )
        frame = f"{len(CHUNK):x}\r\n".encode() + CHUNK + b"\r\n"
        while sent < total:
            readable, writable, _ = select.select([sock], [sock], [], 30)
            if readable:
                break  # the server has answered (or closed): stop sending
            assert writable, "the server neither read nor answered for 30 s"
            try:
                sock.sendall(frame)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(CHUNK)
        sock.settimeout(30)
        try:
            while b"\r\n\r\n" not in answer:
                data = sock.recv(65536)
                if not data:
                    break
                answer += data
        except ConnectionResetError:
            pass
    finally:
        sock.close()
    return status_of(answer), sent


def wait_closed(sock: socket.socket, deadline: float, drip: bytes = b"") -> bool:
    """True once the server closes ``sock``; sends ``drip`` whenever it stays quiet."""
    while time.monotonic() < deadline:
        readable, _, _ = select.select([sock], [], [], 0.2)
        if readable:
            try:
                if sock.recv(65536) == b"":
                    return True
            except ConnectionResetError:
                return True
            continue
        if drip:
            try:
                sock.send(drip)
            except (BrokenPipeError, ConnectionResetError):
                return True
    return False


@pytest.fixture
def srv(backend_factory: BackendFactory) -> EmbeddedBackend:
    return backend_factory(extra_args=FAST)


@pytest.mark.slow
def test_a_huge_chunked_body_without_a_key_is_refused_unread(srv: EmbeddedBackend) -> None:
    assert srv.pid is not None
    before = memory_kb(srv.pid, "VmRSS")
    status, sent = stream_chunked(srv, "", HUGE)
    peak = memory_kb(srv.pid, "VmHWM")
    assert status == 401
    assert (peak - before) * 1024 < 50 * MB, f"RSS grew {(peak - before) // 1024} MB"
    assert sent < HUGE


@pytest.mark.slow
def test_a_huge_chunked_body_with_a_key_is_cut_off_at_the_limit(srv: EmbeddedBackend) -> None:
    assert srv.pid is not None
    before = memory_kb(srv.pid, "VmRSS")
    status, sent = stream_chunked(srv, f"Authorization: Bearer {srv.api_key}\r\n", HUGE)
    peak = memory_kb(srv.pid, "VmHWM")
    assert status == 413
    assert (peak - before) * 1024 < 50 * MB, f"RSS grew {(peak - before) // 1024} MB"
    assert sent < HUGE


def test_a_declared_huge_body_is_refused_before_it_is_sent(srv: EmbeddedBackend) -> None:
    with connect(srv) as sock:
        sock.sendall(
            f"POST /v1/earn HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {srv.api_key}\r\n"
            f"Content-Length: {HUGE}\r\n\r\n".encode()
        )
        assert status_of(sock.recv(65536)) == 413


def test_the_key_is_checked_before_the_body(srv: EmbeddedBackend) -> None:
    """Headers only, no body byte: the refusal comes anyway, and the connection closes."""
    with connect(srv) as sock:
        sock.sendall(b"POST /v1/earn HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n")
        answer = sock.recv(65536)
        assert status_of(answer) == 401
        assert b"connection: close" in answer.lower()
        assert wait_closed(sock, time.monotonic() + 30)


@pytest.mark.slow
def test_idle_slow_and_dripping_connections_are_closed(srv: EmbeddedBackend) -> None:
    """50 sockets: never a byte, half a request line, headers dripped a byte at a time,
    a body dripped after complete headers, and a keep-alive connection left idle."""
    socks: list[tuple[socket.socket, bytes]] = []
    try:
        for _ in range(15):
            socks.append((connect(srv), b""))  # idle from the start
        for _ in range(10):
            s = connect(srv)
            s.sendall(b"GET /v1/health HT")  # slow: half a request line, then silence
            socks.append((s, b""))
        for _ in range(10):
            s = connect(srv)
            s.sendall(b"GET /v1/health HTTP/1.1\r\nX-Drip: ")
            socks.append((s, b"a"))  # a header that never ends
        for _ in range(10):
            s = connect(srv)
            s.sendall(
                f"POST /v1/earn HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {srv.api_key}\r\n"
                "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{".encode()
            )
            socks.append((s, b" "))  # a body that never ends
        for _ in range(5):
            s = connect(srv)
            s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
            assert status_of(s.recv(65536)) == 200
            socks.append((s, b""))  # kept alive, then idle
        deadline = time.monotonic() + 60
        still_open = [i for i, (s, drip) in enumerate(socks) if not wait_closed(s, deadline, drip)]
        assert still_open == []
    finally:
        for s, _ in socks:
            s.close()
    # The server still serves.
    with connect(srv) as sock:
        sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert status_of(sock.recv(65536)) == 200


def test_a_405_names_the_allowed_methods(srv: EmbeddedBackend) -> None:
    auth = {"Authorization": f"Bearer {srv.api_key}"}
    r = requests.delete(f"{srv.url}/v1/earn", headers=auth, timeout=30)
    assert (r.status_code, r.headers.get("Allow")) == (405, "POST")
    r = requests.post(f"{srv.url}/v1/programs", headers=auth, json={}, timeout=30)
    assert (r.status_code, r.headers.get("Allow")) == (405, "GET, HEAD")
    assert r.json()["error"]["code"] == "method_not_allowed"


def test_connections_beyond_the_cap_are_closed(backend_factory: BackendFactory) -> None:
    srv = backend_factory(extra_args=["--max-connections", "5", "--header-timeout", "60"])
    socks = [connect(srv) for _ in range(8)]
    answered = closed = 0
    try:
        for s in socks:
            try:
                s.sendall(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
                reply = s.recv(65536)
            except (BrokenPipeError, ConnectionResetError):
                reply = b""
            if reply:
                assert status_of(reply) == 200
                answered += 1
            else:
                closed += 1
    finally:
        for s in socks:
            s.close()
    assert 1 <= answered <= 5
    assert closed >= 3
