"""Click&collect orders and reservations: their life, what may be promised, the pickup code.

Pure Python: no Qt, no SQL (groundwork for issue 6: the server's API and the till's pickup
screen build on these).

Life of an order (DOMAIN.md): placed → reserved (units held at the store) → picking → ready
(customer told) → collected; or cancelled, or expired after the pickup window (units released).
States only move forward (SYNC.md, invariant 4): a fact that would move an order back (a late
or replayed delivery) changes nothing. A problem (the last unit was sold offline before the till
heard of the reservation) is not a state but a flag on the order, raised at once and kept until
a person settles it; the order's state still only moves forward.

What may be promised at a store (available to promise): the store's last confirmed figure,
minus what is already reserved there, minus a safety margin that grows with the time since the
store last synced (its till may have sold units the server has not heard of). A store not heard
of for longer than `SafetyMargin.blind_after` gets no promise at all.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sync.rules.loyalty import IdentificationError, normalise_phone

# Forward order of the states; the three terminal ones share the last rank.
STATE_RANK = {
    "placed": 0,
    "reserved": 1,
    "picking": 2,
    "ready": 3,
    "collected": 4,
    "cancelled": 4,
    "expired": 4,
}
TERMINAL = frozenset({"collected", "cancelled", "expired"})
# Which states each may move to (skipping forward is allowed where a step has nothing to do:
# a reservation for a walk-in customer is ready as soon as it is reserved).
NEXT = {
    "placed": frozenset({"reserved", "cancelled"}),
    "reserved": frozenset({"picking", "ready", "cancelled", "expired"}),
    "picking": frozenset({"ready", "cancelled", "expired"}),
    "ready": frozenset({"collected", "cancelled", "expired"}),
    "collected": frozenset(),
    "cancelled": frozenset(),
    "expired": frozenset(),
}
# What holds units at the store (released by collected, cancelled and expired).
HOLDING = frozenset({"reserved", "picking", "ready"})


class OrderStateError(ValueError):
    """A move an order may not make; the message is for a person."""


def forward(
    rank: dict[str, int], allowed: dict[str, frozenset[str]], current: str, target: str,
    error: type[OrderStateError] = OrderStateError, what: str = "order",
) -> str:  # fmt: skip
    """The state after trying to move `current` to `target` in a life whose states only move
    forward (orders, transfers). Moving to the same state, or back (a late or replayed fact),
    changes nothing and is not an error. A forward move `allowed` does not list raises `error`."""
    if current not in rank or target not in rank:
        raise error(f"unknown {what} state {target if current in rank else current!r}")
    if target == current or rank[target] < rank[current]:
        return current
    if target not in allowed[current]:
        raise error(f"an {what} {current} cannot become {target}" if what[0] in "aeiou" else
                    f"a {what} {current} cannot become {target}")  # fmt: skip
    return target


def advance(current: str, target: str) -> str:
    """An order's state after trying to move it to `target` (see `forward`): collected →
    cancelled or placed → ready raise OrderStateError."""
    return forward(STATE_RANK, NEXT, current, target)


def queue(state: str, problem: bool, ready_until_passed: bool) -> str:
    """Where an order shows on the pickup screen: problem, overdue, new, picking, ready, or done."""
    if state in TERMINAL:
        return "done"
    if problem:
        return "problem"
    if state == "ready" and ready_until_passed:
        return "overdue"
    return {"placed": "new", "reserved": "new", "picking": "picking", "ready": "ready"}[state]


@dataclass(frozen=True, slots=True)
class SafetyMargin:
    """Units held back from promises at a store, growing with the time since it last synced.

    margin = base + one unit per `hours_per_unit` hours of silence beyond `fresh_for` (rounded
    up), and no promise at all once the store has been silent for `blind_after`. A store heard
    from within `fresh_for` (its tills sync every few seconds when online) keeps only `base`.
    """

    base: int = 0
    hours_per_unit: float = 2.0
    blind_after: timedelta = timedelta(hours=24)
    fresh_for: timedelta = timedelta(minutes=10)

    def units(self, since_sync: timedelta) -> int | None:
        """Units to hold back; None: the store's figures are too old to promise anything."""
        if since_sync >= self.blind_after:
            return None
        hours = max(0.0, (since_sync - self.fresh_for).total_seconds() / 3600)
        return self.base + math.ceil(hours / self.hours_per_unit)


@dataclass(frozen=True, slots=True)
class OrderLine:
    line_no: int
    sku_id: int
    sku_code: str
    name: str
    quantity: int
    unit_price: int
    released: int = 0
    handed: int = 0

    @property
    def held(self) -> int:
        """Units of this line the order still holds at the store."""
        return max(0, self.quantity - self.released - self.handed)


@dataclass(frozen=True, slots=True)
class Order:
    """A click&collect order or a reservation as the till sees it: the server's last word with
    this till's own steps laid over it (`state` is already the later of the two)."""

    id: str
    number: str
    kind: str  # click_collect | reservation
    channel: str
    store_id: int
    code: str
    state: str
    problem: str
    customer_name: str
    card: str
    phone_hint: str
    prepaid: bool
    total: int
    ready_until: datetime | None
    created_at: datetime
    lines: tuple[OrderLine, ...]

    @property
    def holding(self) -> bool:
        return self.state in HOLDING

    def queue(self, now: datetime) -> str:
        passed = self.ready_until is not None and self.ready_until < now
        return queue(self.state, bool(self.problem), passed)


def available_to_promise(
    confirmed: int, reserved: int, since_sync: timedelta, margin: SafetyMargin | None = None
) -> int:
    """Units the server may promise now at a store: its last confirmed figure, minus what is
    reserved there, minus the safety margin for its silence; never below 0."""
    held_back = (margin or SafetyMargin()).units(since_sync)
    if held_back is None:
        return 0
    return max(0, confirmed - max(0, reserved) - held_back)


# Pickup codes: 8 characters of Crockford's base 32 (no I, L, O, U: nothing to misread on a phone
# or to say over the counter) plus a check character, so a mistyped code is caught at the till.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CHECK = _ALPHABET + "*~$=U"  # Crockford's 37 check symbols


def pickup_code() -> str:
    body = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return body + _check_char(body)


def _check_char(body: str) -> str:
    value = 0
    for char in body:
        value = value * 32 + _ALPHABET.index(char)
    return _CHECK[value % 37]


def normalise_pickup_code(text: str) -> str | None:
    """A pickup code as typed or scanned (any case, spaces and dashes, O for 0, I/L for 1), or
    None when it is not a valid code (wrong length, characters or check)."""
    cleaned = text.strip().upper().replace("-", "").replace(" ", "")
    cleaned = cleaned[:8].translate(str.maketrans("OIL", "011")) + cleaned[8:]
    if len(cleaned) != 9 or any(c not in _ALPHABET for c in cleaned[:8]) or cleaned[8] not in _CHECK:
        return None
    return cleaned if _check_char(cleaned[:8]) == cleaned[8] else None


def order_phone(text: str | None) -> str:
    """The phone an order keeps, to reach the customer: the same digits with their country code
    as a member's phone (loyalty.normalise_phone: '612 34 56 78' and '+34 612345678' are both
    '34612345678'), whichever channel took it. A number that rule cannot read (too long, a
    foreign format) is kept as its digits rather than refuse the order for it; '' for none."""
    if not text or not text.strip():
        return ""
    try:
        return normalise_phone(text)
    except IdentificationError:
        return "".join(c for c in text if c.isdigit())
