"""A cashier's whole shift at the keyboard and scanner: sign in (after a wrong PIN), open with a
float, scan, a weighed item, promotions, a split payment with a declined card, a parked sale, a
void that needs the manager, a return against a receipt, and the close with its Z report."""

from __future__ import annotations

import asyncio
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox

from pos_app.app import apply_style
from pos_app.domain.receipt import render_text
from pos_app.domain.shift import COINS, NOTES
from pos_app.qt_loop import QtLoop
from pos_app.services.adyen import AdyenTerminal
from pos_app.services.till import Till
from pos_app.terminal_simulator import DEMO_KEY, TerminalSimulator
from pos_app.ui.dialogs import ReceiptDialog
from pos_app.ui.i18n import money
from pos_app.ui.main_window import SaleWindow
from pos_app.ui.shop_dialogs import (
    ApprovalDialog,
    CloseShiftDialog,
    OpenShiftDialog,
    ParkedDialog,
    PaymentDialog,
    ReasonDialog,
    ReturnDialog,
    ZReportDialog,
)
from sync.rules.barcode import make_ean13
from sync.rules.money import round_half_up_div
from tests.ui.conftest import screenshot

TEE = make_ean13("840000000001")  # S0000001: women's tees (2nd unit at 50 %)
BREAD = make_ean13("840000000075")  # S0000075: bakery (3 for 2)
OIL = make_ean13("840000000072")  # S0000072: oil, no promotion
APPLES_1234_G = make_ean13("210010101234")  # the scale's label: apples, 1.234 kg


async def until(condition, timeout: float = 10.0) -> None:
    """qtbot.waitUntil for code running on the qasync loop (a nested Qt loop would stall it)."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


async def press(qtbot, window: SaleWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A shortcut as the cashier presses it (the window must be the active one offscreen)."""
    window.activateWindow()
    await until(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, key, modifier)


def scan(qtbot, window: SaleWindow, code: str) -> None:
    qtbot.keyClicks(window.entry, code)
    qtbot.keyClick(window.entry, Qt.Key.Key_Return)


async def dialog_of(window: SaleWindow, kind: type):
    await until(lambda: isinstance(window.dialog, kind))
    return window.dialog


async def next_sale(qtbot, window: SaleWindow) -> str:
    """The receipt is on screen: read it and go on with the next sale (Enter)."""
    dialog = await dialog_of(window, ReceiptDialog)
    text = dialog.text.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    await until(lambda: window.dialog is None)
    return text


def test_a_cashiers_whole_shift(qtbot, qapp, ready_till_dir, tmp_path):
    apply_style(qapp)
    terminal = TerminalSimulator().start()  # an integrated card terminal on a socket
    till = Till(ready_till_dir, terminal=AdyenTerminal(terminal.url, terminal.poi_id, "TEST-T1", DEMO_KEY))
    window = SaleWindow(till)
    qtbot.addWidget(window)
    loop = QtLoop(qapp)
    asyncio.set_event_loop(loop)
    replica = till.replica
    store = till.identity.store_id
    seen: dict[str, int] = {}

    async def shift() -> None:
        window.show()
        # --- sign in: a wrong PIN is refused, the right one opens the shift dialog
        assert not window.on_sale_page()
        window.signin.choose("Ana")
        qtbot.keyClicks(window.signin.pin, "1111")
        qtbot.keyClick(window.signin.pin, Qt.Key.Key_Return)
        assert "Wrong PIN" in window.signin.error.text() and till.session.member is None
        qtbot.keyClicks(window.signin.pin, "1234")
        qtbot.keyClick(window.signin.pin, Qt.Key.Key_Return)
        assert till.session.member is not None and till.session.member.name == "Ana"
        opening = await dialog_of(window, OpenShiftDialog)
        qtbot.keyClicks(opening.amount, "150")
        qtbot.keyClick(opening.amount, Qt.Key.Key_Return)
        await until(lambda: window.dialog is None)
        assert till.shifts.current() is not None and till.shifts.current().float_cents == 15_000
        assert window.on_sale_page()

        # --- a sale: two tees (2nd at 50 %), 3* bread (3 for 2), weighed apples
        stock_before = replica.stock_on_hand(store, 1)
        scan(qtbot, window, TEE)
        scan(qtbot, window, TEE)
        scan(qtbot, window, "3*" + BREAD)
        scan(qtbot, window, APPLES_1234_G)
        lines = till.sales.cart.lines
        assert [line.quantity for line in lines] == [2, 3, 1]
        tee, bread, apples = lines
        assert tee.discount == round_half_up_div(tee.item.unit_price * 5000, 10_000)
        assert bread.discount == bread.item.unit_price  # the third one free
        assert apples.weight_g == 1234 and apples.item.unit_price == round_half_up_div(249 * 1234, 1000)
        shown = window.cart_model.data(window.cart_model.index(0, 1))
        assert "2.ª unidad al 50 %" in shown  # each discount named on screen
        assert "You save" in window.savings_label.text()
        screenshot(window, "sale_screen", tmp_path)
        total = till.sales.cart.total

        # --- split payment: the card is declined, 20 € in cash, the rest by card
        await press(qtbot, window, Qt.Key.Key_F5)
        pay = await dialog_of(window, PaymentDialog)
        terminal.will("decline")
        qtbot.keyClick(pay, Qt.Key.Key_F6)
        await until(lambda: "declined" in pay.status.text())
        assert till.sales.payment is not None and not till.sales.payment.tenders  # nothing half-paid
        assert replica.sales_count() == 0
        qtbot.keyClicks(pay.amount, "20")
        qtbot.keyClick(pay.amount, Qt.Key.Key_Return)
        assert till.sales.payment.remaining == total - 2000
        screenshot(pay, "payment_dialog", tmp_path)
        qtbot.keyClick(pay, Qt.Key.Key_F6)
        first = await next_sale(qtbot, window)
        assert "Efectivo" in first and "Tarjeta" in first and "2.ª unidad al 50 %" in first
        assert "3x2 en panadería" in first and "1,234 kg x 2,49 €/kg" in first  # weight x price per kg
        first_no = first.split("Factura simplificada")[1].split()[0]
        assert replica.stock_on_hand(store, 1) == stock_before - 2

        # --- a parked sale: the customer forgot something; the next customer pays meanwhile
        scan(qtbot, window, OIL)
        await press(qtbot, window, Qt.Key.Key_F7)
        assert till.sales.cart.is_empty and len(till.sales.holds.parked()) == 1
        scan(qtbot, window, BREAD)
        await press(qtbot, window, Qt.Key.Key_F5)
        pay = await dialog_of(window, PaymentDialog)
        qtbot.keyClick(pay.amount, Qt.Key.Key_Return)  # cash, exact
        await next_sale(qtbot, window)
        await press(qtbot, window, Qt.Key.Key_F8)
        parked = await dialog_of(window, ParkedDialog)
        qtbot.keyClick(parked.list, Qt.Key.Key_Return)
        await until(lambda: len(till.sales.cart.lines) == 1)
        assert till.sales.cart.lines[0].item.sku_code == "S0000072" and not till.sales.holds.parked()

        # --- voiding it needs the manager: Ana gives a reason, Luis approves with his PIN
        await press(qtbot, window, Qt.Key.Key_F9)
        reason = await dialog_of(window, ReasonDialog)
        qtbot.keyClick(reason.reason.lineEdit(), Qt.Key.Key_Return)
        approval = await dialog_of(window, ApprovalDialog)
        approval.approve_as("Luis", "0000")
        assert "Wrong PIN" in approval.error.text() and not approval.isHidden()
        approval.approve_as("Luis", "9999")
        await until(lambda: till.sales.cart.is_empty)
        action, staff_id, approver_id = replica.sales.overrides()[-1][1:4]
        assert action == "sale.void" and staff_id == till.session.member.id and approver_id != staff_id

        # --- a return against the first receipt: one tee back, refunded by card, stock back
        await until(lambda: window.dialog is None)
        await press(qtbot, window, Qt.Key.Key_F10)
        back = await dialog_of(window, ReturnDialog)
        qtbot.keyClicks(back.receipt_no, first_no)
        qtbot.keyClick(back.receipt_no, Qt.Key.Key_Return)
        assert [line.returnable for line in back.lines] == [2, 3, 1]
        # Nothing comes back until said: the quantities start at 0 and the total shows first.
        assert back.refund_total.text() == f"To refund: {money(0)}"
        quantity = back.focusWidget()  # the dialog put its focus on the first line's quantity
        assert isinstance(quantity, QSpinBox) and quantity is back.table.cellWidget(0, 3)
        qtbot.keyClicks(quantity, "1")
        assert back.refund_total.text() == f"To refund: {money(back.lines[0].line.part(1))}"
        qtbot.keyClick(quantity, Qt.Key.Key_Return)  # Enter in the quantity refunds
        refund = await next_sale(qtbot, window)
        assert "Devolución" in refund and first_no in refund and "Tarjeta" in refund
        assert replica.stock_on_hand(store, 1) == stock_before - 1

        # --- close, blind: count the drawer note by note and coin by coin (1 € short), only then
        # see what the till expected; the difference needs a reason; the Z prints; back to sign-in
        z_expected = till.shifts.preview().expected_cash
        seen["expected"] = z_expected
        await press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        closing = await dialog_of(window, CloseShiftDialog)
        assert closing.report.toPlainText() == "" and money(z_expected) not in closing.error.text()
        left, pieces = z_expected - 100, {}
        for value in NOTES + COINS:
            pieces[value], left = divmod(left, value)
        qtbot.keyClick(closing.amount, Qt.Key.Key_Tab)  # from the total to the first note
        for value in NOTES + COINS:
            field = closing.focusWidget()
            assert field is closing.piece_fields[value]
            if pieces[value]:
                qtbot.keyClicks(field, str(pieces[value]))
            qtbot.keyClick(field, Qt.Key.Key_Return)  # the next one; after the last coin, the report
        assert closing.counted == z_expected - 100 and "Descuadre" in closing.report.toPlainText()
        assert closing.difference.text() == f"Counted {money(z_expected - 100)}, expected {money(z_expected)}: " \
            f"{money(100)} short"  # fmt: skip
        qtbot.keyClick(closing.focusWidget(), Qt.Key.Key_Return)  # no reason: not yet
        assert "Say why" in closing.error.text() and window.dialog is closing
        qtbot.keyClicks(closing.reason, "a coin rolled under the till")
        qtbot.keyClick(closing.reason, Qt.Key.Key_Return)
        z_dialog = await dialog_of(window, ZReportDialog)
        z_text = z_dialog.text.toPlainText()
        screenshot(z_dialog, "z_report", tmp_path)
        assert "Ventas (2)" in z_text and "Devoluciones (1)" in z_text and "Ventas anuladas" in z_text
        assert "Tarjeta" in z_text and "Efectivo" in z_text and "21 %" in z_text
        assert "Motivo: a coin rolled under the till" in z_text and "Arqueo" in z_text
        assert f"    {terminal.poi_id}" in z_text  # card takings per terminal, to check against its own
        assert "Autorizaciones de encargado (1)" in z_text and "Venta anulada" in z_text and "Ana/Luis" in z_text
        qtbot.keyClick(z_dialog, Qt.Key.Key_Return)
        await until(lambda: not window.on_sale_page())
        assert till.shifts.current() is None and till.session.member is None

    try:
        loop.run_until_complete(shift())
        # The drawer: the 150 € float plus the cash taken (the refund went to the card); the count
        # typed at the close is kept, and the fact sent to HQ carries both figures.
        counted, report = replica.conn.execute("SELECT counted_cash, report FROM shifts").fetchone()
        assert counted + 100 == seen["expected"] == 15_000 + json.loads(report)["by_method"]["cash"]
        closed_fact = json.loads(
            replica.conn.execute("SELECT payload FROM outbox WHERE type = 'shift.closed'").fetchone()[0]
        )
        assert closed_fact["expected_cash"] == closed_fact["counted_cash"] + 100 == counted + 100
        assert closed_fact["report"]["difference_reason"] == "a coin rolled under the till"
        assert sum(int(value) * n for value, n in closed_fact["report"]["count"].items()) == counted
        assert replica.sales.verify_journal() == []
        types = [row[0] for row in replica.conn.execute("SELECT type FROM outbox ORDER BY seq")]
        assert types.count("sale.completed") == 3 and types[0] == "shift.opened" and types[-1] == "shift.closed"
        assert "sale.voided" in types and "override.approved" in types
        # Every receipt and the Z went to the printer as ESC/POS bytes; cash sales kicked the drawer.
        qtbot.waitUntil(lambda: len(till.printer.sent) >= 4)
        assert any(b"\x1bp\x00" in data for data in till.printer.sent)
        assert b"INFORME Z" in till.printer.sent[-1]
        last = replica.sales.receipt(replica.sales.last_sale_id())
        assert last is not None and render_text(last)
    finally:
        window.close()
        loop.run_until_complete(till.terminal.aclose())
        till.printer.close()
        till.replica.close()
        loop.close()
        asyncio.set_event_loop(None)
        terminal.stop()
    # The terminal declined a card, took the card part of the first sale, and refunded the return.
    assert terminal.problems == [] and terminal.requests == ["Payment"] * 3
    assert [t.state for t in terminal.transactions.values()] == ["declined", "approved", "approved"]
