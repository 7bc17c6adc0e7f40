"""The till's keys work where the focus is: in the scan field, which a QLineEdit would otherwise
keep for itself (Ctrl+Z undo put the last barcode back, Ctrl+E and Ctrl+U edited the line).
Keys are sent to the focused widget, as a keyboard sends them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tests.ui.test_sale_screen import open_window, scan


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    qtbot.keyClick(focused, key, modifier)


def close_dialog(qtbot, window) -> None:
    dialog = window.dialog
    if isinstance(dialog, QMessageBox):
        dialog.done(QMessageBox.StandardButton.No)
    elif dialog is not None:
        dialog.reject()
    qtbot.waitUntil(lambda: window.dialog is None)
    with qtbot.waitActive(window):  # offscreen, focus does not come back by itself after a dialog
        window.activateWindow()
    window.entry.setFocus()


def test_till_keys_work_from_the_focused_scan_field(qtbot, till):
    window = open_window(qtbot, till)
    window.entry.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.entry)
    scan(qtbot, window, "8400000000017")
    assert len(till.sales.cart.lines) == 1 and window.entry.text() == ""

    opened = {}
    for key, name in (
        (Qt.Key.Key_Z, "Ctrl+Z"),  # close the shift (not: undo, which put the barcode back)
        (Qt.Key.Key_E, "Ctrl+E"),  # cash in/out
        (Qt.Key.Key_U, "Ctrl+U"),  # stock count
        (Qt.Key.Key_I, "Ctrl+I"),  # full invoice (no receipt yet: a message)
    ):
        assert QApplication.focusWidget() is window.entry
        before = window.message.text()
        press(qtbot, key, Qt.KeyboardModifier.ControlModifier)
        opened[name] = type(window.dialog).__name__ if window.dialog is not None else window.message.text()
        assert window.dialog is not None or window.message.text() != before, f"{name} did nothing"
        assert window.entry.text() == "", f"{name} edited the scan field"
        if window.dialog is not None:
            close_dialog(qtbot, window)
    assert isinstance(opened["Ctrl+E"], str) and opened["Ctrl+E"].endswith("Dialog")
    assert opened["Ctrl+Z"] != opened["Ctrl+E"] != opened["Ctrl+U"]
    assert len(till.sales.cart.lines) == 1  # nothing rang again

    for n in range(1, 13):
        if n in (5, 6, 9):  # payment and void act on the sale itself: their own tests
            continue
        before = window.message.text()
        window.message.setText("")
        press(qtbot, getattr(Qt.Key, f"Key_F{n}"))
        responded = window.dialog is not None or window.message.text() not in ("", before)
        assert responded, f"F{n} did nothing from the scan field"
        if window.dialog is not None:
            assert isinstance(window.dialog, QDialog)
            close_dialog(qtbot, window)
    till.sales.clear()


def test_a_scan_while_the_receipt_shows_starts_the_next_sale(qtbot, till):
    """Square and Shopify do it: the scanner's code closes the receipt and is the next sale's
    first item (it used to close the receipt and vanish)."""
    from pos_app.ui.dialogs import ReceiptDialog

    window = open_window(qtbot, till)
    scan(qtbot, window, "8400000000017")
    assert till.sales.checkout.pay_cash() is not None
    qtbot.waitUntil(lambda: isinstance(window.dialog, ReceiptDialog))
    receipt = window.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is receipt)
    focused = QApplication.focusWidget()
    qtbot.keyClicks(focused, "8400000000031")  # as a scanner types it, into what has the focus
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert [line.item.sku_code for line in till.sales.cart.lines] == ["S0000003"]
    till.sales.clear()


def test_removing_lines_past_the_free_ones_needs_a_manager_and_is_logged(qtbot, till):
    """Loss prevention: a mis-scan or two come off freely; a third removal from the same sale
    asks for a manager's PIN and is logged as an override (who, when, what)."""
    from pos_app.ui.shop_dialogs import ApprovalDialog
    from sync.rules.staff import FREE_LINE_REMOVALS

    window = open_window(qtbot, till)
    for code in ("8400000000017", "8400000000031", "8400000000048", "8400000000055"):
        scan(qtbot, window, code)
    assert len(till.sales.cart.lines) == 4
    before = len(till.replica.sales.overrides())
    for _ in range(FREE_LINE_REMOVALS):
        press(qtbot, Qt.Key.Key_Delete)  # into the focused scan field, empty: removes the selected line
    assert len(till.sales.cart.lines) == 4 - FREE_LINE_REMOVALS and window.dialog is None
    press(qtbot, Qt.Key.Key_Delete)
    approval = window.dialog
    assert isinstance(approval, ApprovalDialog)
    assert len(till.sales.cart.lines) == 4 - FREE_LINE_REMOVALS  # nothing gone yet
    approval.approve_as("Luis", "9999")
    qtbot.waitUntil(lambda: len(till.sales.cart.lines) == 3 - FREE_LINE_REMOVALS)
    logged = till.replica.sales.overrides()[before:]
    assert [row[1] for row in logged] == ["line.remove"] and "x1" in logged[0][4]
    till.sales.clear()


def test_the_variant_grid_moves_by_arrow_over_missing_variants(qtbot):
    """Sizes S, M, L in red and blue, no blue M: the focus starts on the first variant in stock
    (red S is sold out), Down, Right skips the missing blue M to blue L, Enter takes it."""
    from PySide6.QtWidgets import QApplication

    from pos_app.domain.cart import PricedItem
    from pos_app.ui.shop_dialogs import VariantDialog

    def item(sku: int) -> PricedItem:
        return PricedItem(sku, f"T{sku}", f"Tee {sku}", 1000 + sku, 2100)

    variants = [(item(1), "S", "red", 0), (item(2), "M", "red", 3), (item(3), "L", "red", 1),
                (item(4), "S", "blue", 2), (item(6), "L", "blue", 5)]  # fmt: skip
    dialog = VariantDialog(variants)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    assert QApplication.focusWidget() is dialog.cells[(0, 1)]  # red M: the first in stock
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Right):  # red S, blue S, (no blue M) blue L
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert QApplication.focusWidget() is dialog.cells[(1, 2)]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.chosen_sku == 6 and dialog.result() == dialog.DialogCode.Accepted
