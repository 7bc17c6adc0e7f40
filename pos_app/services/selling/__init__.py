"""Ringing up a sale, by concern (as Anki's Collection composes its managers):

- sale.py: `SaleService`, the sale in progress: the cart (scan, search, quantities, discounts,
  units held for orders, an order's hand-over), its customer, void; its signals are the ones
  the screens connect to, and it composes the parts below;
- customers.py: `sales.customers`, loyalty members found, enrolled and described;
- checkout.py: `sales.checkout`, cash, points and card payments and recording the sale;
- holds.py: `sales.holds`, parked sales;
- returns.py: `sales.returns`, refunds with or without the receipt;
- receipts.py: `sales.receipts`, reprints and full invoices.
"""

from pos_app.services.selling.sale import SaleService, SaleSettings

__all__ = ["SaleService", "SaleSettings"]
