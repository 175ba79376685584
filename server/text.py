"""Plain text in request bodies: no control characters, one Unicode form (issue 13, finding 7).

NUL and other control characters were stored in names and e-mails: they break receipts,
logs and CSV exports, and a NUL truncates a string in C libraries down the line. Refused
with a 422 naming the field: C0 and C1 controls (including tab and newline: no field of
this API is multi-line), DEL, the line and paragraph separators, and the bidirectional
embedding, override and isolate characters that can make text display other than it
reads (Unicode Technical Report #36, "Unicode Security Considerations", 2.2 and 3.4).
Everything else is put in Normalization Form C (Unicode Standard Annex #15), so the same
name typed on two keyboards is stored, compared and found as the same string.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

CONTROL_CLASS = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{CONTROL_CLASS}]")
# The same rule as a JSON Schema pattern, so the OpenAPI document says what is refused.
NO_CONTROL_PATTERN = f"^[^{CONTROL_CLASS}]*$"
SOME_TEXT_PATTERN = f"^[^{CONTROL_CLASS}]*[^\\s{CONTROL_CLASS}][^{CONTROL_CLASS}]*$"


def clean(value: Any) -> Any:
    """``value`` in NFC if it is text (or a list of texts); raises on control characters."""
    if isinstance(value, str):
        if _CONTROL.search(value):
            raise ValueError("must not contain control characters")
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def stripped(value: str) -> str:
    """Leading and trailing spaces dropped (after the length of the text as sent is checked,
    so the schema's ``maxLength`` is exactly the rule)."""
    return value.strip()
