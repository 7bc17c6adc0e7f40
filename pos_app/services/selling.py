"""Ringing up a sale: scan or search, change quantities, pay, and keep the receipt.

The screen calls these methods and redraws on the signals; nothing here knows about widgets.
Every message emitted is meant for the cashier as it is.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from pos_app.domain.barcode import BarcodeError, normalise
from pos_app.domain.cart import Cart, CartError, PricedItem, Tender, card_tender, cash_tender, parse_quantity
from pos_app.domain.money import format_amount
from pos_app.domain.receipt import Receipt
from pos_app.store.replica import Identity, Replica

log = logging.getLogger(__name__)


class SaleService(QObject):
    cart_changed = Signal()
    message = Signal(str, str)  # text, level: "info" | "warning" | "error"
    sale_completed = Signal(object)  # Receipt

    def __init__(self, replica: Replica, on_fact_recorded: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.replica = replica
        self.cart = Cart()
        self.last_receipt: Receipt | None = None
        self._on_fact_recorded = on_fact_recorded

    @property
    def identity(self) -> Identity | None:
        return self.replica.identity()

    def _say(self, text: str, level: str = "info") -> None:
        self.message.emit(text, level)

    # --- building the cart ----------------------------------------------------------------

    def scan(self, text: str) -> bool:
        """A barcode from the scanner or the keyboard. Returns True if a line was added."""
        try:
            code = normalise(text)
        except BarcodeError as exc:
            self._say(str(exc), "error")
            return False
        item = self.replica.item_by_barcode(code.code)
        if item is None:
            self._say(self.tr("Unknown barcode {}: search the product by name (F2)").format(code.code), "error")
            return False
        return self._add(item)

    def add_sku(self, sku_id: int) -> bool:
        item = self.replica.item_by_sku_id(sku_id)
        if item is None:
            self._say(self.tr("That product is no longer sold"), "error")
            return False
        return self._add(item)

    def _add(self, item: PricedItem) -> bool:
        if item.unit_price < 0:
            self._say(self.tr("{} has no price today: call a manager").format(item.name), "error")
            return False
        try:
            self.cart.add(item)
        except CartError as exc:
            self._say(str(exc), "error")
            return False
        self._say(f"{item.name}  {format_amount(item.unit_price)}", "info")
        self.cart_changed.emit()
        return True

    def search(self, text: str, limit: int = 50) -> list[tuple[PricedItem, int | None]]:
        """Products matching what was typed, priced, with this store's stock (None before set-up)."""
        identity = self.identity
        found = []
        for sku_id, _code, _name in self.replica.search(text, limit):
            item = self.replica.item_by_sku_id(sku_id)
            if item is not None:
                stock = self.replica.stock_on_hand(identity.store_id, sku_id) if identity else None
                found.append((item, stock))
        return found

    def set_quantity(self, index: int, text: str) -> bool:
        try:
            self.cart.set_quantity(index, parse_quantity(text))
        except CartError as exc:
            self._say(str(exc), "error")
            return False
        self.cart_changed.emit()
        return True

    def change_quantity(self, index: int, step: int) -> bool:
        if not 0 <= index < len(self.cart.lines):
            return False
        new = self.cart.lines[index].quantity + step
        if new < 1:
            return self.remove_line(index)
        return self.set_quantity(index, str(new))

    def remove_line(self, index: int) -> bool:
        try:
            line = self.cart.remove(index)
        except CartError as exc:
            self._say(str(exc), "error")
            return False
        self._say(self.tr("Removed: {}").format(line.item.name), "info")
        self.cart_changed.emit()
        return True

    def clear(self) -> None:
        self.cart.clear()
        self.cart_changed.emit()

    # --- paying ----------------------------------------------------------------------------

    def pay_cash(self, given_text: str) -> Receipt | None:
        try:
            tender = cash_tender(self.cart.total, given_text)
        except (CartError, ValueError) as exc:
            self._say(str(exc), "error")
            return None
        return self._complete([tender])

    def pay_card(self) -> Receipt | None:
        return self._complete([card_tender(self.cart.total)])

    def _complete(self, tenders: list[Tender]) -> Receipt | None:
        identity = self.identity
        if identity is None:
            self._say(self.tr("This till is not set up yet: no sale can be saved"), "error")
            return None
        if self.cart.is_empty:
            self._say(self.tr("The cart is empty"), "warning")
            return None
        try:
            receipt = self.replica.record_sale(identity, list(self.cart.lines), tenders)
        except (sqlite3.Error, ValueError) as exc:
            log.exception("saving the sale failed")
            self._say(self.tr("The sale could not be saved ({}); the cart is kept, try again").format(exc), "error")
            return None
        self.last_receipt = receipt
        self.cart = Cart()
        self.cart_changed.emit()
        self.sale_completed.emit(receipt)
        if self._on_fact_recorded is not None:
            self._on_fact_recorded()
        return receipt
