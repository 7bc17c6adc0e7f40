"""The receipt (a Spanish simplified invoice) as data, and as text for screen or printer."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos_app.domain.cart import Tender
from pos_app.domain.money import format_amount
from pos_app.domain.tax import TaxLine, breakdown

GENESIS_HASH = "0" * 64
PAYMENT_NAMES = {"cash": "Efectivo", "card": "Tarjeta"}


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    sku_id: int
    sku_code: str
    name: str
    quantity: int
    unit_price: int
    tax_rate_bp: int

    @property
    def total(self) -> int:
        return self.unit_price * self.quantity


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

    @property
    def receipt_no(self) -> str:
        return f"{self.series}-{self.number:06d}"

    @property
    def total(self) -> int:
        return sum(line.total for line in self.lines)

    @property
    def change(self) -> int:
        return sum(p.change for p in self.payments)

    def tax_breakdown(self) -> list[TaxLine]:
        return breakdown((line.tax_rate_bp, line.total) for line in self.lines)


def journal_hash(prev_hash: str, content: dict[str, Any]) -> str:
    """Hash chaining a journal record to the one before it (tamper evidence)."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


def render_text(receipt: Receipt, width: int = 42) -> str:
    """Plain text receipt: what the screen shows and the printer prints."""

    def row(left: str, right: str) -> str:
        room = width - len(right) - 1
        return f"{left[:room]:<{room}} {right}"

    out = [receipt.store_name.center(width), f"Caja {receipt.till_code}".center(width), ""]
    out.append(row("Factura simplificada", receipt.receipt_no))
    out.append(receipt.created_at.astimezone().strftime("%d/%m/%Y %H:%M"))
    out.append("-" * width)
    for line in receipt.lines:
        out.append(row(line.name, format_amount(line.total, "")))
        if line.quantity != 1:
            out.append(f"  {line.quantity} x {format_amount(line.unit_price, '')}")
    out.append("-" * width)
    out.append(row("TOTAL", format_amount(receipt.total)))
    for pay in receipt.payments:
        out.append(row(PAYMENT_NAMES.get(pay.method, pay.method), format_amount(pay.amount)))
    if receipt.change:
        out.append(row("Cambio", format_amount(receipt.change)))
    out.append("")
    out.append(row("IVA       Base", "Cuota"))
    for tax in receipt.tax_breakdown():
        out.append(row(f"{tax.rate_percent:>3} %  {format_amount(tax.base, ''):>10}", format_amount(tax.tax, "")))
    out.append("")
    out.append("IVA incluido. Gracias por su visita.".center(width))
    return "\n".join(out)
