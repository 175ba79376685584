"""Child of the crash test: appends operations forever and reports each one once it is durable.

Protocol on stdout, one line each, flushed: ``ready`` after the journal opened, ``ok <i>`` once
``append`` of operation i returned, ``ack <i>`` once ``acknowledge`` of operation i returned.
It starts at operation ``start`` and first re-appends it (the parent never saw it confirmed:
it may or may not be in the journal, like a till re-writing a sale it was unsure of).
"""

from __future__ import annotations

import sys

from offline_queue import Journal

ACCOUNTS = 50


def op_id(i: int) -> str:
    return f"crash-{i:07d}"


def payload(i: int) -> dict[str, object]:
    return {
        "customer_id": f"c{i % ACCOUNTS}",
        "amount": f"{i % 97}.{i % 100:02d}",
        "receipt_no": f"R{i}",
    }


def main() -> None:
    path, start, limit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    out = sys.stdout
    journal = Journal(path)
    out.write("ready\n")
    out.flush()
    for i in range(start, start + limit):
        journal.append("earn", f"c{i % ACCOUNTS}", payload(i), op_id=op_id(i))
        out.write(f"ok {i}\n")
        out.flush()
        if i % 5 == 0 and i >= 3:  # state changes get killed mid-way too
            journal.acknowledge(op_id(i - 3), {"transaction_id": i - 3})
            out.write(f"ack {i - 3}\n")
            out.flush()


if __name__ == "__main__":
    main()
