"""Click&collect orders and reservations at the till: what the server sent, what this till did.

The server's orders for this store are replicated in `orders` (lines as JSON). What the till
does to them is a fact written with its outbox event in one transaction (`order_steps`; a
reservation made here also in `reservations_made`). What the screen shows is the server's
last word with the till's own steps laid over it: states only move forward, so the later of
the two wins; units released here count until the server's figures include them, like stock.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from pos_app.store.outbox import PENDING
from pos_app.store.records import Records
from sync import protocol as p
from sync.rules import orders as rules


def _time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


# Whether any open order of the store lists the SKU (holders() then says which hold units).
_ANY_HOLDER = (
    "SELECT 1 FROM order_skus k JOIN orders o ON o.id = k.order_id "
    "WHERE k.sku_id = ? AND o.store_id = ? AND o.state IN ('reserved', 'picking', 'ready') LIMIT 1"
)


class OrderRecords(Records):
    # --- reading ---------------------------------------------------------------------------

    def _steps(self, order_ids: Sequence[str]) -> dict[str, list[tuple[str, list[dict[str, int]], bool]]]:
        """Each order's steps done here, oldest first: (step, lines, still pending at the server)."""
        if not order_ids:
            return {}
        marks = ",".join("?" for _ in order_ids)
        rows = self.conn.execute(
            f"SELECT s.order_id, s.step, s.lines, {PENDING.replace('?', '?1')} FROM order_steps s "
            f"JOIN outbox o ON o.event_id = s.event_id WHERE s.order_id IN ({marks}) ORDER BY s.id",
            (self.cursor() or 0, *order_ids),
        ).fetchall()
        found: dict[str, list[tuple[str, list[dict[str, int]], bool]]] = {}
        for order_id, step, lines, pending in rows:
            found.setdefault(order_id, []).append((step, json.loads(lines), bool(pending)))
        return found

    def _orders(self, where: str, params: Sequence[Any]) -> list[rules.Order]:
        rows = self.conn.execute(
            "SELECT id, number, kind, channel, store_id, code, state, problem, customer_name, card, phone_hint, "
            f"prepaid, total, ready_until, created_at, lines FROM orders WHERE {where} ORDER BY created_at, id",
            tuple(params),
        ).fetchall()
        steps = self._steps([r[0] for r in rows])
        found = []
        for r in rows:
            state = r[6]
            released: dict[int, int] = {}
            for step, moves, pending in steps.get(r[0], []):
                if step == "released" and pending:
                    for move in moves:
                        released[move["sku_id"]] = released.get(move["sku_id"], 0) + move["quantity"]
                elif step in rules.STATE_RANK:
                    try:
                        state = rules.advance(state, step)
                    except rules.OrderStateError:
                        pass  # the server had already moved it on (a web cancel): its word stands
            lines = []
            for raw in json.loads(r[15]):
                extra = min(released.pop(raw["sku_id"], 0), raw["quantity"] - raw["released"] - raw["handed"])
                lines.append(rules.OrderLine(**{**raw, "released": raw["released"] + max(0, extra)}))
            found.append(
                rules.Order(
                    r[0], r[1], r[2], r[3], r[4], r[5], state, r[7], r[8], r[9], r[10], bool(r[11]), r[12],
                    _time(r[13]), datetime.fromisoformat(r[14]), tuple(lines),
                )
            )  # fmt: skip
        return found

    def store_orders(self, store_id: int) -> list[rules.Order]:
        """This store's orders as the pickup screen shows them: open ones, and those of the last
        60 days (closed orders stay in the replica; the screen does not read them all)."""
        since = (datetime.now(UTC) - timedelta(days=60)).isoformat()
        return self._orders(
            "store_id = ? AND (state IN ('placed', 'reserved', 'picking', 'ready') OR created_at >= ?)",
            (store_id, since),
        )

    def order(self, order_id: str) -> rules.Order | None:
        found = self._orders("id = ?", (order_id,))
        return found[0] if found else None

    def find_orders(self, store_id: int, text: str) -> list[rules.Order]:
        """Orders by pickup code (as scanned or typed), number, member card or customer name."""
        text = text.strip()
        if not text:
            return []
        code = rules.normalise_pickup_code(text)
        if code is not None:
            return self._orders("store_id = ? AND code = ?", (store_id, code))
        like = "%" + text.replace("%", "").replace("_", "") + "%"
        return self._orders(
            "store_id = ? AND (number = ? COLLATE NOCASE OR card = ? COLLATE NOCASE OR customer_name LIKE ?)",
            (store_id, text, text, like),
        )

    def holders(self, store_id: int, sku_id: int, except_order: str | None = None) -> list[tuple[rules.Order, int]]:
        """Open orders holding units of a SKU at the store, oldest first, with how many each holds."""
        candidates = self._orders(
            "id IN (SELECT order_id FROM order_skus WHERE sku_id = ?) AND store_id = ? "
            "AND state IN ('reserved', 'picking', 'ready') AND id != ?",
            (sku_id, store_id, except_order or ""),
        )
        found = []
        for order in candidates:
            held = sum(line.held for line in order.lines if line.sku_id == sku_id)
            if order.holding and held > 0:
                found.append((order, held))
        return found

    def held_back(
        self, store_id: int, sku_id: int, wanted: int, except_order: str | None = None
    ) -> list[tuple[rules.Order, int]]:
        """The orders whose units selling `wanted` units of a SKU now (the cart's included)
        would take; empty when the store has enough beside what its orders hold."""
        if self.conn.execute(_ANY_HOLDER, (sku_id, store_id)).fetchone() is None:
            return []  # what nearly every scan finds: one indexed look, no order read
        holders = self.holders(store_id, sku_id, except_order)
        if not holders:
            return []
        held = sum(n for _, n in holders)
        on_hand = self.db.stock_on_hand(store_id, sku_id)
        return [] if on_hand - wanted >= held else holders

    # --- doing -----------------------------------------------------------------------------

    def record_order_step(
        self,
        store_id: int,
        order_id: str,
        step: str,
        staff_id: int | None,
        lines: Iterable[tuple[int, int]] = (),
        approver_id: int | None = None,
        note: str = "",
        from_store_id: int | None = None,
    ) -> None:
        """One step done to an order here, with its outbox event (and, for a prepaid hand-over,
        the stock leaving): one transaction."""
        with self.transaction() as conn:
            self.order_step(conn, store_id, order_id, step, staff_id, list(lines), approver_id, note, from_store_id)

    def order_step(
        self, conn: sqlite3.Connection, store_id: int, order_id: str, step: str, staff_id: int | None,
        lines: list[tuple[int, int]], approver_id: int | None = None, note: str = "",
        from_store_id: int | None = None, sale_id: str | None = None,
    ) -> str:  # fmt: skip
        created = datetime.now(UTC)
        fact = p.OrderStep(
            order_id=uuid.UUID(order_id), store_id=store_id, step=step, at=created, staff_id=staff_id,
            approver_id=approver_id, lines=[p.OrderLineMove(sku_id=s, quantity=q) for s, q in lines],
            sale_id=uuid.UUID(sale_id) if sale_id else None, from_store_id=from_store_id, note=note[:200],
        )  # fmt: skip
        event_id = self._fact(conn, "order.step", fact, created.isoformat())
        conn.execute(
            "INSERT INTO order_steps (order_id, step, lines, event_id, created_at) VALUES (?, ?, ?, ?, ?)",
            (order_id, step, json.dumps([m.model_dump() for m in fact.lines]), event_id, created.isoformat()),
        )
        if step == "collected" and sale_id is None:
            conn.executemany(
                "INSERT INTO stock_movements (store_id, sku_id, delta, reason, event_id, created_at) "
                "VALUES (?, ?, ?, 'pickup', ?, ?)",
                [(store_id, s, -q, event_id, created.isoformat()) for s, q in lines],
            )
        return event_id

    def place_reservation(
        self,
        store_id: int,
        till_code: str,
        at_store_id: int,
        customer_name: str,
        lines: Sequence[tuple[int, int]],
        hold_until: datetime,
        staff_id: int | None,
        card: str | None = None,
        phone: str | None = None,
    ) -> rules.Order:
        """A reservation for a customer of units here or in a sibling store, as a fact; one
        made for this store holds its units here at once."""
        created = datetime.now(UTC)
        order_id = str(uuid.uuid4())
        with self.transaction() as conn:
            last = conn.execute("SELECT MAX(number) FROM reservations_made").fetchone()[0] or 0
            fact = p.OrderPlaced(
                order_id=uuid.UUID(order_id), store_id=store_id, at_store_id=at_store_id,
                number=f"R-{till_code}-{last + 1}"[:32], code=rules.pickup_code(), customer_name=customer_name,
                card=card or None, phone=phone or None,
                lines=[p.OrderLineMove(sku_id=s, quantity=q) for s, q in lines],
                hold_until=hold_until, staff_id=staff_id, placed_at=created,
            )  # fmt: skip
            event_id = self._fact(conn, "order.placed", fact, created.isoformat())
            conn.execute(
                "INSERT INTO reservations_made (order_id, number, at_store_id, event_id, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (order_id, last + 1, at_store_id, event_id, created.isoformat()),
            )
            if at_store_id == store_id:
                self._hold_here(conn, fact)
        return self.order(order_id) or self._as_order(fact, self._line_details(self.conn, fact))

    def _hold_here(self, conn: sqlite3.Connection, fact: p.OrderPlaced) -> None:
        """A reservation made here for this store, as the server will send it back."""
        order = self._as_order(fact, self._line_details(conn, fact))
        conn.execute(
            "INSERT OR IGNORE INTO orders (id, number, kind, channel, store_id, code, state, problem, customer_name, "
            "card, phone_hint, prepaid, total, ready_until, created_at, lines) "
            "VALUES (?, ?, 'reservation', 'store', ?, ?, 'reserved', '', ?, ?, ?, 0, ?, ?, ?, ?)",
            (
                order.id, order.number, order.store_id, order.code, order.customer_name, order.card,
                order.phone_hint, order.total, fact.hold_until.isoformat(), fact.placed_at.isoformat(),
                json.dumps([_line_json(line) for line in order.lines]),
            ),
        )  # fmt: skip

    @staticmethod
    def _line_details(conn: sqlite3.Connection, fact: p.OrderPlaced) -> dict[int, tuple[str, str, int]]:
        found = {}
        for line in fact.lines:
            row = conn.execute(
                "SELECT s.code, s.name, COALESCE((SELECT pr.price_cents FROM prices pr JOIN price_lists pl "
                "ON pl.id = pr.price_list_id WHERE pr.sku_id = s.id AND pl.channel = 'store' ORDER BY pr.id DESC "
                "LIMIT 1), 0) FROM skus s WHERE s.id = ?",
                (line.sku_id,),
            ).fetchone()
            found[line.sku_id] = (row[0], row[1], row[2]) if row else (str(line.sku_id), "?", 0)
        return found

    @staticmethod
    def _as_order(fact: p.OrderPlaced, details: dict[int, tuple[str, str, int]] | None = None) -> rules.Order:
        details = details or {}
        lines = tuple(
            rules.OrderLine(n, m.sku_id, *details.get(m.sku_id, (str(m.sku_id), "", 0))[:2], m.quantity,
                            details.get(m.sku_id, ("", "", 0))[2])
            for n, m in enumerate(fact.lines, 1)
        )  # fmt: skip
        return rules.Order(
            str(fact.order_id), fact.number, "reservation", "store", fact.at_store_id, fact.code, "reserved", "",
            fact.customer_name, fact.card or "", (fact.phone or "")[-3:], False,
            sum(line.unit_price * line.quantity for line in lines), fact.hold_until, fact.placed_at, lines,
        )  # fmt: skip

    def restore_pending_reservations(self, conn: sqlite3.Connection, store_id: int, cursor: int) -> None:
        """After a snapshot at `cursor`: reservations made here for this store that it does not
        include yet hold their units again (the snapshot replaced `orders`)."""
        rows = conn.execute(
            "SELECT o.payload FROM reservations_made r JOIN outbox o ON o.event_id = r.event_id "
            f"WHERE r.at_store_id = ? AND {PENDING}",
            (store_id, cursor),
        ).fetchall()
        for (payload,) in rows:
            self._hold_here(conn, p.OrderPlaced.model_validate_json(payload))


def _line_json(line: rules.OrderLine) -> dict[str, Any]:
    return {
        "line_no": line.line_no, "sku_id": line.sku_id, "sku_code": line.sku_code, "name": line.name,
        "quantity": line.quantity, "unit_price": line.unit_price, "released": line.released, "handed": line.handed,
    }  # fmt: skip
