"""Durable SQLite operation journal and the sync worker that replays it. Plain Python, no Qt."""
