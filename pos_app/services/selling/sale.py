"""Ringing up a sale: scan or search, discounts, pay, park, void, return, reprint.

The screen calls these methods and redraws on the signals; nothing here knows about widgets.
Every message emitted is meant for the cashier as it is. What a cashier may not do alone takes
an `approver` (a StaffMember whose PIN the screen has checked with StaffSession.approve); the
approval is recorded with who approved what.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from pos_app.domain.cart import (
    MAX_QTY,
    Cart,
    CartError,
    CartLine,
    ManualDiscount,
    PricedItem,
    Tender,
    parked_line,
    parse_quantity,
    resumed_line,
    weighed,
)
from pos_app.domain.payment import Payment, PaymentError, refund_plan
from pos_app.domain.promotions import Discount
from pos_app.domain.receipt import Receipt
from pos_app.services.explain import explain
from pos_app.services.printing import ReceiptPrinter
from pos_app.services.session import StaffSession
from pos_app.services.tasks import TaskRunner
from pos_app.services.terminal import PaymentTerminal, StandaloneTerminal, TerminalAnswer
from pos_app.store.identity import Identity
from pos_app.store.members import DuplicateMember, Member
from pos_app.store.replica import Replica, now_utc
from pos_app.store.till_records import ReturnableLine, SaleDraft
from sync import protocol as p
from sync.rules import loyalty
from sync.rules.barcode import DEFAULT_LAYOUT, BarcodeError, EmbeddedRule, embedded_value, normalise, parse_layout
from sync.rules.money import format_amount, round_half_up_div
from sync.rules.orders import Order, OrderLine
from sync.rules.staff import FREE_LINE_REMOVALS, StaffMember
from sync.rules.verifactu import NifError

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
        self._card_busy = False
        self._charged: list[str] = []  # the references of this payment's approved card charges
        # HQ's copy of another till's receipt, for a return here (the Till sets it: its sync engine).
        self.receipt_lookup: Callable[[str], Awaitable[p.ReceiptFound | None]] | None = None
        # How amounts are written in messages; the screen sets its language's (ui.i18n.money).
        self.money: Callable[[int], str] = format_amount

    @property
    def identity(self) -> Identity | None:
        return self.replica.identity()

    @property
    def member(self) -> StaffMember | None:
        return self.session.member

    def _say(self, text: str, level: str = "info") -> None:
        self.message.emit(text, level)

    def _changed(self) -> None:
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

    def _new_cart(self) -> None:
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

    def find_members(self, text: str) -> list[Member]:
        """Members matching a card, phone, e-mail or name typed or scanned (offline: the replica)."""
        try:
            found = self.replica.members.find_members(text)
        except loyalty.IdentificationError as exc:
            self._say(explain(exc), "error")
            return []
        if not found:
            self._say(self.tr("No member found for '{}'").format(text.strip()), "warning")
        return found

    def set_customer(self, member: Member | None) -> None:
        """The member this sale is for (None: nobody): tier prices and their promotions apply."""
        if self.payment is not None and self.payment.tenders:
            self._say(self.tr("Finish or cancel the payment first"), "warning")
            return
        if member is not None:
            member = self.member_now(member)
        self.customer = member
        for line in self.cart.lines:
            if not (line.weight_g is not None or self._label_priced(line.item.barcode)):
                line.item = replace(line.item, member_price=self._member_price(line.item.sku_id))
        self._promotions_version = None
        self._refresh_promotions()
        self.cart.reprice()
        if self.payment is not None:
            self.payment = None
            self.payment_changed.emit(None)
        if member is not None:
            self._say(self.tr("Member: {} · {} · {} points").format(member.name, member.tier_name, member.points), "ok")
        self.customer_changed.emit(member)
        self._changed()

    def on_arrived(self, entities: frozenset[str]) -> None:
        """A pull brought changes: the member of this sale is read again (points and tier HQ
        changed show on the member's panel). Not while a payment is open, and nothing is repriced
        or said: the cashier is in the middle of the sale."""
        member = self.customer
        if "customer" not in entities or member is None or self.payment is not None:
            return
        fresh = self.replica.members.member(member.card)
        if fresh is not None:
            self.customer = self.member_now(fresh)
            self.customer_changed.emit(self.customer)

    def _member_price(self, sku_id: int) -> int | None:
        member = self.customer
        if member is None or member.tier_price_list is None:
            return None
        return self.replica.member_price(sku_id, member.tier_price_list)

    def enrol(self, name: str, phone: str, email: str, marketing_consent: bool) -> Member | None:
        """Enrol the customer as a member (offline too) and identify them for this sale. A phone
        or e-mail that already belongs to a member is refused, naming that member (F1 finds them)."""
        identity = self.identity
        if identity is None:
            self._say(self.tr("This till is not set up yet: no sale can be saved"), "error")
            return None
        try:
            member = self.replica.members.enrol_member(identity, name, phone or None, email or None, marketing_consent)
        except DuplicateMember as exc:
            self._say(self.tr("Already a member: {} ({}). Not enrolled twice.").format(exc.name, exc.card), "warning")
            return None
        except (loyalty.IdentificationError, ValueError) as exc:
            self._say(explain(exc), "error")
            return None
        self.set_customer(member)
        self._say(self.tr("Welcome, {}: card {}").format(member.name, member.card), "ok")
        return member

    def member_now(self, member: Member) -> Member:
        """The member's latest figures (points pending here included)."""
        return self.replica.members.member(member.card) or member

    def purchases_here(self, card: str) -> list[p.Purchase]:
        """The member's purchases at this till (what the panel shows when HQ cannot be asked)."""
        identity = self.identity
        return self.replica.members.purchases_here(card, identity.store_name if identity else "")

    def suggestions(self, bought: list[int], limit: int = 3) -> list[str]:
        """Names of products related to what was bought and what is in the cart, not in it."""
        in_cart = [line.item.sku_id for line in self.cart.lines]
        return [name for _, name in self.replica.members.suggestions(bought + in_cart, exclude=in_cart, limit=limit)]

    def member_offers(self) -> list[str]:
        """Names of the promotions reserved to the member's tier or segments, in force here now."""
        member, identity = self.customer, self.identity
        if member is None or identity is None:
            return []
        return [
            promo.name
            for promo in self.replica.sales.promotions_in_force(
                now_utc(), identity.store_id, tier=member.tier_code, tags=member.tags, restricted_only=True
            )
        ]

    # --- building the cart ----------------------------------------------------------------

    def scan(self, text: str) -> bool:
        """A barcode from the scanner or the keyboard, optionally after a multiplier ("3*").
        Returns True if a line was added."""
        if self.payment is not None:
            self._say(self.tr("Finish or cancel the payment first"), "warning")
            return False
        match = _MULTIPLIER.match(text)
        if match:
            qty, text = int(match.group(1)), match.group(2)
            if not 1 <= qty <= MAX_QTY:
                self._say(self.tr("Quantity must be between 1 and {}").format(MAX_QTY), "error")
                return False
            self.multiplier = qty
            if not text.strip():
                self._say(self.tr("× {}: now scan the item").format(qty), "info")
                return False
        if loyalty.classify(text) == "card":  # a member's card, or the code on their phone
            self.multiplier = 1
            found = self.find_members(text)
            if found:
                self.set_customer(found[0])
            return False
        try:
            code = normalise(text)
        except BarcodeError as exc:
            self.multiplier = 1  # a multiplier applies to the next good scan only
            self._say(explain(exc), "error")
            return False
        embedded = embedded_value(code, self.settings.embedded_layout)
        lookup = embedded.base_code if embedded else code.code
        item = self.replica.item_by_barcode(lookup)
        if item is None:
            self.multiplier = 1
            self._say(self.tr("Unknown barcode {}: search the product by name (F2)").format(code.code), "error")
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
            self._say(self.tr("That product is no longer sold"), "error")
            return False
        return self._add(item)

    def _add(self, item: PricedItem, weight_g: int | None = None, labelled: bool = False) -> bool:
        """Add an item; `labelled`: its price or weight came on a scale's label."""
        quantity, self.multiplier = self.multiplier, 1
        if weight_g is not None:
            quantity = 1  # each weighed label is its own line
        if item.unit_price < 0:
            self._say(self.tr("{} has no price today: call a manager").format(item.name), "error")
            return False
        if item.unit == "kg" and not labelled:
            # Sold by the kilogram and not labelled: weighed here, on the till's scale or, without
            # one, typed by a manager (the screen answers weigh_needed; see add_weighed).
            self._say(self.tr("{} is sold by weight: weighing it").format(item.name), "info")
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
            self._say(explain(exc), "error")
            return False
        prefix = f"{quantity} × " if quantity > 1 else ""
        self._say(f"{prefix}{item.name}  {self.money(item.unit_price)}", "info")
        self._changed()
        return True

    def add_weighed(self, item: PricedItem, grams: int, typed_by: StaffMember | None = None) -> bool:
        """`item` (sold by the kilogram) weighed at the till: the scale's stable weight, or a weight
        a manager typed (`typed_by`), which is logged as an override (who, when, what)."""
        if item.unit != "kg" or grams <= 0:
            return False
        added = self._add(weighed(item, grams), weight_g=grams, labelled=True)
        if added and typed_by is not None:
            kg = f"{grams / 1000:.3f}".replace(".", ",")
            self._log_override("weight.typed", typed_by, f"{item.sku_code} {item.name} {kg} kg")
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
        self._say(text, "error")
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
            self._say(self.tr("Releasing reserved units needs a manager's approval"), "warning")
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
            self._log_override("order.release", approver, f"{item.sku_code} x{quantity}")
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
            self._say(self.tr("Finish or park the sale in progress first"), "warning")
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
        self._say(self.tr("Order {}: take the payment").format(order.number), "info")
        self._changed()
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
            self._say(explain(exc), "error")
            return False
        self._changed()
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
            self._say(self.tr("Finish or cancel the payment first"), "warning")
            return False
        needs_approval = self.remove_needs_approval()
        if needs_approval and approver is None:
            self._say(self.tr("Removing more lines from this sale needs a manager's approval"), "warning")
            return False
        try:
            line = self.cart.remove(index)
        except CartError as exc:
            self._say(explain(exc), "error")
            return False
        self.removed_lines += 1
        if needs_approval and approver is not None:  # who, when and what, as every override
            self._log_override(
                "line.remove",
                approver,
                f"{line.item.sku_code} {line.item.name} x{line.quantity} {self.money(line.total)}",
            )
        self._say(self.tr("Removed: {}").format(line.item.name), "info")
        self._changed()
        return True

    # --- discounts and price changes ---------------------------------------------------------

    def discount_allowed(self, index: int, manual: ManualDiscount) -> bool:
        """Whether `manual` may go on line `index` at all (said when not): asked before a
        manager is asked to approve it."""
        try:
            self.cart.check_manual(index, manual)
        except CartError as exc:
            self._say(explain(exc), "error")
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
                self._say(self.tr("That discount is beyond your limit: a manager must approve it"), "warning")
                return False
            manual = replace(manual, approved_by=approver.id)
        try:
            self.cart.set_manual(index, manual)
        except CartError as exc:
            self._say(explain(exc), "error")
            return False
        if manual is not None and approver is not None:
            self._log_override(
                "discount.over_limit",
                approver,
                f"{line.item.sku_code} {manual.label()}: "
                f"-{format_amount(line.discount)} of {format_amount(line.gross)}",
            )
        self._changed()
        return True

    def _log_override(self, action: str, approver: StaffMember, detail: str) -> None:
        identity = self.identity
        member = self.member
        if identity is None or member is None:
            return
        self.replica.sales.record_override(identity.store_id, action, member.id, approver.id, detail)

    # --- paying ----------------------------------------------------------------------------

    def begin_payment(self) -> Payment | None:
        if self.payment is not None:
            return self.payment
        if self.cart.is_empty:
            self._say(self.tr("The cart is empty"), "warning")
            return None
        problem = self._why_cannot_record()
        if problem:
            self._say(problem, "error")
            return None
        self.payment = Payment(self.cart.total, cash_step=self.settings.cash_step)
        self._charged = []
        self.payment_changed.emit(self.payment)
        return self.payment

    def _why_cannot_record(self) -> str | None:
        if self.identity is None:
            return self.tr("This till is not set up yet: no sale can be saved")
        if self.member is None:
            return self.tr("Sign in first")
        if self.replica.sales.open_shift_now() is None:
            return self.tr("Open the shift first (count the float)")
        return None

    def pay_cash(self, given: int | None = None) -> Receipt | None:
        """Cash handed over (None: the exact amount due). Completes the sale once it is paid."""
        payment = self.begin_payment()
        if payment is None:
            return None
        if payment.is_settled:  # paid, but saving failed (disk full?): Enter tries to save again
            return self._complete_if_settled()
        try:
            tender = payment.add_cash(given)
        except PaymentError as exc:
            self._say(explain(exc), "error")
            return None
        if tender.change:
            self._say(self.tr("Change: {}").format(self.money(tender.change)), "ok")
        self.payment_changed.emit(payment)
        return self._complete_if_settled()

    def pay_points(self, amount: int | None = None) -> Receipt | None:
        """Pay with the member's points (None: as much as they may spend, up to what is left)."""
        payment = self.begin_payment()
        member = self.customer
        if payment is None:
            return None
        if member is None:
            self._say(self.tr("Identify the member first (F1)"), "warning")
            return None
        member = self.member_now(member)
        cap = loyalty.points_value(member.redeemable, p.CENTS_PER_POINT)
        already = sum(t.amount for t in payment.tenders if t.method == "points")
        cap -= already
        amount = min(payment.remaining, cap) if amount is None else amount
        try:
            payment.add_points(amount, cap)
        except PaymentError as exc:
            self._say(
                self.tr("{} (may spend here now: {} points)").format(exc, max(0, member.redeemable - already)), "error"
            )
            return None
        self.payment_changed.emit(payment)
        return self._complete_if_settled()

    async def pay_card(self, amount: int | None = None) -> Receipt | None:
        """Charge a card through the terminal (None: what is left). A decline or a timeout adds
        nothing; the sale stays open to pay another way."""
        payment = self.begin_payment()
        if payment is None or self._card_busy:
            return None
        amount = payment.remaining if amount is None else amount
        try:
            payment.check_card_amount(amount)
        except PaymentError as exc:
            self._say(explain(exc), "error")
            return None
        reference = uuid.uuid4().hex[:12].upper()
        self._card_busy = True
        self._say(self.tr("Card: {} on the terminal. Ask the customer to follow it.").format(self.money(amount)))
        try:
            answer = await self._card_outcome("charge", amount, reference)
        finally:
            self._card_busy = False
        if answer is None:
            self._say(
                self.tr(
                    "The terminal did not say whether the card was charged: nothing was recorded. Check the "
                    "terminal's last receipt before charging again."
                ),
                "error",
            )
            return None
        if self.payment is not payment and answer.approved:  # cancelled meanwhile
            await self._reverse(reference)
            return None
        if not answer.approved:
            self._say(self.tr("Card declined: {}. Pay another way.").format(answer.message), "error")
            return None
        payment.add_card(amount, answer.auth_code or reference, answer.terminal or self.terminal.name)
        self._charged.append(reference)  # the terminal's reference, for a reversal (the tender keeps the code)
        self.payment_changed.emit(payment)
        return self._complete_if_settled()

    async def _card_outcome(self, what: str, amount: int, reference: str) -> TerminalAnswer | None:
        """The terminal's answer to a charge or refund. If it does not come in time, or the
        connection drops, or the answer is unusable, the terminal is asked what became of the
        request (nexo TransactionStatus) until it says, for as long again: never a guess. None
        when it still cannot say (the cashier checks the terminal; the log keeps the reference)."""
        request = self.terminal.charge if what == "charge" else self.terminal.refund
        # A stand-alone terminal's answer is the cashier's, who takes the time it takes.
        waits = None if isinstance(self.terminal, StandaloneTerminal) else self.settings.card_timeout
        try:
            return await asyncio.wait_for(request(amount, reference), waits)
        except Exception as exc:  # a timeout, a dropped connection, an answer that is not one
            log.warning("card %s %s: no usable answer (%r); asking the terminal", what, reference, exc)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.settings.card_timeout
        while True:
            try:
                found = await asyncio.wait_for(self.terminal.status(reference), self.settings.card_timeout)
            except Exception as exc:  # still busy with the customer, or unreachable for now
                log.info("card %s %s: the terminal cannot say yet (%r)", what, reference, exc)
            else:
                if found is None:
                    log.info("card %s %s: the terminal never received it", what, reference)
                    return TerminalAnswer(False, reference, message=self.tr("the terminal did not receive it"))
                log.info("card %s %s: the terminal says %s", what, reference, "approved" if found.approved else "no")
                return found
            if loop.time() + self.settings.status_interval > deadline:
                log.error("card %s %s of %s: outcome unknown; reconcile with the terminal", what, reference, amount)
                return None
            await asyncio.sleep(self.settings.status_interval)

    async def _reverse(self, reference: str) -> None:
        try:
            await asyncio.wait_for(self.terminal.reverse(reference), self.settings.card_timeout)
        except Exception:
            log.exception("reversing card payment %s failed: reconcile with the terminal's report", reference)

    async def cancel_payment(self) -> None:
        """Back to the cart. Card payments already taken are reversed on the terminal."""
        payment, self.payment = self.payment, None
        if payment is None:
            return
        charged, self._charged = self._charged, []
        for reference in charged:  # by the terminal's reference (a tender holds the approval code)
            await self._reverse(reference)
        if any(t.method == "cash" for t in payment.tenders):
            self._say(self.tr("Payment cancelled: give the cash back to the customer"), "warning")
        self.payment_changed.emit(None)

    def _complete_if_settled(self) -> Receipt | None:
        payment = self.payment
        if payment is None or not payment.is_settled:
            return None
        return self._record(self.cart.lines, "sale", None)

    def _record(self, lines: list[CartLine], kind: str, original: str | None) -> Receipt | None:
        identity = self.identity
        payment = self.payment
        assert payment is not None
        problem = self._why_cannot_record()
        if identity is None or problem:
            self._say(problem or "", "error")
            return None
        shift = self.replica.sales.open_shift_now()
        card, earned, balance = self._points_for(lines, kind, original, payment.tenders)
        draft = SaleDraft(
            lines=lines,
            tenders=payment.tenders,
            rounding=payment.rounding,
            cashier=self.member,
            shift_id=shift.id if shift else None,
            kind=kind,
            original_sale_id=original,
            customer_card=card,
            points_earned=earned,
            points_balance=balance,
            order_id=self.order.id if self.order and kind == "sale" else None,
            order_approver_id=self.order_approver_id,
        )
        try:
            receipt = self.replica.sales.record_sale(identity, draft)
        except (sqlite3.Error, ValueError) as exc:
            log.exception("saving the sale failed")
            self._say(self.tr("The sale could not be saved ({}); the cart is kept, try again").format(exc), "error")
            return None
        self.last_receipt = receipt
        self._new_cart()
        self.payment_changed.emit(None)
        self._changed()
        self.sale_completed.emit(receipt)
        self.printer.print_receipt(receipt, open_drawer=any(t.method == "cash" for t in receipt.payments))
        return receipt

    def _points_for(
        self, lines: list[CartLine], kind: str, original: str | None, tenders: list[Tender]
    ) -> tuple[str | None, int, int | None]:
        """(member's card, points earned or taken back, balance after) for a sale or return."""
        spent = sum(t.amount for t in tenders if t.method == "points") // p.CENTS_PER_POINT
        if kind == "sale":
            member = self.customer
            if member is None:
                return None, 0, None
            money_paid = sum(t.net for t in tenders if t.method != "points")
            earned = loyalty.points_earned(money_paid, member.tier) if member.tier else 0
            current = self.member_now(member)
            return member.card, earned, current.points + earned - spent
        sale = self.replica.sales.receipt(original) if original else None
        if sale is None or not sale.customer_card:
            return None, 0, None
        returned = -sum(line.total for line in lines)
        taken = loyalty.points_taken_back(
            sale.points_earned, sale.total, returned, self.replica.sales.points_taken_back(sale.sale_id)
        )
        holder = self.replica.members.member(sale.customer_card)
        balance = None if holder is None else holder.points - taken - spent
        return sale.customer_card, -taken, balance

    # --- exceptions: void, park, return, reprint, invoice ------------------------------------------

    def void_needs_approval(self) -> bool:
        return self.session.needs_approval("sale.void")

    def void_sale(self, reason: str, approver: StaffMember | None = None) -> bool:
        """Abandon the sale in progress, with a reason; kept in the journal and sent to HQ."""
        if self.cart.is_empty:
            return False
        if self.payment is not None and self.payment.tenders:
            self._say(self.tr("Cancel the payment first"), "warning")
            return False
        if not reason.strip():
            self._say(self.tr("Say why the sale is voided"), "warning")
            return False
        if self.void_needs_approval() and approver is None:
            self._say(self.tr("Voiding a sale needs a manager's approval"), "warning")
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
                self._log_override("sale.void", approver, f"{reason.strip()}: {format_amount(self.cart.total)}")
        self._new_cart()
        self.payment_changed.emit(None)
        self._changed()
        self._say(self.tr("Sale voided"), "warning")
        return True

    def clear(self) -> None:
        """Empty the cart without a trace (only for a cart nobody started: tests and set-up)."""
        self._new_cart()
        self._changed()

    def park(self) -> int | None:
        """Put the sale aside (the customer forgot something) and start a new one."""
        if self.cart.is_empty or self.payment is not None:
            return None
        label = f"{self.cart.lines[0].item.name} · {self.money(self.cart.total)}"
        lines = [parked_line(ln) for ln in self.cart.lines]
        card = self.customer.card if self.customer else None
        parked_id = self.replica.sales.park(
            self.member.id if self.member else None, label, {"lines": lines, "customer": card}
        )
        self._new_cart()
        self._changed()
        self._say(self.tr("Sale parked: {}").format(label), "info")
        return parked_id

    def parked(self) -> list[tuple[int, str, str]]:
        return self.replica.sales.parked()

    def resume(self, parked_id: int) -> bool:
        """Bring a parked sale back (the current cart must be empty). Prices are looked up again,
        except weighed and price-embedded items, which keep the price on their label."""
        if not self.cart.is_empty:
            self._say(self.tr("Finish or park the current sale first"), "warning")
            return False
        data = self.replica.sales.unpark(parked_id)
        if data is None:
            self._say(self.tr("That parked sale is gone (resumed at another moment)"), "warning")
            return False
        self._new_cart()
        for raw in data["lines"]:
            item = self.replica.item_by_sku_id(raw["sku_id"])
            if item is None:
                self._say(self.tr("{} is no longer sold: left out").format(raw["name"]), "warning")
                continue
            self.cart.lines.append(resumed_line(raw, item, self._label_priced(raw["barcode"])))
        self.cart.reprice()
        card = data.get("customer")
        member = self.replica.members.member(card) if card else None
        if member is not None:
            self.set_customer(member)
        self._changed()
        self._say(self.tr("Sale resumed"), "ok")
        return True

    def _label_priced(self, barcode: str) -> bool:
        try:
            return embedded_value(normalise(barcode), self.settings.embedded_layout) is not None
        except BarcodeError:
            return False

    def find_receipt(self, text: str) -> tuple[str, list[ReturnableLine]] | None:
        """A receipt of this till (or one fetched before) by its number as printed or scanned
        from its barcode; None if this till does not have it (ask_hq_for_receipt then)."""
        sale_id = self.replica.sales.sale_id_by_number(text)
        if sale_id is None:
            return None
        return sale_id, self.replica.sales.returnable_lines(sale_id)

    async def ask_hq_for_receipt(self, text: str) -> tuple[str, list[ReturnableLine]] | str:
        """A receipt of another till of the chain, from HQ (kept here for the return), with what
        other tills have already taken back of it; else why not, in a sentence (also said)."""
        number = text.strip()
        found: p.ReceiptFound | None = None
        if self.receipt_lookup is None:
            why = self.tr("No receipt {} at this till").format(number)
        else:
            try:
                found = await self.receipt_lookup(number)
            except Exception as exc:  # offline, or HQ refused: said, and the return can wait
                log.info("receipt %s: HQ could not be asked (%r)", number, exc)
                why = self.tr(
                    "Receipt {} is not from this till and HQ cannot be reached now: take the return when the "
                    "connection is back, or at the till that sold it"
                ).format(number)
            else:
                why = self.tr("No receipt {} in the chain (or its till has not sent it yet)").format(number)
        if found is None:
            self._say(why, "error")
            return why
        sale_id = self.replica.sales.keep_foreign_receipt(found)
        return sale_id, self.replica.sales.returnable_lines(sale_id)

    def return_needs_approval(self, with_receipt: bool) -> bool:
        return self.session.needs_approval("return.with_receipt" if with_receipt else "return.without_receipt")

    async def refund_from_receipt(
        self, sale_id: str, quantities: dict[int, int], approver: StaffMember | None = None
    ) -> Receipt | None:
        """Give back units of a receipt's lines ({line number: units}) at the price paid (its
        discounts included, pro rata), by the receipt's own payment methods. Stock comes back."""
        returnable = {r.line_no: r for r in self.replica.sales.returnable_lines(sale_id)}
        lines = []
        for line_no, qty in sorted(quantities.items()):
            found = returnable.get(line_no)
            if qty <= 0:
                continue
            if found is None or qty > found.returnable:
                self._say(
                    self.tr("Only {} of that line can still be returned").format(found.returnable if found else 0),
                    "error",
                )
                return None
            original = found.line
            item = PricedItem(
                original.sku_id, original.sku_code, original.name, original.unit_price, original.tax_rate_bp,
                price_per_kg=original.price_per_kg,
            )  # fmt: skip
            line = CartLine(item, -qty, weight_g=original.weight_g)
            if original.discount:
                given_back = round_half_up_div(original.discount * qty, original.quantity)
                line.discounts = [Discount(self.tr("Discount given back"), -given_back)]
            lines.append(line)
        return await self._refund(lines, sale_id, approver)

    async def refund_without_receipt(self, approver: StaffMember | None = None) -> Receipt | None:
        """The items rung up in the cart go back without a receipt: today's price, in cash, with
        a manager's approval. The cart is emptied only once the refund is saved."""
        lines = [CartLine(ln.item, -ln.quantity, weight_g=ln.weight_g) for ln in self.cart.lines]
        return await self._refund(lines, None, approver, from_cart=True)

    async def _refund(
        self, lines: list[CartLine], sale_id: str | None, approver: StaffMember | None, from_cart: bool = False
    ) -> Receipt | None:
        if (not from_cart and not self.cart.is_empty) or self.payment is not None:
            self._say(self.tr("Finish the sale in progress first"), "warning")
            return None
        if not lines:
            self._say(self.tr("Choose what is returned"), "warning")
            return None
        if self.return_needs_approval(sale_id is not None) and approver is None:
            self._say(self.tr("This return needs a manager's approval"), "warning")
            return None
        problem = self._why_cannot_record()
        if problem:
            self._say(problem, "error")
            return None
        total = sum(line.total for line in lines)
        payment = self.payment = Payment(total, cash_step=self.settings.cash_step)
        original = self.replica.sales.receipt(sale_id) if sale_id else None
        for method, amount in refund_plan(total, list(original.payments) if original else []):
            if method == "cash":
                payment.add_cash()
                continue
            if method == "points":
                payment.add_points_refund(amount)
                continue
            reference = uuid.uuid4().hex[:12].upper()
            answer = await self._card_outcome("refund", -amount, reference)
            if answer is None:
                self.payment = None
                self._say(
                    self.tr(
                        "The terminal did not say whether the card was refunded: nothing was recorded. Check the "
                        "terminal's last receipt."
                    ),
                    "error",
                )
                return None
            if not answer.approved:
                self.payment = None
                log.warning("card refund %s of %s declined: %s", reference, amount, answer.message)
                self._say(self.tr("The card refund was declined: {}").format(answer.message), "error")
                return None
            payment.add_card(amount, answer.auth_code or reference, answer.terminal or self.terminal.name)
        receipt = self._record(lines, "return", sale_id)
        if receipt is None:
            self.payment = None
            return None
        if approver is not None:
            action = "return.with_receipt" if sale_id else "return.without_receipt"
            self._log_override(action, approver, f"{receipt.receipt_no}: {format_amount(receipt.total)}")
        self._say(self.tr("Refund {} saved: {}").format(receipt.receipt_no, self.money(-receipt.total)), "ok")
        return receipt

    def reprint(self, sale_id: str | None = None) -> Receipt | None:
        identity = self.identity
        sale_id = sale_id or self.replica.sales.last_sale_id()
        if sale_id is None or identity is None:
            self._say(self.tr("No receipt to reprint yet"), "warning")
            return None
        receipt = self.replica.sales.receipt(sale_id, identity.store_name, identity.till_code)
        if receipt is not None:
            self.printer.print_receipt(receipt)
        return receipt

    def issue_invoice(self, sale_id: str, tax_id: str, name: str, address: str = "") -> Receipt | None:
        """A full invoice for a receipt (its F3 record), for a customer whose Spanish NIF checks."""
        identity = self.identity
        if identity is None:
            return None
        try:
            number = self.replica.sales.issue_invoice(identity, sale_id, tax_id, name.strip(), address.strip())
        except NifError as exc:
            self._say(self.tr("{} is not a valid Spanish NIF: check it with the customer").format(exc.code), "error")
            return None
        except ValueError as exc:
            self._say(explain(exc), "error")
            return None
        self._say(self.tr("Full invoice {} issued").format(number), "ok")
        receipt = self.reprint(sale_id)
        if receipt is not None and self.last_receipt is not None and self.last_receipt.sale_id == sale_id:
            self.last_receipt = receipt
        return receipt

    def cancel_invoice(self, sale_id: str, reason: str = "") -> Receipt | None:
        """Cancel the full invoice that stands for a receipt (its registro de anulación); the
        receipt stands and can be invoiced again. Returns the receipt as it now reads."""
        identity = self.identity
        if identity is None:
            return None
        member = self.member
        try:
            number = self.replica.sales.cancel_invoice(identity, sale_id, reason, member.id if member else None)
        except ValueError:
            self._say(self.tr("This receipt has no full invoice to cancel"), "warning")
            return None
        self._say(self.tr("Full invoice {} cancelled: the receipt can be invoiced again").format(number), "ok")
        receipt = self.replica.sales.receipt(sale_id, identity.store_name, identity.till_code)
        if receipt is not None and self.last_receipt is not None and self.last_receipt.sale_id == sale_id:
            self.last_receipt = receipt
        return receipt
