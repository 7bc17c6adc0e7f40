"""Money as integer cents. Never a float.

Parsing accepts what a cashier types ("12", "12,5", "12.50", "1.234,56") and refuses
anything ambiguous or negative with a ValueError whose message can be shown as is.
"""

from __future__ import annotations

import re

from sync.rules.errors import ShopError

_AMOUNT = re.compile(r"^\s*(\d{1,3}(?:[.\s]\d{3})+|\d+)(?:[.,](\d{1,2}))?\s*(?:€|EUR)?\s*$", re.IGNORECASE)


def parse_amount(text: str) -> int:
    """Parse a typed amount into cents.

    Both ',' and '.' are decimal marks when one or two digits follow ("12,5", "12.50");
    a group of three digits after '.' or a space is a thousands group ("1.234,56").
    """
    cleaned = text.strip()
    if not cleaned:
        raise ShopError("amount.empty", "Enter an amount")
    match = _AMOUNT.match(cleaned)
    if match is None:
        raise ShopError("amount.not_an_amount", f"'{text}' is not an amount", text=text)
    whole, frac = match.groups()
    whole_digits = re.sub(r"[.\s]", "", whole)
    frac = (frac or "").ljust(2, "0")
    return int(whole_digits) * 100 + int(frac or "0")


def format_amount(cents: int, currency: str = "€", decimal: str = ",", thousands: str = ".") -> str:
    """Format cents as shop text, Spanish style by default: 1.234,50 €."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    whole_text = f"{whole:,}".replace(",", thousands)
    text = f"{sign}{whole_text}{decimal}{frac:02d}"
    return f"{text} {currency}" if currency else text


def round_half_up_div(numerator: int, denominator: int) -> int:
    """Integer division rounded half away from zero (commercial rounding), exact for any size."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return sign * q


def round_to_step(cents: int, step: int) -> int:
    """Cash rounding: the nearest multiple of `step` cents (halves go up)."""
    if step <= 1:
        return cents
    return round_half_up_div(cents, step) * step
