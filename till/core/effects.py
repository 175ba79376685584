"""What a sale transition asks the world to do, as data: save, submit, cancel, show.

Why data: a transition (:class:`till.core.sale.Sale`) decides, the engine
(:mod:`till.core.engine`) performs. Tests read the effects a transition returns without any
disk or network; the engine runs them strictly in order on one worker, so the sale naming an
op_id is always on disk before that op is journaled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from till.core.sale import Sale


@dataclass(frozen=True)
class OpRequest:
    """One operation to submit through the one path (:mod:`till.core.submission`).

    ``resume``: the op may already be journaled (restart, retry): take its journal record
    (pending: send that body; settled: that answer) and append ``payload`` only when absent.
    ``payload`` None with ``resume``: the body is only in the journal (a redemption's OTP).
    ``close_refusals``: someone is watching and decides now; a refusal is closed at once
    (never left for a later retry), else a non-cashier refusal goes to the review list.
    """

    kind: str
    account: str
    op_id: str
    payload: dict[str, Any] | None = field(default=None, repr=False)
    resume: bool = False
    close_refusals: bool = True


@dataclass(frozen=True)
class Save:
    sale: Sale


@dataclass(frozen=True)
class Submit:
    """Save ``save_first`` (if any) and journal + send ``request``, in one job: if the save
    fails nothing is journaled (no operation the till's sale would not know about)."""

    request: OpRequest
    save_first: Sale | None = None


@dataclass(frozen=True)
class Cancel:
    """Settle an unconfirmed op for good (``POST /v1/ops/{op_id}/cancel``)."""

    op_id: str
    kind: str
    account: str


@dataclass(frozen=True)
class Show:
    text: str
    level: str = "info"  # info | ok | warn | bad


@dataclass(frozen=True)
class Finished:
    """The sale is completed or voided: print the receipt."""

    sale: Sale


@dataclass(frozen=True)
class Offer:
    """A parked sale's points payment has settled: offer it to the cashier again."""

    sale: Sale


Effect = Save | Submit | Cancel | Show | Finished | Offer
