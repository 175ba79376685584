"""A thin ``requests`` wrapper for the backend tests: base URL, bearer key, fresh op ids."""

from __future__ import annotations

import uuid
from typing import Any

import requests

from server.embedded import EmbeddedBackend

ALICE = "+447700900123"  # 1240 points, card 40023817
BOB = "+447700900456"  # 350 points
CAROL = "+447700900789"  # 2875 points, alphanumeric card
DAN = "+447700900321"  # 5200 points
ERIN = "+447700900654"  # inactive
FRANK = "+447700900987"  # 150 points, no card


def op() -> str:
    return str(uuid.uuid4())


class Api:
    def __init__(self, base_url: str, key: str) -> None:
        self.base = base_url.rstrip("/") + "/v1"
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {key}"

    @classmethod
    def of(cls, backend: EmbeddedBackend) -> Api:
        return cls(backend.url, backend.api_key)

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.session.get(self.base + path, params=params, timeout=30)

    def post(self, path: str, body: Any) -> requests.Response:
        return self.session.post(self.base + path, json=body, timeout=30)

    def put(self, path: str, body: Any) -> requests.Response:
        return self.session.put(self.base + path, json=body, timeout=30)

    def raw(self, method: str, path: str, data: bytes) -> requests.Response:
        return self.session.request(
            method,
            self.base + path,
            data=data,
            headers={"Content-Type": "application/json"},
            timeout=30,
        )

    def customer(self, phone: str) -> dict[str, Any]:
        r = self.get("/customers/lookup", phone=phone)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    def balance(self, phone: str) -> int:
        return int(self.customer(phone)["balance"])

    def earn(
        self, customer_id: int, amount: str, receipt: str | None = None, **kw: Any
    ) -> requests.Response:
        body = {
            "op_id": op(),
            "customer_id": customer_id,
            "amount": amount,
            "receipt_no": receipt or f"R-{uuid.uuid4().hex[:12]}",
            **kw,
        }
        return self.post("/earn", body)

    def earn_points(self, customer_id: int, points: int) -> requests.Response:
        """``points`` points, in earns no larger than the demo's ``max_earn_amount``."""
        while True:
            chunk = min(points, 1000)
            r = self.earn(customer_id, f"{chunk}.00")
            assert r.status_code == 201, r.text
            points -= chunk
            if points <= 0:
                return r


def code_of(r: requests.Response) -> str:
    body = r.json()
    assert "error" in body, body
    return str(body["error"]["code"])
