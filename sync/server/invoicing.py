"""Invoicing records (RD 1007/2023, VERI*FACTU) as HQ keeps them: the fingerprint a record
must carry, its row, and the records held per till in chain order."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from sync import protocol as p
from sync.rules.verifactu import InvoiceId, alta_fingerprint, anulacion_fingerprint
from sync.server import schema as t
from sync.server.db import Database


def record_fingerprint(record: p.InvoicingRecord) -> str:
    """The fingerprint an invoicing record should carry, recomputed from its fields."""
    made_at = datetime.fromisoformat(record.generated_at)
    invoice = InvoiceId(record.issuer_nif, record.number, record.issued_on)
    if record.record_type == "anulacion":
        return anulacion_fingerprint(invoice, record.previous_hash, made_at)
    return alta_fingerprint(invoice, record.invoice_type, record.tax_total, record.total, record.previous_hash, made_at)


def record_row(record: p.InvoicingRecord) -> dict[str, Any]:
    """An invoicing record as a row of invoicing_records (without where it came from)."""
    return {
        "record_type": record.record_type,
        "invoice_type": record.invoice_type,
        "issuer_nif": record.issuer_nif,
        "number": record.number,
        "issued_on": record.issued_on.isoformat(),
        "tax_total": record.tax_total,
        "total": record.total,
        "breakdown": [b.model_dump() for b in record.breakdown],
        "corrects": [c.model_dump(mode="json") for c in record.corrects],
        "replaces": [c.model_dump(mode="json") for c in record.replaces],
        "recipient_nif": record.recipient_nif,
        "recipient_name": record.recipient_name,
        "previous_hash": record.previous_hash,
        "generated_at": record.generated_at,
        "hash": record.hash,
    }


def invoicing_records(db: Database, till_id: int | None = None) -> list[dict[str, Any]]:
    """The records HQ holds, in chain order per till (for the AEAT submission and exports)."""
    query = sa.select(t.invoicing_records).order_by(t.invoicing_records.c.till_id, t.invoicing_records.c.id)
    if till_id is not None:
        query = query.where(t.invoicing_records.c.till_id == till_id)
    with db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
