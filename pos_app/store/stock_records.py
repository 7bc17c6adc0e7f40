"""Stock across stores at the till: transfers, counts, adjustments and replenishment.

Transfers are replicated to both stores' tills; what this till does to one is a fact written
with its outbox event and its stock movement in one transaction (shipping: units leave here;
receiving: the counted units enter here). What the screen shows is HQ's last word with this
till's own steps laid over it (states only move forward).

A count in progress lives only on this till until it is approved: each SKU's expected figure
is frozen when the SKU is first counted (this till's pending sales included), so selling goes
on during the count; approval turns the differences into `stock.adjusted` movements.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pos_app.store.outbox import PENDING
from pos_app.store.records import Records
from sync import protocol as p
from sync.rules import transfers as rules
from sync.rules.errors import ShopError
from sync.rules.orders import pickup_code


class StockError(ShopError):
    """Something that cannot be done to stock (code and params: sync/rules/errors.py; the screen
    says it in its language through services/explain.py)."""


@dataclass(frozen=True, slots=True)
class CountLine:
    sku_id: int
    sku_code: str
    name: str
    counted: int
    expected: int

    @property
    def difference(self) -> int:
        return self.counted - self.expected


@dataclass(frozen=True, slots=True)
class StockCount:
    id: str
    scope: str  # "full", a family's name, or a location
    family_id: int | None
    blind: bool
    started_at: datetime


@dataclass(frozen=True, slots=True)
class Suggestion:
    sku_id: int
    sku_code: str
    name: str
    on_hand: int
    in_transit: int
    min_qty: int
    max_qty: int
    quantity: int  # to ask for
    sources: tuple[tuple[int, str, int], ...]  # (store id, name, units it can spare), most first


class StockRecords(Records):
    # --- transfers: reading ------------------------------------------------------------------

    def _transfers(self, where: str, params: Sequence[Any]) -> list[rules.Transfer]:
        rows = self.conn.execute(
            "SELECT id, number, code, from_store_id, to_store_id, state, order_id, note, created_at, lines "
            f"FROM transfers WHERE {where} ORDER BY created_at, id",
            tuple(params),
        ).fetchall()
        steps: dict[str, list[tuple[str, list[dict[str, Any]]]]] = {}
        if rows:
            marks = ",".join("?" for _ in rows)
            for transfer_id, step, lines in self.conn.execute(
                f"SELECT transfer_id, step, lines FROM transfer_steps WHERE transfer_id IN ({marks}) ORDER BY id",
                [r[0] for r in rows],
            ):
                steps.setdefault(transfer_id, []).append((step, json.loads(lines)))
        found = []
        for r in rows:
            state = r[5]
            lines = {raw["sku_id"]: raw for raw in json.loads(r[9])}
            for step, moves in steps.get(r[0], []):
                try:
                    after = rules.advance(state, step)
                except rules.TransferStateError:
                    continue
                if after != state and step in ("shipped", "received"):
                    field = "shipped" if step == "shipped" else "received"
                    for move in moves:  # the quantities this till sent, until HQ's come back
                        if move["sku_id"] in lines:
                            update = {field: move["quantity"]}
                            if step == "received":
                                update["reason"] = move["reason"]
                            lines[move["sku_id"]] = {**lines[move["sku_id"]], **update}
                state = after
            found.append(
                rules.Transfer(
                    r[0], r[1], r[2], r[3], r[4], state, r[6], r[7], datetime.fromisoformat(r[8]),
                    tuple(rules.TransferLine(**raw) for raw in lines.values()),
                )
            )  # fmt: skip
        return found

    def store_transfers(self, store_id: int) -> list[rules.Transfer]:
        """Transfers to or from this store: open ones, and those of the last 30 days."""
        since = (datetime.now(UTC) - timedelta(days=30)).isoformat()
        return self._transfers(
            "(from_store_id = ? OR to_store_id = ?) AND (state IN ('requested', 'accepted', 'shipped') "
            "OR created_at >= ?)",
            (store_id, store_id, since),
        )

    def transfer(self, key: str) -> rules.Transfer | None:
        """A transfer by id, number or the code on its note (as scanned from the parcel)."""
        code = key.strip().upper()
        found = self._transfers("id = ? OR number = ? OR code = ?", (key.strip(), key.strip(), code))
        return found[0] if found else None

    def in_transit(self, store_id: int, sku_id: int) -> int:
        """Units shipped to this store and not received yet."""
        rows = self.conn.execute(
            "SELECT id FROM transfers WHERE to_store_id = ? AND state IN ('accepted', 'requested', 'shipped') "
            "AND EXISTS (SELECT 1 FROM json_each(transfers.lines) WHERE json_extract(value, '$.sku_id') = ?)",
            (store_id, sku_id),
        ).fetchall()
        total = 0
        for transfer in self._transfers(f"id IN ({','.join('?' for _ in rows)})", [r[0] for r in rows]) if rows else []:
            if transfer.in_transit:
                total += sum(line.shipped for line in transfer.lines if line.sku_id == sku_id)
        return total

    # --- transfers: doing --------------------------------------------------------------------

    def request_transfer(
        self,
        store_id: int,
        till_code: str,
        from_store_id: int,
        lines: Sequence[tuple[int, int]],
        staff_id: int | None = None,
        order_id: str | None = None,
        note: str = "",
    ) -> rules.Transfer:
        """Ask a sibling store for goods: a fact, and the transfer shown here at once (for a
        click&collect order, with the order's `transfer_requested` step in the same transaction)."""
        if from_store_id == store_id:
            raise StockError("transfer.same_store", "A transfer comes from another store")
        if not lines or any(q <= 0 for _, q in lines):
            raise StockError("transfer.no_quantities", "Say how many of each product")
        created = datetime.now(UTC)
        transfer_id = str(uuid.uuid4())
        with self.transaction() as conn:
            last = conn.execute("SELECT MAX(number) FROM transfers_made").fetchone()[0] or 0
            fact = p.TransferRequested(
                transfer_id=uuid.UUID(transfer_id), store_id=store_id, from_store_id=from_store_id,
                number=f"TR-{till_code}-{last + 1}"[:32], code=pickup_code(),
                lines=[p.TransferLineMove(sku_id=s, quantity=q) for s, q in lines],
                order_id=uuid.UUID(order_id) if order_id else None, note=note[:200], staff_id=staff_id, at=created,
            )  # fmt: skip
            event_id = self._fact(conn, "transfer.requested", fact, created.isoformat())
            conn.execute(
                "INSERT INTO transfers_made (transfer_id, number, event_id, created_at) VALUES (?, ?, ?, ?)",
                (transfer_id, last + 1, event_id, created.isoformat()),
            )
            self._show_request(conn, fact)
            if order_id:  # asked to cover a click&collect order: the order says so too
                self.db.orders.order_step(
                    conn, store_id, order_id, "transfer_requested", staff_id, list(lines), from_store_id=from_store_id
                )
        found = self.transfer(transfer_id)
        assert found is not None
        return found

    @staticmethod
    def _show_request(conn: sqlite3.Connection, fact: p.TransferRequested) -> None:
        lines = []
        for n, move in enumerate(fact.lines, 1):
            row = conn.execute("SELECT code, name FROM skus WHERE id = ?", (move.sku_id,)).fetchone()
            lines.append({"line_no": n, "sku_id": move.sku_id, "sku_code": row[0] if row else str(move.sku_id),
                          "name": row[1] if row else "", "requested": move.quantity, "shipped": 0, "received": 0,
                          "reason": ""})  # fmt: skip
        conn.execute(
            "INSERT OR IGNORE INTO transfers (id, number, code, from_store_id, to_store_id, state, order_id, note, "
            "created_at, lines) VALUES (?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?)",
            (str(fact.transfer_id), fact.number, fact.code, fact.from_store_id, fact.store_id,
             str(fact.order_id or ""), fact.note, fact.at.isoformat(), json.dumps(lines)),
        )  # fmt: skip

    def restore_pending_transfers(self, conn: sqlite3.Connection, store_id: int, cursor: int) -> None:
        """After a snapshot at `cursor`: requests made here that it does not include yet."""
        rows = conn.execute(
            f"SELECT o.payload FROM transfers_made m JOIN outbox o ON o.event_id = m.event_id WHERE {PENDING}",
            (cursor,),
        ).fetchall()
        for (payload,) in rows:
            self._show_request(conn, p.TransferRequested.model_validate_json(payload))

    def record_transfer_step(
        self,
        store_id: int,
        transfer_id: str,
        step: str,
        lines: Iterable[tuple[int, int, str]] = (),
        staff_id: int | None = None,
        note: str = "",
    ) -> None:
        """A step of a transfer at this store, with its stock movement and outbox event: one
        transaction. Shipping moves the units out of here; receiving moves the counted ones in."""
        transfer = self.transfer(transfer_id)
        if transfer is None:
            raise StockError("transfer.unknown", "Unknown transfer")
        if not rules.may_do(step, store_id, transfer.from_store_id, transfer.to_store_id):
            raise StockError(
                "transfer.not_here",
                f"This store cannot mark transfer {transfer.number} {step}",
                number=transfer.number,
                step=step,
            )
        if rules.advance(transfer.state, step) == transfer.state:
            raise StockError(
                "transfer.already",
                f"Transfer {transfer.number} is already {transfer.state}",
                number=transfer.number,
                state=transfer.state,
            )
        moves = [(s, q, reason) for s, q, reason in lines]
        created = datetime.now(UTC)
        fact = p.TransferStep(
            transfer_id=uuid.UUID(transfer_id), store_id=store_id, step=step,
            lines=[p.TransferLineMove(sku_id=s, quantity=q, reason=r) for s, q, r in moves],
            staff_id=staff_id, note=note[:200], at=created,
        )  # fmt: skip
        with self.transaction() as conn:
            event_id = self._fact(conn, "transfer.step", fact, created.isoformat())
            conn.execute(
                "INSERT INTO transfer_steps (transfer_id, step, lines, event_id, created_at) VALUES (?, ?, ?, ?, ?)",
                (transfer_id, step, json.dumps([m.model_dump() for m in fact.lines]), event_id, created.isoformat()),
            )
            sign, reason = {"shipped": (-1, "transfer_out"), "received": (1, "transfer_in")}.get(step, (0, ""))
            if sign:
                conn.executemany(
                    "INSERT INTO stock_movements (store_id, sku_id, delta, reason, event_id, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [(store_id, s, sign * q, reason, event_id, created.isoformat()) for s, q, _ in moves if q],
                )

    # --- counts and adjustments --------------------------------------------------------------

    def open_count(self) -> StockCount | None:
        row = self.conn.execute(
            "SELECT id, scope, family_id, blind, started_at FROM counts WHERE closed_at IS NULL"
        ).fetchone()
        return None if row is None else StockCount(row[0], row[1], row[2], bool(row[3]), datetime.fromisoformat(row[4]))

    def start_count(self, scope: str, family_id: int | None, blind: bool, staff_id: int | None) -> StockCount:
        if self.open_count() is not None:
            raise StockError("count.in_progress", "A count is already in progress: finish it first")
        count = StockCount(str(uuid.uuid4()), scope, family_id, blind, datetime.now(UTC))
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO counts (id, scope, family_id, blind, started_at, staff_id) VALUES (?, ?, ?, ?, ?, ?)",
                (count.id, scope, family_id, int(blind), count.started_at.isoformat(), staff_id),
            )
        return count

    def count_sku(self, count_id: str, store_id: int, sku_id: int, quantity: int, replace: bool = False) -> CountLine:
        """Units of a SKU counted (added to what was counted of it, or replacing it). Its expected
        figure is frozen the first time: what this till knows is here at that moment."""
        now = datetime.now(UTC).isoformat()
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT counted FROM count_lines WHERE count_id = ? AND sku_id = ?", (count_id, sku_id)
            ).fetchone()
            if row is None:
                expected = self.db.stock_on_hand(store_id, sku_id)
                conn.execute(
                    "INSERT INTO count_lines (count_id, sku_id, counted, expected, first_counted_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (count_id, sku_id, max(0, quantity), expected, now),
                )
            else:
                counted = quantity if replace else row[0] + quantity
                conn.execute(
                    "UPDATE count_lines SET counted = ? WHERE count_id = ? AND sku_id = ?",
                    (max(0, counted), count_id, sku_id),
                )
        found = [line for line in self.count_lines(count_id) if line.sku_id == sku_id]
        return found[0]

    def count_lines(self, count_id: str) -> list[CountLine]:
        rows = self.conn.execute(
            "SELECT c.sku_id, s.code, s.name, c.counted, c.expected FROM count_lines c "
            "JOIN skus s ON s.id = c.sku_id WHERE c.count_id = ? ORDER BY c.first_counted_at, c.sku_id",
            (count_id,),
        ).fetchall()
        return [CountLine(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def uncounted(self, count: StockCount, store_id: int, limit: int | None = None) -> list[CountLine]:
        """SKUs in the count's scope that this store has stock of and nobody counted (a full or
        family count treats them as 0 at approval; `limit` is for showing them). A count by
        location has none."""
        if count.scope.startswith("@"):  # a location: only what was counted there
            return []
        family = ""
        params: list[Any] = [store_id, count.id]
        if count.family_id is not None:
            family = (
                "AND pr.family_id IN (WITH RECURSIVE f(id) AS (SELECT ? UNION SELECT fa.id FROM families fa "
                "JOIN f ON fa.parent_id = f.id) SELECT id FROM f)"
            )
            params.append(count.family_id)
        rows = self.conn.execute(
            "SELECT s.id, s.code, s.name FROM stock st JOIN skus s ON s.id = st.sku_id "
            "JOIN products pr ON pr.id = s.product_id WHERE st.store_id = ? AND st.quantity != 0 AND s.id NOT IN "
            f"(SELECT sku_id FROM count_lines WHERE count_id = ?) {family} ORDER BY s.id LIMIT ?",
            (*params, -1 if limit is None else limit),  # SQLite: LIMIT -1 is no limit
        ).fetchall()
        return [
            CountLine(r[0], r[1], r[2], 0, self.db.stock_on_hand(store_id, r[0]))
            for r in rows
        ]

    def close_count(
        self, store_id: int, count_id: str, staff_id: int | None, approver_id: int | None, zero_uncounted: bool = True
    ) -> list[p.StockLine]:
        """Approve a count: its differences become movements (reason `count`) in one transaction
        with the `stock.adjusted` fact; returns the lines adjusted."""
        count = self.open_count()
        if count is None or count.id != count_id:
            raise StockError("count.none", "No such count in progress")
        lines = self.count_lines(count_id) + (self.uncounted(count, store_id) if zero_uncounted else [])
        adjusted = [
            p.StockLine(sku_id=ln.sku_id, delta=ln.difference, reason="count", counted=ln.counted, expected=ln.expected)
            for ln in lines
            if ln.difference
        ]
        now = datetime.now(UTC)
        with self.transaction() as conn:
            event_id = None
            if adjusted:
                event_id = self._adjust(conn, store_id, "count", count.scope, count.blind, adjusted, staff_id,
                                        approver_id, now)  # fmt: skip
            conn.execute(
                "UPDATE counts SET closed_at = ?, event_id = ? WHERE id = ?", (now.isoformat(), event_id, count_id)
            )
        return adjusted

    def cancel_count(self, count_id: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM count_lines WHERE count_id = ?", (count_id,))
            conn.execute("DELETE FROM counts WHERE id = ? AND closed_at IS NULL", (count_id,))

    def adjust_stock(
        self, store_id: int, lines: Sequence[tuple[int, int, str]], staff_id: int | None, approver_id: int | None
    ) -> None:
        """Units written off or found, each with its reason (damage, theft, found, supplier return)."""
        moves = [p.StockLine(sku_id=s, delta=d, reason=r) for s, d, r in lines if d]
        if not moves:
            raise StockError("stock.nothing_to_adjust", "Nothing to adjust")
        with self.transaction() as conn:
            self._adjust(conn, store_id, "adjustment", "", False, moves, staff_id, approver_id, datetime.now(UTC))

    def _adjust(
        self, conn: sqlite3.Connection, store_id: int, kind: str, scope: str, blind: bool, lines: list[p.StockLine],
        staff_id: int | None, approver_id: int | None, now: datetime,
    ) -> str:  # fmt: skip
        fact = p.StockAdjusted(
            adjustment_id=uuid.uuid4(), store_id=store_id, kind=kind, scope=scope[:200], blind=blind,
            lines=lines, staff_id=staff_id, approver_id=approver_id, at=now,
        )  # fmt: skip
        event_id: str = self._fact(conn, "stock.adjusted", fact, now.isoformat())
        conn.executemany(
            "INSERT INTO stock_movements (store_id, sku_id, delta, reason, event_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(store_id, ln.sku_id, ln.delta, ln.reason, event_id, now.isoformat()) for ln in lines],
        )
        return event_id

    # --- across stores -----------------------------------------------------------------------

    def sibling_figures(self, store_id: int, sku_id: int) -> list[tuple[int, str, int | None, datetime | None]]:
        """(store id, name, last known figure or None, as of when) of a SKU in every other store."""
        rows = self.conn.execute(
            "SELECT s.id, s.name, st.quantity, st.as_of FROM stores s "
            "LEFT JOIN stock st ON st.store_id = s.id AND st.sku_id = ? WHERE s.id != ? ORDER BY s.id",
            (sku_id, store_id),
        ).fetchall()
        return [(r[0], r[1], r[2], datetime.fromisoformat(r[3]) if r[3] else None) for r in rows]

    def store_names(self) -> dict[int, str]:
        return dict(self.conn.execute("SELECT id, name FROM stores").fetchall())

    def top_families(self) -> list[tuple[int, str]]:
        """(id, name) of the families at the top of the tree, by name: what a count can cover."""
        return [
            (r[0], r[1])
            for r in self.conn.execute("SELECT id, name FROM families WHERE parent_id IS NULL ORDER BY name")
        ]

    def sku_by_code(self, code: str) -> int | None:
        row = self.conn.execute("SELECT id FROM skus WHERE code = ?", (code.strip().upper(),)).fetchone()
        return None if row is None else int(row[0])

    def sku_code_and_product(self, sku_id: int) -> tuple[str, str]:
        """(SKU code, product name) of a SKU, or ("", "")."""
        row = self.conn.execute(
            "SELECT s.code, p.name FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = ?", (sku_id,)
        ).fetchone()
        return ("", "") if row is None else (row[0], row[1])

    def replenishment(self, store_id: int, limit: int = 200) -> list[Suggestion]:
        """SKUs below their minimum here (counting what is on its way), with how many to ask for
        and which stores can spare them (above their own maximum, by their last known figures)."""
        rows = self.conn.execute(
            "SELECT l.sku_id, s.code, s.name, l.min_qty, l.max_qty FROM stock_limits l JOIN skus s ON s.id = l.sku_id "
            "WHERE l.store_id = ? ORDER BY l.sku_id LIMIT ?",
            (store_id, limit),
        ).fetchall()
        found = []
        for sku_id, code, name, low, high in rows:
            on_hand = self.db.stock_on_hand(store_id, sku_id)
            coming = self.in_transit(store_id, sku_id)
            wanted = rules.suggested_quantity(on_hand, coming, low, high)
            if not wanted:
                continue
            limits = {
                r[0]: (r[1], r[2])
                for r in self.conn.execute(
                    "SELECT store_id, min_qty, max_qty FROM stock_limits WHERE sku_id = ?", (sku_id,)
                )
            }
            sources = []
            for sid, store_name, figure, _ in self.sibling_figures(store_id, sku_id):
                low_there, high_there = limits.get(sid, (None, None))
                spare = rules.surplus(figure or 0, low_there, high_there)
                if spare > 0:
                    sources.append((sid, store_name, spare))
            sources.sort(key=lambda s: -s[2])
            found.append(Suggestion(sku_id, code, name, on_hand, coming, low, high, wanted, tuple(sources)))
        return found
