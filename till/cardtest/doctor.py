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

from till.backend_client import (
    BackendClient,
    BackendError,
    BackendUnavailable,
    WireFormatError,
)
from till.cardtest.card_check import check_card
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
from till.translate import translate

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


def run_doctor(inputs: DoctorInputs) -> DoctorReport:
    checks: list[CheckResult] = []
    online = _check_online(inputs)
    checks.append(online)
    health = (
        _check_health(inputs)
        if online.status == PASS
        else CheckResult(
            "backend_health",
            translate("Doctor", "Loyalty backend up"),
            SKIP,
            translate("Doctor", "Skipped: the till is not online."),
        )
    )
    checks.append(health)
    key = (
        _check_key(inputs)
        if health.status == PASS
        else CheckResult(
            "api_key",
            translate("Doctor", "API key enabled"),
            SKIP,
            translate("Doctor", "Skipped: the loyalty backend is not reachable."),
        )
    )
    checks.append(key)
    if inputs.card is not None:
        checks.extend(check_card(inputs, key.status == PASS))
    checks.extend(check_devices(inputs.discover, inputs.configured_devices))
    checks.append(check_journal(inputs.journal_stats, inputs.clock, health.status == PASS))
    if inputs.printer is not None:
        checks.append(check_printer(inputs.printer))
    return DoctorReport(tuple(checks))


# -- network and backend -----------------------------------------------------------------


def _check_online(inputs: DoctorInputs) -> CheckResult:
    title = translate("Doctor", "Till online")
    url = inputs.backend_url
    parts = urlsplit(url)
    if not url or not parts.hostname:
        return CheckResult(
            "till_online",
            title,
            FAIL,
            translate("Doctor", "No loyalty backend address is configured."),
            translate(
                "Doctor",
                "Set backend.url in the till's configuration (till.toml), or pass --backend URL.",
            ),
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
            translate(
                "Doctor",
                "The backend's name {host} cannot be looked up: the till is offline or has no working DNS.",
            ).format(host=host),
            translate(
                "Doctor",
                "Check the network cable or Wi-Fi and the till's DNS settings; then run the doctor "
                "again.",
            ),
        )
    if addresses and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        return CheckResult(
            "till_online",
            title,
            PASS,
            translate("Doctor", "The backend runs on this machine ({host}).").format(host=host),
        )
    problems = []
    for address in addresses:
        try:
            inputs.route(address, port)
        except OSError as exc:
            problems.append(f"{address}: {exc.strerror or exc}")
            continue
        return CheckResult(
            "till_online",
            title,
            PASS,
            translate("Doctor", "The till has a network route to {host} ({address}).").format(
                host=host, address=address
            ),
        )
    return CheckResult(
        "till_online",
        title,
        FAIL,
        translate(
            "Doctor", "The till has no network route to {host} ({problems}): it is offline."
        ).format(host=host, problems="; ".join(problems) or "no address"),
        translate(
            "Doctor",
            "Check the network cable or Wi-Fi, and the till's IP address and gateway settings.",
        ),
    )


def _check_health(inputs: DoctorInputs) -> CheckResult:
    title = translate("Doctor", "Loyalty backend up")
    if inputs.client is None:
        return CheckResult("backend_health", title, SKIP, translate("Doctor", "No backend client."))
    try:
        health = inputs.client.health()
    except BackendError as exc:
        why = (
            translate(
                "Doctor",
                "answers /v1/health with something that is not the backend's health report "
                "(another service or a proxy on that address?)",
            )
            if isinstance(exc, WireFormatError)
            else translate(
                "Doctor",
                "does not answer on /v1/health (connection refused, timed out or server error)",
            )
            if isinstance(exc, BackendUnavailable)
            else translate("Doctor", "answers /v1/health with an error ({exc})").format(exc=exc)
        )
        return CheckResult(
            "backend_health",
            title,
            FAIL,
            translate("Doctor", "The loyalty backend at {backend_url} {why}.").format(
                backend_url=inputs.backend_url, why=why
            ),
            translate(
                "Doctor",
                "Check the backend service is running (till-server serve, or the provider's status "
                "page), that a firewall doesn't block the port, and that backend.url is right.",
            ),
        )
    status, version = health.status, health.version
    if not health.ok:
        return CheckResult(
            "backend_health",
            title,
            FAIL,
            translate(
                "Doctor", "The loyalty backend answers but reports status {status!r}."
            ).format(status=status or "unknown"),
            translate(
                "Doctor",
                "The backend is not healthy: check its log and database, or contact the provider.",
            ),
        )
    suffix = translate("Doctor", ", version {version}").format(version=version) if version else ""
    return CheckResult(
        "backend_health",
        title,
        PASS,
        translate("Doctor", "The loyalty backend at {backend_url} is healthy{suffix}.").format(
            backend_url=inputs.backend_url, suffix=suffix
        ),
    )


def _check_key(inputs: DoctorInputs) -> CheckResult:
    title = translate("Doctor", "API key enabled")
    fix = translate(
        "Doctor",
        "Check in the loyalty backend that this till's API key is enabled; if it was revoked, "
        "create a new one (till-server create-key --store S --till T) and store it on the till "
        "with 'till --set-api-key'.",
    )
    if inputs.key_problem or inputs.client is None:
        return CheckResult(
            "api_key",
            title,
            FAIL,
            translate("Doctor", "The till has no API key: {problem}").format(
                problem=inputs.key_problem or "none configured"
            ),
            translate(
                "Doctor",
                "Store the key with 'till --set-api-key' (OS keyring) or a systemd credential.",
            ),
        )
    try:
        session = inputs.client.session()
    except BackendError as exc:
        if exc.status in (401, 403):
            return CheckResult(
                "api_key",
                title,
                FAIL,
                translate("Doctor", "The API key is revoked or wrong: {exc}").format(exc=exc),
                fix,
            )
        return CheckResult(
            "api_key",
            title,
            FAIL,
            translate("Doctor", "The session check failed: {exc}").format(exc=exc),
            fix,
        )
    where = (
        [translate("Doctor", "store {store}").format(store=session.store)] if session.store else []
    )
    where += [translate("Doctor", "till {till}").format(till=session.till)] if session.till else []
    scope = f" ({', '.join(where)})" if where else ""
    return CheckResult(
        "api_key",
        title,
        PASS,
        translate("Doctor", "The API key is accepted{scope}.").format(scope=scope),
    )
