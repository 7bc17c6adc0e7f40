"""A full invoice at the till, by keyboard: Ctrl+I on the last receipt, the customer's NIF
checked in the dialog, the invoice's VERI*FACTU record (F3) waiting for HQ in the sync panel,
and Ctrl+I again offering to cancel it (its registro de anulación)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from pos_app.ui.dialogs import ReceiptDialog, SyncPanel
from pos_app.ui.shop_dialogs import InvoiceDialog
from tests.ui.test_sale_screen import open_window, scan


def focus_back(qtbot, window) -> None:
    with qtbot.waitActive(window):  # offscreen, focus does not come back by itself after a dialog
        window.activateWindow()


def type_into_focus(qtbot, text: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    qtbot.keyClicks(focused, text)


def test_full_invoice_then_its_cancellation_by_keyboard(qtbot, till):
    window = open_window(qtbot, till)
    scan(qtbot, window, "8400000000017")
    receipt = till.sales.checkout.pay_cash()
    assert receipt is not None
    qtbot.waitUntil(lambda: isinstance(window.dialog, ReceiptDialog))
    window.dialog.accept()
    focus_back(qtbot, window)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, InvoiceDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.tax_id)
    type_into_focus(qtbot, "12345678A")  # one letter wrong
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Ana Perez")  # QTest types Latin letters only
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible() and "12345678A is not a valid Spanish NIF" in dialog.error.text()
    dialog.tax_id.selectAll()
    dialog.tax_id.setFocus()
    type_into_focus(qtbot, "12345678Z")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: till.sales.last_receipt.invoice_no != "")
    number = till.sales.last_receipt.invoice_no
    kinds = [r[0] for r in till.replica.conn.execute("SELECT invoice_type FROM invoicing_records ORDER BY seq")]
    assert kinds[-2:] == ["F2", "F3"]
    assert f"numserie={number}" in till.sales.last_receipt.qr_url  # the QR is now the full invoice's

    focus_back(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F11)
    panel = window.dialog
    assert isinstance(panel, SyncPanel)
    waiting, oldest = till.replica.invoicing_records_waiting()
    assert waiting >= 2 and oldest is not None  # the sale's F2 and the invoice's F3: not at HQ yet
    assert f"{waiting} (the oldest made" in panel.summary.text()
    panel.reject()

    focus_back(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    box = window.dialog
    assert isinstance(box, QMessageBox) and number in box.text()
    box.done(QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: till.sales.last_receipt.invoice_no == "")
    last = till.replica.conn.execute(
        "SELECT record_type, number FROM invoicing_records ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert tuple(last) == ("anulacion", number)
