"""What tills do to orders, pushed as facts (order.step, order.placed for a reservation made at
the till, a sale with order_id for a hand-over paid at the counter), applied once with their
event by ingest; and the expiry of ready orders not collected in time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync import protocol as p
from sync.rules import orders as rules
from sync.server import changelog, hq_exceptions, ledger, loyalty
from sync.server import schema as t
from sync.server.devices import Device
from sync.server.orders.promises import check_promises
from sync.server.orders.records import HOLDING, lines_of, move_order, note_order, order_change, skus_by_code
from sync.server.store import CentralStore

log = logging.getLogger(__name__)


PICKUP_WINDOW = timedelta(days=7)  # a ready click&collect order waits this long…


EXPIRY_GRACE = timedelta(days=1)  # …and is overdue this long more before it expires


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """What a push batch says about orders."""

    placed: Sequence[tuple[str, p.OrderPlaced]] = ()
    steps: Sequence[tuple[str, p.OrderStep]] = ()
    paid: Sequence[tuple[str, p.SaleCompleted]] = ()  # sales that paid for an order at its hand-over
    sold: frozenset[int] = frozenset()  # SKUs the batch's sales moved at the till's store


def apply_order_facts(
    central: CentralStore, conn: Connection, device: Device, facts: OrderFacts
) -> list[dict[str, Any]]:
    """Apply a batch's order facts (after its sales); returns the changes to log."""
    now = datetime.now(UTC)
    changed: dict[str, None] = {}
    moved: dict[int, set[int]] = {device.store_id: set(facts.sold)}
    for event_id, placed in facts.placed:
        if _place_from_till(central, conn, device, event_id, placed, now):
            changed[str(placed.order_id)] = None
            moved.setdefault(placed.at_store_id, set()).update(line.sku_id for line in placed.lines)
    paid = {str(sale.sale_id): (event_id, sale) for event_id, sale in facts.paid}
    stock_changes: list[dict[str, Any]] = []

    def pay(event_id: str, sale: p.SaleCompleted) -> None:
        row = conn.execute(sa.select(t.orders).where(t.orders.c.id == str(sale.order_id))).first()
        if row is None or row.store_id != device.store_id:
            hq_exceptions.raise_exception(
                conn, "unknown_order", device.store_id, device.till_id,
                f"sale {sale.series}-{sale.number} pays for order {sale.order_id}, unknown at this store",
            )  # fmt: skip
            return
        _hand_over(conn, row.id, [(ln.sku_id, ln.quantity) for ln in sale.lines])
        conn.execute(t.orders.update().where(t.orders.c.id == row.id).values(sale_id=str(sale.sale_id)))
        note_order(conn, row.id, row.state, "paid", f"paid at the counter: {sale.series}-{sale.number}", event_id, now)
        changed[row.id] = None

    for event_id, step in facts.steps:  # in the order they were done; a payment just before its hand-over
        if step.sale_id is not None and str(step.sale_id) in paid:
            pay(*paid.pop(str(step.sale_id)))
        sku_ids = _apply_step(central, conn, device, event_id, step, now, stock_changes)
        if sku_ids is not None:
            changed[str(step.order_id)] = None
            moved.setdefault(device.store_id, set()).update(sku_ids)
    for event_id, sale in paid.values():  # (its hand-over comes in a later batch)
        pay(event_id, sale)
    changes = stock_changes + [order_change(conn, order_id) for order_id in changed]
    for store_id, sku_ids in sorted(moved.items()):  # one lock order for every push (no deadlock)
        changes += check_promises(central, conn, store_id, sku_ids)
    return changes


def _hand_over(conn: Connection, order_id: str, moves: Iterable[tuple[int, int]]) -> None:
    """Count units handed over against the order's lines (a substitute counts against none)."""
    lines = lines_of(conn, order_id)
    left = {ln.line_no: ln.quantity - ln.released - ln.handed for ln in lines}
    for sku_id, quantity in moves:
        for ln in lines:
            take = min(quantity, max(0, left[ln.line_no])) if ln.sku_id == sku_id else 0
            if take:
                left[ln.line_no] -= take
                quantity -= take
                conn.execute(
                    t.order_lines.update()
                    .where(t.order_lines.c.order_id == order_id, t.order_lines.c.line_no == ln.line_no)
                    .values(handed=t.order_lines.c.handed + take)
                )


def _place_from_till(
    central: CentralStore, conn: Connection, device: Device, event_id: str, fact: p.OrderPlaced, now: datetime
) -> bool:
    order_id = str(fact.order_id)
    if conn.execute(sa.select(t.orders.c.id).where(t.orders.c.id == order_id)).first() is not None:
        return False
    skus = ledger.skus_named(conn, (line.sku_id for line in fact.lines))
    store = conn.execute(sa.select(t.stores.c.code).where(t.stores.c.id == fact.at_store_id)).first()
    if store is None or len(skus) < len({line.sku_id for line in fact.lines}):
        hq_exceptions.raise_exception(
            conn, "unknown_order", device.store_id, device.till_id,
            f"reservation {fact.number} names an unknown store or SKU: not placed",
        )  # fmt: skip
        return False
    prices = {sku_id: price for sku_id, (_, _, price) in skus_by_code(conn, [s.code for s in skus.values()]).items()}
    customer_id = loyalty.resolve_cards(conn, [fact.card]).get(fact.card) if fact.card else None
    conn.execute(
        t.orders.insert().values(
            id=order_id, reference=order_id, number=fact.number, kind="reservation", channel="store",
            store_id=fact.at_store_id, customer_id=customer_id, customer_name=fact.customer_name,
            phone=fact.phone or "", card=fact.card or "", code=fact.code, state="reserved", prepaid=False,
            total=sum(prices[line.sku_id] * line.quantity for line in fact.lines),
            ready_until=fact.hold_until.astimezone(UTC).isoformat(), created_at=fact.placed_at.isoformat(),
            updated_at=now.isoformat(),
        )
    )  # fmt: skip
    conn.execute(
        t.order_lines.insert(),
        [
            {"order_id": order_id, "line_no": n, "sku_id": line.sku_id, "sku_code": skus[line.sku_id].code,
             "name": skus[line.sku_id].name, "quantity": line.quantity, "unit_price": prices[line.sku_id]}
            for n, line in enumerate(fact.lines, 1)
        ],
    )  # fmt: skip
    note_order(conn, order_id, "reserved", "placed", f"reserved at till {device.till_code}", event_id, now)
    return True


def _apply_step(
    central: CentralStore, conn: Connection, device: Device, event_id: str, step: p.OrderStep, now: datetime,
    stock_changes: list[dict[str, Any]],
) -> set[int] | None:  # fmt: skip
    """One step done at a store; returns the SKUs whose stock or hold it moved (None: nothing
    done). New stock figures (a prepaid hand-over's) are added to `stock_changes`."""
    row = conn.execute(sa.select(t.orders).where(t.orders.c.id == str(step.order_id))).first()
    if row is None or row.store_id != device.store_id:
        hq_exceptions.raise_exception(
            conn, "unknown_order", device.store_id, device.till_id,
            f"{step.step} of order {step.order_id}, unknown at this store",
        )  # fmt: skip
        return None
    who = f"till {device.till_code}" + (f", staff {step.staff_id}" if step.staff_id else "")
    touched: set[int] = set()
    if step.step == "released":
        lines = lines_of(conn, row.id)
        for move in step.lines:
            for ln in lines:
                free = min(move.quantity, ln.quantity - ln.released - ln.handed) if ln.sku_id == move.sku_id else 0
                if free > 0:
                    conn.execute(
                        t.order_lines.update()
                        .where(t.order_lines.c.order_id == row.id, t.order_lines.c.line_no == ln.line_no)
                        .values(released=t.order_lines.c.released + free)
                    )
                    touched.add(ln.sku_id)
        problem = f"units released at the store by a manager ({who}): {step.note or 'no reason given'}"
        move_order(conn, row, row.state, "released", problem, event_id, now, problem=problem)
        hq_exceptions.raise_exception(
            conn, "reservation_released", row.store_id, device.till_id, f"order {row.number}: {problem}"
        )
        return touched
    if step.step == "transfer_requested":
        source = conn.execute(sa.select(t.stores.c.name).where(t.stores.c.id == step.from_store_id)).scalar()
        problem = f"waiting for a transfer from {source or 'another store'} ({who})"
        move_order(conn, row, row.state, "transfer_requested", problem, event_id, now, problem=problem)
        return touched
    if step.step == "collected":
        if step.sale_id is None and step.lines:
            # Prepaid: the hand-over moves the stock (a paid one moved it with its sale).
            touched = {move.sku_id for move in step.lines}
            stock_changes.extend(
                ledger.move_stock(
                    conn,
                    row.store_id,
                    [(m.sku_id, -m.quantity, event_id) for m in step.lines],
                    "pickup",
                    now.isoformat(),
                )
            )
            _hand_over(conn, row.id, [(m.sku_id, m.quantity) for m in step.lines])
        if row.state in rules.TERMINAL and row.state != "collected":
            hq_exceptions.raise_exception(
                conn, "late_collection", row.store_id, device.till_id,
                f"order {row.number} was handed over at the store although HQ had it {row.state}",
            )  # fmt: skip
    try:
        state = rules.advance(row.state, step.step)
    except rules.OrderStateError as exc:
        note_order(conn, row.id, row.state, "ignored", f"{step.step} from {who}: {exc}", event_id, now)
        return touched
    if state == row.state:  # a late or repeated step: states only move forward
        note_order(conn, row.id, row.state, "ignored", f"{step.step} from {who}: already {row.state}", event_id, now)
        return touched
    ready_until = None
    if state == "ready" and row.kind == "click_collect":
        ready_until = (step.at.astimezone(UTC) + PICKUP_WINDOW).isoformat()
    detail = {
        "picking": "being picked",
        "ready": "ready for pickup",
        "collected": "handed over",
        "cancelled": "cancelled at the store",
        "expired": "not collected in time: units released",
    }[state]
    move_order(conn, row, state, state, f"{detail} ({who}) {step.note}".strip(), event_id, now, ready_until=ready_until)
    if state in rules.TERMINAL:
        touched |= {
            int(s)
            for s in conn.execute(sa.select(t.order_lines.c.sku_id).where(t.order_lines.c.order_id == row.id)).scalars()
        }
    return touched


def expire_due(central: CentralStore, now: datetime | None = None) -> int:
    """Expire orders not collected within their window (and its grace): their units are freed."""
    now = now or datetime.now(UTC)
    cutoff = (now - EXPIRY_GRACE).isoformat()
    with central.writer.begin() as conn:
        rows = conn.execute(
            sa.select(t.orders).where(t.orders.c.state.in_(HOLDING), t.orders.c.ready_until < cutoff)
        ).all()
        for row in rows:
            move_order(conn, row, "expired", "expired", "not collected in time: units released", None, now)
        changelog.log_changes(conn, [order_change(conn, row.id) for row in rows])
    return len(rows)
