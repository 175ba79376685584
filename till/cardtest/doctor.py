"""The "loyalty account isn't recognised at the POS" checklist of seed 001, automated.

Seed 001 asks, in this order: is the POS online; is the loyalty API up; is the till's API key
enabled; is the customer active. To those the till adds what a technician meets on site:
does the card number itself follow the program's rules, are the readers plugged in and
openable (a missing ``input`` / ``dialout`` group is the usual "it beeps but nothing
happens"), and is the offline journal draining.

Every check ends pass, fail or skip, with a sentence saying what was found and, when it
isn't a pass, what to do next. A check whose precondition failed is skipped rather than
failed, so the first failure is the one to fix. Plain Python: the CLI runs it on a terminal,
the technician window on its task runner; every outside dependency is injectable.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from devices.card_rules import check_reference, parse_card_ranges
from devices.cardnumber import looks_like_pan, mask_pan
from till.backend_client import BackendClient, BackendError, BackendUnavailable, Customer
from till.cardtest.check_result import FAIL, PASS, SKIP, CheckResult, DoctorReport
from till.cardtest.device_check import (
    FoundDeviceLike,
    check_devices,
    configured_devices,
    device_list_json,
)
from till.cardtest.journal_check import JournalStatsLike, check_journal, journal_file_stats
from till.config import PrinterConfig
from till.printing.printer_check import check_printer

__all__ = [
    "FAIL",
    "PASS",
    "SKIP",
    "CheckResult",
    "DoctorInputs",
    "DoctorReport",
    "FoundDeviceLike",
    "JournalStatsLike",
    "configured_devices",
    "device_list_json",
    "journal_file_stats",
    "run_doctor",
]


def _udp_route(address: str, port: int) -> None:
    """Ask the kernel for a route to ``address`` without sending a packet (UDP connect)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_DGRAM) as s:
        s.connect((address, port))


def _resolve(host: str, port: int) -> list[str]:
    return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, port)})


@dataclass
class DoctorInputs:
    """What the doctor looks at; the defaults are the real machine."""

    backend_url: str
    client: BackendClient | None
    key_problem: str = ""  # why there is no API key ("" when there is one)
    card: str | None = None
    card_ranges: Sequence[str] = ()
    require_luhn: bool = False
    # Configured readers: /dev/input/by-id paths, VID:PID, serial port, camera index/path.
    configured_devices: Sequence[str] = ()
    discover: Callable[[], Sequence[FoundDeviceLike]] | None = None
    journal_stats: Callable[[], JournalStatsLike] | None = None
    resolve: Callable[[str, int], list[str]] = _resolve
    route: Callable[[str, int], None] = _udp_route
    clock: Callable[[], float] = time.time
    printer: PrinterConfig | None = None  # [printer]; None: not checked (issue 17)


def show_card(number: str) -> str:
    """A card number as the report may show it: payment-card-like numbers masked."""
    return mask_pan(number) if looks_like_pan(number) else number


def run_doctor(inputs: DoctorInputs) -> DoctorReport:
    checks: list[CheckResult] = []
    online = _check_online(inputs)
    checks.append(online)
    health = (
        _check_health(inputs)
        if online.status == PASS
        else CheckResult(
            "backend_health", "Loyalty backend up", SKIP, "Skipped: the till is not online."
        )
    )
    checks.append(health)
    key = (
        _check_key(inputs)
        if health.status == PASS
        else CheckResult(
            "api_key", "API key enabled", SKIP, "Skipped: the loyalty backend is not reachable."
        )
    )
    checks.append(key)
    if inputs.card is not None:
        checks.extend(_check_card(inputs, key.status == PASS))
    checks.extend(check_devices(inputs.discover, inputs.configured_devices))
    checks.append(check_journal(inputs.journal_stats, inputs.clock, health.status == PASS))
    if inputs.printer is not None:
        checks.append(check_printer(inputs.printer))
    return DoctorReport(tuple(checks))


# -- network and backend -----------------------------------------------------------------


def _check_online(inputs: DoctorInputs) -> CheckResult:
    title = "Till online"
    url = inputs.backend_url
    parts = urlsplit(url)
    if not url or not parts.hostname:
        return CheckResult(
            "till_online",
            title,
            FAIL,
            "No loyalty backend address is configured.",
            "Set backend.url in the till's configuration (till.toml), or pass --backend URL.",
        )
    host = parts.hostname
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = inputs.resolve(host, port)
    except OSError:
        return CheckResult(
            "till_online",
            title,
            FAIL,
            f"The backend's name {host} cannot be looked up: the till is offline or has no "
            "working DNS.",
            "Check the network cable or Wi-Fi and the till's DNS settings; then run the doctor "
            "again.",
        )
    if addresses and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        return CheckResult(
            "till_online", title, PASS, f"The backend runs on this machine ({host})."
        )
    problems = []
    for address in addresses:
        try:
            inputs.route(address, port)
        except OSError as exc:
            problems.append(f"{address}: {exc.strerror or exc}")
            continue
        return CheckResult(
            "till_online", title, PASS, f"The till has a network route to {host} ({address})."
        )
    return CheckResult(
        "till_online",
        title,
        FAIL,
        f"The till has no network route to {host} ({'; '.join(problems) or 'no address'}): "
        "it is offline.",
        "Check the network cable or Wi-Fi, and the till's IP address and gateway settings.",
    )


def _check_health(inputs: DoctorInputs) -> CheckResult:
    title = "Loyalty backend up"
    if inputs.client is None:
        return CheckResult("backend_health", title, SKIP, "No backend client.")
    try:
        body = inputs.client.health()
    except BackendError as exc:
        why = (
            "does not answer on /v1/health (connection refused, timed out or server error)"
            if isinstance(exc, BackendUnavailable)
            else f"answers /v1/health with an error ({exc})"
        )
        return CheckResult(
            "backend_health",
            title,
            FAIL,
            f"The loyalty backend at {inputs.backend_url} {why}.",
            "Check the backend service is running (till-server serve, or the provider's status "
            "page), that a firewall doesn't block the port, and that backend.url is right.",
        )
    status = str(body.get("status", ""))
    version = body.get("version")
    if status != "ok":
        return CheckResult(
            "backend_health",
            title,
            FAIL,
            f"The loyalty backend answers but reports status {status or 'unknown'!r}.",
            "The backend is not healthy: check its log and database, or contact the provider.",
        )
    suffix = f", version {version}" if version else ""
    return CheckResult(
        "backend_health",
        title,
        PASS,
        f"The loyalty backend at {inputs.backend_url} is healthy{suffix}.",
    )


def _check_key(inputs: DoctorInputs) -> CheckResult:
    title = "API key enabled"
    fix = (
        "Check in the loyalty backend that this till's API key is enabled; if it was revoked, "
        "create a new one (till-server create-key --store S --till T) and store it on the till "
        "with 'till --set-api-key'."
    )
    if inputs.key_problem or inputs.client is None:
        return CheckResult(
            "api_key",
            title,
            FAIL,
            f"The till has no API key: {inputs.key_problem or 'none configured'}",
            "Store the key with 'till --set-api-key' (OS keyring) or a systemd credential.",
        )
    try:
        session = inputs.client.session()
    except BackendError as exc:
        if exc.status in (401, 403):
            return CheckResult(
                "api_key", title, FAIL, f"The API key is revoked or wrong: {exc}", fix
            )
        return CheckResult("api_key", title, FAIL, f"The session check failed: {exc}", fix)
    where = [f"store {session.store}"] if session.store else []
    where += [f"till {session.till}"] if session.till else []
    scope = f" ({', '.join(where)})" if where else ""
    return CheckResult("api_key", title, PASS, f"The API key is accepted{scope}.")


# -- the card ------------------------------------------------------------------------------


def _check_card(inputs: DoctorInputs, key_ok: bool) -> list[CheckResult]:
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
            CheckResult("card_rules", "Card number rules", FAIL, "No card number was given.")
        )
    elif refused:
        results.append(
            CheckResult(
                "card_rules",
                "Card number rules",
                FAIL,
                " ".join(c.message for c in refused),
                "Compare with the number printed on the card; if they match, the card does "
                "not follow this program's rules (devices.card_ranges, require_luhn).",
            )
        )
    else:
        results.append(
            CheckResult(
                "card_rules",
                "Card number rules",
                PASS,
                f"Card number {shown} follows the program's rules.",
            )
        )
    if not key_ok or not number:
        why = "no card number" if not number else "the backend or the API key check failed"
        results.append(
            CheckResult("card_known", "Card known to the backend", SKIP, f"Skipped: {why}.")
        )
        results.append(CheckResult("customer_active", "Customer active", SKIP, f"Skipped: {why}."))
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
                    "Customer active",
                    SKIP,
                    "Skipped: no customer was found for this card.",
                )
            )
            return results
    results.append(
        CheckResult(
            "card_known",
            "Card known to the backend",
            PASS,
            f"Card {shown} belongs to customer {customer.id if customer else '(inactive)'}.",
        )
    )
    if customer is not None and customer.active:
        results.append(
            CheckResult(
                "customer_active",
                "Customer active",
                PASS,
                f"Customer {customer.id} is active (balance {customer.balance} points).",
            )
        )
    else:
        who = f"Customer {customer.id}" if customer else "The card's customer"
        status = customer.status if customer else "inactive"
        results.append(
            CheckResult(
                "customer_active",
                "Customer active",
                FAIL,
                f"{who} is {status}: an inactive account cannot earn or redeem points.",
                "Reactivate the customer in the loyalty backend (seed 001: check that the "
                "customer is active), or issue the customer a new card.",
            )
        )
    return results


def _card_lookup_failure(exc: BackendError, shown: str) -> CheckResult:
    title = "Card known to the backend"
    if exc.code == "card_unassigned":
        return CheckResult(
            "card_known",
            title,
            FAIL,
            f"Card {shown} is registered but not attached to a customer yet.",
            "Attach it to the customer's account (enrol the customer at the till with this card).",
        )
    if exc.code == "not_found" or exc.status == 404:
        return CheckResult(
            "card_known",
            title,
            FAIL,
            f"No loyalty account has card {shown}.",
            "Compare the number with the one printed on the card (a misread track?); check the "
            "card was registered (till-cardtest batch) and attached to a customer.",
        )
    return CheckResult("card_known", title, FAIL, f"The card lookup failed: {exc}")
