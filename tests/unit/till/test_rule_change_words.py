"""The end-of-shift summary's rule changes in words (issue 12, finding 10)."""

from __future__ import annotations

import pytest

from till.manager.shift_summary import describe_change


@pytest.mark.parametrize(
    ("action", "detail", "words"),
    [
        (
            "policy",
            {"otp_required": True, "otp_min_value": "10.00"},
            "OTP policy: redemptions worth 10.00 or more need the customer's code.",
        ),
        (
            "policy",
            {"otp_required": True, "otp_min_value": "0.00"},
            "OTP policy: every redemption needs the customer's code.",
        ),
        (
            "policy",
            {"otp_required": False, "otp_min_value": "5.00"},
            "OTP policy: no code is asked when points are redeemed.",
        ),
        ("otp_unlock", {"customer_id": 7}, "Code lock lifted for customer 7."),
        (
            "program",
            {"program": "GOLD", "range_start": "60000000", "range_end": "60999999"},
            "Card program GOLD: numbers 60000000 to 60999999.",
        ),
        ("cards_registered", {"program": "GOLD", "cards": 1}, "1 card registered in program GOLD."),
        ("store_moved", {"new_name": "North"}, "Store moved: new name North."),
    ],
)
def test_rule_changes_read_as_sentences(action: str, detail: dict[str, object], words: str) -> None:
    assert describe_change(action, detail) == words
