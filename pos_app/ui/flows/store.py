"""The store around the sale: the customer (F1) and enrolment, pickups and reservations (Ctrl+P,
Ctrl+R), stock here and in sibling stores (Ctrl+K), transfers (Ctrl+T), counts (Ctrl+U), and a
unit held for an order that a manager may release for the customer at the till."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from pos_app.ui.customer import CustomerDialog, EnrolDialog
from pos_app.ui.flows.base import Flow
from pos_app.ui.pickup import PickupDialog, ReserveDialog
from pos_app.ui.stock import CountDialog, StockDialog, TransfersDialog


class StoreFlow(Flow):
    def customer(self) -> None:
        dialog = CustomerDialog(self.sales, self.host)

        def ended(accepted: bool) -> None:
            if not accepted:
                return
            if dialog.wants_enrolment:
                QTimer.singleShot(0, self.enrol)
            elif dialog.cleared:
                self.sales.set_customer(None)
            elif dialog.chosen is not None:
                self.sales.set_customer(dialog.chosen)

        self.run(dialog, ended)

    def enrol(self) -> None:
        self.run(EnrolDialog(self.sales, self.host))

    def pickups(self) -> None:
        dialog = PickupDialog(self.till.pickup, self.host)
        self.redrawn_on(dialog, {"order", "transfer"}, dialog.refresh)

        def ended(_accepted: bool) -> None:
            if dialog.paying:  # a hand-over to pay here: the order is in the cart
                QTimer.singleShot(0, self.window.pay)

        self.run(dialog, ended)

    def _chosen_item_sku(self) -> tuple[int, str] | None:
        lines = self.sales.cart.lines
        if not lines:
            return None
        row = self.window.page.selected_row()
        item = lines[row if 0 <= row < len(lines) else -1].item
        return item.sku_id, item.name

    def reserve(self) -> None:
        chosen = self._chosen_item_sku()
        if chosen is None:
            self.say(self.tr("Scan or choose the product to reserve first"), "warning")
            return
        self.run(ReserveDialog(self.till.pickup, chosen[0], chosen[1], self.host))

    def stock_view(self) -> None:
        status = self.till.sync_status
        offline_since = (status.last_success or status.current_at) if status.online is False else None
        chosen = self._chosen_item_sku()
        dialog = StockDialog(self.till.stock, offline_since, self.host, chosen[0] if chosen else None)
        self.redrawn_on(dialog, {"stock", "order", "transfer"}, lambda: self._redraw_stock(dialog))

        def ended(_accepted: bool) -> None:
            if dialog.wants_reserve is not None:
                name = self.till.stock.product_name(dialog.wants_reserve)
                self.run(ReserveDialog(self.till.pickup, dialog.wants_reserve, name, self.host), later=True)

        self.run(dialog, ended)

    @staticmethod
    def _redraw_stock(dialog: StockDialog) -> None:
        if not dialog.code_box.text():  # (not under the person typing a code)
            dialog.show_sku(dialog.sku_id)

    def transfers(self) -> None:
        dialog = TransfersDialog(self.till.stock, self.host)
        self.redrawn_on(dialog, {"transfer", "stock", "stock_limit"}, dialog.refresh)
        self.run(dialog)

    def count(self) -> None:
        # Not redrawn by a pull: a count in progress keeps what the person has typed.
        self.run(CountDialog(self.till.stock, self.host))

    def reserved_blocked(self, text: str) -> None:
        """A scanned unit is held for an order: a manager may release it for this customer."""

        def release() -> None:
            self.approved(
                self.sales.release_needs_approval(),
                "order.release",
                text,
                lambda approver: self.sales.release_blocked(approver),
            )

        QTimer.singleShot(
            0, lambda: self.window.ask(self.tr("Reserved"), text + "\n" + self.tr("Release it?"), release)
        )
