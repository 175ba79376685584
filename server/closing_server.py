"""uvicorn's server, stopping the tills' long polls first.

uvicorn's graceful shutdown waits for the requests in progress, and a till's order feed
(``GET /v1/orders/feed``) may wait 25 seconds for news: without this, every stop of the
backend (systemd, the demo's backend switch) would hang for that long or be cut off by
``timeout_graceful_shutdown``. The feed's bell answers every waiting request at once.
"""

from __future__ import annotations

from types import FrameType

import uvicorn

from server.ordering.feed import BELL


class ClosingServer(uvicorn.Server):
    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        BELL.close()
        super().handle_exit(sig, frame)
