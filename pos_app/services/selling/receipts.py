"""Receipts already made: reprint one, issue its full invoice (F3) or cancel that invoice."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from pos_app.domain.receipt import Receipt
from pos_app.services.explain import explain
from pos_app.services.selling.part import SalePart
from sync.rules.verifactu import NifError

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


class Receipts(SalePart):
    """`sales.receipts`: what happens to a receipt after the sale."""

    def reprint(self, sale_id: str | None = None) -> Receipt | None:
        identity = self.sale.identity
        sale_id = sale_id or self.sale.replica.sales.last_sale_id()
        if sale_id is None or identity is None:
            self.sale.say(self.tr("No receipt to reprint yet"), "warning")
            return None
        receipt = self.sale.replica.sales.receipt(sale_id, identity.store_name, identity.till_code)
        if receipt is not None:
            self.sale.printer.print_receipt(receipt)
        return receipt

    def issue_invoice(self, sale_id: str, tax_id: str, name: str, address: str = "") -> Receipt | None:
        """A full invoice for a receipt (its F3 record), for a customer whose Spanish NIF checks."""
        identity = self.sale.identity
        if identity is None:
            return None
        try:
            number = self.sale.replica.sales.issue_invoice(identity, sale_id, tax_id, name.strip(), address.strip())
        except NifError as exc:
            self.sale.say(
                self.tr("{} is not a valid Spanish NIF: check it with the customer").format(exc.code), "error"
            )
            return None
        except ValueError as exc:
            self.sale.say(explain(exc), "error")
            return None
        self.sale.say(self.tr("Full invoice {} issued").format(number), "ok")
        receipt = self.reprint(sale_id)
        if receipt is not None and self.sale.last_receipt is not None and self.sale.last_receipt.sale_id == sale_id:
            self.sale.last_receipt = receipt
        return receipt

    def cancel_invoice(self, sale_id: str, reason: str = "") -> Receipt | None:
        """Cancel the full invoice that stands for a receipt (its registro de anulación); the
        receipt stands and can be invoiced again. Returns the receipt as it now reads."""
        identity = self.sale.identity
        if identity is None:
            return None
        member = self.sale.member
        try:
            number = self.sale.replica.sales.cancel_invoice(identity, sale_id, reason, member.id if member else None)
        except ValueError:
            self.sale.say(self.tr("This receipt has no full invoice to cancel"), "warning")
            return None
        self.sale.say(self.tr("Full invoice {} cancelled: the receipt can be invoiced again").format(number), "ok")
        receipt = self.sale.replica.sales.receipt(sale_id, identity.store_name, identity.till_code)
        if receipt is not None and self.sale.last_receipt is not None and self.sale.last_receipt.sale_id == sale_id:
            self.sale.last_receipt = receipt
        return receipt
