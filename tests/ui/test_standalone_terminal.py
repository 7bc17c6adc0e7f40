"""A stand-alone card terminal (a datáfono the till cannot talk to): F6 asks the cashier to key
the amount into it and to type the authorisation code it printed; Esc when it declined."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from pos_app.qt_loop import QtLoop
from pos_app.services.terminal import StandaloneTerminal
from pos_app.ui.dialogs import ReceiptDialog
from pos_app.ui.i18n import money
from pos_app.ui.shop_dialogs import PaymentDialog, StandaloneCardDialog
from tests.ui.test_full_shift import until
from tests.ui.test_sale_screen import open_window, scan


def test_the_cashier_confirms_a_stand_alone_terminals_approval(qtbot, qapp, till):
    assert isinstance(till.terminal, StandaloneTerminal)  # no integrated terminal was set up
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)
    window = open_window(qtbot, till)

    async def sale() -> None:
        scan(qtbot, window, "8400000000017")
        total = till.sales.cart.total
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
        pay = window.dialog
        assert isinstance(pay, PaymentDialog)
        await until(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is pay)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        await until(lambda: isinstance(QApplication.activeModalWidget(), StandaloneCardDialog))
        ask = QApplication.activeModalWidget()
        assert money(total) in " ".join(label.text() for label in ask.findChildren(QLabel))
        await until(lambda: QApplication.focusWidget() is ask.code)  # the keyboard is the dialog's
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # the terminal declined
        await until(lambda: "declined" in pay.status.text() or "Card declined" in window.message.text())
        assert till.sales.payment is not None and not till.sales.payment.tenders
        await until(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is pay)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        await until(lambda: isinstance(QApplication.activeModalWidget(), StandaloneCardDialog))
        ask = QApplication.activeModalWidget()
        await until(lambda: QApplication.focusWidget() is ask.code)
        qtbot.keyClicks(QApplication.focusWidget(), "12")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert "authorisation code" in ask.error.text() and ask.isVisible()  # too short to be one
        qtbot.keyClicks(QApplication.focusWidget(), "3456")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        await until(lambda: isinstance(window.dialog, ReceiptDialog))
        assert "(123456)" in window.dialog.text.toPlainText()
        window.dialog.accept()

    try:
        loop.run_until_complete(sale())
    finally:
        window.close()
        loop.close()
        asyncio.set_event_loop(None)
