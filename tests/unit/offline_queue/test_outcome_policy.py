"""Every row of the one policy table, and the replies that used to be misjudged (issue 11)."""

from __future__ import annotations

from typing import Any

import pytest

from offline_queue.outcome_policy import RULES, Reply, Shape, Verdict, decide, reply_of


def err(code: str, **details: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": "plain words", **details}}


# (rule name, status, body, verdict): at least one example per row of RULES.
EXAMPLES: list[tuple[str, int | None, Any, Verdict]] = [
    ("no reply", None, None, Verdict.RETRY),
    ("applied", 200, {"points": 5}, Verdict.DONE),
    ("applied", 201, {}, Verdict.DONE),
    ("key refused", 401, err("unauthorized"), Verdict.KEY),
    ("key refused", 401, "<html>Unauthorized</html>", Verdict.KEY),
    ("key revoked", 403, err("key_revoked"), Verdict.KEY),
    ("not the backend", 403, "<html>Forbidden</html>", Verdict.RETRY),
    ("cashier refusal", 403, err("otp_invalid", attempts_left=3), Verdict.REFUSED),
    ("cashier refusal", 403, err("approval_invalid"), Verdict.REFUSED),
    ("cashier 429", 429, err("otp_locked"), Verdict.REFUSED),
    ("cashier 429", 429, err("approval_locked"), Verdict.REFUSED),
    ("busy", 429, err("rate_limited"), Verdict.RETRY),
    ("busy", 423, err("locked"), Verdict.RETRY),
    ("busy", 408, None, Verdict.RETRY),
    ("busy", 413, err("payload_too_large"), Verdict.RETRY),
    ("server error", 500, err("internal_error"), Verdict.RETRY),
    ("server error", 503, "<html>Service Unavailable</html>", Verdict.RETRY),
    ("not the backend", 404, "<html>Not Found</html>", Verdict.RETRY),
    ("not the backend", 400, {"detail": "bad"}, Verdict.RETRY),
    ("not the backend", 409, None, Verdict.RETRY),
    ("not the backend", 422, {"error": "text, not an object"}, Verdict.RETRY),
    ("cancelled", 409, err("op_cancelled"), Verdict.CANCELLED),
    ("unknown route", 404, err("not_found"), Verdict.RETRY),
    ("unknown route", 405, err("method_not_allowed"), Verdict.RETRY),
    ("cashier refusal", 422, err("otp_invalid", attempts_left=2), Verdict.REFUSED),
    ("cashier refusal", 409, err("insufficient_points"), Verdict.REFUSED),
    ("cashier refusal", 404, err("not_found", customer_id=7), Verdict.REFUSED),
    ("manager review", 409, err("idempotency_conflict"), Verdict.REVIEW),
    ("manager review", 422, err("invalid_request", field="occurred_at"), Verdict.REVIEW),
    ("manager review", 400, err("invalid_request"), Verdict.REVIEW),
    ("order refused", 409, err("order_taken"), Verdict.REVIEW),
    ("order refused", 404, err("order_not_found"), Verdict.REVIEW),
    ("return refused", 409, err("return_exceeds_sale"), Verdict.REVIEW),
    ("return refused", 404, err("receipt_not_found"), Verdict.REVIEW),
    ("registration refused", 409, err("customer_exists", field="phone"), Verdict.REVIEW),
    ("registration refused", 422, err("invalid_phone", field="phone"), Verdict.REVIEW),
    ("anything else", 302, None, Verdict.RETRY),
    ("anything else", 100, None, Verdict.RETRY),
]


@pytest.mark.parametrize(("rule", "status", "body", "verdict"), EXAMPLES)
def test_each_row(rule: str, status: int | None, body: Any, verdict: Verdict) -> None:
    decision = decide(Reply(status, body))
    assert (decision.rule, decision.verdict) == (rule, verdict)


def test_every_row_has_an_example() -> None:
    """A row nobody exercises is a row nobody checked."""
    assert {r.name for r in RULES} == {e[0] for e in EXAMPLES}


def test_a_proxy_page_is_never_a_refusal() -> None:
    """Findings 5 and 6: only the backend's own JSON error body can refuse an operation."""
    for status in range(400, 500):
        for body in (None, "", "<html>nope</html>", {"message": "x"}, [1, 2]):
            assert not decide(Reply(status, body)).verdict.not_applied, (status, body)


def test_the_error_shape() -> None:
    assert Reply(400, err("x")).shape == Shape.ERROR
    assert Reply(400, {"error": {"code": 3, "message": "m"}}).shape == Shape.OTHER
    assert Reply(400, {"error": {"code": "x"}}).shape == Shape.OTHER
    assert Reply(None).code == "no_reply" and Reply(502, "<html/>").code == "http_502"


def test_error_record_keeps_the_backends_words_and_details() -> None:
    record = decide(Reply(422, err("otp_invalid", attempts_left=1))).error_record()
    assert record == {"code": "otp_invalid", "status": 422, "message": "plain words",
                      "attempts_left": 1}  # fmt: skip


def test_verdict_properties() -> None:
    assert {v for v in Verdict if v.settled} == {Verdict.DONE, Verdict.REFUSED, Verdict.CANCELLED}
    assert not Verdict.KEY.not_applied and not Verdict.RETRY.not_applied


def test_reply_of_exceptions() -> None:
    class Carrier(Exception):
        reply = Reply(409, err("op_cancelled"))

    class Duck(Exception):
        status = 400
        code = "invalid_request"

    class Bare(Exception):
        status = 404

    assert reply_of(Carrier()) == Carrier.reply
    duck = reply_of(Duck("bad body"))
    assert duck is not None and decide(duck).verdict == Verdict.REVIEW
    bare = reply_of(Bare())
    assert bare is not None and decide(bare).verdict == Verdict.RETRY
    assert reply_of(ValueError()) is None
