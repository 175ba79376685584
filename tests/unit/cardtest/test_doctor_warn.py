"""No reader found is a warning, not a pass (issue 12, finding 14)."""

from __future__ import annotations

from till.cardtest.check_result import WARN, DoctorReport
from till.cardtest.device_check import check_devices


def test_no_device_at_all_is_a_warning_in_plain_words() -> None:
    (result,) = check_devices(lambda: [], [])
    assert result.status == WARN
    assert "No card reader, scanner or camera was found" in result.detail
    assert "'input'" in result.next_step
    report = DoctorReport((result,))
    assert report.ok  # a warning does not fail the exit status ...
    text = report.to_text()
    assert "[WARN] Readers, scanners and cameras: No card reader" in text
    assert "[PASS]" not in text and "All checks passed" not in text  # ... nor reads as a pass
    assert text.rstrip().endswith("No check failed; 1 warning(s) to read.")
