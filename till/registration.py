"""A new member's registration as a journaled operation (seed 002; issue 11). No Qt here.

Why through the journal: a registration used to be a direct ``POST /v1/customers``, so one
made while the backend was out of reach was simply lost ("try again later"), and one whose
answer was lost could not be told from a failure. Now it leaves by the till's one submission
path (:class:`till.core.submission.Submitter`) like an earn or a claim: journaled first
(``kind="registration"``, payload = the ``POST /v1/customers`` body with its ``op_id``), then
sent once; if that fails it stays pending and the sync worker replays it through
``POST /v1/ops`` (kind ``registration``), exactly once: the backend keys both routes by the
op_id (``server/registration_op.py``). The one policy table judges every answer.

What the cashier is told (:class:`RegistrationOutcome`): registered (the new member joins
the sale), *saved* — "the member will be registered when the till is back online" — or
refused before anything happened (already registered, a field to correct), in words. A
registration refused at replay (the phone was registered meanwhile, elsewhere) goes to the
manager's review list with the backend's reason in plain words.

Secrets: a registration carries none (no OTP, no PIN: seed 002's SMS PIN is for spending
points, :mod:`till.redeem_dialog`). Its payload is the member's phone, name, email and
cards, kept in the journal (mode 0600) like every operation's customer data; nothing here
logs them. Every function that submits blocks (SQLite, HTTP): call it through a runner.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from offline_queue.errors import JournalError, JournalWriteError
from offline_queue.sync import OpOutcome as SyncOutcome
from till import journal_words
from till.backend_errors import WireFormatError, plain_message
from till.core.effects import OpRequest
from till.core.outcome import OpOutcome, OpStatus
from till.phone_numbers import to_e164
from till.translate import QT_TRANSLATE_NOOP, translate
from till.wire import Customer
from till.wire_results import customer_result

log = logging.getLogger(__name__)

KIND = "registration"
SAVED_MESSAGE = QT_TRANSLATE_NOOP(
    "Registration", "Saved: the member will be registered when the till is back online."
)
KEY_SAVED_MESSAGE = QT_TRANSLATE_NOOP(
    "Registration",
    "Saved, not registered yet: the loyalty server refused the till's API key. Call a "
    "technician; the member is registered once the key is fixed.",
)
NOT_SAVED_MESSAGE = QT_TRANSLATE_NOOP(
    "Registration",
    "Not registered: the till could not save the registration. Try again; if it keeps "
    "happening, call a manager.",
)
#: Said with every "saved": the member is not on this sale (no member id until the replay), so
#: the sale earns them nothing now. A sale without a member prints the claim QR
#: (:mod:`till.printing.layout`, when the till has its claim key), which the member scans
#: later; a receipt without one is a manager's "missed points" claim.
POINTS_LATER_MESSAGE = QT_TRANSLATE_NOOP(
    "Registration",
    "This sale earns them no points now: keep the receipt. Once they are registered, they "
    "claim the points with the receipt's QR code (or a manager adds them as missed points).",
)
#: The form's fields, as the backend names them in a refusal's ``field``.
FIELD_WORDS = {
    "phone": QT_TRANSLATE_NOOP("Registration", "Please check the phone number: {why}"),
    "name": QT_TRANSLATE_NOOP("Registration", "Please check the name: {why}"),
    "email": QT_TRANSLATE_NOOP("Registration", "Please check the email: {why}"),
    "cards": QT_TRANSLATE_NOOP("Registration", "Please check the card: {why}"),
}


class Submits(Protocol):
    """The one submission path, as a registration uses it (a :class:`Submitter`)."""

    def submit(self, req: OpRequest, save_first: Callable[[], None] | None = None) -> OpOutcome: ...


@dataclass(frozen=True)
class NewMember:
    """What the cashier typed: ``phone`` as typed or E.164 (see :func:`new_member`)."""

    phone: str
    name: str
    email: str | None = None
    cards: tuple[str, ...] = ()

    def body(self, op_id: str) -> dict[str, Any]:
        """The ``POST /v1/customers`` body (``CustomerCreate``) with its ``op_id``."""
        body: dict[str, Any] = {
            "op_id": op_id,
            "phone": self.phone,
            "name": self.name,
            "cards": list(self.cards),
        }
        if self.email:
            body["email"] = self.email
        return body


def new_member(
    phone: str, name: str, email: str | None, card: str | None, region: str | None
) -> NewMember:
    """The form's values; raises ``NotAPhoneNumber`` (plain words) for a phone that is not one.

    With the store's region known the phone is journaled in E.164 form: the replay then means
    the same number whatever the store's setting by then, and an impossible number is found
    before anything is saved. Without it (the till started offline) it is kept as typed and
    the backend reads it for the store's region."""
    typed = phone.strip()
    number = to_e164(typed, region) if region else typed
    return NewMember(number, name.strip(), (email or "").strip() or None, (card,) if card else ())


class Registered(StrEnum):
    REGISTERED = "registered"  # the backend made the member (now, or earlier: same op_id)
    SAVED = "saved"  # journaled; the sync worker registers the member later
    REFUSED = "refused"  # refused before anything happened; closed in the journal
    NOT_SAVED = "not_saved"  # the journal could not write it: nothing happened


@dataclass(frozen=True)
class RegistrationOutcome:
    state: Registered
    op_id: str
    message: str = ""
    customer: Customer | None = None
    field: str | None = None  # the form's field a refusal names ("phone", "name", "email")


def registration_request(member: NewMember, op_id: str | None = None) -> OpRequest:
    """The operation; its account is the new number (registrations of one number in order)."""
    op_id = op_id or str(uuid.uuid4())
    return OpRequest(KIND, f"new:{member.phone}", op_id, member.body(op_id))


def register(
    submitter: Submits, member: NewMember, op_id: str | None = None
) -> RegistrationOutcome:
    """Blocking: journal the registration, send it once, say what happened."""
    return outcome_of(submitter.submit(registration_request(member, op_id)))


def outcome_of(outcome: OpOutcome) -> RegistrationOutcome:
    """The one outcome of the one path, in the registration's words."""
    op_id, status = outcome.op_id, outcome.status
    if status == OpStatus.DONE:
        try:
            customer = customer_result(outcome.result.raw if outcome.result else None)
        except WireFormatError:
            # Registered (the backend answered 2xx) but its answer unreadable: say so.
            return RegistrationOutcome(
                Registered.REGISTERED,
                op_id,
                translate(
                    "Registration",
                    "Registered. Look the member up by phone to add them to the sale.",
                ),
            )
        return RegistrationOutcome(Registered.REGISTERED, op_id, customer=customer)
    if status == OpStatus.PENDING:
        return RegistrationOutcome(
            Registered.SAVED, op_id, _saved(translate("Registration", SAVED_MESSAGE))
        )
    if status == OpStatus.KEY:
        return RegistrationOutcome(
            Registered.SAVED, op_id, _saved(translate("Registration", KEY_SAVED_MESSAGE))
        )
    if status == OpStatus.REVIEW:
        # Only when the refusal could not be closed (the sync worker judged it first).
        return RegistrationOutcome(
            Registered.SAVED,
            op_id,
            _saved(
                translate("Registration", "{why} It is in the manager's review list.").format(
                    why=refusal_words(outcome)
                )
            ),
        )
    if status == OpStatus.NOT_RECORDED:
        error = outcome.error
        text = (
            journal_words.sentence(error)
            if isinstance(error, JournalError) and not isinstance(error, JournalWriteError)
            else translate("Registration", NOT_SAVED_MESSAGE)
        )
        return RegistrationOutcome(Registered.NOT_SAVED, op_id, text)
    field = _field_of(outcome)
    return RegistrationOutcome(Registered.REFUSED, op_id, refusal_words(outcome), field=field)


def _saved(said: str) -> str:
    """A "saved" sentence (translated), and what it means for this sale's points."""
    return f"{said} {translate('Registration', POINTS_LATER_MESSAGE)}"


def _field_of(outcome: OpOutcome) -> str | None:
    details = getattr(outcome.error, "details", None)
    raw = details.get("field") if isinstance(details, Mapping) else None
    name = str(raw).split(".")[-1] if raw else ""
    return name if name in FIELD_WORDS else None


def refusal_words(outcome: OpOutcome) -> str:
    """Plain words for a refused registration ("Please check the email: …" for a field)."""
    text = outcome.message
    field = _field_of(outcome)
    status = getattr(outcome.error, "status", 0)
    if status == 422 and field is not None:
        return translate("Registration", FIELD_WORDS[field]).format(why=text)
    return text


def replay_words(outcome: SyncOutcome) -> tuple[str, str, Customer | None] | None:
    """(banner text, level, customer) for a saved registration the sync worker settled.

    None for other kinds and for retries (nothing new for the cashier)."""
    if outcome.kind != KIND:
        return None
    if outcome.outcome == "acknowledged":
        try:
            customer = customer_result(outcome.body)
        except WireFormatError:
            return (
                translate("Registration", "A member saved while offline is now registered."),
                "ok",
                None,
            )
        return (
            translate("Registration", "{name} is now registered (saved while offline).").format(
                name=customer.name or translate("Registration", "The member")
            ),
            "ok",
            customer,
        )
    if outcome.outcome in ("review", "cancelled"):
        error = _error_of(outcome.body)
        why = (
            plain_message(str(error.get("code") or ""), error, outcome.status or 0)
            if error
            else translate("Registration", "The loyalty server refused it.")
        )
        return (
            translate(
                "Registration",
                "A registration saved while offline was not made: {why} "
                "A manager can see it in the review list.",
            ).format(why=why),
            "warn",
            None,
        )
    return None


def _error_of(body: Any) -> Mapping[str, Any]:
    inner = body.get("error") if isinstance(body, Mapping) else None
    return inner if isinstance(inner, Mapping) else {}
