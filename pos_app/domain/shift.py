"""A cashier's shift at a till: float, cash in and out, and the close (Z) report.

Expected cash in the drawer = opening float + cash taken for sales - cash given back for
returns + cash put in - cash taken out. The counted figure is what the cashier counts at close;
the difference is reported, never adjusted away.

The count is blind: the cashier counts (note by note and coin by coin, or one total) before the
till shows what it expected, and a difference needs a reason, printed on the Z and sent to HQ.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from pos_app.domain.receipt import PAYMENT_NAMES
from sync.rules.money import format_amount
from sync.rules.tax import TaxLine, breakdown

# How the Z report names what a manager approved (sync/rules/staff.py PERMISSIONS), as printed.
OVERRIDE_NAMES = {
    "sale.void": "Venta anulada",
    "line.remove": "Línea quitada",
    "discount.over_limit": "Descuento sobre límite",
    "return.with_receipt": "Devolución con ticket",
    "return.without_receipt": "Devolución sin ticket",
    "drawer.no_sale": "Cajón sin venta",
    "cash.in_out": "Entrada/salida de caja",
    "shift.close": "Cierre de turno",
    "order.release": "Reserva liberada",
    "order.substitute": "Sustitución en pedido",
    "weight.typed": "Peso tecleado",
}

# Euro notes and coins a till holds, in cents (the 500 € note is no longer issued, ECB 2019).
NOTES = (20_000, 10_000, 5_000, 2_000, 1_000, 500)
COINS = (200, 100, 50, 20, 10, 5, 2, 1)


def counted_total(pieces: Mapping[int, int]) -> int:
    """The drawer's cash from its count: denomination (cents) -> pieces."""
    if any(n < 0 for n in pieces.values()):
        raise ValueError("a count cannot be negative")
    return sum(cents * n for cents, n in pieces.items())


@dataclass(frozen=True, slots=True)
class ZReport:
    z_number: int
    store_name: str
    till_code: str
    opened_at: datetime
    closed_at: datetime
    opened_by: str
    closed_by: str
    float_cents: int
    sales_count: int
    sales_total: int  # gross of what was sold, after discounts
    returns_count: int
    returns_total: int  # refunded, as a positive amount
    discounts: int  # promotions and manual discounts given on sales
    rounding: int  # cash rounding, net
    by_method: dict[str, int]  # method -> net taken (refunds subtracted)
    card_by_terminal: dict[str, int] = field(default_factory=dict)  # card terminal -> net taken ("" unknown)
    gross_by_rate: dict[int, int] = field(default_factory=dict)  # VAT rate -> gross, net of returns
    cash_in: int = 0
    cash_out: int = 0
    voids: int = 0
    counted_cash: int = 0
    # What a manager approved during the shift: (local time "HH:MM", action, who, approver, detail).
    overrides: tuple[tuple[str, str, str, str, str], ...] = ()
    difference_reason: str = ""  # the cashier's, when the count differs from the expected cash
    count: dict[int, int] = field(default_factory=dict)  # denomination (cents) -> pieces, if counted so

    @property
    def net_sales(self) -> int:
        return self.sales_total - self.returns_total

    @property
    def expected_cash(self) -> int:
        return self.float_cents + self.by_method.get("cash", 0) + self.cash_in - self.cash_out

    @property
    def difference(self) -> int:
        return self.counted_cash - self.expected_cash

    def vat(self) -> list[TaxLine]:
        return breakdown(self.gross_by_rate.items())

    def as_dict(self) -> dict[str, object]:
        """The figures, as they travel to the server with the shift's close."""
        return {
            "sales_count": self.sales_count,
            "sales_total": self.sales_total,
            "returns_count": self.returns_count,
            "returns_total": self.returns_total,
            "discounts": self.discounts,
            "rounding": self.rounding,
            "by_method": dict(self.by_method),
            "card_by_terminal": dict(self.card_by_terminal),
            "vat": [{"rate_bp": t.rate_bp, "base": t.base, "tax": t.tax} for t in self.vat()],
            "cash_in": self.cash_in,
            "cash_out": self.cash_out,
            "voids": self.voids,
            "float": self.float_cents,
            "overrides": [
                {"at": at, "action": action, "by": by, "approver": approver, "detail": detail}
                for at, action, by, approver, detail in self.overrides
            ],
            "difference_reason": self.difference_reason,
            "count": {str(cents): n for cents, n in sorted(self.count.items(), reverse=True) if n},
        }


def render_z_text(z: ZReport, width: int = 42) -> str:
    def row(left: str, right: str) -> str:
        room = width - len(right) - 1
        return f"{left[:room]:<{room}} {right}"

    def money(cents: int) -> str:
        return format_amount(cents)

    out = [z.store_name.center(width), f"Caja {z.till_code}".center(width), ""]
    out.append(row("INFORME Z", f"n.º {z.z_number}"))
    out.append(row("Apertura", z.opened_at.astimezone().strftime("%d/%m/%Y %H:%M")))
    out.append(row("Cierre", z.closed_at.astimezone().strftime("%d/%m/%Y %H:%M")))
    out.append(row("Abrió / cerró", f"{z.opened_by} / {z.closed_by}"))
    out.append("-" * width)
    out.append(row(f"Ventas ({z.sales_count})", money(z.sales_total)))
    out.append(row(f"Devoluciones ({z.returns_count})", money(-z.returns_total)))
    out.append(row("Ventas netas", money(z.net_sales)))
    out.append(row("Descuentos concedidos", money(z.discounts)))
    if z.rounding:
        out.append(row("Redondeo efectivo", money(z.rounding)))
    out.append(row("Ventas anuladas", str(z.voids)))
    out.append("-" * width)
    out.append("Por forma de pago")
    for method, amount in sorted(z.by_method.items()):
        out.append(row(f"  {PAYMENT_NAMES.get(method, method)}", money(amount)))
        if method == "card":  # to check against each terminal's own closing report
            for terminal, taken in sorted(z.card_by_terminal.items()):
                out.append(row(f"    {terminal or 'datáfono'}", money(taken)))
    out.append("-" * width)
    out.append(row("IVA       Base", "Cuota"))
    for tax in z.vat():
        out.append(row(f"{tax.rate_percent:>3} %  {format_amount(tax.base, ''):>10}", format_amount(tax.tax, "")))
    out.append("-" * width)
    out.append(row("Fondo de caja", money(z.float_cents)))
    out.append(row("Entradas de efectivo", money(z.cash_in)))
    out.append(row("Salidas de efectivo", money(-z.cash_out)))
    out.append(row("Efectivo esperado", money(z.expected_cash)))
    out.append(row("Efectivo contado", money(z.counted_cash)))
    out.append(row("Descuadre", money(z.difference)))
    if z.overrides:  # loss prevention: everything a manager approved on this till in the shift
        out.append("-" * width)
        out.append(f"Autorizaciones de encargado ({len(z.overrides)})")
        for at, action, by, approver, detail in z.overrides:
            out.append(row(f"{at} {OVERRIDE_NAMES.get(action, action)}", f"{by}/{approver}"))
            out += textwrap.wrap(detail, width, initial_indent="  ", subsequent_indent="  ")[:2]
    if z.difference_reason:
        out += textwrap.wrap(f"Motivo: {z.difference_reason}", width)
    if any(z.count.values()):
        out.append("Arqueo")
        for cents, n in sorted(z.count.items(), reverse=True):
            if n:
                out.append(row(f"  {n} x {format_amount(cents)}", money(cents * n)))
    return "\n".join(out)
