"""Everything a till window needs, handed over as one object.

Why a context object: the cashier window, the manager window (``till.manager``) and the
technician window (``till.techbench``) all need the same collaborators — configuration,
backend client, task runner, journal, sync worker, device hub and their Qt adapters. Passing
one explicit object keeps them testable (tests build it over temporary files and a loopback
backend) without any global registry.

Attribute names are a contract with the manager and technician windows; add fields, never
rename them.

Threading: ``client``, ``journal``, ``sale_store`` and ``account_cache`` block (HTTP or
SQLite): call them only inside ``runner.run(...)``. ``device_signals`` and ``sync_signals``
are Qt objects living on the GUI thread; connect to their signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from till.backend_client import BackendClient, BackendError, Session
from till.config import Config
from till.core.parts import utc_now_iso
from till.tasks import TaskRunner

if TYPE_CHECKING:
    from devices.hub import DeviceHub
    from offline_queue.journal import Journal
    from offline_queue.reconcile import Reconciler
    from offline_queue.sync import SyncWorker
    from server.embedded import EmbeddedBackend
    from till.account_cache import AccountCache
    from till.catalogue_cache import CatalogueCache
    from till.core.submission import Submitter
    from till.device_signals import DeviceSignals
    from till.manager.login import ManagerSession
    from till.recovery import Recovery
    from till.sale_flow import SaleFlow
    from till.sale_store import SaleStore
    from till.sync_signals import SyncSignals

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """The till's collaborators (see the module docstring for threading rules).

    - ``config``: the validated :class:`till.config.Config`.
    - ``client``: :class:`till.backend_client.BackendClient`, the only HTTP door.
    - ``runner``: :class:`till.tasks.TaskRunner` for every blocking call.
    - ``journal``: :class:`offline_queue.journal.Journal` (earn, redeem, reverse, claim go
      through it first).
    - ``sync``: :class:`offline_queue.sync.SyncWorker` replaying the journal; ``sync.kick()``
      after appending.
    - ``hub``: :class:`devices.hub.DeviceHub`; ``hub.feed(RawRead)`` injects a read.
    - ``device_signals``: Qt adapter, ``identified = Signal(object)`` (``Identified``) and
      ``status = Signal(str)`` (plain-words reader state).
    - ``sync_signals``: Qt adapter, ``state_changed = Signal(object)`` (``SyncState``) and
      ``online_changed = Signal(bool)``; ``last_state`` holds the newest state.
    - ``submitter``: :class:`till.core.submission.Submitter`, the one journal-first path
      every operation (sale, claim, correction) leaves by; blocking.
    - ``sale_runner``: a one-thread :class:`TaskRunner` for the sale's writes (in order).
    - ``sale_flow``: :class:`till.sale_flow.SaleFlow`, the sale engine's Qt adapter, and
      ``recovery``: :class:`till.recovery.Recovery`, the search for interrupted sales; the
      cashier window is handed both.
    - ``session``: the backend :class:`Session` (store, till, OTP policy) or None while the
      backend has not answered yet; refresh with :meth:`refresh_session`.
    - ``sale_store``: :class:`till.sale_store.SaleStore`, the till's unfinished sales.
    - ``account_cache``: :class:`till.account_cache.AccountCache`, last known accounts for
      offline identification.
    - ``demo``: the :class:`server.embedded.EmbeddedBackend` in demo mode, else None.
    - ``data_dir``: where the till keeps its files (journal, sales, cache).
    - ``staff``: name of the signed-in cashier, "" when none.
    - ``startup_problems``: plain-words device problems found while building the context.
    - ``config_path``: the configuration file in use (None: defaults / default path).
    - ``reconciler``: :class:`offline_queue.reconcile.Reconciler`, checks acknowledged ops
      against the backend at start and hourly (issue 11). ``journal.problem`` is set (and
      nothing is sent) when the journal is missing, replaced or cut short.
    """

    config: Config
    client: BackendClient
    runner: TaskRunner
    journal: Journal
    sync: SyncWorker
    hub: DeviceHub
    device_signals: DeviceSignals
    sync_signals: SyncSignals
    sale_store: SaleStore
    account_cache: AccountCache
    submitter: Submitter
    sale_runner: TaskRunner
    session: Session | None = None
    demo: EmbeddedBackend | None = None
    data_dir: Path = field(default_factory=Path)
    staff: str = ""
    startup_problems: list[str] = field(default_factory=list)
    config_path: Path | None = None
    reconciler: Reconciler | None = None
    #: The manager signed in at this till while the manager window is open (the technician's
    #: bench needs no second sign-in then), else None.
    active_manager: ManagerSession | None = None
    # Issue 16: the catalogue and campaigns as last downloaded (till.catalogue_cache).
    catalogue: CatalogueCache | None = None
    #: Now, UTC ISO 8601, for what the till stamps itself (the sale's times, a return's
    #: ``occurred_at``): the wall clock; a test injects one that runs a week ahead (issue 16).
    clock: Callable[[], str] = utc_now_iso
    _closers: list[Callable[[], Any]] = field(default_factory=list, repr=False)
    #: Called with each new session (issue 17: the store's language is remembered).
    session_listeners: list[Callable[[Session], None]] = field(default_factory=list, repr=False)
    # Set by till.wiring right after construction (they need the context's session).
    sale_flow: SaleFlow = field(init=False, repr=False)
    recovery: Recovery = field(init=False, repr=False)

    def refresh_session(
        self,
        on_done: Callable[[Session], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Fetch the store's session (OTP policy...) again, e.g. after a manager changed it."""

        def done(session: Session) -> None:
            self.session = session
            for listener in self.session_listeners:
                listener(session)
            if on_done is not None:
                on_done(session)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, BackendError):
                log.error("session refresh failed", exc_info=exc)
            if on_error is not None:
                on_error(exc)

        self.runner.run(self.client.session, done, failed)

    def add_closer(self, fn: Callable[[], Any]) -> None:
        """Register something to stop at :meth:`close` (run in reverse order)."""
        self._closers.append(fn)

    def close(self) -> None:
        """Stop readers, the sync worker, the demo backend; close the files. Idempotent."""
        closers, self._closers = self._closers, []
        for fn in reversed(closers):
            try:
                fn()
            except Exception:
                log.exception("error while shutting down %r", fn)
