"""Reference loyalty backend: ledger, OTP, HTTP API v1. Plain Python, no Qt, nothing from till."""

__version__ = "0.1.0"
