"""The doctor's card checks (seed 001): the number's rules, the card known, its customer active.

Apart from :mod:`till.cardtest.doctor` (the network and backend checks) so each stays a
readable size; the findings are in the till's language like every doctor finding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from devices.card_rules import check_reference, parse_card_ranges
from devices.cardnumber import looks_like_pan, mask_pan
from till.backend_client import BackendError, Customer
from till.cardtest.check_result import FAIL, PASS, SKIP, CheckResult
from till.translate import translate

if TYPE_CHECKING:
    from till.cardtest.doctor import DoctorInputs


def show_card(number: str) -> str:
    """A card number as the report may show it: payment-card-like numbers masked."""
    return mask_pan(number) if looks_like_pan(number) else number


def check_card(inputs: DoctorInputs, key_ok: bool) -> list[CheckResult]:
    """Seed 001's card questions: does the number follow the rules, is it known, is its
    customer active (skipped when the backend or the key check failed)."""
    number = "".join((inputs.card or "").split())
    shown = show_card(number)
    results = []
    try:
        ranges = parse_card_ranges(inputs.card_ranges)
    except ValueError:
        ranges = ()
    rules = check_reference(number, ranges, inputs.require_luhn) if number else []
    refused = [c for c in rules if not c.ok and c.blocking]
    if not number:
        results.append(
            CheckResult(
                "card_rules",
                translate("Doctor", "Card number rules"),
                FAIL,
                translate("Doctor", "No card number was given."),
            )
        )
    elif refused:
        results.append(
            CheckResult(
                "card_rules",
                translate("Doctor", "Card number rules"),
                FAIL,
                " ".join(c.message for c in refused),
                translate(
                    "Doctor",
                    "Compare with the number printed on the card; if they match, the card does "
                    "not follow this program's rules (devices.card_ranges, require_luhn).",
                ),
            )
        )
    else:
        results.append(
            CheckResult(
                "card_rules",
                translate("Doctor", "Card number rules"),
                PASS,
                translate("Doctor", "Card number {shown} follows the program's rules.").format(
                    shown=shown
                ),
            )
        )
    if not key_ok or not number:
        why = (
            translate("Doctor", "no card number")
            if not number
            else translate("Doctor", "the backend or the API key check failed")
        )
        results.append(
            CheckResult(
                "card_known",
                translate("Doctor", "Card known to the backend"),
                SKIP,
                translate("Doctor", "Skipped: {why}.").format(why=why),
            )
        )
        results.append(
            CheckResult(
                "customer_active",
                translate("Doctor", "Customer active"),
                SKIP,
                translate("Doctor", "Skipped: {why}.").format(why=why),
            )
        )
        return results
    assert inputs.client is not None
    customer: Customer | None = None
    try:
        customer = inputs.client.lookup(card=number)
    except BackendError as exc:
        # customer_inactive: the card is known, its customer is not active (checked below).
        if exc.code != "customer_inactive":
            results.append(_card_lookup_failure(exc, shown))
            results.append(
                CheckResult(
                    "customer_active",
                    translate("Doctor", "Customer active"),
                    SKIP,
                    translate("Doctor", "Skipped: no customer was found for this card."),
                )
            )
            return results
    results.append(
        CheckResult(
            "card_known",
            translate("Doctor", "Card known to the backend"),
            PASS,
            translate("Doctor", "Card {shown} belongs to customer {customer}.").format(
                shown=shown, customer=customer.id if customer else "(inactive)"
            ),
        )
    )
    if customer is not None and customer.active:
        results.append(
            CheckResult(
                "customer_active",
                translate("Doctor", "Customer active"),
                PASS,
                translate("Doctor", "Customer {id} is active (balance {balance} points).").format(
                    id=customer.id, balance=customer.balance
                ),
            )
        )
    else:
        who = (
            translate("Doctor", "Customer {id}").format(id=customer.id)
            if customer
            else translate("Doctor", "The card's customer")
        )
        status = customer.status if customer else "inactive"
        results.append(
            CheckResult(
                "customer_active",
                translate("Doctor", "Customer active"),
                FAIL,
                translate(
                    "Doctor", "{who} is {status}: an inactive account cannot earn or redeem points."
                ).format(who=who, status=status),
                translate(
                    "Doctor",
                    "Reactivate the customer in the loyalty backend (seed 001: check that the "
                    "customer is active), or issue the customer a new card.",
                ),
            )
        )
    return results


def _card_lookup_failure(exc: BackendError, shown: str) -> CheckResult:
    title = translate("Doctor", "Card known to the backend")
    if exc.code == "card_unassigned":
        return CheckResult(
            "card_known",
            title,
            FAIL,
            translate(
                "Doctor", "Card {shown} is registered but not attached to a customer yet."
            ).format(shown=shown),
            translate(
                "Doctor",
                "Attach it to the customer's account (enrol the customer at the till with this card).",
            ),
        )
    if exc.code == "not_found" or exc.status == 404:
        return CheckResult(
            "card_known",
            title,
            FAIL,
            translate("Doctor", "No loyalty account has card {shown}.").format(shown=shown),
            translate(
                "Doctor",
                "Compare the number with the one printed on the card (a misread track?); check the "
                "card was registered (till-cardtest batch) and attached to a customer.",
            ),
        )
    return CheckResult(
        "card_known",
        title,
        FAIL,
        translate("Doctor", "The card lookup failed: {exc}").format(exc=exc),
    )
