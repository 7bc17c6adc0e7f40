"""Paying for a sale: cash with change and optional cash rounding, card, or a split of both.

A sale is complete only when what was tendered covers the amount due; until then nothing is
saved, so a declined card or an abandoned payment never leaves a half-paid sale behind.
Cash rounding (a store setting, off by default): when cash settles what is left, that amount is
rounded to the step (0.05, say); the difference is the sale's `rounding` and is on the receipt.
A refund is the same with negative amounts: money goes back by the original sale's methods.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pos_app.domain.cart import Tender
from sync.rules.errors import ShopError
from sync.rules.money import round_to_step


class PaymentError(ShopError):
    """A tender that cannot be taken (code and params: sync/rules/errors.py)."""


@dataclass(slots=True)
class Payment:
    total: int  # what the lines add up to (negative for a refund)
    cash_step: int = 1  # cash rounding step in cents; 1 = no rounding
    tenders: list[Tender] = field(default_factory=list)
    rounding: int = 0

    @property
    def paid(self) -> int:
        return sum(t.net for t in self.tenders)

    @property
    def remaining(self) -> int:
        """What is still to pay (for a refund: still to give back, as a negative amount)."""
        return self.total + self.rounding - self.paid

    @property
    def is_settled(self) -> bool:
        return self.remaining == 0 and bool(self.tenders)

    def cash_due(self) -> int:
        """What cash would settle now, after cash rounding."""
        return round_to_step(self.remaining, self.cash_step)

    def add_cash(self, given: int | None = None) -> Tender:
        """Cash handed over (None: exactly what is due). Less than due is a part payment."""
        remaining = self.remaining
        if remaining == 0:
            raise PaymentError("payment.nothing_left", "Nothing left to pay")
        if remaining < 0:  # a refund in cash: give back what is due, rounded
            due = round_to_step(remaining, self.cash_step)
            self.rounding += due - remaining
            tender = Tender("cash", due)
            self.tenders.append(tender)
            return tender
        due = self.cash_due()
        given = due if given is None else given
        if given <= 0:
            raise PaymentError("payment.cash_needed", "Enter the cash handed over")
        if given >= due:
            self.rounding += due - remaining
            tender = Tender("cash", given, change=given - due)
        else:
            tender = Tender("cash", given)
        self.tenders.append(tender)
        return tender

    def check_card_amount(self, amount: int) -> None:
        remaining = self.remaining
        if remaining > 0 and not 0 < amount <= remaining:
            raise PaymentError("payment.card_over", "A card pays at most what is left to pay")
        if remaining < 0 and not remaining <= amount < 0:
            raise PaymentError("payment.card_refund_over", "A card refund gives back at most what is left to refund")
        if remaining == 0:
            raise PaymentError("payment.nothing_left", "Nothing left to pay")

    def add_card(self, amount: int, reference: str, terminal: str = "") -> Tender:
        """A card payment the terminal approved (never call this for a declined one)."""
        self.check_card_amount(amount)
        tender = Tender("card", amount, reference=reference, terminal=terminal)
        self.tenders.append(tender)
        return tender

    def add_points(self, amount: int, redeemable_cents: int) -> Tender:
        """Loyalty points as a payment, up to what is left and what the member may spend here."""
        remaining = self.remaining
        if remaining <= 0:
            raise PaymentError("payment.nothing_left", "Nothing left to pay")
        if redeemable_cents <= 0:
            raise PaymentError("payment.no_points", "The member has no points to spend")
        if not 0 < amount <= min(remaining, redeemable_cents):
            raise PaymentError("payment.points_over", "Points pay at most what is left and what the member may spend")
        tender = Tender("points", amount)
        self.tenders.append(tender)
        return tender

    def add_points_refund(self, amount: int) -> Tender:
        """Points given back to the member on a refund (amount negative)."""
        tender = Tender("points", amount)
        self.tenders.append(tender)
        return tender


def refund_plan(total: int, original: list[Tender]) -> list[tuple[str, int]]:
    """How a refund of `total` (negative) goes back: to the original methods, card first (it
    cannot be paid out in cash by mistake), then points (back to the member), each up to what it
    paid; whatever is left in cash."""
    left = -total
    plan: list[tuple[str, int]] = []
    order = {"card": 0, "points": 1}
    for tender in sorted(original, key=lambda t: order.get(t.method, 2)):
        if left <= 0:
            break
        if tender.method in order and tender.net > 0:
            take = min(left, tender.net)
            plan.append((tender.method, -take))
            left -= take
    if left > 0:
        plan.append(("cash", -left))
    return plan
