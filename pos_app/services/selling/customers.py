"""The sale's loyalty customer: finding and enrolling members, their figures, history and offers.

The member identified for the sale is the sale's (SaleService.set_customer: it reprices the
cart); this part finds them, enrols them and reads what the panel shows.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from pos_app.services.explain import explain
from pos_app.services.selling.part import SalePart
from pos_app.store.members import DuplicateMember, Member
from pos_app.store.replica import now_utc
from sync import protocol as p
from sync.rules import loyalty

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


class Customers(SalePart):
    """`sales.customers`: members found, enrolled and described for the cashier."""

    def find_members(self, text: str) -> list[Member]:
        """Members matching a card, phone, e-mail or name typed or scanned (offline: the replica)."""
        try:
            found = self.sale.replica.members.find_members(text)
        except loyalty.IdentificationError as exc:
            self.sale.say(explain(exc), "error")
            return []
        if not found:
            self.sale.say(self.tr("No member found for '{}'").format(text.strip()), "warning")
        return found

    def enrol(self, name: str, phone: str, email: str, marketing_consent: bool) -> Member | None:
        """Enrol the customer as a member (offline too) and identify them for this sale. A phone
        or e-mail that already belongs to a member is refused, naming that member (F1 finds them)."""
        identity = self.sale.identity
        if identity is None:
            self.sale.say(self.tr("This till is not set up yet: no sale can be saved"), "error")
            return None
        try:
            member = self.sale.replica.members.enrol_member(
                identity, name, phone or None, email or None, marketing_consent
            )
        except DuplicateMember as exc:
            self.sale.say(
                self.tr("Already a member: {} ({}). Not enrolled twice.").format(exc.name, exc.card), "warning"
            )
            return None
        except (loyalty.IdentificationError, ValueError) as exc:
            self.sale.say(explain(exc), "error")
            return None
        self.sale.set_customer(member)
        self.sale.say(self.tr("Welcome, {}: card {}").format(member.name, member.card), "ok")
        return member

    def member_now(self, member: Member) -> Member:
        """The member's latest figures (points pending here included)."""
        return self.sale.replica.members.member(member.card) or member

    def purchases_here(self, card: str) -> list[p.Purchase]:
        """The member's purchases at this till (what the panel shows when HQ cannot be asked)."""
        identity = self.sale.identity
        return self.sale.replica.members.purchases_here(card, identity.store_name if identity else "")

    def suggestions(self, bought: list[int], limit: int = 3) -> list[str]:
        """Names of products related to what was bought and what is in the cart, not in it."""
        in_cart = [line.item.sku_id for line in self.sale.cart.lines]
        return [
            name for _, name in self.sale.replica.members.suggestions(bought + in_cart, exclude=in_cart, limit=limit)
        ]

    def member_offers(self) -> list[str]:
        """Names of the promotions reserved to the member's tier or segments, in force here now."""
        member, identity = self.sale.customer, self.sale.identity
        if member is None or identity is None:
            return []
        return [
            promo.name
            for promo in self.sale.replica.sales.promotions_in_force(
                now_utc(), identity.store_id, tier=member.tier_code, tags=member.tags, restricted_only=True
            )
        ]
