"""Error base of the offline_queue package."""


class JournalError(Exception):
    """A known journal condition (disk full, I/O error, corrupt file) a manager must act on.

    ``code`` is stable (never reworded): the till's screens translate a journal error by it
    (``till/journal_words.py``), since this package stays English and knows nothing of the
    till. ``str()`` stays the English sentence for logs and the command line.
    """

    code = "journal"


class JournalWriteError(JournalError):
    """An operation could not be made durable (disk full, I/O error, read-only file).

    Nothing was written: the transaction was rolled back, so there is no partial row. The till
    shows this as "sale not recorded, call a manager"; the journal itself stays usable and the
    next append succeeds once space (or the disk) is back.
    """

    code = "not_recorded"

    def __init__(self, detail: str) -> None:
        super().__init__(f"Sale not recorded, call a manager ({detail}).")
        self.detail = detail


class OpIdConflictError(JournalError):
    """The same op_id was appended again with a different kind, account or payload.

    A caller bug (or a reused UUID): replaying it would make the backend answer
    ``409 idempotency_conflict``, so the journal refuses it up front.
    """

    code = "op_id_conflict"


class UnknownOpError(JournalError, KeyError):
    """No operation with this op_id is in the journal."""

    code = "unknown_op"

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "unknown operation"


class OpStateError(JournalError):
    """The operation is not in the state this transition needs (e.g. retry of a non-review op)."""

    code = "op_state"


class JournalVersionError(JournalError):
    """The journal file was written by a newer version of the till; it is not downgraded."""

    code = "newer_version"


class TransientSendError(Exception):
    """The backend could not be reached or asked us to come back later (timeout, refused, 5xx, 429).

    Raised by a :class:`offline_queue.sync.BatchTransport`; the sync worker retries with backoff.
    """
