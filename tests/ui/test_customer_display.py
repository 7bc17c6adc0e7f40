"""The customer-facing display follows the sale: lines and discounts as scanned, the total, the
member's name and points, what is paid and the change (kept up until the next scan); it fits a
small second screen (800×480) in Spanish."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from pos_app.qt_loop import QtLoop
from pos_app.ui.customer_display import CustomerDisplay
from pos_app.ui.dialogs import ReceiptDialog
from pos_app.ui.i18n import money, set_language
from tests.ui.conftest import screenshot
from tests.ui.test_sale_screen import open_window, scan
from tests.ui.test_screen_fit import outside


def test_the_customer_sees_the_sale_as_it_goes(qtbot, qapp, till, tmp_path):
    loop = QtLoop(qapp)  # the member's history is asked of HQ in the background
    asyncio.set_event_loop(loop)
    set_language("es")
    window = open_window(qtbot, till)
    display = CustomerDisplay(till.sales, "Madrid Centro")
    qtbot.addWidget(display)
    display.resize(800, 480)
    display.show()
    try:
        assert display.total.text() == "" and "Madrid Centro" in display.welcome.text()
        scan(qtbot, window, "8400000000017")  # the second one half price
        scan(qtbot, window, "8400000000017")
        total = till.sales.cart.total
        assert display.total.text() == f"Total: {money(total)}"
        name = till.sales.cart.lines[0].item.name
        assert display.lines.text().count(name) == 1 and f"2 x {name}" in display.lines.text()
        assert "2.ª unidad al 50 %" in display.lines.text()  # the discount, as the receipt names it
        member = till.replica.conn.execute("SELECT card FROM customers LIMIT 1").fetchone()[0]
        till.sales.set_customer(till.replica.members.member(member))
        assert display.member.text().startswith("Hola ") and "puntos" in display.member.text()
        assert outside(display, QRect(0, 0, 800, 480)) == []
        screenshot(display, "customer_display_es", tmp_path)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: window.dialog is not None)
        till.sales.checkout.pay_cash(total + 1000)  # 10 € over
        assert f"Cambio: {money(1000)}" in display.paid.text()
        assert display.total.text() == f"Total: {money(total)}"  # still up after the cart emptied
        qtbot.waitUntil(lambda: isinstance(window.dialog, ReceiptDialog))
        window.dialog.accept()
        scan(qtbot, window, "8400000000031")  # the next customer: a new sale on the display
        assert "Cambio" not in display.paid.text() and display.lines.text().count("\n") == 0
    finally:
        till.sales.clear()
        display.disconnect_sale()
        display.close()
        window.close()
        loop.close()
        asyncio.set_event_loop(None)


def test_a_till_with_a_pole_display_set_shows_its_store_there_and_lets_go_of_it(qtbot, qapp, ready_till_dir):
    """`pole_display` in the till's settings: the session opens the display, greets with the
    store's name, and closes it with the till (its thread ends)."""
    import asyncio

    from pos_app.app import LaunchOptions, TillSession
    from pos_app.provisioning import TillSettings
    from tests.integration.test_pole_display import Visor

    visor = Visor()
    devices = TillSettings(pole_display=f"socket://127.0.0.1:{visor.port}")
    session = TillSession(LaunchOptions(data_dir=ready_till_dir, language="en", devices=devices))
    qtbot.addWidget(session.window)
    try:
        assert visor.wait_for(lambda: visor.screens()[-1:] == [("Madrid Centro".ljust(20), " " * 20)])
    finally:
        asyncio.run(session.aclose())
        session.window.close()
        visor.close()
    assert session.pole is not None and not session.pole._thread.is_alive()
