"""Transfers between stores and stock counts: their rules, pure Python (no Qt, no SQL).

A transfer's life (DOMAIN.md): requested (by the store that needs the goods) → accepted or
declined (by the store asked) → shipped (picked quantities leave the sender's stock: in
transit) → received (counted quantities enter the receiver's stock; a difference is recorded
with its reason and shown to both stores and HQ); or cancelled before it ships. States only
move forward (the same rule as orders): a late or repeated step changes nothing.

Who does what: the receiving store requests, receives and may cancel; the sending store
accepts, declines, ships and may cancel.

Counts: a count freezes each SKU's expected figure when the SKU is first counted, so sales
before that moment are in the expected figure and those after it are not in the count either;
the adjustment is counted − expected, a movement, never an absolute figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sync.rules.orders import OrderStateError, forward

STATE_RANK = {"requested": 0, "accepted": 1, "shipped": 2, "received": 3, "declined": 3, "cancelled": 3}
TERMINAL = frozenset({"received", "declined", "cancelled"})
NEXT = {
    "requested": frozenset({"accepted", "declined", "cancelled", "shipped"}),
    "accepted": frozenset({"shipped", "cancelled"}),
    "shipped": frozenset({"received"}),
    "received": frozenset(),
    "declined": frozenset(),
    "cancelled": frozenset(),
}
SENDER_STEPS = frozenset({"accepted", "declined", "shipped", "cancelled"})
RECEIVER_STEPS = frozenset({"received", "cancelled"})
# Why a received quantity differs from the shipped one, and why stock is adjusted by hand.
DIFFERENCE_REASONS = ("short", "damaged", "extra", "wrong_item")
ADJUSTMENT_REASONS = ("damage", "theft", "found", "supplier_return", "count")


class TransferStateError(OrderStateError):
    """A move a transfer may not make; the message is for a person."""


def advance(current: str, target: str) -> str:
    """A transfer's state after trying to move it to `target` (same or back: unchanged)."""
    return forward(STATE_RANK, NEXT, current, target, TransferStateError, "transfer")


def may_do(step: str, store_id: int, from_store_id: int, to_store_id: int) -> bool:
    """Whether a store may take this step of a transfer between these two stores."""
    return (store_id == from_store_id and step in SENDER_STEPS) or (store_id == to_store_id and step in RECEIVER_STEPS)


@dataclass(frozen=True, slots=True)
class TransferLine:
    line_no: int
    sku_id: int
    sku_code: str
    name: str
    requested: int
    shipped: int = 0
    received: int = 0
    reason: str = ""  # why received differs from shipped

    @property
    def difference(self) -> int:
        """Received less shipped (negative: short)."""
        return self.received - self.shipped


@dataclass(frozen=True, slots=True)
class Transfer:
    """A transfer as a till sees it: HQ's last word with this till's own steps laid over it."""

    id: str
    number: str
    code: str  # on the transfer note's barcode: the receiving store scans the parcel
    from_store_id: int
    to_store_id: int
    state: str
    order_id: str
    note: str
    created_at: datetime
    lines: tuple[TransferLine, ...]

    @property
    def in_transit(self) -> bool:
        return self.state == "shipped"


def suggested_quantity(on_hand: int, in_transit: int, minimum: int, maximum: int) -> int:
    """Units to ask for when a store is below its minimum: up to its maximum (0 otherwise)."""
    have = on_hand + in_transit
    return max(0, maximum - have) if have < minimum else 0


def surplus(figure: int, minimum: int | None, maximum: int | None) -> int:
    """Units a store can spare: above its maximum if it has one, else above its minimum (or none)."""
    if maximum is not None:
        return max(0, figure - maximum)
    if minimum is not None:
        return max(0, figure - minimum)
    return 0
