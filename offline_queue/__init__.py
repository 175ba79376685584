"""Durable SQLite operation journal and the sync worker that replays it. Plain Python, no Qt."""

from offline_queue.errors import JournalError, JournalWriteError, TransientSendError
from offline_queue.journal import Journal
from offline_queue.op import Entry, JournalStats, Op, OpState

__all__ = [
    "Entry",
    "Journal",
    "JournalError",
    "JournalStats",
    "JournalWriteError",
    "Op",
    "OpState",
    "TransientSendError",
]
