"""One finding of the doctor, and the report that lists them (JSON for scripts, text for people).

Each check ends pass, warn, fail or skip; anything but a pass carries what to do next in
plain words. A warning is not a failure (the exit status stays 0) but must not read as a pass:
"no reader found" on a till that only uses the keyboard is fine, on one with a reader it is
the fault.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

PASS, WARN, FAIL, SKIP = "pass", "warn", "fail", "skip"


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
        lines = [f"Till diagnostics at {self.at}"]
        for c in self.checks:
            lines.append(f"[{c.status.upper():4}] {c.title}: {c.detail}")
            if c.next_step:
                lines.append(f"       next: {c.next_step}")
        failed = sum(c.status == FAIL for c in self.checks)
        warned = sum(c.status == WARN for c in self.checks)
        if failed:
            lines.append(f"{failed} check(s) failed.")
        elif warned:
            lines.append(f"No check failed; {warned} warning(s) to read.")
        else:
            lines.append("All checks passed.")
        return "\n".join(lines) + "\n"
