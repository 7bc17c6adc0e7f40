"""The pickup counter: click&collect orders and reservations of this store, offline.

Queues by state (new, picking, ready, overdue, problem), the pick list, picked and ready (the
server tells the customer when the step reaches it), hand-over by pickup code or customer
with an identity check, payment at the counter when not prepaid (through the sale screen, so
the sale and the hand-over are one transaction), partial hand-overs, substitutes with a
manager's approval, transfers asked of a sibling store, and no-shows expired. Every step is
a fact in the outbox, written in one transaction with what it changes locally.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, Signal

from pos_app.domain.cart import PricedItem
from pos_app.services.explain import explain
from pos_app.services.printing import PrintJob, ReceiptPrinter
from pos_app.services.selling import SaleService
from pos_app.services.session import StaffSession
from pos_app.store.replica import Replica
from sync.rules.errors import ShopError
from sync.rules.loyalty import normalise_phone
from sync.rules.money import format_amount
from sync.rules.orders import Order, OrderLine
from sync.rules.staff import StaffMember

log = logging.getLogger(__name__)
QUEUES = ("new", "picking", "ready", "overdue", "problem")
RECEIPT_WIDTH = 42


@dataclass(frozen=True, slots=True)
class HandOver:
    """What is handed over: units of the order's lines, and substitutes for missing ones."""

    lines: tuple[tuple[OrderLine, int], ...]
    substitutes: tuple[tuple[PricedItem, int], ...] = ()

    @property
    def moves(self) -> list[tuple[int, int]]:
        return [(ln.sku_id, n) for ln, n in self.lines if n > 0] + [(i.sku_id, n) for i, n in self.substitutes]


class PickupService(QObject):
    message = Signal(str, str)  # text, level

    def __init__(
        self,
        replica: Replica,
        session: StaffSession,
        sales: SaleService,
        printer: ReceiptPrinter | None = None,
    ) -> None:
        super().__init__()
        self.replica = replica
        self.session = session
        self.sales = sales
        self.printer = printer or sales.printer
        self.money: Callable[[int], str] = format_amount

    def _say(self, text: str, level: str = "info") -> None:
        self.message.emit(text, level)

    @property
    def store_id(self) -> int:
        identity = self.replica.identity()
        return identity.store_id if identity else 0

    # --- looking ---------------------------------------------------------------------------

    def queues(self, now: datetime | None = None) -> dict[str, list[Order]]:
        now = now or datetime.now(UTC)
        found: dict[str, list[Order]] = {name: [] for name in QUEUES}
        for order in self.replica.orders.store_orders(self.store_id):
            where = order.queue(now)
            if where in found:
                found[where].append(order)
        return found

    def find(self, text: str) -> list[Order]:
        return self.replica.orders.find_orders(self.store_id, text)

    def refresh(self, order: Order) -> Order:
        return self.replica.orders.order(order.id) or order

    def pick_list(self, order: Order) -> list[tuple[OrderLine, int]]:
        """Each line still to hand over, with the units on hand here now."""
        return [(line, self.replica.stock_on_hand(self.store_id, line.sku_id)) for line in order.lines if line.held > 0]

    def short_lines(self, order: Order) -> list[tuple[OrderLine, int]]:
        """Lines the store cannot serve whole from its stock: (line, units here)."""
        return [(line, max(0, here)) for line, here in self.pick_list(order) if here < line.held]

    def free_here(self, sku_id: int) -> int:
        """Units of a SKU on hand here that no open order holds."""
        held = sum(n for _, n in self.replica.orders.holders(self.store_id, sku_id))
        return self.replica.stock_on_hand(self.store_id, sku_id) - held

    def sibling_stock(self, sku_id: int) -> list[tuple[int, str, int]]:
        """(store id, name, last known figure) of a SKU in every sibling store, most first."""
        figures = self.replica.stock.sibling_figures(self.store_id, sku_id)
        found = [(sid, name, figure or 0) for sid, name, figure, _ in figures]
        return sorted(found, key=lambda row: (-row[2], row[0]))

    # --- steps -----------------------------------------------------------------------------

    def _step(self, order: Order, step: str, lines: Sequence[tuple[int, int]] = (), **kwargs: object) -> bool:
        member = self.session.member
        try:
            self.replica.orders.record_order_step(
                self.store_id,
                order.id,
                step,
                member.id if member else None,
                lines,
                **kwargs,  # type: ignore[arg-type]
            )
        except (sqlite3.Error, ValueError) as exc:
            log.exception("order %s: step %s not saved", order.number, step)
            self._say(self.tr("Could not save it ({}): try again").format(exc), "error")
            return False
        return True

    def start_picking(self, order: Order) -> bool:
        if order.state != "reserved":
            self._say(self.tr("Order {} is not waiting to be picked").format(order.number), "warning")
            return False
        return self._step(order, "picking")

    def mark_ready(self, order: Order) -> bool:
        if order.state not in ("reserved", "picking"):
            self._say(self.tr("Order {} cannot be made ready now").format(order.number), "warning")
            return False
        short = self.short_lines(order)
        if short:
            line, here = short[0]
            self._say(
                self.tr("{}: {} here for {} ordered. Hand over what is here, substitute or ask a transfer.").format(
                    line.name, here, line.held
                ),
                "warning",
            )
        if self._step(order, "ready"):
            self._say(self.tr("Order {} is ready: the customer will be told").format(order.number), "ok")
            return True
        return False

    def expire(self, order: Order, now: datetime | None = None) -> bool:
        """A no-show: the pickup window has passed; the units go back on sale."""
        now = now or datetime.now(UTC)
        if order.ready_until is None or order.ready_until > now or not order.holding:
            self._say(self.tr("Order {} is still within its pickup window").format(order.number), "warning")
            return False
        if self._step(order, "expired", note="no-show"):
            self._say(self.tr("Order {} expired: its units are on sale again").format(order.number), "ok")
            return True
        return False

    def request_transfer(self, order: Order, from_store_id: int) -> bool:
        short = self.short_lines(order)
        lines = [(line.sku_id, line.held - here) for line, here in short] or [
            (line.sku_id, line.held) for line in order.lines if line.held
        ]
        identity, member = self.replica.identity(), self.session.member
        if identity is None:
            return False
        try:  # the transfer and the order's step, in one transaction
            transfer = self.replica.stock.request_transfer(
                identity.store_id, identity.till_code, from_store_id, lines, member.id if member else None,
                order_id=order.id, note=self.tr("for order {}").format(order.number),
            )  # fmt: skip
        except (ValueError, sqlite3.Error) as exc:
            log.exception("order %s: transfer from store %s not saved", order.number, from_store_id)
            self._say(self.tr("Could not save it ({}): try again").format(exc), "error")
            return False
        self._say(self.tr("Transfer {} requested for order {}").format(transfer.number, order.number), "ok")
        return True

    def substitute_needs_approval(self) -> bool:
        return self.session.needs_approval("order.substitute")

    def hand_over(
        self, order: Order, identity_checked: bool, what: HandOver | None = None, approver: StaffMember | None = None
    ) -> str | None:
        """Hand an order over. Returns "done" (prepaid: collected and the pickup receipt
        printed), "pay" (the sale screen now holds it for payment; paying completes the
        hand-over) or None (refused, and why was said)."""
        order = self.refresh(order)
        if order.state != "ready":
            self._say(self.tr("Order {} is {}: only a ready order is handed over").format(order.number, order.state))
            return None
        if not identity_checked:
            self._say(self.tr("Check the customer's identity first (name, ID or the code on their phone)"), "warning")
            return None
        what = what or HandOver(tuple((line, line.held) for line in order.lines if line.held))
        if not what.moves:
            self._say(self.tr("Nothing to hand over"), "warning")
            return None
        if what.substitutes and self.substitute_needs_approval() and approver is None:
            self._say(self.tr("A substitute needs a manager's approval"), "warning")
            return None
        if not order.prepaid:
            ok = self.sales.load_order(order, what.lines, what.substitutes, approver)
            return "pay" if ok else None
        note = "partial" if sum(n for _, n in what.lines) < sum(ln.held for ln in order.lines) else ""
        if not self._step(order, "collected", what.moves, approver_id=approver.id if approver else None, note=note):
            return None
        self.printer.submit(PrintJob(self.pickup_receipt(order, what), order.code, False, f"pickup {order.number}"))
        self._say(self.tr("Order {} handed over").format(order.number), "ok")
        return "done"

    def pickup_receipt(self, order: Order, what: HandOver) -> str:
        identity = self.replica.identity()
        rows = [
            (identity.store_name if identity else "").center(RECEIPT_WIDTH),
            self.tr("PICKUP RECEIPT").center(RECEIPT_WIDTH),
            self.tr("Order {}   {}").format(order.number, f"{datetime.now(UTC).astimezone():%d/%m/%Y %H:%M}"),
            self.tr("Customer: {}").format(order.customer_name),
            self.tr("Paid online") if order.prepaid else self.tr("Paid at the counter"),
            "-" * RECEIPT_WIDTH,
        ]
        for line, quantity in what.lines:
            if quantity:
                rows.append(f"{quantity} x {line.name}"[:RECEIPT_WIDTH])
        for item, quantity in what.substitutes:
            rows.append(self.tr("{} x {} (substitute)").format(quantity, item.name)[:RECEIPT_WIDTH])
        missing = sum(line.held for line in order.lines) - sum(n for _, n in what.lines)
        if missing > 0:
            rows.append(self.tr("{} unit(s) not handed over").format(missing))
        rows += ["-" * RECEIPT_WIDTH, self.tr("Received by the customer")]
        return "\n".join(rows)

    def substitute_item(self, code: str, replaces: OrderLine) -> PricedItem | None:
        """A substitute by barcode or SKU code, priced as the line it replaces."""
        item = self.replica.item_by_barcode(code.strip())
        if item is None:
            sku_id = self.replica.stock.sku_by_code(code)
            item = self.replica.item_by_sku_id(sku_id) if sku_id is not None else None
        if item is None:
            self._say(self.tr("Unknown product {}").format(code), "error")
            return None
        return replace(item, unit_price=replaces.unit_price)

    # --- reserving for a customer ------------------------------------------------------------

    def reserve(
        self,
        at_store_id: int,
        sku_id: int,
        quantity: int,
        customer_name: str,
        hold_days: int = 3,
        card: str | None = None,
        phone: str | None = None,
    ) -> Order | None:
        """Hold units for a customer here or in a sibling store until the end of the `hold_days`-th day."""
        identity = self.replica.identity()
        if identity is None:
            return None
        name = " ".join(customer_name.split())
        if len(name) < 2:
            self._say(self.tr("Who is it for? Type the customer's name"), "warning")
            return None
        digits: str | None = None
        if phone and phone.strip():
            try:  # the same digits as a member's phone and a web order's (sync/rules/loyalty.py)
                digits = normalise_phone(phone)
            except ShopError as exc:
                self._say(explain(exc), "warning")
                return None
        if at_store_id == identity.store_id:
            free = self.free_here(sku_id)
        else:
            free = next((n for sid, _, n in self.sibling_stock(sku_id) if sid == at_store_id), 0)
        if free < quantity:
            self._say(self.tr("Only {} free there: not reserved").format(max(free, 0)), "warning")
            return None
        until = (datetime.now().astimezone() + timedelta(days=hold_days)).replace(hour=21, minute=0, second=0)
        member = self.session.member
        order = self.replica.orders.place_reservation(
            identity.store_id, identity.till_code, at_store_id, name, [(sku_id, quantity)], until,
            member.id if member else None, card, digits,
        )  # fmt: skip
        self._say(self.tr("Reserved: order {}, pickup code {}").format(order.number, order.code), "ok")
        return order
