"""Stock across stores by keyboard: the stock view asks a sibling store for units, the
transfers screen receives a parcel by its code (one short, with its reason) and requests the
replenishment suggestions, and a blind count by location is approved by a manager."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from pos_app.store.replica import Replica
from pos_app.ui.main_window import SaleWindow
from pos_app.ui.shop_dialogs import ApprovalDialog
from pos_app.ui.stock import CountDialog, StockDialog, TransfersDialog
from sync.rules.barcode import make_ean13
from tests.tills import ready_till, sync
from tests.ui.conftest import screenshot
from tests.ui.test_customer import finish, start
from tests.ui.test_full_shift import dialog_of, press, scan, until

TEE3 = make_ean13("840000000003")  # S0000003


def sign_in_as(qtbot, window: SaleWindow, name: str, pin: str) -> None:
    window.signin.choose(name)
    qtbot.keyClicks(window.signin.pin, pin)
    qtbot.keyClick(window.signin.pin, Qt.Key.Key_Return)
    assert window.on_sale_page()


def sku_of(replica: Replica, code: str) -> int:
    return replica.conn.execute("SELECT id FROM skus WHERE code = ?", (code,)).fetchone()[0]


def test_the_stock_view_shows_here_and_the_sister_stores_and_asks_one_for_units(qtbot, qapp, ready_till_dir, tmp_path):
    till, window, loop = start(qapp, ready_till_dir)
    qtbot.addWidget(window)
    replica = till.replica
    here = till.identity.store_id
    sku = sku_of(replica, "S0000003")

    async def view() -> None:
        window.show()
        sign_in_as(qtbot, window, "Luis", "9999")
        scan(qtbot, window, TEE3)
        await press(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        stock = await dialog_of(window, StockDialog)
        assert stock.sku_id == sku and stock.here.rowCount() >= 2  # the product's variants
        row = stock.here.currentRow()
        assert stock.here.item(row, 1).text() == str(replica.stock_on_hand(here, sku))
        assert stock.there.rowCount() == 1 and stock.there.item(0, 0).text() == "Barcelona Diagonal"
        assert stock.there.item(0, 1).text() == str(replica.stock.sibling_figures(here, sku)[0][2])
        stock.quantity.setValue(2)
        screenshot(stock, "stock_view", tmp_path)
        qtbot.keyClick(stock, Qt.Key.Key_F2)
        assert "requested" in stock.status.text()
        # One found broken on the shelf: written off as damaged (Luis is a manager: no PIN asked).
        before = replica.stock_on_hand(here, sku)
        stock.reason.setCurrentIndex(stock.reason.findData("damage"))
        qtbot.keyClick(stock, Qt.Key.Key_F4)
        assert "Stock adjusted" in stock.status.text() and replica.stock_on_hand(here, sku) == before - 1
        assert stock.here.item(stock.here.currentRow(), 1).text() == str(before - 1)
        qtbot.keyClick(stock, Qt.Key.Key_Escape)
        await until(lambda: window.dialog is None)
        till.sales.clear()

    try:
        loop.run_until_complete(view())
        payload = json.loads(
            replica.conn.execute("SELECT payload FROM outbox WHERE type = 'transfer.requested'").fetchone()[0]
        )
        assert payload["lines"] == [{"sku_id": sku, "quantity": 2, "reason": ""}]
        adjusted = json.loads(
            replica.conn.execute("SELECT payload FROM outbox WHERE type = 'stock.adjusted'").fetchone()[0]
        )
        assert adjusted["kind"] == "adjustment" and adjusted["lines"][0]["reason"] == "damage"
    finally:
        finish(till, window, loop)


def test_a_parcel_is_received_by_its_code_one_short_and_suggestions_become_requests(
    qtbot, qapp, ready_till_dir, tmp_path, live_server, central
):
    # Before the screen: Madrid asked Barcelona for 4 tees; Barcelona shipped them.
    madrid = Replica.open(ready_till_dir / "till.sqlite")
    mad, bcn = central.store_id_by_code("MAD1"), central.store_id_by_code("BCN1")
    sku = sku_of(madrid, "S0000003")
    asked = madrid.stock.request_transfer(mad, "T1", bcn, [(sku, 4)])
    sync(madrid)
    barcelona = ready_till(tmp_path, live_server, central, "B1", store="BCN1")
    barcelona.stock.record_transfer_step(bcn, asked.id, "shipped", [(sku, 4, "")])
    sync(barcelona)
    sync(madrid)
    before = madrid.stock_on_hand(mad, sku)
    madrid.close()
    barcelona.close()

    till, window, loop = start(qapp, ready_till_dir)
    qtbot.addWidget(window)

    async def receive() -> None:
        window.show()
        sign_in_as(qtbot, window, "Luis", "9999")
        await press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        screen = await dialog_of(window, TransfersDialog)
        qtbot.keyClicks(screen.code_box, asked.code.lower())  # the parcel's note, scanned
        qtbot.keyClick(screen.code_box, Qt.Key.Key_Return)
        assert screen.transfer.id == asked.id and screen.tab == "incoming"
        assert screen.lines.item(0, 2).text() == "4" and screen.lines.item(0, 4).text() == "4"
        screen.set_now(sku, 3)
        qtbot.keyClick(screen, Qt.Key.Key_F5)  # a difference needs its reason
        assert "say why" in screen.status.text()
        screen.set_now(sku, 3, "short")
        screenshot(screen, "transfer_receive", tmp_path)
        qtbot.keyClick(screen, Qt.Key.Key_F5)
        assert "received" in screen.status.text() and "1 unit(s) differ" in screen.status.text()
        assert till.replica.stock_on_hand(mad, sku) == before + 3

        qtbot.keyClick(screen, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # suggestions
        assert screen.tab == "suggestions" and screen.list.count() > 0
        screenshot(screen, "transfer_suggestions", tmp_path)
        qtbot.keyClick(screen, Qt.Key.Key_F7)
        assert "transfer(s) requested" in screen.status.text()
        qtbot.keyClick(screen, Qt.Key.Key_Escape)
        await until(lambda: window.dialog is None)

    try:
        loop.run_until_complete(receive())
        steps = [r[0] for r in till.replica.conn.execute("SELECT step FROM transfer_steps")]
        assert steps == ["received"]
        moved = till.replica.conn.execute(
            "SELECT SUM(delta) FROM stock_movements WHERE reason = 'transfer_in'"
        ).fetchone()[0]
        assert moved == 3
    finally:
        finish(till, window, loop)


def test_a_blind_count_by_location_approved_by_a_manager(qtbot, qapp, ready_till_dir, tmp_path):
    till, window, loop = start(qapp, ready_till_dir)
    qtbot.addWidget(window)
    replica = till.replica
    here = till.identity.store_id
    sku = sku_of(replica, "S0000003")

    async def count() -> None:
        window.show()
        sign_in_as(qtbot, window, "Ana", "1234")
        await press(qtbot, window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
        screen = await dialog_of(window, CountDialog)
        screen.scope.setCurrentIndex(screen.scope.count() - 1)  # a location
        qtbot.keyClicks(screen.location, "Escaparate")
        qtbot.keyClick(screen, Qt.Key.Key_F2)
        assert "Counting: Escaparate · blind" in screen.title.text()
        qtbot.keyClicks(screen.scan, f"3*{TEE3}")
        qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
        assert screen.lines.item(0, 1).text() == "3" and screen.lines.item(0, 2).text() == "·"  # blind
        screenshot(screen, "count_blind", tmp_path)
        qtbot.keyClick(screen, Qt.Key.Key_F3)  # review: the expected figure shows now
        expected = replica.stock_on_hand(here, sku)
        assert screen.lines.item(0, 2).text() == str(expected)
        qtbot.keyClick(screen, Qt.Key.Key_F4)  # Ana may not approve alone
        approval = await until_approval(window, screen)
        approval.approve_as("Luis", "9999")
        await until(lambda: "Count approved" in screen.status.text())
        assert replica.stock_on_hand(here, sku) == 3 and replica.stock.open_count() is None
        qtbot.keyClick(screen, Qt.Key.Key_Escape)
        await until(lambda: window.dialog is None)

    try:
        loop.run_until_complete(count())
        payload = json.loads(
            replica.conn.execute("SELECT payload FROM outbox WHERE type = 'stock.adjusted'").fetchone()[0]
        )
        assert payload["kind"] == "count" and payload["scope"] == "@Escaparate" and payload["blind"] is True
        assert payload["lines"][0]["counted"] == 3 and payload["approver_id"] is not None
    finally:
        finish(till, window, loop)


async def until_approval(window: SaleWindow, parent) -> ApprovalDialog:
    from PySide6.QtWidgets import QApplication

    found: list[ApprovalDialog] = []

    def opened() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ApprovalDialog) and w.isVisible()]
        return bool(found)

    await until(opened)
    return found[0]
