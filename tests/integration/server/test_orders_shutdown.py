"""Stopping the backend answers the tills' waiting order feeds (a 25-second long poll).

Before: uvicorn's graceful shutdown waited for the poll in progress, then cut it off after
its grace period, so the till saw a broken connection and the stop took the whole grace.
Now the stop answers the poll (an empty page) and the till simply polls again."""

from __future__ import annotations

import http.client
import json
from pathlib import Path

import requests

from server.embedded import EmbeddedBackend


def test_a_waiting_feed_is_answered_when_the_backend_stops(tmp_path: Path) -> None:
    backend = EmbeddedBackend(tmp_path / "b", otp_ttl=30)
    backend.start()
    auth = {"Authorization": f"Bearer {backend.api_key}"}
    try:
        poll = http.client.HTTPConnection("127.0.0.1", backend.port, timeout=60)
        poll.request("GET", "/v1/orders/feed?wait=25", headers=auth)  # sent, not yet answered
        # The server's one event loop has read the poll by the time it answers this.
        assert requests.get(backend.url + "/v1/session", headers=auth, timeout=30).ok
    finally:
        backend.stop()
    try:
        answer = poll.getresponse()
        assert answer.status == 200
        assert json.loads(answer.read())["orders"] == []
    except (http.client.HTTPException, OSError) as exc:
        raise AssertionError(f"the waiting poll was cut off by the stop: {exc!r}") from exc
    finally:
        poll.close()
