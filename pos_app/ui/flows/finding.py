"""Finding what to sell without scanning it: search by name (F2), the sizes and colours of a
product, the store's favourites (Ctrl+F), and weighing what is sold by the kilogram (on the
till's scale, or typed by a manager when there is none). An unknown code says where to look."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from pos_app.domain.cart import PricedItem
from pos_app.ui.dialogs import SearchDialog
from pos_app.ui.flows.base import Flow
from pos_app.ui.quick_keys import QuickKeysDialog
from pos_app.ui.shop_dialogs import VariantDialog
from pos_app.ui.weighing import TypedWeightDialog, WeighDialog
from sync.rules.staff import StaffMember


class FindingFlow(Flow):
    def search(self) -> None:
        dialog = SearchDialog(self.sales, self.host)
        self.run(dialog, lambda _accepted: self._found(dialog.chosen_sku))

    def _found(self, sku: int | None) -> None:
        if sku is None:
            return
        variants = self.sales.variants(sku)
        if len(variants) > 1:
            picker = VariantDialog(variants, self.host)

            def chosen(accepted: bool) -> None:
                if accepted and picker.chosen_sku is not None:
                    self.add_sku(picker.chosen_sku)

            self.run(picker, chosen, later=True)
            return
        self.add_sku(sku)

    def add_sku(self, sku_id: int) -> None:
        if self.sales.add_sku(sku_id):
            self.window.page.select_last()

    def favourites(self) -> None:
        dialog = QuickKeysDialog(self.sales.quick_keys(), self.host)

        def chosen(accepted: bool) -> None:
            if accepted and dialog.chosen_sku is not None:
                self.add_sku(dialog.chosen_sku)

        self.run(dialog, chosen)

    def unknown_barcode(self, code: str) -> None:
        self.window.page.entry.setPlaceholderText(self.tr("Unknown code {}: F2 to search by name").format(code))

    # --- weighing (ui/weighing.py) ------------------------------------------------------------

    def weigh(self, item: PricedItem) -> None:
        """An item sold by the kilogram, without a label: on the till's scale, or typed by a
        manager when there is none. Opened once any dialog that chose the item has closed."""
        QTimer.singleShot(0, lambda: self._weigh_now(item))

    def _weigh_now(self, item: PricedItem) -> None:
        if self.window.dialog is not None:  # (a dialog opened in between: the item is not added)
            self.say(self.tr("{} was not weighed: choose it again").format(item.name), "warning")
            return
        scale = self.till.scale
        if scale is None:
            self._type_weight(item)
            return
        dialog = WeighDialog(scale, item, self.till.tasks, self.host)

        def ended(accepted: bool) -> None:
            if accepted and dialog.grams is not None:
                self._weighed(item, dialog.grams, None)
            elif dialog.typed:
                QTimer.singleShot(0, lambda: self._type_weight(item))

        self.run(dialog, ended)
        dialog.weigh()

    def _type_weight(self, item: PricedItem) -> None:
        def typed(approver: StaffMember | None) -> None:
            dialog = TypedWeightDialog(item, self.host)

            def ended(accepted: bool) -> None:
                if accepted and dialog.grams is not None:
                    self._weighed(item, dialog.grams, approver)

            self.run(dialog, ended, later=True)

        what = self.tr("Type the weight of {}").format(item.name)
        self.approved(self.session.needs_approval("weight.typed"), "weight.typed", what, typed)

    def _weighed(self, item: PricedItem, grams: int, approver: StaffMember | None) -> None:
        if self.sales.add_weighed(item, grams, approver):
            self.window.page.select_last()
