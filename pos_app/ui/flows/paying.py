"""Paying: the payment dialog (F5; cash, card, points or split), all by card (F6), a stand-alone
terminal's outcome confirmed by the cashier, the receipt (a scan while it shows starts the next
sale), a reprint (F12) and the full invoice of the last receipt (Ctrl+I)."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QApplication, QDialog

from pos_app.domain.receipt import Receipt
from pos_app.ui.dialogs import ReceiptDialog
from pos_app.ui.flows.base import Flow
from pos_app.ui.i18n import money
from pos_app.ui.shop_dialogs import InvoiceDialog, PaymentDialog, StandaloneCardDialog


class PayingFlow(Flow):
    def pay(self) -> None:
        if self.sales.cart.is_empty:
            self.say(self.tr("The cart is empty"), "warning")
            return
        if self.sales.checkout.begin_payment() is None:
            return
        self.run(PaymentDialog(self.sales, self.host))

    def pay_card(self) -> None:
        self.pay()
        if isinstance(self.window.dialog, PaymentDialog):
            self.window.dialog.pay_card()

    async def confirm_on_terminal(self, what: str, amount: int) -> str | None:
        """A stand-alone terminal's answer, from the cashier: its authorisation code, or None.
        Opened over the payment dialog (not as the window's dialog: that one stays open)."""
        answer: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()
        under = QApplication.activeModalWidget() or self.host  # the payment dialog
        dialog = StandaloneCardDialog(what, money(amount), under)

        def finished(result: int) -> None:
            if not answer.done():
                answer.set_result(dialog.code.text().strip() if result == QDialog.DialogCode.Accepted else None)
            under.activateWindow()  # the keyboard back to it (no window manager does it in a kiosk)

        dialog.finished.connect(finished)
        dialog.open()
        try:
            return await answer
        finally:
            dialog.deleteLater()

    def show_receipt(self, receipt: Receipt) -> None:
        dialog = ReceiptDialog(receipt, self.host)

        def ended(_accepted: bool) -> None:
            if dialog.next_scan:  # scanned while the receipt showed: the next sale's first item
                self.window.scan_code(dialog.next_scan)

        self.say(self.tr("Sale {} saved").format(receipt.receipt_no), "ok")
        self.run(dialog, ended, later=True)  # the payment dialog may still be closing

    def reprint(self) -> None:
        receipt = self.sales.receipts.reprint()
        if receipt is not None:
            self.show_receipt(receipt)

    def invoice(self) -> None:
        receipt = self.sales.last_receipt
        if receipt is None:
            self.say(self.tr("No receipt to invoice yet"), "warning")
            return
        if receipt.invoice_no:  # issued to the wrong customer: cancel it, then issue another
            self.window.ask(
                self.tr("Cancel full invoice"),
                self.tr("Receipt {} already has full invoice {}. Cancel that invoice?").format(
                    receipt.receipt_no, receipt.invoice_no
                ),
                lambda: self.sales.receipts.cancel_invoice(receipt.sale_id, "cancelled at the till"),
            )
            return
        dialog = InvoiceDialog(self.host)

        def ended(accepted: bool) -> None:
            if accepted:
                self.sales.receipts.issue_invoice(
                    receipt.sale_id, dialog.tax_id.text(), dialog.name.text(), dialog.address.text()
                )

        self.run(dialog, ended)
