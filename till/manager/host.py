"""What the manager window needs from the till, typed: the collaborators it reads.

Why a Protocol and not the whole :class:`till.context.AppContext`: the manager window needs a
handful of the till's collaborators, and tests hand it exactly those over a loopback backend
(``tests/fixtures/manager.py``). ``AppContext`` satisfies it as it is (properties are
read-only, so a narrower attribute type there still fits); no ``getattr`` guessing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from offline_queue.journal import Journal
    from offline_queue.sync import SyncWorker
    from till.backend_client import BackendClient, Session
    from till.config import Config
    from till.manager.login import ManagerSession
    from till.sale_store import SaleStore
    from till.sync_signals import SyncSignals
    from till.tasks import TaskRunner


class ManagerHost(Protocol):
    """The till's side of the manager window (see :class:`till.context.AppContext`)."""

    #: The manager signed in (set while the window is unlocked, for the technician's bench).
    active_manager: ManagerSession | None

    @property
    def config(self) -> Config: ...

    @property
    def client(self) -> BackendClient: ...

    @property
    def runner(self) -> TaskRunner: ...

    @property
    def journal(self) -> Journal: ...

    @property
    def sync(self) -> SyncWorker | None:
        """The journal's sync worker: the guard every submission holds, and its wake-up."""
        ...

    @property
    def sync_signals(self) -> SyncSignals | None: ...

    @property
    def sale_store(self) -> SaleStore | None: ...

    @property
    def session(self) -> Session | None:
        """The backend's session as last fetched: the store's time zone for the screens."""
        ...

    @property
    def config_path(self) -> Path | None: ...

    def refresh_session(
        self,
        on_done: Callable[[Session], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None: ...
