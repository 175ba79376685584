"""The feed's bell (issue 18): a ring wakes waiters on any loop thread; a ring between a
waiter's read and its wait is not lost (the version check)."""

from __future__ import annotations

import asyncio
import threading

from server.ordering.feed import Bell


def test_a_ring_from_another_thread_wakes_the_waiter() -> None:
    bell = Bell()

    async def main() -> bool:
        since = bell.version
        waiter = asyncio.ensure_future(bell.wait(since, 60))
        await asyncio.sleep(0)  # let the waiter register
        threading.Thread(target=bell.ring).start()
        await asyncio.wait_for(waiter, 30)
        return bell.version == since + 1

    assert asyncio.run(main())


def test_a_ring_before_the_wait_returns_at_once() -> None:
    bell = Bell()

    async def main() -> None:
        since = bell.version
        bell.ring()
        await asyncio.wait_for(bell.wait(since, 60), 5)

    asyncio.run(main())


def test_without_a_ring_the_wait_ends_at_its_timeout() -> None:
    bell = Bell()

    async def main() -> int:
        since = bell.version
        await bell.wait(since, 0.01)
        return bell.version

    assert asyncio.run(main()) == 0
