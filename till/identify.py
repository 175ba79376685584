"""From a read (swipe, scan, typed phone) to a member on the sale, or a clear refusal.

Why a module of its own: every input path ends here, so the rules are in one place — a
product barcode is never a member, a bank card is refused without its number, an unknown
card or phone leads to registration with the card attached, and while the backend can't be
reached the last known account data (marked as such) keeps the till selling. Lookups run
on the TaskRunner; only the newest lookup's answer is delivered (a second swipe wins).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from devices.events import Identified, ReadKind
from till.account_cache import CachedAccount
from till.backend_client import BackendError, BackendUnavailable, Customer
from till.core.sale import Member
from till.device_words import read_message
from till.phone_numbers import NotAPhoneNumber, national, to_e164
from till.tasks import TaskRunner
from till.translate import translate

log = logging.getLogger(__name__)


class LookupKind(StrEnum):
    MEMBER = "member"  # found (online, or offline from the cache: member.offline)
    UNKNOWN = "unknown"  # no such customer: offer registration (card/phone attached)
    REFUSED = "refused"  # bank card, inactive account, unreadable card...: plain words
    IGNORED = "ignored"  # not a member read (product barcode): a hint, nothing else
    UNAVAILABLE = "unavailable"  # offline and not in the cache


@dataclass(frozen=True)
class LookupResult:
    kind: LookupKind
    message: str = ""
    member: Member | None = None
    card: str | None = None
    phone: str | None = None
    customer: Customer | None = None  # the backend's answer (online only), for the cache


class _Client(Protocol):
    def lookup(
        self,
        *,
        card: str | None = None,
        phone: str | None = None,
        email: str | None = None,
        app_id: str | None = None,
    ) -> Customer: ...


class _Cache(Protocol):
    def put(
        self, customer: Customer, *, card: str | None = None, phone: str | None = None
    ) -> None: ...

    def get(self, *, card: str | None = None, phone: str | None = None) -> CachedAccount | None: ...


def bank_card() -> str:
    return translate(
        "Identify",
        "This is a bank card, not a loyalty card. Take the payment on the card terminal, "
        "and ask for the loyalty card or the phone number.",
    )


def product() -> str:
    return translate("Identify", "That is a product barcode, not a loyalty card.")


def unreadable() -> str:
    return translate(
        "Identify",
        "The card could not be read. Swipe it again, or type the number printed on the card "
        "or the phone number (F2).",
    )


_CARD_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def typed_card(text: str) -> str | None:
    """The card number in what the cashier typed into the phone-or-card field, if it can be.

    Why: a damaged stripe is read by eye (ISO/IEC 7811 cards carry the number embossed or
    printed), so the one field takes both. A card reference is letters and digits only
    (the till's track-2/3 references, 6-19 characters); a number with a leading 0 or + is
    a phone (national trunk prefix or E.164). Digits that are both a possible phone and
    card-shaped are looked up as a card first, then as a phone.
    """
    compact = "".join(text.split()).upper()
    if not 6 <= len(compact) <= 19 or compact[0] in "0+":
        return None
    return compact if set(compact) <= _CARD_CHARS else None


def inactive() -> str:
    return translate(
        "Identify", "This loyalty account is inactive: it cannot earn or redeem points."
    )


def member_from(
    customer: Customer, *, offline: bool = False, as_of: str = "", region: str | None = None
) -> Member:
    """``region``: the store's phone region; the member's number is shown in its national
    form ("07700 900123"), as the cashier would say it."""
    return Member(
        id=customer.id,
        name=customer.name,
        phone=national(customer.phone, region),
        status=customer.status,
        balance=customer.balance,
        offline=offline,
        as_of=as_of,
        customer_type=customer.customer_type,
    )


def classify(event: Identified) -> LookupResult | tuple[str, str]:
    """A final answer for reads that can't identify a member, else ("card"|"phone", value)."""
    if event.kind == ReadKind.PRODUCT_BARCODE:
        return LookupResult(LookupKind.IGNORED, product())
    if event.card_kind == "bank":
        return LookupResult(LookupKind.REFUSED, bank_card())
    if event.kind == ReadKind.RECEIPT:
        return LookupResult(
            LookupKind.IGNORED,
            translate(
                "Identify", "That is a receipt: press F12 (Return) to take goods back on it."
            ),
        )
    if not event.value:
        if event.kind == ReadKind.MAGSTRIPE:
            return LookupResult(LookupKind.REFUSED, read_message(event) or unreadable())
        return LookupResult(
            LookupKind.IGNORED,
            read_message(event)
            or translate("Identify", "That code is not a loyalty card or phone."),
        )
    if event.kind == ReadKind.PHONE:
        return ("phone", event.value)
    if event.kind == ReadKind.MEMBER_QR:
        return ("member_ref", event.value)  # a card number or the app's member id
    if event.kind in (ReadKind.MAGSTRIPE, ReadKind.MEMBER_BARCODE):
        return ("card", event.value)
    return LookupResult(
        LookupKind.IGNORED,
        read_message(event) or translate("Identify", "That code is not a loyalty card."),
    )


def lookup_blocking(
    client: _Client, cache: _Cache, by: str, value: str, region: str | None = None
) -> LookupResult:
    """Runs on a pool thread: backend first, the local cache when it can't be reached."""
    card = value if by in ("card", "member_ref") else None
    phone = value if by == "phone" else None
    try:
        try:
            customer = client.lookup(card=card, phone=phone)
        except BackendError as exc:
            # Not a card number (unknown, or not even card-shaped): the app's member id.
            if (
                by != "member_ref"
                or isinstance(exc, BackendUnavailable)
                or exc.status
                not in (
                    404,
                    422,
                )
            ):
                raise
            customer = client.lookup(app_id=value)
            card = None  # not a card: nothing to attach at registration
    except BackendUnavailable:
        cached = cache.get(card=card, phone=phone)
        if cached is None:
            return LookupResult(
                LookupKind.UNAVAILABLE,
                translate(
                    "Identify",
                    "The loyalty server cannot be reached and this member is not known at this "
                    "till yet. Finish the sale without points, or try again when it is back.",
                ),
                card=card,
                phone=phone,
            )
        member = member_from(cached.customer, offline=True, as_of=cached.seen_at, region=region)
        if not member.active:
            return LookupResult(LookupKind.REFUSED, inactive(), member=member)
        return LookupResult(LookupKind.MEMBER, member=member, card=card, phone=phone)
    except BackendError as exc:
        if exc.code in ("not_found", "card_unassigned"):
            return LookupResult(
                LookupKind.UNKNOWN,
                translate("Identify", "No member has this card. Register a new member (F7)?")
                if card
                else translate(
                    "Identify", "No member has this phone number. Register a new member (F7)?"
                ),
                card=card,
                phone=phone,
            )
        if exc.code == "customer_inactive":
            return LookupResult(LookupKind.REFUSED, inactive())
        return LookupResult(LookupKind.REFUSED, str(exc), card=card, phone=phone)
    member = member_from(customer, region=region)
    if not member.active:
        return LookupResult(LookupKind.REFUSED, inactive(), member=member)
    return LookupResult(LookupKind.MEMBER, member=member, card=card, phone=phone, customer=customer)


def lookup_typed_blocking(
    client: _Client, cache: _Cache, card: str, phone: str | None, region: str | None
) -> LookupResult:
    """Typed card-shaped text: the card first; no such card and a possible phone: the phone."""
    result = lookup_blocking(client, cache, "card", card, region)
    if phone and result.kind in (LookupKind.UNKNOWN, LookupKind.UNAVAILABLE):
        return lookup_blocking(client, cache, "phone", phone, region)
    return result


def remember(cache: _Cache, result: LookupResult) -> None:
    """Blocking (runner): keep an online answer for offline identification later."""
    if result.customer is None:
        return
    try:
        cache.put(result.customer, card=result.card, phone=result.phone)
    except Exception:
        log.exception("could not cache account %s", result.customer.id)


class Identifier:
    """Turns reads into :class:`LookupResult`s on the GUI thread; newest lookup wins.

    ``region`` gives the store's phone region when known (``phone_numbers.region_of`` of
    the session): a typed phone number is then checked and put in E.164 form before it is
    looked up (a plain refusal at once, and the offline cache finds national forms); without
    it the backend, which knows the region, does both.
    """

    def __init__(
        self,
        client: _Client,
        cache: _Cache,
        runner: TaskRunner,
        region: Callable[[], str | None] | None = None,
    ) -> None:
        self._client = client
        self._cache = cache
        self._runner = runner
        self.region: Callable[[], str | None] = region or (lambda: None)
        self._seq = 0
        # Issue 16: who takes a read before it is looked up as a member (the product scanner,
        # an open return's receipt field); the newest first, each says whether it took it.
        self.read_hooks: list[Callable[[Identified], bool]] = []

    def identify(self, event: Identified, on_result: Callable[[LookupResult], None]) -> None:
        if any(hook(event) for hook in reversed(self.read_hooks)):
            return
        answer = classify(event)
        if isinstance(answer, LookupResult):
            on_result(answer)
            return
        by, value = answer
        self.lookup(by, value, on_result)

    def lookup(self, by: str, value: str, on_result: Callable[[LookupResult], None]) -> None:
        self._seq += 1
        seq = self._seq
        region = self.region()
        card = typed_card(value) if by == "phone" else None
        if by == "phone" and region:
            try:
                value = to_e164(value, region)
            except NotAPhoneNumber as exc:
                if card is None:
                    on_result(LookupResult(LookupKind.REFUSED, str(exc), phone=value))
                    return
                value = ""  # not a phone: only the card lookup is left
        elif card is not None and not value.strip().isdigit():
            value = ""  # letters: no phone number has them

        def done(result: LookupResult) -> None:
            if seq == self._seq:
                on_result(result)
            # The cache write comes after the cashier has the answer: it is not on the
            # identification's critical path.
            if result.customer is not None:
                self._runner.run(lambda: remember(self._cache, result))

        def failed(exc: BaseException) -> None:
            log.error("lookup by %s failed", by, exc_info=exc)
            if seq == self._seq:
                on_result(
                    LookupResult(
                        LookupKind.REFUSED,
                        translate("Identify", "The member could not be looked up."),
                    )
                )

        if card is not None:
            phone = value or None
            self._runner.run(
                lambda: lookup_typed_blocking(self._client, self._cache, card, phone, region),
                done,
                failed,
            )
            return
        self._runner.run(
            lambda: lookup_blocking(self._client, self._cache, by, value, region), done, failed
        )
