"""Request bodies and documented answers of the ordering API (``routes``).

Bodies follow ``server.models`` (``Body``: no extra fields, no control characters); answers
are described only, for the OpenAPI document, as in ``server.responses``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, StringConstraints

from server import text
from server.models import Approval, Body, Id, OpId, PositiveMoney, ReceiptNo

TABLE_PATTERN = r"^[A-Za-z0-9_\-]{1,16}$"
TableCode = Annotated[str, StringConstraints(pattern=TABLE_PATTERN)]
ItemCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_\-]{1,32}$")]
States = Literal["open", "taken", "paid", "cancelled"]
# An absolute https URL (http only for loopback, i.e. a developer's machine): members are
# sent there with their session, so it must not be a page anyone on the path can read. The
# rule is a pattern, so the OpenAPI document states it exactly.
_NOT_IN_URL = f"\\s{text.CONTROL_CLASS}"
URL_PATTERN = (
    f"^(https://[^{_NOT_IN_URL}/?#@:]+(:[0-9]{{1,5}})?"
    r"|http://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?)"
    f"([/?#][^{_NOT_IN_URL}]*)?$"
)
Text100 = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100, pattern=text.SOME_TEXT_PATTERN),
    AfterValidator(text.stripped),
]
Url = Annotated[str, StringConstraints(min_length=8, max_length=500, pattern=URL_PATTERN)]


class MenuItemIn(Body):
    """An item of the store's menu; name and price may be left out for catalogued codes."""

    code: ItemCode
    name: Text100 | None = None
    price: PositiveMoney | None = None


class OrderingPut(Body):
    """``PUT /v1/ordering``: the store's whole ordering configuration (manager-approved)."""

    enabled: Annotated[bool, Field(strict=True)]
    program_name: Text100
    reset_url: Url | None = None
    portal_url: Url | None = None
    public_url: Url | None = None
    # Absent: the menu stays as it is; a list replaces it.
    menu: Annotated[list[MenuItemIn], Field(max_length=500)] | None = None
    approval: Approval | None = None


class OrderPaid(Body):
    """``POST /v1/orders/{id}/paid``."""

    receipt_no: ReceiptNo
    op_id: OpId


class OrderPaidOp(Body):
    """The same as an operation of ``POST /v1/ops`` (kind ``order_paid``): replayed by an
    offline till exactly once, by its op_id like every other operation."""

    op_id: OpId
    order_id: Id
    receipt_no: ReceiptNo


class OrderCancel(Body):
    """``POST /v1/orders/{id}/cancel``: with an ``op_id``, exactly once per op_id (as kind
    ``order_cancel`` in /v1/ops), so a till can journal it; without one, as before."""

    op_id: OpId | None = None


class OrderCancelOp(Body):
    """The same as an operation of ``POST /v1/ops`` (kind ``order_cancel``): a table order
    cancelled at a till (a voided sale, or the cashier's key), replayed once when offline."""

    op_id: OpId
    order_id: Id


# -- documented answers -----------------------------------------------------------------
class OrderLine(BaseModel):
    line_no: int
    code: str | None
    name: str
    quantity: int
    amount: str


class Order(BaseModel):
    id: int
    store: str
    table: str
    state: States
    customer_id: int | None
    member_name: str | None
    lines: list[OrderLine]
    total: str
    created_at: str
    taken_by: str | None
    receipt_no: str | None


class Orders(BaseModel):
    orders: list[Order]
    cursor: str


class MenuItem(BaseModel):
    code: str
    name: str
    price: str


class Ordering(BaseModel):
    store: str
    enabled: bool
    program_name: str
    reset_url: str | None
    portal_url: str | None
    public_url: str | None
    menu: list[MenuItem]


class TableQr(BaseModel):
    store: str
    table: str
    url: str
    expires_at: str = Field(description="UTC ISO 8601")
