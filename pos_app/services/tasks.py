"""The till's background work, run in one place (as Picard's `run_task` and napari's
`thread_worker` run theirs): coroutines on the screen's loop (qasync), blocking calls (a backup,
the diagnostics bundle) on a few threads of its own.

Every task is kept until it ends, so none is collected half-way; a task that fails is logged
(an exception nobody awaits is otherwise lost); and `aclose()`, which the till calls when it
closes, cancels what is still running and waits for it, so nothing outlives the till. A screen
starts its work here (`till.tasks.spawn(...)`), never with a loop of its own.

Devices that must see one write at a time keep a thread of their own, closed with the till:
the printer and the pole display (services/printing.py, pole_display.py), and the sync
engine's database thread (sync/client/engine.py, which knows nothing of the till).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class TaskRunner:
    def __init__(self, threads: int = 2, name: str = "till-work") -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix=name)
        self.closed = False

    def spawn(self, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        """Run `coro` on the running loop; kept until it ends, its failure logged."""
        if self.closed:
            coro.close()
            raise RuntimeError("the till is closing: no new work is started")
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the screen's loop is set (qasync) but between two runs: it runs it then
            loop = asyncio.get_event_loop()
        task = loop.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._ended)
        return task

    def _ended(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background work %s failed", task.get_coro(), exc_info=task.exception())

    async def in_thread(self, fn: Callable[..., T], *args: Any) -> T:
        """`fn(*args)` on one of the runner's threads, the loop free meanwhile."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, functools.partial(fn, *args))

    @property
    def running(self) -> int:
        return len(self._tasks)

    async def aclose(self) -> None:
        """Cancel every task and wait for those of this loop; then let the threads go (a call
        already on a thread finishes there: a thread cannot be stopped)."""
        self.closed = True
        here = asyncio.get_running_loop()
        for task in list(self._tasks):
            try:
                task.cancel()
            except RuntimeError:  # its loop is closed already (a test's loop): it runs no more
                self._tasks.discard(task)
        ours = [task for task in self._tasks if task.get_loop() is here]
        for task in ours:
            try:
                await task
            except asyncio.CancelledError:
                pass
            except Exception:  # logged by _ended
                pass
        self._tasks.clear()
        self._pool.shutdown(wait=False, cancel_futures=True)
