"""The cart being rung up at the till: lines, quantities, discounts, totals and VAT.

Pure Python: no Qt, no SQL. Line total = unit price x quantity - the line's discounts, in cents.
Promotions are worked out again on every change (see promotions.py for how they combine).
A weighed item is a line of quantity 1 priced for its weight, with the weight kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pos_app.domain.promotions import Discount, PricingLine, Promotion, apply_promotions
from sync.rules.errors import ShopError
from sync.rules.money import format_amount, round_half_up_div
from sync.rules.tax import TaxLine, breakdown

MAX_QTY = 9999
MAX_WEIGHT_G = 30_000  # the range of a counter scale (15 or 30 kg); beyond it a weight is a typo
_WEIGHT = re.compile(r"^\s*(\d{1,2})(?:[.,](\d{1,3}))?\s*(?:kg)?\s*$", re.IGNORECASE)


class CartError(ShopError):
    """A change to the cart that cannot be made (code and params: sync/rules/errors.py)."""


@dataclass(frozen=True, slots=True)
class PricedItem:
    """What a scan or a search resolves to: a SKU with the price in force."""

    sku_id: int
    sku_code: str
    name: str
    unit_price: int
    tax_rate_bp: int
    barcode: str = ""
    family_ids: tuple[int, ...] = ()  # its family and every family above it
    unit: str = "each"  # or "kg": unit_price is then per kilogram
    member_price: int | None = None  # the identified member's tier price, where lower
    # A weighed item (a scale's label): unit_price is the label's price for its weight; this is
    # the price per kilogram it was weighed at, printed beside the weight (RD 1619/2012 art. 7).
    price_per_kg: int | None = None


@dataclass(frozen=True, slots=True)
class ManualDiscount:
    """A discount or price change the cashier made on a line, and who approved it if needed."""

    kind: str  # "percent" (value in bp) | "amount" (cents off the line) | "price" (new unit price)
    value: int
    approved_by: int | None = None

    def amount(self, unit_price: int, quantity: int) -> int:
        gross = unit_price * quantity
        if self.kind == "percent":
            return round_half_up_div(gross * self.value, 10_000)
        if self.kind == "amount":
            return min(self.value, gross)
        return max(0, (unit_price - self.value) * quantity)

    def label(self) -> str:
        if self.kind == "percent":
            whole, frac = divmod(self.value, 100)
            return f"Descuento {whole}{',' + str(frac).rstrip('0') if frac else ''} %"
        if self.kind == "amount":
            return "Descuento manual"
        return f"Precio cambiado a {format_amount(self.value)}"


@dataclass(slots=True)
class CartLine:
    item: PricedItem
    quantity: int = 1
    manual: ManualDiscount | None = None
    weight_g: int | None = None
    discounts: list[Discount] = field(default_factory=list)

    @property
    def gross(self) -> int:
        return self.item.unit_price * self.quantity

    @property
    def discount(self) -> int:
        return sum(d.amount for d in self.discounts)

    @property
    def total(self) -> int:
        return self.gross - self.discount


def parked_line(line: CartLine) -> dict[str, Any]:
    """A line as a parked sale keeps it (JSON in the till's database): enough to bring it back."""
    manual = line.manual
    return {
        "sku_id": line.item.sku_id,
        "quantity": line.quantity,
        "unit_price": line.item.unit_price,
        "name": line.item.name,
        "barcode": line.item.barcode,
        "weight_g": line.weight_g,
        "price_per_kg": line.item.price_per_kg,
        "manual": None if manual is None else [manual.kind, manual.value, manual.approved_by],
    }


def resumed_line(raw: Mapping[str, Any], item: PricedItem, keeps_label_price: bool) -> CartLine:
    """A parked line back in a cart, for `item` as the catalog has it today: at today's price,
    except a weighed item or one whose label carries its price (`keeps_label_price`), which keeps
    the price, name and code it was parked with; its manual discount as it was."""
    if raw["weight_g"] is not None or keeps_label_price:
        item = replace(
            item,
            unit_price=raw["unit_price"],
            name=raw["name"],
            barcode=raw["barcode"],
            price_per_kg=raw.get("price_per_kg"),
        )
    manual = ManualDiscount(*raw["manual"]) if raw["manual"] else None
    return CartLine(item, raw["quantity"], manual=manual, weight_g=raw["weight_g"])


MEMBER_PRICE_LABEL = "Precio socio"


def _price_for_promotions(line: CartLine) -> int:
    """The unit price promotions work from: the member's tier price where it is lower (a line
    discounted by hand keeps the list price: the person's decision replaces the automatic one)."""
    member = line.item.member_price
    if line.manual is None and member is not None and 0 <= member < line.item.unit_price:
        return member
    return line.item.unit_price


def parse_quantity(text: str) -> int:
    cleaned = text.strip()
    if not cleaned.isdigit():
        raise CartError("quantity.not_a_number", f"'{text}' is not a quantity: type a whole number", text=text)
    qty = int(cleaned)
    if not 1 <= qty <= MAX_QTY:
        raise CartError("quantity.range", f"Quantity must be between 1 and {MAX_QTY}", most=MAX_QTY)
    return qty


def parse_weight(text: str) -> int:
    """A weight typed in kilograms ("0,350", "1.2", "2 kg") -> grams."""
    match = _WEIGHT.match(text)
    if match is None:
        raise CartError("weight.typed", f"'{text}' is not a weight: type kilograms, such as 0,350", text=text)
    whole, fraction = match.groups()
    grams = int(whole) * 1000 + int((fraction or "").ljust(3, "0"))
    if not 1 <= grams <= MAX_WEIGHT_G:
        raise CartError("weight.typed", f"'{text}' is not a weight: type kilograms, such as 0,350", text=text)
    return grams


def weighed(item: PricedItem, grams: int, barcode: str | None = None) -> PricedItem:
    """`item`, sold by the kilogram, as one weighed line: priced for `grams`, named with its
    weight, its price per kilogram kept for the receipt (RD 1619/2012 art. 7)."""
    kg = f"{grams / 1000:.3f}".replace(".", ",")
    return replace(
        item,
        unit_price=round_half_up_div(item.unit_price * grams, 1000),
        name=f"{item.name} {kg} kg",
        barcode=item.barcode if barcode is None else barcode,
        price_per_kg=item.unit_price,
    )


@dataclass(slots=True)
class Cart:
    lines: list[CartLine] = field(default_factory=list)
    promotions: list[Promotion] = field(default_factory=list)  # those in force here and now

    def add(self, item: PricedItem, quantity: int = 1, weight_g: int | None = None) -> int:
        """Add an item; a repeated scan of the last SKU adds to its line. Returns the line index."""
        if not 1 <= quantity <= MAX_QTY:
            raise CartError("quantity.range", f"Quantity must be between 1 and {MAX_QTY}", most=MAX_QTY)
        last = self.lines[-1] if self.lines else None
        if (
            last is not None
            and weight_g is None
            and last.weight_g is None
            and last.manual is None
            and last.item == item
        ):
            if last.quantity + quantity > MAX_QTY:
                raise CartError("quantity.range", f"Quantity must be between 1 and {MAX_QTY}", most=MAX_QTY)
            last.quantity += quantity
        else:
            self.lines.append(CartLine(item=item, quantity=quantity, weight_g=weight_g))
        self.reprice()
        return len(self.lines) - 1

    def set_quantity(self, index: int, quantity: int) -> None:
        line = self._line(index)
        if line.weight_g is not None:
            raise CartError("quantity.weighed", "A weighed item's quantity is its weight: remove it and weigh again")
        if not 1 <= quantity <= MAX_QTY:
            raise CartError("quantity.range", f"Quantity must be between 1 and {MAX_QTY}", most=MAX_QTY)
        line.quantity = quantity
        self.reprice()

    def check_manual(self, index: int, manual: ManualDiscount) -> None:
        """Raises CartError if `manual` may not go on line `index` (asked before a manager is)."""
        line = self._line(index)
        if manual.kind == "price" and manual.value > line.item.unit_price:
            raise CartError("price.only_lower", "A price can only be lowered at the till")
        if manual.kind == "percent" and not 0 < manual.value <= 10_000:
            raise CartError("discount.percent_range", "A discount is between 0 and 100 %")
        if manual.kind == "amount" and not 0 < manual.value <= line.gross:
            raise CartError("discount.over_line", "A discount cannot be more than the line")

    def set_manual(self, index: int, manual: ManualDiscount | None) -> None:
        line = self._line(index)
        if manual is not None:
            self.check_manual(index, manual)
        line.manual = manual
        self.reprice()

    def remove(self, index: int) -> CartLine:
        self._line(index)
        line = self.lines.pop(index)
        self.reprice()
        return line

    def clear(self) -> None:
        self.lines.clear()

    def _line(self, index: int) -> CartLine:
        if not 0 <= index < len(self.lines):
            raise CartError("cart.no_line", "No such line in the cart")
        return self.lines[index]

    def reprice(self) -> None:
        """Work out every line's discounts again: manual ones, then promotions (rule in promotions.py)."""
        pricing = [
            PricingLine(
                ln.item.sku_id, ln.item.family_ids, _price_for_promotions(ln), ln.quantity, ln.manual is not None
            )
            for ln in self.lines
        ]
        promos = apply_promotions(pricing, self.promotions) if self.promotions else [[] for _ in self.lines]
        for line, found in zip(self.lines, promos, strict=True):
            manual = []
            if line.manual is not None:
                amount = line.manual.amount(line.item.unit_price, line.quantity)
                if amount:
                    manual = [Discount(line.manual.label(), amount)]
            else:
                saving = (line.item.unit_price - _price_for_promotions(line)) * line.quantity
                if saving:
                    manual = [Discount(MEMBER_PRICE_LABEL, saving)]
            line.discounts = manual + found

    @property
    def is_empty(self) -> bool:
        return not self.lines

    @property
    def total(self) -> int:
        return sum(line.total for line in self.lines)

    @property
    def discount_total(self) -> int:
        return sum(line.discount for line in self.lines)

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def tax_breakdown(self) -> list[TaxLine]:
        return breakdown((line.item.tax_rate_bp, line.total) for line in self.lines)


@dataclass(frozen=True, slots=True)
class Tender:
    method: str  # "cash" | "card" | "points" (amount in cents; CENTS_PER_POINT each)
    amount: int  # what the customer handed over (cash) or was charged (card); negative: refunded
    change: int = 0
    reference: str = ""  # the card terminal's authorisation code
    terminal: str = ""  # which card terminal took it (the Z report adds card takings per terminal)

    @property
    def net(self) -> int:
        return self.amount - self.change
