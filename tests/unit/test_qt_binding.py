"""The Qt binding must not leak references: a till emits signals thousands of times a shift.

PySide6 6.12.0 (shiboken6 6.12.0) returns the result of `SignalInstance.emit()` (True) without
taking a reference for the caller, so each emit takes one reference away from `True`; on
CPython 3.11, where `True` is not immortal, the process aborts in `bool_dealloc` after a few
hundred sales. pyproject pins the binding below it; this test keeps any future upgrade honest.
Each probe runs in a child process, because a binding that leaks can kill the interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

    app = QCoreApplication.instance() or QCoreApplication([])

    class Source(QObject):
        text = Signal(str)
        flag = Signal(bool)
        number = Signal(int)
        thing = Signal(object)
        asked = Signal(str)

    class Sink(QObject):
        @Slot(str, result=bool)
        def answer(self, _text):
            return True

    source, sink = Source(), Sink()
    source.asked.connect(sink.answer)
    words = "till-" + "x" * 8  # a str of its own, so its count is only ours
    payload = object()

    def counts():
        return {
            "True": sys.getrefcount(True),
            "False": sys.getrefcount(False),
            "None": sys.getrefcount(None),
            "7": sys.getrefcount(7),
            "str argument": sys.getrefcount(words),
            "object argument": sys.getrefcount(payload),
        }

    emits = {
        "Signal(str)": lambda: source.text.emit(words),
        "Signal(bool) True": lambda: source.flag.emit(True),
        "Signal(bool) False": lambda: source.flag.emit(False),
        "Signal(int)": lambda: source.number.emit(7),
        "Signal(object)": lambda: source.thing.emit(payload),
        "Signal(object) None": lambda: source.thing.emit(None),
        "slot returning bool": lambda: source.asked.emit(words),
    }
    case = sys.argv[1]
    emit = emits[case]
    for _ in range(10):  # warm-up: caches the binding fills once
        emit()
    before = counts()
    for _ in range(int(sys.argv[2])):
        emit()
    after = counts()
    print(json.dumps({name: after[name] - before[name] for name in before}))
    """
)

CASES = [
    "Signal(str)",
    "Signal(bool) True",
    "Signal(bool) False",
    "Signal(int)",
    "Signal(object)",
    "Signal(object) None",
    "slot returning bool",
]


@pytest.mark.parametrize("case", CASES)
def test_emitting_a_signal_leaks_no_reference(case):
    # 20 emits: a leak of one reference per emit shows as -20 or +20, before a leaking binding aborts.
    child = subprocess.run(
        [sys.executable, "-c", PROBE, case, "20"], capture_output=True, text=True, timeout=60, check=False
    )
    assert child.returncode == 0, f"the probe died (exit {child.returncode}): {child.stderr[-600:]}"
    drift = json.loads(child.stdout.strip().splitlines()[-1])
    leaking = {name: delta for name, delta in drift.items() if delta != 0}
    assert not leaking, f"{case}: reference counts drifted over 20 emits: {leaking}"
