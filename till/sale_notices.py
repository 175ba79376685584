"""What the banner says when a sale ends, and how loud (``info``/``ok``/``warn``/``bad``).

Why apart from the window: the four endings a cashier must tell apart at a glance — voided,
completed with points, completed with points still pending (offline: added when the server
is back), completed without a member — are one decision over the sale's state, testable
without a window.
"""

from __future__ import annotations

from till.core.sale import Sale, SaleState
from till.translate import translate


def finished_notice(sale: Sale) -> tuple[str, str]:
    """(text, level) for the banner once ``sale`` is completed or voided."""
    if sale.state == SaleState.VOIDED:
        return translate("MainWindow", "Sale voided."), "warn"
    if sale.earn_op_id and sale.earned_points is None:
        return (
            translate(
                "MainWindow", "Sale completed. Points pending: added when the server is back."
            ),
            "warn",
        )
    if sale.earned_points is not None:
        return (
            translate("MainWindow", "Sale completed. {earned_points} points earned.").format(
                earned_points=sale.earned_points
            ),
            "ok",
        )
    return translate("MainWindow", "Sale completed."), "ok"
