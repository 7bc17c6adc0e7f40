from __future__ import annotations

import asyncio
import gc
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from pos_app.app import apply_style
from pos_app.qt_loop import MainThreadCollector
from pos_app.services.till import Till
from pos_app.store.replica import Replica
from pos_app.ui.i18n import set_language
from tests.tills import enrol_till, load_catalog


@pytest.fixture
def ready_till_dir(tmp_path, live_server, central) -> Path:
    """A till folder enrolled at the live server with its catalog loaded."""
    folder = tmp_path / "till"
    replica = Replica.open(folder / "till.sqlite")
    identity = asyncio.run(enrol_till(replica, live_server.url, central))

    load_catalog(folder / "till.sqlite", identity)
    replica.close()
    return folder


@pytest.fixture
def till(qapp, ready_till_dir):
    apply_style(qapp)
    till = Till(ready_till_dir)
    yield till
    # As the application ends it (its tasks, printer thread, terminal, database), on the test's
    # Qt loop when it set one, so work it started there is cancelled and waited for there.
    try:
        loop: asyncio.AbstractEventLoop | None = asyncio.get_event_loop_policy().get_event_loop()
    except RuntimeError:  # none is set (an asyncio.run() before unset it)
        loop = None
    if loop is None or loop.is_closed() or loop.is_running():
        asyncio.run(till.aclose())
    else:
        loop.run_until_complete(till.aclose())


class Started:
    """Every QTimer and QThread a test starts (QTimer.start and QThread.start patched, as
    napari's _dangling_qtimers and _dangling_qthreads do), to find those still running after it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.timers: list[QTimer] = []
        self.threads: list[QThread] = []
        for cls, found in ((QTimer, self.timers), (QThread, self.threads)):
            real = cls.start

            def start(obj: object, *args: object, _real: Any = real, _found: list = found) -> object:
                _found.append(obj)
                return _real(obj, *args)

            monkeypatch.setattr(cls, "start", start)

    @staticmethod
    def _running(objects: list, alive: str) -> list:
        running = []
        for obj in objects:
            try:
                if getattr(obj, alive)():
                    running.append(obj)
            except RuntimeError:  # its C++ object is gone (deleted with its parent): not running
                pass
        return running

    def timers_running(self) -> list[QTimer]:
        return self._running(self.timers, "isActive")

    def threads_running(self) -> list[QThread]:
        return self._running(self.threads, "isRunning")


@pytest.fixture(autouse=True)
def no_leaks(qapp, monkeypatch):
    """A test that leaves a window open, a QTimer or QThread running, a task in Qt's thread pool,
    or one of the till's threads (a printer, a simulator) running, fails: leaks are how Qt suites
    become flaky, and a till runs all day. Windows closed by the test are deleted as the
    application would (posted deletions run) before its timers are looked at. Every test starts
    and ends in English, the source language (the demo starts in Spanish)."""
    set_language("en")
    started = Started(monkeypatch)
    # Python's collections on Qt's thread, as the till runs (pos_app/qt_loop.py): a collection
    # on a worker thread destroys the Qt objects it frees there, and a timer of theirs left
    # registered crashed a later test (SIGSEGV in QTimerInfoList::activateTimers).
    collector = MainThreadCollector(interval_ms=100)
    collector.start()
    yield started
    collector.stop()
    gc.collect()  # what this test left in cycles dies here, on Qt's thread
    set_language("en")
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in leaked:
        widget.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    timers = started.timers_running()
    threads = started.threads_running()
    for timer in timers:
        timer.stop()
    pool = QThreadPool.globalInstance().activeThreadCount()
    assert not leaked, f"windows left open: {[type(w).__name__ for w in leaked]}"
    assert not timers, f"timers left running: {[(type(t.parent()).__name__, t.interval()) for t in timers]}"
    assert not threads, f"QThreads left running: {[type(t).__name__ for t in threads]}"
    assert not pool, f"{pool} task(s) left in Qt's thread pool"
    # the till's own threads: tests/conftest.py's till_threads_stopped, for every test


def screenshot(widget, name: str, tmp_path: Path) -> Path:
    """Grab what the cashier sees; also into $POS_SCREENSHOTS when set, to look at by eye."""
    target = Path(os.environ.get("POS_SCREENSHOTS", tmp_path))
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{name}.png"
    assert widget.grab().save(str(path))
    return path
