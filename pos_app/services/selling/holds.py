"""Sales put on hold: park the cart (the customer forgot something) and resume it later.

A parked line's form and how it comes back are the domain's (cart.parked_line, resumed_line).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from pos_app.domain.cart import parked_line, resumed_line
from pos_app.services.selling.part import SalePart

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


class Holds(SalePart):
    """`sales.holds`: parked sales."""

    def park(self) -> int | None:
        """Put the sale aside (the customer forgot something) and start a new one."""
        if self.sale.cart.is_empty or self.sale.payment is not None:
            return None
        label = f"{self.sale.cart.lines[0].item.name} · {self.sale.money(self.sale.cart.total)}"
        lines = [parked_line(ln) for ln in self.sale.cart.lines]
        card = self.sale.customer.card if self.sale.customer else None
        parked_id = self.sale.replica.sales.park(
            self.sale.member.id if self.sale.member else None, label, {"lines": lines, "customer": card}
        )
        self.sale.new_cart()
        self.sale.cart_did_change()
        self.sale.say(self.tr("Sale parked: {}").format(label), "info")
        return parked_id

    def parked(self) -> list[tuple[int, str, str]]:
        return self.sale.replica.sales.parked()

    def resume(self, parked_id: int) -> bool:
        """Bring a parked sale back (the current cart must be empty). Prices are looked up again,
        except weighed and price-embedded items, which keep the price on their label."""
        if not self.sale.cart.is_empty:
            self.sale.say(self.tr("Finish or park the current sale first"), "warning")
            return False
        data = self.sale.replica.sales.unpark(parked_id)
        if data is None:
            self.sale.say(self.tr("That parked sale is gone (resumed at another moment)"), "warning")
            return False
        self.sale.new_cart()
        for raw in data["lines"]:
            item = self.sale.replica.item_by_sku_id(raw["sku_id"])
            if item is None:
                self.sale.say(self.tr("{} is no longer sold: left out").format(raw["name"]), "warning")
                continue
            self.sale.cart.lines.append(resumed_line(raw, item, self.sale.label_priced(raw["barcode"])))
        self.sale.cart.reprice()
        card = data.get("customer")
        member = self.sale.replica.members.member(card) if card else None
        if member is not None:
            self.sale.set_customer(member)
        self.sale.cart_did_change()
        self.sale.say(self.tr("Sale resumed"), "ok")
        return True
