"""Click&collect orders and reservations at HQ: promises the stores can keep.

The web shop and customer service (`/channel/...` in app.py) ask what a store can promise,
place orders that reserve units in the same transaction, cancel them and read their status.
Tills learn of their store's orders through the change log (entity `order`) and send what they
do to them as facts (`order.step`, `order.placed` for a reservation made at the till, a sale
with `order_id` for a hand-over paid at the counter).

What may be promised (sync/rules/orders.py): the store's last confirmed figure, minus
what open orders hold there, minus a safety margin growing with the time since the least
recently heard-of till of that store was last in touch (any of them may have sold units HQ has
not heard of). A fact that leaves a store with fewer units than its orders hold (a till that
was offline sold the last one) flags the newest orders that can no longer be served: a
`broken_promise` exception for HQ, the order's problem on the store's pickup screen and in its
status, and a notification to the customer's channel. Nothing is cancelled silently.

Promises at a store are checked and made one at a time: on PostgreSQL under a transaction
advisory lock per store (Lock.ORDER, store id), taken by order placement and by every push
that moves that store's stock before it re-checks its orders, so neither can miss the other;
on SQLite the writer lock does the same.

Notifications are rows of `notifications`, written in the transaction of the change that
causes them and delivered afterwards (at least once: each carries its id for the receiver to
drop repeats) by `deliver_notifications`, with growing delays between failed attempts.

What the rest of the server uses is imported here. The package has one module per concern,
lowest first: notifications; records (an order's rows and the step that moves it); promises;
then channel (the /channel API) and facts (what tills push) over them.
"""

from sync.server.orders.channel import (
    CustomerIn,
    NewOrder,
    NotAvailable,
    OrderLineIn,
    ReferenceReused,
    cancel_order,
    order_status,
    place_order,
)
from sync.server.orders.facts import OrderFacts, apply_order_facts, expire_due
from sync.server.orders.notifications import Sender, deliver_notifications, webhook
from sync.server.orders.promises import Availability, availability, check_promises, stock_to_promise
from sync.server.orders.records import OrderNotFound, OrderStatus, snapshot_rows

__all__ = [
    "Availability",
    "CustomerIn",
    "NewOrder",
    "NotAvailable",
    "OrderFacts",
    "OrderLineIn",
    "OrderNotFound",
    "OrderStatus",
    "ReferenceReused",
    "Sender",
    "apply_order_facts",
    "availability",
    "cancel_order",
    "check_promises",
    "deliver_notifications",
    "expire_due",
    "order_status",
    "place_order",
    "snapshot_rows",
    "stock_to_promise",
    "webhook",
]
