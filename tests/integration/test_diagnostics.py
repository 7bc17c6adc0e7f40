"""The diagnostics bundle a manager sends to support: what support needs, no customer data."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import zipfile

from pos_app.diagnostics import mask
from pos_app.qt_loop import QtLoop
from pos_app.services.till import Till
from pos_app.ui.dialogs import SyncPanel
from tests.tills import ready_till_folder, signed_in_sales


def till_with_a_members_sale(tmp_path, live_server, central):
    folder = ready_till_folder(tmp_path, live_server, central)
    till = Till(folder)
    members = till.replica.conn.execute("SELECT card, name FROM customers").fetchall()
    assert members, "the demo chain has members"
    card = members[0][0]
    sales = signed_in_sales(till.replica)
    found = sales.customers.find_members(card)
    assert found
    sales.set_customer(found[0])
    assert sales.scan("8400000000017")
    assert sales.checkout.pay_cash(50_000) is not None
    (folder / "logs").mkdir()
    (folder / "logs" / "pos-app.log").write_text(
        f"2026-11-24 10:00:01 INFO pos: member {card} lucia.martin@example.com 600 123 456 scanned 8400000000017\n"
    )
    return till, folder, members


def test_the_bundle_holds_what_support_needs_and_no_customer_data(qapp, tmp_path, live_server, central):
    till, folder, members = till_with_a_members_sale(tmp_path, live_server, central)
    token = till.identity.token
    asyncio.run(till.aclose())
    target = tmp_path / "out" / "diag.zip"
    made = subprocess.run(
        [sys.executable, "-m", "pos_app", "--diagnostics", str(target), "--data-dir", str(folder), "--printer", "none"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert made.returncode == 0 and str(target) in made.stdout, made.stderr
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        assert {"self-test.txt", "system.json", "database.json", "logs/pos-app.log"} <= names
        everything = b"".join(zf.read(name) for name in names).decode()
        database = json.loads(zf.read("database.json"))
        log = zf.read("logs/pos-app.log").decode()
        self_test = zf.read("self-test.txt").decode()
    assert "OK      Database" in self_test and "Sales journal intact" in self_test
    assert database["quick_check"] == ["ok"] and database["journal_problems"] == []
    assert database["rows"]["customers"] == len(members) and database["rows"]["sales"] == 1
    assert database["identity"]["till_code"] == "T1" and "token" not in database["identity"]
    assert database["outbox_waiting"]["sale.completed"] == 1
    # Nothing that names a person, and not the device's secret.
    for card, name in members:
        assert card not in everything and name not in everything
    assert "example.com" not in everything and "600 123 456" not in everything
    assert token not in everything
    assert "<card>" in log and "<e-mail>" in log and "<phone>" in log and "8400000000017" in log
    assert not any(name.endswith((".sqlite", ".token")) for name in names)


def test_the_manager_exports_it_from_the_sync_panel(qtbot, qapp, tmp_path, live_server, central):
    till, folder, _members = till_with_a_members_sale(tmp_path, live_server, central)
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)

    async def scenario() -> None:
        panel = SyncPanel(till)
        qtbot.addWidget(panel)
        panel.show()
        panel.export.click()
        assert not panel.export.isEnabled()  # one at a time; the screen goes on meanwhile
        async with asyncio.timeout(60):
            while "Diagnostics saved" not in panel.exported.text():
                await asyncio.sleep(0.01)
        saved = list((folder / "diagnostics").glob("diagnostics-MAD1-T1-*.zip"))
        assert len(saved) == 1 and str(saved[0]) in panel.exported.text()
        assert panel.export.isEnabled()
        panel.reject()
        await till.aclose()

    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def test_masking_keeps_barcodes_and_times():
    assert mask("scan 8400000000017 at 2026-11-24 10:00:01,123") == "scan 8400000000017 at 2026-11-24 10:00:01,123"
    assert mask("call +34 600123456 or 600 123 456") == "call <phone> or <phone>"
