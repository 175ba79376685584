"""A real till process (offscreen) ringing up sales on its own, until it is SIGKILLed.

Run by ``test_sigkill.py``: ``till_child.py URL KEY DATA_DIR SEED [drain]``. It builds the
till exactly as ``till`` does (``till.app.open_till``) and drives the cashier's window:
member, a line, sometimes points (below the OTP threshold), cash, complete; interrupted or
parked sales it is offered are resumed and finished. With ``drain`` it only finishes what is
there, waits until the journal has nothing pending, and exits 0.
"""

from __future__ import annotations

import os
import random
import sys
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from devices.fakes import FakeReader
from tests.fixtures.till import till_config
from till.app import open_till
from till.core.sale import SaleState
from till.identify import member_from


def main() -> int:
    url, key, data, seed = sys.argv[1:5]
    drain = len(sys.argv) > 5 and sys.argv[5] == "drain"
    rng = random.Random(int(seed))
    app = QApplication([])
    ctx, window = open_till(
        till_config(), base_url=url, api_key=key, data_dir=Path(data), readers=[FakeReader("t")]
    )
    customer = ctx.client.lookup(phone="+447700900123")
    flow = window.flow
    print("ringing up", flush=True)
    ticks = [0]

    def tick() -> None:
        ticks[0] += 1
        sale = flow.sale
        if window.sale_runner.in_flight:
            return
        if drain:
            if sale.state == SaleState.OPEN and (sale.lines or sale.member):
                finish(sale)
            elif ctx.journal.stats().pending == 0 and not flow.parked() and ticks[0] > 20:
                app.exit(0)
            elif ticks[0] % 100 == 0:
                print(
                    f"drain: {sale.state} pending={ctx.journal.stats().pending}"
                    f" parked={len(flow.parked())} banner={window.banner.text()!r}",
                    file=sys.stderr,
                    flush=True,
                )
            return
        if sale.finished or not (sale.lines or sale.member):
            window.new_sale()
            flow.set_member(member_from(customer))
            flow.add_line("Item", Decimal(rng.choice([2, 3, 5, 8])))
            if rng.random() < 0.5 and ctx.sync_signals.online:
                points = rng.choice([50, 100])
                flow.redeem(points, Decimal(points) / 100, lambda o: None)
            return
        finish(sale)

    def finish(sale: object) -> None:
        if not flow.sale.lines and not flow.sale.has_payment:
            flow.add_line("Item", Decimal(1))  # interrupted before its first line
            return
        if flow.sale.unconfirmed:
            flow.retry_redemption(lambda o: None)
            return
        if flow.sale.due > 0:
            flow.add_tender("cash", flow.sale.due)
        flow.complete()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(30)
    window.show()
    code = app.exec()
    window.close()
    ctx.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
