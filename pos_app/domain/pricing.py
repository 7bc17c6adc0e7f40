"""Which price applies: price lists per channel, entries with validity windows.

A store sells from its channel's list ("store"); the web list is the other channel.
Among the entries of a list for a SKU that are valid at the moment of sale, the one that
started last wins, so a sales season (an entry with dates) overrides the base price
(an entry without dates) while it lasts and the base price comes back when it ends.
Between entries that start at the same moment, the newest (highest id) wins, so HQ changes
a price by adding an entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

_BEGINNING = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class PriceEntry:
    price_list_id: int
    sku_id: int
    price_cents: int
    valid_from: datetime | None = None
    valid_to: datetime | None = None  # exclusive; all times are timezone-aware (UTC)
    entry_id: int = 0

    def is_valid_at(self, moment: datetime) -> bool:
        if self.valid_from is not None and moment < self.valid_from:
            return False
        return not (self.valid_to is not None and moment >= self.valid_to)


def resolve_price(entries: Iterable[PriceEntry], moment: datetime) -> PriceEntry | None:
    """The entry in force at `moment`, or None if the SKU has no price then."""
    best: PriceEntry | None = None
    for entry in entries:
        if not entry.is_valid_at(moment):
            continue
        if best is None or (_start(entry), entry.entry_id) > (_start(best), best.entry_id):
            best = entry
    return best


def _start(entry: PriceEntry) -> datetime:
    return entry.valid_from or _BEGINNING
