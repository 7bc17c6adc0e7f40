"""The customer at the till, by keyboard: a member identified by phone gets the Oro price and
promotion, earns points, and the receipt shows the balance; a new member is enrolled (and the
same phone again is refused)."""

from __future__ import annotations

import asyncio
import re

from PySide6.QtCore import Qt

from pos_app.app import apply_style
from pos_app.domain.cart import MEMBER_PRICE_LABEL
from pos_app.qt_loop import QtLoop
from pos_app.services.changes import Changes
from pos_app.services.till import Till
from pos_app.ui.customer import CustomerDialog, EnrolDialog
from pos_app.ui.main_window import SaleWindow
from pos_app.ui.shop_dialogs import PaymentDialog
from sync.rules.barcode import make_ean13
from tests.ui.conftest import screenshot
from tests.ui.test_full_shift import dialog_of, next_sale, press, scan, until

TEE2 = make_ean13("840000000002")  # S0000002: a women's tee, with an Oro price
ORO_PROMOTION = "Socios Oro: 10 % en moda y libros"


def start(qapp, ready_till_dir) -> tuple[Till, SaleWindow, QtLoop]:
    apply_style(qapp)
    till = Till(ready_till_dir)
    identity = till.identity
    assert identity is not None
    ana = next(sid for sid, name, _role in till.session.members() if name == "Ana")
    till.replica.sales.open_shift(identity, ana, 10_000)  # the shift is already open this morning
    window = SaleWindow(till)
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)
    return till, window, loop


def sign_in(qtbot, window: SaleWindow) -> None:
    window.signin.choose("Ana")
    qtbot.keyClicks(window.signin.pin, "1234")
    qtbot.keyClick(window.signin.pin, Qt.Key.Key_Return)
    assert window.on_sale_page()


def finish(till: Till, window: SaleWindow, loop: QtLoop) -> None:
    window.close()
    loop.run_until_complete(till.aclose())  # as the application ends: its work cancelled, then closed
    loop.close()
    asyncio.set_event_loop(None)


def test_a_sale_for_a_member_identified_by_phone(qtbot, qapp, ready_till_dir, tmp_path):
    till, window, loop = start(qapp, ready_till_dir)
    qtbot.addWidget(window)
    replica = till.replica

    async def sale() -> None:
        window.show()
        sign_in(qtbot, window)
        assert window.customer_panel.isHidden()
        before = replica.members.member("LC00000001").points
        scan(qtbot, window, TEE2)
        list_price = till.sales.cart.total

        await press(qtbot, window, Qt.Key.Key_F1)
        find = await dialog_of(window, CustomerDialog)
        qtbot.keyClicks(find.query, "600 123 456")
        qtbot.keyClick(find.query, Qt.Key.Key_Return)  # one exact match: chosen at once
        await until(lambda: window.dialog is None)
        member = till.sales.customer
        assert member is not None and member.card == "LC00000001" and member.tier_code == "ORO"

        # The tier's price and promotion, named on the line; the total drops.
        line = till.sales.cart.lines[0]
        assert [d.name for d in line.discounts] == [MEMBER_PRICE_LABEL, ORO_PROMOTION]
        assert till.sales.cart.total < list_price
        shown = window.cart_model.data(window.cart_model.index(0, 1))
        assert ORO_PROMOTION in shown
        # The panel: who, tier, points, offers; offline (no sync here), the purchases this till
        # knows (the history from HQ in every channel is tested in tests/integration/test_loyalty.py).
        panel = window.customer_panel
        assert not panel.isHidden() and "Lucía" in panel.title.text() and "Oro" in panel.title.text()
        assert str(before) in panel.points.text() and ORO_PROMOTION in panel.offers.text()
        assert "at this till (offline)" in panel.history.text()
        screenshot(window, "sale_with_member", tmp_path)

        await press(qtbot, window, Qt.Key.Key_F5)
        pay = await dialog_of(window, PaymentDialog)
        assert pay.points_button.isVisible()
        qtbot.keyClick(pay.amount, Qt.Key.Key_Return)  # exact cash
        text = await next_sale(qtbot, window)
        earned = till.sales.last_receipt.points_earned
        assert earned == till.sales.last_receipt.total * 150 // 10_000 > 0  # Oro: x1.5
        assert re.search(r"Socio\s+LC00000001", text) and re.search(rf"Puntos ganados\s+{earned}\n", text)
        assert re.search(rf"Saldo de puntos\s+{before + earned}\n", text)
        assert ORO_PROMOTION in text and MEMBER_PRICE_LABEL in text
        assert till.sales.customer is None and panel.isHidden()  # the next sale starts with nobody

    try:
        loop.run_until_complete(sale())
    finally:
        finish(till, window, loop)


def test_enrolling_a_new_member_at_the_till(qtbot, qapp, ready_till_dir, tmp_path):
    till, window, loop = start(qapp, ready_till_dir)
    qtbot.addWidget(window)

    async def enrol() -> None:
        window.show()
        sign_in(qtbot, window)
        await press(qtbot, window, Qt.Key.Key_F1)
        find = await dialog_of(window, CustomerDialog)
        qtbot.keyClick(find.query, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        form = await dialog_of(window, EnrolDialog)
        assert not form.consent.isChecked()  # never ticked for the customer
        qtbot.keyClicks(form.name, "Marta Vidal")
        qtbot.keyClicks(form.phone, "600123456")  # Lucía's phone: refused, she is a member
        qtbot.keyClick(form.phone, Qt.Key.Key_Return)
        assert "Already a member" in form.status.text() and "LC00000001" in form.status.text()
        assert window.dialog is form
        form.phone.clear()
        qtbot.keyClicks(form.phone, "633 44 55 66")
        qtbot.keyClick(form.consent, Qt.Key.Key_Space)
        screenshot(form, "enrol_dialog", tmp_path)
        qtbot.keyClick(form.phone, Qt.Key.Key_Return)
        await until(lambda: window.dialog is None)
        member = till.sales.customer
        assert member is not None and member.name == "Marta Vidal" and member.card.startswith("LT")
        assert "Marta Vidal" in window.customer_panel.title.text()

    try:
        loop.run_until_complete(enrol())
        payload = till.replica.conn.execute("SELECT payload FROM outbox WHERE type = 'customer.enrolled'").fetchone()
        assert payload is not None and '"marketing_consent":true' in payload[0] and "34633445566" in payload[0]
    finally:
        finish(till, window, loop)


def test_the_members_panel_shows_what_hq_changed_once_a_pull_brings_it(qtbot, qapp, ready_till_dir):
    """Lucía is on the sale; HQ's figure of her points changes (a web order, an adjustment); the
    pull that brings it tells the till, and the panel shows the new balance without asking her
    card again."""
    from pos_app.store.replica import Replica
    from sync import protocol as p

    till, window, loop = start(qapp, ready_till_dir)
    qtbot.addWidget(window)
    try:
        window.show()
        sign_in(qtbot, window)
        lucia = till.replica.members.find_members("600123456")[0]
        till.sales.set_customer(lucia)
        panel = window.customer_panel
        assert f"{lucia.points} points" in panel.points.text()
        row = dict(till.replica.conn.execute("SELECT * FROM customers WHERE card = ?", (lucia.card,)).fetchone())
        data = {k: row[k] for k in p.CustomerData.model_fields} | {"points": lucia.points + 500}
        sync_side = Replica.open(till.db_path)  # as the sync engine writes, on its own connection
        cursor = (till.replica.cursor() or 0) + 1
        sync_side.apply_changes([p.Change(seq=cursor, entity="customer", key=lucia.card, data=data)], cursor, True)
        sync_side.close()
        assert f"{lucia.points} points" in panel.points.text()  # not yet told
        till.changed.emit(Changes({"customer"}))
        assert f"{lucia.points + 500} points" in panel.points.text()
        till.sales.clear()
    finally:
        finish(till, window, loop)
