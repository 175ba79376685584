"""The till's own sentence for each error code the backend documents, in the till's language.

Why the till writes them and never shows the backend's ``message``: the backend answers in
English (``{"error": {"code", "message"}}``, docs/CONTRACTS.md); a German or Ukrainian
cashier must not read it. The ``code`` is the contract: every code the backend can send
(``server/errors.py`` and the routes) has a sentence here, translated in the ``.ts`` files
(``tests/unit/till/test_backend_words.py`` fails when one is missing, or has no de/uk
translation). An unknown code — a newer backend — gets :data:`GENERIC`, translated too.

Qt-free (:mod:`till.translate`): :mod:`till.backend_client` builds every
:class:`~till.backend_client.BackendError` message through :func:`plain_message`, on the
task runner's threads (``QCoreApplication.translate`` is thread-safe).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel import Locale, UnknownLocaleError

from till.translate import QT_TRANSLATE_NOOP, language, translate

CONTEXT = "BackendError"

# English source texts (the translations are in resources/translations/till_*.ts).
SENTENCES: dict[str, str] = {
    "not_found": QT_TRANSLATE_NOOP("BackendError", "No loyalty account was found."),
    "card_unassigned": QT_TRANSLATE_NOOP(
        "BackendError", "This card is not registered to a customer yet."
    ),
    "customer_inactive": QT_TRANSLATE_NOOP(
        "BackendError", "This loyalty account is inactive: it cannot earn or redeem points."
    ),
    "insufficient_points": QT_TRANSLATE_NOOP(
        "BackendError", "The customer does not have enough points for this."
    ),
    "otp_required": QT_TRANSLATE_NOOP(
        "BackendError", "This redemption needs the code sent to the customer's phone."
    ),
    "otp_invalid": QT_TRANSLATE_NOOP("BackendError", "That code is not right."),
    "otp_expired": QT_TRANSLATE_NOOP("BackendError", "The code has expired. Send a new code."),
    "otp_locked": QT_TRANSLATE_NOOP(
        "BackendError",
        "Too many wrong codes: this code is locked. A manager can override, or wait for it "
        "to expire.",
    ),
    "otp_resend_limited": QT_TRANSLATE_NOOP("BackendError", "A new code cannot be sent yet."),
    "otp_rate_limited": QT_TRANSLATE_NOOP(
        "BackendError",
        "Too many codes were requested for this customer. Try again in a few minutes.",
    ),
    "receipt_already_claimed": QT_TRANSLATE_NOOP(
        "BackendError", "Points for this receipt were already given."
    ),
    "receipt_not_found": QT_TRANSLATE_NOOP(
        "BackendError", "No sale with points was found for this receipt number at this store."
    ),
    "return_exceeds_sale": QT_TRANSLATE_NOOP(
        "BackendError", "That is more than is left to return on this receipt."
    ),
    "campaign_already_claimed": QT_TRANSLATE_NOOP(
        "BackendError", "This campaign's points were already claimed for this receipt."
    ),
    "campaign_not_applicable": QT_TRANSLATE_NOOP(
        "BackendError", "This campaign did not apply at the time of that sale."
    ),
    "approval_required": QT_TRANSLATE_NOOP("BackendError", "A manager must approve this."),
    "approval_invalid": QT_TRANSLATE_NOOP("BackendError", "The manager name or PIN is not right."),
    "approval_locked": QT_TRANSLATE_NOOP(
        "BackendError", "Too many wrong PINs: this manager is locked for 15 minutes."
    ),
    "idempotency_conflict": QT_TRANSLATE_NOOP(
        "BackendError",
        "This operation was already sent with different details. A manager must review it.",
    ),
    "unauthorized": QT_TRANSLATE_NOOP(
        "BackendError",
        "The till's API key was refused. A technician must check it under Settings.",
    ),
    "key_revoked": QT_TRANSLATE_NOOP(
        "BackendError",
        "The till's API key has been revoked. A technician must enter a new one under Settings.",
    ),
    "forbidden": QT_TRANSLATE_NOOP(
        "BackendError", "This till or this staff member may not do that."
    ),
    "range_overlap": QT_TRANSLATE_NOOP(
        "BackendError", "That number range overlaps another card program."
    ),
    "card_exists": QT_TRANSLATE_NOOP(
        "BackendError", "Some of these card numbers are already issued."
    ),
    "invalid_request": QT_TRANSLATE_NOOP(
        "BackendError", "The backend refused the request as invalid."
    ),
    "claim_token_invalid": QT_TRANSLATE_NOOP(
        "BackendError", "This receipt code is not valid: it may be damaged or altered."
    ),
    "claim_token_expired": QT_TRANSLATE_NOOP(
        "BackendError", "This receipt code is too old to collect points."
    ),
    "customer_exists": QT_TRANSLATE_NOOP(
        "BackendError", "A member with this phone number or email is already registered."
    ),
    "invalid_phone": QT_TRANSLATE_NOOP("BackendError", "That phone number is not valid."),
    "already_returned": QT_TRANSLATE_NOOP(
        "BackendError", "Goods of this receipt were returned: the return settled its points."
    ),
    "already_reversed": QT_TRANSLATE_NOOP("BackendError", "This transaction was already reversed."),
    "not_reversible": QT_TRANSLATE_NOOP("BackendError", "This transaction cannot be reversed."),
    "not_correctable": QT_TRANSLATE_NOOP(
        "BackendError", "Only a reversed earning can be corrected."
    ),
    "op_cancelled": QT_TRANSLATE_NOOP(
        "BackendError", "This operation was cancelled; it will never be applied."
    ),
    "approval_proof_invalid": QT_TRANSLATE_NOOP(
        "BackendError", "The manager's approval could not be checked. Ask the manager again."
    ),
    "otp_proof_invalid": QT_TRANSLATE_NOOP(
        "BackendError", "The customer's code could not be checked. Send a new code."
    ),
    "otp_blocked": QT_TRANSLATE_NOOP(
        "BackendError",
        "Codes for this customer are blocked after too many wrong ones. A manager can override.",
    ),
    "order_not_found": QT_TRANSLATE_NOOP("BackendError", "This order was not found."),
    "order_closed": QT_TRANSLATE_NOOP("BackendError", "This order is already paid or cancelled."),
    "order_taken": QT_TRANSLATE_NOOP("BackendError", "This order is being served at another till."),
    "too_many_open_orders": QT_TRANSLATE_NOOP(
        "BackendError", "This member has several orders waiting already."
    ),
    "store_exists": QT_TRANSLATE_NOOP("BackendError", "This store belongs to another merchant."),
    "sms_unavailable": QT_TRANSLATE_NOOP(
        "BackendError",
        "The text message could not be sent. Try again, or ask a manager to override.",
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "BackendError", "Too many requests at once. Try again in a moment."
    ),
    "conflict": QT_TRANSLATE_NOOP(
        "BackendError", "The loyalty server refused this: it conflicts with what it holds."
    ),
    "bad_request": QT_TRANSLATE_NOOP("BackendError", "The backend refused the request as invalid."),
    "bad_reply": QT_TRANSLATE_NOOP(
        "BackendError",
        "The loyalty server's answer could not be read. Try again; if it keeps happening, call "
        "a technician.",
    ),
    "unavailable": QT_TRANSLATE_NOOP(
        "BackendError",
        "The loyalty server cannot be reached. Points will be added when it is back.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "BackendError",
        "The loyalty server did not answer in time. Points will be added when it is back.",
    ),
}
GENERIC = QT_TRANSLATE_NOOP("BackendError", "The loyalty server refused this (error {status}).")
# customer_exists names the field that is taken (issue 11: a replayed registration).
MEMBER_EXISTS = {
    "phone": QT_TRANSLATE_NOOP(
        "BackendError", "A member with this phone number is already registered."
    ),
    "email": QT_TRANSLATE_NOOP("BackendError", "A member with this email is already registered."),
    "app_id": QT_TRANSLATE_NOOP("BackendError", "A member with this app id is already registered."),
}
# invalid_phone names the country whose numbers the backend expected (its ``region``).
NOT_A_PHONE_FOR = QT_TRANSLATE_NOOP("BackendError", "That is not a phone number for {country}")
ATTEMPTS_LEFT = QT_TRANSLATE_NOOP("BackendError", "{n} attempts left.")
ATTEMPT_LEFT = QT_TRANSLATE_NOOP("BackendError", "1 attempt left.")  # no plural catalogue
RETRY_IN = QT_TRANSLATE_NOOP("BackendError", "Try again in {seconds} seconds.")
_WAITS = frozenset({"otp_resend_limited", "otp_rate_limited", "approval_locked"})


def sentence(code: str) -> str:
    """The sentence for ``code`` (English source), in the till's language; "" if unknown."""
    text = SENTENCES.get(code)
    return translate(CONTEXT, text) if text is not None else ""


def country_name(region: str) -> str:
    """``GB`` -> "United Kingdom" / "Vereinigtes Königreich" / "Велика Британія" (CLDR)."""
    try:
        return str(Locale.parse(language()).territories.get(region.upper()) or region)
    except (ValueError, UnknownLocaleError):
        return region


def plain_message(code: str, error: Mapping[str, Any], status: int) -> str:
    """What the cashier reads for an error answer: the code's sentence (the backend's
    English ``message`` is never shown), with the attempts left and the wait when sent."""
    base = sentence(code) or translate(CONTEXT, GENERIC).format(status=status or "?")
    region = error.get("region")
    if code == "invalid_phone" and isinstance(region, str) and region:
        base = translate(CONTEXT, NOT_A_PHONE_FOR).format(country=country_name(region))
    taken = MEMBER_EXISTS.get(str(error.get("field"))) if code == "customer_exists" else None
    if taken is not None:
        base = translate(CONTEXT, taken)
    if code == "otp_invalid" and "attempts_left" in error:
        left = int(error["attempts_left"])
        base += " " + translate(CONTEXT, ATTEMPT_LEFT if left == 1 else ATTEMPTS_LEFT).format(
            n=left
        )
    retry = error.get("retry_after", error.get("retry_after_s"))
    if code in _WAITS and retry:
        base += " " + translate(CONTEXT, RETRY_IN).format(seconds=int(float(retry)))
    return base


def key_message(code: str) -> str:
    """The API key refused (401/403): the code's sentence, else "refused"."""
    return sentence(code) or sentence("unauthorized")
