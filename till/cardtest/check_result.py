"""One finding of the doctor, and the report that lists them (JSON for scripts, text for people).

Each check ends pass, warn, fail or skip; anything but a pass carries what to do next in
plain words, in the till's language (:mod:`till.translate`; English on a terminal without
a translator). A warning is not a failure (the exit status stays 0) but must not read as a pass:
"no reader found" on a till that only uses the keyboard is fine, on one with a reader it is
the fault.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from till.translate import translate

PASS, WARN, FAIL, SKIP = "pass", "warn", "fail", "skip"


def status_word(status: str) -> str:
    """``PASS`` / ``BESTANDEN`` / ``ПРОЙДЕНО``: a check's verdict in the till's language."""
    words = {
        PASS: translate("Doctor", "PASS"),
        WARN: translate("Doctor", "WARN"),
        FAIL: translate("Doctor", "FAIL"),
        SKIP: translate("Doctor", "SKIP"),
    }
    return words.get(status, status.upper())


def summary(failed: int, warned: int, advice: bool = True) -> str:
    """The report's last line (the CLI's text; with ``advice``, the Diagnostics tab's)."""
    if failed and not advice:
        return translate("Doctor", "{failed} check(s) failed.").format(failed=failed)
    if failed:
        return translate(
            "Doctor",
            "{failed} check(s) failed: fix the first one first; the checks after it may "
            "depend on it.",
        ).format(failed=failed)
    if warned:
        return translate("Doctor", "No check failed; {warned} warning(s) to read.").format(
            warned=warned
        )
    return translate("Doctor", "All checks passed.")


@dataclass(frozen=True)
class CheckResult:
    id: str
    title: str
    status: str  # pass | warn | fail | skip
    detail: str
    next_step: str = ""

    def to_json(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class DoctorReport:
    checks: tuple[CheckResult, ...]
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def ok(self) -> bool:
        return all(c.status != FAIL for c in self.checks)

    def get(self, check_id: str) -> CheckResult:
        return next(c for c in self.checks if c.id == check_id)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "at": self.at, "checks": [c.to_json() for c in self.checks]}

    def to_text(self) -> str:
        lines = [translate("Doctor", "Till diagnostics at {at}").format(at=self.at)]
        for c in self.checks:
            lines.append(f"[{status_word(c.status):4}] {c.title}: {c.detail}")
            if c.next_step:
                lines.append(
                    "       " + translate("Doctor", "next: {step}").format(step=c.next_step)
                )
        failed = sum(c.status == FAIL for c in self.checks)
        warned = sum(c.status == WARN for c in self.checks)
        lines.append(summary(failed, warned, advice=False))
        return "\n".join(lines) + "\n"
