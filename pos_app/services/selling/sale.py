"""The sale in progress: scan or search, quantities, discounts, units held for orders, an
order's hand-over, the customer, void. Paying, parking, returns and receipts are its parts
(the package's __init__ lists them): `sales.checkout.pay_cash()`, `sales.returns...`.

The screen calls these methods and redraws on the signals; nothing here knows about widgets.
Every message emitted is meant for the cashier as it is. What a cashier may not do alone takes
an `approver` (a StaffMember whose PIN the screen has checked with StaffSession.approve); the
approval is recorded with who approved what.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from pos_app.domain.cart import (
    MAX_QTY,
    Cart,
    CartError,
    ManualDiscount,
    PricedItem,
    parse_quantity,
    weighed,
)
from pos_app.domain.payment import Payment
from pos_app.domain.receipt import Receipt
from pos_app.services.explain import explain
from pos_app.services.printing import ReceiptPrinter
from pos_app.services.selling.checkout import Checkout
from pos_app.services.selling.customers import Customers
from pos_app.services.selling.holds import Holds
from pos_app.services.selling.receipts import Receipts
from pos_app.services.selling.returns import Returns
from pos_app.services.session import StaffSession
from pos_app.services.tasks import TaskRunner
from pos_app.services.terminal import PaymentTerminal, StandaloneTerminal
from pos_app.store.identity import Identity
from pos_app.store.members import Member
from pos_app.store.replica import Replica, now_utc
from sync.rules import loyalty
from sync.rules.barcode import DEFAULT_LAYOUT, BarcodeError, EmbeddedRule, embedded_value, normalise, parse_layout
from sync.rules.money import format_amount
from sync.rules.orders import Order, OrderLine
from sync.rules.staff import FREE_LINE_REMOVALS, StaffMember

log = logging.getLogger(__name__)
_MULTIPLIER = re.compile(r"^\s*(\d{1,4})\s*[*xX]\s*(.*)$")


@dataclass(frozen=True, slots=True)
class SaleSettings:
    cash_step: int = 1  # cash rounding in cents (5 = to 0.05); 1 = off (the default, see DOMAIN.md)
    embedded_layout: tuple[EmbeddedRule, ...] = parse_layout(DEFAULT_LAYOUT)
    card_timeout: float = 60.0  # seconds to wait for the terminal's answer before asking it what happened
    status_interval: float = 2.0  # between two questions to a terminal that is still busy or unreachable


class SaleService(QObject):
    cart_changed = Signal()
    message = Signal(str, str)  # text, level: "info" | "ok" | "warning" | "error"
    sale_completed = Signal(object)  # Receipt
    payment_changed = Signal(object)  # Payment | None
    unknown_barcode = Signal(str)
    customer_changed = Signal(object)  # Member | None
    weigh_needed = Signal(object)  # PricedItem sold by the kilogram, to weigh at the till
    reserved_blocked = Signal(str)  # an item refused because its units are held for an order: why

    def __init__(
        self,
        replica: Replica,
        session: StaffSession | None = None,
        terminal: PaymentTerminal | None = None,
        printer: ReceiptPrinter | None = None,
        settings: SaleSettings | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self.replica = replica
        self.tasks = tasks or TaskRunner()  # the till's (services/tasks.py); its own when alone
        self.session = session or StaffSession(replica)
        self.terminal: PaymentTerminal = terminal or StandaloneTerminal()
        self.printer = printer or ReceiptPrinter("memory")
        self.settings = settings or SaleSettings()
        self.cart = Cart()
        self.payment: Payment | None = None
        self.last_receipt: Receipt | None = None
        self.multiplier = 1
        self.customer: Member | None = None  # the loyalty member identified for this sale
        self.order: Order | None = None  # the click&collect order this cart is the hand-over of
        self.order_approver_id: int | None = None  # who approved a substitute in it
        self.removed_lines = 0  # lines taken off this sale (loss prevention: FREE_LINE_REMOVALS)
        # The last item refused because its units are reserved: (item, quantity, holders).
        self.blocked: tuple[PricedItem, int, list[tuple[Order, int]]] | None = None
        self._promotions_version: tuple[object, ...] | None = None
        # How amounts are written in messages; the screen sets its language's (ui.i18n.money).
        self.money: Callable[[int], str] = format_amount
        # The parts, each a concern of the same sale (they share its cart, payment and signals).
        self.customers = Customers(self)
        self.checkout = Checkout(self)
        self.holds = Holds(self)
        self.returns = Returns(self)
        self.receipts = Receipts(self)

    @property
    def identity(self) -> Identity | None:
        return self.replica.identity()

    @property
    def member(self) -> StaffMember | None:
        return self.session.member

    # --- for the parts: what every concern of the sale says and does the same way ---------------

    def say(self, text: str, level: str = "info") -> None:
        """A message for the cashier, as it is."""
        self.message.emit(text, level)

    def cart_did_change(self) -> None:
        self.cart_changed.emit()

    def _refresh_promotions(self) -> None:
        """Promotions in force here, reloaded when a pull committed new data (or the hour moved on)."""
        identity = self.identity
        member = self.customer
        tier, tags = (member.tier_code, member.tags) if member else ("", frozenset[str]())
        version = (self.replica.data_version(), int(now_utc().timestamp()) // 3600, tier, tags)
        if identity is None or version == self._promotions_version or self.order is not None:
            return  # (an order's hand-over keeps the prices it was sold at)
        self._promotions_version = version
        self.cart.promotions = self.replica.sales.promotions_in_force(
            now_utc(), identity.store_id, tier=tier, tags=tags
        )
        self.cart.reprice()

    def new_cart(self) -> None:
        promotions = self.cart.promotions
        had_customer = self.customer is not None
        self.cart = Cart(promotions=promotions)
        self.payment = None
        self.multiplier = 1
        self.customer = None
        self.order = None
        self.order_approver_id = None
        self.removed_lines = 0  # lines taken off this sale (loss prevention: FREE_LINE_REMOVALS)
        self._promotions_version = None
        self._refresh_promotions()
        if had_customer:
            self.customer_changed.emit(None)

    # --- the loyalty member ---------------------------------------------------------------

    def set_customer(self, member: Member | None) -> None:
        """The member this sale is for (None: nobody): tier prices and their promotions apply."""
        if self.payment is not None and self.payment.tenders:
            self.say(self.tr("Finish or cancel the payment first"), "warning")
            return
        if member is not None:
            member = self.customers.member_now(member)
        self.customer = member
        for line in self.cart.lines:
            if not (line.weight_g is not None or self.label_priced(line.item.barcode)):
                line.item = replace(line.item, member_price=self._member_price(line.item.sku_id))
        self._promotions_version = None
        self._refresh_promotions()
        self.cart.reprice()
        if self.payment is not None:
            self.payment = None
            self.payment_changed.emit(None)
        if member is not None:
            self.say(self.tr("Member: {} · {} · {} points").format(member.name, member.tier_name, member.points), "ok")
        self.customer_changed.emit(member)
        self.cart_did_change()

    def on_changed(self, changes: frozenset[str]) -> None:
        """Customers changed (a pull, or a fact here): the member of this sale is read again
        (points and tier HQ changed show on the member's panel). Not while a payment is open,
        and nothing is repriced or said: the cashier is in the middle of the sale."""
        member = self.customer
        if "customer" not in changes or member is None or self.payment is not None:
            return
        fresh = self.replica.members.member(member.card)  # its latest figures, pending points included
        if fresh is not None:
            self.customer = fresh
            self.customer_changed.emit(fresh)

    def _member_price(self, sku_id: int) -> int | None:
        member = self.customer
        if member is None or member.tier_price_list is None:
            return None
        return self.replica.member_price(sku_id, member.tier_price_list)

    # --- building the cart ----------------------------------------------------------------

    def scan(self, text: str) -> bool:
        """A barcode from the scanner or the keyboard, optionally after a multiplier ("3*").
        Returns True if a line was added."""
        if self.payment is not None:
            self.say(self.tr("Finish or cancel the payment first"), "warning")
            return False
        match = _MULTIPLIER.match(text)
        if match:
            qty, text = int(match.group(1)), match.group(2)
            if not 1 <= qty <= MAX_QTY:
                self.say(self.tr("Quantity must be between 1 and {}").format(MAX_QTY), "error")
                return False
            self.multiplier = qty
            if not text.strip():
                self.say(self.tr("× {}: now scan the item").format(qty), "info")
                return False
        if loyalty.classify(text) == "card":  # a member's card, or the code on their phone
            self.multiplier = 1
            found = self.customers.find_members(text)
            if found:
                self.set_customer(found[0])
            return False
        try:
            code = normalise(text)
        except BarcodeError as exc:
            self.multiplier = 1  # a multiplier applies to the next good scan only
            self.say(explain(exc), "error")
            return False
        embedded = embedded_value(code, self.settings.embedded_layout)
        lookup = embedded.base_code if embedded else code.code
        item = self.replica.item_by_barcode(lookup)
        if item is None:
            self.multiplier = 1
            self.say(self.tr("Unknown barcode {}: search the product by name (F2)").format(code.code), "error")
            self.unknown_barcode.emit(code.code)
            return False
        if embedded is None:
            return self._add(item)
        if item.unit_price < 0:
            return self._add(item)  # says it has no price
        if embedded.kind == "weight":
            return self._add(weighed(item, embedded.value, code.code), weight_g=embedded.value, labelled=True)
        return self._add(replace(item, unit_price=embedded.value, barcode=code.code), labelled=True)

    def quick_keys(self) -> list[tuple[int, PricedItem, str]]:
        """This store's favourites grid, as HQ set it: (position, the item at today's price, label)."""
        identity = self.identity
        if identity is None:
            return []
        keys = []
        for position, sku_id, label in self.replica.quick_keys(identity.store_id):
            item = self.replica.item_by_sku_id(sku_id)
            if item is not None:
                keys.append((position, item, label))
        return keys

    def add_sku(self, sku_id: int) -> bool:
        item = self.replica.item_by_sku_id(sku_id)
        if item is None:
            self.say(self.tr("That product is no longer sold"), "error")
            return False
        return self._add(item)

    def _add(self, item: PricedItem, weight_g: int | None = None, labelled: bool = False) -> bool:
        """Add an item; `labelled`: its price or weight came on a scale's label."""
        quantity, self.multiplier = self.multiplier, 1
        if weight_g is not None:
            quantity = 1  # each weighed label is its own line
        if item.unit_price < 0:
            self.say(self.tr("{} has no price today: call a manager").format(item.name), "error")
            return False
        if item.unit == "kg" and not labelled:
            # Sold by the kilogram and not labelled: weighed here, on the till's scale or, without
            # one, typed by a manager (the screen answers weigh_needed; see add_weighed).
            self.say(self.tr("{} is sold by weight: weighing it").format(item.name), "info")
            self.weigh_needed.emit(item)
            return False
        self._refresh_promotions()
        if not labelled and self.customer is not None:
            item = replace(item, member_price=self._member_price(item.sku_id))
        if not self._sellable(item, quantity):
            return False
        try:
            self.cart.add(item, quantity, weight_g=weight_g)
        except CartError as exc:
            self.say(explain(exc), "error")
            return False
        prefix = f"{quantity} × " if quantity > 1 else ""
        self.say(f"{prefix}{item.name}  {self.money(item.unit_price)}", "info")
        self.cart_did_change()
        return True

    def add_weighed(self, item: PricedItem, grams: int, typed_by: StaffMember | None = None) -> bool:
        """`item` (sold by the kilogram) weighed at the till: the scale's stable weight, or a weight
        a manager typed (`typed_by`), which is logged as an override (who, when, what)."""
        if item.unit != "kg" or grams <= 0:
            return False
        added = self._add(weighed(item, grams), weight_g=grams, labelled=True)
        if added and typed_by is not None:
            kg = f"{grams / 1000:.3f}".replace(".", ",")
            self.log_override("weight.typed", typed_by, f"{item.sku_code} {item.name} {kg} kg")
        return added

    # --- units held for orders --------------------------------------------------------------

    def _sellable(self, item: PricedItem, quantity: int) -> bool:
        """Whether `quantity` more units may be sold without taking any an order holds here;
        if not, the cashier is told which order holds them (`reserved_blocked`)."""
        identity = self.identity
        if identity is None:
            return True
        in_cart = sum(ln.quantity for ln in self.cart.lines if ln.item.sku_id == item.sku_id)
        except_order = self.order.id if self.order else None
        holders = self.replica.orders.held_back(identity.store_id, item.sku_id, in_cart + quantity, except_order)
        if not holders:
            return True
        self.blocked = (item, quantity, holders)
        first = holders[0][0]
        text = self.tr("{}: reserved for order {} ({}). Only a manager can release it.").format(
            item.name, first.number, first.customer_name
        )
        self.say(text, "error")
        self.reserved_blocked.emit(text)
        return False

    def release_needs_approval(self) -> bool:
        return self.session.needs_approval("order.release")

    def release_blocked(self, approver: StaffMember | None = None, reason: str = "") -> bool:
        """Free the refused units from the newest orders holding them (a manager's decision, for
        the customer at the counter) and sell them; the orders get a problem at HQ."""
        identity, blocked = self.identity, self.blocked
        if identity is None or blocked is None:
            return False
        if self.release_needs_approval() and approver is None:
            self.say(self.tr("Releasing reserved units needs a manager's approval"), "warning")
            return False
        item, quantity, holders = blocked
        staff = self.member.id if self.member else None
        left = quantity
        for order, held in reversed(holders):  # the newest promise gives way first
            take = min(left, held)
            if take:
                self.replica.orders.record_order_step(
                    identity.store_id, order.id, "released", staff, [(item.sku_id, take)],
                    approver.id if approver else None, reason or "sold at the counter",
                )  # fmt: skip
                left -= take
        if approver is not None:
            self.log_override("order.release", approver, f"{item.sku_code} x{quantity}")
        self.blocked = None
        self.multiplier = quantity
        return self._add(item)

    def load_order(
        self,
        order: Order,
        handed: Sequence[tuple[OrderLine, int]],
        substitutes: Sequence[tuple[PricedItem, int]] = (),
        approver: StaffMember | None = None,
    ) -> bool:
        """Put an order's hand-over in the cart to take its payment: the units handed over at
        the prices the order was placed at (a substitute at the price of what it replaces)."""
        if self.cart.lines or self.payment is not None:
            self.say(self.tr("Finish or park the sale in progress first"), "warning")
            return False
        self.order = order
        self.order_approver_id = approver.id if approver else None
        self.cart = Cart()
        for line, quantity in handed:
            item = self.replica.item_by_sku_id(line.sku_id)
            if item is None or quantity <= 0:
                continue
            self.cart.add(replace(item, unit_price=line.unit_price), quantity)
        for item, quantity in substitutes:
            self.cart.add(item, quantity)
        if self.customer is None and order.card:
            member = self.replica.members.member(order.card)
            if member is not None:
                self.customer = member
                self.customer_changed.emit(member)
        self.say(self.tr("Order {}: take the payment").format(order.number), "info")
        self.cart_did_change()
        return True

    def search(self, text: str, limit: int = 50) -> list[tuple[PricedItem, int | None]]:
        """Products matching what was typed, priced, with this store's stock (None before set-up)."""
        identity = self.identity
        found = []
        for sku_id, _code, _name in self.replica.search(text, limit):
            item = self.replica.item_by_sku_id(sku_id)
            if item is not None:
                stock = self.replica.stock_on_hand(identity.store_id, sku_id) if identity else None
                found.append((item, stock))
        return found

    def variants(self, sku_id: int) -> list[tuple[PricedItem, str, str, int | None]]:
        """The other sizes and colours of a SKU's product: (item, size, colour, stock here)."""
        identity = self.identity
        result = []
        for other_id, size, colour in self.replica.variants(sku_id):
            item = self.replica.item_by_sku_id(other_id)
            if item is not None:
                stock = self.replica.stock_on_hand(identity.store_id, other_id) if identity else None
                result.append((item, size, colour, stock))
        return result

    def set_quantity(self, index: int, text: str) -> bool:
        try:
            self.cart.set_quantity(index, parse_quantity(text))
        except CartError as exc:
            self.say(explain(exc), "error")
            return False
        self.cart_did_change()
        return True

    def change_quantity(self, index: int, step: int) -> bool:
        if not 0 <= index < len(self.cart.lines):
            return False
        new = self.cart.lines[index].quantity + step
        if new < 1:
            return self.remove_line(index)
        return self.set_quantity(index, str(new))

    def remove_needs_approval(self) -> bool:
        """Past the free removals of a sale, removing a line needs "line.remove" (loss prevention)."""
        return self.removed_lines >= FREE_LINE_REMOVALS and self.session.needs_approval("line.remove")

    def remove_line(self, index: int, approver: StaffMember | None = None) -> bool:
        if self.payment is not None:
            self.say(self.tr("Finish or cancel the payment first"), "warning")
            return False
        needs_approval = self.remove_needs_approval()
        if needs_approval and approver is None:
            self.say(self.tr("Removing more lines from this sale needs a manager's approval"), "warning")
            return False
        try:
            line = self.cart.remove(index)
        except CartError as exc:
            self.say(explain(exc), "error")
            return False
        self.removed_lines += 1
        if needs_approval and approver is not None:  # who, when and what, as every override
            self.log_override(
                "line.remove",
                approver,
                f"{line.item.sku_code} {line.item.name} x{line.quantity} {self.money(line.total)}",
            )
        self.say(self.tr("Removed: {}").format(line.item.name), "info")
        self.cart_did_change()
        return True

    # --- discounts and price changes ---------------------------------------------------------

    def discount_allowed(self, index: int, manual: ManualDiscount) -> bool:
        """Whether `manual` may go on line `index` at all (said when not): asked before a
        manager is asked to approve it."""
        try:
            self.cart.check_manual(index, manual)
        except CartError as exc:
            self.say(explain(exc), "error")
            return False
        return True

    def discount_needs_approval(self, index: int, manual: ManualDiscount) -> bool:
        line = self.cart.lines[index]
        member = self.member
        amount = manual.amount(line.item.unit_price, line.quantity)
        return member is None or not member.may_discount(amount, line.gross)

    def discount_line(self, index: int, manual: ManualDiscount | None, approver: StaffMember | None = None) -> bool:
        """A manual discount or price change on a line (None removes it). Beyond the cashier's
        limit it needs an approver, and the approval is recorded."""
        if not 0 <= index < len(self.cart.lines):
            return False
        line = self.cart.lines[index]
        if manual is not None and self.discount_needs_approval(index, manual):
            if approver is None:
                self.say(self.tr("That discount is beyond your limit: a manager must approve it"), "warning")
                return False
            manual = replace(manual, approved_by=approver.id)
        try:
            self.cart.set_manual(index, manual)
        except CartError as exc:
            self.say(explain(exc), "error")
            return False
        if manual is not None and approver is not None:
            self.log_override(
                "discount.over_limit",
                approver,
                f"{line.item.sku_code} {manual.label()}: "
                f"-{format_amount(line.discount)} of {format_amount(line.gross)}",
            )
        self.cart_did_change()
        return True

    def log_override(self, action: str, approver: StaffMember, detail: str) -> None:
        identity = self.identity
        member = self.member
        if identity is None or member is None:
            return
        self.replica.sales.record_override(identity.store_id, action, member.id, approver.id, detail)

    # --- paying ----------------------------------------------------------------------------

    def why_cannot_record(self) -> str | None:
        if self.identity is None:
            return self.tr("This till is not set up yet: no sale can be saved")
        if self.member is None:
            return self.tr("Sign in first")
        if self.replica.sales.open_shift_now() is None:
            return self.tr("Open the shift first (count the float)")
        return None

    # --- exceptions: void, park, return, reprint, invoice ------------------------------------------

    def void_needs_approval(self) -> bool:
        return self.session.needs_approval("sale.void")

    def void_sale(self, reason: str, approver: StaffMember | None = None) -> bool:
        """Abandon the sale in progress, with a reason; kept in the journal and sent to HQ."""
        if self.cart.is_empty:
            return False
        if self.payment is not None and self.payment.tenders:
            self.say(self.tr("Cancel the payment first"), "warning")
            return False
        if not reason.strip():
            self.say(self.tr("Say why the sale is voided"), "warning")
            return False
        if self.void_needs_approval() and approver is None:
            self.say(self.tr("Voiding a sale needs a manager's approval"), "warning")
            return False
        identity, member = self.identity, self.member
        if identity is not None and member is not None:
            shift = self.replica.sales.open_shift_now()
            self.replica.sales.record_void(
                identity,
                shift.id if shift else None,
                member.id,
                approver.id if approver else None,
                reason.strip(),
                len(self.cart.lines),
                self.cart.total,
            )
            if approver is not None:
                self.log_override("sale.void", approver, f"{reason.strip()}: {format_amount(self.cart.total)}")
        self.new_cart()
        self.payment_changed.emit(None)
        self.cart_did_change()
        self.say(self.tr("Sale voided"), "warning")
        return True

    def clear(self) -> None:
        """Empty the cart without a trace (only for a cart nobody started: tests and set-up)."""
        self.new_cart()
        self.cart_did_change()

    def label_priced(self, barcode: str) -> bool:
        try:
            return embedded_value(normalise(barcode), self.settings.embedded_layout) is not None
        except BarcodeError:
            return False
