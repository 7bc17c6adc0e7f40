"""Promotions and the rule for combining them. Pure Python: no Qt, no SQL.

Kinds (see DOMAIN.md): percentage or amount off a SKU or a family, N for M, second unit at X %
off, bundle price, and a basket threshold.

How they combine (shown on the receipt, where each discount is named on its line):
1. A line the cashier discounted or re-priced by hand takes no promotion: the person's decision
   replaces the automatic one.
2. Item promotions never stack on a unit: each unit gets at most one. Among the promotions that
   apply, the one that saves the customer most (on the units still free) is applied first and
   claims its units; then the next, on what is left, until none saves anything. Ties go to the
   lower promotion id, so the result never depends on the order lines were scanned.
3. Then basket promotions (spend at least X, get Y off), on the total after item promotions:
   only the best one applies. Its amount is spread over the lines in proportion to what each
   line still costs (largest remainder, to the cent), so the VAT breakdown per rate stays true.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sync.rules.money import round_half_up_div

ITEM_KINDS = ("percent", "amount", "n_for_m", "second_unit", "bundle")


@dataclass(frozen=True, slots=True)
class Promotion:
    id: int
    code: str
    name: str
    kind: str  # percent | amount | n_for_m | second_unit | bundle | basket
    value: int  # bp off (percent, second_unit), cents off (amount, basket), bundle price (bundle)
    target: str = "sku"  # sku | family | basket
    target_ids: frozenset[int] = frozenset()
    buy: int = 0
    pay: int = 0
    min_total: int = 0
    channels: frozenset[str] = frozenset({"store"})
    store_ids: frozenset[int] = frozenset()
    tier: str = ""
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    active: bool = True
    segment: str = ""  # only for members carrying this segment tag

    def applies_at(
        self,
        moment: datetime,
        store_id: int,
        channel: str = "store",
        tier: str = "",
        tags: frozenset[str] = frozenset(),
    ) -> bool:
        """Whether it is in force here and now, for a customer of this tier and segments (a
        sale with no member identified: tier "" and no tags)."""
        if not self.active or channel not in self.channels:
            return False
        if self.store_ids and store_id not in self.store_ids:
            return False
        if self.tier and self.tier != tier:
            return False
        if self.segment and self.segment not in tags:
            return False
        if self.valid_from is not None and moment < self.valid_from:
            return False
        return not (self.valid_to is not None and moment >= self.valid_to)

    def covers(self, sku_id: int, family_ids: Iterable[int]) -> bool:
        if self.target == "sku":
            return sku_id in self.target_ids
        if self.target == "family":
            return not self.target_ids.isdisjoint(family_ids)
        return False


@dataclass(frozen=True, slots=True)
class Discount:
    name: str
    amount: int
    promotion_id: int | None = None
    basket: bool = False  # a share of a basket promotion (printed once, under the total)


@dataclass(frozen=True, slots=True)
class PricingLine:
    """What the engine needs of a cart line."""

    sku_id: int
    family_ids: tuple[int, ...]
    unit_price: int
    quantity: int
    manual: bool = False  # discounted or re-priced by hand: no promotion (rule 1)


@dataclass(frozen=True, slots=True)
class _Unit:
    line: int
    price: int


def apply_promotions(lines: Sequence[PricingLine], promotions: Sequence[Promotion]) -> list[list[Discount]]:
    """The promotion discounts of each line (already filtered to the ones in force here and now)."""
    result: list[list[Discount]] = [[] for _ in lines]
    free = [
        _Unit(i, line.unit_price)
        for i, line in enumerate(lines)
        if not line.manual and line.quantity > 0
        for _ in range(line.quantity)
    ]
    candidates = sorted((p for p in promotions if p.kind in ITEM_KINDS), key=lambda p: p.id)
    # Which lines each promotion covers, worked out once per line rather than per unit and round
    # (a scan reprices the whole cart: this was most of a scan's time).
    covers = {
        id(promo): {i for i, line in enumerate(lines) if promo.covers(line.sku_id, line.family_ids)}
        for promo in candidates
    }
    while free and candidates:
        best: tuple[int, Promotion, list[tuple[_Unit, int]]] | None = None
        for promo in candidates:
            lines_covered = covers[id(promo)]
            covered = [u for u in free if u.line in lines_covered]
            if not covered:
                continue
            claims = _claims(promo, covered, lines)
            saving = sum(s for _, s in claims)
            if saving > 0 and (best is None or saving > best[0]):
                best = (saving, promo, claims)
        if best is None:
            break
        _, promo, claims = best
        per_line: dict[int, int] = {}
        claimed = {id(u) for u, _ in claims}
        for unit, saving in claims:
            per_line[unit.line] = per_line.get(unit.line, 0) + saving
        for line_no, amount in sorted(per_line.items()):
            if amount:
                result[line_no].append(Discount(promo.name, amount, promo.id))
        free = [u for u in free if id(u) not in claimed]
        candidates = [p for p in candidates if p is not promo]
    _apply_basket(lines, promotions, result)
    return result


def _claims(promo: Promotion, units: list[_Unit], lines: Sequence[PricingLine]) -> list[tuple[_Unit, int]]:
    """(unit, saving on it) for every unit the promotion takes, given the units it covers."""
    if promo.kind == "percent":
        return [(u, round_half_up_div(u.price * promo.value, 10_000)) for u in units]
    if promo.kind == "amount":
        return [(u, min(promo.value, u.price)) for u in units]
    ordered = sorted(units, key=lambda u: (-u.price, u.line))
    if promo.kind == "n_for_m":
        if promo.buy <= promo.pay or promo.pay < 1:
            return []
        claims = []
        for start in range(0, len(ordered) - promo.buy + 1, promo.buy):
            group = ordered[start : start + promo.buy]
            claims += [(u, u.price if k >= promo.pay else 0) for k, u in enumerate(group)]  # cheapest free
        return claims
    if promo.kind == "second_unit":
        claims = []
        for start in range(0, len(ordered) - 1, 2):
            first, second = ordered[start], ordered[start + 1]
            claims += [(first, 0), (second, round_half_up_div(second.price * promo.value, 10_000))]
        return claims
    if promo.kind == "bundle":
        by_sku: dict[int, list[_Unit]] = {}
        for u in ordered:
            by_sku.setdefault(lines[u.line].sku_id, []).append(u)
        if set(by_sku) != set(promo.target_ids):
            return []
        claims = []
        for k in range(min(len(us) for us in by_sku.values())):
            bundle = [by_sku[sku][k] for sku in sorted(by_sku)]
            full = sum(u.price for u in bundle)
            saving = full - promo.value
            if saving <= 0:
                break
            claims += list(zip(bundle, _spread(saving, [u.price for u in bundle]), strict=True))
        return claims
    return []


def _apply_basket(lines: Sequence[PricingLine], promotions: Sequence[Promotion], result: list[list[Discount]]) -> None:
    nets = [
        line.unit_price * line.quantity - sum(d.amount for d in result[i]) if line.quantity > 0 else 0
        for i, line in enumerate(lines)
    ]
    total = sum(nets)
    best: Promotion | None = None
    for promo in sorted((p for p in promotions if p.kind == "basket"), key=lambda p: p.id):
        if total >= promo.min_total and min(promo.value, total) > (min(best.value, total) if best else 0):
            best = promo
    if best is None or total <= 0:
        return
    for i, share in enumerate(_spread(min(best.value, total), nets)):
        if share:
            result[i].append(Discount(best.name, share, best.id, basket=True))


def _spread(amount: int, weights: Sequence[int]) -> list[int]:
    """`amount` split in proportion to `weights` (largest remainder): the shares add up exactly."""
    total = sum(weights)
    if total <= 0:
        return [0] * len(weights)
    shares = [amount * w // total for w in weights]
    rest = amount - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % total), i))
    for i in order[:rest]:
        shares[i] += 1
    return shares
