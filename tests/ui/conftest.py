from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pos_app.app import apply_style
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
    asyncio.run(till.aclose())  # as the application ends it: printer thread, terminal, database


OUR_THREADS = ("printer", "terminal-simulator", "scale-simulator", "scale-simulator-line", "pole-display")


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp):
    """A test that leaves a window open, or one of the till's threads running (a printer, a
    simulator), fails: leaks are how Qt suites become flaky. Every test starts and ends in
    English, the source language (the demo starts in Spanish)."""
    set_language("en")
    before = set(threading.enumerate())
    yield
    set_language("en")
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in leaked:
        widget.close()
    assert not leaked, f"windows left open: {[type(w).__name__ for w in leaked]}"
    running = [t.name for t in set(threading.enumerate()) - before if t.name in OUR_THREADS and t.is_alive()]
    assert not running, f"threads left running: {running}"


def screenshot(widget, name: str, tmp_path: Path) -> Path:
    """Grab what the cashier sees; also into $POS_SCREENSHOTS when set, to look at by eye."""
    target = Path(os.environ.get("POS_SCREENSHOTS", tmp_path))
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{name}.png"
    assert widget.grab().save(str(path))
    return path
