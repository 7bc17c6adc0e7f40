"""Returns: a receipt found here or at HQ, what may still come back of it, and the refund by
the receipt's own payment methods (or, without a receipt, in cash with a manager's approval).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from pos_app.domain.cart import CartLine, PricedItem
from pos_app.domain.payment import Payment, refund_plan
from pos_app.domain.promotions import Discount
from pos_app.domain.receipt import Receipt
from pos_app.services.selling.part import SalePart
from pos_app.store.till_records import ReturnableLine
from sync import protocol as p
from sync.rules.money import format_amount, round_half_up_div
from sync.rules.staff import StaffMember

if TYPE_CHECKING:
    from pos_app.services.selling.sale import SaleService

log = logging.getLogger(__name__)


class Returns(SalePart):
    """`sales.returns`: refunds, with or without the receipt."""

    def __init__(self, sale: SaleService) -> None:
        super().__init__(sale)
        # HQ's copy of another till's receipt, for a return here (the Till sets it: its sync engine).
        self.receipt_lookup: Callable[[str], Awaitable[p.ReceiptFound | None]] | None = None

    def find_receipt(self, text: str) -> tuple[str, list[ReturnableLine]] | None:
        """A receipt of this till (or one fetched before) by its number as printed or scanned
        from its barcode; None if this till does not have it (ask_hq_for_receipt then)."""
        sale_id = self.sale.replica.sales.sale_id_by_number(text)
        if sale_id is None:
            return None
        return sale_id, self.sale.replica.sales.returnable_lines(sale_id)

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
            self.sale.say(why, "error")
            return why
        sale_id = self.sale.replica.sales.keep_foreign_receipt(found)
        return sale_id, self.sale.replica.sales.returnable_lines(sale_id)

    def return_needs_approval(self, with_receipt: bool) -> bool:
        return self.sale.session.needs_approval("return.with_receipt" if with_receipt else "return.without_receipt")

    async def refund_from_receipt(
        self, sale_id: str, quantities: dict[int, int], approver: StaffMember | None = None
    ) -> Receipt | None:
        """Give back units of a receipt's lines ({line number: units}) at the price paid (its
        discounts included, pro rata), by the receipt's own payment methods. Stock comes back."""
        returnable = {r.line_no: r for r in self.sale.replica.sales.returnable_lines(sale_id)}
        lines = []
        for line_no, qty in sorted(quantities.items()):
            found = returnable.get(line_no)
            if qty <= 0:
                continue
            if found is None or qty > found.returnable:
                self.sale.say(
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
        lines = [CartLine(ln.item, -ln.quantity, weight_g=ln.weight_g) for ln in self.sale.cart.lines]
        return await self._refund(lines, None, approver, from_cart=True)

    async def _refund(
        self, lines: list[CartLine], sale_id: str | None, approver: StaffMember | None, from_cart: bool = False
    ) -> Receipt | None:
        if (not from_cart and not self.sale.cart.is_empty) or self.sale.payment is not None:
            self.sale.say(self.tr("Finish the sale in progress first"), "warning")
            return None
        if not lines:
            self.sale.say(self.tr("Choose what is returned"), "warning")
            return None
        if self.return_needs_approval(sale_id is not None) and approver is None:
            self.sale.say(self.tr("This return needs a manager's approval"), "warning")
            return None
        problem = self.sale.why_cannot_record()
        if problem:
            self.sale.say(problem, "error")
            return None
        total = sum(line.total for line in lines)
        payment = self.sale.payment = Payment(total, cash_step=self.sale.settings.cash_step)
        original = self.sale.replica.sales.receipt(sale_id) if sale_id else None
        for method, amount in refund_plan(total, list(original.payments) if original else []):
            if method == "cash":
                payment.add_cash()
                continue
            if method == "points":
                payment.add_points_refund(amount)
                continue
            reference = uuid.uuid4().hex[:12].upper()
            answer = await self.sale.checkout.card_outcome("refund", -amount, reference)
            if answer is None:
                self.sale.payment = None
                self.sale.say(
                    self.tr(
                        "The terminal did not say whether the card was refunded: nothing was recorded. Check the "
                        "terminal's last receipt."
                    ),
                    "error",
                )
                return None
            if not answer.approved:
                self.sale.payment = None
                log.warning("card refund %s of %s declined: %s", reference, amount, answer.message)
                self.sale.say(self.tr("The card refund was declined: {}").format(answer.message), "error")
                return None
            payment.add_card(amount, answer.auth_code or reference, answer.terminal or self.sale.terminal.name)
        receipt = self.sale.checkout.record(lines, "return", sale_id)
        if receipt is None:
            self.sale.payment = None
            return None
        if approver is not None:
            action = "return.with_receipt" if sale_id else "return.without_receipt"
            self.sale.log_override(action, approver, f"{receipt.receipt_no}: {format_amount(receipt.total)}")
        self.sale.say(self.tr("Refund {} saved: {}").format(receipt.receipt_no, self.sale.money(-receipt.total)), "ok")
        return receipt
