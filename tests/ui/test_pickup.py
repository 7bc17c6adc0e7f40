"""The pickup screen by keyboard, offline on what the till last pulled: a prepaid web order
found by its pickup code, picked, made ready and handed over with a pickup receipt; a phone
reservation found by name and paid at the counter; a reserved unit refused to a walk-in until a
manager releases it; a reservation for a customer here and in a sibling store."""

from __future__ import annotations

import asyncio
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pos_app.qt_loop import QtLoop
from pos_app.services.till import Till
from pos_app.ui.main_window import SaleWindow
from pos_app.ui.pickup import PickupDialog, ReserveDialog
from pos_app.ui.shop_dialogs import ApprovalDialog, PaymentDialog
from sync.rules.barcode import make_ean13
from tests.ui.conftest import screenshot
from tests.ui.test_customer import finish, sign_in, start
from tests.ui.test_full_shift import dialog_of, next_sale, press, scan, until


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
        qtbot.keyClicks(desk.code_box, code[:4].lower() + " " + code[4:])  # as read off her phone
        qtbot.keyClick(desk.code_box, Qt.Key.Key_Return)
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
        assert replica.orders.order(ready.id).state == "collected"
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


def test_a_reservation_paid_here_and_a_reserved_unit_refused_to_a_walk_in(qtbot, qapp, ready_till_dir, tmp_path):
    till, window, loop = start(qapp, ready_till_dir)
    qtbot.addWidget(window)
    replica = till.replica
    identity = till.identity
    reservation = replica.orders.find_orders(identity.store_id, "TEL-0007")[0]
    web = replica.orders.find_orders(identity.store_id, "W-100231")[0]
    sku = web.lines[0].sku_id  # one unit held for Lucía's web order
    barcode = replica.conn.execute("SELECT code FROM barcodes WHERE sku_id = ?", (sku,)).fetchone()[0]
    on_hand = replica.stock_on_hand(identity.store_id, sku)

    async def counter() -> None:
        window.show()
        sign_in(qtbot, window)
        # Carmen comes for her phone reservation: found by name, her ID checked, she pays here.
        till.pickup.mark_ready(reservation)
        await press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        desk = await dialog_of(window, PickupDialog)
        qtbot.keyClicks(desk.code_box, "carmen")
        qtbot.keyClick(desk.code_box, Qt.Key.Key_Return)
        assert desk.order.number == "TEL-0007" and not desk.identity.isChecked()  # found by name: check her ID
        assert "to pay here" in desk.details.text()
        qtbot.keyClick(desk, Qt.Key.Key_F4)
        assert "identity" in desk.status.text()
        qtbot.keyClick(desk, Qt.Key.Key_F5)
        qtbot.keyClick(desk, Qt.Key.Key_F4)  # to the sale screen, and the payment opens
        pay = await dialog_of(window, PaymentDialog)
        assert till.sales.cart.total == reservation.total and till.sales.order.id == reservation.id
        qtbot.keyClick(pay.amount, Qt.Key.Key_Return)  # exact cash
        text = await next_sale(qtbot, window)
        assert reservation.lines[0].name in text
        assert replica.orders.order(reservation.id).state == "collected"

        # A walk-in wants every unit on the shelf: the last one is Lucía's.
        qtbot.keyClicks(window.entry, f"{on_hand}*{barcode}")
        qtbot.keyClick(window.entry, Qt.Key.Key_Return)
        assert till.sales.cart.lines == []
        box = await dialog_of(window, QMessageBox)
        assert "W-100231" in box.text() and "Lucía Martín Gómez" in box.text()
        screenshot(window, "reserved_refused", tmp_path)
        box.button(QMessageBox.StandardButton.Yes).click()
        approval = await dialog_of(window, ApprovalDialog)
        approval.approve_as("Luis", "9999")
        await until(lambda: window.dialog is None)
        assert till.sales.cart.lines[0].quantity == on_hand  # released by the manager, sold
        assert replica.orders.order(web.id).lines[0].held == 0
        till.sales.clear()

    try:
        loop.run_until_complete(counter())
        steps = [r[0] for r in replica.conn.execute("SELECT step FROM order_steps ORDER BY id")]
        assert steps == ["ready", "collected", "released"]
        paid = replica.conn.execute("SELECT order_id FROM sales").fetchall()
        assert [r[0] for r in paid] == [reservation.id]  # the sale names the order it paid for
        assert [o[1] for o in replica.sales.overrides()] == ["order.release"]
    finally:
        finish(till, window, loop)


def test_a_cashier_reserves_a_product_for_a_customer_here_and_in_a_sibling_store(qtbot, qapp, ready_till_dir, tmp_path):
    till, window, loop = start(qapp, ready_till_dir)
    qtbot.addWidget(window)
    replica = till.replica
    sofa = replica.conn.execute("SELECT id FROM skus WHERE code = 'SOFA-TV-VERDE'").fetchone()[0]

    async def reserve() -> None:
        window.show()
        sign_in(qtbot, window)
        scan(qtbot, window, make_ean13("849000000001"))
        await press(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        form = await dialog_of(window, ReserveDialog)
        assert form.where.itemText(0) == "Here (1 free)" and "Barcelona Diagonal (1 last known)" in form.where.itemText(
            1
        )
        form.where.setCurrentIndex(1)  # the sister store's
        qtbot.keyClicks(form.customer, "Marta Vidal")
        qtbot.keyClicks(form.phone, "622 334 455")
        screenshot(form, "reserve_dialog", tmp_path)
        qtbot.keyClick(form.phone, Qt.Key.Key_Return)
        await until(lambda: window.dialog is None)
        assert "Reserved: order R-T1-1" in window.message.text()
        # And one here, for the customer at the counter: the unit is held at once, offline.
        await press(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        form = await dialog_of(window, ReserveDialog)
        qtbot.keyClicks(form.customer, "Pablo Ruiz")
        qtbot.keyClick(form.customer, Qt.Key.Key_Return)
        await until(lambda: window.dialog is None)
        assert till.pickup.free_here(sofa) == 0 and till.pickup.queues()["new"][-1].customer_name == "Pablo Ruiz"
        till.sales.clear()

    try:
        loop.run_until_complete(reserve())
        placed = [
            json.loads(r[0]) for r in replica.conn.execute("SELECT payload FROM outbox WHERE type = 'order.placed'")
        ]
        barcelona = replica.conn.execute("SELECT id FROM stores WHERE code = 'BCN1'").fetchone()[0]
        assert [(p["at_store_id"], p["customer_name"], p["phone"]) for p in placed] == [
            (barcelona, "Marta Vidal", "34622334455"),  # with its country code, as every channel keeps it
            (till.identity.store_id, "Pablo Ruiz", None),
        ]
    finally:
        finish(till, window, loop)


def test_an_order_hq_places_shows_in_the_open_pickup_desk_at_the_next_pull(
    qtbot, qapp, ready_till_dir, live_server, central
):
    """The desk is open; the web places an order for this store; the till's sync pulls it and
    tells the open screen what changed (Till.changed): the queue redraws itself, no reopening."""
    from sync.server import orders
    from sync.server.demo import DEMO_SOFA

    till = Till(ready_till_dir, sync_interval=0.3)
    identity = till.identity
    assert identity is not None
    ana = next(sid for sid, name, _role in till.session.members() if name == "Ana")
    till.replica.sales.open_shift(identity, ana, 10_000)
    window = SaleWindow(till)
    qtbot.addWidget(window)
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)
    heard: list[frozenset[str]] = []
    till.changed.connect(heard.append)

    async def desk_open_while_hq_sells() -> None:
        window.show()
        sign_in(qtbot, window)
        till.start_sync()
        await press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        desk = await dialog_of(window, PickupDialog)
        assert desk.tabs.tabText(0) == "New (2)"
        order = orders.NewOrder.model_validate(
            {
                "reference": "W-200777",
                "store": identity.store_code,
                "customer": {"name": "Iker Sanz", "phone": "+34 655 000 111"},
                "lines": [{"sku": DEMO_SOFA.sku, "quantity": 1}],
                "prepaid": True,
            }
        )
        orders.place_order(central, order)
        await until(lambda: desk.tabs.tabText(0) == "New (3)", timeout=20)
        assert any("order" in entities for entities in heard)
        desk.reject()
        await until(lambda: window.dialog is None)

    try:
        loop.run_until_complete(desk_open_while_hq_sells())
    finally:
        window.close()
        loop.run_until_complete(till.aclose())
        loop.close()
        asyncio.set_event_loop(None)
