"""Error base of the offline_queue package."""


class JournalError(Exception):
    """A known journal condition (disk full, I/O error, corrupt file) a manager must act on."""


class TransientSendError(Exception):
    """The backend could not be reached or asked us to come back later (timeout, refused, 5xx, 429).

    Raised by a :class:`offline_queue.sync.BatchTransport`; the sync worker retries with backoff.
    """
