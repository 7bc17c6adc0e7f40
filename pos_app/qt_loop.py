"""The till's asyncio loop inside Qt's (qasync), and Python's garbage collection kept on Qt's thread.

Qt's rule: a QObject is destroyed on the thread it lives on. Python breaks it without a word when
the last reference to a Qt object goes away on another thread: a cyclic collection runs on
whichever thread happens to allocate when its threshold is crossed (the printer's, the sync
engine's database thread, an executor's), and the Qt objects in the cycles it frees are destroyed
there. For an object with timers running, Qt then only warns ("QObject::~QObject: Timers cannot be
stopped from another thread") and leaves the timers registered with the main thread's event
dispatcher; when one falls due, Qt delivers its event to freed memory and the process dies
(SIGSEGV in QTimerInfoList::activateTimers). A till that runs all day must not play those odds.

- `QtLoop.close` destroys the loop's timer object on the closing thread, so the timers of calls
  still pending (a request's timeout, a retry's back-off) are unregistered there, whoever frees the
  loop later. qasync's own close only marks them stopped (tests/unit/test_qt_loop.py shows the crash).
- `MainThreadCollector` turns automatic collection off and collects on the Qt thread, from a timer,
  when Python's own thresholds say a generation is due: the same counts, on the right thread
  (pyqtgraph's GarbageCollector does the same for the same reason).
"""

from __future__ import annotations

import asyncio
import gc
import os

os.environ.setdefault("QT_API", "pyside6")  # the binding qasync takes (before it is imported)

import qasync
import shiboken6
from PySide6.QtCore import QObject, QTimer


class QtLoop(qasync.QEventLoop):
    """qasync's loop, whose close leaves no timer registered with Qt."""

    def close(self) -> None:
        super().close()
        timer = getattr(self, "_timer", None)  # qasync's _SimpleTimer: one Qt timer per call_later
        if isinstance(timer, QObject) and shiboken6.isValid(timer):
            shiboken6.delete(timer)  # ~QObject here, on the loop's thread: its timers go with it

    def _add_callback(self, handle: asyncio.Handle, delay: float = 0) -> asyncio.Handle:
        # A call another thread queued before the close and Qt delivers after it is dropped, as
        # qasync's stopped timer dropped it (it never ran); there is no timer left to give it.
        if self.is_closed():
            return handle
        return super()._add_callback(handle, delay)


class MainThreadCollector(QObject):
    """Python's cyclic garbage collected on the Qt thread only (see the module's docstring)."""

    def __init__(self, interval_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)
        self._was_enabled = gc.isenabled()

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns the objects freed."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0
