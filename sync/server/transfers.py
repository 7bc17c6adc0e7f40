"""Transfers between stores, stock counts and adjustments, and stores' stock limits, at HQ.

Every step is a fact from a till, applied once with its event (ingest.py, the push path):
- `transfer.requested`: the receiving store asks a sibling store for goods;
- `transfer.step` accepted / declined / shipped / cancelled by the sender, received (or
  cancelled) by the receiver. Shipping moves the sender's stock out (`transfer_out`: the units
  are in transit); receiving moves the counted units in (`transfer_in`). A received quantity
  that differs from the shipped one is kept on the line with its reason, raised as a
  `transfer_difference` exception for HQ and shown to both stores;
- `stock.adjusted`: a count's approved differences or an adjustment (damage, theft, found,
  supplier return), as movements with their reasons.
A transfer is replicated to both of its stores' tills (one change per store scope). Its state
only moves forward (sync/rules/transfers.py); a step from a store that may not take it,
or one that would move it back, changes nothing and is noted as an exception.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync import protocol as p
from sync.rules import transfers as rules
from sync.server import changelog, hq_exceptions, ledger
from sync.server import schema as t
from sync.server.db import utcnow
from sync.server.devices import Device
from sync.server.store import CentralStore


def _lines(conn: Connection, transfer_id: str) -> Sequence[Any]:
    return conn.execute(
        sa.select(t.transfer_lines)
        .where(t.transfer_lines.c.transfer_id == transfer_id)
        .order_by(t.transfer_lines.c.line_no)
    ).all()


def _data(row: Any, lines: Sequence[Any]) -> p.TransferData:
    return p.TransferData(
        id=row.id,
        number=row.number,
        code=row.code,
        from_store_id=row.from_store_id,
        to_store_id=row.to_store_id,
        state=row.state,
        order_id=row.order_id,
        note=row.note,
        created_at=row.created_at,
        lines=[
            p.TransferLineData(
                line_no=ln.line_no, sku_id=ln.sku_id, sku_code=ln.sku_code, name=ln.name, requested=ln.requested,
                shipped=ln.shipped, received=ln.received, reason=ln.reason,
            )
            for ln in lines
        ],
    )  # fmt: skip


def _changes(conn: Connection, transfer_id: str) -> list[dict[str, Any]]:
    """The transfer as a change for each of its two stores' tills."""
    row = conn.execute(sa.select(t.transfers).where(t.transfers.c.id == transfer_id)).one()
    data = _data(row, _lines(conn, transfer_id)).model_dump(mode="json")
    return [
        changelog.change("transfer", row.id, data, scope=f"store:{store}")
        for store in sorted({row.from_store_id, row.to_store_id})
    ]


def snapshot_rows(conn: Connection, store_id: int) -> list[list[Any]]:
    """A store's open transfers (either way), and those closed in the last two days."""
    since = (datetime.now(UTC) - timedelta(days=2)).isoformat()
    rows = conn.execute(
        sa.select(t.transfers)
        .where(
            sa.or_(t.transfers.c.from_store_id == store_id, t.transfers.c.to_store_id == store_id),
            sa.or_(t.transfers.c.state.not_in(sorted(rules.TERMINAL)), t.transfers.c.updated_at >= since),
        )
        .order_by(t.transfers.c.created_at)
    ).all()
    return [list(_data(row, _lines(conn, row.id)).model_dump(mode="json").values()) for row in rows]


def apply_facts(
    central: CentralStore,
    conn: Connection,
    device: Device,
    requested: Sequence[tuple[str, p.TransferRequested]],
    steps: Sequence[tuple[str, p.TransferStep]],
    adjustments: Sequence[tuple[str, p.StockAdjusted]],
) -> list[dict[str, Any]]:
    """A push batch's transfer and stock facts, in the order the till made them by kind
    (requests, then steps, then adjustments); returns the changes to log."""
    now = utcnow()
    changes: list[dict[str, Any]] = []
    changed: dict[str, None] = {}
    for _event_id, fact in requested:
        if _request(central, conn, device, fact, now):
            changed[str(fact.transfer_id)] = None
    for event_id, step in steps:
        moved = _step(central, conn, device, event_id, step, now)
        if moved is not None:
            changes += moved
            changed[str(step.transfer_id)] = None
    for event_id, adjusted in adjustments:
        for reason in sorted({line.reason for line in adjusted.lines}):
            moves = [(ln.sku_id, ln.delta, event_id) for ln in adjusted.lines if ln.reason == reason and ln.delta]
            if moves:
                changes += ledger.move_stock(conn, device.store_id, moves, reason, now)
    for transfer_id in changed:
        changes += _changes(conn, transfer_id)
    return changes


def _request(central: CentralStore, conn: Connection, device: Device, fact: p.TransferRequested, now: str) -> bool:
    transfer_id = str(fact.transfer_id)
    if conn.execute(sa.select(t.transfers.c.id).where(t.transfers.c.id == transfer_id)).first() is not None:
        return False
    skus = ledger.skus_named(conn, (ln.sku_id for ln in fact.lines))
    sender = conn.execute(sa.select(t.stores.c.id).where(t.stores.c.id == fact.from_store_id)).first()
    if sender is None or fact.from_store_id == device.store_id or len(skus) < len({ln.sku_id for ln in fact.lines}):
        hq_exceptions.raise_exception(
            conn, "transfer_refused", device.store_id, device.till_id,
            f"transfer {fact.number} names an unknown or the same store, or an unknown SKU: not recorded",
        )  # fmt: skip
        return False
    conn.execute(
        t.transfers.insert().values(
            id=transfer_id, number=fact.number, code=fact.code, from_store_id=fact.from_store_id,
            to_store_id=device.store_id, state="requested", order_id=str(fact.order_id or ""), note=fact.note,
            created_at=fact.at.isoformat(), updated_at=now,
        )
    )  # fmt: skip
    conn.execute(
        t.transfer_lines.insert(),
        [
            {"transfer_id": transfer_id, "line_no": n, "sku_id": ln.sku_id, "sku_code": skus[ln.sku_id].code,
             "name": skus[ln.sku_id].name, "requested": ln.quantity}
            for n, ln in enumerate(fact.lines, 1)
        ],
    )  # fmt: skip
    return True


def _step(
    central: CentralStore, conn: Connection, device: Device, event_id: str, step: p.TransferStep, now: str
) -> list[dict[str, Any]] | None:
    """One step of a transfer at a store; returns stock changes (None: nothing done)."""
    row = conn.execute(sa.select(t.transfers).where(t.transfers.c.id == str(step.transfer_id))).first()
    if row is None or not rules.may_do(step.step, device.store_id, row.from_store_id, row.to_store_id):
        hq_exceptions.raise_exception(
            conn, "transfer_refused", device.store_id, device.till_id,
            f"{step.step} of transfer {step.transfer_id} by store {device.store_id}: unknown, or not its step",
        )  # fmt: skip
        return None
    try:
        state = rules.advance(row.state, step.step)
    except rules.TransferStateError as exc:
        state = row.state
        detail = f"transfer {row.number}: {step.step} from till {device.till_code} ignored ({exc})"
        hq_exceptions.raise_exception(conn, "transfer_refused", device.store_id, device.till_id, detail)
    if state == row.state:
        # A late or repeated step. Goods that physically moved still move: a shipment or a
        # receipt is a fact even if the transfer was closed meanwhile (HQ sees the exception).
        if step.step not in ("shipped", "received") or row.state == step.step:
            return []
    changes: list[dict[str, Any]] = []
    lines = {ln.sku_id: ln for ln in _lines(conn, row.id)}
    if step.step == "shipped":
        moves = [(m.sku_id, -m.quantity, event_id) for m in step.lines if m.quantity]
        changes += ledger.move_stock(conn, row.from_store_id, moves, "transfer_out", now) if moves else []
        for m in step.lines:
            _set_line(conn, row.id, lines.get(m.sku_id), shipped=m.quantity)
    elif step.step == "received":
        moves = [(m.sku_id, m.quantity, event_id) for m in step.lines if m.quantity]
        changes += ledger.move_stock(conn, row.to_store_id, moves, "transfer_in", now) if moves else []
        differences = []
        for m in step.lines:
            line = lines.get(m.sku_id)
            _set_line(conn, row.id, line, received=m.quantity, reason=m.reason)
            shipped = line.shipped if line is not None else 0
            if m.quantity != shipped:
                differences.append(f"{line.sku_code if line else m.sku_id}: shipped {shipped}, received "
                                   f"{m.quantity} ({m.reason or 'no reason given'})")  # fmt: skip
        if differences:
            hq_exceptions.raise_exception(
                conn, "transfer_difference", row.to_store_id, device.till_id,
                f"transfer {row.number}: " + "; ".join(differences),
            )  # fmt: skip
    if state != row.state:
        conn.execute(t.transfers.update().where(t.transfers.c.id == row.id).values(state=state, updated_at=now))
    return changes


def _set_line(conn: Connection, transfer_id: str, line: Any, **values: Any) -> None:
    if line is None:  # a SKU not on the request (shipped or received extra): add it
        return
    conn.execute(
        t.transfer_lines.update()
        .where(t.transfer_lines.c.transfer_id == transfer_id, t.transfer_lines.c.line_no == line.line_no)
        .values(**values)
    )


def set_limits(central: CentralStore, rows: Iterable[tuple[str, str, int, int]]) -> int:
    """Stores' min/max of SKUs, from (store code, SKU code, min, max); returns how many were set."""
    with central.writer.begin() as conn:
        stores = dict(conn.execute(sa.select(t.stores.c.code, t.stores.c.id)).all())
        count = 0
        changes = []
        for store_code, sku_code, low, high in rows:
            sku_id = conn.execute(sa.select(t.skus.c.id).where(t.skus.c.code == sku_code)).scalar()
            if store_code not in stores or sku_id is None or not 0 <= low <= high:
                raise ValueError(f"{store_code},{sku_code},{low},{high}: unknown store or SKU, or min above max")
            key = {"store_id": stores[store_code], "sku_id": int(sku_id)}
            conn.execute(t.stock_limits.delete().where(*(t.stock_limits.c[k] == v for k, v in key.items())))
            conn.execute(t.stock_limits.insert().values(**key, min_qty=low, max_qty=high))
            data = p.StockLimitData(**key, min_qty=low, max_qty=high).model_dump(mode="json")
            changes.append(changelog.change("stock_limit", f"{key['store_id']}:{key['sku_id']}", data))
            count += 1
        changelog.log_changes(conn, changes)
    return count


def transfers_overview(central: CentralStore, open_only: bool = False) -> list[dict[str, Any]]:
    """Every transfer with its lines and differences, for HQ."""
    with central.engine.connect() as conn:
        query = sa.select(t.transfers).order_by(t.transfers.c.created_at)
        if open_only:
            query = query.where(t.transfers.c.state.not_in(sorted(rules.TERMINAL)))
        found = []
        for row in conn.execute(query).all():
            item = _data(row, _lines(conn, row.id)).model_dump(mode="json")
            item["differences"] = [
                {"sku": ln["sku_code"], "shipped": ln["shipped"], "received": ln["received"], "reason": ln["reason"]}
                for ln in item["lines"]
                if row.state == "received" and ln["received"] != ln["shipped"]
            ]
            found.append(item)
    return found
