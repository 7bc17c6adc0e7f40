"""Qt objects die on Qt's thread (pos_app/qt_loop.py). Each case runs in a Python of its own: the
failure it guards against kills the process (SIGSEGV), which must not take a test worker with it.

The unguarded cases are kept on purpose: they show the crash each guard prevents, and start
failing (telling us a guard may go) if qasync or PySide6 ever stop producing it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

SCRIPT = r"""
import asyncio, gc, sys, threading, time
from PySide6.QtCore import QCoreApplication, QObject, QTimer, qInstallMessageHandler
import qasync
from pos_app.qt_loop import MainThreadCollector, QtLoop

case = sys.argv[1]
qInstallMessageHandler(lambda mode, context, message: print("Qt:", message, flush=True))
app = QCoreApplication([])

def on_another_thread(fn):
    worker = threading.Thread(target=fn, name="worker")
    worker.start()
    worker.join()

if case in ("qasync", "QtLoop"):
    # A loop closed with a call still pending (a request's timeout), freed later by a collection
    # that happens to run on another thread.
    gc.disable()
    loop = (qasync.QEventLoop if case == "qasync" else QtLoop)(app)
    asyncio.set_event_loop(loop)
    async def work():
        loop.call_later(0.2, lambda: None)
    loop.run_until_complete(work())
    asyncio.set_event_loop(None)
    loop.close()
    if case == "QtLoop":  # a call another thread queued before the close, delivered after it
        loop.call_soon(lambda: print("ran after the close", flush=True))
    del loop
    on_another_thread(gc.collect)
else:
    # A Qt object with a running timer, in a reference cycle, made garbage; then another thread
    # makes enough objects to cross Python's threshold for a collection.
    if case == "collector":
        collector = MainThreadCollector(interval_ms=10)
        collector.start()
    died_on = []
    class Holder:
        pass
    holder = Holder()
    holder.me = holder
    holder.timer = QTimer(interval=100)
    holder.timer.start()
    holder.timer.destroyed.connect(lambda: died_on.append(threading.current_thread().name))
    del holder
    kept = []
    on_another_thread(lambda: kept.extend([] for _ in range(100_000)))  # (what it made lives on)
    if case == "collector":
        end = time.monotonic() + 2
        while not died_on and time.monotonic() < end:
            app.processEvents()
        print("died on", died_on, flush=True)
time.sleep(0.3)
app.processEvents()  # a timer left registered for freed memory falls due here
print("survived", flush=True)
"""


def run(case: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", SCRIPT, case], capture_output=True, text=True, timeout=60, env=env)


def test_qasyncs_own_close_leaves_timers_that_crash_once_another_thread_frees_the_loop() -> None:
    result = run("qasync")
    assert "Timers cannot be stopped from another thread" in result.stdout
    assert result.returncode == -signal.SIGSEGV


def test_the_tills_loop_unregisters_its_timers_as_it_closes() -> None:
    result = run("QtLoop")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "another thread" not in result.stdout
    assert "survived" in result.stdout
    assert "ran after the close" not in result.stdout  # dropped, as qasync's stopped timer drops it


@pytest.mark.parametrize("case", ["none", "collector"])
def test_with_the_collector_a_qt_object_in_a_cycle_dies_on_qts_thread(case: str) -> None:
    result = run(case)
    if case == "none":  # Python's own collection ran on the allocating thread
        assert "Timers cannot be stopped from another thread" in result.stdout
        return
    assert result.returncode == 0, result.stdout + result.stderr
    assert "died on ['MainThread']" in result.stdout
    assert "another thread" not in result.stdout
