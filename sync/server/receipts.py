"""A receipt of any till of the chain, found by its number for a return at another till
(GET /receipts/{number}): a customer brings back at till 2 what they bought at till 1, or in
another store of the chain. The server has every till's sales once they are pushed; a receipt
not pushed yet is not found (the till says so)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from sync import protocol as p
from sync.server import schema as t
from sync.server.store import CentralStore


def find_receipt(central: CentralStore, asking_till_id: int, number: str) -> p.ReceiptFound | None:
    series, _, digits = number.strip().upper().rpartition("-")
    if not series or not digits.isdigit() or len(digits) > 9:  # a receipt number is 6 digits (an int column)
        return None
    with central.engine.connect() as conn:
        sale = conn.execute(
            sa.select(t.sales.c.id, t.sales.c.till_id).where(
                t.sales.c.series == series, t.sales.c.number == int(digits), t.sales.c.kind == "sale"
            )
        ).first()
        if sale is None:
            return None
        payload = next(
            (
                row.payload
                for row in conn.execute(
                    sa.select(t.events.c.payload).where(
                        t.events.c.till_id == sale.till_id,
                        t.events.c.type == "sale.completed",
                        t.events.c.status == "applied",
                        t.events.c.payload["sale_id"].as_string() == sale.id,
                    )
                )
            ),
            None,
        )
        if payload is None:
            return None
        returned = {
            int(sku): int(units)
            for sku, units in conn.execute(
                sa.select(t.sale_lines.c.sku_id, -sa.func.sum(t.sale_lines.c.quantity))
                .select_from(t.sales.join(t.sale_lines, t.sale_lines.c.sale_id == t.sales.c.id))
                .where(t.sales.c.original_sale_id == sale.id, t.sales.c.till_id != asking_till_id)
                .group_by(t.sale_lines.c.sku_id)
            )
        }
        standing = _standing(conn, sale.id)
    return p.ReceiptFound(sale=p.SaleCompleted.model_validate(payload), returned=returned, standing=standing)


def _standing(conn: sa.Connection, sale_id: str) -> p.StandingInvoice | None:
    """The sale's latest registro de alta not cancelled by a registro de anulación."""
    r = t.invoicing_records
    cancelled = sa.select(r.c.number).where(r.c.record_type == "anulacion").scalar_subquery()
    row: Any = conn.execute(
        sa.select(r.c.issuer_nif, r.c.number, r.c.issued_on, r.c.invoice_type, r.c.recipient_nif, r.c.recipient_name)
        .where(r.c.sale_id == sale_id, r.c.record_type == "alta", r.c.number.not_in(cancelled))
        .where(r.c.invoice_type.in_(("F1", "F2", "F3")))
        .order_by(r.c.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return p.StandingInvoice(
        issuer_nif=row.issuer_nif, number=row.number, issued_on=row.issued_on, invoice_type=row.invoice_type,
        recipient_nif=row.recipient_nif, recipient_name=row.recipient_name,
    )  # fmt: skip
