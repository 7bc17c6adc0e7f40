"""The till's one task runner: work is kept until it ends, a failure is logged rather than lost,
blocking calls run off the loop, and closing cancels what still runs and refuses new work."""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest

from pos_app.services.tasks import TaskRunner


def test_closing_cancels_what_runs_and_refuses_new_work():
    async def scenario() -> None:
        runner = TaskRunner()
        started = asyncio.Event()
        stopped: list[str] = []

        async def forever() -> None:
            started.set()
            try:
                await asyncio.Event().wait()
            finally:
                stopped.append("cleaned up")

        task = runner.spawn(forever())
        await started.wait()
        assert runner.running == 1
        await runner.aclose()
        assert task.cancelled() and stopped == ["cleaned up"] and runner.running == 0
        late = asyncio.sleep(0)
        with pytest.raises(RuntimeError, match="closing"):
            runner.spawn(late)

    asyncio.run(scenario())


def test_a_failure_is_logged_and_blocking_work_runs_off_the_loop(caplog):
    async def scenario() -> int:
        runner = TaskRunner()

        async def broken() -> None:
            raise ValueError("the printer said no")

        failed = runner.spawn(broken())
        await asyncio.wait([failed])
        loop_thread = threading.get_ident()
        where = await runner.in_thread(threading.get_ident)
        await runner.aclose()
        assert where != loop_thread
        return runner.running

    with caplog.at_level(logging.ERROR, logger="pos_app.services.tasks"):
        assert asyncio.run(scenario()) == 0
    assert any("failed" in r.message and r.exc_info and "printer said no" in str(r.exc_info[1]) for r in caplog.records)
