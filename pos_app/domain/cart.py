"""The cart being rung up at the till: lines, quantities, totals and VAT.

Pure Python: no Qt, no SQL. Quantities are whole units for now (weighed goods come with
their own barcode kind). Line total = unit price x quantity, in cents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pos_app.domain.money import parse_amount
from pos_app.domain.tax import TaxLine, breakdown

MAX_QTY = 9999


class CartError(ValueError):
    """A change to the cart that cannot be made; the message is for the cashier."""


@dataclass(frozen=True, slots=True)
class PricedItem:
    """What a scan or a search resolves to: a SKU with the price in force."""

    sku_id: int
    sku_code: str
    name: str
    unit_price: int
    tax_rate_bp: int
    barcode: str = ""


@dataclass(slots=True)
class CartLine:
    item: PricedItem
    quantity: int = 1

    @property
    def total(self) -> int:
        return self.item.unit_price * self.quantity


def parse_quantity(text: str) -> int:
    cleaned = text.strip()
    if not cleaned.isdigit():
        raise CartError(f"'{text}' is not a quantity: type a whole number")
    qty = int(cleaned)
    if not 1 <= qty <= MAX_QTY:
        raise CartError(f"Quantity must be between 1 and {MAX_QTY}")
    return qty


@dataclass(slots=True)
class Cart:
    lines: list[CartLine] = field(default_factory=list)

    def add(self, item: PricedItem, quantity: int = 1) -> int:
        """Add an item; a repeated scan of the last SKU adds to its line. Returns the line index."""
        if not 1 <= quantity <= MAX_QTY:
            raise CartError(f"Quantity must be between 1 and {MAX_QTY}")
        if self.lines and self.lines[-1].item.sku_id == item.sku_id and self.lines[-1].item == item:
            last = self.lines[-1]
            if last.quantity + quantity > MAX_QTY:
                raise CartError(f"Quantity must be between 1 and {MAX_QTY}")
            last.quantity += quantity
            return len(self.lines) - 1
        self.lines.append(CartLine(item=item, quantity=quantity))
        return len(self.lines) - 1

    def set_quantity(self, index: int, quantity: int) -> None:
        self._line(index)
        if not 1 <= quantity <= MAX_QTY:
            raise CartError(f"Quantity must be between 1 and {MAX_QTY}")
        self.lines[index].quantity = quantity

    def remove(self, index: int) -> CartLine:
        self._line(index)
        return self.lines.pop(index)

    def clear(self) -> None:
        self.lines.clear()

    def _line(self, index: int) -> CartLine:
        if not 0 <= index < len(self.lines):
            raise CartError("No such line in the cart")
        return self.lines[index]

    @property
    def is_empty(self) -> bool:
        return not self.lines

    @property
    def total(self) -> int:
        return sum(line.total for line in self.lines)

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def tax_breakdown(self) -> list[TaxLine]:
        return breakdown((line.item.tax_rate_bp, line.total) for line in self.lines)


@dataclass(frozen=True, slots=True)
class Tender:
    method: str  # "cash" | "card"
    amount: int  # what the customer handed over (cash) or was charged (card)
    change: int = 0


def cash_tender(total: int, given_text: str) -> Tender:
    """Cash payment of the whole ticket: what was handed over and the change due."""
    given = parse_amount(given_text) if given_text.strip() else total
    if given < total:
        raise CartError("Not enough cash for the total")
    return Tender(method="cash", amount=given, change=given - total)


def card_tender(total: int) -> Tender:
    return Tender(method="card", amount=total, change=0)
