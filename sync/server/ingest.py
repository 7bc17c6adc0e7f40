"""Ingest: the one dispatcher of the facts tills push (POST /sync/push).

Each batch is answered event by event: applied (once, whatever the network repeats), duplicate
(the first answer again) or rejected (kept for a person, never blocking the till's queue). The
facts are applied in one transaction per batch, in an order that keeps references whole:
members enrolled, then sales (their stock and points), the VERI*FACTU records as made, transfers
and counts, then orders (a hand-over's payment; promises checked against what moved). The
change-log append comes last, so its lock is held only to commit. Each kind of fact is applied
by its own module (loyalty, transfers, orders); this one only routes and answers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.engine import Connection

from sync import protocol as p
from sync.server import changelog, hq_exceptions, ledger, loyalty, orders, transfers
from sync.server import schema as t
from sync.server.db import utcnow
from sync.server.devices import Device
from sync.server.invoicing import record_fingerprint, record_row
from sync.server.store import CentralStore

log = logging.getLogger(__name__)


def apply_events(central: CentralStore, device: Device, events: Iterable[p.Event]) -> list[p.EventResult]:
    """Apply a push batch and answer each event.

    Fast path: the whole batch in one transaction, its rows written set-wise (one commit,
    one change-log append). If anything in it clashes with a concurrent write (the same
    event id or sale id committed meanwhile by another request), that transaction is rolled
    back and the batch is applied event by event, each in its own transaction, so one clash
    never costs the others.
    """
    events = list(events)
    try:
        return _apply_batch(central, device, events)
    except sa.exc.IntegrityError:
        log.info("push batch of till %s clashed; applying it event by event", device.till_code)
    return [apply_event(central, device, event) for event in events]


def apply_event(central: CentralStore, device: Device, event: p.Event) -> p.EventResult:
    try:
        return _apply_batch(central, device, [event])[0]
    except sa.exc.IntegrityError as exc:
        event_id = str(event.event_id)
        # The same event id committed by a concurrent request: answer as it was answered.
        with central.engine.connect() as conn:
            first = _first_answers(conn, [event_id]).get(event_id)
        if first is not None:
            return first
        # Otherwise the event clashes with stored facts (a sale id already recorded under
        # another event): keep it for a person, rejected, so it never blocks the queue.
        return _reject(central, device, event, f"conflicts with recorded data: {exc.orig}")


def _apply_batch(central: CentralStore, device: Device, events: list[p.Event]) -> list[p.EventResult]:
    records: list[tuple[p.Event, str, str | None]] = []  # new events: (event, status, reason)
    answers: list[tuple[str, p.EventResult | None]] = []  # (event id, known answer or None: new)
    sales: list[tuple[str, p.SaleCompleted]] = []
    enrolments: list[p.CustomerEnrolled] = []
    placed: list[tuple[str, p.OrderPlaced]] = []
    steps: list[tuple[str, p.OrderStep]] = []
    stock_facts: dict[type, list[tuple[str, Any]]] = {
        p.TransferRequested: [], p.TransferStep: [], p.StockAdjusted: [],
    }  # fmt: skip
    kept: list[tuple[str, p.InvoicingRecord]] = []  # VERI*FACTU records, in the till's chain order
    with central.writer.begin() as conn:
        ids = [str(event.event_id) for event in events]
        known = _first_answers(conn, ids)
        seen: set[str] = set()
        for event, event_id in zip(events, ids, strict=True):
            answers.append((event_id, known.get(event_id)))
            if event_id in known or event_id in seen:
                continue
            seen.add(event_id)
            reason, payload = _check(device, event)
            record = getattr(payload, "invoicing_record", None)
            if record is not None:  # a sale's, a full invoice's or a cancellation's
                kept.append((str(payload.sale_id), record))  # type: ignore[union-attr]
            if isinstance(payload, p.SaleCompleted):
                sales.append((event_id, payload))
                records.append((event, "applied", None))
            elif isinstance(payload, p.CustomerEnrolled):
                enrolments.append(payload)
                records.append((event, "applied", None))
            elif isinstance(payload, p.OrderPlaced):
                placed.append((event_id, payload))
                records.append((event, "applied", None))
            elif isinstance(payload, p.OrderStep):
                steps.append((event_id, payload))
                records.append((event, "applied", None))
            elif type(payload) in stock_facts:
                stock_facts[type(payload)].append((event_id, payload))
                records.append((event, "applied", None))
            elif payload is not None:
                # Shift, cash, override, void and invoice facts: kept in the events table
                # (with who and why) for HQ's audit and reports; nothing else to apply yet.
                records.append((event, "applied", None))
            else:
                records.append((event, "rejected", reason))
        # Members first: a sale in the same batch may name a card enrolled just before it.
        changes = loyalty.apply_enrolments(central, conn, device, enrolments)
        changes += _apply_sales(central, conn, device, sales)
        _keep_invoicing_records(central, conn, device, kept, utcnow())
        # Transfers and counts, then orders: a hand-over's payment, then whether promises
        # still hold after everything that moved this store's stock.
        changes += transfers.apply_facts(central, conn, device, *stock_facts.values())
        moved = {line.sku_id for _, sale in sales for line in sale.lines}
        moved |= {m.sku_id for _, step in stock_facts[p.TransferStep] for m in step.lines if step.step == "shipped"}
        moved |= {ln.sku_id for _, fact in stock_facts[p.StockAdjusted] for ln in fact.lines if ln.delta < 0}
        facts = orders.OrderFacts(placed, steps, [(e, s) for e, s in sales if s.order_id is not None], frozenset(moved))
        changes += orders.apply_order_facts(central, conn, device, facts)
        if records:
            _note_push(conn, device, max(event.device_seq for event, _, _ in records))
        seq = changelog.log_changes(conn, changes)  # last: the change-log lock is held only to commit
        _record_events(conn, device, [(event, status, reason, seq) for event, status, reason in records])
    given: dict[str, p.EventResult] = {}
    for event, status, reason in records:
        given[str(event.event_id)] = p.EventResult(
            event_id=event.event_id,
            status=status,
            reason=reason,
            seq=seq if status == "applied" else 0,
        )
    results: list[p.EventResult] = []
    answered: set[str] = set()
    for event_id, known_answer in answers:
        if known_answer is not None:
            results.append(known_answer)
        elif event_id in answered:  # the same id twice in one batch: the second is a duplicate
            results.append(_as_duplicate(given[event_id]))
        else:
            results.append(given[event_id])
            answered.add(event_id)
    return results


def _note_push(conn: Connection, device: Device, device_seq: int) -> None:
    last = t.tills.c.last_device_seq
    conn.execute(
        t.tills.update()
        .where(t.tills.c.id == device.till_id)
        .values(last_device_seq=sa.case((last < device_seq, device_seq), else_=last), last_push_at=utcnow())
    )


def _reject(central: CentralStore, device: Device, event: p.Event, reason: str) -> p.EventResult:
    with central.writer.begin() as conn:
        first = _first_answers(conn, [str(event.event_id)]).get(str(event.event_id))
        if first is not None:
            return first
        _record_events(conn, device, [(event, "rejected", reason[:1000], 0)])
    return p.EventResult(event_id=event.event_id, status="rejected", reason=reason[:1000])


def _record_events(conn: Connection, device: Device, records: Sequence[tuple[p.Event, str, str | None, int]]) -> None:
    """Event ids with the answers given; from now on the same id answers 'duplicate'."""
    if not records:
        return
    received = utcnow()
    conn.execute(
        t.events.insert(),
        [
            {
                "event_id": str(event.event_id),
                "till_id": device.till_id,
                "device_seq": event.device_seq,
                "type": event.type,
                "status": status,
                "reason": reason,
                "seq": seq if status == "applied" else 0,
                "payload": event.payload,
                "created_at": event.created_at.isoformat(),
                "received_at": received,
            }
            for event, status, reason, seq in records
        ],
    )


def _as_duplicate(answer: p.EventResult) -> p.EventResult:
    # A repeated id answers "duplicate"; the reason says what the first answer was.
    reason = answer.reason if answer.status == "rejected" else None
    return p.EventResult(event_id=answer.event_id, status="duplicate", reason=reason, seq=answer.seq)


def _first_answers(conn: Connection, event_ids: Sequence[str]) -> dict[str, p.EventResult]:
    """The answers already given to any of these event ids, as 'duplicate' answers."""
    rows = conn.execute(
        sa.select(t.events.c.event_id, t.events.c.status, t.events.c.reason, t.events.c.seq).where(
            t.events.c.event_id.in_(list(event_ids))
        )
    ).all()
    return {
        row.event_id: _as_duplicate(
            p.EventResult(event_id=row.event_id, status=row.status, reason=row.reason, seq=row.seq)
        )
        for row in rows
    }


def _check(device: Device, event: p.Event) -> tuple[str | None, p.Model | None]:
    """(why the event cannot be applied, kept for a person; or None with its valid payload)."""
    model = p.EVENT_PAYLOADS.get(event.type)
    if model is None:
        return f"unknown event type {event.type!r}", None
    try:
        payload = model.model_validate(event.payload)
    except ValidationError as exc:
        return "invalid payload: " + "; ".join(
            f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}" for err in exc.errors()[:5]
        ), None
    store_id = getattr(payload, "store_id", device.store_id)
    if store_id != device.store_id:
        return f"event for store {store_id} sent by a till of store {device.store_id}", None
    return None, payload


def _apply_sales(
    central: CentralStore, conn: Connection, device: Device, sales: Sequence[tuple[str, p.SaleCompleted]]
) -> list[dict[str, Any]]:
    """Record sales (with their event ids) and their stock movements, a statement per table;
    returns the changes the tills must learn of."""
    if not sales:
        return []
    now = utcnow()
    members = loyalty.resolve_cards(conn, (sale.customer_card for _, sale in sales if sale.customer_card))
    sale_rows, line_rows, payment_rows, movements = [], [], [], []
    bookings: list[loyalty.Booking] = []
    for event_id, sale in sales:
        sale_id = str(sale.sale_id)
        customer_id = members.get(sale.customer_card) if sale.customer_card else None
        if sale.customer_card and customer_id is None:
            hq_exceptions.raise_exception(
                conn, "unknown_member", device.store_id, device.till_id,
                f"sale {sale.series}-{sale.number} names card {sale.customer_card}, unknown here: "
                "its points are not booked",
            )  # fmt: skip
        elif customer_id is not None:
            points_paid = sum(pay.amount for pay in sale.payments if pay.method == "points") // p.CENTS_PER_POINT
            bookings.append(
                loyalty.Booking(customer_id, event_id, sale_id, sale.kind, sale.total, sale.points_earned, points_paid)
            )
        sale_rows.append(
            {
                "id": sale_id,
                "store_id": device.store_id,
                "till_id": device.till_id,
                "series": sale.series,
                "number": sale.number,
                "created_at": sale.created_at.isoformat(),
                "total": sale.total,
                "journal_hash": sale.journal_hash,
                "kind": sale.kind,
                "original_sale_id": str(sale.original_sale_id) if sale.original_sale_id else None,
                "cashier_id": sale.cashier_id,
                "shift_id": str(sale.shift_id) if sale.shift_id else None,
                "customer_id": customer_id,
                "points_earned": sale.points_earned if customer_id is not None else 0,
            }
        )
        for i, line in enumerate(sale.lines, 1):
            line_rows.append(
                {
                    "sale_id": sale_id,
                    "line_no": i,
                    "sku_id": line.sku_id,
                    "sku_code": line.sku_code,
                    "name": line.name,
                    "quantity": line.quantity,
                    "unit_price": line.unit_price,
                    "line_total": line.line_total,
                    "tax_rate_bp": line.tax_rate_bp,
                    "discount": line.discount,
                    "discounts": [d.model_dump() for d in line.discounts] or None,
                    "weight_g": line.weight_g,
                    "price_per_kg": line.price_per_kg,
                }
            )
            movements.append((sale.kind, (line.sku_id, -line.quantity, event_id)))
        payment_rows += [
            {"sale_id": sale_id, "line_no": i, **pay.model_dump()} for i, pay in enumerate(sale.payments, 1)
        ]
    conn.execute(t.sales.insert(), sale_rows)
    conn.execute(t.sale_lines.insert(), line_rows)
    conn.execute(t.sale_payments.insert(), payment_rows)
    changes: list[dict[str, Any]] = []
    for reason in ("sale", "return"):  # the ledger says which movement was which
        moves = [move for kind, move in movements if kind == reason]
        if moves:
            changes += ledger.move_stock(conn, device.store_id, moves, reason, now)
    return changes + loyalty.book_sales(central, conn, device, bookings, now)


def _keep_invoicing_records(
    central: CentralStore, conn: Connection, device: Device, records: Sequence[tuple[str, p.InvoicingRecord]], now: str
) -> None:
    """Keep the till's VERI*FACTU records as made, in chain order. A fact is never refused:
    a record whose fingerprint does not recompute, or that does not chain on the till's
    last record here (a repaired till's seam, a record lost on the way), is kept and raised
    as an exception for HQ."""
    if not records:
        return
    last = conn.execute(
        sa.select(t.invoicing_records.c.hash)
        .where(t.invoicing_records.c.till_id == device.till_id)
        .order_by(t.invoicing_records.c.id.desc())
        .limit(1)
    ).scalar()
    rows = []
    for sale_id, record in records:
        if record_fingerprint(record) != record.hash:
            hq_exceptions.raise_exception(
                conn, "invoicing_record_hash", device.store_id, device.till_id,
                f"invoicing record {record.number} of till {device.till_code}: its fingerprint does not recompute",
            )  # fmt: skip
        if last is not None and record.previous_hash != last:
            hq_exceptions.raise_exception(
                conn, "invoicing_chain_seam", device.store_id, device.till_id,
                f"invoicing record {record.number} of till {device.till_code} chains on "
                f"{record.previous_hash[:12] or 'nothing'}…, not on the last record HQ has ({last[:12]}…)",
            )  # fmt: skip
        last = record.hash
        rows.append(
            {
                **record_row(record),
                "store_id": device.store_id,
                "till_id": device.till_id,
                "sale_id": sale_id,
                "received_at": now,
            }
        )
    conn.execute(t.invoicing_records.insert(), rows)
