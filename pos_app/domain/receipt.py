"""The receipt (a Spanish simplified invoice) as data, and as text for screen or printer.

Receipts print in Spanish whatever the screen's language: they are the store's tax documents.
Returns have their own series (the till's series + "-D"), consecutive like the sales'.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos_app.domain.cart import Tender
from pos_app.domain.promotions import Discount
from sync.rules.money import format_amount, round_half_up_div
from sync.rules.tax import TaxLine, breakdown

GENESIS_HASH = "0" * 64
PAYMENT_NAMES = {"cash": "Efectivo", "card": "Tarjeta", "points": "Puntos"}
RETURN_SERIES_SUFFIX = "-D"
QR_PLACE = "[QR]"  # where the QR goes in the text: the printer, the screen and the PDF draw it there


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    sku_id: int
    sku_code: str
    name: str
    quantity: int
    unit_price: int
    tax_rate_bp: int
    discounts: tuple[Discount, ...] = ()
    weight_g: int | None = None
    price_per_kg: int | None = None  # a weighed line: the price per kilogram it was weighed at

    @property
    def discount(self) -> int:
        return sum(d.amount for d in self.discounts)

    @property
    def total(self) -> int:
        return self.unit_price * self.quantity - self.discount

    def part(self, units: int) -> int:
        """What `units` of this line were paid: their price less their share of its discount
        (a return gives back what was paid, not today's price)."""
        return self.unit_price * units - round_half_up_div(self.discount * units, self.quantity)


@dataclass(frozen=True, slots=True)
class Issuer:
    """Who issues the receipt, as Spanish law has it printed (RD 1619/2012, art. 7.1: a
    simplified invoice carries the issuer's NIF and name; art. 6.1.c–e for a full invoice, with
    the issuer's address): the company, its registered address, and the store's."""

    legal_name: str
    nif: str
    address: str  # the company's registered address
    store_address: str = ""  # where the sale took place

    @property
    def complete(self) -> bool:
        return bool(self.legal_name.strip() and self.nif.strip() and self.address.strip())


@dataclass(frozen=True, slots=True)
class Receipt:
    sale_id: str
    series: str
    number: int
    created_at: datetime
    store_name: str
    till_code: str
    lines: tuple[ReceiptLine, ...]
    payments: tuple[Tender, ...]
    kind: str = "sale"  # or "return"
    rounding: int = 0
    cashier: str = ""
    original_no: str = ""  # for a return: the receipt it refunds
    invoice_no: str = ""  # when a full invoice was issued for it
    customer_card: str = ""  # the loyalty member
    points_earned: int = 0  # a return: minus the points taken back
    points_balance: int | None = None  # the member's balance after this sale
    issuer: Issuer | None = None  # the company and the store (None: a till that never had them)
    qr_url: str = ""  # the VERI*FACTU QR's content: the AEAT's validation URL ("" without a record)

    @property
    def receipt_no(self) -> str:
        return receipt_number(self.series, self.number)

    @property
    def total(self) -> int:
        return sum(line.total for line in self.lines)

    @property
    def discount_total(self) -> int:
        return sum(line.discount for line in self.lines)

    @property
    def change(self) -> int:
        return sum(p.change for p in self.payments)

    def tax_breakdown(self) -> list[TaxLine]:
        return breakdown((line.tax_rate_bp, line.total) for line in self.lines)


def receipt_number(series: str, number: int) -> str:
    """What is printed and encoded in the receipt's barcode, and what a return scans."""
    return f"{series}-{number:06d}"


def journal_text(content: dict[str, Any]) -> str:
    """A journal record's canonical text: what is hashed, and what is stored."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def journal_hash(prev_hash: str, content: dict[str, Any] | str) -> str:
    """Hash chaining a journal record (its content, or its canonical text) to the one before it
    (tamper evidence)."""
    canonical = content if isinstance(content, str) else journal_text(content)
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


def render_text(receipt: Receipt, width: int = 42) -> str:
    """Plain text receipt: what the screen shows and the printer prints."""

    def row(left: str, right: str) -> str:
        room = width - len(right) - 1
        return f"{left[:room]:<{room}} {right}"

    def money(cents: int) -> str:
        return format_amount(cents, "")

    returning = receipt.kind == "return"
    title = "Devolución" if returning else "Factura simplificada"
    out = []
    if receipt.issuer is not None:  # RD 1619/2012, art. 7.1: the issuer's name and NIF
        out += [receipt.issuer.legal_name.center(width), f"NIF {receipt.issuer.nif}".center(width)]
        out += [part.center(width) for part in _wrap(receipt.issuer.address, width)]
    out.append(receipt.store_name.center(width))
    if receipt.issuer is not None and receipt.issuer.store_address:
        out += [part.center(width) for part in _wrap(receipt.issuer.store_address, width)]
    out += [f"Caja {receipt.till_code}".center(width), ""]
    out.append(row(title, receipt.receipt_no))
    if receipt.original_no:
        out.append(row("Ticket original", receipt.original_no))
    if receipt.invoice_no:
        out.append(row("Factura completa", receipt.invoice_no))
    out.append(receipt.created_at.astimezone().strftime("%d/%m/%Y %H:%M"))
    if receipt.cashier:
        out.append(f"Le atendió: {receipt.cashier}")
    out.append("-" * width)
    basket: dict[str, int] = {}
    for line in receipt.lines:
        out.append(row(line.name, money(line.unit_price * line.quantity)))
        if line.weight_g is not None:
            weighed = f"  {line.weight_g / 1000:.3f} kg".replace(".", ",")
            if line.price_per_kg is not None:  # RD 1619/2012 art. 7: the unit price of what was sold
                weighed += f" x {format_amount(line.price_per_kg)}/kg"
            out.append(weighed)
        elif line.quantity != 1:
            out.append(f"  {line.quantity} x {money(line.unit_price)}")
        for discount in line.discounts:
            if discount.basket:
                basket[discount.name] = basket.get(discount.name, 0) + discount.amount
            else:
                out.append(row(f"  {discount.name}", money(-discount.amount)))
    out.append("-" * width)
    for name, amount in basket.items():
        out.append(row(name, money(-amount)))
    if receipt.discount_total:
        out.append(row("Ahorro total", money(receipt.discount_total)))
    out.append(row("TOTAL", format_amount(receipt.total)))
    if receipt.rounding:
        out.append(row("Redondeo efectivo", money(receipt.rounding)))
        out.append(row("A PAGAR", format_amount(receipt.total + receipt.rounding)))
    for pay in receipt.payments:
        name = PAYMENT_NAMES.get(pay.method, pay.method)
        if pay.reference:
            name += f" ({pay.reference})"
        out.append(row(name, format_amount(pay.amount)))
    if receipt.change:
        out.append(row("Cambio", format_amount(receipt.change)))
    if receipt.customer_card:
        out.append("")
        out.append(row("Socio", receipt.customer_card))
        label = "Puntos ganados" if receipt.points_earned >= 0 else "Puntos descontados"
        out.append(row(label, str(abs(receipt.points_earned))))
        if receipt.points_balance is not None:
            out.append(row("Saldo de puntos", str(receipt.points_balance)))
    out.append("")
    out.append(row("IVA       Base", "Cuota"))
    for tax in receipt.tax_breakdown():
        out.append(row(f"{tax.rate_percent:>3} %  {money(tax.base):>10}", money(tax.tax)))
    out.append("")
    out.append("IVA incluido. Gracias por su visita.".center(width))
    if receipt.qr_url:
        # HAC/1177/2024, art. 20 and 21: the QR (printed by the printer itself, or drawn on the
        # screen and in the PDF) and the legend of a system that sends its records to the AEAT.
        out.append("")
        out.append("QR tributario:".center(width))
        out.append(QR_PLACE.center(width))
        out.append("VERI*FACTU".center(width))
    return "\n".join(out)


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width) or [""]
