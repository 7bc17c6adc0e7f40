"""Paying for the sale: cash, points and card tenders, the card terminal's answer, and
recording the sale (or a return) with its points movement once it is paid.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import uuid
from typing import TYPE_CHECKING

from pos_app.domain.cart import CartLine, Tender
from pos_app.domain.payment import Payment, PaymentError
from pos_app.domain.receipt import Receipt
from pos_app.services.explain import explain
from pos_app.services.selling.part import SalePart
from pos_app.services.terminal import StandaloneTerminal, TerminalAnswer
from pos_app.store.till_records import SaleDraft
from sync import protocol as p
from sync.rules import loyalty

if TYPE_CHECKING:
    from pos_app.services.selling.sale import SaleService

log = logging.getLogger(__name__)


class Checkout(SalePart):
    """`sales.checkout`: the payment of the cart in progress and the recording of what it pays for."""

    def __init__(self, sale: SaleService) -> None:
        super().__init__(sale)
        self._card_busy = False
        self._charged: list[str] = []  # the references of this payment's approved card charges

    def begin_payment(self) -> Payment | None:
        if self.sale.payment is not None:
            return self.sale.payment
        if self.sale.cart.is_empty:
            self.sale.say(self.tr("The cart is empty"), "warning")
            return None
        problem = self.sale.why_cannot_record()
        if problem:
            self.sale.say(problem, "error")
            return None
        self.sale.payment = Payment(self.sale.cart.total, cash_step=self.sale.settings.cash_step)
        self._charged = []
        self.sale.payment_changed.emit(self.sale.payment)
        return self.sale.payment

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
            self.sale.say(explain(exc), "error")
            return None
        if tender.change:
            self.sale.say(self.tr("Change: {}").format(self.sale.money(tender.change)), "ok")
        self.sale.payment_changed.emit(payment)
        return self._complete_if_settled()

    def pay_points(self, amount: int | None = None) -> Receipt | None:
        """Pay with the member's points (None: as much as they may spend, up to what is left)."""
        payment = self.begin_payment()
        member = self.sale.customer
        if payment is None:
            return None
        if member is None:
            self.sale.say(self.tr("Identify the member first (F1)"), "warning")
            return None
        member = self.sale.customers.member_now(member)
        cap = loyalty.points_value(member.redeemable, p.CENTS_PER_POINT)
        already = sum(t.amount for t in payment.tenders if t.method == "points")
        cap -= already
        amount = min(payment.remaining, cap) if amount is None else amount
        try:
            payment.add_points(amount, cap)
        except PaymentError as exc:
            self.sale.say(
                self.tr("{} (may spend here now: {} points)").format(exc, max(0, member.redeemable - already)), "error"
            )
            return None
        self.sale.payment_changed.emit(payment)
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
            self.sale.say(explain(exc), "error")
            return None
        reference = uuid.uuid4().hex[:12].upper()
        self._card_busy = True
        self.sale.say(
            self.tr("Card: {} on the terminal. Ask the customer to follow it.").format(self.sale.money(amount))
        )
        try:
            answer = await self.card_outcome("charge", amount, reference)
        finally:
            self._card_busy = False
        if answer is None:
            self.sale.say(
                self.tr(
                    "The terminal did not say whether the card was charged: nothing was recorded. Check the "
                    "terminal's last receipt before charging again."
                ),
                "error",
            )
            return None
        if self.sale.payment is not payment and answer.approved:  # cancelled meanwhile
            await self._reverse(reference)
            return None
        if not answer.approved:
            self.sale.say(self.tr("Card declined: {}. Pay another way.").format(answer.message), "error")
            return None
        payment.add_card(amount, answer.auth_code or reference, answer.terminal or self.sale.terminal.name)
        self._charged.append(reference)  # the terminal's reference, for a reversal (the tender keeps the code)
        self.sale.payment_changed.emit(payment)
        return self._complete_if_settled()

    async def card_outcome(self, what: str, amount: int, reference: str) -> TerminalAnswer | None:
        """The terminal's answer to a charge or refund. If it does not come in time, or the
        connection drops, or the answer is unusable, the terminal is asked what became of the
        request (nexo TransactionStatus) until it says, for as long again: never a guess. None
        when it still cannot say (the cashier checks the terminal; the log keeps the reference)."""
        request = self.sale.terminal.charge if what == "charge" else self.sale.terminal.refund
        # A stand-alone terminal's answer is the cashier's, who takes the time it takes.
        waits = None if isinstance(self.sale.terminal, StandaloneTerminal) else self.sale.settings.card_timeout
        try:
            return await asyncio.wait_for(request(amount, reference), waits)
        except Exception as exc:  # a timeout, a dropped connection, an answer that is not one
            log.warning("card %s %s: no usable answer (%r); asking the terminal", what, reference, exc)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.sale.settings.card_timeout
        while True:
            try:
                found = await asyncio.wait_for(self.sale.terminal.status(reference), self.sale.settings.card_timeout)
            except Exception as exc:  # still busy with the customer, or unreachable for now
                log.info("card %s %s: the terminal cannot say yet (%r)", what, reference, exc)
            else:
                if found is None:
                    log.info("card %s %s: the terminal never received it", what, reference)
                    return TerminalAnswer(False, reference, message=self.tr("the terminal did not receive it"))
                log.info("card %s %s: the terminal says %s", what, reference, "approved" if found.approved else "no")
                return found
            if loop.time() + self.sale.settings.status_interval > deadline:
                log.error("card %s %s of %s: outcome unknown; reconcile with the terminal", what, reference, amount)
                return None
            await asyncio.sleep(self.sale.settings.status_interval)

    async def _reverse(self, reference: str) -> None:
        try:
            await asyncio.wait_for(self.sale.terminal.reverse(reference), self.sale.settings.card_timeout)
        except Exception:
            log.exception("reversing card payment %s failed: reconcile with the terminal's report", reference)

    async def cancel_payment(self) -> None:
        """Back to the cart. Card payments already taken are reversed on the terminal."""
        payment, self.sale.payment = self.sale.payment, None
        if payment is None:
            return
        charged, self._charged = self._charged, []
        for reference in charged:  # by the terminal's reference (a tender holds the approval code)
            await self._reverse(reference)
        if any(t.method == "cash" for t in payment.tenders):
            self.sale.say(self.tr("Payment cancelled: give the cash back to the customer"), "warning")
        self.sale.payment_changed.emit(None)

    def drop_payment(self) -> None:
        """Back to the cart where no event loop runs (set-up, tests): no card can have been
        charged without one, so there is nothing to reverse."""
        if self._charged:
            raise RuntimeError("card charges to reverse: cancel_payment() on the event loop")
        if self.sale.payment is not None:
            self.sale.payment = None
            self.sale.payment_changed.emit(None)

    def _complete_if_settled(self) -> Receipt | None:
        payment = self.sale.payment
        if payment is None or not payment.is_settled:
            return None
        return self.record(self.sale.cart.lines, "sale", None)

    def record(self, lines: list[CartLine], kind: str, original: str | None) -> Receipt | None:
        identity = self.sale.identity
        payment = self.sale.payment
        assert payment is not None
        problem = self.sale.why_cannot_record()
        if identity is None or problem:
            self.sale.say(problem or "", "error")
            return None
        shift = self.sale.replica.sales.open_shift_now()
        card, earned, balance = self._points_for(lines, kind, original, payment.tenders)
        draft = SaleDraft(
            lines=lines,
            tenders=payment.tenders,
            rounding=payment.rounding,
            cashier=self.sale.member,
            shift_id=shift.id if shift else None,
            kind=kind,
            original_sale_id=original,
            customer_card=card,
            points_earned=earned,
            points_balance=balance,
            order_id=self.sale.order.id if self.sale.order and kind == "sale" else None,
            order_approver_id=self.sale.order_approver_id,
        )
        try:
            receipt = self.sale.replica.sales.record_sale(identity, draft)
        except (sqlite3.Error, ValueError) as exc:
            log.exception("saving the sale failed")
            self.sale.say(self.tr("The sale could not be saved ({}); the cart is kept, try again").format(exc), "error")
            return None
        self.sale.last_receipt = receipt
        self.sale.new_cart()
        self.sale.payment_changed.emit(None)
        self.sale.cart_did_change()
        self.sale.sale_completed.emit(receipt)
        self.sale.printer.print_receipt(receipt, open_drawer=any(t.method == "cash" for t in receipt.payments))
        return receipt

    def _points_for(
        self, lines: list[CartLine], kind: str, original: str | None, tenders: list[Tender]
    ) -> tuple[str | None, int, int | None]:
        """(member's card, points earned or taken back, balance after) for a sale or return: the
        figures this till has, the arithmetic the shared rules' (loyalty.sale_points, return_points)."""
        in_points = sum(t.amount for t in tenders if t.method == "points")
        if kind == "sale":
            member = self.sale.customer
            if member is None:
                return None, 0, None
            money_paid = sum(t.net for t in tenders if t.method != "points")
            balance = self.sale.customers.member_now(member).points
            earned, balance_after = loyalty.sale_points(money_paid, in_points, member.tier, balance, p.CENTS_PER_POINT)
            return member.card, earned, balance_after
        sale = self.sale.replica.sales.receipt(original) if original else None
        if sale is None or not sale.customer_card:
            return None, 0, None
        holder = self.sale.replica.members.member(sale.customer_card)
        moved, after = loyalty.return_points(
            sale.points_earned,
            sale.total,
            -sum(line.total for line in lines),
            self.sale.replica.sales.points_taken_back(sale.sale_id),
            in_points,
            None if holder is None else holder.points,
            p.CENTS_PER_POINT,
        )
        return sale.customer_card, moved, after
