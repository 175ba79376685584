"""Error base of the offline_queue package."""


class JournalError(Exception):
    """A known journal condition (disk full, I/O error, corrupt file) a manager must act on."""
