"""The sale screen as a cashier uses it: scan, fix mistakes, pay, see the receipt."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from pos_app.ui.dialogs import ReceiptDialog, SearchDialog, SyncPanel
from pos_app.ui.i18n import money
from pos_app.ui.main_window import SaleWindow
from pos_app.ui.shop_dialogs import OpenShiftDialog, PaymentDialog, ReasonDialog, VariantDialog
from sync.rules.barcode import make_ean13
from sync.rules.money import format_amount
from tests.ui.conftest import screenshot


def open_window(qtbot, till) -> SaleWindow:
    """The sale screen with Ana signed in and her shift open (test_full_shift does it by keyboard)."""
    window = SaleWindow(till)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts (F2, F5…) go to the active window
        window.show()
        window.activateWindow()
    ana = next(staff_id for staff_id, name, _role in till.session.members() if name == "Ana")
    till.session.sign_in(ana, "1234")
    if till.shifts.current() is None:
        till.shifts.open(10_000)
    assert window.on_sale_page()
    return window


def scan(qtbot, window: SaleWindow, code: str) -> None:
    qtbot.keyClicks(window.entry, code)
    qtbot.keyClick(window.entry, Qt.Key.Key_Return)


def test_cashier_scans_pays_cash_and_sees_the_receipt(qtbot, till, tmp_path):
    window = open_window(qtbot, till)

    scan(qtbot, window, "8400000000017")
    scan(qtbot, window, "8400000000017")
    scan(qtbot, window, "8400000000031")
    lines = till.sales.cart.lines
    assert [line.quantity for line in lines] == [2, 1]
    total = till.sales.cart.total
    assert window.total_label.text() == money(total)
    assert window.cart_model.rowCount() == 2
    assert "21 %" in window.vat_label.text()
    screenshot(window, "sale_screen", tmp_path)

    qtbot.keyClick(window, Qt.Key.Key_F5)
    dialog = window.dialog
    assert isinstance(dialog, PaymentDialog)
    assert money(total) in dialog.due_label.text()
    qtbot.keyClicks(dialog.amount, "500")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: isinstance(window.dialog, ReceiptDialog))
    receipt_dialog = window.dialog
    text = receipt_dialog.text.toPlainText()
    assert format_amount(total) in text
    assert format_amount(50000 - total) in text  # change due
    assert "MAD1-T1-000001" in text
    assert "NIF B12345674" in text and "VERI*FACTU" in text  # the issuer, and the AEAT's legend
    shot = screenshot(receipt_dialog, "receipt", tmp_path)
    # The QR on the screen, read back as a phone would read it: the AEAT's validation URL.
    import zxingcpp
    from PIL import Image

    read = zxingcpp.read_barcodes(Image.open(shot))
    assert [r.text for r in read if r.format == zxingcpp.BarcodeFormat.QRCode] == [receipt_dialog.receipt.qr_url]
    assert "numserie=MAD1-T1-000001" in receipt_dialog.receipt.qr_url
    # The PDF: the issuer's NIF and address in its text, the QR drawn as vectors (no image in
    # it), read back from a rendering of the page.
    import pypdfium2

    pdf = receipt_dialog.save_pdf(tmp_path)
    assert b"/Subtype /Image" not in pdf.read_bytes()
    page = pypdfium2.PdfDocument(str(pdf))[0]
    words = page.get_textpage().get_text_range()
    assert "NIF B12345674" in words and "MAD1-T1-000001" in words and "VERI*FACTU" in words
    rendered = page.render(scale=4).to_pil()
    if os.environ.get("POS_SCREENSHOTS"):
        rendered.save(Path(os.environ["POS_SCREENSHOTS"]) / "receipt_pdf.png")
    read = zxingcpp.read_barcodes(rendered)
    assert [r.text for r in read if r.format == zxingcpp.BarcodeFormat.QRCode] == [receipt_dialog.receipt.qr_url]
    qtbot.keyClick(receipt_dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)

    assert till.sales.cart.is_empty
    assert window.total_label.text() == money(0)
    assert till.replica.sales_count() == 1
    assert till.replica.outbox_summary().pending == 2  # the shift's opening and the sale
    # Ready for the next scan without touching the mouse. (The offscreen platform does not
    # re-activate the window after a dialog, so ask the window which widget holds its focus.)
    assert window.focusWidget() is window.entry


def test_bad_scans_are_explained_and_the_sale_is_untouched(qtbot, till):
    window = open_window(qtbot, till)
    scan(qtbot, window, "8400000000017")
    before = [(ln.item.sku_id, ln.quantity) for ln in till.sales.cart.lines]

    scan(qtbot, window, "8400000000018")  # wrong check digit
    assert "check digit" in window.message.text()
    assert window.message.property("level") == "error"
    scan(qtbot, window, make_ean13("849999999999"))  # valid, but not in the catalog
    assert "Unknown barcode" in window.message.text()
    scan(qtbot, window, "hello world")
    assert "not a barcode" in window.message.text()

    assert [(ln.item.sku_id, ln.quantity) for ln in till.sales.cart.lines] == before
    assert till.replica.sales_count() == 0

    qtbot.keyClick(window, Qt.Key.Key_F9)  # void the sale: asks why first; Esc changes nothing
    question = window.dialog
    assert isinstance(question, ReasonDialog)
    qtbot.keyClick(question.reason.lineEdit(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert [(ln.item.sku_id, ln.quantity) for ln in till.sales.cart.lines] == before
    till.sales.clear()


def test_quantity_keys_and_removal(qtbot, till):
    window = open_window(qtbot, till)
    scan(qtbot, window, "8400000000017")
    qtbot.keyClick(window.entry, Qt.Key.Key_Plus)
    qtbot.keyClick(window.entry, Qt.Key.Key_Plus)
    assert till.sales.cart.lines[0].quantity == 3
    qtbot.keyClick(window.entry, Qt.Key.Key_Minus)
    assert till.sales.cart.lines[0].quantity == 2

    qtbot.keyClick(window, Qt.Key.Key_F4)
    dialog = window.dialog
    dialog.setTextValue("abc")
    dialog.accept()
    assert "not a quantity" in window.message.text()
    assert till.sales.cart.lines[0].quantity == 2

    qtbot.keyClick(window.entry, Qt.Key.Key_Delete)
    assert till.sales.cart.is_empty


def test_search_by_name_adds_the_chosen_product(qtbot, till, tmp_path):
    # Type the start of two words of a product's name, without its accents, as a cashier would.
    target = till.replica.item_by_barcode(make_ean13("840000000058"))
    first, last = target.name.split()[0], target.name.split()[-1]
    query = f"{strip_accents(first[:4]).lower()} {strip_accents(last[:3]).lower()}"
    window = open_window(qtbot, till)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    dialog = window.dialog
    assert isinstance(dialog, SearchDialog)
    qtbot.keyClicks(dialog.query, query)
    qtbot.waitUntil(
        lambda: dialog.results.count() > 0 and dialog.results.item(0).data(Qt.ItemDataRole.UserRole) is not None
    )
    shown = [strip_accents(dialog.results.item(i).text()).lower() for i in range(dialog.results.count())]
    assert all(query.split()[0] in text and query.split()[1] in text for text in shown)
    assert any(target.sku_code.lower() in text for text in shown)
    screenshot(dialog, "search", tmp_path)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    # A sofa comes in three colours: the variant picker shows them with price and stock here.
    qtbot.waitUntil(lambda: isinstance(window.dialog, VariantDialog))
    picker = window.dialog
    screenshot(picker, "variant_picker", tmp_path)
    # By keyboard, as a cashier does: the arrows to the colour farthest from where the focus
    # starts, Enter.
    qtbot.waitUntil(lambda: QApplication.focusWidget() in picker.cells.values())
    here = next(place for place, button in picker.cells.items() if button is QApplication.focusWidget())
    target = max(picker.cells, key=lambda place: abs(place[0] - here[0]) + abs(place[1] - here[1]))
    assert target != here
    other = int(picker.cells[target].objectName().removeprefix("variant_"))
    for axis, (less, more) in ((0, (Qt.Key.Key_Up, Qt.Key.Key_Down)), (1, (Qt.Key.Key_Left, Qt.Key.Key_Right))):
        for _ in range(abs(target[axis] - here[axis])):
            qtbot.keyClick(QApplication.focusWidget(), more if target[axis] > here[axis] else less)
    assert QApplication.focusWidget() is picker.findChild(QPushButton, f"variant_{other}")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)
    assert [line.item.sku_id for line in till.sales.cart.lines] == [other]
    till.sales.clear()


def strip_accents(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def test_sync_badge_and_banner_tell_offline_and_waiting_sales(qtbot, till, tmp_path):
    from sync.client.engine import SyncStatus

    window = open_window(qtbot, till)
    assert window.offline_banner.isHidden()
    window.show_sync_status(SyncStatus(online=False, pending=4, last_error="no connection to the server"))
    assert "Offline" in window.sync_badge.text() and "4 waiting" in window.sync_badge.text()
    assert window.sync_badge.toolTip() == "no connection to the server"
    assert window.offline_banner.isVisible() and "keep selling" in window.offline_banner.text()
    scan(qtbot, window, "8400000000017")
    screenshot(window, "sale_screen_offline", tmp_path)
    window.show_sync_status(SyncStatus(online=True, pending=0))
    assert window.offline_banner.isHidden()
    till.sales.clear()


def test_sync_panel_lists_what_the_server_refused(qtbot, till, tmp_path):
    import uuid

    from sync import protocol as p

    window = open_window(qtbot, till)
    scan(qtbot, window, "8400000000017")
    assert till.sales.checkout.pay_cash() is not None
    qtbot.waitUntil(lambda: isinstance(window.dialog, ReceiptDialog))
    window.dialog.accept()
    event_id = till.replica.pending_events(1)[0].event_id
    till.replica.record_results(
        [p.EventResult(event_id=uuid.UUID(event_id), status="rejected", reason="invalid payload: total")]
    )
    till._fact_recorded(frozenset({"sale"}))  # the sync engine would report this; here the till recounts by itself

    with qtbot.waitActive(window):  # offscreen, focus does not come back by itself after a dialog
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    panel = window.dialog
    assert isinstance(panel, SyncPanel)
    assert "invalid payload: total" in panel.refused_events.item(0).text()
    assert "1 rejected" in window.sync_badge.text()
    # The catalog was loaded by the fixture moments ago: the panel dates it.
    assert "up to date as of" in panel.summary.text() and "(just now)" in panel.summary.text()
    screenshot(panel, "sync_panel", tmp_path)
    panel.reject()


def test_a_scanner_is_heard_wherever_the_focus_is(qtbot, till):
    """A keyboard-wedge scanner types fast and ends with Enter: the code reaches the cart even
    when the keys land on the window rather than the scan entry; slow typing there does not."""
    window = open_window(qtbot, till)
    qtbot.keyClicks(window, "8400000000017")  # a burst, aimed at the window itself
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert [line.item.sku_code for line in till.sales.cart.lines] == ["S0000001"]
    assert window.entry.text() == ""
    qtbot.keyClicks(window, "12")  # too short for a scanner: not a scan
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert len(till.sales.cart.lines) == 1
    till.sales.clear()


def test_a_multiplier_counts_for_the_next_good_scan_only(qtbot, till):
    window = open_window(qtbot, till)
    scan(qtbot, window, "3*")
    assert "3" in window.message.text()
    scan(qtbot, window, "8400000000018")  # a misread: the multiplier is dropped with it
    scan(qtbot, window, "8400000000017")
    scan(qtbot, window, "2*8400000000031")
    assert [line.quantity for line in till.sales.cart.lines] == [1, 2]
    till.sales.clear()


def test_cash_out_of_the_drawer_with_a_reason(qtbot, till):
    window = open_window(qtbot, till)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, ReasonDialog)
    qtbot.keyClicks(dialog.amount, "-20")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None)
    moves = till.replica.conn.execute("SELECT kind, amount, reason FROM cash_moves").fetchall()
    assert [tuple(m) for m in moves] == [("out", 2000, "Change from the bank")]
    assert till.shifts.preview().cash_out == 2000
    assert "Cash out" in window.message.text()


def test_staff_added_at_hq_appear_on_the_sign_in_page(qtbot, till):
    from sync.client.engine import SyncStatus
    from sync.rules.staff import hash_pin

    window = SaleWindow(till)
    qtbot.addWidget(window)
    window.show()
    window.signin.choose("Luis")
    with till.replica.transaction() as conn:  # what a pull of a new staff member writes
        conn.execute("INSERT INTO staff VALUES (99, NULL, 'Marta', 'cashier', ?)", (hash_pin("4321", iterations=1000),))
    window.show_sync_status(SyncStatus(online=True))
    names = [window.signin.people.item(i).text().split()[0] for i in range(window.signin.people.count())]
    assert names == ["Ana", "Luis", "Marta"]
    assert window.signin.people.currentItem().text().startswith("Luis")  # the choice is kept
    window.signin.choose("Marta")
    qtbot.keyClicks(window.signin.pin, "4321")
    qtbot.keyClick(window.signin.pin, Qt.Key.Key_Return)
    assert till.session.member is not None and till.session.member.name == "Marta"
    assert isinstance(window.dialog, OpenShiftDialog)  # her first sign-in of the day: count the float
    window.dialog.reject()
    window.close()


def test_a_discount_the_cart_cannot_take_is_refused_before_a_manager_is_asked(qtbot, till):
    """Beyond Ana's limit a manager approves; but 150 %, or more off than the line costs, is no
    discount at all: said at once, nobody is called over for it (one rule: the cart's)."""
    from pos_app.ui.shop_dialogs import ApprovalDialog, DiscountDialog

    window = open_window(qtbot, till)
    scan(qtbot, window, "8400000000017")
    line = till.sales.cart.lines[0]
    for kind, typed, said in ((0, "150", "between 0 and 100"), (1, "999", "more than the line")):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
        dialog = window.dialog
        assert isinstance(dialog, DiscountDialog)
        dialog.kind.setCurrentIndex(kind)
        qtbot.keyClicks(dialog.value, typed)
        qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.dialog is None)
        assert not isinstance(window.dialog, ApprovalDialog)
        assert said in window.message.text()
        assert line.manual is None and line.discount == 0
    till.sales.clear()
    window.close()
