"""The lines of the sale: quantities (+/−, F4), removing a line (Del; past the free removals a
manager approves), a discount or a lower price (F3), voiding the sale (F9), parking it (F7) and
resuming a parked one (F8)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from pos_app.ui.flows.base import Flow
from pos_app.ui.i18n import money
from pos_app.ui.shop_dialogs import DiscountDialog, ParkedDialog, ReasonDialog
from sync.rules.staff import StaffMember


class CartFlow(Flow):
    def step_quantity(self, step: int) -> None:
        page = self.window.page
        row = page.selected_row()
        if row >= 0:
            self.sales.change_quantity(row, step)
            page.select_row(row)

    def ask_quantity(self) -> None:
        row = self.window.page.selected_row()
        if row < 0:
            return
        line = self.sales.cart.lines[row]
        dialog = QInputDialog(self.host)
        dialog.setObjectName("quantityDialog")
        dialog.setWindowTitle(self.tr("Quantity"))
        dialog.setLabelText(line.item.name)
        dialog.setTextValue(str(line.quantity))

        def ended(accepted: bool) -> None:
            if accepted and self.sales.set_quantity(row, dialog.textValue()):
                self.window.page.select_row(row)

        self.run(dialog, ended)

    def remove_line(self) -> None:
        row = self.window.page.selected_row()
        if row < 0:
            return
        line = self.sales.cart.lines[row]
        self.approved(
            self.sales.remove_needs_approval(),
            "line.remove",
            self.tr("Remove {}").format(line.item.name),
            lambda approver: self._remove(row, approver),
        )

    def _remove(self, row: int, approver: StaffMember | None) -> None:
        self.sales.remove_line(row, approver)

    def discount_line(self) -> None:
        row = self.window.page.selected_row()
        if row < 0:
            return
        line = self.sales.cart.lines[row]
        dialog = DiscountDialog(f"{line.item.name} · {money(line.gross)}", self.host)

        def ended(accepted: bool) -> None:
            manual = dialog.manual
            if not accepted or manual is None:
                return
            if not self.sales.discount_allowed(row, manual):  # said why (the cart's rule)
                return
            self.approved(
                self.sales.discount_needs_approval(row, manual),
                "discount.over_limit",
                f"{line.item.name}: {manual.label()}",
                lambda approver: self.sales.discount_line(row, manual, approver),
            )

        self.run(dialog, ended)

    def void_sale(self) -> None:
        if self.sales.cart.is_empty:
            return
        dialog = ReasonDialog(
            self.tr("Void this sale ({})").format(money(self.sales.cart.total)),
            [self.tr("Customer changed their mind"), self.tr("Wrong items rung up"), self.tr("Customer cannot pay")],
            self.host,
        )

        def ended(accepted: bool) -> None:
            if not accepted:
                return
            reason = dialog.reason.currentText()
            self.approved(
                self.sales.void_needs_approval(),
                "sale.void",
                self.tr("Void the sale ({}): {}").format(money(self.sales.cart.total), reason),
                lambda approver: self.sales.void_sale(reason, approver),
            )

        self.run(dialog, ended)

    def park(self) -> None:
        if self.sales.holds.park() is None:
            self.say(self.tr("Nothing to park"), "warning")

    def resume(self) -> None:
        parked = self.sales.holds.parked()
        if not parked:
            self.say(self.tr("No parked sales"), "info")
            return
        dialog = ParkedDialog(parked, self.host)

        def ended(accepted: bool) -> None:
            if accepted and dialog.chosen is not None:
                self.sales.holds.resume(dialog.chosen)

        self.run(dialog, ended)
