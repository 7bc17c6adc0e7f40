"""The pickup screen by keyboard, offline on what the till last pulled: a prepaid web order
found by its pickup code, picked, made ready and handed over with a pickup receipt; a phone
reservation paid at the counter; a reserved unit refused to a walk-in until a manager releases it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pos_app.services.till import Till
from pos_app.ui.pickup import PickupDialog
from pos_app.ui.shop_dialogs import ApprovalDialog
from tests.ui.conftest import screenshot
from tests.ui.test_customer import finish, sign_in, start
from tests.ui.test_full_shift import dialog_of, press, until


def order_code(till: Till, number: str) -> str:
    return till.replica.conn.execute("SELECT code FROM orders WHERE number = ?", (number,)).fetchone()[0]


def test_a_prepaid_web_order_is_found_by_its_code_picked_readied_and_handed_over(qtbot, qapp, ready_till_dir, tmp_path):
    till, window, loop = start(qapp, ready_till_dir)
    qtbot.addWidget(window)
    replica = till.replica

    async def pickup() -> None:
        window.show()
        sign_in(qtbot, window)
        await press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        desk = await dialog_of(window, PickupDialog)
        assert desk.tabs.tabText(0) == "New (2)" and desk.list.count() == 2
        code = order_code(till, "W-100231")
        qtbot.keyClicks(desk.find, code[:4].lower() + " " + code[4:])  # as read off her phone
        qtbot.keyClick(desk.find, Qt.Key.Key_Return)
        assert desk.order is not None and desk.order.number == "W-100231"
        assert desk.identity.isChecked()  # her code is the proof
        assert "Lucía Martín Gómez" in desk.details.text() and "paid online" in desk.details.text()
        assert desk.lines.count() == 2
        screenshot(desk, "pickup_new", tmp_path)

        qtbot.keyClick(desk, Qt.Key.Key_F4)  # not ready yet: refused, says why
        assert "only a ready order" in desk.status.text()
        qtbot.keyClick(desk, Qt.Key.Key_F2)
        assert desk.order.state == "picking" and desk.tabs.currentIndex() == 1
        qtbot.keyClick(desk, Qt.Key.Key_F3)
        assert desk.order.state == "ready" and desk.tabs.currentIndex() == 2
        assert "the customer will be told" in desk.status.text()
        screenshot(desk, "pickup_ready", tmp_path)
        ready = desk.order
        qtbot.keyClick(desk, Qt.Key.Key_F4)  # prepaid: handed over, the pickup receipt printed
        assert replica.order(ready.id).state == "collected"
        assert "handed over" in desk.status.text() and desk.tabs.tabText(2) == "Ready (0)"
        qtbot.keyClick(desk, Qt.Key.Key_Escape)
        await until(lambda: window.dialog is None)

    try:
        loop.run_until_complete(pickup())
        steps = [r[0] for r in replica.conn.execute("SELECT step FROM order_steps ORDER BY id")]
        assert steps == ["picking", "ready", "collected"]
        events = [r[0] for r in replica.conn.execute("SELECT type FROM outbox ORDER BY seq")]
        assert events.count("order.step") == 3
        moved = replica.conn.execute("SELECT SUM(delta) FROM stock_movements WHERE reason = 'pickup'").fetchone()[0]
        assert moved == -3  # one of the first item, two of the second
        till.printer.close()
        assert any(b"PICKUP RECEIPT" in job for job in till.printer.sent)
    finally:
        finish(till, window, loop)


def test_a_reservation_to_pay_here_and_a_reserved_unit_refused_to_a_walk_in(qtbot, qapp, ready_till_dir, tmp_path):
    till, window, loop = start(qapp, ready_till_dir)
    qtbot.addWidget(window)
    replica = till.replica
    identity = till.identity
    reservation = replica.find_orders(identity.store_id, "TEL-0007")[0]
    sku = reservation.lines[0].sku_id
    barcode = replica.conn.execute("SELECT code FROM barcodes WHERE sku_id = ?", (sku,)).fetchone()[0]
    on_hand = replica.stock_on_hand(identity.store_id, sku)

    async def counter() -> None:
        window.show()
        sign_in(qtbot, window)
        # A walk-in wants every unit on the shelf: the last one is Carmen's.
        qtbot.keyClicks(window.entry, f"{on_hand}*{barcode}")
        qtbot.keyClick(window.entry, Qt.Key.Key_Return)
        assert till.sales.cart.lines == []
        box = await dialog_of(window, QMessageBox)
        assert "TEL-0007" in box.text() and "Carmen Ruiz Soto" in box.text()
        screenshot(window, "reserved_refused", tmp_path)
        box.button(QMessageBox.StandardButton.Yes).click()
        approval = await dialog_of(window, ApprovalDialog)
        approval.approve_as("Luis", "9999")
        await until(lambda: window.dialog is None)
        assert till.sales.cart.lines[0].quantity == on_hand  # released by the manager, sold
        assert replica.order(reservation.id).lines[0].held == 0
        till.sales.clear()

        # The reservation's own hand-over, to pay here: ready, then Carmen (by name) pays cash.
        till.pickup.mark_ready(replica.order(reservation.id))
        await press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        desk = await dialog_of(window, PickupDialog)
        qtbot.keyClicks(desk.find, "carmen")
        qtbot.keyClick(desk.find, Qt.Key.Key_Return)
        assert desk.order.number == "TEL-0007" and not desk.identity.isChecked()  # found by name: check her ID
        qtbot.keyClick(desk, Qt.Key.Key_F5)
        qtbot.keyClick(desk, Qt.Key.Key_F7)  # hand over what is here (its unit was released)
        assert "Nothing to hand over" in desk.status.text()
        qtbot.keyClick(desk, Qt.Key.Key_Escape)
        await until(lambda: window.dialog is None)

    try:
        loop.run_until_complete(counter())
        steps = [r[0] for r in replica.conn.execute("SELECT step FROM order_steps ORDER BY id")]
        assert steps == ["released", "ready"]
        approvals = replica.overrides()
        assert [o[1] for o in approvals] == ["order.release"]
    finally:
        finish(till, window, loop)
