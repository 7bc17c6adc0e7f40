"""What the cashier sees when the till started on a damaged database: a plain warning on the
sign-in page that it was repaired, how much was recovered, and where the damaged file is kept."""

from __future__ import annotations

import asyncio
import sqlite3

from pos_app.app import LaunchOptions, TillSession
from pos_app.store import safekeeping
from tests.ui.conftest import screenshot


def test_the_sign_in_page_says_the_database_was_repaired(qtbot, qapp, ready_till_dir, tmp_path):
    path = ready_till_dir / "till.sqlite"
    safekeeping.backup(path)
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'prices'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\x00" * size)
    safekeeping.mark_running(path)  # the till was running when it happened

    session = TillSession(LaunchOptions(data_dir=ready_till_dir, language="en"))
    qtbot.addWidget(session.window)
    try:
        session.window.show()
        said = session.window.signin.error.text()
        assert "damaged and has been repaired" in said and str(ready_till_dir / "damaged") in said
        assert session.till.repair is not None and session.till.replica.item_by_barcode("8400000000017")
        screenshot(session.window, "repaired_start", tmp_path)
    finally:
        asyncio.run(session.till.aclose())
        session.window.close()
