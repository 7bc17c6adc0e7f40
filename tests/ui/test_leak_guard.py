"""The suite's leak guards (ui/conftest.no_leaks, conftest.till_threads_stopped) catch what they
are there to catch: a test that leaves a QTimer, a QThread or a receipt printer's thread running
fails, and one that stops them (or whose helper-made sale service is closed for it) passes. Run as a pytest of
its own (a child process) over a file of such tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LEAKY = '''
from PySide6.QtCore import QThread, QTimer

kept = []

def test_leaves_a_timer_running(qapp):
    timer = QTimer()
    timer.start(60_000)
    kept.append(timer)

def test_stops_its_timer(qapp):
    timer = QTimer()
    timer.start(60_000)
    timer.stop()

class Waiting(QThread):
    def run(self):
        self.exec()

def test_leaves_a_qthread_running(qapp):
    thread = Waiting()
    thread.start()
    kept.append(thread)

def test_a_deleted_window_takes_its_timer_with_it(qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget
    window = QWidget()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    QTimer(window, interval=30_000).start()
    window.show()
    window.close()

def test_leaves_a_printer_running(qapp):
    from pos_app.services.printing import ReceiptPrinter
    printer = ReceiptPrinter("memory")
    printer.open_drawer()
    kept.append(printer)

def test_a_sale_service_of_the_helpers_is_closed_for_it(qapp, tmp_path):
    from pos_app.store.replica import Replica
    from tests.benchmarks.run import build_replica
    from tests.tills import signed_in_sales
    build_replica(tmp_path / "till.sqlite", 20, stores=1)
    signed_in_sales(Replica.open(tmp_path / "till.sqlite")).printer.open_drawer()
'''


def test_a_timer_or_thread_left_running_fails_the_test(tmp_path):
    (tmp_path / "conftest.py").write_text(
        "from tests.conftest import till_threads_stopped  # noqa: F401\n"
        "from tests.ui.conftest import no_leaks  # noqa: F401\n"
    )
    (tmp_path / "test_leaky.py").write_text(LEAKY)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "COLUMNS": "400"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env,
    )  # fmt: skip
    out = done.stdout
    assert "ERROR" in out and "test_leaves_a_timer_running - AssertionError: timers left running" in out, out
    assert "test_leaves_a_qthread_running - AssertionError: QThreads left running" in out, out
    assert "PASSED test_leaky.py::test_stops_its_timer" in out, out
    assert "PASSED test_leaky.py::test_a_deleted_window_takes_its_timer_with_it" in out, out
    assert "test_leaves_a_printer_running - AssertionError: threads left running: ['printer']" in out, out
    assert "PASSED test_leaky.py::test_a_sale_service_of_the_helpers_is_closed_for_it" in out, out
    assert "6 passed, 3 errors" in out, out  # each leak fails its own test's teardown, and only that
