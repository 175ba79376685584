"""The manager's and technician's wire shapes parse once into typed values (issue 11)."""

from __future__ import annotations

from decimal import Decimal

from till.wire_reports import (
    AuditEntry,
    CardsResult,
    Program,
    RedemptionsReport,
    ShiftReport,
    Transaction,
)

TX = {
    "id": 41,
    "kind": "claim",
    "points": 32,
    "amount": "32.99",
    "value": None,
    "receipt_no": "R-7001",
    "occurred_at": "2026-11-20T10:00:00Z",
    "received_at": "2026-11-20T10:00:01Z",
    "created_at": "2026-11-20T10:00:01Z",
    "op_id": "op-1",
    "reverses": None,
    "corrects": 40,
    "reversed": False,
    "with_otp": False,
    "with_override": False,
    "approved": True,
    "reason": None,
}


def test_transactions_are_typed_money_decimal_ids_text() -> None:
    [tx] = Transaction.many({"customer_id": 7, "transactions": [TX]})
    assert tx.id == "41" and tx.kind == "claim" and tx.points == 32
    assert tx.amount == Decimal("32.99") and tx.value is None
    assert tx.corrects == "40" and tx.reverses is None and tx.approved is True
    assert tx.raw["op_id"] == "op-1"


def test_shift_report_and_redemptions_report() -> None:
    shift = ShiftReport.from_json(
        {
            "from": "a",
            "to": "b",
            "earned_points": 10,
            "redeemed_points": 5,
            "redeemed_value": "0.05",
            "redemptions_with_otp": 1,
            "redemptions_with_override": 0,
            "reversals": 2,
        }
    )
    assert shift.redeemed_value == Decimal("0.05") and shift.reversals == 2
    report = RedemptionsReport.from_json(
        {
            "from": "a",
            "to": "b",
            "group": "day",
            "rows": [
                {
                    "day": "2026-11-20",
                    "points": 500,
                    "value": "5.00",
                    "count": 2,
                    "with_otp": 1,
                    "with_override": 1,
                }
            ],
        }
    )
    assert report.rows[0].value == Decimal("5.00") and report.rows[0].day == "2026-11-20"


def test_audit_programs_cards() -> None:
    [entry] = AuditEntry.many(
        {
            "from": "a",
            "to": "b",
            "entries": [
                {"at": "t", "action": "policy", "staff": "m", "till": "T1", "detail": {"x": 1}}
            ],
        }
    )
    assert entry.action == "policy" and entry.detail == {"x": 1}
    [gold] = Program.many(
        {"programs": [{"name": "GOLD", "range_start": "1", "range_end": "9", "issued": 3}]}
    )
    assert gold == Program("GOLD", "1", "9", 3)
    assert CardsResult.from_json({"registered": 12}).registered == 12
