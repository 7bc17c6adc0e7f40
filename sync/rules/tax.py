"""VAT on VAT-inclusive shelf prices.

Rule (see DOMAIN.md): shelf prices include VAT. The ticket total is the sum of its line
totals. Per VAT rate, the gross amount of the lines at that rate is split into base and
tax *once*, on the total for that rate: base = round(gross / (1 + rate)), tax = gross - base.
So the breakdown always adds up to the ticket total to the cent, whatever the number of lines.
Rates are held in basis points (2100 = 21 %).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sync.rules.money import round_half_up_div

BASIS = 10_000


@dataclass(frozen=True, slots=True)
class TaxLine:
    rate_bp: int
    gross: int
    base: int
    tax: int

    @property
    def rate_percent(self) -> str:
        whole, frac = divmod(self.rate_bp, 100)
        return f"{whole}" if frac == 0 else f"{whole},{frac:02d}".rstrip("0")


def split_gross(gross: int, rate_bp: int) -> tuple[int, int]:
    """Split a VAT-inclusive amount into (base, tax)."""
    if rate_bp < 0:
        raise ValueError("a VAT rate cannot be negative")
    base = round_half_up_div(gross * BASIS, BASIS + rate_bp)
    return base, gross - base


def breakdown(lines: Iterable[tuple[int, int]]) -> list[TaxLine]:
    """Per-rate breakdown of (rate_bp, gross_cents) pairs, highest rate first."""
    gross_by_rate: dict[int, int] = {}
    for rate_bp, gross in lines:
        gross_by_rate[rate_bp] = gross_by_rate.get(rate_bp, 0) + gross
    result = []
    for rate_bp in sorted(gross_by_rate, reverse=True):
        gross = gross_by_rate[rate_bp]
        base, tax = split_gross(gross, rate_bp)
        result.append(TaxLine(rate_bp=rate_bp, gross=gross, base=base, tax=tax))
    return result
