"""Returns (F10): with an empty cart, against a receipt of any till of the chain (its lines at 0
to start with, the refund total shown before Enter confirms it); with items in the cart, those
items go back without a receipt (a manager approves)."""

from __future__ import annotations

from pos_app.ui.flows.base import Flow
from pos_app.ui.i18n import money
from pos_app.ui.shop_dialogs import ReturnDialog


class ReturnsFlow(Flow):
    def start(self) -> None:
        if not self.sales.cart.is_empty:
            self.approved(
                self.sales.returns.return_needs_approval(False),
                "return.without_receipt",
                self.tr("Refund without a receipt: {}").format(money(self.sales.cart.total)),
                lambda approver: self.till.tasks.spawn(self.sales.returns.refund_without_receipt(approver)),
            )
            return
        dialog = ReturnDialog(self.sales, self.host)

        def ended(accepted: bool) -> None:
            if not accepted:
                return
            if dialog.without_receipt:
                self.say(self.tr("Return without a receipt: scan the items, then F10 to refund them"), "info")
                return
            sale_id, quantities = dialog.sale_id, dialog.quantities()
            assert sale_id is not None
            self.approved(
                self.sales.returns.return_needs_approval(True),
                "return.with_receipt",
                self.tr("Refund against a receipt"),
                lambda approver: self.till.tasks.spawn(
                    self.sales.returns.refund_from_receipt(sale_id, quantities, approver)
                ),
            )

        self.run(dialog, ended)
